"""What the steps of one ingest load share: the connection, the mapping and table, the problems
found so far, progress reporting, and the SQL quoting and temporary names they all use.

Ingest reads (tools/data/read.py), stages (staging.py), checks (checks.py) and writes
(write.py); tools/data/ingest.py runs those steps in order with one `LoadContext` per load.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from tools.core.errors import IngestError, Problem
from tools.core.profile import BusinessProfile
from tools.core.stages import TouchpointMap
from tools.data.mapping import Mapping
from tools.data.schema import Table
from tools.data.store import JourneyStore

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

    @property
    def file(self) -> str:
        return str(self.path)

    def phase(self, name: str, fraction: float) -> None:
        if self.progress:
            self.progress(f"{self.t.name}: {name}", fraction)

    @contextmanager
    def watch(self, phase: str) -> Iterator[None]:
        """Report DuckDB's own progress of a long statement."""
        if not self.progress:
            yield
            return
        stop = threading.Event()

        def poll() -> None:
            while not stop.wait(0.2):
                try:
                    pct = self.con.query_progress()
                except Exception:  # connection busy or closed: progress is best effort
                    return
                if pct >= 0:
                    self.phase(phase, min(pct / 100.0, 1.0))

        thread = threading.Thread(target=poll, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
