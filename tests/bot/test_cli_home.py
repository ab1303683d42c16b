"""`journeybot home --dry-run`: the App Home tab as the Slack app would publish it, printed in the
terminal from the same builders, with nothing published and nothing written to the data folder.
Each KPI line of a table that ends on another day than the snapshot's says its own day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes.shop import make_shop

from bot.cli import main
from bot.render.features import kpi_blocks
from bot.slack.services import KpiLine, KpiSnapshot


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def loaded(tmp_path: Path, home: Path) -> Path:
    make_shop(tmp_path / "shop", n=300)
    assert run("ingest", "--folder", str(tmp_path / "shop")).exit_code == 0
    return home


def test_the_home_preview_prints_the_tab_and_writes_nothing(loaded):
    from bot.config import load_config
    from bot.slack.kpi_snapshot import kpi_snapshot

    before = files(loaded)
    out = run("home", "--dry-run")
    assert out.exit_code == 0, out.output
    for heading in ("TODAY'S KPIS", "OPEN ALERTS", "DATA SOURCES", "SAVED PERSONAS", "DIGEST SUBSCRIPTIONS"):
        assert heading in out.output, out.output
    config = load_config()
    store = config.open_store()
    try:
        snap = kpi_snapshot(store, config)
        first, last = store.date_range()
    finally:
        store.close()
    assert f"*KPIs* as of {snap.as_of}, compared with {snap.compared_with}" in out.output
    for line in snap.lines:
        assert any(row.startswith(line.name) and line.value in row for row in out.output.splitlines()), line
    assert f"Data from {first} to {last}" in out.output
    assert "No open alerts." in out.output and "No digest subscriptions." in out.output
    assert files(loaded).keys() == before.keys()  # a preview creates no state files


def test_the_home_preview_as_json_is_the_view_slack_gets(loaded):
    out = run("home", "--json")
    assert out.exit_code == 0, out.output
    view = json.loads(out.output)
    assert view["type"] == "home" and view["blocks"][0]["type"] == "header"


def test_a_kpi_line_of_a_table_that_ends_on_another_day_says_its_day():
    snap = KpiSnapshot("2018-10-17", "previous 7 days", [
        KpiLine("Orders", "12", "▲ 2 (+20%)", "good"),
        KpiLine("CSAT (4-5 of 5)", "80.0%", "▼ 5 pp", "bad", as_of="2018-10-22")])
    blocks = kpi_blocks(snap)
    table = next(b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("```"))
    orders, csat = table.strip("`\n").splitlines()
    assert csat.endswith("(as of 2018-10-22)") and "as of" not in orders
    assert blocks[-1]["type"] == "context" and "2018-10-17" in blocks[-1]["elements"][0]["text"]
    # every line on the snapshot's day: no note
    same = kpi_blocks(KpiSnapshot("2018-10-17", "previous 7 days", [KpiLine("Orders", "12", "", "")]))
    assert all(b["type"] != "context" for b in same)
