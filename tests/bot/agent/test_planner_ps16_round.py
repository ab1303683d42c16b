"""Readings added in phase U (lane ps16) by class, from blind19's KPI, trend and time-pattern
misses, on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    ("comedy club: what hour do punters mostly buy open mic night tickets", "hour"),
    ("zoo: which weekday do families book the most open day tickets", "weekday"),
])
def test_tickets_bought_are_orders_not_the_support_desk(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="orders", by=by)


def test_a_good_day_for_tickets_is_the_orders_on_that_day(rules):
    assert_plans(rules, "museum: is saturday a good day for family tickets", "time_pattern",
                 metric="orders", by="weekday", focus="Saturday")


def test_support_tickets_stay_the_desk(rules):
    assert_plans(rules, "when do people raise support tickets", "time_pattern", metric="tickets")
    assert_plans(rules, "how many open tickets right now", "kpis", metrics=["open_tickets"])


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how many transactions went through last month", "kpis", {"metrics": ["orders"]}),
    ("weekly trend of transactions this quarter", "trend", {"metric": "orders", "grain": "week"}),
])
def test_transactions_are_the_orders(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metric"), [
    ("what time of day do podcast listeners hit the website most", "sessions"),
    ("which hour do birdwatchers land on our site", "sessions"),
    ("which weekday do shoppers ditch their carts most", "cart_abandonment"),
    ("what time do bakers ditch the basket", "cart_abandonment"),
])
def test_the_visits_and_the_carts_said_in_a_time_pattern(rules, question, metric):
    assert_plans(rules, question, "time_pattern", metric=metric)


@pytest.mark.parametrize(("question", "metric"), [
    ("median days for a parcel of prints to reach a buyer, last 30 days", "delivery_time"),
    ("print shop: how many pages each browser clicks thru per visit this week", "pages_per_session"),
    ("how many tenant issues are sitting unresolved right now", "open_tickets"),
    ("how many of the complaints got put to bed last week", "resolved_tickets"),
])
def test_desk_and_doorstep_idioms(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "by"), [
    ("whit day o the week do tenants pay their rent", "weekday"),
    ("whit time o day do folk order oor pies", "hour"),
])
def test_scots_of_after_a_span(rules, question, by):
    assert_plans(rules, question, "time_pattern", by=by)


@pytest.mark.parametrize(("question", "grain"), [
    ("how are kayak rentals tracking each week this month", "week"),
    ("how are e-bike hires tracking each day this week", "day"),
])
def test_hires_and_rentals_are_a_hire_trades_orders(rules, question, grain):
    assert_plans(rules, question, "trend", metric="orders", grain=grain)


def test_an_average_trade_noun_value_is_the_order_value(rules):
    assert_plans(rules, "avg mural value month on month since march", "trend", metric="aov", grain="month")
    assert_plans(rules, "average bouquet value, last 30 days against the 30 days prior", "compare", metrics=["aov"])
    assert_plans(rules, "average customer value this year", "customer_lifetime_value")


@pytest.mark.parametrize(("question", "day"), [
    ("saturdays quiet for brunch covers or not", "Saturday"),
    ("tuesdays slow for lessons?", "Tuesday"),
])
def test_a_weekday_opening_a_hunch_is_weighed_against_the_week(rules, question, day):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=day)


@pytest.mark.parametrize(("question", "args"), [
    ("how many regulars are on their fourth box order or more", {"metrics": ["repeat_customers"], "min_orders": 4}),
    ("share of diners leaving our website after one page this month", {"metrics": ["bounce_rate"]}),
    ("how many evaluation forms did learners send back last month", {"metrics": ["survey_responses"]}),
    ("from first hearing about us to their first paid commission, how long", {"metrics": ["time_to_first_purchase"]}),
    ("abeg how many bag orders we don get since 1 october", {"metrics": ["orders"]}),
])
def test_counts_said_in_other_words(rules, question, args):
    assert_plans(rules, question, "kpis", **args)
