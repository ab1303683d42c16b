"""Readings added in phase W (lane ps21) by class, from blind21's misses, on phrasings written
for this round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # complaints in homely words, resolved
    ("garage: how many gripes have we sorted out this month", "resolved_tickets"),
    ("how many moans did the team put to bed last week", "resolved_tickets"),
    # feedback forms filled in by whoever the trade serves
    ("how many comment cards did diners fill out last month", "survey_responses"),
    ("salon: how many questionnaires have clients handed back this week", "survey_responses"),
    # people through the door
    ("how many patients walked through the door last week", "active_customers"),
    ("gym: how many bodies came in through the doors this month", "active_customers"),
    # baskets filled then left
    ("how often do plant buyers load up a cart then leave it, last month", "cart_abandonment"),
    ("how often do folk fill their trolley and vanish this week", "cart_abandonment"),
    # a first hit on the site
    ("how many wool fans landed on our web shop for the first time last week", "new_visitors"),
    ("how many people found the app for the very first time this month", "new_visitors"),
    # the backlog's change said as a sum or a pile
    ("repair jobs logged minus jobs fixed last month", "backlog_change"),
    ("did our complaint queue grow this week", "backlog_change"),
    # the time to resolve told as its two ends
    ("how long from a tenant's repair request coming in till it's properly sorted, last month", "resolution_time"),
    ("days from a diner's complaint being logged to it getting resolved this quarter", "resolution_time"),
])
def test_a_homely_kpi_word_is_read(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "metric", "grain"), [
    # the refund rate of goods named in the trade's own noun
    ("share of surfboards refunded, charted monthly over the past year", "refund_rate", "month"),
    ("what percentage of the candles got refunded, weekly", "refund_rate", "week"),
    # buyers laid out week by week
    ("chart buyers month by month for tiktok customers", "buyers", "month"),
    ("graph paying buyers day by day", "buyers", "day"),
])
def test_a_trade_noun_series_keeps_its_kpi(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("help desk first response time, week on week, the past 120 days", "first_response_time", "week"),
    ("bookings month on month, the past six months", "orders", "month"),
])
def test_x_on_x_with_a_long_span_after_a_comma_is_a_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_the_typed_all_teh_data_is_every_day(rules):
    assert_plans(rules, "refund rate per week, all teh data", "trend", metric="refund_rate", grain="week",
                 period={"name": "all"})


@pytest.mark.parametrize(("question", "by", "focus"), [
    ("do we fix more bikes in april than in any other month", "month", "April"),
    ("is march near the top for candle sales compared with every other month", "month", "March"),
    ("are more lessons booked on tuesdays than on any other day", "weekday", "Tuesday"),
])
def test_one_month_or_day_against_every_other_is_a_pattern(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", by=by, focus=focus)


@pytest.mark.parametrize("question", [
    "which hour do the climbers turn up most",
    "on which weekday do our riders show up the least",
])
def test_people_turning_up_most_are_the_active_ones(rules, question):
    plan = rules.plan(question, "ps21-" + question)
    assert plan.spec and plan.spec.name == "time_pattern" and plan.args.get("metric") == "active_customers", plan.args


@pytest.mark.parametrize(("question", "days"), [
    ("if a diver hasnt booked for 60 days we call them lost, what's churn on that", 60),
    ("if a client has not been in for 8 weeks we treat them as lapsed, what is churn", 56),
])
def test_a_gone_rule_said_with_call_them_is_a_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize(("question", "least"), [
    ("how many diners are on their fourth tasting menu or beyond", 4),
    ("how many regulars are on their third candle or more this year", 3),
])
def test_an_ordinal_of_any_unit_or_more_is_repeat_customers(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)


def test_a_month_over_another_sets_the_second_against(rules):
    assert_plans(rules, "which segment drove march's higher bookings over february", "movers", metric="orders",
                 by="segment", against={"start": "2026-02-01", "end": "2026-02-28"})
