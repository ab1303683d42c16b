"""The snapshot behind `/journey kpis` and the App Home: this week against the week before,
worded by the KPI tool."""

from __future__ import annotations

import datetime as dt

from bot.config import load_config
from bot.slack.kpi_snapshot import SNAPSHOT_METRICS, kpi_snapshot
from tools.analytics.compare import CompareParams, compare
from tools.core.money import format_money
from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample


def test_snapshot_lines_match_the_comparison_tool(store, tmp_path):
    generate_sample(tmp_path / "s", SampleSpec(events=5000))
    ingest_loads(store, folder_loads(tmp_path / "s"))
    config = load_config(env={})
    snap = kpi_snapshot(store, config)
    # The snapshot opens with revenue, so its week ends on the last day with orders.
    last = store.as_of("orders")
    before = f"{last - dt.timedelta(days=13)} to {last - dt.timedelta(days=7)}"
    # "as of" the day that week ends, not the events' last day (2026-11-15) a day after it
    assert snap.as_of == str(last) == "2026-11-14" and before in snap.compared_with
    assert len(snap.lines) == len(SNAPSHOT_METRICS)
    rows = compare(store, CompareParams(metrics=list(SNAPSHOT_METRICS), period={"name": "last_7_days"}),
                   settings=config.kpi_settings()).rows
    revenue = next(line for line in snap.lines if line.name == rows.iloc[0]["label"])
    assert revenue.value == format_money(rows.iloc[0]["current"], "GBP")  # the sample is a British bakery
    assert all(line.direction in ("good", "bad", "flat", "") for line in snap.lines)


def test_the_snapshot_is_computed_once_per_data_version(tmp_path):
    """The App Home and `/journey kpis` ask for the same snapshot; a load makes it stale."""
    from tools.data.cache import RESULTS
    from tools.data.ingest import ingest_file
    from tools.data.store import JourneyStore

    store = JourneyStore(tmp_path / "journey.duckdb")
    generate_sample(tmp_path / "s", SampleSpec(events=5000))
    ingest_loads(store, folder_loads(tmp_path / "s"))
    config = load_config(env={})
    RESULTS.clear()
    first = kpi_snapshot(store, config)
    misses = RESULTS.stats.misses
    assert kpi_snapshot(store, config) == first and RESULTS.stats.misses == misses
    someone = store.scalar("SELECT min(customer_id) FROM customers")
    last = store.as_of("orders")
    (tmp_path / "late.csv").write_text(f"order_id,customer_id,ts,amount,status\nlate-1,{someone},{last} 12:00,500,completed\n")
    ingest_file(store, "orders", tmp_path / "late.csv")
    after = kpi_snapshot(store, config)
    assert RESULTS.stats.misses == misses + 1 and after.lines[0].value != first.lines[0].value
