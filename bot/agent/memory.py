"""Erasure in the agent's conversation memory (<data folder>/memory.sqlite).

The memory holds every turn of every conversation (LangGraph checkpoints of the model path,
the offline planner's last analysis per conversation), including questions that name a
customer and tool results that quote them. A conversation that mentions a forgotten customer
anywhere is deleted whole: editing a serialised conversation in place could leave it
inconsistent. Checkpoints are found and deleted through the checkpointer's own interface
(`list`, `delete_thread`, its serializer), so a PostgreSQL checkpointer is covered the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any


def open_checkpointer(path: Path) -> Any:
    """The SQLite checkpointer the agent uses for `path` (tables created when missing)."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    path.parent.mkdir(parents=True, exist_ok=True)
    saver = SqliteSaver(sqlite3.connect(str(path), check_same_thread=False))
    saver.setup()
    return saver


def conversations_mentioning(saver: Any, mentions: Callable[[str], bool]) -> set[str]:
    """Thread ids of the conversations with a checkpoint, metadata or pending write that
    `mentions` (a customer's id, name, email or text), as the serializer stores them."""
    found: set[str] = set()
    for tup in saver.list(None):
        thread = tup.config["configurable"]["thread_id"]
        if thread in found:
            continue
        parts = [tup.checkpoint, tup.metadata, *[w[2] for w in (tup.pending_writes or [])]]
        for part in parts:
            _, data = saver.serde.dumps_typed(part)
            text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)
            if mentions(text):
                found.add(thread)
                break
    return found


def forget_conversations(path: Path, mentions: Callable[[str], bool]) -> tuple[int, int]:
    """Delete the conversations that mention the customer: (model conversations, offline
    planner conversations) removed."""
    from bot.agent.planner import _PlannerState

    if not path.exists():
        return 0, 0
    saver = open_checkpointer(path)
    try:
        threads = conversations_mentioning(saver, mentions)
        for thread in threads:
            saver.delete_thread(thread)
    finally:
        saver.conn.close()
    planner = _PlannerState(path)
    try:
        return len(threads), planner.forget(mentions)
    finally:
        planner.close()
