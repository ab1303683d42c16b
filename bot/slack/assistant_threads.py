"""Assistant threads journeybot has seen, kept in <data folder>/state.sqlite.

Bolt's default store for an assistant thread's context (the channel the person was looking
at when they opened it) writes it into the metadata of the bot's first reply and reads it
back with conversations.history: two extra Web API calls per message and a history scope.
This store keeps it locally instead, together with what the app needs to know about the
thread: that it is an assistant thread (so a message in it gets a status line) and whether
it already has a title.
"""

from __future__ import annotations

import json
import time

from slack_bolt import AssistantThreadContext, AssistantThreadContextStore

from bot.state import StateStore

_SCHEMA = """CREATE TABLE IF NOT EXISTS assistant_threads (
    channel TEXT, thread_ts TEXT, user_id TEXT, context TEXT, titled INTEGER DEFAULT 0,
    started_at REAL, PRIMARY KEY (channel, thread_ts))"""


class AssistantThreads(AssistantThreadContextStore):
    def __init__(self, state: StateStore):
        self.state = state
        con = state.connect()
        with con:
            con.execute(_SCHEMA)

    def started(self, channel: str, thread_ts: str, user: str, context: dict[str, str] | None) -> None:
        con = self.state.connect()
        with con:
            con.execute(
                "INSERT INTO assistant_threads (channel, thread_ts, user_id, context, started_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, thread_ts) DO UPDATE SET context = excluded.context",
                [channel, thread_ts, user, json.dumps(context or {}), time.time()])

    def knows(self, channel: str, thread_ts: str | None) -> bool:
        if not thread_ts:
            return False
        row = self.state.connect().execute(
            "SELECT 1 FROM assistant_threads WHERE channel = ? AND thread_ts = ?", [channel, thread_ts]).fetchone()
        return row is not None

    def claim_title(self, channel: str, thread_ts: str) -> bool:
        """True once per thread: the first question names it."""
        con = self.state.connect()
        with con:
            cur = con.execute("UPDATE assistant_threads SET titled = 1 WHERE channel = ? AND thread_ts = ? "
                              "AND titled = 0", [channel, thread_ts])
        return cur.rowcount == 1

    # -- Bolt's AssistantThreadContextStore ---------------------------------------------
    def save(self, *, channel_id: str, thread_ts: str, context: dict[str, str]) -> None:
        con = self.state.connect()
        with con:
            cur = con.execute("UPDATE assistant_threads SET context = ? WHERE channel = ? AND thread_ts = ?",
                              [json.dumps(context or {}), channel_id, thread_ts])
        if cur.rowcount == 0:  # a context change for a thread started before this install
            self.started(channel_id, thread_ts, "", context)

    def find(self, *, channel_id: str, thread_ts: str) -> AssistantThreadContext | None:
        row = self.state.connect().execute(
            "SELECT context FROM assistant_threads WHERE channel = ? AND thread_ts = ?",
            [channel_id, thread_ts]).fetchone()
        if row is None or not row[0] or row[0] == "{}":
            return None
        return AssistantThreadContext(json.loads(row[0]))
