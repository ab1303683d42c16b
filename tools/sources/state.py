"""What journeybot remembers about each source, in the operational database beside the alert
state (<data folder>/state.sqlite, or PostgreSQL with `[state] url`; tools/core/opsdb.py).

Per source: the cursor the next sync starts from (saved after each page is committed to the
journey store, so a sync that dies half way resumes where it stopped), the last attempt, the
last success, rows added, the newest record delivered and the last error. Every run is kept in
`source_runs`, and each file an inbox or URL loaded in `source_files` (by content hash, so a
file dropped twice loads once).

Two syncs of one source never overlap, in one process, across processes or across instances
sharing PostgreSQL: a run holds the opsdb lock `source-sync-<name>` (`OpsDB.try_lock`: a
PostgreSQL session advisory lock, or an exclusive lock on a file beside state.sqlite) from
`begin` to `finish`. Both are released by the operating system or the server when the process
holding them dies, so a crashed sync is taken over by the next one without waiting for a lease.

The monitoring of deployments reads `source_state` (one row per source, times as Unix
seconds): `last_success_at`, `last_attempt_at`, `last_status`, `last_rows`, `newest_record_at`;
`journeybot serve` exports them on /metrics (bot/sources.py `export_metrics`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, Column, Float, Integer, MetaData, String, Table, Text, text

from tools.core.opsdb import HeldLock, OpsDB, as_db, scrub_columns

METADATA = MetaData()
Table("source_state", METADATA,
      Column("name", String, primary_key=True), Column("kind", String, nullable=False),
      Column("cursor", Text), Column("last_attempt_at", Float), Column("last_success_at", Float),
      Column("last_status", String), Column("last_error", Text), Column("last_rows", BigInteger),
      Column("total_rows", BigInteger, nullable=False, server_default="0"), Column("newest_record_at", Float),
      Column("last_new_at", Float), Column("running_owner", String), Column("running_since", Float))
Table("source_runs", METADATA,
      Column("id", Integer, primary_key=True, autoincrement=True), Column("name", String, nullable=False),
      Column("started_at", Float, nullable=False), Column("finished_at", Float),
      Column("status", String, nullable=False), Column("rows_added", BigInteger), Column("error", Text))
Table("source_files", METADATA,
      Column("name", String, primary_key=True), Column("sha256", String, primary_key=True),
      Column("file", Text, nullable=False), Column("loaded_at", Float, nullable=False),
      Column("rows_added", BigInteger))
# `journeybot sources sync` in a terminal hands the sync to a running `serve`, which holds the
# journey store; every serve process beats in source_workers while it takes requests.
Table("source_requests", METADATA,
      Column("id", Integer, primary_key=True, autoincrement=True), Column("name", String, nullable=False),
      Column("requested_at", Float, nullable=False), Column("taken_by", String), Column("taken_at", Float),
      Column("done_at", Float), Column("report", Text))
Table("source_workers", METADATA,
      Column("owner", String, primary_key=True), Column("seen_at", Float, nullable=False))

OWNER = f"{socket.gethostname()}:{os.getpid()}"
_STATUS_COLUMNS = ("name, kind, cursor, last_attempt_at, last_success_at, last_status, last_error, last_rows, "
                   "total_rows, newest_record_at, last_new_at, running_since")


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
    """`where`: the operational database (an OpsDB or its URL), a SQLite file path, or None
    (in memory, for tests and the demo)."""

    def __init__(self, where: OpsDB | str | Path | None):
        self.db = as_db(where)
        self.db.create(METADATA)
        self._held: dict[str, HeldLock] = {}
        self._held_lock = threading.Lock()

    @property
    def path(self) -> str:
        return self.db.url

    def _rows(self, sql: str, **params: Any) -> list[Any]:
        with self.db.read() as con:
            return list(con.execute(text(sql), params).all())

    # -- reading ------------------------------------------------------------------------
    def get(self, name: str) -> SourceStatus | None:
        rows = self._rows(f"SELECT {_STATUS_COLUMNS} FROM source_state WHERE name = :n", n=name)
        return _status(rows[0]) if rows else None

    def all(self) -> dict[str, SourceStatus]:
        rows = self._rows(f"SELECT {_STATUS_COLUMNS} FROM source_state ORDER BY name")
        return {r[0]: _status(r) for r in rows}

    def runs(self, name: str, limit: int = 10) -> list[dict[str, Any]]:
        rows = self._rows("SELECT started_at, finished_at, status, rows_added, error FROM source_runs "
                          "WHERE name = :n ORDER BY id DESC LIMIT :limit", n=name, limit=limit)
        return [{"started_at": _t(a), "finished_at": _t(b), "status": s, "rows_added": n, "error": e}
                for a, b, s, n, e in rows]

    # -- a run --------------------------------------------------------------------------
    def begin(self, name: str, kind: str, *, now: float | None = None) -> int:
        """Claim the source for one run; SyncBusy when another run holds it, here or on
        another instance. A run left behind by a process that died is taken over (its lock
        died with it)."""
        lock = self.db.try_lock(f"source-sync-{name}")
        if lock is None:
            rows = self._rows("SELECT running_owner, running_since FROM source_state WHERE name = :n", n=name)
            owner, since = rows[0] if rows else (None, None)
            raise SyncBusy(f"a sync of {name} has been running since "
                           f"{_t(since) or dt.datetime.now(dt.UTC):%H:%M} UTC ({owner or 'another process'})")
        now = time.time() if now is None else now
        try:
            with self.db.write() as con:
                con.execute(text(
                    "INSERT INTO source_state (name, kind, running_owner, running_since, last_attempt_at) "
                    "VALUES (:n, :kind, :owner, :now, :now) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
                    "running_owner = excluded.running_owner, running_since = excluded.running_since, "
                    "last_attempt_at = excluded.last_attempt_at"), {"n": name, "kind": kind, "owner": OWNER, "now": now})
                run = con.execute(text("INSERT INTO source_runs (name, started_at, status) "
                                       "VALUES (:n, :now, 'running') RETURNING id"), {"n": name, "now": now}).scalar()
        except BaseException:
            lock.release()
            raise
        with self._held_lock:
            self._held[name] = lock
        return int(run or 0)

    def save_cursor(self, name: str, cursor: dict[str, Any] | None, *, rows: int = 0,
                    newest: dt.datetime | None = None, now: float | None = None) -> None:
        """After a page (or file) is committed: where the next request or sync starts (None
        keeps the cursor), how many rows it added and the newest record it carried."""
        now = time.time() if now is None else now
        with self.db.write(lock=f"source-{name}") as con:
            row = con.execute(text("SELECT newest_record_at, last_new_at FROM source_state WHERE name = :n"),
                              {"n": name}).first()
            if row is None:
                return
            known = [t for t in (row[0], newest.timestamp() if newest else None) if t]
            con.execute(text(
                "UPDATE source_state SET cursor = coalesce(:cursor, cursor), total_rows = total_rows + :rows, "
                "newest_record_at = :newest, last_new_at = :new_at WHERE name = :n"),
                {"cursor": json.dumps(cursor, sort_keys=True) if cursor is not None else None, "rows": int(rows),
                 "newest": max(known) if known else None, "new_at": now if rows > 0 else row[1], "n": name})

    def finish(self, run_id: int, name: str, *, ok: bool, rows: int, error: str | None = None,
               now: float | None = None) -> None:
        now = time.time() if now is None else now
        try:
            with self.db.write() as con:
                if ok:
                    con.execute(text(
                        "UPDATE source_state SET last_status = 'ok', last_success_at = :now, last_error = NULL, "
                        "last_rows = :rows, running_owner = NULL, running_since = NULL WHERE name = :n"),
                        {"now": now, "rows": rows, "n": name})
                else:
                    con.execute(text(
                        "UPDATE source_state SET last_status = 'failed', last_error = :error, last_rows = :rows, "
                        "running_owner = NULL, running_since = NULL WHERE name = :n"),
                        {"error": error, "rows": rows, "n": name})
                con.execute(text("UPDATE source_runs SET finished_at = :now, status = :status, rows_added = :rows, "
                                 "error = :error WHERE id = :id"),
                            {"now": now, "status": "ok" if ok else "failed", "rows": rows, "error": error,
                             "id": run_id})
        finally:
            self.release(name)

    def release(self, name: str) -> None:
        """This process's claim on the source ends (after finish, or without one when the
        thread is dying: the run stays marked running until the next sync takes it over)."""
        with self._held_lock:
            lock = self._held.pop(name, None)
        if lock is not None:
            lock.release()

    def reset(self, name: str) -> None:
        """Forget the cursor: the next sync loads everything again (idempotently)."""
        with self.db.write(lock=f"source-{name}") as con:
            con.execute(text("UPDATE source_state SET cursor = NULL WHERE name = :n"), {"n": name})

    # -- files an inbox or URL loaded -------------------------------------------------------
    def file_loaded(self, name: str, sha256: str) -> dt.datetime | None:
        rows = self._rows("SELECT loaded_at FROM source_files WHERE name = :n AND sha256 = :h", n=name, h=sha256)
        return _t(rows[0][0]) if rows else None

    def record_file(self, name: str, sha256: str, file: str, rows: int, *, now: float | None = None) -> None:
        with self.db.write() as con:
            con.execute(text("INSERT INTO source_files (name, sha256, file, loaded_at, rows_added) "
                             "VALUES (:n, :h, :f, :t, :rows) ON CONFLICT (name, sha256) DO NOTHING"),
                        {"n": name, "h": sha256, "f": file, "t": time.time() if now is None else now, "rows": rows})

    def once_durable(self, action: Callable[[], None]) -> None:
        """Run `action` (an inbox file moved to done/) once the rows loaded before it are
        kept for good: at once here, where the journey store commit is the end of it;
        after publishing when several instances share the store (tools/sources/staged.py)."""
        action()

    # -- erasure ----------------------------------------------------------------------------
    def forget(self, mentions: Callable[[str], bool], scrub: Callable[[str], str]) -> int:
        """Erasure: an error, cursor, loaded file name or sync report that `mentions` a customer
        (whole ids and addresses: tools/privacy/needles.py) has their words replaced by
        `scrub`; the short reason and the numbers stay. The content hashes stay too, so a file
        loaded before is still not loaded twice (and the erasure ledger keeps them out of a
        re-load). Returns the values changed."""
        columns = {"source_state": (("name",), ("last_error", "cursor")), "source_runs": (("id",), ("error",)),
                   "source_files": (("name", "sha256"), ("file",)), "source_requests": (("id",), ("report",))}
        return scrub_columns(self.db, columns, mentions, scrub, lock="sources-forget")

    def close(self) -> None:
        """Nothing to close: connections belong to the shared operational database's pool,
        which leaves none open between calls (erasure compacts the file next)."""


class SyncRequests:
    """Syncs asked of the `serve` processes that run them (see the schema above). With several
    instances any of them may take a request; whoever takes it syncs as the elected writer."""

    def __init__(self, state: SourceState):
        self.db = state.db

    def beat(self, owner: str = OWNER) -> None:
        with self.db.write() as con:
            con.execute(text("INSERT INTO source_workers (owner, seen_at) VALUES (:o, :t) "
                             "ON CONFLICT (owner) DO UPDATE SET seen_at = excluded.seen_at"),
                        {"o": owner, "t": time.time()})

    def leave(self, owner: str = OWNER) -> None:
        with self.db.write() as con:
            con.execute(text("DELETE FROM source_workers WHERE owner = :o"), {"o": owner})

    def live_worker(self, max_age: float = 15.0) -> str | None:
        with self.db.read() as con:
            return con.execute(text("SELECT owner FROM source_workers WHERE seen_at > :t "
                                    "ORDER BY seen_at DESC LIMIT 1"), {"t": time.time() - max_age}).scalar()

    def ask(self, name: str) -> int:
        with self.db.write() as con:
            return int(con.execute(text("INSERT INTO source_requests (name, requested_at) VALUES (:n, :t) "
                                        "RETURNING id"), {"n": name, "t": time.time()}).scalar() or 0)

    def take(self, owner: str = OWNER) -> list[tuple[int, str]]:
        # The lock makes read-then-mark one step on PostgreSQL too: a request has one taker.
        with self.db.write(lock="source-requests") as con:
            rows = con.execute(text("SELECT id, name FROM source_requests WHERE taken_at IS NULL ORDER BY id")).all()
            for request_id, _ in rows:
                con.execute(text("UPDATE source_requests SET taken_by = :o, taken_at = :t WHERE id = :id"),
                            {"o": owner, "t": time.time(), "id": request_id})
        return [(int(i), str(n)) for i, n in rows]

    def done(self, request_id: int, report: dict[str, Any]) -> None:
        with self.db.write() as con:
            con.execute(text("UPDATE source_requests SET done_at = :t, report = :r WHERE id = :id"),
                        {"t": time.time(), "r": json.dumps(report, default=str), "id": request_id})

    def result(self, request_id: int) -> dict[str, Any] | None:
        with self.db.read() as con:
            report = con.execute(text("SELECT report FROM source_requests WHERE id = :id AND done_at IS NOT NULL"),
                                 {"id": request_id}).scalar()
        return json.loads(report) if report else None


def _t(value: float | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value, dt.UTC) if value else None


def _status(row: Any) -> SourceStatus:
    (name, kind, cursor, attempt, success, status, error, rows, total, newest, new_at, running) = row
    return SourceStatus(name, kind, json.loads(cursor) if cursor else {}, _t(attempt), _t(success),
                        status, error, rows, int(total or 0), _t(newest), _t(new_at), _t(running))
