"""Several processes opening the same new state file at once (two `journeybot serve` starting
together): every one of them gets a working connection."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3

from tools.core.sqlite_wal import connect_wal


def _open_and_write(path: str, barrier, out) -> None:
    barrier.wait(10)
    try:
        con = connect_wal(path)
        with con:
            con.execute("CREATE TABLE IF NOT EXISTS claims (k TEXT PRIMARY KEY)")
        out.put("ok")
    except sqlite3.Error as exc:
        out.put(f"failed: {exc}")


def test_processes_opening_a_new_file_at_once_all_get_in(tmp_path):
    # Without the retry, about one open in ten failed here with "database is locked": SQLite
    # does not wait for the busy timeout while another process switches the file to WAL.
    ctx = mp.get_context("fork")
    results = []
    for i in range(20):
        path = str(tmp_path / f"state{i}.sqlite")
        barrier, out = ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open_and_write, args=(path, barrier, out)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
        results += [out.get(timeout=5) for _ in procs]
    assert results == ["ok"] * 60


def test_a_lock_that_outlasts_the_timeout_is_still_an_error(tmp_path):
    path = str(tmp_path / "state.sqlite")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        connect_wal(path, timeout=0.3)
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
    else:
        raise AssertionError("expected 'database is locked'")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
