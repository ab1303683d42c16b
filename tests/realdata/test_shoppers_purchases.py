"""UCI shoppers has purchases (a Revenue flag per session) but no orders table, and months but
no days. "How many purchases in October?" was refused ("Buyers: no orders are loaded"); it is
now answered with the month's sessions that bought, saying the count comes from the purchase
events and that the data has months only. Expected counts are read here from the raw CSV with
pandas; the other trades' wordings ("orders", "sales") get the same answer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from realdata import extract as x

MONTHS = {"Mar": "March", "Oct": "October", "Nov": "November"}


def bought_in(raw: Path, month: str) -> int:
    s = pd.read_csv(raw / "online_shoppers_intention.csv", sep=";")
    return int(s[s.Month == month].Revenue.sum())


def counted(data) -> float:
    """The purchase count, whichever name (buyers or orders) the question was read as."""
    for metric in ("buyers", "orders"):
        try:
            return x.kpi(data, metric)
        except x.NotFound:
            continue
    raise x.NotFound("no purchase count")


@pytest.mark.parametrize("question, month", [
    ("how many purchases in October?", "Oct"),
    ("how many orders in march", "Mar"),
    ("how many sales did we make in November?", "Nov"),
])
def test_a_months_purchases_are_the_sessions_that_bought(shoppers, question, month):
    out = shoppers.ask(question)
    assert counted(out) == bought_in(shoppers.raw, month), out.get("answer")
    said = " ".join(x.notes(out)) + out.get("answer", "")
    assert "counted from the purchase events" in said
    assert "dated by month only" in said and "whole months" in said
    assert "cannot answer" not in out.get("answer", "")


def test_the_command_line_counts_orders_from_purchase_events_too(shoppers):
    out = shoppers.cli("kpis", "--metric", "orders", "--period", "2017-10-01..2017-10-31")
    assert x.kpi(out, "orders") == bought_in(shoppers.raw, "Oct")
    assert x.kpi(out, "orders") > 0  # never a silent zero


def test_purchases_last_month_counts_the_month_before_the_last(shoppers):
    """'last month' over month-dated data is the month before the last one: November's purchases,
    and October's beside them when the reading compares (since phase AD "purchases last month" reads
    the count of last month, as "orders last month" does; before, a compare with the month before)."""
    out = shoppers.ask("purchases last month")
    assert "Nov 2017" in out.get("answer", ""), out.get("answer")
    rows = [d for r in x.results(out) for d in x._walk(r) if d.get("metric") in ("buyers", "orders")
            and "current" in d]
    if rows:
        assert rows[0]["current"] == bought_in(shoppers.raw, "Nov")
        assert rows[0]["previous"] == bought_in(shoppers.raw, "Oct")
    else:
        assert counted(out) == bought_in(shoppers.raw, "Nov"), out.get("answer")


def test_all_the_kpis_do_not_grow_a_purchase_count(shoppers):
    """Asked for every KPI, orders and buyers stay among those the data cannot answer."""
    out = shoppers.cli("kpis", "--period", "2017-10-01..2017-10-31")
    assert {"orders", "buyers"} <= set(out["unavailable"])


def test_the_year_the_recipe_puts_on_the_months_is_said_to_be_assumed(shoppers):
    """The export has month names and no year: describe and the answers' age note say the
    recipe's 2017 is assumed, never that the data ended "9 years before today"."""
    from click.testing import CliRunner

    from bot.cli import main

    out = CliRunner().invoke(main, ["describe"], env={"JOURNEYBOT_HOME": str(shoppers.home)}).output
    assert "the export has no year: 2017 is assumed" in out
    said = shoppers.ask("purchases last month")
    text = " ".join(x.notes(said)) + said.get("answer", "")
    assert "a year the export does not give (2017 is assumed)" in text
    assert "years before today" not in text
