"""What the steps of one ingest load share: the connection, the mapping and table, the problems
found so far, progress reporting, and the SQL quoting and temporary names they all use.

Ingest reads (tools/data/read.py), stages (staging.py), checks (checks.py) and writes
(write.py); tools/data/ingest.py runs those steps in order with one `LoadContext` per load.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from tools.core.errors import IngestError, Problem
from tools.core.profile import BusinessProfile
from tools.core.stages import TouchpointMap
from tools.data.schema import Table
from tools.data.store import JourneyStore

if TYPE_CHECKING:  # a type here; `describe` reads hints without loading the mapping models
    from tools.data.mapping import Mapping

MAX_EXAMPLES = 5  # example rows shown per kind of problem
MAX_PROBLEMS = 20

Progress = Callable[[str, float], None]  # (phase, fraction 0..1 of that phase)


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lit(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


_temp_counter = 0


def temp_name(prefix: str) -> str:
    global _temp_counter
    _temp_counter += 1
    return f"_jb_{prefix}_{_temp_counter}"


def drop_temps(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_name LIKE '\\_jb\\_%' ESCAPE '\\'"
    ).fetchall()
    for name, kind in rows:
        what = "VIEW" if "VIEW" in str(kind).upper() else "TABLE"
        con.execute(f"DROP {what} IF EXISTS {ident(name)}")


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, problem: Problem, count: int = 1) -> None:
        self.total += count
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(problem)

    def raise_if_any(self) -> None:
        if self.total:
            raise IngestError(self.items, self.total)


# The share of one load's bar each step takes, from timing a 2-million-event CSV (about a
# fifth reading, half checking, the rest writing).
PHASE_SPANS: dict[str, tuple[float, float]] = {
    "reading": (0.0, 0.2), "checking": (0.2, 0.7), "writing": (0.7, 0.98), "done": (1.0, 1.0),
}


# Bytes of file per second each step gets through on a small server (2 cores), measured on the
# 2-million-event sample CSV (158 MB): reading 1.5 s, checking 32 s, writing 15 s.
PHASE_BYTES_PER_SECOND: dict[str, float] = {"reading": 1e8, "checking": 5e6, "writing": 1e7}


@dataclass
class LoadContext:
    """One load of one file into one table, inside the call's open transaction."""

    con: duckdb.DuckDBPyConnection
    store: JourneyStore
    path: Path
    m: Mapping
    t: Table
    tpmap: TouchpointMap
    progress: Progress | None
    base_dir: Path  # where a mapping's lookup files are found
    tz: str  # the zone timestamps without an offset are read in
    profile: BusinessProfile = field(default_factory=BusinessProfile)  # as this call set it
    loaded_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    problems: Problems = field(default_factory=Problems)
    warnings: list[str] = field(default_factory=list)
    done: float = 0.0  # the share of this load reported so far, for one bar that only moves on

    @property
    def file(self) -> str:
        return str(self.path)

    def phase(self, name: str, fraction: float) -> None:
        """Report a step's own progress as the load's: each step owns a span of one bar, so
        the bar moves on through reading, checking and writing instead of starting again at
        0% for each (DuckDB restarts its count with every statement)."""
        if self.progress:
            low, high = PHASE_SPANS.get(name, (0.0, 1.0))
            self.done = max(self.done, low + (high - low) * min(max(fraction, 0.0), 1.0))
            self.progress(f"{self.t.name}: {name}", self.done)

    @contextmanager
    def watch(self, phase: str) -> Iterator[None]:
        """Report DuckDB's own progress of a long statement."""
        if not self.progress:
            yield
            return
        stop = threading.Event()
        started = time.monotonic()
        try:
            size = self.path.stat().st_size
        except OSError:
            size = 0
        # DuckDB's own count covers one statement at a time and stays low on a long load, so
        # the bar also follows the time such a file usually takes, never past 95% of the step.
        expected = max(1.0, size / PHASE_BYTES_PER_SECOND.get(phase, 1e7))

        def poll() -> None:
            while not stop.wait(0.2):
                try:
                    pct = self.con.query_progress()
                except Exception:  # connection busy or closed: progress is best effort
                    return
                guess = min(0.95, (time.monotonic() - started) / expected)
                self.phase(phase, max(min(pct / 100.0, 1.0), guess))

        thread = threading.Thread(target=poll, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
