"""Erasure in the plain files journeybot keeps, and the raw-byte check that nothing is left.

One function per kind of file, each called once by tools/privacy/erase.py:
- `erase_in_files`: the tables, notes and exports of the data folder (the sample's CSV and
  Parquet files, exports a sync left there, persona cards or search results an owner saved
  there as Markdown or JSON) and of every inbox a source loads from (files waiting, loaded into
  done/, refused into failed/ with a `<file>.reason.txt` that quotes the problem rows). A table
  loses the customer's rows, the rest of each file is written back as it was read (its
  delimiter kept); a note, and a text file that still quotes them without a row of theirs (a
  persona card's quote of their review), has their words replaced; a file that names them but
  can be neither read as a table nor rewritten as text is shredded.
- `scrub_history`: the terminal's history of questions (`journeybot agent`); entries naming the
  customer are removed.
- `drop_rendered`: journey maps written by `journeybot map --out` or the demo quote customers;
  a map file holding the customer (an XLSX is read inside its zip) is deleted together with the
  picture of the same name, which cannot be searched. Draw it again after the erasure.
- `residue`: every file under the given folders, read as raw bytes, searched for the needles.

A row is the customer's when a cell holds exactly their customer id, one of their emails, or an
email whose pseudonymous key (tools/data/keys.py) is their id, which is how vendor exports
become customers; or when a customer-id column holds the vendor's own id behind journeybot's
prefix ("zendesk-4711" is the row whose "Requester id" is 4711). Equality, never a substring:
erasing C100 leaves C1000's rows. URL and API sources keep nothing on disk; the vendor still
has the customer, which the erasure ledger (tools/privacy/ledger.py) keeps out of later loads.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tools.core.files import replace, shred
from tools.data.keys import customer_key_sql
from tools.privacy.needles import Needles

TABULAR = (".csv", ".tsv", ".txt", ".parquet", ".jsonl", ".ndjson", ".json")
# Exports an owner may keep in the data folder (`personas export --output`, saved answers): text
# that can quote a customer without holding their id, and a spreadsheet that can hold either.
DOCUMENTS = (".md", ".markdown", ".html", ".htm", ".xml", ".yaml", ".yml", ".log", ".xlsx")
_BINARY = (".parquet", ".xlsx")
SKIP = ("feedback", "models", "maps", "tmp")  # stores and renderings of the data folder, handled on their own
_NOTE = ".reason.txt"
_ID_COLUMN = re.compile(r"(customer|requester|user|client).{0,3}id$", re.IGNORECASE)


@dataclass(frozen=True)
class FilesErasure:
    rows: dict[str, int] = field(default_factory=dict)  # table file -> rows removed
    notes: dict[str, int] = field(default_factory=dict)  # note -> places their words were replaced
    deleted: tuple[str, ...] = ()  # files that named them but are not tables (shredded)


def kept_files(folder: Path, skip: Sequence[str] = (), *, tables_only: bool = True) -> list[Path]:
    """The files under a folder (its subfolders too: an inbox's done/ and failed/), leaving out
    the top-level folders in `skip` and hidden files (a rewrite in progress); `tables_only`:
    tables and notes only (the data folder also holds stores, handled on their own)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and (not tables_only or p.suffix.lower() in TABULAR + DOCUMENTS)
                  and p.relative_to(folder).parts[0] not in skip)


def erase_in_files(home: Path | None, inboxes: Sequence[Path], needles: Needles) -> FilesErasure:
    """Remove the customer from the tables and notes of the data folder (`home`, its stores
    left out) and from every file an inbox keeps; see the module docstring. File names in the
    result are full paths."""
    cid = needles.customer_id.strip()
    if not cid:
        raise ValueError("no customer id to erase")
    mails = sorted({t.lower() for what, t in needles.strings if what == "email"} | ({cid.lower()} if "@" in cid else set()))
    files = kept_files(home, SKIP) if home is not None else []
    for inbox in inboxes:  # an inbox inside the data folder is listed once
        files += [p for p in kept_files(inbox, tables_only=False) if p not in files]
    rows: dict[str, int] = {}
    notes: dict[str, int] = {}
    deleted: list[str] = []
    con = duckdb.connect()
    try:
        for path in files:
            if path.name.endswith(_NOTE):
                n = _scrub_note(path, needles)
                if n:
                    notes[str(path)] = n
                continue
            n = _scrub_table(con, path, cid, mails) if path.suffix.lower() in TABULAR else None
            if n:
                rows[str(path)] = n
            if not _holds(path, needles):
                continue
            # Their words without a row of theirs: a quote of their review in saved persona
            # cards, their text in saved search results. Replaced where the file is text; a
            # file that still holds them after that, or cannot be rewritten, is shredded.
            words = _scrub_note(path, needles) if path.suffix.lower() not in _BINARY else 0
            if words and not _holds(path, needles):
                notes[str(path)] = words
            else:
                shred(path)
                deleted.append(str(path))
    finally:
        con.close()
    return FilesErasure(rows, notes, tuple(deleted))


