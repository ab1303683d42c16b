"""What journeybot remembers about each source, in state.sqlite beside the alert state.

Per source: the cursor the next sync starts from (saved after each page is committed to the
journey store, so a sync that dies half way resumes where it stopped), the last attempt, the
last success, rows added, the newest record delivered, the last error, and a run lease so two
syncs of one source never overlap. Every run is also kept in `source_runs`, and each file an
inbox or URL loaded in `source_files` (by content hash, so a file dropped twice loads once).

The monitoring of deployments reads `source_state` directly (one row per source, times as Unix
seconds): `last_success_at`, `last_attempt_at`, `last_status`, `last_rows`, `newest_record_at`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.core.sqlite_wal import connect_wal

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS source_state (
        name TEXT PRIMARY KEY, kind TEXT NOT NULL, cursor TEXT, last_attempt_at REAL,
        last_success_at REAL, last_status TEXT, last_error TEXT, last_rows INTEGER,
        total_rows INTEGER NOT NULL DEFAULT 0, newest_record_at REAL, last_new_at REAL,
        running_owner TEXT, running_since REAL)""",
    """CREATE TABLE IF NOT EXISTS source_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, started_at REAL NOT NULL,
        finished_at REAL, status TEXT NOT NULL, rows_added INTEGER, error TEXT)""",
    """CREATE TABLE IF NOT EXISTS source_files (
        name TEXT NOT NULL, sha256 TEXT NOT NULL, file TEXT NOT NULL, loaded_at REAL NOT NULL,
        rows_added INTEGER, PRIMARY KEY (name, sha256))""",
    # `journeybot sources sync` in a terminal hands the sync to a running `serve`, which holds
    # the journey store; the serve process beats in source_workers while it takes requests.
    """CREATE TABLE IF NOT EXISTS source_requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, requested_at REAL NOT NULL,
        taken_by TEXT, taken_at REAL, done_at REAL, report TEXT)""",
    """CREATE TABLE IF NOT EXISTS source_workers (owner TEXT PRIMARY KEY, seen_at REAL NOT NULL)""",
]
OWNER = f"{socket.gethostname()}:{os.getpid()}"
LEASE_SECONDS = 3600.0

# Runs of this process, so a run left "running" by a crashed thread of ours can be taken over.
_active: set[str] = set()
_active_lock = threading.Lock()


@dataclass(frozen=True)
class SourceStatus:
    name: str
    kind: str
    cursor: dict[str, Any]
    last_attempt_at: dt.datetime | None
    last_success_at: dt.datetime | None
    last_status: str | None  # ok | failed: how the last finished run ended
    last_error: str | None
    last_rows: int | None
    total_rows: int
    newest_record_at: dt.datetime | None  # the newest record's own time (an order's placing)
    last_new_at: dt.datetime | None  # when rows last arrived
    running_since: dt.datetime | None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def failing(self) -> bool:
        """The last finished attempt failed (a success since clears it)."""
        return self.last_status == "failed"


class SyncBusy(Exception):
    """Another sync of the same source is running."""


