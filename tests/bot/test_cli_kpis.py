"""The KPI commands as a script sees them: text and JSON output, config windows, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from kpi_fixtures import BAKERY, CHURN, load

from bot.cli import main

MAY = "2026-05-04..2026-05-06"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def bakery(home: Path, tmp_path: Path):
    from bot.config import load_config

    store = load_config().open_store()
    load(store, tmp_path / "bakery", BAKERY)
    return store


def test_kpis_prints_every_kpi_with_units_and_n(bakery):
    result = run("kpis", "--period", MAY)
    assert result.exit_code == 0, result.output
    assert "Buying rate" in result.output and "40.0%" in result.output
    assert "buying rate: of the customers active in the period, the share who bought in it." in result.output
    assert "£47.00" in result.output and "3 orders" in result.output


def test_kpis_json_with_chosen_metrics_and_a_filter(bakery):
    result = run("kpis", "--period", MAY, "--metric", "nps", "--metric", "revenue", "--channel", "instagram", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    got = {v["metric"]: v["value"] for v in data["values"]}
    assert got == {"nps": 0.0, "revenue": 32.0}
    assert data["provenance"]["filters"] == {"channel": ["instagram"]}


def test_churn_window_comes_from_the_config(home: Path, tmp_path: Path):
    from bot.config import load_config

    load(load_config().open_store(), tmp_path / "winter", CHURN)
    feb = "2026-02-01..2026-02-28"
    default = json.loads(run("kpis", "--period", feb, "--metric", "churn", "--json").output)
    # 90 days (the default): P, Q and S are active on 1 February and nobody lapses in February.
    assert (default["values"][0]["n"], default["values"][0]["value"]) == (3, 0.0)
    (home / "config.toml").write_text("[analytics]\nchurn_window_days = 30\n")
    thirty = json.loads(run("kpis", "--period", feb, "--metric", "churn_rate", "--json").output)
    assert thirty["values"][0]["value"] == pytest.approx(2 / 3)
    flag = json.loads(run("kpis", "--period", feb, "--metric", "churn_rate", "--churn-window", "60", "--json").output)
    assert flag["values"][0]["value"] == 0.0


def test_trend_compare_and_movers(bakery):
    t = run("trend", "revenue", "--grain", "day", "--period", MAY)
    assert t.exit_code == 0, t.output
    assert "2026-05-05" in t.output and "£15.00" in t.output
    c = run("compare", "revenue", "bounce_rate", "--period", "2026-05-06")
    assert c.exit_code == 0, c.output
    # two orders against one: a total on so few rows is said as rough, never better or worse
    revenue = next(line for line in c.output.splitlines() if line.strip().startswith("Revenue"))
    assert "↓ -£3.00 (-20%)" in revenue and "(rough: 1 order now, 1 before)" in revenue and "worse" not in revenue
    m = run("movers", "revenue", "--by", "segment", "--period", "2026-05-06", "--min-n", "1", "--json")
    assert m.exit_code == 0, m.output
    groups = {g["group"]: g["change"] for g in json.loads(m.output)["groups"]}
    assert groups == {"regular": -15.0, "vip": 12.0}


def test_trend_by_month_on_the_command_line(bakery):
    t = run("trend", "revenue", "--grain", "month", "--period", "2026-04-20..2026-05-06")
    assert t.exit_code == 0, t.output
    assert "Revenue by month" in t.output and "2026-05" in t.output and "£47.00" in t.output
    assert "partial: 6 days, 2026-05-01 to 2026-05-06" in t.output
    # six days of May against eleven of April: no "better"
    assert "(the latest month has 6 of its 31 days: not read as better or worse)" in t.output
    assert "(better)" not in t.output
    data = json.loads(run("trend", "revenue", "--grain", "month", "--period", "2026-04-20..2026-05-06",
                          "--json").output)
    assert data["grain"] == "month" and [p["days"] for p in data["series"]] == [11, 6]


def test_bad_metric_is_a_usage_error_and_bad_filter_bad_input(bakery):
    r = run("trend", "profit")
    assert r.exit_code == 2 and "use one of active_customers" in r.output
    r = run("kpis", "--period", MAY, "--segment", "gold")
    assert r.exit_code == 1 and "known values" in r.output
    r = run("kpis", "--period", "fortnight")
    assert r.exit_code == 2 and "Unknown period" in r.output


def test_empty_store_says_how_to_load_data(home: Path):
    r = run("kpis")
    assert r.exit_code == 1 and "journeybot ingest" in r.output


def test_kpis_list_names_every_metric(home: Path):
    from tools.analytics.kpi_catalog import METRICS

    out = run("kpis", "--list").output
    assert all(m in out for m in METRICS)


def test_refunds_cancellations_and_repeat_customers_at_a_least_number_of_orders(bakery):
    r = json.loads(run("kpis", "--period", MAY, "--metric", "cancelled_orders", "--metric", "cancellation_rate",
                       "--json").output)
    # O5 was cancelled, of the four orders no longer pending
    assert [(v["metric"], v["value"]) for v in r["values"]] == [("cancelled_orders", 1.0), ("cancellation_rate", 0.25)]
    # A alone has two completed orders by the end of May (one in March): none has three
    two = json.loads(run("kpis", "--period", MAY, "--metric", "repeat_customers", "--json").output)["values"][0]
    three = run("kpis", "--period", MAY, "--metric", "repeat_customers", "--min-orders", "3")
    assert two["value"] == 1.0 and "Customers with 3 or more orders" in three.output
    assert run("kpis", "--min-orders", "1").exit_code == 2
