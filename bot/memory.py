"""Where the agent's conversation memory lives: LangGraph's checkpointer for the model loop
and the offline planner's "last analysis" per conversation.

Both follow the memory URL (`Config.memory_url`): a SQLite file in the data folder by
default (<data folder>/memory.sqlite), or PostgreSQL when `[state] url` is set, so that a
follow-up in a Slack thread is understood by whichever instance receives it. With
PostgreSQL the checkpointer is LangGraph's own `PostgresSaver` over a psycopg pool; its
tables are set up once, under an advisory lock, so two instances starting together do not
race on the migration.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from tools.core.opsdb import libpq_url, lock_key

log = logging.getLogger(__name__)

POOL_SIZE = 8
SETUP_TIMEOUT_S = 120.0


def memory_where(where: Path | str | None) -> str | None:
    """A memory location as a URL (None: in memory, for tests and one-off sessions)."""
    if where is None:
        return None
    text = str(where)
    return text if "://" in text else f"sqlite:///{text}"


def make_checkpointer(where: Path | str | None) -> Any:
    """LangGraph's checkpointer for `where`: in memory, a SQLite file, or PostgreSQL."""
    url = memory_where(where)
    if url is None:
        from langgraph.checkpoint.memory import InMemorySaver

        return InMemorySaver()
    if url.startswith(("postgresql", "postgres://")):
        return _postgres_saver(libpq_url(url))
    from langgraph.checkpoint.sqlite import SqliteSaver

    path = Path(url.removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True, exist_ok=True)
    saver = SqliteSaver(sqlite3.connect(str(path), check_same_thread=False))
    saver.setup()
    return saver


def _postgres_saver(conninfo: str) -> Any:
    import psycopg
    from langgraph.checkpoint.postgres import PostgresSaver
    from psycopg.rows import dict_row
    from psycopg_pool import ConnectionPool

    # LangGraph's documented connection settings: autocommit, no server-side prepared
    # statements (they break behind poolers such as PgBouncer), rows as dicts.
    kwargs = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
    key = lock_key("langgraph-setup")
    with psycopg.connect(conninfo, **kwargs) as con:
        # Polled, not waited for: the migration builds an index CONCURRENTLY, which waits for
        # every open transaction, and a blocked pg_advisory_lock call is one (a deadlock).
        deadline = time.monotonic() + SETUP_TIMEOUT_S
        while not con.execute("SELECT pg_try_advisory_lock(%s) AS ok", [key]).fetchone()["ok"]:
            if time.monotonic() > deadline:
                raise TimeoutError("another instance has been setting up the memory tables for too long")
            time.sleep(0.1)
        try:
            PostgresSaver(con).setup()
        finally:
            con.execute("SELECT pg_advisory_unlock(%s)", [key])
    pool = ConnectionPool(conninfo, min_size=1, max_size=POOL_SIZE, kwargs=kwargs, open=True,
                          check=ConnectionPool.check_connection)
    return PostgresSaver(pool)


# The planner's table and its SQL, the same text for SQLite and PostgreSQL (named parameters,
# and ON CONFLICT, which SQLite 3.24+ speaks too). The columns are what SQLAlchemy's
# Table(conversation String primary key, tool String, slots Text, updated Float) creates, so a
# file made by either runner below is read by the other.
_CREATE = ("CREATE TABLE IF NOT EXISTS planner_state (conversation VARCHAR NOT NULL, tool VARCHAR, "
           "slots TEXT, updated FLOAT, PRIMARY KEY (conversation))")
_GET = "SELECT tool, slots FROM planner_state WHERE conversation = :k"
_PUT = ("INSERT INTO planner_state (conversation, tool, slots, updated) VALUES (:k, :t, :s, :u) "
        "ON CONFLICT (conversation) DO UPDATE SET tool = excluded.tool, slots = excluded.slots, "
        "updated = excluded.updated")
_CLEAR = "DELETE FROM planner_state WHERE conversation = :k"
_ALL = "SELECT conversation, slots FROM planner_state"


