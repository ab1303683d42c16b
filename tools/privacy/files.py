"""Erasure in the plain files of the data folder, and the raw-byte check that nothing is left.

- sample/: the generated sample's CSV and Parquet files are journeybot's own copies of
  customer rows; the customer's rows are removed (the rest of each file is kept as it was).
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

_TABULAR = (".csv", ".parquet")


def scrub_sample(folder: Path, customer_id: str) -> dict[str, int]:
    """Remove the customer's rows from every CSV or Parquet file with a customer_id column;
    rows removed per file name."""
    out: dict[str, int] = {}
    if not folder.is_dir():
        return out
    con = duckdb.connect()
    try:
        for path in sorted(p for p in folder.iterdir() if p.suffix in _TABULAR and p.is_file()):
            reader = (f"read_csv('{_q(path)}', all_varchar = true, header = true)" if path.suffix == ".csv"
                      else f"read_parquet('{_q(path)}')")
            try:
                columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {reader}").fetchall()]
            except duckdb.Error:
                continue  # not a table journeybot wrote
            if "customer_id" not in columns:
                continue
            n = con.execute(f"SELECT count(*) FROM {reader} WHERE customer_id = ?", [customer_id]).fetchone()[0]  # type: ignore[index]
            if not n:
                continue
            tmp = path.with_name(path.name + ".erasing")
            fmt = "(FORMAT csv, HEADER true)" if path.suffix == ".csv" else "(FORMAT parquet)"
            con.execute(f"COPY (SELECT * FROM {reader} WHERE customer_id IS DISTINCT FROM ?) TO '{_q(tmp)}' {fmt}",
                        [customer_id])
            replace(tmp, path)
            out[path.name] = int(n)
    finally:
        con.close()
    return out


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
