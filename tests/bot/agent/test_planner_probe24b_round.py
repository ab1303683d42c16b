"""Readings added in phase Z (lane g-probe24b) by class, from probe24b's misses, on phrasings
written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("kite shop takings month on month", "revenue", "month"),
    ("bagel stand avg order value week on week", "aov", "week"),
    ("new visitors to the yurt site, month on month", "new_visitors", "month"),
    ("ferry delivery days week on week, how's that looking", "delivery_time", "week"),
])
def test_x_on_x_without_two_periods_is_a_series_at_that_grain(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metric"), [
    ("canoe hire bookings month on month: august vs july", "orders"),
    ("cheese stall takings month on month, how did last month do against the one before", "revenue"),
    ("month on month change in candle orders", "orders"),
])
def test_x_on_x_with_two_periods_or_one_change_stays_a_compare(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("candle shop sales over the months", "revenue", "month"),
    ("plot the ferry bounce rate over the months", "bounce_rate", "month"),
])
def test_over_the_months_is_a_monthly_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)
