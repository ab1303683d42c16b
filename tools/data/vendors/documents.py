"""A JSON document that holds one list of records (Google Takeout's reviews.json:
{"reviews": [{...}, ...]}) read as rows, so a recipe can recognise and load it like a CSV.

Each record becomes one row whose columns are its fields, nested objects spelled as dotted
paths (reviewer.displayName, reviewReply.comment) and lists kept as JSON text. The rows are
written as JSON lines to a temporary file that the ordinary ingest reads; row n of a problem is
the n-th record of the list. Only documents of that one shape are read this way: anything else
is left to the JSON-lines reader, which names what it found.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAX_BYTES = 512 * 1024 * 1024  # a Takeout export of a very busy place is tens of MB
# The rows' folder is named for the loading process, so a later load can tell a killed load's
# copy (its process gone) from one in progress.
PREFIX = "journeybot-doc-"


def records(path: str | Path) -> list[dict] | None:
    """The document's records, or None when the file is not one JSON document holding a list
    of objects (directly, or as the only list in a top-level object)."""
    p = Path(path)
    if p.suffix.lower() != ".json" or not p.is_file() or p.stat().st_size > MAX_BYTES:
        return None
    with p.open("rb") as fh:
        first, more = fh.readline(1 << 20), fh.read(4096).strip()
    try:
        json.loads(first.removeprefix(b"\xef\xbb\xbf"))
        if more:
            return None  # a whole record on the first line and more after it: JSON lines
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        pass  # a document spread over lines (pretty-printed), or not JSON
    try:
        data = json.loads(p.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        # not one JSON document, or nested past what Python's reader takes (a few hundred KB of
        # "[[[[" stopped every load of the file with a traceback): the line reader says what it found
        return None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else None
    if not isinstance(data, list) or not data or not all(isinstance(r, dict) for r in data):
        return None
    return [_flat(r) for r in data]


def header(path: str | Path) -> list[str] | None:
    """The columns the records make (every field seen, in first-seen order), or None."""
    rows = records(path)
    if rows is None:
        return None
    return list(dict.fromkeys(k for r in rows for k in r))


@contextmanager
def as_rows(path: str | Path, folder: Path | None = None) -> Iterator[Path | None]:
    """The document as a JSON-lines file of flat rows for the time of a load (None when it
    is not a document of records: load the file itself). `folder`: where that file is written
    (the store's temp folder, in the data folder: it holds the texts before redaction, and a
    load killed midway must not leave them in the system's /tmp, out of `forget`'s reach)."""
    rows = records(path)
    if rows is None:
        yield None
        return
    columns = list(dict.fromkeys(k for r in rows for k in r))
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:  # a read-only data folder: the load fails later and says so
            folder = None
    if folder is not None:
        clear_dead(folder)
    with tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-", dir=folder) as tmp:
        out = Path(tmp) / (Path(path).stem + ".jsonl")
        with out.open("w", encoding="utf-8") as fh:
            for r in rows:  # every row carries every column, so the reader sees one shape
                fh.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n")
        yield out


def _flat(record: dict, prefix: str = "") -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, name + "."))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            # as text: the recipe's conversions read numbers, times and flags from text
            out[name] = None if value is None else (str(value).lower() if isinstance(value, bool) else str(value))
    return out


def clear_dead(folder: Path) -> list[str]:
    """Shred the rows' copies that killed loads left in `folder` (texts before redaction); the
    names removed. A copy of a load still running is left; one named before loads were named
    for their process counts as dead after an hour."""
    from tools.core.files import shred

    gone = []
    for copy in sorted(folder.glob(PREFIX + "*")) if folder.is_dir() else []:
        pid = copy.name.removeprefix(PREFIX).split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        if not pid.isdigit() and time.time() - copy.stat().st_mtime < 3600:
            continue
        for f in sorted(copy.rglob("*"), reverse=True):
            shred(f) if f.is_file() else f.rmdir()
        copy.rmdir()
        gone.append(copy.name)
    return gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True
