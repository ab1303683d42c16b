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

import atexit
import contextlib
import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from tools.core.environment import environment_problem
from tools.core.errors import ToolUnavailable
from tools.core.profile import BusinessProfile
from tools.data import erased, first_touch, profile_store, schema_version, session_table, spans
from tools.data.schema import TABLES
from tools.data.stored_redaction import bring_up_to_date as redact_again

if TYPE_CHECKING:  # pandas loads with the first query() (DuckDB's .df()), not with the store:
    import pandas as pd  # short commands read tuples and never need it (tests/bot/test_cli_start.py)

DATA_VERSION_KEY = "data_version"
# The digest's inputs saved for other processes (tools/data/saved_results.py, which imports this
# module and takes the name from here): named here so that a new data version drops them.
SAVED_RESULTS_TABLE = "saved_results"


@dataclass(frozen=True)
class TableCoverage:
    table: str
    rows: int
    first: dt.datetime | None
    last: dt.datetime | None


class JourneyStore:
    """A DuckDB journey database. `path=None` keeps it in memory (tests, scratch work).

    The business profile (currency, time zone, locale, order statuses) is kept in the store;
    `profile` (and `timezone`, a shorthand for {"timezone": ...}) set keys of it on open, as
    the config does, and they are kept (`profile_source` says who set them)."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        timezone: str | None = None,
        profile: dict[str, Any] | None = None,
        profile_source: str = "set when the store was opened",
        memory_limit: str | None = "1GB",
        threads: int | None = None,
        lock_timeout: float = 30.0,
        temp_directory: str | Path | None = None,
        hold: bool = False,
    ):
        self.path = Path(path) if path is not None else None
        self._overrides = {**(profile or {}), **({"timezone": timezone} if timezone else {})}
        self._profile_source = profile_source
        self.profile = BusinessProfile()
        self.timezone = self.profile.timezone
        self.memory_limit = memory_limit
        self.threads = threads
        self.lock_timeout = lock_timeout
        self.temp_directory = Path(temp_directory) if temp_directory else (
            self.path.parent / "tmp" if self.path else None
        )
        self._memory_con: duckdb.DuckDBPyConnection | None = None
        self._kept: duckdb.DuckDBPyConnection | None = None  # see held()
        self._holds = 0
        self._range_memo: tuple[int, tuple[dt.date, dt.date] | None] | None = None
        # A long-running reader (`serve`) sets `keep_open` seconds: one connection then stays
        # open that long after the last use, so DuckDB keeps the database instance (its catalog
        # and cached pages) and each use joins it instead of opening the file again (about
        # 100 ms at 1M events, and a cold cache). When idle it closes, so another process
        # (an ingest from the command line) can take the file's lock.
        self.keep_open = 0.0
        self._keeper: tuple[duckdb.DuckDBPyConnection, Path] | None = None
        self._last_use = 0.0
        self._closer: threading.Thread | None = None
        self._closes_at_exit = False
        self._profile_json: str | None = None
        self._ready = False
        self._lock = threading.RLock()
        # Loads of one process take turns (two syncs into one table would otherwise conflict);
        # readers never wait for it.
        self.write_lock = threading.RLock()
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect() as con:
                con.begin()
                try:
                    self._init_schema(con)
                    con.commit()
                except BaseException:
                    con.rollback()
                    raise
                if hold and self.path is not None:
                    # Joined while this connection is still open: the database stays open for
                    # the hold without reading the file a second time (tens of ms at 1M events).
                    self._acquire()
        except (OSError, duckdb.Error) as exc:
            problem = environment_problem(exc, self.path.parent if self.path else None)
            if problem is None:
                raise
            raise problem from None
        self._ready = True

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
        if self.keep_open > 0:
            self._keep()
        con = self._open_file()
        try:
            if self._ready:
                self._follow_profile(con)
            self._configure(con)
            yield con
        finally:
            con.close()
            self._last_use = time.monotonic()

    def _keep(self) -> None:
        """Hold one connection to the current file (reopened after a switch of file), and a
        thread that closes it after `keep_open` idle seconds."""
        with self._lock:
            self._last_use = time.monotonic()
            if self._keeper is not None and self._keeper[1] != self.path:
                self._keeper[0].close()
                self._keeper = None
            if self._keeper is None:
                assert self.path is not None
                self._keeper = (self._open_file(), self.path)
                if not self._closes_at_exit:  # closed before Python tears down (a daemon thread holds it)
                    atexit.register(self.close)
                    self._closes_at_exit = True
            if self._closer is None or not self._closer.is_alive():
                self._closer = threading.Thread(target=self._close_when_idle, daemon=True,
                                                name="journeybot-store-keeper")
                self._closer.start()

    def _close_when_idle(self) -> None:
        while True:
            time.sleep(max(0.05, self._last_use + self.keep_open - time.monotonic()))
            with self._lock:
                if self._keeper is None:
                    return
                if time.monotonic() - self._last_use >= self.keep_open:
                    self._keeper[0].close()
                    self._keeper = None
                    return

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Keep the database open for a piece of work that reads it many times (a digest, an
        alert check, one command). Opening the file costs 20-50 ms (the catalogue and the
        write-ahead log are read each time); while one connection stays open, DuckDB hands
        every further connect in this process the open database in about 1 ms. The file lock
        is held meanwhile, as during any read: another process waits for it as it would for
        a query, so holds are kept to one piece of work and never to a server's lifetime.
        Reentrant; in-memory stores need nothing. A store opened with `hold=True` starts held,
        until its `release()` (a command that holds the store from start to end)."""
        if self.path is None:
            yield
            return
        self._acquire()
        try:
            yield
        finally:
            self.release()

    def _acquire(self) -> None:
        with self._lock:
            if self._holds == 0:
                self._kept = self._open_file()
            self._holds += 1

    def release(self) -> None:
        """End a hold (the one of `hold=True`, or one `held()` entered)."""
        with self._lock:
            if self._holds == 0:
                return
            self._holds -= 1
            if self._holds == 0 and self._kept is not None:
                self._kept.close()
                self._kept = None
                self._range_memo = None

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
            if self._keeper is not None:
                self._keeper[0].close()
                self._keeper = None
            if self._memory_con is not None:
                self._memory_con.close()
                self._memory_con = None

    def _follow_profile(self, con: duckdb.DuckDBPyConnection) -> None:
        """Another process (an ingest, `journeybot profile set`) may have changed the stored
        profile since this one read it: one small read keeps zone and currency current."""
        row = con.execute("SELECT value FROM meta WHERE key = ?", [profile_store.KEY]).fetchone()
        body = row[0] if row else None
        if body != self._profile_json:
            self._set_profile(profile_store.load(con))
            self._profile_json = body

    def _init_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        # A store of this version is only read here: a reading command writes nothing to the
        # file (and skips the write's cost), and opening never waits on a writer's lock for it.
        if not schema_version.is_current(con):
            schema_version.bring_up_to_date(con)
        try:
            self._set_profile(profile_store.apply(con, self._overrides, self._profile_source)
                              if self._overrides else profile_store.load(con))
        except ValueError as exc:
            from tools.core.errors import ToolInputError

            raise ToolInputError(f"business profile: {exc}") from None
        row = con.execute("SELECT value FROM meta WHERE key = ?", [profile_store.KEY]).fetchone()
        self._profile_json = row[0] if row else None
        con.execute(f"SET TimeZone = '{_quote_literal(self.timezone)}'")
        # Stores made before the sessions table (or in another time zone) get it built now,
        # once, so old data folders keep working.
        if not session_table.is_current(con, self.timezone):
            session_table.rebuild(con, self.timezone)
        if not first_touch.is_current(con):
            first_touch.rebuild(con)
        redact_again(con, bump_data_version)  # texts loaded under older redaction rules

    def _set_profile(self, profile: BusinessProfile) -> None:
        self.profile = profile
        self.timezone = profile.timezone
        if self._memory_con is not None:
            self._memory_con.execute(f"SET TimeZone = '{_quote_literal(self.timezone)}'")

    def set_profile(self, updates: dict[str, Any], source: str) -> BusinessProfile:
        """Set profile keys (ValueError names a wrong value; nothing changes then). A new time
        zone rebuilds the sessions table, whose days depend on it, in the same transaction."""
        with self.connect() as con:
            con.begin()
            try:
                profile = profile_store.apply(con, updates, source)
                if profile.timezone != self.timezone:
                    con.execute(f"SET TimeZone = '{_quote_literal(profile.timezone)}'")
                    session_table.rebuild(con, profile.timezone)
                con.commit()
            except BaseException:
                con.rollback()
                con.execute(f"SET TimeZone = '{_quote_literal(self.timezone)}'")
                raise
            self._set_profile(profile)
            row = con.execute("SELECT value FROM meta WHERE key = ?", [profile_store.KEY]).fetchone()
            self._profile_json = row[0] if row else None
        return profile

    def reload_profile(self) -> BusinessProfile:
        """Read the profile again (an ingest in this process may have set it)."""
        with self.connect() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", [profile_store.KEY]).fetchone()
            self._profile_json = row[0] if row else None
            self._set_profile(profile_store.load(con))
            con.execute(f"SET TimeZone = '{_quote_literal(self.timezone)}'")
        return self.profile

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
        """First and last calendar day (business time zone) with events or orders; rows dated
        after they were loaded (tools/data/spans.py) do not count as the last day."""
        if self._holds:  # within a hold, once per data version (it reads every table's span)
            with self.connect() as con:
                key = self._data_version_on(con)
                if self._range_memo is not None and self._range_memo[0] == key:
                    return self._range_memo[1]
                first, last = spans.last_day(con)
            self._range_memo = (key, None if first is None or last is None else (first, last))
            return self._range_memo[1]
        with self.connect() as con:
            first, last = spans.last_day(con)
        if first is None or last is None:
            return None
        return first, last

    def as_of(self, table: str | None = None) -> dt.date | None:
        """The last day of data: what 'today' means to relative periods. With `table`, the
        last day of that table (events, orders, surveys or tickets)."""
        if table is None:
            rng = self.date_range()
            return rng[1] if rng else None
        return self.span(table).last_day

    def digest_day(self) -> dt.date | None:
        """The day a digest reports on: the last day of events or orders, or, for a support desk
        or a survey export with neither (twcs), of its tickets and survey answers. A desk's day
        is the last one a ticket was opened: its data may run a day further on resolutions
        alone, a day with no ticket to report on."""
        day = self.as_of()
        if day is not None:
            return day
        return max((d for d in (self.span("tickets").last_dated_day, self.as_of("surveys")) if d is not None),
                   default=None)

    def span(self, table: str) -> spans.Span:
        """How far `table` reaches and how finely it is dated (tools/data/spans.py)."""
        with self.connect() as con:
            return spans.table_span(con, table, spans.load_cap(con))

    def data_version(self) -> int:
        """The counter every write to the journey tables bumps (0: never written)."""
        with self.connect() as con:
            return self._data_version_on(con)

    @staticmethod
    def _data_version_on(con: duckdb.DuckDBPyConnection) -> int:
        row = con.execute("SELECT value FROM meta WHERE key = ?", [DATA_VERSION_KEY]).fetchone()
        return int(row[0]) if row is not None and row[0] is not None else 0

    def is_empty(self) -> bool:
        return all(n == 0 for n in self.counts().values())

    def delete_customer(self, customer_id: str) -> dict[str, int]:
        """Erase one customer from every journey table and from every other table of the file
        that has a customer_id column (persona members, predict scores, tables added later),
        in one transaction; the sessions their web events were part of are rebuilt from what
        remains, and the customer joins the erasure ledger, so later loads leave them out
        (tools/data/erased.py). Returns rows removed per table (tables with none are left out, except the
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
                    # In the same transaction: no later load brings them back (tools/data/erased.py).
                    erased.remember(con, customer_id)
                con.commit()
            except Exception:
                con.rollback()
                raise
        return deleted


def bump_data_version(con: duckdb.DuckDBPyConnection) -> None:
    """Inside the transaction of a write to the journey tables: results cached under the
    previous version are stale from its commit on, and the results saved for other processes
    (tools/data/saved_results.py) go with the same commit. Stale rows are never read (they
    name their version), but an erasure must leave nothing computed from the erased customer's
    rows, even in aggregate: with the rows deleted here, the compaction that follows it
    (tools/data/compact.py) rewrites the file without them."""
    con.execute(
        "INSERT INTO meta VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS VARCHAR)", [DATA_VERSION_KEY])
    # Checked first: a failed statement would abort the caller's transaction. DELETE, not
    # DROP: a digest on another thread of this process may be reading the table meanwhile.
    if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = current_schema() "
                   "AND database_name = current_database()", [SAVED_RESULTS_TABLE]).fetchone()[0]:  # type: ignore[index]
        con.execute(f"DELETE FROM {SAVED_RESULTS_TABLE}")


def _check_table(name: str) -> None:
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}")


def _quote_literal(text: str) -> str:
    return text.replace("'", "''")


def _as_dt(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    # A pandas Timestamp only comes from a frame, so pandas is loaded when there is one to check.
    to_py = getattr(value, "to_pydatetime", None)
    return to_py() if callable(to_py) else value
