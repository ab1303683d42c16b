"""Readings added after blind20 was scored (lane g-ps18) by class, from its time_pattern and
product_sales misses, on phrasings written for this round in other trades (rules only: the `rules`
fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    ("which weekday do the gripes pile up at the salon", "weekday"),
    ("what month brings the most moaning from the gym members", "month"),
])
def test_complaints_said_loosely_are_timed_as_tickets(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="tickets", by=by)


def test_orders_against_the_rest_of_the_year_are_not_orders_again(rules):
    assert_plans(rules, "does december stand out for pie orders against the rest of the year", "time_pattern",
                 metric="orders", by="month", focus="December")


@pytest.mark.parametrize(("question", "args"), [
    ("bottom 5 candle scents by takings this year", {"by": "product", "order": "bottom", "top": 5}),
    ("the four best wool yarns by revenue", {"by": "product", "top": 4, "order": None}),
    ("the 3 bikes that sold the most last month", {"by": "product", "top": 3}),
])
def test_a_counted_list_of_the_trades_goods_is_product_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("which tea blends grew most this quarter", {"by": "product", "rank": "change"}),
    ("what kind of sofas is growing fastest", {"by": "product_category", "rank": "change"}),
    ("which types of rugs sell best", {"by": "product_category", "rank": None}),
])
def test_goods_or_kinds_of_goods_growing_or_selling_are_product_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


def test_kinds_of_people_are_never_goods(rules):
    plan = rules.plan("which kinds of customers sell best", "ps18-people")
    assert (plan.spec.name if plan.spec else None) != "product_sales", plan.args


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which segment is to blame for repeat rate sliding this month vs last month", "repeat_purchase_rate", "segment"),
    ("who drove the rise in returns, by channel, last week against the week before", "refunded_orders", "channel"),
    ("which region was responsible for the fall in csat last month compared with the month before", "csat", "region"),
])
def test_a_group_blamed_outright_for_a_change_is_movers_even_with_two_periods(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)
