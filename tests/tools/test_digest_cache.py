"""The digest on unchanged data is served from the result cache, new data is never; the KPIs it
judges are read in one go with the same verdicts as one by one; a held store sees new data."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Executor, Future

import pytest
from sample_cache import sample_store

from tools.alerts.rules import STARTER_RULES
from tools.alerts.series import KpiSeriesProvider
from tools.alerts.verdicts import kpi_verdicts
from tools.data.cache import RESULTS
from tools.data.ingest import folder_loads, ingest_file, ingest_loads
from tools.data.store import JourneyStore
from tools.digest.compose import DIGEST_METRICS, DigestParams, digest

DAY = dt.date(2026, 9, 1)  # a Tuesday in the sample's checkout breakage (docs/SAMPLE_DATA.md)


@pytest.fixture(scope="module")
def on_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("digest-cache")
    store = JourneyStore(folder / "journey.duckdb", timezone="Europe/London")
    ingest_loads(store, folder_loads(sample_store()[1]))
    return store


class OneByOne:
    """The same provider without `prefetch`: every KPI read by its own call, as before."""

    def __init__(self, inner: KpiSeriesProvider):
        self._inner = inner

    def __getattr__(self, name):
        if name == "prefetch":
            raise AttributeError(name)
        return getattr(self._inner, name)


def test_the_kpis_read_in_one_go_are_judged_as_one_by_one():
    store = sample_store()[0]  # in memory: nothing cached, both really read
    together = kpi_verdicts(KpiSeriesProvider(store), list(STARTER_RULES), DIGEST_METRICS, DAY)
    apart = kpi_verdicts(OneByOne(KpiSeriesProvider(store)), list(STARTER_RULES), DIGEST_METRICS, DAY)
    assert together.keys() == apart.keys() and len(together) >= 6
    for metric, v in together.items():
        w = apart[metric]
        # Shown the same; the bands agree to the last few bits (DuckDB sums in its own order).
        assert (v.judged, v.unusual, v.range_text(), v.finding.n) == (w.judged, w.unusual, w.range_text(), w.finding.n)
        for a, b in ((v.lower, w.lower), (v.upper, w.upper), (v.finding.value, w.finding.value)):
            assert (a is None and b is None) or a == pytest.approx(b, rel=1e-9), metric
    assert any(v.unusual for v in together.values())  # the breakage day has something to say


def test_a_second_digest_is_served_from_the_cache_and_new_data_is_not(on_file, tmp_path):
    RESULTS.clear()
    start = RESULTS.stats.misses
    first = digest(on_file, DigestParams(date=DAY), business="Crumb & Co.")
    computed = RESULTS.stats.misses - start
    assert computed >= 5  # compare, funnel, chart, the judged KPIs' series and their verdicts
    hits = RESULTS.stats.hits
    again = digest(on_file, DigestParams(date=DAY), business="Crumb & Co.")
    assert again.to_text() == first.to_text()
    # Nothing computed again: the comparison, the verdicts (not even their series), the funnel
    # and the chart are all found.
    assert RESULTS.stats.misses == start + computed and RESULTS.stats.hits >= hits + 4
    # A new order on the day: every cached result is of the old data version.
    someone = on_file.scalar("SELECT min(customer_id) FROM customers")
    before = int({k.metric: k for k in first.kpis}["orders"].now.replace(",", ""))
    (tmp_path / "late.csv").write_text("order_id,customer_id,ts,amount,status\n"
                                       f"late-1,{someone},{DAY} 12:00:00,1000.00,completed\n")
    ingest_file(on_file, "orders", tmp_path / "late.csv")
    after = digest(on_file, DigestParams(date=DAY), business="Crumb & Co.")
    assert RESULTS.stats.misses == start + 2 * computed
    line = {k.metric: k for k in after.kpis}["orders"]
    assert line.now == f"{before + 1:,}"


def test_a_held_store_sees_data_loaded_while_it_is_held(tmp_path):
    store = JourneyStore(tmp_path / "journey.duckdb", timezone="UTC")
    (tmp_path / "a.csv").write_text("customer_id,ts,touchpoint,channel\na1,2026-04-02 10:00,ad_click,search\n")
    (tmp_path / "b.csv").write_text("customer_id,ts,touchpoint,channel\nb1,2026-04-09 10:00,ad_click,search\n")
    ingest_file(store, "events", tmp_path / "a.csv")
    with store.held(), store.held():  # reentrant
        assert store.as_of() == dt.date(2026, 4, 2)
        ingest_file(store, "events", tmp_path / "b.csv")
        assert store.as_of() == dt.date(2026, 4, 9)
    assert store._kept is None  # released: another process can open the file
    other = JourneyStore(tmp_path / "journey.duckdb", timezone="UTC")
    assert other.as_of() == dt.date(2026, 4, 9)


def test_the_alert_check_is_served_from_the_cache_until_new_data(on_file, tmp_path):
    from tools.alerts.check import check_rules

    RESULTS.clear()
    day = on_file.as_of()
    start = RESULTS.stats.misses
    first = check_rules(KpiSeriesProvider(on_file), list(STARTER_RULES), day, explain=False)
    computed = RESULTS.stats.misses - start
    assert computed >= 2 and not first.errors
    again = check_rules(KpiSeriesProvider(on_file), list(STARTER_RULES), day, explain=False)
    assert [f.value for f in again.findings] == [f.value for f in first.findings]
    assert RESULTS.stats.misses == start + computed  # every series came from the cache
    someone = on_file.scalar("SELECT min(customer_id) FROM customers")
    (tmp_path / "more.csv").write_text(f"customer_id,ts,touchpoint,channel\n{someone},{day} 09:00,ad_click,email\n")
    ingest_file(on_file, "events", tmp_path / "more.csv")
    check_rules(KpiSeriesProvider(on_file), list(STARTER_RULES), day, explain=False)
    assert RESULTS.stats.misses == start + 2 * computed  # all read again from the new data


class InTurn(Executor):
    """An executor that runs each task when it is submitted, on the calling thread: the digest
    as it was built before its sections were read side by side."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller by result(), as a thread pool would
            future.set_exception(exc)
        return future


@pytest.mark.parametrize("which", ["checkout breakage day", "last day of data"])
def test_sections_read_side_by_side_make_the_digest_they_make_in_turn(on_file, monkeypatch, which):
    day = DAY if which == "checkout breakage day" else on_file.as_of()
    RESULTS.clear()
    side_by_side = digest(on_file, DigestParams(date=day), business="Crumb & Co.")
    monkeypatch.setattr("tools.digest.compose.ThreadPoolExecutor", lambda **_: InTurn())
    RESULTS.clear()
    in_turn = digest(on_file, DigestParams(date=day), business="Crumb & Co.")
    assert side_by_side.to_text() == in_turn.to_text()
    # The notes and the tool calls behind the sections come in the order of the sections.
    assert side_by_side.notes == in_turn.notes and side_by_side.sources == in_turn.sources
    assert side_by_side.funnel and side_by_side.chart is not None
    if which == "last day of data":  # no churn model here: said, after the sentiment note
        assert any(n.startswith("Customers at risk left out") for n in side_by_side.notes)
        assert side_by_side.notes.index(next(n for n in side_by_side.notes if n.startswith("Sentiment"))) < \
            side_by_side.notes.index(next(n for n in side_by_side.notes if n.startswith("Customers at risk")))
