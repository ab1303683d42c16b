"""The journey store: one DuckDB file holding the journey tables.

Only SQL written in this code base runs here, always with bound parameters for values; no
model-written text ever reaches `execute`. Connections are short-lived for file stores, so the
Slack server and a command-line ingest can take turns on the same file; DuckDB allows one
writing process at a time, and a busy file is retried for a while before giving up with a
message that says so.

`data_version()` is a counter in the `meta` table that every write to the journey tables bumps
inside its own transaction (ingest, sync, erasure); a published version carries it along, as
the whole file is copied. Results computed from the store are cached under it
(tools/data/cache.py), so new data makes them stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from tools.core.environment import environment_problem
from tools.core.errors import ToolUnavailable
from tools.data import first_touch, session_table
from tools.data.schema import TABLES, Table, create_table_sql

SCHEMA_VERSION = 1
DATA_VERSION_KEY = "data_version"

_META_SQL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS ingest_log (
        loaded_at TIMESTAMPTZ, "table" VARCHAR, file VARCHAR, mapping VARCHAR, file_bytes BIGINT,
        rows_read BIGINT, inserted BIGINT, updated BIGINT, unchanged BIGINT, skipped BIGINT,
        seconds DOUBLE)""",
]


@dataclass(frozen=True)
class TableCoverage:
    table: str
    rows: int
    first: dt.datetime | None
    last: dt.datetime | None


