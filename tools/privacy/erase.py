"""Erasure of one customer from everything tools/ keeps (`journeybot forget` adds bot/'s stores).

In order, so that a failure leaves nothing half-done that running again would not finish:
1. what identifies the customer is read first (id, full names, emails, the texts only they
   wrote, their survey and ticket ids), and other customers' longer identifiers that hold theirs
   (C1000 for C100), which must be left alone: tools/data/people.py;
2. the feedback store: their chunks are deleted and Chroma's write-ahead queue purged (if the
   store is unreachable nothing has been deleted anywhere yet);
3. the journey store: every row with their customer_id in every table of the file (journey
   tables, sessions and first events rebuilt, persona members of drafts and saved versions,
   predict scores), in one transaction that also adds them to the erasure ledger (a salted hash
   of their id: tools/data/erased.py), so no later load brings them back; then their quotes
   leave every persona card;
4. files: their rows leave the CSV, TSV, Parquet and JSON files kept in the data folder and in
   the inboxes sources load from (the sample, exports waiting, loaded into done/ or refused
   into failed/ with the note saying why, which is scrubbed too), entries naming them leave the
   terminal's history, and journey map files quoting them are deleted, as are the copies a
   killed load left in the data folder's tmp/ that hold them;
5. compaction: the journey store's file is rewritten (COPY FROM DATABASE into a fresh file,
   the old bytes zeroed) and Chroma's SQLite file VACUUMed, so no deleted bytes stay behind.
The caller then searches the raw bytes of every file under the data folder (files.residue).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Provenance, ResultMixin
from tools.data.compact import compact
from tools.data.erased import is_erased
from tools.data.keys import customer_key
from tools.data.people import Identifiers, identifiers, lookalikes
from tools.data.store import JourneyStore
from tools.feedback.forget import compact_folder, forget_texts
from tools.feedback.store import FeedbackStore
from tools.personas.forget import forget_quotes
from tools.privacy.files import drop_load_copies, drop_rendered, erase_in_files, scrub_history
from tools.privacy.needles import Needles


@dataclass(frozen=True)
class Erasure(ResultMixin):
    """What was removed where (`removed`: place -> count), the files rewritten, what is still
    found in raw bytes (`residue`, empty when erasure is complete) and notes."""

    customer_id: str
    removed: dict[str, int]
    rewritten: tuple[str, ...]
    residue: tuple[tuple[str, tuple[str, ...]], ...]
    needles: Needles = field(repr=False)
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{"where": k, "removed": v} for k, v in self.removed.items()])

    def to_text(self) -> str:
        done = [f"  {where}: {n:,}" for where, n in self.removed.items() if n]
        lines = [f"Forgot customer {self.customer_id!r}:", *(done or ["  nothing was stored"])]
        if self.rewritten:
            lines.append("Rewritten so no deleted bytes remain: " + ", ".join(self.rewritten))
        if self.residue:
            lines.append("Still found in raw bytes (erasure is NOT complete):")
            lines += [f"  {f}: {', '.join(kinds)}" for f, kinds in self.residue]
            lines.append("Another journeybot process (`journeybot serve`) may hold these files open: stop it and "
                         "run `journeybot forget` again, which finishes the erasure.")
        else:
            lines.append(f"Checked: no file under the data folder holds {', '.join(self._kinds())} any more.")
        lines += [f"Note: {n}" for n in self.provenance.notes]
        return "\n".join(lines)

    def _kinds(self) -> list[str]:
        kinds = dict.fromkeys(w for w, _ in self.needles.strings)
        words = {"id": "their id", "name": "their name", "email": "their email", "text": "their texts"}
        return [words[k] for k in kinds]

    def with_bot(self, removed: dict[str, int], rewritten: tuple[str, ...],
                 residue: tuple[tuple[str, tuple[str, ...]], ...], notes: tuple[str, ...] = ()) -> Erasure:
        """This erasure plus what bot/'s stores removed, and the final raw-byte check."""
        prov = Provenance(**{**self.provenance.__dict__, "notes": self.provenance.notes + notes})
        return Erasure(self.customer_id, {**self.removed, **removed}, self.rewritten + rewritten, residue,
                       self.needles, prov)


