"""Readings added in phase U (lane g-probe19c) by class, from the misses of
tests/questions_probe19c.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    ("what % of the lamp kits got refunded last month", "refund_rate"),
    ("share of saddles that were sent back this quarter", "refund_rate"),
    ("what percentage of wetsuits got returned in october", "refund_rate"),
    ("how many drones were returned to us this month", "refunded_orders"),
    ("how many paddleboards got returned last month", "refunded_orders"),
])
def test_goods_of_any_name_returned_are_the_refunds(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize("question", [
    "how many gift sets did we flog last week",
    "how many sack trucks have we punted this month",
    "how many crates did the warehouse get through last week",
])
def test_goods_sold_in_slang_are_the_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


@pytest.mark.parametrize(("question", "days"), [
    ("what percentage of pool clients have we lost, counting a year with no visit as gone", 365),
    ("churn rate if two years without a service means they've lapsed", 730),
    ("churn rate, counting 8 weeks with no lesson as gone", 56),
])
def test_customers_lost_and_a_window_in_years_or_counted_as_gone(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize(("question", "n"), [
    ("how many hikers have bought boots off us three times or more", 3),
    ("how many anglers have bought bait off us four times or more", 4),
])
def test_any_trades_people_who_bought_again_and_again(rules, question, n):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=n)


@pytest.mark.parametrize("question", [
    "how much came in last week",
    "how much came in from the woodland sessions in october",
    "how much money has come in off the boat trips this month",
])
def test_how_much_came_in_is_the_money(rules, question):
    assert_plans(rules, question, "kpis", metrics=["revenue"])


def test_two_places_set_side_by_side_on_a_trades_units(rules):
    assert_plans(rules, "Cotham versus Redland on repairs last month", "movers", metric="orders", by="city",
                 rank="value")


def test_a_trades_units_first_in_a_list_of_kpis_said_with_commas(rules):
    assert_plans(rules, "lessons, revenue and avg order value for october", "kpis",
                 metrics=["orders", "revenue", "aov"])


@pytest.mark.parametrize("question", [
    "what's the sailing forecast for tomorrow",
    "whats the fishing forecast like for the weekend",
])
def test_a_forecast_for_a_pastime_on_a_day_soon_is_the_weather(rules, question):
    assert_plans(rules, question, None)
    # the shop's own forecast for a day soon stays the shop's
    plan = rules.plan("whats the takings forecast like for the weekend", "p19c-takings-" + question)
    assert plan.spec is not None and plan.spec.name == "revenue_forecast"


@pytest.mark.parametrize("question", [
    "funnel for october, climbers who jumped a stage dont count",
    "full funnel where anyone who missed out a step doesn't count",
    "funnel, guests who bypassed a stage dont count",
])
def test_steps_jumped_or_missed_do_not_count(rules, question):
    assert_plans(rules, question, "funnel", skips="stop")


@pytest.mark.parametrize("question", [
    "estimate requests into paid jobs, show me the funnel",
    "funnel of quote requests to a paid fitting",
])
def test_quote_requests_into_paid_work_without_from(rules, question):
    assert_plans(rules, question, "funnel", stages=["decision", "purchase"])


@pytest.mark.parametrize(("question", "condition", "value"), [
    ("alert for bookings dropping 20% week on week", "drops_by", 20.0),
    ("high priority alarm on refunds going above 10 a day", "above", 10.0),
])
def test_an_alert_asked_by_its_name_alone(rules, question, condition, value):
    assert_plans(rules, question, "create_alert_rule", condition=condition, value=value)
    # alerts that fired, asked about, are no new rule
    plan = rules.plan("alerts for revenue falling last month", "p19c-fired-" + question)
    assert plan.spec is None or plan.spec.name != "create_alert_rule"


@pytest.mark.parametrize("question", [
    "how cheerful are people who get a delivery versus those who pick up",
    "how upbeat are customers who have it delivered compared with those who collect",
])
def test_the_feeling_of_delivered_against_collected_is_by_touchpoint(rules, question):
    assert_plans(rules, question, "feedback_sentiment", by="touchpoint")
    # rated, the same two ways stay satisfaction_by's split (the banks' reading)
    assert_plans(rules, "are delivered hampers rated lower than the ones people collect", "satisfaction_by",
                 by="delivery", key="p19c-rated-" + question)
