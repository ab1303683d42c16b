"""The snapshot behind `/journey kpis` and the App Home: this week against the week before,
worded by the KPI tool."""

from __future__ import annotations

from bot.config import load_config
from bot.slack.kpi_snapshot import SNAPSHOT_METRICS, kpi_snapshot
from tools.analytics.compare import CompareParams, compare
from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample


def test_snapshot_lines_match_the_comparison_tool(store, tmp_path):
    generate_sample(tmp_path / "s", SampleSpec(events=5000))
    ingest_loads(store, folder_loads(tmp_path / "s"))
    config = load_config(env={})
    snap = kpi_snapshot(store, config)
    assert snap.as_of == "2026-11-15" and "2026-11-02 to 2026-11-08" in snap.compared_with
    assert len(snap.lines) == len(SNAPSHOT_METRICS)
    rows = compare(store, CompareParams(metrics=list(SNAPSHOT_METRICS), period={"name": "last_7_days"}),
                   settings=config.kpi_settings()).rows
    revenue = next(line for line in snap.lines if line.name == rows.iloc[0]["label"])
    assert revenue.value.startswith("£") and f"{rows.iloc[0]['current']:,.0f}" in revenue.value.replace("£", "")
    assert all(line.direction in ("good", "bad", "flat", "") for line in snap.lines)
