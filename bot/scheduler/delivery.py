"""Exactly-once posting of scheduled messages: a run ledger in state.sqlite.

A digest or an alert message is identified by a run key ("digest:daily:C123:2026-05-01").
The protocol, for every key:

1. record: the run key and the rendered message are written before anything is sent, so a
   run that dies can be finished later by any instance (the sweeper) without recomputing it;
2. lease: one instance takes a lease with an expiry (atomic upsert); anyone else sees "busy";
3. look: from the second attempt on, the previous attempt may have died after Slack accepted
   the message but before we wrote it down, so we first look for the message in the channel
   by the run key carried in its Slack metadata, and only post when it is not there;
4. post, then write down "posted" with the message ts and release the lease.

Two instances racing on one key, a process killed between steps, and a poster raising all
end with one message in Slack. File uploads (charts) carry no metadata Slack lets us search,
so they are sent at most once: an upload whose outcome is unknown is not repeated.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from bot.ports import Poster
from bot.render.message import Message
from bot.state import StateStore

log = logging.getLogger(__name__)

RUN_EVENT_TYPE = "journeybot_run"
DEFAULT_LEASE_SECONDS = 300.0

Outcome = Literal["posted", "already_posted", "recovered", "busy", "failed", "abandoned"]


@runtime_checkable
class RunMarkingPoster(Protocol):
    """What a Poster needs on top of post/update/upload for exactly-once delivery: posting
    with the run key in Slack message metadata, and finding such a message again
    (conversations.history / conversations.replies with include_all_metadata)."""

    def post_marked(self, channel: str, text: str, blocks: list[dict[str, Any]] | None, *,
                    run_key: str, thread_ts: str | None = None) -> str:
        ...

    def find_marked(self, channel: str, run_key: str, *, oldest: float,
                    thread_ts: str | None = None) -> str | None:
        ...


@dataclass(frozen=True)
class Delivery:
    run_key: str
    outcome: Outcome
    ts: str | None = None
    detail: str = ""

    @property
    def done(self) -> bool:
        return self.outcome in ("posted", "already_posted", "recovered")


_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS runs (
        run_key TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        status TEXT NOT NULL,          -- pending | sending | posted | failed | abandoned
        owner TEXT,
        lease_until REAL NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        ts TEXT,
        payload TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        detail TEXT)""",
    """CREATE TABLE IF NOT EXISTS run_files (
        run_key TEXT, position INTEGER, filename TEXT, title TEXT, content BLOB,
        status TEXT NOT NULL DEFAULT 'pending', PRIMARY KEY (run_key, position))""",
]


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class RunLedger:
    """The run table and the delivery protocol above. One per process is enough; it is safe
    to share between threads (StateStore gives each thread its own connection)."""

    def __init__(self, state: StateStore, *, owner: str | None = None,
                 lease_seconds: float = DEFAULT_LEASE_SECONDS):
        self.state = state
        self.owner = owner or default_owner()
        self.lease_seconds = lease_seconds
        con = state.connect()
        with con:
            for sql in _SCHEMA:
                con.execute(sql)

    # -- reading ----------------------------------------------------------------------
    def status(self, run_key: str) -> dict[str, Any] | None:
        row = self.state.connect().execute(
            "SELECT run_key, channel, status, owner, lease_until, attempts, ts, created_at, detail "
            "FROM runs WHERE run_key = ?", [run_key]).fetchone()
        if row is None:
            return None
        keys = ("run_key", "channel", "status", "owner", "lease_until", "attempts", "ts",
                "created_at", "detail")
        return dict(zip(keys, row, strict=True))

    def posted_ts(self, run_key: str) -> str | None:
        row = self.status(run_key)
        return row["ts"] if row and row["status"] == "posted" else None

    def unfinished(self, *, max_age_seconds: float, max_attempts: int = 5) -> list[str]:
        """Run keys recorded but not posted whose lease has run out, oldest first."""
        now = time.time()
        rows = self.state.connect().execute(
            "SELECT run_key FROM runs WHERE status IN ('pending', 'sending', 'failed') "
            "AND lease_until < ? AND created_at >= ? AND attempts < ? ORDER BY created_at",
            [now, now - max_age_seconds, max_attempts]).fetchall()
        return [r[0] for r in rows]

    # -- the protocol -----------------------------------------------------------------
    def record(self, run_key: str, channel: str, message: Message) -> bool:
        """Write the run key and its message before sending; False if it was already there
        (the first recorded message is the one that gets sent)."""
        now = time.time()
        con = self.state.connect()
        with con:
            cur = con.execute(
                "INSERT OR IGNORE INTO runs (run_key, channel, status, payload, created_at, updated_at) "
                "VALUES (?, ?, 'pending', ?, ?, ?)",
                [run_key, channel, message.to_json(), now, now])
            if cur.rowcount == 1:
                con.executemany(
                    "INSERT INTO run_files (run_key, position, filename, title, content) VALUES (?, ?, ?, ?, ?)",
                    [(run_key, i, f.filename, f.title, f.content) for i, f in enumerate(message.files)])
        return cur.rowcount == 1

    def send(self, run_key: str, poster: Poster) -> Delivery:
        """Steps 2-4 for a recorded run key."""
        lease = self._take_lease(run_key)
        if isinstance(lease, Delivery):
            return lease
        channel, payload, attempts, created_at = lease
        message = Message.from_row(payload)
        marking = isinstance(poster, RunMarkingPoster)
        try:
            ts = None
            if attempts > 1:
                ts = self._look_for_earlier_post(poster, channel, run_key, message, created_at)
                if ts is not None:
                    self._finish(run_key, ts, "found in Slack by its run key after an interrupted attempt")
                    self._send_files(run_key, poster, channel, ts)
                    return Delivery(run_key, "recovered", ts)
            if marking:
                ts = poster.post_marked(channel, message.text, message.blocks or None,  # type: ignore[attr-defined]
                                        run_key=run_key, thread_ts=message.thread_ts)
            else:
                ts = poster.post(channel, message.text, message.blocks or None, thread_ts=message.thread_ts)
        except Exception as exc:
            log.exception("posting %s to %s failed", run_key, channel)
            self._fail(run_key, f"{type(exc).__name__}: {exc}")
            return Delivery(run_key, "failed", None, f"{type(exc).__name__}: {exc}")
        self._finish(run_key, ts, None)
        self._send_files(run_key, poster, channel, ts)
        return Delivery(run_key, "posted", ts)

    def deliver(self, run_key: str, channel: str, message: Message, poster: Poster) -> Delivery:
        """record + send, the usual entry point."""
        self.record(run_key, channel, message)
        return self.send(run_key, poster)

    def abandon(self, run_key: str, reason: str) -> None:
        con = self.state.connect()
        with con:
            con.execute(
                "UPDATE runs SET status = 'abandoned', lease_until = 0, detail = ?, updated_at = ? "
                "WHERE run_key = ? AND status != 'posted'", [reason, time.time(), run_key])

    # -- internals --------------------------------------------------------------------
    def _take_lease(self, run_key: str) -> tuple[str, str, int, float] | Delivery:
        now = time.time()
        con = self.state.connect()
        with con:
            cur = con.execute(
                "UPDATE runs SET status = 'sending', owner = ?, lease_until = ?, "
                "attempts = attempts + 1, updated_at = ? "
                "WHERE run_key = ? AND status IN ('pending', 'sending', 'failed') AND lease_until < ?",
                [self.owner, now + self.lease_seconds, now, run_key, now])
            row = con.execute(
                "SELECT channel, payload, attempts, created_at, status, ts, owner FROM runs WHERE run_key = ?",
                [run_key]).fetchone()
        if row is None:
            raise KeyError(f"run {run_key!r} was never recorded")
        channel, payload, attempts, created_at, status, ts, owner = row
        if cur.rowcount == 1:
            return channel, payload, int(attempts), float(created_at)
        if status == "posted":
            return Delivery(run_key, "already_posted", ts)
        if status == "abandoned":
            return Delivery(run_key, "abandoned", None)
        return Delivery(run_key, "busy", None, f"another instance ({owner}) is sending it")

    def _look_for_earlier_post(self, poster: Poster, channel: str, run_key: str, message: Message,
                               created_at: float) -> str | None:
        if isinstance(poster, RunMarkingPoster):
            return poster.find_marked(channel, run_key, oldest=created_at - 60, thread_ts=message.thread_ts)
        # Without a way to look, a second post is the price of not losing the message.
        log.warning("run %s was interrupted and %s cannot look for it in Slack; posting again",
                    run_key, type(poster).__name__)
        return None

    def _finish(self, run_key: str, ts: str, detail: str | None) -> None:
        con = self.state.connect()
        with con:
            con.execute(
                "UPDATE runs SET status = 'posted', ts = ?, lease_until = 0, detail = ?, updated_at = ? "
                "WHERE run_key = ?", [ts, detail, time.time(), run_key])

    def _fail(self, run_key: str, detail: str) -> None:
        con = self.state.connect()
        with con:
            con.execute(
                "UPDATE runs SET status = 'failed', lease_until = 0, detail = ?, updated_at = ? "
                "WHERE run_key = ? AND owner = ?", [detail, time.time(), run_key, self.owner])

    def _send_files(self, run_key: str, poster: Poster, channel: str, thread_ts: str) -> None:
        con = self.state.connect()
        for position, filename, title, content in con.execute(
                "SELECT position, filename, title, content FROM run_files "
                "WHERE run_key = ? AND status = 'pending' ORDER BY position", [run_key]).fetchall():
            # Marked before the upload: an upload cut short is not repeated (at most once).
            with con:
                claimed = con.execute(
                    "UPDATE run_files SET status = 'sending' WHERE run_key = ? AND position = ? "
                    "AND status = 'pending'", [run_key, position]).rowcount
            if not claimed:
                continue
            try:
                poster.upload(channel, filename, bytes(content), title=title, thread_ts=thread_ts)
                status = "sent"
            except Exception:
                log.exception("uploading %s for %s failed", filename, run_key)
                status = "failed"
            with con:
                con.execute("UPDATE run_files SET status = ? WHERE run_key = ? AND position = ?",
                            [status, run_key, position])
