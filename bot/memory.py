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
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Float, MetaData, String, Table, Text, text

from tools.core.opsdb import as_db, libpq_url, lock_key

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


_PLANNER = MetaData()
Table("planner_state", _PLANNER, Column("conversation", String, primary_key=True), Column("tool", String),
      Column("slots", Text), Column("updated", Float))


class PlannerMemory:
    """The offline planner's last analysis per conversation, so a follow-up ("and for
    Instagram?") survives a restart and reaches another instance."""

    def __init__(self, where: Path | str | None):
        self.db = as_db(memory_where(where))
        self.db.create(_PLANNER)

    def get(self, key: str) -> dict[str, Any] | None:
        with self.db.read() as con:
            row = con.execute(text("SELECT tool, slots FROM planner_state WHERE conversation = :k"),
                              {"k": key}).first()
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
        with self.db.write() as con:
            con.execute(text(
                "INSERT INTO planner_state (conversation, tool, slots, updated) VALUES (:k, :t, :s, :u) "
                "ON CONFLICT (conversation) DO UPDATE SET tool = excluded.tool, slots = excluded.slots, "
                "updated = excluded.updated"),
                {"k": key, "t": tool, "s": json.dumps(kept, default=str), "u": time.time()})

    def clear(self, key: str) -> None:
        with self.db.write() as con:
            con.execute(text("DELETE FROM planner_state WHERE conversation = :k"), {"k": key})


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
    planner = PlannerMemory(where)
    with planner.db.read() as con:
        rows = con.execute(text("SELECT conversation, slots FROM planner_state")).all()
    found.update(key for key, slots in rows if mentions(slots or ""))
    return found
