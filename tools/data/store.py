"""The journey store: one DuckDB file holding the journey tables.

Only SQL written in this code base runs here, always with bound parameters for values; no
model-written text ever reaches `execute`. Connections are short-lived for file stores, so the
Slack server and a command-line ingest can take turns on the same file (tools/data/store_open.py
opens it, waiting while another process writes).

`data_version()` is the counter every write to the journey tables bumps
(tools/data/data_version.py); results computed from the store are cached under it
(tools/data/cache.py), so new data makes them stale. Erasing a customer:
tools/data/customer_erasure.py.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from tools.core.environment import environment_problem
from tools.core.profile import BusinessProfile
from tools.data import customer_erasure, profile_store, session_table, spans
from tools.data.data_version import data_version_on
from tools.data.schema import TABLES
from tools.data.store_open import bring_up_to_date, configure, open_file, set_timezone

if TYPE_CHECKING:  # pandas loads with the first query() (DuckDB's .df()), not with the store:
    import pandas as pd  # short commands read tuples and never need it (tests/bot/test_cli_start.py)


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
        configure(con, self.timezone, self.memory_limit, self.threads, self.temp_directory)

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
        assert self.path is not None
        return open_file(self.path, self.lock_timeout)

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
        body = profile_store.stored_json(con)
        if body != self._profile_json:
            self._set_profile(profile_store.load(con))
            self._profile_json = body

    def _init_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        self._set_profile(bring_up_to_date(con, self._overrides, self._profile_source))
        self._profile_json = profile_store.stored_json(con)

    def _set_profile(self, profile: BusinessProfile) -> None:
        self.profile = profile
        self.timezone = profile.timezone
        if self._memory_con is not None:
            set_timezone(self._memory_con, self.timezone)

    def set_profile(self, updates: dict[str, Any], source: str) -> BusinessProfile:
        """Set profile keys (ValueError names a wrong value; nothing changes then). A new time
        zone rebuilds the sessions table, whose days depend on it, in the same transaction."""
        with self.connect() as con:
            con.begin()
            try:
                profile = profile_store.apply(con, updates, source)
                if profile.timezone != self.timezone:
                    set_timezone(con, profile.timezone)
                    session_table.rebuild(con, profile.timezone)
                con.commit()
            except BaseException:
                con.rollback()
                set_timezone(con, self.timezone)
                raise
            self._set_profile(profile)
            self._profile_json = profile_store.stored_json(con)
        return profile

    def reload_profile(self) -> BusinessProfile:
        """Read the profile again (an ingest in this process may have set it)."""
        with self.connect() as con:
            self._profile_json = profile_store.stored_json(con)
            self._set_profile(profile_store.load(con))
            set_timezone(con, self.timezone)
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

    def coverage(self) -> list[spans.TableCoverage]:
        with self.connect() as con:
            return spans.coverage(con)

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """First and last calendar day (business time zone) with events or orders; rows dated
        after they were loaded (tools/data/spans.py) do not count as the last day."""
        if self._holds:  # within a hold, once per data version (it reads every table's span)
            with self.connect() as con:
                key = data_version_on(con)
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
            return data_version_on(con)

    def is_empty(self) -> bool:
        return all(n == 0 for n in self.counts().values())

    def delete_customer(self, customer_id: str) -> dict[str, int]:
        """Erase one customer from the file in one transaction, and keep them out of later
        loads (tools/data/customer_erasure.py). Returns rows removed per table (tables with
        none are left out, except the journey tables)."""
        with self.connect() as con:
            return customer_erasure.delete_customer(con, customer_id, self.timezone)


def _check_table(name: str) -> None:
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}")
