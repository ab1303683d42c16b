"""A Poster that records what would reach Slack, shared between processes.

Messages go into a small SQLite file (or memory), so two scheduler processes posting
"to Slack" see one channel history, and the run-key lookup works as it does against
conversations.history with include_all_metadata. It can misbehave on purpose:

- crash_after_post: the message is recorded (Slack accepted it), then the "process dies"
  (SimulatedCrash is a BaseException, so nothing in the code under test swallows it);
- crash_before_post: the "process dies" before the request reaches Slack;
- fail_before_post: raise an ordinary error before anything is recorded (Slack said no);
- delay: sleep inside post, to widen the window two racing instances have.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SimulatedCrash(BaseException):
    """The process died here."""


@dataclass(frozen=True)
class Posted:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    thread_ts: str | None
    run_key: str | None


class RecordingPoster:
    def __init__(self, path: str | Path | None = None, *, crash_after_post: int = 0,
                 crash_before_post: int = 0, fail_before_post: int = 0, delay: float = 0.0):
        self.path = str(path) if path else ":memory:"
        self.crash_after_post = crash_after_post
        self.crash_before_post = crash_before_post
        self.fail_before_post = fail_before_post
        self.delay = delay
        self._lock = threading.Lock()
        self._con = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        with self._lock, self._con:
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS calls (id INTEGER PRIMARY KEY AUTOINCREMENT, method TEXT, "
                "channel TEXT, ts TEXT, thread_ts TEXT, text TEXT, blocks TEXT, run_key TEXT, "
                "filename TEXT, content BLOB, at REAL)")

    # -- Poster -----------------------------------------------------------------------
    def post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None,
             thread_ts: str | None = None) -> str:
        return self._post(channel, text, blocks, thread_ts, None)

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        """Recorded as an update, and applied to the message as Slack does: `posts()` shows
        each message as it reads now."""
        self._insert("update", channel, ts, None, text, blocks, None)
        with self._lock, self._con:
            self._con.execute("UPDATE calls SET text = ?, blocks = ? WHERE method = 'post' AND channel = ? AND ts = ?",
                              [text, json.dumps(blocks or []), channel, ts])

    def upload(self, channel: str, filename: str, content: bytes, *, title: str | None = None,
               thread_ts: str | None = None, comment: str | None = None) -> None:
        self._insert("upload", channel, None, thread_ts, title or "", None, None, filename, content)

    # -- run marking ------------------------------------------------------------------
    def post_marked(self, channel: str, text: str, blocks: list[dict[str, Any]] | None, *,
                    run_key: str, thread_ts: str | None = None) -> str:
        return self._post(channel, text, blocks, thread_ts, run_key)

    def find_marked(self, channel: str, run_key: str, *, oldest: float,
                    thread_ts: str | None = None) -> str | None:
        with self._lock:
            row = self._con.execute(
                "SELECT ts FROM calls WHERE method = 'post' AND channel = ? AND run_key = ? AND at >= ?",
                [channel, run_key, oldest]).fetchone()
        return row[0] if row else None

    # -- what tests read --------------------------------------------------------------
    def posts(self, channel: str | None = None) -> list[Posted]:
        """The messages posted, as they read now (after updates)."""
        return [p for p in self._rows("post") if channel is None or p.channel == channel]

    def updates(self) -> list[Posted]:
        return self._rows("update")

    def uploads(self) -> list[tuple[str, str, str | None, bytes]]:
        with self._lock:
            rows = self._con.execute(
                "SELECT channel, filename, thread_ts, content FROM calls WHERE method = 'upload' ORDER BY id"
            ).fetchall()
        return [(c, f, t, bytes(b)) for c, f, t, b in rows]

    # -- internals --------------------------------------------------------------------
    def _post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None,
              thread_ts: str | None, run_key: str | None) -> str:
        if self.crash_before_post:
            self.crash_before_post -= 1
            raise SimulatedCrash("died before the post reached Slack")
        if self.fail_before_post:
            self.fail_before_post -= 1
            raise ConnectionError("Slack is unreachable (simulated)")
        if self.delay:
            time.sleep(self.delay)
        ts = self._insert("post", channel, None, thread_ts, text, blocks, run_key)
        if self.crash_after_post:
            self.crash_after_post -= 1
            raise SimulatedCrash(f"died after Slack accepted {run_key or text[:30]!r}")
        return ts

    def _insert(self, method: str, channel: str, ts: str | None, thread_ts: str | None, text: str,
                blocks: list[dict[str, Any]] | None, run_key: str | None, filename: str | None = None,
                content: bytes | None = None) -> str:
        with self._lock, self._con:
            cur = self._con.execute(
                "INSERT INTO calls (method, channel, ts, thread_ts, text, blocks, run_key, filename, content, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [method, channel, ts, thread_ts, text, json.dumps(blocks or []), run_key, filename,
                 content, time.time()])
            if ts is None:
                ts = f"{1_700_000_000 + int(cur.lastrowid or 0)}.000100"
                self._con.execute("UPDATE calls SET ts = ? WHERE id = ?", [ts, cur.lastrowid])
        return ts

    def _rows(self, method: str) -> list[Posted]:
        with self._lock:
            rows = self._con.execute(
                "SELECT channel, ts, text, blocks, thread_ts, run_key FROM calls WHERE method = ? ORDER BY id",
                [method]).fetchall()
        return [Posted(c, ts, t, json.loads(b), th, rk) for c, ts, t, b, th, rk in rows]
