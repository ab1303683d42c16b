"""Readings added in the post-score round (lane ps13) by class, from blind18's misses, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    ("bakery: how long to properly sort out a diner's complaint this month", "resolution_time"),
    ("plumber: how long does it take us to completely fix a tenant's fault, last 30 days", "resolution_time"),
    ("florist: days to get a bouquet to the client in october", "delivery_time"),
    ("sofa shop: average days to get a settee to the buyer's door last month", "delivery_time"),
    ("please advise refund rate for the bike hire in october", "refund_rate"),
    ("tattoo studio: how many never-seen-before folk landed on the booking site this week", "new_visitors"),
    ("cafe: how many survey cards did guests hand in last month", "survey_responses"),
    ("museum shop: how many minutes do visitors hang about on the web shop each visit this month", "session_length"),
    ("gym: how many members have been turning up this week", "active_customers"),
    ("vet: what share of tickets did we completely resolve in october", "resolution_rate"),
])
def test_kpi_said_in_everyday_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_what_that_is_worth_after_a_count_sold_adds_the_money(rules):
    assert_plans(rules, "how many candles have we sold and what's that worth, this month", "kpis",
                 metrics=["orders", "revenue"])


def test_how_much_cash_was_that_follows_a_count_with_the_money(rules):
    key = "ps13-cash"
    rules.remember(key, rules.plan("how many haircuts did we do this month", key))
    assert_plans(rules, "and how much money was that", "kpis", key=key, metrics=["revenue"],
                 period={"name": "this_month"})


def test_how_long_to_close_them_follows_a_compare_with_the_time_to_resolve(rules):
    key = "ps13-close"
    rules.remember(key, rules.plan("tickets this month against last month", key))
    assert_plans(rules, "and how long to sort them out?", "compare", key=key, metrics=["resolution_time"])


@pytest.mark.parametrize(("question", "tool", "metric"), [
    ("which day of the week brings the biggest average pottery order", "time_pattern", "aov"),
    ("was the average catering booking bigger in october than september", "compare", "aov"),
    ("the average roofing job month by month this year", "trend", "aov"),
    ("which weekday do tenants wait longest for our first answer", "time_pattern", "first_response_time"),
    ("did fewer people book lessons this month than last", "compare", "buyers"),
])
def test_the_kpi_is_kept_in_trends_patterns_and_compares(rules, question, tool, metric):
    plan = rules.plan(question, "ps13-" + question)
    assert plan.spec is not None and plan.spec.name == tool, (question, plan.spec and plan.spec.name, plan.args)
    got = plan.args.get("metric") or plan.args.get("metrics")
    assert got in (metric, [metric]), (question, plan.args)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("support requests opened each week this year", "tickets", "week"),
    ("tickets logged every month this year", "tickets", "month"),
])
def test_a_count_done_at_each_point_of_a_span_is_its_trend(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "day"), [
    ("do sundays see fewer walk-ins at the cafe", "Sunday"),
    ("do fridays bring in more money for the bar", "Friday"),
])
def test_a_weekday_said_as_a_habit_is_weighed_against_the_week(rules, question, day):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=day)


@pytest.mark.parametrize("question", [
    "get 300 more jars ordered from the glass people",
    "can you book us a band for the christmas do next month",
    "get 50 more sacks delivered from the feed merchant next week",
])
def test_errands_for_the_owner_get_no_tool(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "against"), [
    ("compare bookings last month to the month before that", {"start": "2026-09-01", "end": "2026-09-30"}),
])
def test_compare_to_the_period_before_that_sets_the_yardstick(rules, question, against):
    assert_plans(rules, question, "compare", against=against)
