"""Erasure in the files the sources keep: a customer's rows leave every inbox.

An inbox source keeps what it was given: loaded files in `done/`, refused ones in `failed/` with
a `<file>.reason.txt` that may quote the refused rows, and files still waiting in the inbox
(which the next sync would load, bringing the customer back). `forget_in_source_files` removes
the customer's rows from each of them and the lines of reason files that name them; the rest of
each file is written back, then the file's raw bytes are searched again, and any file that
still holds the customer is listed (never a silent "done").

A row is the customer's when a cell holds their customer id, one of their emails, or an email
whose pseudonymous key (tools/data/keys.py) is their id, which is how vendor exports become
customers; or when a customer-id column holds the vendor's own id behind journeybot's prefix
("zendesk-4711" is the row whose "Requester id" is 4711).

URL sources keep nothing (the download lives in a temporary folder while it loads) and API
sources keep nothing on disk; their cursors, errors and loaded file names are in the
operational database, erased by `SourceState.forget`. The vendor still has the customer: a
sync that fetches their records again loads them again, so erase them at the vendor too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tools.data.keys import customer_key_sql
from tools.sources.spec import SourceSpec

TABULAR = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet")
_ID_COLUMN = re.compile(r"(customer|requester|user|client).{0,3}id$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceFilesErasure:
    rows: dict[str, int] = field(default_factory=dict)  # file -> rows removed
    reason_lines: dict[str, int] = field(default_factory=dict)  # reason file -> lines removed
    deleted: tuple[str, ...] = ()  # files that hold them but are not tables (deleted)
    still_holding: tuple[str, ...] = ()  # files whose bytes still hold an id or email

    def to_text(self) -> str:
        parts = [f"source files: {sum(self.rows.values())} row(s) removed from {len(self.rows)} file(s)"]
        if self.reason_lines:
            parts.append(f"{sum(self.reason_lines.values())} line(s) of refusal reasons")
        if self.deleted:
            parts.append(f"{len(self.deleted)} unreadable file(s) deleted")
        text = ", ".join(parts)
        if self.still_holding:
            text += "; still holding the customer: " + ", ".join(self.still_holding)
        return text


def kept_files(specs: Iterable[SourceSpec]) -> list[Path]:
    """Every file the inbox sources keep: waiting, done/ and failed/."""
    out: list[Path] = []
    for spec in specs:
        if spec.kind != "inbox" or not spec.path:
            continue
        folder = Path(str(spec.path)).expanduser()
        for where in (folder, folder / "done", folder / "failed"):
            if where.is_dir():
                out += sorted(p for p in where.iterdir() if p.is_file())
    return out


def forget_in_source_files(specs: Iterable[SourceSpec], customer_id: str, *, emails: Iterable[str] = (),
                           mentions: Callable[[str], bool] | None = None) -> SourceFilesErasure:
    """Remove one customer from the files the inbox sources keep. `emails`: their addresses
    (from the journey store's CRM columns; an address given as the id counts too); `mentions`:
    whether a line of text names them (issue 20's Needles.in_text), for refusal reasons."""
    customer_id = customer_id.strip()
    if not customer_id:
        raise ValueError("no customer id to erase")
    mails = sorted({e.strip().lower() for e in [*emails, customer_id] if e and "@" in e})
    rows: dict[str, int] = {}
    reasons: dict[str, int] = {}
    deleted: list[str] = []
    con = duckdb.connect()
    try:
        for path in kept_files(specs):
            if path.name.endswith(".reason.txt"):
                n = _scrub_lines(path, customer_id, mails, mentions)
                if n:
                    reasons[str(path)] = n
            elif path.suffix.lower() in TABULAR:
                n = _scrub_table(con, path, customer_id, mails)
                if n is None and _holds(path, customer_id, mails):
                    _delete(path)
                    deleted.append(str(path))
                elif n:
                    rows[str(path)] = n
            elif _holds(path, customer_id, mails):
                _delete(path)
                deleted.append(str(path))
    finally:
        con.close()
    left = tuple(str(p) for p in kept_files(specs) if _holds(p, customer_id, mails))
    return SourceFilesErasure(rows, reasons, tuple(deleted), left)


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
    n = int(con.execute(f"SELECT count(*) FROM {reader} WHERE {theirs}", args).fetchone()[0])  # type: ignore[index]
    if n:
        tmp = path.with_name(f".{path.name}.erasing")
        con.execute(f"COPY (SELECT * FROM {reader} WHERE NOT ({theirs})) TO '{_q(tmp)}' {write}", args)
        os.replace(tmp, path)
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


def _scrub_lines(path: Path, customer_id: str, mails: list[str], mentions: Callable[[str], bool] | None) -> int:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    kept = [ln for ln in lines if not (_names(ln, customer_id, mails) or (mentions and mentions(ln)))]
    if len(kept) != len(lines):
        tmp = path.with_name(f".{path.name}.erasing")
        tmp.write_text("".join(kept), encoding="utf-8")
        os.replace(tmp, path)
    return len(lines) - len(kept)


def _names(text: str, customer_id: str, mails: list[str]) -> bool:
    lower = text.lower()
    return bool(_id_pattern(customer_id).search(text)) or any(m in lower for m in mails)


def _id_pattern(customer_id: str) -> re.Pattern[str]:
    # Forgetting C1 must not touch C10: an id counts only where it is not part of a longer one.
    return re.compile(r"(?<![0-9A-Za-z_])" + re.escape(customer_id) + r"(?![0-9A-Za-z_])")


def _holds(path: Path, customer_id: str, mails: list[str]) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return _names(data.decode("utf-8", errors="replace"), customer_id, mails)


def _delete(path: Path) -> None:
    """Overwrite, then remove: the deleted bytes do not stay in the file's blocks."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.write(b"\0" * size)
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _q(value: object) -> str:
    return str(value).replace("'", "''")