class SourceState:
    def __init__(self, path: str | Path | None):
        self.path = str(path) if path else ":memory:"
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        with self._tx() as con:
            for sql in _SCHEMA:
                con.execute(sql)

    def _con(self) -> sqlite3.Connection:
        if self.path == ":memory:":
            if self._shared is None:
                self._shared = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            return self._shared
        con = getattr(self._local, "con", None)
        if con is None:
            con = connect_wal(self.path, autocommit=True)
            self._local.con = con
        return con

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        con = self._con()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    # -- reading ------------------------------------------------------------------------
    def get(self, name: str) -> SourceStatus | None:
        row = self._con().execute(
            "SELECT name, kind, cursor, last_attempt_at, last_success_at, last_status, last_error, "
            "last_rows, total_rows, newest_record_at, last_new_at, running_since FROM source_state WHERE name = ?",
            [name]).fetchone()
        return _status(row) if row else None

    def all(self) -> dict[str, SourceStatus]:
        rows = self._con().execute(
            "SELECT name, kind, cursor, last_attempt_at, last_success_at, last_status, last_error, "
            "last_rows, total_rows, newest_record_at, last_new_at, running_since FROM source_state ORDER BY name"
        ).fetchall()
        return {r[0]: _status(r) for r in rows}

    def runs(self, name: str, limit: int = 10) -> list[dict[str, Any]]:
        rows = self._con().execute(
            "SELECT started_at, finished_at, status, rows_added, error FROM source_runs WHERE name = ? "
            "ORDER BY id DESC LIMIT ?", [name, limit]).fetchall()
        return [{"started_at": _t(a), "finished_at": _t(b), "status": s, "rows_added": n, "error": e}
                for a, b, s, n, e in rows]

    # -- a run --------------------------------------------------------------------------
    def begin(self, name: str, kind: str, *, now: float | None = None, lease: float = LEASE_SECONDS) -> int:
        """Claim the source for one run; SyncBusy when another live run holds it. A run left
        behind by a process that died (or a thread of ours that crashed) is taken over."""
        now = time.time() if now is None else now
        with self._tx() as con:
            row = con.execute("SELECT running_owner, running_since FROM source_state WHERE name = ?",
                              [name]).fetchone()
            if row and row[0] and row[1] and not self._abandoned(row[0], row[1], now, lease, name):
                raise SyncBusy(f"a sync of {name} has been running since "
                               f"{dt.datetime.fromtimestamp(row[1], dt.UTC):%H:%M} UTC ({row[0]})")
            con.execute(
                "INSERT INTO source_state (name, kind, running_owner, running_since, last_attempt_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
                "running_owner = excluded.running_owner, running_since = excluded.running_since, "
                "last_attempt_at = excluded.last_attempt_at", [name, kind, OWNER, now, now])
            cur = con.execute("INSERT INTO source_runs (name, started_at, status) VALUES (?, ?, 'running')",
                              [name, now])
        with _active_lock:
            _active.add(name)
        return int(cur.lastrowid or 0)

    @staticmethod
    def _abandoned(owner: str, since: float, now: float, lease: float, name: str) -> bool:
        if now - since > lease:
            return True
        host, _, pid = owner.rpartition(":")
        if host != socket.gethostname() or not pid.isdigit():
            return False
        if int(pid) == os.getpid():
            with _active_lock:
                return name not in _active
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    def save_cursor(self, name: str, cursor: dict[str, Any] | None, *, rows: int = 0,
                    newest: dt.datetime | None = None, now: float | None = None) -> None:
        """After a page (or file) is committed: where the next request or sync starts (None
        keeps the cursor), how many rows it added and the newest record it carried."""
        now = time.time() if now is None else now
        with self._tx() as con:
            con.execute(
                "UPDATE source_state SET cursor = coalesce(?, cursor), total_rows = total_rows + ?, "
                "newest_record_at = NULLIF(max(coalesce(newest_record_at, 0), coalesce(?, 0)), 0), "
                "last_new_at = CASE WHEN ? > 0 THEN ? ELSE last_new_at END WHERE name = ?",
                [json.dumps(cursor, sort_keys=True) if cursor is not None else None, int(rows),
                 newest.timestamp() if newest else None, int(rows), now, name])

    def finish(self, run_id: int, name: str, *, ok: bool, rows: int, error: str | None = None,
               now: float | None = None) -> None:
        now = time.time() if now is None else now
        with self._tx() as con:
            if ok:
                con.execute(
                    "UPDATE source_state SET last_status = 'ok', last_success_at = ?, last_error = NULL, "
                    "last_rows = ?, running_owner = NULL, running_since = NULL WHERE name = ?",
                    [now, rows, name])
            else:
                con.execute(
                    "UPDATE source_state SET last_status = 'failed', last_error = ?, last_rows = ?, "
                    "running_owner = NULL, running_since = NULL WHERE name = ?", [error, rows, name])
            con.execute("UPDATE source_runs SET finished_at = ?, status = ?, rows_added = ?, error = ? WHERE id = ?",
                        [now, "ok" if ok else "failed", rows, error, run_id])
        with _active_lock:
            _active.discard(name)

    def release(self, name: str) -> None:
        """This process's claim on the source ends without a finish (the thread is dying)."""
        with _active_lock:
            _active.discard(name)

    def reset(self, name: str) -> None:
        """Forget the cursor: the next sync loads everything again (idempotently)."""
        with self._tx() as con:
            con.execute("UPDATE source_state SET cursor = NULL WHERE name = ?", [name])

    # -- files an inbox or URL loaded -------------------------------------------------------
    def file_loaded(self, name: str, sha256: str) -> dt.datetime | None:
        row = self._con().execute("SELECT loaded_at FROM source_files WHERE name = ? AND sha256 = ?",
                                  [name, sha256]).fetchone()
        return _t(row[0]) if row else None

    def record_file(self, name: str, sha256: str, file: str, rows: int, *, now: float | None = None) -> None:
        with self._tx() as con:
            con.execute("INSERT OR IGNORE INTO source_files VALUES (?, ?, ?, ?, ?)",
                        [name, sha256, file, time.time() if now is None else now, rows])


    def close(self) -> None:
        """Close this thread's connection (erasure rewrites the file afterwards)."""
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    # -- erasure ----------------------------------------------------------------------------
    def forget(self, mentions: Callable[[str], bool], scrub: Callable[[str], str]) -> int:
        """Erasure: an error or report that quotes a customer (an ingest problem naming a row's
        email, a file name) has those words replaced (`scrub`); the numbers stay. Returns the
        values changed."""
        columns = {"source_state": ("name", ("last_error", "cursor")), "source_runs": ("id", ("error",)),
                   "source_files": ("rowid", ("file",)), "source_requests": ("id", ("report",))}
        changed = 0
        with self._tx() as con:
            for table, (key, cols) in columns.items():
                for col in cols:
                    rows = con.execute(f"SELECT {key}, {col} FROM {table} WHERE {col} IS NOT NULL").fetchall()
                    for k, value in rows:
                        if mentions(str(value)):
                            con.execute(f"UPDATE {table} SET {col} = ? WHERE {key} = ?", [scrub(str(value)), k])
                            changed += 1
        return changed


