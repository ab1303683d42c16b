"""A server keeps the journey store open between answers (`keep_open`), and lets go of it when
idle so another process (a command-line ingest) can write."""

from __future__ import annotations

import subprocess
import sys
import time

from tools.data.store import JourneyStore

WRITE = (
    "import duckdb, sys\n"
    "try:\n"
    "    con = duckdb.connect(sys.argv[1])\n"
    "except duckdb.IOException as exc:\n"
    "    print('locked' if 'lock' in str(exc).lower() else exc); sys.exit(0)\n"
    "con.execute(\"INSERT INTO meta VALUES ('written_by', 'other process')\")\n"
    "con.close(); print('written')\n"
)


def _other_process_writes(path) -> str:
    out = subprocess.run([sys.executable, "-c", WRITE, str(path)], capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.strip()


def test_kept_open_while_busy_and_released_when_idle(tmp_path):
    path = tmp_path / "journey.duckdb"
    store = JourneyStore(path, timezone="UTC")
    store.keep_open = 2.0
    assert store.count("events") == 0
    assert _other_process_writes(path) == "locked"  # within 2 s of the last query
    deadline = time.monotonic() + 30
    while store._keeper is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _other_process_writes(path) == "written"
    # The next query opens the file again and sees the other process's write.
    assert store.scalar("SELECT value FROM meta WHERE key = 'written_by'") == "other process"
    assert store._keeper is not None
    store.close()
    assert store._keeper is None


def test_without_keep_open_nothing_is_held(tmp_path):
    path = tmp_path / "journey.duckdb"
    store = JourneyStore(path, timezone="UTC")
    assert store.count("orders") == 0
    assert store._keeper is None
    assert _other_process_writes(path) == "written"
