"""Assistant threads journeybot has seen, kept in the operational database (state.sqlite, or
PostgreSQL with `[state] url`).

Bolt's default store for an assistant thread's context (the channel the person was looking
at when they opened it) writes it into the metadata of the bot's first reply and reads it
back with conversations.history: two extra Web API calls per message and a history scope.
This store keeps it locally instead, together with what the app needs to know about the
thread: that it is an assistant thread (so a message in it gets a status line) and whether
it already has a title. In the operational database, so every instance sharing it agrees.
"""

from __future__ import annotations

import json
import time

from slack_bolt import AssistantThreadContext, AssistantThreadContextStore
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, text

from bot.state import StateStore

METADATA = MetaData()
THREADS = Table(
    "assistant_threads", METADATA,
    Column("channel", String, primary_key=True),
    Column("thread_ts", String, primary_key=True),
    Column("user_id", String),
    Column("context", String),
    Column("titled", Integer, default=0),
    Column("started_at", Float),
)


class AssistantThreads(AssistantThreadContextStore):
    def __init__(self, state: StateStore):
        self.state = state
        self.db = state.db
        self.db.create(METADATA)

    def started(self, channel: str, thread_ts: str, user: str, context: dict[str, str] | None) -> None:
        with self.db.write() as con:
            con.execute(text(
                "INSERT INTO assistant_threads (channel, thread_ts, user_id, context, titled, started_at) "
                "VALUES (:c, :t, :u, :ctx, 0, :at) "
                "ON CONFLICT (channel, thread_ts) DO UPDATE SET context = excluded.context"),
                {"c": channel, "t": thread_ts, "u": user, "ctx": json.dumps(context or {}), "at": time.time()})

    def knows(self, channel: str, thread_ts: str | None) -> bool:
        if not thread_ts:
            return False
        with self.db.read() as con:
            row = con.execute(text("SELECT 1 FROM assistant_threads WHERE channel = :c AND thread_ts = :t"),
                              {"c": channel, "t": thread_ts}).first()
        return row is not None

    def claim_title(self, channel: str, thread_ts: str) -> bool:
        """True once per thread: the first question names it."""
        with self.db.write() as con:
            cur = con.execute(text("UPDATE assistant_threads SET titled = 1 WHERE channel = :c "
                                   "AND thread_ts = :t AND titled = 0"), {"c": channel, "t": thread_ts})
        return cur.rowcount == 1

    # -- Bolt's AssistantThreadContextStore ---------------------------------------------
    def save(self, *, channel_id: str, thread_ts: str, context: dict[str, str]) -> None:
        with self.db.write() as con:
            cur = con.execute(text("UPDATE assistant_threads SET context = :ctx WHERE channel = :c "
                                   "AND thread_ts = :t"),
                              {"ctx": json.dumps(context or {}), "c": channel_id, "t": thread_ts})
        if cur.rowcount == 0:  # a context change for a thread started before this install
            self.started(channel_id, thread_ts, "", context)

    def find(self, *, channel_id: str, thread_ts: str) -> AssistantThreadContext | None:
        with self.db.read() as con:
            row = con.execute(text("SELECT context FROM assistant_threads WHERE channel = :c AND thread_ts = :t"),
                              {"c": channel_id, "t": thread_ts}).first()
        if row is None or not row[0] or row[0] == "{}":
            return None
        return AssistantThreadContext(json.loads(row[0]))