class JourneyStore:
    """A DuckDB journey database. `path=None` keeps it in memory (tests, scratch work)."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        timezone: str = "UTC",
        memory_limit: str | None = "1GB",
        threads: int | None = None,
        lock_timeout: float = 30.0,
        temp_directory: str | Path | None = None,
    ):
        self.path = Path(path) if path is not None else None
        self.timezone = timezone
        self.memory_limit = memory_limit
        self.threads = threads
        self.lock_timeout = lock_timeout
        self.temp_directory = Path(temp_directory) if temp_directory else (
            self.path.parent / "tmp" if self.path else None
        )
        self._memory_con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.RLock()
        # Loads of one process take turns (two syncs into one table would otherwise conflict);
        # readers never wait for it.
        self.write_lock = threading.RLock()
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect() as con:
                self._init_schema(con)
        except (OSError, duckdb.Error) as exc:
            problem = environment_problem(exc, self.path.parent if self.path else None)
            if problem is None:
                raise
            raise problem from None

    # -- connections -------------------------------------------------------------------
    def _configure(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute(f"SET TimeZone = '{_quote_literal(self.timezone)}'")
        # DuckDB draws its own progress bar on the terminal for long queries; our commands
        # draw theirs (and JSON output must stay clean).
        con.execute("SET enable_progress_bar_print = false")
        if self.memory_limit:
            con.execute(f"SET memory_limit = '{_quote_literal(self.memory_limit)}'")
        if self.threads:
            con.execute(f"SET threads = {int(self.threads)}")
        if self.temp_directory:
            try:
                self.temp_directory.mkdir(parents=True, exist_ok=True)
            except OSError:  # a read-only folder: DuckDB keeps its default spill folder
                return
            con.execute(f"SET temp_directory = '{_quote_literal(str(self.temp_directory))}'")

    @contextlib.contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A configured connection. In-memory stores share one (in turn: a connection is not
        for two threads at once); file stores open one per use, and the uses of one process
        run side by side: DuckDB gives each its own snapshot, so a long ingest (a source
        syncing while `serve` answers) holds up no reader, and readers see it when it commits."""
        if self.path is None:
            with self._lock:
                if self._memory_con is None:
                    self._memory_con = duckdb.connect(":memory:")
                    self._configure(self._memory_con)
                yield self._memory_con
            return
        con = self._open_file()
        try:
            self._configure(con)
            yield con
        finally:
            con.close()

    def _open_file(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.05
        while True:
            try:
                return duckdb.connect(str(self.path))
            except duckdb.IOException as exc:
                # A read-only folder, a full disk or a missing permission is not "busy": say so
                # at once instead of waiting for a lock that will never come.
                problem = environment_problem(exc, self.path.parent)
                if problem is not None:
                    raise problem from None
                if "lock" not in str(exc).lower():
                    raise ToolUnavailable(f"Could not open the journey store {self.path}: "
                                          f"{str(exc).splitlines()[0][:200]}") from None
                if time.monotonic() > deadline:
                    raise ToolUnavailable(
                        f"The journey store {self.path} is in use by another journeybot "
                        f"process and stayed busy for {self.lock_timeout:.0f} s. "
                        "Try again when the other command has finished."
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def close(self) -> None:
        with self._lock:
            if self._memory_con is not None:
                self._memory_con.close()
                self._memory_con = None

    def _init_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        for sql in _META_SQL:
            con.execute(sql)
        for t in TABLES.values():
            con.execute(create_table_sql(t))
            _add_missing_columns(con, t)
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
            [str(SCHEMA_VERSION)],
        )
        # Stores made before the sessions table (or in another time zone) get it built now,
        # once, so old data folders keep working.
        stale = [rebuild for current, rebuild in (
            (session_table.is_current(con, self.timezone), lambda: session_table.rebuild(con, self.timezone)),
            (first_touch.is_current(con), lambda: first_touch.rebuild(con)),
        ) if not current]
        if stale:
            con.begin()
            try:
                for rebuild in stale:
                    rebuild()
                con.commit()
            except Exception:
                con.rollback()
                raise

    # -- queries (trusted SQL only) ----------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        with self.connect() as con:
            return con.execute(sql, params or []).df()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        with self.connect() as con:
            row = con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> None:
        with self.connect() as con:
            con.execute(sql, params or [])

    # -- facts about the data ----------------------------------------------------------
    def count(self, table: str) -> int:
        _check_table(table)
        return int(self.scalar(f'SELECT count(*) FROM "{table}"'))

    def counts(self) -> dict[str, int]:
        with self.connect() as con:
            return {
                t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])  # type: ignore[index]
                for t in TABLES
            }

    def coverage(self) -> list[TableCoverage]:
        out = []
        with self.connect() as con:
            for t in TABLES.values():
                col = t.time_column
                if col is None:
                    continue
                rows, first, last = con.execute(
                    f'SELECT count(*), min("{col}"), max("{col}") FROM "{t.name}"'
                ).fetchone()  # type: ignore[misc]
                out.append(TableCoverage(t.name, int(rows), _as_dt(first), _as_dt(last)))
        return out

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """First and last calendar day (business time zone) with events or orders."""
        with self.connect() as con:
            row = con.execute(
                """SELECT min(d0), max(d1) FROM (
                     SELECT min(ts)::DATE AS d0, max(ts)::DATE AS d1 FROM events
                     UNION ALL SELECT min(ts)::DATE, max(ts)::DATE FROM orders)"""
            ).fetchone()
        if not row or row[0] is None:
            return None
        return row[0], row[1]

    def as_of(self) -> dt.date | None:
        """The last day of data: what 'today' means to relative periods."""
        rng = self.date_range()
        return rng[1] if rng else None

    def data_version(self) -> int:
        """The counter every write to the journey tables bumps (0: never written)."""
        value = self.scalar("SELECT value FROM meta WHERE key = ?", [DATA_VERSION_KEY])
        return int(value) if value is not None else 0

    def is_empty(self) -> bool:
        return all(n == 0 for n in self.counts().values())

    def delete_customer(self, customer_id: str) -> dict[str, int]:
        """Erase one customer from every journey table and from every other table of the file
        that has a customer_id column (persona members, predict scores, tables added later),
        in one transaction; the sessions their web events were part of are rebuilt from what
        remains. Returns rows removed per table (tables with none are left out, except the
        journey tables)."""
        deleted: dict[str, int] = {}
        with self.connect() as con:
            con.begin()
            try:
                keys = "jb_forget_sessions"
                con.execute(
                    f"CREATE OR REPLACE TEMP TABLE {keys} AS "
                    + session_table.keys_sql("(SELECT * FROM events WHERE customer_id = $c)", self.timezone),
                    {"c": customer_id},
                )
                others = [r[0] for r in con.execute(
                    "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
                    "USING (table_catalog, table_schema, table_name) WHERE c.column_name = 'customer_id' "
                    "AND t.table_type = 'BASE TABLE' AND c.table_catalog = current_database() "
                    "AND c.table_schema = current_schema() ORDER BY 1"
                ).fetchall() if r[0] not in TABLES and r[0] not in ("sessions", "first_touch")]
                for t in (*TABLES, *others):
                    n = con.execute(
                        f'SELECT count(*) FROM "{t}" WHERE customer_id = ?', [customer_id]
                    ).fetchone()[0]  # type: ignore[index]
                    if n or t in TABLES:
                        con.execute(f'DELETE FROM "{t}" WHERE customer_id = ?', [customer_id])
                        deleted[t] = int(n)
                session_table.refresh(con, keys)
                con.execute(f"DROP TABLE {keys}")
                con.execute("DELETE FROM first_touch WHERE customer_id = ?", [customer_id])
                if any(deleted.values()):
                    bump_data_version(con)
                con.commit()
            except Exception:
                con.rollback()
                raise
        return deleted


def bump_data_version(con: duckdb.DuckDBPyConnection) -> None:
    """Inside the transaction of a write to the journey tables: results cached under the
    previous version are stale from its commit on."""
    con.execute(
        "INSERT INTO meta VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS VARCHAR)", [DATA_VERSION_KEY])


def _add_missing_columns(con: duckdb.DuckDBPyConnection, t: Table) -> None:
    """A store made before a column was added (orders.currency) gets it, empty, on open."""
    have = {r[0] for r in con.execute(f'DESCRIBE "{t.name}"').fetchall()}
    for col in t.columns:
        if col.name not in have:
            con.execute(f'ALTER TABLE "{t.name}" ADD COLUMN "{col.name}" {col.sql_type}')


def _check_table(name: str) -> None:
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}")


def _quote_literal(text: str) -> str:
    return text.replace("'", "''")


def _as_dt(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value
