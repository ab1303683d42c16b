"""Readings added after blind13's score (lane g-tune22a), by class, on phrasings written for this
round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    ("boat hire: trips cancelled in october, how many", "cancelled_orders"),
    ("what % of pottery classes got cancelled last month", "cancellation_rate"),
    ("yoga studio: share of sessions that were cancelled this quarter", "cancellation_rate"),
    ("how long do the slowest 1 in 10 cake deliveries take", "delivery_time_p90"),
    ("worst 1 in 10 ticket resolutions this month, how many hours", "resolution_time_p90"),
    ("what share of seed parcels arrived by the date we promised last month", "on_time_delivery"),
    ("of punters who reached the checkout last month, what % bought", "conversion_purchase"),
    ("cart-to-purchase rate for the candle shop this quarter", "conversion_purchase"),
    ("percentage of visitors who went on to the cart stage last month", "conversion_decision"),
    ("of the complaints raised in october, what share have been closed", "resolution_rate"),
    ("net change in the support queue this month", "backlog_change"),
    ("how many roofing tickets came in during the second half of september", "tickets"),
    ("diners who came back for more last month, how many", "repeat_customers"),
    ("what's the recommend-to-a-friend score for our regulars", "nps"),
    ("how much is in the till this week", "revenue"),
])
def test_kpi_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_a_span_with_no_service_sets_the_churn_window_without_apostrophes(rules):
    assert_plans(rules, "dog walking: churn rate if 60 days with no walk means theyve gone", "kpis",
                 metrics=["churn_rate"], churn_window_days=60)


@pytest.mark.parametrize(("question", "least"), [
    ("florist clients with 3 or more orders, how many", 3),
    ("members who have booked at least 5 classes, how many", 5),
    ("how many riders have made 4 or more bookings", 4),
])
def test_people_with_n_orders_are_repeat_customers_at_that_count(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("van rentals week by week this quarter", "orders", "week"),
    ("how did call-outs go day by day last week", "orders", "day"),
    ("questionnaire replies per month this year", "survey_responses", "month"),
    ("called-off lessons month by month", "cancelled_orders", "month"),
    ("how has the time to first appointment moved week by week", "time_to_first_purchase", "week"),
])
def test_trade_words_followed_over_a_grain_are_a_trend(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_a_follow_up_naming_the_money_asks_for_revenue(rules):
    rules.remember("t22a-money", rules.plan("how many tours did we run this week", "t22a-money"))
    assert_plans(rules, "and the tour money?", "kpis",
                 key="t22a-money", metrics=["revenue"], period={"name": "this_week"})