class SyncRequests:
    """Syncs asked of the `serve` process that runs them (see the schema above)."""

    def __init__(self, state: SourceState):
        self.state = state

    def beat(self, owner: str = OWNER) -> None:
        with self.state._tx() as con:
            con.execute("INSERT OR REPLACE INTO source_workers VALUES (?, ?)", [owner, time.time()])

    def leave(self, owner: str = OWNER) -> None:
        with self.state._tx() as con:
            con.execute("DELETE FROM source_workers WHERE owner = ?", [owner])

    def live_worker(self, max_age: float = 15.0) -> str | None:
        row = self.state._con().execute(
            "SELECT owner FROM source_workers WHERE seen_at > ? ORDER BY seen_at DESC LIMIT 1",
            [time.time() - max_age]).fetchone()
        return row[0] if row else None

    def ask(self, name: str) -> int:
        with self.state._tx() as con:
            cur = con.execute("INSERT INTO source_requests (name, requested_at) VALUES (?, ?)", [name, time.time()])
        return int(cur.lastrowid or 0)

    def take(self, owner: str = OWNER) -> list[tuple[int, str]]:
        with self.state._tx() as con:
            rows = con.execute("SELECT id, name FROM source_requests WHERE taken_at IS NULL ORDER BY id").fetchall()
            con.executemany("UPDATE source_requests SET taken_by = ?, taken_at = ? WHERE id = ?",
                            [(owner, time.time(), r[0]) for r in rows])
        return [(int(i), str(n)) for i, n in rows]

    def done(self, request_id: int, report: dict[str, Any]) -> None:
        with self.state._tx() as con:
            con.execute("UPDATE source_requests SET done_at = ?, report = ? WHERE id = ?",
                        [time.time(), json.dumps(report, default=str), request_id])

    def result(self, request_id: int) -> dict[str, Any] | None:
        row = self.state._con().execute("SELECT report FROM source_requests WHERE id = ? AND done_at IS NOT NULL",
                                        [request_id]).fetchone()
        return json.loads(row[0]) if row else None


def _t(value: float | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value, dt.UTC) if value else None


def _status(row: tuple) -> SourceStatus:
    (name, kind, cursor, attempt, success, status, error, rows, total, newest, new_at, running) = row
    return SourceStatus(name, kind, json.loads(cursor) if cursor else {}, _t(attempt), _t(success),
                        status, error, rows, int(total or 0), _t(newest), _t(new_at), _t(running))