def _scrub_table(con: duckdb.DuckDBPyConnection, path: Path, customer_id: str, mails: list[str]) -> int | None:
    """Rows removed (0: none of theirs), or None when the file cannot be read as a table."""
    reader, write = _io(con, path)
    try:
        columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {reader}").fetchall()]
    except duckdb.Error:
        return None
    raw = customer_id.split("-", 1)[1] if re.match(r"^[a-z]+-.", customer_id) else None
    tests = []
    for c in columns:
        cell = f"trim(CAST({_ident(c)} AS VARCHAR))"
        tests.append(f"{customer_key_sql(cell)} = $id")
        tests.append(f"ltrim({cell}, chr(39)) = $id")  # exports quote long ids: '7624637182754
        if mails:
            tests.append(f"lower({cell}) IN (SELECT unnest($mails))")
        if raw and _ID_COLUMN.search(c.strip()):
            tests.append(f"ltrim({cell}, chr(39)) = $raw")
    theirs = " OR ".join(f"coalesce({t}, false)" for t in tests)
    args: dict[str, object] = {"id": customer_id}
    if mails:
        args["mails"] = mails
    if raw and "$raw" in theirs:
        args["raw"] = raw
    try:
        n = int(con.execute(f"SELECT count(*) FROM {reader} WHERE {theirs}", args).fetchone()[0])  # type: ignore[index]
    except duckdb.Error:
        return None  # a header that reads but rows that do not (a broken quote)
    if n:
        tmp = path.with_name(f".{path.name}.erasing")
        con.execute(f"COPY (SELECT * FROM {reader} WHERE NOT ({theirs})) TO '{_q(tmp)}' {write}", args)
        replace(tmp, path)
    return n


def _io(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[str, str]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return f"read_parquet('{_q(path)}')", "(FORMAT parquet)"
    if suffix in (".json", ".jsonl", ".ndjson"):
        array = path.read_bytes()[:4096].lstrip()[:1] == b"["
        return f"read_json('{_q(path)}', format = 'auto')", f"(FORMAT json, ARRAY {'true' if array else 'false'})"
    try:  # keep the file's own delimiter (a TSV stays a TSV)
        delim = con.execute(f"SELECT Delimiter FROM sniff_csv('{_q(path)}')").fetchone()[0]  # type: ignore[index]
    except duckdb.Error:
        delim = "\t" if suffix == ".tsv" else ","
    return (f"read_csv('{_q(path)}', all_varchar = true, header = true, delim = '{_q(delim)}')",
            f"(FORMAT csv, HEADER true, DELIMITER '{_q(delim)}')")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _scrub_note(path: Path, needles: Needles) -> int:
    """A refusal note keeps its reasons ("total 'abc' is not a number"); the customer's words
    in it become [erased]. Returns the lines changed."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    changed = [needles.scrub(ln) if needles.in_text(ln) or needles.cites_record(ln) else ln for ln in lines]
    n = sum(a != b for a, b in zip(lines, changed, strict=True))
    if n:
        tmp = path.with_name(f".{path.name}.erasing")
        tmp.write_text("".join(changed), encoding="utf-8")
        replace(tmp, path)
    return n


def scrub_history(path: Path, needles: Needles) -> int:
    """Remove the entries of a prompt_toolkit history file ("# time" line, "+question" lines)
    that mention the customer; returns how many were removed."""
    if not path.is_file():
        return 0
    text = path.read_text(encoding="utf-8", errors="replace")
    entries = _history_entries(text)
    kept = [e for e in entries if not needles.in_text(e)]
    if len(kept) == len(entries):
        return 0
    tmp = path.with_name(path.name + ".erasing")
    tmp.write_text("".join(kept), encoding="utf-8")
    replace(tmp, path)
    return len(entries) - len(kept)


def _history_entries(text: str) -> list[str]:
    entries: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or not entries:
            entries.append(line)
        else:
            entries[-1] += line
    return entries


def drop_rendered(folder: Path, needles: Needles) -> list[str]:
    """Delete map files that hold the customer (and their pictures); the names deleted."""
    if not folder.is_dir():
        return []
    holding = {p for p in folder.iterdir() if p.is_file() and _holds(p, needles)}
    stems = {p.stem for p in holding}
    doomed = holding | {p for p in folder.iterdir() if p.is_file() and p.stem in stems}
    for p in doomed:
        shred(p)
    return sorted(p.name for p in doomed)


def drop_load_copies(folder: Path | None, needles: Needles) -> list[str]:
    """Shred the files of the store's temporary folder (the rows' copy a killed load left, a
    database spill file) that hold the customer; the names removed. `forget` holds the
    journey store as its writer, so no load of it is running."""
    if folder is None or not folder.is_dir():
        return []
    holding = sorted(p for p in folder.rglob("*") if p.is_file() and needles.find_in_file(p))
    for p in holding:
        shred(p)
    return [str(p.relative_to(folder)) for p in holding]


def _holds(path: Path, needles: Needles) -> bool:
    if needles.find_in_file(path):
        return True
    if zipfile.is_zipfile(path):  # XLSX: the text is inside compressed parts
        with zipfile.ZipFile(path) as z:
            return any(needles.in_text(z.read(n).decode("utf-8", errors="replace")) for n in z.namelist())
    return False


def residue(roots: Iterable[Path], needles: Needles) -> list[tuple[str, tuple[str, ...]]]:
    """(file, kinds found) for every file under the roots whose raw bytes still hold a needle."""
    seen: set[Path] = set()
    out: list[tuple[str, tuple[str, ...]]] = []
    for root in roots:
        if not root.exists():
            continue
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            try:
                found = needles.find_in_file(path)
            except OSError:
                continue
            if found:
                out.append((str(path), tuple(sorted(found))))
    return out


def _q(path: object) -> str:
    return str(path).replace("'", "''")
