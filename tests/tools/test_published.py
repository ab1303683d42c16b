"""Published journey store versions: one writer at a time, readers that switch between answers
and never see half a version. On SQLite (one machine) and a real PostgreSQL server."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from journey_fixtures import CUSTOMERS, SHOP, load_customers, load_events

from tools.core.opsdb import OpsDB
from tools.data import published
from tools.data.published import PublishedStore, fetch, latest, prepare_working_copy, publish
from tools.data.store import JourneyStore


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite'}"
    return request.getfixturevalue("pg_url")


def writer_store(tmp_path, name: str = "writer") -> JourneyStore:
    return JourneyStore(tmp_path / name / "journey.duckdb", timezone="Europe/London")


def test_a_published_version_arrives_whole_and_readers_see_exactly_its_rows(url, tmp_path, monkeypatch):
    monkeypatch.setattr(published, "CHUNK_BYTES", 64 * 1024)  # several chunks per version
    db = OpsDB(url)
    store = writer_store(tmp_path)
    load_events(store, tmp_path, SHOP)
    assert latest(db) is None
    v1 = publish(db, store, publisher="test")
    assert (v1.version, v1.counts["events"]) == (1, 10)
    path = fetch(OpsDB(url), latest(OpsDB(url)), tmp_path / "reader")
    reader = JourneyStore(path, timezone="Europe/London")
    assert reader.count("events") == 10 and published.local_version(path) == 1
    # The next version, on top of the first, and the oldest beyond `keep` goes.
    load_customers(store, tmp_path, CUSTOMERS)
    publish(db, store, publisher="test", keep=1)
    v3 = publish(db, store, publisher="test", keep=1)
    assert v3.version == 3 and v3.counts["customers"] == 3
    with db.read() as con:
        kept = [r[0] for r in con.exec_driver_sql("SELECT DISTINCT version FROM journey_chunks")]
    assert kept == [3]


def test_a_new_writer_starts_from_the_newest_version_and_keeps_unpublished_data_aside(url, tmp_path):
    db = OpsDB(url)
    first = writer_store(tmp_path, "a")
    load_events(first, tmp_path, SHOP)
    publish(db, first, publisher="a")
    second_path = tmp_path / "b" / "journey.duckdb"
    old = JourneyStore(second_path)  # data loaded here before the instances shared a database
    load_customers(old, tmp_path, CUSTOMERS)
    assert prepare_working_copy(db, second_path, tmp_path / "b" / "published").version == 1
    assert JourneyStore(second_path).count("events") == 10
    assert len(list((tmp_path / "b").glob("journey.duckdb.unpublished-*"))) == 1


def test_a_reader_switches_only_between_answers(tmp_path):
    db = OpsDB(f"sqlite:///{tmp_path / 'state.sqlite'}")
    store = writer_store(tmp_path)
    load_events(store, tmp_path, SHOP)
    v1 = publish(db, store, publisher="w")
    reader = PublishedStore(fetch(db, v1, tmp_path / "r"), version=v1, timezone="Europe/London")
    load_customers(store, tmp_path, CUSTOMERS)
    v2 = publish(db, store, publisher="w")
    path2 = fetch(db, v2, tmp_path / "r")
    seen: list[int] = []
    switched = threading.Event()
    with reader.hold():  # an answer in progress
        seen.append(reader.count("customers"))
        t = threading.Thread(target=lambda: reader.switch_to(path2, v2) and switched.set())
        t.start()
        time.sleep(0.3)
        seen.append(reader.count("customers"))  # still the version the answer started on
        assert not switched.is_set()
    t.join(5)
    assert switched.is_set()
    with reader.hold():
        seen.append(reader.count("customers"))
    assert seen == [0, 0, 3] and reader.version == v2


def test_a_busy_reader_makes_the_switch_wait_not_fail_forever(tmp_path):
    db = OpsDB(f"sqlite:///{tmp_path / 'state.sqlite'}")
    store = writer_store(tmp_path)
    v1 = publish(db, store, publisher="w")
    reader = PublishedStore(fetch(db, v1, tmp_path / "r"), version=v1)
    with reader.hold():
        assert reader.switch_to(fetch(db, v1, tmp_path / "r2"), v1, timeout=0.2) is False
    assert reader.switch_to(fetch(db, v1, tmp_path / "r2"), v1, timeout=0.2) is True


_HOLDER = """
import sys, time
from tools.core.opsdb import OpsDB
lock = OpsDB(sys.argv[1]).try_lock("journey-writer")
print("held" if lock else "busy", flush=True)
time.sleep(60)
"""


def test_the_writer_lock_has_one_holder_and_a_killed_holder_releases_it(url, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, url], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert OpsDB(url).try_lock("journey-writer") is None
        holder.kill()  # the writer dies mid-write
        holder.wait(10)
        deadline = time.monotonic() + 10
        lock = None
        while lock is None and time.monotonic() < deadline:
            lock = OpsDB(url).try_lock("journey-writer")
            time.sleep(0.1)
        assert lock is not None
        lock.release()
    finally:
        holder.kill()
