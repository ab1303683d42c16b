"""Opening a SQLite file that several processes share (state.sqlite through tools/core/opsdb.py).

WAL mode lets readers and one writer work at once. Switching a file to WAL needs a moment of
exclusive access, and SQLite answers "database is locked" at once, without waiting for the
busy timeout, when another process is opening or writing the same file at that moment (two
`journeybot serve` instances starting together). So the switch is retried until the timeout.
"""

from __future__ import annotations

import sqlite3
import time

TIMEOUT_S = 30.0


def connect_wal(path: str, *, autocommit: bool = False, timeout: float = TIMEOUT_S) -> sqlite3.Connection:
    """A connection in WAL mode with a busy timeout; autocommit=True for explicit BEGINs."""
    if autocommit:
        con = sqlite3.connect(path, timeout=timeout, check_same_thread=False, isolation_level=None)
    else:
        con = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
    try:
        enable_wal(con, timeout)
    except sqlite3.OperationalError:
        con.close()
        raise
    return con


def enable_wal(con: sqlite3.Connection, timeout: float = TIMEOUT_S) -> None:
    """Busy timeout and WAL mode on an open connection, retrying the switch while another
    process holds the file (tools/core/opsdb.py calls this on every new connection)."""
    con.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    deadline = time.monotonic() + timeout
    while True:
        try:
            con.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def compact_sqlite(path: str, *, timeout: float = TIMEOUT_S) -> None:
    """Rewrite a SQLite file so deleted rows leave no bytes: secure_delete, VACUUM, and the
    write-ahead log checkpointed and truncated (its frames hold old copies of pages)."""
    con = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        con.execute("PRAGMA secure_delete = ON")
        con.execute("VACUUM")
        # Another process reading the file (a running `journeybot serve`) keeps the log from
        # being truncated; its readers come and go, so the checkpoint is tried for a while.
        deadline = time.monotonic() + timeout
        while con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        con.close()
