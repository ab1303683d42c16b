"""The digest's inputs saved in the journey store by a job are what a later process reads instead
of computing (tools/data/saved_results.py), word for word the digest it would compute; new data,
other code or another business profile are never answered from them; reading writes nothing."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sample_cache import sample_store

from tools.data import saved_results
from tools.data.cache import RESULTS
from tools.data.ingest import folder_loads, ingest_file, ingest_loads
from tools.data.store import JourneyStore
from tools.digest.compose import DigestParams, digest

DAY = dt.date(2026, 9, 1)  # a Tuesday in the sample's checkout breakage (docs/SAMPLE_DATA.md)
KEPT = {"compare", "kpi_verdicts", "funnel", "kpi_series"}


@pytest.fixture
def on_file(tmp_path_factory):
    """The sample on file, loaded once and copied for each test (the tests write to it)."""
    folder = tmp_path_factory.getbasetemp() / "saved-results-source"
    if not folder.exists():
        folder.mkdir()
        ingest_loads(JourneyStore(folder / "journey.duckdb", timezone="Europe/London"),
                     folder_loads(sample_store()[1]))
    mine = tmp_path_factory.mktemp("saved-results")
    shutil.copy(folder / "journey.duckdb", mine / "journey.duckdb")
    return JourneyStore(mine / "journey.duckdb", timezone="Europe/London")


def the_digest(store: JourneyStore):
    return digest(store, DigestParams(date=DAY), business="Crumb & Co.")


def saved_rows(store: JourneyStore) -> list[tuple]:
    have = store.scalar(f"SELECT count(*) FROM information_schema.tables WHERE table_name = '{saved_results.TABLE}'")
    if not have:
        return []
    return [tuple(r) for r in store.query(f"SELECT data_version, analysis FROM {saved_results.TABLE} "
                                          "ORDER BY analysis").itertuples(index=False)]


def nothing_computed(monkeypatch):
    """Every analysis the digest keeps fails if it is computed: only a saved one can be used."""
    def refuse(*_a, **_k):
        raise AssertionError("computed although it was saved")

    monkeypatch.setattr("tools.analytics.compare.compare", refuse)
    monkeypatch.setattr("tools.analytics.funnel.funnel", refuse)
    monkeypatch.setattr("tools.analytics.trends.kpi_series", refuse)
    monkeypatch.setattr("tools.alerts.verdicts._verdicts", refuse)


def test_a_new_process_reads_what_the_job_saved_and_writes_the_same_digest(on_file, monkeypatch):
    RESULTS.clear()
    with RESULTS.keeping(on_file):  # the retrain job, the scheduled digest
        computed = the_digest(on_file)
    version = on_file.data_version()
    assert {a for _, a in saved_rows(on_file)} == KEPT
    assert {v for v, _ in saved_rows(on_file)} == {version}
    RESULTS.clear()  # a new process: nothing in memory
    nothing_computed(monkeypatch)
    saved_hits = RESULTS.stats.saved_hits
    read = the_digest(on_file)
    assert RESULTS.stats.saved_hits == saved_hits + len(KEPT)
    assert read.to_text() == computed.to_text()
    assert (read.notes, read.sources, read.chart) == (computed.notes, computed.sources, computed.chart)
    assert any(k.unusual for k in read.kpis)  # the breakage day's verdicts came along


def test_reading_writes_nothing(on_file):
    RESULTS.clear()
    the_digest(on_file)  # not inside `keeping`: a dry run
    assert saved_rows(on_file) == []


def test_new_data_is_computed_afresh_and_a_new_saving_replaces_the_old(on_file, tmp_path):
    RESULTS.clear()
    with RESULTS.keeping(on_file):
        first = the_digest(on_file)
    orders = int({k.metric: k for k in first.kpis}["orders"].now.replace(",", ""))
    someone = on_file.scalar("SELECT min(customer_id) FROM customers")
    (tmp_path / "late.csv").write_text("order_id,customer_id,ts,amount,status\n"
                                       f"late-1,{someone},{DAY} 12:00:00,1000.00,completed\n")
    ingest_file(on_file, "orders", tmp_path / "late.csv")
    RESULTS.clear()
    saved_hits = RESULTS.stats.saved_hits
    after = the_digest(on_file)
    assert RESULTS.stats.saved_hits == saved_hits  # the saving is of the old data: never read
    assert {k.metric: k for k in after.kpis}["orders"].now == f"{orders + 1:,}"
    assert after.to_text() != first.to_text()
    with RESULTS.keeping(on_file):
        the_digest(on_file)
    assert {v for v, _ in saved_rows(on_file)} == {on_file.data_version()}  # one version kept


def test_other_code_or_another_profile_does_not_read_the_saving(on_file, monkeypatch):
    RESULTS.clear()
    with RESULTS.keeping(on_file):
        computed = the_digest(on_file)
    RESULTS.clear()
    monkeypatch.setattr(saved_results, "code_key", lambda: "an upgrade")
    hits = RESULTS.stats.saved_hits
    assert the_digest(on_file).to_text() == computed.to_text()
    assert RESULTS.stats.saved_hits == hits
    monkeypatch.undo()
    RESULTS.clear()
    on_file.set_profile({"currency": "EUR"}, "a test")  # no journey table changes: same data version
    euros = the_digest(on_file)
    assert RESULTS.stats.saved_hits == hits
    revenue = {k.metric: k for k in euros.kpis}["revenue"]
    assert revenue.now.startswith("€"), revenue.now


def test_a_saving_made_after_the_data_moved_on_is_not_kept(on_file, tmp_path):
    version = on_file.data_version()
    assert saved_results.save(on_file, version - 1, {("compare", "{}"): "stale"}) == 0
    assert saved_rows(on_file) == []
    assert saved_results.save(on_file, version, {("compare", "{}"): "now"}) == 1
    assert saved_results.load(on_file, version) == {("compare", "{}"): "now"}
    assert saved_results.load(on_file, version + 1) == {}


def test_a_new_time_zone_is_not_answered_from_memory_either(on_file):
    """`profile set timezone` rebuilds the sessions without a new data version: the days move,
    so every day's numbers do; the cache in a process (the server's) must not serve the old."""
    RESULTS.clear()
    london = the_digest(on_file)
    version = on_file.data_version()
    on_file.set_profile({"timezone": "America/Los_Angeles"}, "a test")
    assert on_file.data_version() == version
    warm = the_digest(on_file)
    RESULTS.clear()
    cold = the_digest(on_file)
    assert warm.to_text() == cold.to_text()
    assert [k.now for k in cold.kpis] != [k.now for k in london.kpis]  # the day's numbers did move


def test_two_jobs_keeping_at_once_both_save_and_leave_nothing_open(on_file):
    """The retrain job and a scheduled digest can overlap on two threads of the server."""
    RESULTS.clear()
    with RESULTS.keeping(on_file):
        with RESULTS.keeping(on_file):
            the_digest(on_file)
        inner = saved_rows(on_file)
        assert {a for _, a in inner} == KEPT
    assert saved_rows(on_file) == inner  # the outer one saved the same rows again, not twice
    assert RESULTS._keeping == {}
    rows = on_file.scalar(f"SELECT count(*) FROM {saved_results.TABLE}")
    the_digest(on_file)  # afterwards, outside: nothing more is written
    assert on_file.scalar(f"SELECT count(*) FROM {saved_results.TABLE}") == rows == len(KEPT)


def test_a_saving_that_fails_never_fails_the_job(on_file, monkeypatch, caplog):
    """The scheduled digest keeps its inputs: a busy or read-only store must not stop it going out."""
    def busy(*_a, **_k):
        raise OSError("the journey store is busy")

    monkeypatch.setattr(saved_results, "save", busy)
    RESULTS.clear()
    with RESULTS.keeping(on_file):
        result = the_digest(on_file)
    assert result.kpis and saved_rows(on_file) == []
    assert "could not save results" in caplog.text


def test_after_an_erasure_nothing_saved_before_it_is_read_or_left_in_the_file(on_file):
    """The saved inputs are aggregates without customer ids, but they were computed from the
    erased customer's rows too: the erasure drops them in its own transaction, and the file it
    rewrites holds none of their bytes."""
    from tools.privacy.erase import erase_customer

    RESULTS.clear()
    with RESULTS.keeping(on_file):
        the_digest(on_file)
    assert {a for _, a in saved_rows(on_file)} == KEPT
    # DuckDB compresses the payloads, so their bytes cannot be searched for: its own account of
    # the blocks that hold the table's rows in the file is asked instead.
    def blocks() -> int:
        return on_file.scalar(f"SELECT count(DISTINCT block_id) FROM pragma_storage_info('{saved_results.TABLE}')")

    on_file.scalar("CHECKPOINT")
    assert blocks() > 0
    someone = on_file.scalar("SELECT min(customer_id) FROM orders")
    erase_customer(someone, store=on_file, fb=None)  # rewrites the file with live rows only
    assert saved_rows(on_file) == []
    assert blocks() == 0
    RESULTS.clear()  # a new process
    hits = RESULTS.stats.saved_hits
    the_digest(on_file)
    assert RESULTS.stats.saved_hits == hits  # computed from what is left, nothing read


def test_every_new_data_version_drops_the_saving_with_it(on_file):
    """Ingest, sync and erasure bump the data version in their transaction; the saved rows go in
    the same one, so none outlives the data it was computed from, and a rolled-back write keeps
    them."""
    from tools.data.data_version import bump_data_version

    RESULTS.clear()
    with RESULTS.keeping(on_file):
        the_digest(on_file)
    rows = saved_rows(on_file)
    assert rows
    with on_file.connect() as con:
        con.begin()
        bump_data_version(con)
        con.rollback()
    assert saved_rows(on_file) == rows
    with on_file.connect() as con:
        con.begin()
        bump_data_version(con)
        con.commit()
    assert saved_rows(on_file) == []


def test_the_same_data_is_saved_once_and_a_second_job_writes_nothing(on_file):
    """A sync saves the digest's inputs and the retrain job after it asks for the same ones: in
    this process (from memory) or another (read from the file), nothing is written again."""
    RESULTS.clear()
    with RESULTS.keeping(on_file):
        the_digest(on_file)
    when = on_file.scalar(f"SELECT max(saved_at) FROM {saved_results.TABLE}")
    on_file.release()
    before = on_file.path.read_bytes()
    for new_process in (False, True):
        if new_process:
            RESULTS.clear()
        with RESULTS.keeping(on_file):
            the_digest(on_file)
        assert on_file.scalar(f"SELECT max(saved_at) FROM {saved_results.TABLE}") == when
        on_file.release()
        assert on_file.path.read_bytes() == before
    assert {a for _, a in saved_rows(on_file)} == KEPT
