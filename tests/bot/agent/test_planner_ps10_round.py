"""Readings added in phase S (lane g-ps10) by class, from blind17's KPI, trend, compare, date and
off-topic misses, on phrasings written for this round in other trades (rules only: the `rules`
fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "how many crepes did the stall flog last week",
    "how many bagels did the kiosk sell yesterday",
    "how many new briefs did the studio take on in june",
    "how many of those christening shoots were there",
    "what was the tasting count last month",
])
def test_a_trades_units_counted_are_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("how has the valet count gone week to week this quarter", "orders", "week"),
    ("daily massage count in the first half of march", "orders", "day"),
    ("avg bouquet price by month this year", "aov", "month"),
    ("how has our average wedding fee moved month to month this year", "aov", "month"),
    ("cancellation rate by the week this quarter", "cancellation_rate", "week"),
    ("bounce rate by the month since june", "bounce_rate", "month"),
    ("members paying us, week by week this year", "buyers", "week"),
])
def test_a_kpi_in_trade_words_asked_point_by_point_is_its_trend(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metrics"), [
    ("typical takeaway bill last month", ["aov"]),
    ("lesson money for the last 28 days and the number of lessons", ["revenue", "orders"]),
    ("what percent of my site visits ended in a table booking last week", ["session_conversion"]),
    ("pls advise what % of web visits ended after one page, past 30 days", ["bounce_rate"]),
    ("what share of bookings for the blue kayaks got cancelled last month", ["cancellation_rate"]),
    ("what % of boilers went in on the day we promised", ["on_time_delivery"]),
    ("how many days from order to the client's door, last month", ["delivery_time"]),
    ("median hours to close out a guest complaint last month", ["resolution_time"]),
])
def test_kpis_said_in_a_trades_words(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize(("question", "metrics"), [
    ("how did this month compare with last for fee income and paying members", ["revenue", "buyers"]),
    ("is the % of owners booking again up or down this year", ["repeat_purchase_rate"]),
    ("last friday's till vs the friday before it", ["revenue"]),
    ("are we up or down on callouts over the past 30 days", ["orders"]),
    ("how are tasting numbers this quarter against last quarter", ["orders"]),
])
def test_a_compare_keeps_its_kpis(rules, question, metrics):
    assert_plans(rules, question, "compare", metrics=metrics)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("what hour do folks hit the booking site most", "sessions", "hour"),
    ("do fridays really bring the most walk-ins", "orders", "weekday"),
])
def test_a_time_pattern_keeps_its_kpi(rules, question, metric, by):
    assert_plans(rules, question, "time_pattern", metric=metric, by=by)


def test_people_coming_in_are_the_active_customers(rules):
    assert_plans(rules, "how did the number of people coming to the gym change week to week this year", "trend",
                 metric="active_customers", grain="week")


@pytest.mark.parametrize(("question", "start", "end"), [
    ("weekly refunds for the summer... i mean since october", "2026-10-01", None),
    ("revenue for april, sorry, may", "2026-05-01", "2026-05-31"),
])
def test_a_period_taken_back_gives_way_to_the_one_said_after(rules, question, start, end):
    plan = rules.plan(question, "ps10-" + question)
    period = plan.args.get("period") or {}
    assert (period.get("start"), period.get("end") if end else None) == (start, end), (question, plan.args)


@pytest.fixture(scope="module")
def with_fallback():
    """The planner as owners meet it, the reading by meaning on: a timetable must not reach a KPI by
    similarity either."""
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def test_a_timetable_gets_no_tool(rules):
    assert_plans(rules, "are the trains on time this morning", None)


@pytest.mark.parametrize("question", ["are the york trains on time today", "is the oxford bus running this morning"])
def test_a_timetable_gets_no_tool_by_similarity_either(with_fallback, question):
    assert_plans(with_fallback, question, None)
