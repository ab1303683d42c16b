"""Erasure in the plain files of the data folder, and the raw-byte check that nothing is left.

- tables: the sample's CSV and Parquet files, and any export kept in the data folder (an
  inbox of synced exports), hold customer rows; the customer's rows are removed (the rest of
  each file is kept as it was).
- chat_history: the terminal's history of questions (`journeybot agent`); entries naming the
  customer are removed.
- maps/: journey maps written by `journeybot map --out` or the demo quote customers; a map
  file holding the customer (an XLSX is read inside its zip) is deleted together with the
  picture of the same name, which cannot be searched. Draw it again after the erasure.
- `residue`: every file under the given folders, read as raw bytes, searched for the needles.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

import duckdb

from tools.core.files import replace, shred
from tools.privacy.needles import Needles

_TABULAR = (".csv", ".tsv", ".parquet", ".jsonl", ".ndjson", ".json")
_SKIP = ("feedback", "models", "maps", "tmp")  # stores and renderings, handled on their own


def tabular_files(home: Path, skip: tuple[str, ...] = _SKIP) -> list[Path]:
    """Exports and sample files under the data folder (sample/, an inbox of synced exports, ...)."""
    if not home.is_dir():
        return []
    return sorted(p for p in home.rglob("*") if p.is_file() and p.suffix.lower() in _TABULAR
                  and not p.name.startswith(".") and p.relative_to(home).parts[0] not in skip)


def scrub_tables(home: Path, customer_id: str, emails: Iterable[str] = (),
                 skip: tuple[str, ...] = _SKIP) -> dict[str, int]:
    """Remove the customer's rows from every CSV, Parquet or JSON-lines file under the data
    folder: rows whose id column (a column named like "customer_id", "Customer ID", "Requester
    id") holds the id, or whose email column holds one of their emails. Rows removed per file
    (relative to the data folder); the rest of each file is written back as it was read."""
    out: dict[str, int] = {}
    mails = [e.strip().lower() for e in emails if e and "@" in e]
    con = duckdb.connect()
    try:
        for path in tabular_files(home, skip):
            reader = _reader(path)
            try:
                columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {reader}").fetchall()]
            except duckdb.Error:
                continue  # not a table
            ids = [c for c in columns if "customer" in c.lower() or c.lower().replace(" ", "_").endswith("id")]
            mail_cols = [c for c in columns if "mail" in c.lower()] if mails else []
            if not ids and not mail_cols:
                continue
            # Exports quote long ids with a leading apostrophe ('7624637182754) so spreadsheets keep them.
            tests = [f"ltrim(trim(CAST({_ident(c)} AS VARCHAR)), chr(39)) = $id" for c in ids]
            tests += [f"lower(trim(CAST({_ident(c)} AS VARCHAR))) IN (SELECT unnest($mails))" for c in mail_cols]
            theirs = " OR ".join(f"coalesce({t}, false)" for t in tests)
            args: dict[str, object] = {"id": customer_id} if ids else {}
            if mail_cols:
                args["mails"] = mails
            n = con.execute(f"SELECT count(*) FROM {reader} WHERE {theirs}", args).fetchone()[0]  # type: ignore[index]
            if not n:
                continue
            tmp = path.with_name(f".{path.name}.erasing")
            con.execute(f"COPY (SELECT * FROM {reader} WHERE NOT ({theirs})) TO '{_q(tmp)}' {_format(path)}", args)
            replace(tmp, path)
            out[str(path.relative_to(home))] = int(n)
    finally:
        con.close()
    return out


def _reader(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return f"read_csv('{_q(path)}', all_varchar = true, header = true)"
    if suffix == ".tsv":
        return f"read_csv('{_q(path)}', all_varchar = true, header = true, delim = '\\t')"
    if suffix == ".parquet":
        return f"read_parquet('{_q(path)}')"
    if suffix == ".json":  # an array of records (what a URL source downloads) or JSON lines
        return f"read_json('{_q(path)}', format = 'auto')"
    return f"read_json('{_q(path)}', format = 'newline_delimited')"


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "(FORMAT csv, HEADER true)"
    if suffix == ".tsv":
        return "(FORMAT csv, HEADER true, DELIMITER '\t')"
    if suffix == ".json" and path.read_bytes()[:64].lstrip()[:1] == b"[":
        return "(FORMAT json, ARRAY true)"
    if suffix == ".parquet":
        return "(FORMAT parquet)"
    return "(FORMAT json)"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def scrub_notes(folder: Path, needles: Needles) -> int:
    """The notes an inbox writes beside a file it could not load (failed/<file>.reason.txt)
    quote the problem rows: the customer's words in them are replaced. Returns notes changed."""
    changed = 0
    for path in sorted(folder.rglob("*.reason.txt")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        if needles.in_text(text):
            tmp = path.with_name(f".{path.name}.erasing")
            tmp.write_text(needles.scrub(text), encoding="utf-8")
            replace(tmp, path)
            changed += 1
    return changed


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


def _q(path: Path) -> str:
    return str(path).replace("'", "''")
