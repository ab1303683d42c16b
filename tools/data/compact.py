"""Rewriting the journey store's file so deleted rows leave no bytes behind.

DuckDB marks the blocks of deleted rows free and reuses them later; until then the old values
are still readable in the file (`strings journey.duckdb`). Erasure must not leave them, so
after a customer is forgotten the database is copied into a fresh file (`COPY FROM DATABASE`:
tables, views, sequences and macros, only live rows) and the fresh file replaces the old one.
The old file's bytes are then overwritten with zeros before it is unlinked, so a copy of the
inode that a backup or a slow reader still holds does not keep the customer either.

The copy holds the store's connection (DuckDB's lock) the whole time, so no other journeybot
process writes in between; they wait and retry as for any busy store.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from tools.core.errors import ToolUnavailable
from tools.core.files import shred, swap
from tools.data.store import JourneyStore


@dataclass(frozen=True)
class CompactReport:
    path: str
    bytes_before: int
    bytes_after: int


def compact(store: JourneyStore) -> CompactReport | None:
    """Rewrite the store's file with live rows only; None for an in-memory store."""
    if store.path is None:
        return None
    path = store.path
    fresh = path.with_name(path.name + ".compact")
    shred(fresh)  # from a run that was killed half-way
    before = path.stat().st_size
    with store.connect() as con:
        name = con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        try:
            con.execute(f"ATTACH '{_quote(str(fresh))}' AS jb_compact")
            con.execute(f'COPY FROM DATABASE "{name}" TO jb_compact')
            con.execute("DETACH jb_compact")
            con.execute("CHECKPOINT")
        except Exception as exc:
            with contextlib.suppress(Exception):
                con.execute("DETACH jb_compact")
            shred(fresh)
            raise ToolUnavailable(f"Could not rewrite the journey store {path} ({_reason(exc)}); the rows "
                                  "are deleted but their old bytes may remain until it is rewritten.") from exc
        # Swapped while the connection (DuckDB's lock) is still held; the old inode's bytes
        # are overwritten once the connection has let go of it.
        old = swap(fresh, path)
    if old is not None:
        shred(old)
    return CompactReport(str(path), before, path.stat().st_size)


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
