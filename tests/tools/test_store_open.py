"""Opening the journey store: a store of this version is only read (a reading command writes
nothing to the file), an older one is brought up to date, and a store opened held stays open
until released."""

from __future__ import annotations

import re
import subprocess
import sys

import duckdb

from tools.analytics.describe import describe_data
from tools.data import store as store_module
from tools.data.schema_version import SCHEMA_VERSION
from tools.data.store import JourneyStore

_WRITE = re.compile(r"^\s*(INSERT|CREATE|ALTER|UPDATE|DELETE|DROP)\b", re.I)


class _Recorded:
    """A real DuckDB connection that notes the SQL run through it."""

    live = 0  # connections open now

    def __init__(self, con, log):
        self._con, self._log = con, log
        _Recorded.live += 1

    def close(self):
        _Recorded.live -= 1
        self._con.close()

    def execute(self, sql, *args, **kwargs):
        self._log.append(sql)
        return self._con.execute(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._con, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _made(tmp_path):
    path = tmp_path / "journey.duckdb"
    store = JourneyStore(path, timezone="Europe/London")
    with store.connect() as con:
        con.execute("INSERT INTO orders (order_id, customer_id, ts, amount, status) VALUES "
                    "('o1', 'c1', TIMESTAMPTZ '2026-05-01 10:00:00+00', 12.5, 'refunded')")
        con.execute("CHECKPOINT")
    return path


def test_a_held_reading_command_opens_the_file_once_and_writes_nothing(tmp_path, monkeypatch):
    path = _made(tmp_path)
    opened: list[str] = []
    sql: list[str] = []
    real = duckdb.connect

    def connect(database, *args, **kwargs):
        opened.append(_Recorded.live)  # 0: nothing keeps the database open, the file is read again
        return _Recorded(real(database, *args, **kwargs), sql)

    monkeypatch.setattr(store_module.duckdb, "connect", connect)
    store = JourneyStore(path, timezone="Europe/London", hold=True)
    result = describe_data(store)
    store.release()
    assert result.customers_with_orders == 1
    assert [q for q in sql if _WRITE.match(q)] == []
    # The file is read once: the schema check's connection; every later connection (the
    # hold's first) joins a database something still holds open.
    assert opened[0] == 0 and all(n > 0 for n in opened[1:]), opened


def test_an_older_store_is_brought_up_to_date(tmp_path):
    path = _made(tmp_path)
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE orders DROP COLUMN status_raw")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    JourneyStore(path, timezone="Europe/London")
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    # Version 2 keeps the raw status and calls refunds 'returned'.
    assert con.execute("SELECT status, status_raw FROM orders").fetchall() == [("returned", "refunded")]
    con.close()


_OPEN_ELSEWHERE = ("import duckdb, sys\n"
                   "try:\n    duckdb.connect(sys.argv[1]).close(); print('opened')\n"
                   "except duckdb.IOException:\n    print('locked')\n")


def _other_process(path) -> str:
    return subprocess.run([sys.executable, "-c", _OPEN_ELSEWHERE, str(path)], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_store_opened_held_keeps_the_file_open_until_released(tmp_path):
    path = _made(tmp_path)
    store = JourneyStore(path, timezone="Europe/London", hold=True)
    assert _other_process(path) == "locked"
    with store.held():  # a hold inside it keeps it held after
        pass
    assert _other_process(path) == "locked"
    store.release()
    assert _other_process(path) == "opened"
    store.release()  # a second release is harmless
