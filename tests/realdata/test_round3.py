"""Round three of reading real answers as their owners would (docs/DATASETS.md): a weekly trend
of month-dated sessions, this year against all of last year, a help desk's busiest day with no
KPI named, and satisfaction asked of surveys that hold only text. Numbers against the raw files
or against a second route through journeybot."""

from __future__ import annotations

import re

import pandas as pd

from realdata import extract as x


def test_shoppers_weekly_conversion_is_read_month_by_month(shoppers):
    data = shoppers.cli("trend", "purchase_conversion", "--grain", "week", "--period", "2017-10-01..2017-12-31")
    assert data["grain"] == "month"
    raw = pd.read_csv(shoppers.raw / "online_shoppers_intention.csv", sep=";")
    expected = [raw[raw.Month == m].Revenue.mean() for m in ("Oct", "Nov", "Dec")]
    values = [p["value"] for p in data["series"]]
    assert len(values) == 3
    assert all(abs(a - b) < 1e-9 for a, b in zip(values, expected, strict=True))
    assert any("so the trend is month by month, not week by week" in n for n in data["provenance"]["notes"])


def test_olist_this_year_against_all_of_last_year_is_set_per_day(olist):
    data = olist.cli("compare", "revenue", "--period", "this_year", "--against", "2017-01-01..2017-12-31")
    [row] = data["rows"]
    assert row["assessment"] is None  # 290 days against 365: not "better"
    [note] = [n for n in data["provenance"]["notes"] if n.startswith("the two periods differ in length")]
    days_now = (pd.Timestamp(data["provenance"]["period_end"]) - pd.Timestamp(data["provenance"]["period_start"])).days
    assert f"({days_now} days against 365)" in note


def test_twcs_busiest_day_for_support_names_the_tickets(twcs):
    """A support desk's data (tickets, no orders): "busiest" with no KPI named counts the tickets
    (it asked for orders and was refused before); the weekday totals add up to the tickets of
    the period."""
    answer = twcs.ask("which day of the week is busiest for support?")
    assert answer["answer"].startswith("Support tickets by day of the week"), answer["answer"]
    data = twcs.cli("pattern", "--metric", "tickets", "--period", "2017-10-01..2017-11-30")
    kpis = twcs.cli("kpis", "--metric", "tickets", "--period", "2017-10-01..2017-11-30")
    assert sum(r["total"] for r in data["table"]) == x.kpi(kpis, "tickets")


def test_sentences_satisfaction_points_to_the_written_answers(sentences):
    from click.testing import CliRunner

    from bot.cli import main

    out = CliRunner().invoke(main, ["satisfaction", "--by", "channel"], env={"JOURNEYBOT_HOME": str(sentences.home)})
    lines = sum(1 for s in ("amazon_cells", "imdb", "yelp")  # one labelled sentence a line, ending in its label
                for ln in (sentences.raw / f"{s}_labelled.txt").read_text(encoding="utf-8").split("\n")
                if re.search(r"\t[01]\s*$", ln))
    assert out.exit_code == 1
    assert f"The surveys hold {lines:,} written answers without a score" in out.output
