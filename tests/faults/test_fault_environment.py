"""Faults of the machine (issue 20 item 5): a read-only data folder, a full disk during ingest,
the demo on a full disk, and a kill -9 in the middle of an ingest. Each must end in one line
naming the real cause, exit code 3, and nothing half-written; the store stays as it was.

The small and read-only disks are tmpfs mounts in an unprivileged mount namespace
(tests/faults/small_disk.py); where namespaces are disabled these tests skip and say why."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from small_disk import REPO, SmallDisk, require_namespaces

CUSTOMERS = "customer_id\nC1\nC2\nC3\n"
SURVEYS = "survey_id,customer_id,ts,csat,text\nS1,C1,2026-05-20 10:00,1,Card declined at checkout\n" \
          "S2,C2,2026-05-21 10:00,5,Lovely sourdough\n"
COUNTS = ("import duckdb, os, json; h = os.environ['JOURNEYBOT_HOME']; "
          "c = duckdb.connect(h + '/journey.duckdb', read_only=True); "
          "print(json.dumps({t: c.execute(f'SELECT count(*) FROM {t}').fetchone()[0] "
          "for t in ('customers', 'events', 'surveys')}))")
LEFTOVERS = ("import os; h = os.environ['JOURNEYBOT_HOME']; "
             "print(sorted(os.path.relpath(os.path.join(d, f), h) for d, _, fs in os.walk(h) for f in fs))")


def _one_line(step) -> str:
    lines = [line for line in step.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in step.err, step.err
    return lines[0]


@pytest.fixture
def small(tmp_path: Path) -> SmallDisk:
    require_namespaces()
    data = tmp_path / "data"
    data.mkdir()
    (data / "customers.csv").write_text(CUSTOMERS)
    (data / "surveys.csv").write_text(SURVEYS)
    return SmallDisk(tmp_path)


def _events(path: Path, rows: int, customers: int = 3) -> Path:
    rng = np.random.default_rng(5)
    start = pd.Timestamp("2026-05-01")
    pd.DataFrame({
        "customer_id": [f"C{i}" for i in rng.integers(1, customers + 1, rows)],
        "ts": (start + pd.to_timedelta(rng.integers(0, 86400 * 60, rows), unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
        "touchpoint": rng.choice(["website_visit", "product_view", "add_to_cart", "instore_visit"], rows),
        "channel": rng.choice(["search", "instagram", "email"], rows),
        "session_id": [f"s{i}" for i in rng.integers(0, rows // 4, rows)],
    }).to_csv(path, index=False)
    return path


def test_fault_read_only_data_folder_is_named_not_called_busy(small: SmallDisk, tmp_path: Path):
    steps = (small.mount("64m").journeybot("load", "ingest", "--folder", str(tmp_path / "data"))
             .remount("ro")
             .journeybot("describe", "describe")
             .journeybot("ingest", "ingest", "--folder", str(tmp_path / "data"))
             .journeybot("forget", "forget", "C1", "--yes")
             .run())
    assert steps["load"].rc == 0, steps["load"].err
    for name in ("describe", "ingest", "forget"):
        step = steps[name]
        line = _one_line(step)
        assert step.rc == 3, (name, step.err)
        assert "read-only file system" in line and str(small.home) in line, line
        assert "in use by another" not in line
        assert step.seconds < 25, (name, step.seconds)  # no 30 s wait for a lock that never comes


def test_fault_full_disk_during_ingest_is_one_line_and_the_store_stays_as_it_was(small: SmallDisk, tmp_path: Path):
    big = _events(tmp_path / "events.csv", 400_000)
    steps = (small.mount("6m").journeybot("load", "ingest", "--folder", str(tmp_path / "data"))
             .python("before", COUNTS)
             .journeybot("full", "ingest", "events", str(big))
             .python("after", COUNTS)
             .python("files", LEFTOVERS)
             .remount("size=256m")
             .journeybot("again", "ingest", "events", str(big))
             .python("loaded", COUNTS)
             .run())
    assert steps["load"].rc == 0, steps["load"].err
    full = steps["full"]
    line = _one_line(full)
    assert full.rc == 3 and "is full (no space left on device)" in line and "Nothing was written" in line, line
    assert steps["after"].out == steps["before"].out  # the store is exactly as it was
    assert ".writing" not in steps["files"].out
    # Once there is room, the same file loads completely.
    assert steps["again"].rc == 0, steps["again"].err
    assert '"events": 400000' in steps["loaded"].out.replace(" ", "").replace(":", ": ")


def test_fault_demo_on_a_full_disk_leaves_no_half_written_sample(small: SmallDisk):
    steps = small.mount("3m").journeybot("demo", "demo").python("files", LEFTOVERS).run()
    demo = steps["demo"]
    assert demo.rc == 3, demo.err
    line = _one_line(demo)
    assert "is full (no space left on device)" in line and str(small.home) in line, line
    left = eval(steps["files"].out)  # noqa: S307 - the list printed by LEFTOVERS
    assert not [f for f in left if f.startswith("sample")], left  # no sample folder at all, not half of one


def test_fault_kill_9_mid_ingest_leaves_the_store_unchanged_and_reingest_works(tmp_path: Path, home: Path):
    """A 3M-row ingest killed with SIGKILL while it writes: the store is as it was, and loading
    the same file again works. (The issue's run used 3M rows; 1M keeps the test short.)"""
    from tools.data.store import JourneyStore

    data = tmp_path / "data"
    data.mkdir()
    (data / "customers.csv").write_text(CUSTOMERS)
    big = _events(tmp_path / "events.csv", 1_000_000)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-c", "from bot.cli import main; main()"]
    assert subprocess.run([*cmd, "ingest", "--folder", str(data)], env=env, capture_output=True).returncode == 0
    before = JourneyStore(home / "journey.duckdb").counts()
    proc = subprocess.Popen([*cmd, "ingest", "events", str(big)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(4.0)
    assert proc.poll() is None, "the ingest finished before it could be killed: use a bigger file"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = JourneyStore(home / "journey.duckdb")
    assert store.counts() == before
    done = subprocess.run([*cmd, "ingest", "events", str(big)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert store.count("events") == int(pd.read_csv(big).drop_duplicates(
        ["customer_id", "ts", "touchpoint", "session_id"]).shape[0])
