"""Readings added in phase AC (lane g-probe27a) by class, from probe27a's and blind26's misses of
counts and KPIs said in a trade's own words, on phrasings written for this round in other trades
(rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "period"), [
    ("how many punnets o strawberries did the cafes tak aff us last week", {"name": "last_week"}),
    ("how many loaves did folks grab this week, mate", {"name": "this_week"}),
    ("morning! quick one: how many candles the gift shops took off us last month", {"name": "last_month"}),
    ("sasa, how many trays of eggs did the hotels take from us yesterday", {"name": "yesterday"}),
    ("ey up, how many bags o coal went out t'door this month", {"name": "this_month"}),
    ("how many cider kegs did the pubs collect from us last month lah", {"name": "last_month"}),
    ("abeg how many ankara dresses did customers pick up from us this week o", {"name": "this_week"}),
    ("howzit boet, how many biltong packs did the delis take off us last week", {"name": "last_week"}),
])
def test_goods_taken_off_us_counted_are_the_orders(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["orders"], period=period)


@pytest.mark.parametrize(("question", "metrics"), [
    # who took them is the buyers; the desk's and the web's counts keep their own KPIs
    ("how many people grabbed a pasty off us last week", ["buyers"]),
    ("how many tickets did we get last week", ["tickets"]),
    ("oyster platters cancelled on us this week, how many", ["cancelled_orders"]),
    ("how often was the pottery website visited last week", ["sessions"]),
])
def test_people_and_the_desk_keep_their_own_counts(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize(("question", "period"), [
    ("footfall at the bakery last week", {"name": "last_week"}),
    ("how many turned up at the climbing wall yesterday", {"name": "yesterday"}),
    ("how many people walked into the bike shop this month", {"name": "this_month"}),
])
def test_people_coming_to_the_place_are_the_active_customers(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["active_customers"], period=period)


@pytest.mark.parametrize(("question", "grain"), [
    ("footfall at the garden centre week by week", "week"),
    ("castle visitors turning up, month by month", "month"),
    ("folk walking into the pottery, week by week", "week"),
])
def test_footfall_over_time_is_the_active_customers_trend(rules, question, grain):
    assert_plans(rules, question, "trend", metric="active_customers", grain=grain)


@pytest.mark.parametrize(("question", "metric", "period"), [
    ("cider sales by the clock hour last month", "revenue", {"name": "last_month"}),
    ("chutney orders by the hour this quarter", "orders", {"name": "this_quarter"}),
    ("bike hire bookings by the clock hour last week", "orders", {"name": "last_week"}),
    ("what o'clock do visitors turn up at the castle", "active_customers", None),
])
def test_by_the_clock_hour_is_the_time_pattern_by_hour(rules, question, metric, period):
    assert_plans(rules, question, "time_pattern", metric=metric, by="hour", period=period)


def test_a_price_by_the_hour_is_no_hourly_pattern(rules):
    plan = rules.plan("do we charge by the hour for bike hire", "plans-charge-by-the-hour")
    assert plan.spec is None or plan.spec.name != "time_pattern" or plan.args.get("by") != "hour"


@pytest.mark.parametrize(("question", "by"), [
    ("what pushed the loaf count up last week, which channel", "channel"),
    ("which town moved the punnet count most this month", "city"),
    ("which segment moved cider kegs most last month", "segment"),
    ("wah mek di patty orders drop last week, which town?", "city"),
    ("what pulled pottery class bookings doon this month, which age band", "age_band"),
])
def test_a_mover_named_by_the_goods_is_the_orders(rules, question, by):
    assert_plans(rules, question, "movers", metric="orders", by=by)


def test_a_kpi_named_as_what_moved_keeps_its_reading(rules):
    assert_plans(rules, "which channel moved revenue most this month", "movers", metric="revenue", by="channel")


@pytest.mark.parametrize("question", [
    "did we sell more loaves this week than last",
    "did we shift more bags o coal this week than last",
])
def test_more_goods_sold_than_before_is_a_compare_of_orders(rules, question):
    assert_plans(rules, question, "compare", metrics=["orders"], period={"name": "this_week"})


@pytest.mark.parametrize("question", [
    "what's the going rate for raw sheep fleece per kilo",
    "whats the going rate for fresh oysters per dozen",
])
def test_the_going_rate_out_there_is_no_tool(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize("again", [
    "an region by region, same thing",
    "hazelnut sacks again but split by segment",
])
def test_a_split_said_again_keeps_the_ranking_by_change(rules, again):
    key = "plans-split-again-" + again
    rules.remember(key, rules.plan("which town drove the oyster orders up in october?", key))
    plan = rules.plan(again, key)
    assert plan.spec is not None and plan.spec.name == "movers", (again, plan.args)
    assert plan.args.get("metric") == "orders" and plan.args.get("rank", "change") == "change", (again, plan.args)