class _SqliteRows:
    """planner_state in a SQLite file (or in memory) through the standard library's sqlite3.

    Not through tools/core/opsdb.py: SQLAlchemy is about 0.14 s of CPU to import, and a
    `journeybot ask` with the offline planner needs nothing else of it (issue 22). Opened as
    OpsDB opens its SQLite files (WAL, the same busy timeout, writes under BEGIN IMMEDIATE), so
    the erasure job's OpsDB and this share the file safely."""

    def __init__(self, path: str | None):
        from tools.core.opsdb import TIMEOUT_S

        self._timeout = TIMEOUT_S
        self._path = path
        self._lock = threading.Lock()  # in memory: one connection, one user at a time
        self._con = None
        try:
            if path is None:
                self._con = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            else:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.run(_CREATE, {})
        except sqlite3.OperationalError as exc:  # the first use: say where and what, not a traceback
            from tools.core.errors import ToolUnavailable

            raise ToolUnavailable(f"The conversation memory {path or 'in memory'} cannot be used "
                                  f"({str(exc).strip()}).") from None

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        if self._con is not None:
            with self._lock:
                yield self._con
            return
        from tools.core.sqlite_wal import connect_wal

        con = connect_wal(self._path, autocommit=True, timeout=self._timeout)  # type: ignore[arg-type]
        try:
            yield con
        finally:
            con.close()

    def one(self, sql: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
        with self._connection() as con:
            return con.execute(sql, params).fetchone()

    def all(self, sql: str) -> list[tuple[Any, ...]]:
        with self._connection() as con:
            return con.execute(sql).fetchall()

    def run(self, sql: str, params: dict[str, Any]) -> None:
        with self._connection() as con:
            con.execute("BEGIN IMMEDIATE")  # the file's write lock first, as OpsDB writes
            try:
                con.execute(sql, params)
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")


@cache
def _planner_table() -> Any:
    from sqlalchemy import Column, Float, MetaData, String, Table, Text

    meta = MetaData()
    Table("planner_state", meta, Column("conversation", String, primary_key=True), Column("tool", String),
          Column("slots", Text), Column("updated", Float))
    return meta


class _SharedRows:
    """planner_state in the shared database (PostgreSQL, `[state] url`) through OpsDB."""

    def __init__(self, url: str):
        from tools.core.opsdb import as_db

        self.db = as_db(url)
        self.db.create(_planner_table())

    def one(self, sql: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
        from sqlalchemy import text

        with self.db.read() as con:
            return con.execute(text(sql), params).first()

    def all(self, sql: str) -> list[tuple[Any, ...]]:
        from sqlalchemy import text

        with self.db.read() as con:
            return list(con.execute(text(sql)).all())

    def run(self, sql: str, params: dict[str, Any]) -> None:
        from sqlalchemy import text

        with self.db.write() as con:
            con.execute(text(sql), params)


def _rows(where: Path | str | None) -> _SqliteRows | _SharedRows:
    url = memory_where(where)
    if url is None or url in ("sqlite://", "sqlite:///:memory:"):
        return _SqliteRows(None)
    if url.startswith("sqlite:///"):
        return _SqliteRows(url.removeprefix("sqlite:///"))
    return _SharedRows(url)


class PlannerMemory:
    """The offline planner's last analysis per conversation, so a follow-up ("and for
    Instagram?") survives a restart and reaches another instance."""

    def __init__(self, where: Path | str | None):
        self.rows = _rows(where)

    def get(self, key: str) -> dict[str, Any] | None:
        row = self.rows.one(_GET, {"k": key})
        if not row:
            return None
        slots = json.loads(row[1])
        # The arguments ride in the slots' JSON (no new column, so no migration); a row written
        # before they were kept has none, and its follow-ups are planned from the slots alone.
        return {"tool": row[0], "slots": slots, "args": slots.pop("_args", None)}

    def put(self, key: str, tool: str, slots: Any, args: dict[str, Any] | None = None) -> None:
        """The analysis, its slots and the arguments it ran with: a follow-up that changes one
        thing keeps the other arguments as they were (bot/agent/follow_up_args.py)."""
        kept = {**asdict(slots), **({"_args": args} if args is not None else {})}
        self.rows.run(_PUT, {"k": key, "t": tool, "s": json.dumps(kept, default=str), "u": time.time()})

    def clear(self, key: str) -> None:
        self.rows.run(_CLEAR, {"k": key})

    def all_slots(self) -> list[tuple[str, str | None]]:
        """Every conversation's key and its kept slots (JSON), for erasure."""
        return [(r[0], r[1]) for r in self.rows.all(_ALL)]


def forget_conversations(where: Path | str | None, keys: list[str], checkpointer: Any | None = None) -> int:
    """Erase these conversations from memory: the model loop's checkpoints and the planner's
    last analysis (erasure: AnswerLog.forget says which conversations mention someone)."""
    if not keys:
        return 0
    saver = checkpointer if checkpointer is not None else make_checkpointer(where)
    planner = PlannerMemory(where)
    try:
        for key in keys:
            saver.delete_thread(key)
            planner.clear(key)
    finally:
        if checkpointer is None:
            close_checkpointer(saver)
    return len(keys)


def close_checkpointer(saver: Any) -> None:
    """Let go of a checkpointer's connection or pool (a PostgreSQL pool left to the garbage
    collector complains from its own worker thread)."""
    conn = getattr(saver, "conn", None)
    if conn is not None and hasattr(conn, "close"):
        conn.close()


def conversations_mentioning(where: Path | str | None, mentions: Any, checkpointer: Any | None = None) -> set[str]:
    """Erasure: the conversations whose memory `mentions` a customer anywhere: a model
    checkpoint (a question, a quote in a tool result, the model's own words), a pending write,
    or the planner's last analysis. The answer log finds only those whose question named them.
    Read through the checkpointer's own interface and serializer, so PostgreSQL is the same."""
    saver = checkpointer if checkpointer is not None else make_checkpointer(where)
    found: set[str] = set()
    try:
        for tup in saver.list(None):
            thread = tup.config["configurable"]["thread_id"]
            if thread in found:
                continue
            for part in (tup.checkpoint, tup.metadata, *[w[2] for w in (tup.pending_writes or [])]):
                _, data = saver.serde.dumps_typed(part)
                if mentions(data.decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)):
                    found.add(thread)
                    break
    finally:
        if checkpointer is None:
            close_checkpointer(saver)
    found.update(key for key, slots in PlannerMemory(where).all_slots() if mentions(slots or ""))
    return found
