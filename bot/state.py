"""Operational state shared by the Slack app and the scheduler: <data folder>/state.sqlite.

SQLite in WAL mode so several processes (two `journeybot serve` instances, a CLI command)
can use it at once. The one primitive everything builds on is `claim`: an atomic
insert-if-absent that tells exactly one caller "this is yours" (a Slack event to answer,
a digest run to post).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from tools.core.sqlite_wal import connect_wal


class StateStore:
    def __init__(self, path: Path | str | None):
        self.path = str(path) if path else ":memory:"
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self.connect() as con:
            con.execute(
                "CREATE TABLE IF NOT EXISTS claims (kind TEXT, key TEXT, owner TEXT, "
                "claimed_at REAL, PRIMARY KEY (kind, key))"
            )

    def connect(self) -> sqlite3.Connection:
        """A connection per thread; autocommit off, committed by `with con:` blocks."""
        con = getattr(self._local, "con", None)
        if con is None:
            if self.path == ":memory:":
                con = sqlite3.connect(self.path, check_same_thread=False)
            else:
                con = connect_wal(self.path)
            self._local.con = con
        return con

    def claim(self, kind: str, key: str, owner: str = "") -> bool:
        """True for exactly one caller per (kind, key), across threads and processes."""
        con = self.connect()
        with con:
            cur = con.execute(
                "INSERT OR IGNORE INTO claims VALUES (?, ?, ?, ?)", [kind, key, owner, time.time()]
            )
        return cur.rowcount == 1

    def forget_claims_older_than(self, kind: str, seconds: float) -> int:
        con = self.connect()
        with con:
            cur = con.execute(
                "DELETE FROM claims WHERE kind = ? AND claimed_at < ?", [kind, time.time() - seconds]
            )
        return cur.rowcount
