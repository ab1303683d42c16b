"""Exactly-once posting of scheduled messages: a run ledger in the operational database
(state.sqlite, or PostgreSQL with `[state] url`).

A digest or an alert message is identified by a run key ("digest:daily:C123:2026-05-01").
The protocol, for every key:

1. record: the run key and the rendered message are written before anything is sent, so a
   run that dies can be finished later by any instance (the sweeper) without recomputing it;
2. lease: one instance takes a lease with an expiry (atomic upsert); anyone else sees "busy";
3. place: the message's text (its notification line, mentions included) is posted with the run
   key in its Slack metadata, and the ts Slack returns is written down at once;
4. fill: the message is updated with its blocks (chat.update on the recorded ts, which is
   safe to repeat), then written down "posted" and the lease released.

A run interrupted after step 3 is finished from the recorded ts, with no need to read the
channel: the app asks for no history scope. Only a death in the milliseconds between Slack
accepting step 3 and the ts being written leaves the next attempt unsure; it then looks for
the message by its run key (conversations.history, which needs channels:history or
groups:history; without them Slack answers missing_scope and nothing is found) and otherwise
places the message again, so the worst case is the text line twice, never a lost digest and
never a failure recorded for a missing scope. Two instances racing on one key and a poster
raising end with one message. File uploads carry no metadata Slack lets us search, so they are
sent at most once: an upload whose outcome is unknown is not repeated.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, String, Table, Text, text

from bot.ports import Poster
from bot.render.message import Message
from bot.state import StateStore

log = logging.getLogger(__name__)

RUN_EVENT_TYPE = "journeybot_run"
DEFAULT_LEASE_SECONDS = 300.0

Outcome = Literal["posted", "already_posted", "recovered", "busy", "failed", "abandoned"]


class CannotLook(Exception):
    """find_marked cannot read the channel (the app has no history scope for it)."""


@runtime_checkable
class RunMarkingPoster(Protocol):
    """What a Poster needs on top of post/update/upload for exactly-once delivery: posting
    with the run key in Slack message metadata, and finding such a message again
    (conversations.history / conversations.replies with include_all_metadata; it raises
    CannotLook when the app may not read the channel)."""

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


METADATA = MetaData()
RUNS = Table(
    "runs", METADATA,
    Column("run_key", String, primary_key=True),
    Column("channel", String, nullable=False),
    Column("status", String, nullable=False),  # pending | sending | posted | failed | abandoned
    Column("owner", String),
    Column("lease_until", Float, nullable=False, server_default="0"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("ts", String),
    Column("payload", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("detail", Text),
)
RUN_FILES = Table(
    "run_files", METADATA,
    Column("run_key", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("filename", String),
    Column("title", String),
    Column("content", LargeBinary),
    Column("status", String, nullable=False, server_default="pending"),
)


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class RunLedger:
    """The run table and the delivery protocol above. One per process is enough; it is safe
    to share between threads (StateStore gives each thread its own connection)."""

    def __init__(self, state: StateStore, *, owner: str | None = None,
                 lease_seconds: float = DEFAULT_LEASE_SECONDS):
        self.state = state
        self.db = state.db
        self.owner = owner or default_owner()
        self.lease_seconds = lease_seconds
        self.db.create(METADATA)

    # -- reading ----------------------------------------------------------------------
    def status(self, run_key: str) -> dict[str, Any] | None:
        with self.db.read() as con:
            row = con.execute(text(
                "SELECT run_key, channel, status, owner, lease_until, attempts, ts, created_at, detail "
                "FROM runs WHERE run_key = :k"), {"k": run_key}).mappings().first()
        return dict(row) if row is not None else None

    def posted_ts(self, run_key: str) -> str | None:
        row = self.status(run_key)
        return row["ts"] if row and row["status"] == "posted" else None

    def unfinished(self, *, max_age_seconds: float, max_attempts: int = 5) -> list[str]:
        """Run keys recorded but not posted whose lease has run out, oldest first."""
        now = time.time()
        with self.db.read() as con:
            rows = con.execute(text(
                "SELECT run_key FROM runs WHERE status IN ('pending', 'sending', 'failed') "
                "AND lease_until < :now AND created_at >= :since AND attempts < :n ORDER BY created_at"),
                {"now": now, "since": now - max_age_seconds, "n": max_attempts}).all()
        return [r[0] for r in rows]

    # -- the protocol -----------------------------------------------------------------
    def record(self, run_key: str, channel: str, message: Message) -> bool:
        """Write the run key and its message before sending; False if it was already there
        (the first recorded message is the one that gets sent)."""
        now = time.time()
        with self.db.write() as con:
            cur = con.execute(text(
                "INSERT INTO runs (run_key, channel, status, payload, created_at, updated_at) "
                "VALUES (:k, :c, 'pending', :p, :now, :now) ON CONFLICT (run_key) DO NOTHING"),
                {"k": run_key, "c": channel, "p": message.to_json(), "now": now})
            if cur.rowcount == 1 and message.files:
                con.execute(text(
                    "INSERT INTO run_files (run_key, position, filename, title, content) "
                    "VALUES (:k, :i, :f, :t, :b)"),
                    [{"k": run_key, "i": i, "f": f.filename, "t": f.title, "b": f.content}
                     for i, f in enumerate(message.files)])
        return cur.rowcount == 1
    def send(self, run_key: str, poster: Poster) -> Delivery:
        """Steps 2-4 for a recorded run key."""
        lease = self._take_lease(run_key)
        if isinstance(lease, Delivery):
            return lease
        channel, payload, attempts, created_at, placed = lease
        message = Message.from_row(payload)
        detail = None
        try:
            ts = placed
            if ts is not None:
                detail = "finished from the ts recorded before an interrupted attempt"
            elif attempts > 1:
                ts = self._look_for_earlier_post(poster, channel, run_key, message, created_at)
                if ts is not None:
                    detail = "found in Slack by its run key after an interrupted attempt"
                    self._place(run_key, ts)
            if ts is None:
                ts = self._place_message(poster, channel, run_key, message)
            if message.blocks:
                poster.update(channel, ts, message.text, message.blocks)
        except Exception as exc:
            log.exception("posting %s to %s failed", run_key, channel)
            self._fail(run_key, f"{type(exc).__name__}: {exc}")
            return Delivery(run_key, "failed", None, f"{type(exc).__name__}: {exc}")
        self._finish(run_key, ts, detail)
        self._send_files(run_key, poster, channel, ts)
        return Delivery(run_key, "recovered" if detail else "posted", ts)

    def _place_message(self, poster: Poster, channel: str, run_key: str, message: Message) -> str:
        """Step 3: the text line, marked with the run key where the poster can, and its ts
        written down before anything else happens."""
        if isinstance(poster, RunMarkingPoster):
            ts = poster.post_marked(channel, message.text, None, run_key=run_key, thread_ts=message.thread_ts)
        else:
            ts = poster.post(channel, message.text, None, thread_ts=message.thread_ts)
        self._place(run_key, ts)
        return ts

    def _place(self, run_key: str, ts: str) -> None:
        with self.db.write() as con:
            con.execute(text("UPDATE runs SET ts = :ts, updated_at = :now WHERE run_key = :k"),
                        {"ts": ts, "now": time.time(), "k": run_key})

    def deliver(self, run_key: str, channel: str, message: Message, poster: Poster) -> Delivery:
        """record + send, the usual entry point."""
        self.record(run_key, channel, message)
        return self.send(run_key, poster)

    def abandon(self, run_key: str, reason: str) -> None:
        with self.db.write() as con:
            con.execute(text(
                "UPDATE runs SET status = 'abandoned', lease_until = 0, detail = :d, updated_at = :now "
                "WHERE run_key = :k AND status != 'posted'"), {"d": reason, "now": time.time(), "k": run_key})

    def forget(self, mentions: Callable[[str], bool]) -> tuple[int, int]:
        """Erasure: messages recorded for sending that `mentions` a customer lose their text (a
        run not sent yet is abandoned, so it is never posted), and so do their files (charts,
        CSVs); a text file that mentions them goes from any message (a picture cannot be
        searched; it is posted once and kept only for retries). Returns (runs, files) changed."""
        with self.db.read() as con:
            runs = con.execute(text("SELECT run_key, payload FROM runs WHERE detail IS DISTINCT FROM 'erased'")).all()
            files = con.execute(text("SELECT run_key, position, filename, content FROM run_files")).all()
        erased = {key for key, payload in runs if payload and mentions(str(payload))}
        doomed = [(key, pos) for key, pos, name, content in files
                  if key in erased or (str(name).endswith((".csv", ".txt", ".md", ".json"))
                                       and mentions(bytes(content or b"").decode("utf-8", errors="replace")))]
        if erased or doomed:
            with self.db.write() as con:
                if erased:
                    con.execute(text(
                        "UPDATE runs SET payload = :erased, detail = 'erased', updated_at = :now, "
                        "status = CASE WHEN status = 'posted' THEN status ELSE 'abandoned' END WHERE run_key = :k"),
                        [{"erased": Message("(erased)").to_json(), "now": time.time(), "k": k} for k in erased])
                if doomed:
                    con.execute(text("DELETE FROM run_files WHERE run_key = :k AND position = :p"),
                                [{"k": k, "p": p} for k, p in doomed])
        return len(erased), len(doomed)

    # -- internals --------------------------------------------------------------------
    def _take_lease(self, run_key: str) -> tuple[str, str, int, float, str | None] | Delivery:
        now = time.time()
        with self.db.write() as con:
            cur = con.execute(text(
                "UPDATE runs SET status = 'sending', owner = :o, lease_until = :until, "
                "attempts = attempts + 1, updated_at = :now "
                "WHERE run_key = :k AND status IN ('pending', 'sending', 'failed') AND lease_until < :now"),
                {"o": self.owner, "until": now + self.lease_seconds, "now": now, "k": run_key})
            row = con.execute(text(
                "SELECT channel, payload, attempts, created_at, status, ts, owner FROM runs WHERE run_key = :k"),
                {"k": run_key}).first()
        if row is None:
            raise KeyError(f"run {run_key!r} was never recorded")
        channel, payload, attempts, created_at, status, ts, owner = row
        if cur.rowcount == 1:
            return channel, payload, int(attempts), float(created_at), ts
        if status == "posted":
            return Delivery(run_key, "already_posted", ts)
        if status == "abandoned":
            return Delivery(run_key, "abandoned", None)
        return Delivery(run_key, "busy", None, f"another instance ({owner}) is sending it")

    def _look_for_earlier_post(self, poster: Poster, channel: str, run_key: str, message: Message,
                               created_at: float) -> str | None:
        if isinstance(poster, RunMarkingPoster):
            try:
                return poster.find_marked(channel, run_key, oldest=created_at - 60, thread_ts=message.thread_ts)
            except CannotLook as exc:
                # The app does not ask for history scopes: not being able to look is expected,
                # never a failure of the run. Placing the message again is the price.
                log.info("run %s: cannot look for an earlier post in %s (%s); posting it", run_key, channel, exc)
                return None
        # Without a way to look, a second post is the price of not losing the message.
        log.warning("run %s was interrupted and %s cannot look for it in Slack; posting again",
                    run_key, type(poster).__name__)
        return None

    def _finish(self, run_key: str, ts: str, detail: str | None) -> None:
        with self.db.write() as con:
            con.execute(text(
                "UPDATE runs SET status = 'posted', ts = :ts, lease_until = 0, detail = :d, updated_at = :now "
                "WHERE run_key = :k"), {"ts": ts, "d": detail, "now": time.time(), "k": run_key})

    def _fail(self, run_key: str, detail: str) -> None:
        with self.db.write() as con:
            con.execute(text(
                "UPDATE runs SET status = 'failed', lease_until = 0, detail = :d, updated_at = :now "
                "WHERE run_key = :k AND owner = :o"), {"d": detail, "now": time.time(), "k": run_key, "o": self.owner})

    def _send_files(self, run_key: str, poster: Poster, channel: str, thread_ts: str) -> None:
        with self.db.read() as con:
            files = con.execute(text(
                "SELECT position, filename, title, content FROM run_files "
                "WHERE run_key = :k AND status = 'pending' ORDER BY position"), {"k": run_key}).all()
        for position, filename, title, content in files:
            # Marked before the upload: an upload cut short is not repeated (at most once).
            if not self._set_file_status(run_key, position, "sending", only_if="pending"):
                continue
            try:
                poster.upload(channel, filename, bytes(content), title=title, thread_ts=thread_ts)
                status = "sent"
            except Exception:
                log.exception("uploading %s for %s failed", filename, run_key)
                status = "failed"
            self._set_file_status(run_key, position, status)

    def _set_file_status(self, run_key: str, position: int, status: str, only_if: str | None = None) -> bool:
        sql = "UPDATE run_files SET status = :s WHERE run_key = :k AND position = :p"
        with self.db.write() as con:
            cur = con.execute(text(sql + (" AND status = :old" if only_if else "")),
                              {"s": status, "k": run_key, "p": position, "old": only_if})
        return cur.rowcount == 1
