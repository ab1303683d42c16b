"""`journeybot pattern` as a script sees it, the agent answering "what's our busiest day of the
week?" with it, and the chart Slack attaches: columns in calendar order, the named days marked."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from kpi_fixtures import load

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _orders() -> str:
    # 13 weeks from Monday 1 June 2026: 3 orders a weekday, 9 on Saturdays, none on Sundays,
    # stamped in UTC by the shop's export.
    rows = []
    for d in pd.date_range("2026-06-01", "2026-08-29", freq="D"):
        n = {5: 9, 6: 0}.get(d.day_of_week, 3)
        rows += [f"o{d:%m%d}{k},c{k},{d:%Y-%m-%d}T{9 + k:02d}:30:00Z,12.5,completed" for k in range(n)]
    return "order_id,customer_id,ts,amount,status\n" + "\n".join(rows) + "\n"


@pytest.fixture
def shop(home: Path, tmp_path: Path):
    from bot.config import load_config

    store = load_config().open_store()
    load(store, tmp_path / "shop", {"orders": _orders()})
    return store


def test_busiest_weekday_is_named_with_the_average_per_day(shop):
    result = run("pattern")
    assert result.exit_code == 0, result.output
    assert "Orders by day of the week" in result.output
    assert "Busiest: Saturday, 9.00 orders a day on average over 13 Saturdays" in result.output
    assert "No orders on Sundays in 12 weeks" in result.output
    from tools.analytics.time_pattern import PatternParams, time_pattern

    short = time_pattern(shop, PatternParams(metric="orders", by="weekday"))
    assert short.headline() == "day: busiest Saturday 9 a day, quietest Sunday none"  # the demo's line


def test_json_has_every_bucket_and_how_it_was_computed(shop):
    result = run("pattern", "--by", "hour", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    hours = {row["bucket"]: row for row in data["table"]}
    # 09:30 UTC is 10:30 in a London summer
    assert hours[10]["total"] == 65 + 13 and hours[9]["total"] == 0  # every weekday and Saturday
    assert data["timezone"] == "Europe/London" and data["provenance"]["tool"] == "time_pattern"


def test_usage_errors_exit_2(shop):
    assert run("pattern", "--by", "fortnight").exit_code == 2
    assert run("pattern", "--metric", "churn_rate").exit_code == 2


def test_the_agent_answers_the_weekday_question_with_the_pattern_and_a_chart(shop):
    from bot.agent.agent import JourneyAgent
    from bot.config import load_config
    from bot.render.chart_data import chart_kind, figure_for

    agent = JourneyAgent.from_config(load_config(), store=shop)
    answer = agent.answer("what's our busiest day of the week?", "t1")
    assert [r.name for r in answer.tool_calls] == ["time_pattern"]
    assert "Busiest: Saturday" in answer.text
    result = answer.tool_calls[0].result
    assert chart_kind(result) == "pattern"
    drawn = figure_for(result)
    ax = drawn.figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert drawn.filename == "orders-by-weekday.png"
    monday = agent.answer("are mondays worth opening?", "t2")
    assert "Monday: 3.00 orders a day on average over 13 Mondays; 2nd of 7, 67% below the highest." in monday.text


def test_which_day_members_turn_up_is_answered_by_active_customers(home: Path, tmp_path: Path):
    # (lane real18) 13 weeks of a climbing wall: on Saturdays six members come in (one of them
    # twice a day), on other days two; a member who comes every Saturday counts once in the total.
    from bot.config import load_config

    store = load_config().open_store()
    rows = []
    for d in pd.date_range("2026-06-01", "2026-08-30", freq="D"):
        who = [f"m{k}" for k in range(6)] if d.day_of_week == 5 else [f"m{d.day_of_week}", "m9"]
        rows += [f"{m},{d:%Y-%m-%d}T{10 + k:02d}:00:00Z,store_visit" for k, m in enumerate(who)]
        rows += [f"m0,{d:%Y-%m-%d}T18:00:00Z,store_visit"] if d.day_of_week == 5 else []
    load(store, tmp_path / "wall", {"customers": "customer_id\n" + "".join(f"m{k}\n" for k in range(10)),
                                    "events": "customer_id,ts,touchpoint\n" + "\n".join(rows) + "\n"})
    store.close()
    result = run("pattern", "--metric", "active_customers", "--period", "all", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    days = {row["label"]: row for row in data["table"]}
    assert days["Saturday"]["total"] == 6 and days["Saturday"]["value"] == 6.0  # m0 twice a day, once counted
    assert days["Monday"]["total"] == 2 and days["Monday"]["value"] == 2.0
    assert data["highest"] == "Saturday" and data["people"] is True
    text = run("pattern", "--metric", "active_customers", "--period", "all")
    assert "Busiest: Saturday, 6.00 active customers a day on average over 13 Saturdays" in text.output
    assert "an active customer is one with any journey event" in text.output
    refused = run("pattern", "--metric", "clv")
    assert refused.exit_code == 2 and "per-customer figure over their whole history" in refused.output


def test_how_long_visits_last_by_hour_is_the_median_of_the_sessions_started_in_it(home: Path, tmp_path: Path):
    # Four weeks of mornings and evenings (UTC stamps, London summer): each day a 2-minute
    # session starting 08:10 UTC (09:10 local) and a 10-minute one starting 18:55 UTC (19:55
    # local), which runs into the next hour and still counts in the hour it started.
    from bot.config import load_config

    rows = []
    for d in pd.date_range("2026-06-01", "2026-06-28", freq="D"):
        for sid, start, minutes in (("am", "08:10", 2), ("pm", "18:55", 10)):
            t0 = pd.Timestamp(f"{d:%Y-%m-%d} {start}")
            for k, tp in enumerate(("website_visit", "page_view", "product_view")):
                at = t0 + pd.Timedelta(minutes=minutes) * k / 2
                rows.append(f"c{d:%d}{sid},{at:%Y-%m-%dT%H:%M:%S}Z,{tp},{sid}{d:%m%d}")
    store = load_config().open_store()
    load(store, tmp_path / "shop", {"events": "customer_id,ts,touchpoint,session_id\n" + "\n".join(rows) + "\n"})
    result = run("pattern", "--metric", "session_length", "--by", "hour", "--period", "all")
    assert result.exit_code == 0, result.output
    assert "Session length (median) by hour of the day" in result.output
    assert "Whole period: 6.0 min, n=56" in result.output
    assert "Highest: 19:00-20:00, 10.0 min, n=28" in result.output and "lowest: 09:00-10:00 (2.0 min, n=28)" in result.output
    data = json.loads(run("pattern", "--metric", "session_length", "--by", "hour", "--period", "all", "--json").output)
    hours = {row["bucket"]: row for row in data["table"]}
    assert (hours[19]["value"], hours[20]["n"]) == (10.0, 0)  # nothing counted where it ended