def erase_customer(customer_id: str, *, store: JourneyStore, fb: FeedbackStore | None,
                   home: Path | None = None, maps: Path | None = None,
                   folders: Sequence[Path] = ()) -> Erasure:
    """Erase one customer from the journey store, the feedback store and the files under
    `home` (sample/, chat_history, `maps` or home/maps) and under `folders` (the inboxes
    sources load from, with the files kept in done/ and failed/); see the module docstring."""
    cid = (customer_id or "").strip()
    if not cid:
        raise ToolInputError("give the customer id to forget")
    address = None
    with store.connect() as con:
        if "@" in cid and not _stored(con, cid) and _stored(con, customer_key(cid) or cid):
            # An export keyed by email stores the pseudonymous key, never the address: a person
            # asking to be forgotten gives their address, and "nothing is stored" would be false.
            address, cid = cid, customer_key(cid) or cid
        ident = identifiers(con, cid)
        if address is not None:
            ident = dataclasses.replace(ident, emails=tuple(dict.fromkeys((*ident.emails, address))))
        others = lookalikes(con, ident)
    gone = forget_texts(fb, cid) if fb is not None else None
    needles = Needles.of(ident, gone.documents if gone else (), others)
    journey = store.delete_customer(cid)
    if not any(journey.values()) and not (gone and gone.chunks):
        with store.connect() as con:
            before = is_erased(con, cid)
        raise NoDataError(f"Nothing is stored for customer {cid!r} (ids are case-sensitive); nothing was changed."
                          + (" They were erased before, and every load since has left them out." if before else ""))
    removed = {f"journey store: {t}": n for t, n in journey.items()}
    if gone is not None:
        removed["feedback store: texts"] = gone.texts
        removed["feedback store: chunks"] = gone.chunks
    records = set(ident.records) | set(gone.records if gone else ())
    removed["persona cards: quotes"] = forget_quotes(store, records, [*ident.texts, *(gone.documents if gone else ())])
    notes: list[str] = []
    if address is not None:
        notes.append(f"the address given is stored only as the pseudonymous key {cid} (exports keyed by email "
                     "keep no address): that customer was erased")
    kept = erase_in_files(home, folders, needles)
    for name, n in kept.rows.items():
        removed[f"{_short(name, home)}: rows"] = n
    removed["notes and exports that quoted them: lines"] = sum(kept.notes.values())
    if kept.deleted:
        removed["unreadable files that named them (shredded)"] = len(kept.deleted)
    if home is not None:
        removed["terminal history: questions"] = scrub_history(home / "chat_history", needles)
        dropped = drop_rendered(maps or home / "maps", needles)
        removed["journey map files"] = len(dropped)
        if dropped:
            notes.append("journey map files that quoted the customer were deleted (" + ", ".join(dropped)
                         + "); draw them again with `journeybot map --out`")
    temps = {t for t in (store.temp_directory, home / "tmp" if home is not None else None) if t is not None}
    copies = [c for t in sorted(temps) for c in drop_load_copies(t, needles)]
    if copies:
        removed["copies a stopped load left in the data folder's tmp/ (shredded)"] = len(copies)
    rewritten = []
    report = compact(store)
    if report is not None:
        rewritten.append(Path(report.path).name)
    if fb is not None:
        note = compact_folder(fb)
        if note:
            notes.append(note)
        elif fb.path is not None:
            rewritten.append(f"{fb.path.name}/chroma.sqlite3")
        if fb.path is not None:
            # The vector index's files hold vectors and numbers only, but its library reserves
            # memory without clearing it and writes it out whole: text that was in this process's
            # memory (theirs included) can ride along in the unused part. It is zeroed here.
            blanked = sum(needles.blank_in_file(f) for f in sorted(fb.path.glob("*/*.bin")))
            if blanked:
                removed["feedback store: stray copies in the vector index's unused space (zeroed)"] = blanked
    notes += list(_standing_notes(ident))
    prov = Provenance(
        tool="erase_customer",
        definition="every row with this customer_id in every store, their texts in the feedback store and its "
                   "write-ahead queue, their quotes in persona cards, their rows in the sample files; the files "
                   "rewritten so no deleted bytes remain",
        params={"customer_id": cid},
        row_counts={k: v for k, v in removed.items() if v},
        notes=tuple(notes),
    )
    return Erasure(cid, removed, tuple(rewritten), (), needles, prov)


def _stored(con: Any, cid: str) -> bool:
    """Whether any journey table holds rows of this customer id."""
    return bool(con.execute(
        "SELECT EXISTS (SELECT 1 FROM customers WHERE customer_id = $c) OR EXISTS (SELECT 1 FROM orders "
        "WHERE customer_id = $c) OR EXISTS (SELECT 1 FROM surveys WHERE customer_id = $c) OR EXISTS "
        "(SELECT 1 FROM tickets WHERE customer_id = $c) OR EXISTS (SELECT 1 FROM events WHERE customer_id = $c)",
        {"c": cid}).fetchone()[0])


def _short(path: str, home: Path | None) -> str:
    """A file under the data folder by its name there (sample/customers.csv), others in full."""
    if home is not None and Path(path).is_relative_to(home):
        return str(Path(path).relative_to(home))
    return path


def _standing_notes(ident: Identifiers) -> tuple[str, ...]:
    return ("an export or sync that brings them again leaves them out and says so (the journey store keeps a "
            "salted hash of their id, never the id); erase them at the vendor too, and in your own copies of "
            "the exports",
            "journeybot redacts the names it knows from every text, so anonymous texts that named the customer "
            "were stored as [name]" if ident.names else
            "journeybot keeps no name for them (their exports gave none it stores), so a text it cannot tie to "
            "them (an anonymous review that names them) was neither redacted nor erased: search for their name "
            "with `journeybot feedback search` and remove it at the source")
