"""The operational database: one SQLAlchemy seam for SQLite (the default) and PostgreSQL.

Run keys, Slack event ids, alert state, the answer log and conversation memory are small
tables that several threads, processes and (with PostgreSQL) machines change at once. Every
store that keeps them writes the same SQL through this module; only three things differ by
dialect, and they are decided here:

- how a write transaction starts: SQLite takes the file's write lock first (`BEGIN
  IMMEDIATE`), so read-then-write is atomic across processes; PostgreSQL starts a normal
  transaction and, when the caller names a lock, takes a transaction-level advisory lock
  (`pg_advisory_xact_lock`) that every instance sharing the database respects;
- connections: SQLite files are opened in WAL mode with a busy timeout (`:memory:` shares one
  connection, or each thread would see its own database); PostgreSQL uses a small pool that
  checks a connection before handing it out, so a restarted server is reconnected to;
- the URL: `postgresql://` is run through psycopg 3 (`postgresql+psycopg://`).

`INSERT ... ON CONFLICT` is written the same way for both (SQLite 3.24+ speaks PostgreSQL's
syntax), so no store needs a second copy of its SQL. Tables are SQLAlchemy `Table`s, created
with `create(metadata)`.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TIMEOUT_S = 30.0


def sqlite_url(path: str | Path | None) -> str:
    return f"sqlite:///{path}" if path else "sqlite://"


def driver_url(url: str) -> str:
    """The SQLAlchemy URL for `url`: PostgreSQL through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def libpq_url(url: str) -> str:
    """`url` as libpq / psycopg take it (LangGraph's checkpointer), without the driver."""
    for prefix in ("postgresql+psycopg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


def redact_url(url: str) -> str:
    """The URL with any password replaced, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(driver_url(url)).render_as_string(hide_password=True).replace("+psycopg", "")
    except Exception:
        return "<an unreadable database URL>"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_(xact_)lock from a readable name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class OpsDB:
    """One operational database. Share one per URL and process (`open_db`): it holds a pool."""

    def __init__(self, url: str, *, timeout: float = TIMEOUT_S):
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import StaticPool

        self.url = url
        self.timeout = timeout
        sa_url = driver_url(url)
        self.dialect = "postgresql" if sa_url.startswith("postgresql") else "sqlite"
        self._created: set[int] = set()
        self._create_lock = threading.Lock()
        if self.dialect == "sqlite":
            memory = sa_url in ("sqlite://", "sqlite:///:memory:")
            if not memory:
                Path(sa_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(
                sa_url, connect_args={"check_same_thread": False, "timeout": timeout},
                **({"poolclass": StaticPool} if memory else {}),
            )
            event.listen(self.engine, "connect", self._sqlite_connect)
            event.listen(self.engine, "begin", self._sqlite_begin)
            self._memory_lock = threading.RLock() if memory else None
        else:
            self.engine = create_engine(
                sa_url, pool_size=8, max_overflow=8, pool_pre_ping=True, pool_recycle=1800,
                connect_args={"connect_timeout": int(timeout)},
            )
            self._memory_lock = None

    # -- SQLite specifics ---------------------------------------------------------------
    def _sqlite_connect(self, dbapi_con: Any, _record: Any) -> None:
        from tools.core.sqlite_wal import enable_wal

        # The driver's own transaction handling off: BEGIN is ours (see _sqlite_begin).
        dbapi_con.isolation_level = None
        enable_wal(dbapi_con, self.timeout)

    @staticmethod
    def _sqlite_begin(conn: Any) -> None:
        read = conn.get_execution_options().get("journeybot_read", False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    # -- use ----------------------------------------------------------------------------
    @contextmanager
    def write(self, lock: str | None = None) -> Iterator[Any]:
        """A connection in a write transaction, committed on leaving (rolled back on error).
        `lock` names what the transaction must hold alone across every instance (PostgreSQL:
        an advisory lock; SQLite: the write lock each write transaction takes anyway)."""
        with self._serial(), self.engine.begin() as con:
            if lock and self.dialect == "postgresql":
                con.exec_driver_sql("SELECT pg_advisory_xact_lock(%(k)s)", {"k": lock_key(lock)})
            yield con

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A connection for reading (one consistent snapshot per statement or transaction)."""
        with self._serial(), self.engine.connect() as con:
            con = con.execution_options(journeybot_read=True)
            with con.begin():
                yield con

    @contextmanager
    def _serial(self) -> Iterator[None]:
        # An in-memory SQLite database is one shared connection: one user at a time.
        if self._memory_lock is None:
            yield
            return
        with self._memory_lock:
            yield

    def create(self, metadata: Any) -> None:
        """Create the tables of `metadata` that do not exist yet (once per process)."""
        with self._create_lock:
            if id(metadata) in self._created:
                return
            from sqlalchemy.exc import OperationalError

            try:
                if self.dialect == "postgresql":
                    # Two instances starting together would race on CREATE TABLE IF NOT EXISTS.
                    with self.engine.begin() as con:
                        con.exec_driver_sql("SELECT pg_advisory_xact_lock(%(k)s)", {"k": lock_key("schema")})
                        metadata.create_all(con)
                else:
                    with self._serial(), self.engine.begin() as con:
                        metadata.create_all(con)
            except OperationalError as exc:  # the first use: say where and what, not a traceback
                from tools.core.errors import ToolUnavailable

                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
                raise ToolUnavailable(f"The operational database {self.where} cannot be used ({reason}). "
                                      "Check that it is running and that [state] url / "
                                      "JOURNEYBOT_STATE_URL is right.") from None
            self._created.add(id(metadata))

    def try_lock(self, name: str) -> HeldLock | None:
        """Take the named lock for as long as the caller holds it, or None when someone else
        holds it. PostgreSQL: a session advisory lock on a connection kept for the purpose, so
        a process that dies releases it with its connection; SQLite: an exclusive lock on a
        file beside the database (all instances share one machine there)."""
        if self.dialect == "postgresql":
            con = self.engine.connect()
            try:
                got = con.exec_driver_sql("SELECT pg_try_advisory_lock(%(k)s)", {"k": lock_key(name)}).scalar()
                con.commit()
            except Exception:
                con.close()
                raise
            if not got:
                con.close()
                return None
            return HeldLock(name, release=lambda: _pg_unlock(con, name))
        if self._memory_lock is not None:
            lock = threading.Lock()
            with _MEMORY_LOCKS_GUARD:
                lock = _MEMORY_LOCKS.setdefault((id(self), name), lock)
            return HeldLock(name, release=lock.release) if lock.acquire(blocking=False) else None
        import fcntl

        path = Path(driver_url(self.url).removeprefix("sqlite:///") + f".{name}.lock")
        handle = path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return None
        return HeldLock(name, release=handle.close)

    def ping(self) -> None:
        """Raise when the database cannot be reached (readiness checks)."""
        with self.read() as con:
            con.exec_driver_sql("SELECT 1")

    @property
    def where(self) -> str:
        return redact_url(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


class HeldLock:
    """A lock from `OpsDB.try_lock`; release it (or leave the `with` block) when done."""

    def __init__(self, name: str, release: Any):
        self.name = name
        self._release = release
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            self._release()

    def __enter__(self) -> HeldLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _pg_unlock(con: Any, name: str) -> None:
    try:
        con.exec_driver_sql("SELECT pg_advisory_unlock(%(k)s)", {"k": lock_key(name)})
        con.commit()
    finally:
        con.close()


_MEMORY_LOCKS: dict[tuple[int, str], threading.Lock] = {}
_MEMORY_LOCKS_GUARD = threading.Lock()
_OPEN: dict[str, OpsDB] = {}
_OPEN_LOCK = threading.Lock()


def open_db(url: str) -> OpsDB:
    """The process's OpsDB for `url` (one pool per database, however many stores use it).
    In-memory SQLite URLs get a new database each time."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        return OpsDB(url)
    with _OPEN_LOCK:
        db = _OPEN.get(url)
        if db is None:
            db = _OPEN[url] = OpsDB(url)
        return db


def as_db(where: OpsDB | str | Path | None) -> OpsDB:
    """An OpsDB from an OpsDB, a URL, a SQLite file path, or None (in memory)."""
    if isinstance(where, OpsDB):
        return where
    if where is None:
        return open_db("sqlite://")
    text = str(where)
    if "://" in text:
        return open_db(text)
    return open_db(sqlite_url(text))


def scrub_columns(db: OpsDB, columns: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], mentions: Any,
                  scrub: Any, lock: str | None = None) -> int:
    """Erasure in text columns: every value that `mentions` a customer (a callable, as
    tools/privacy/needles.py gives it: whole ids and addresses) gets `scrub(value)`.
    `columns`: table -> (key columns, text columns). Returns the values changed. Matching is
    in Python, never SQL LIKE '%C100%', which would take C1000 for C100."""
    from sqlalchemy import text

    changed = 0
    with db.write(lock=lock) as con:
        for table, (keys, cols) in columns.items():
            where = " AND ".join(f'"{k}" = :k{i}' for i, k in enumerate(keys))
            picked = ", ".join(f'"{k}"' for k in keys)
            for col in cols:
                rows = con.execute(text(f'SELECT {picked}, "{col}" FROM "{table}" WHERE "{col}" IS NOT NULL')).all()
                fixes = [{"v": scrub(str(r[-1])), **{f"k{i}": r[i] for i in range(len(keys))}}
                         for r in rows if mentions(str(r[-1]))]
                if fixes:
                    con.execute(text(f'UPDATE "{table}" SET "{col}" = :v WHERE {where}'), fixes)
                changed += len(fixes)
    return changed
