"""Readings added in the post-score round (lane ps5) by class, from blind15's misses, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    ("kindly say if pottery class bookings rose or fell over the last 30 days", "orders"),
    ("have bakery sales grown or shrunk this quarter", "revenue"),
    ("tell me if tattoo bookings went up or went down last month", "orders"),
    ("van hire bookings, grown or shrunk over the past 2 months?", "orders"),
])
def test_a_change_asked_both_ways_is_a_comparison(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


@pytest.mark.parametrize(("question", "metric"), [
    ("has our response time slipped lately?", "first_response_time"),
    ("has the repeat rate for the gym slid this quarter", "repeat_purchase_rate"),
    ("has the refund rate for the bike shop crept up lately", "refund_rate"),
])
def test_a_drift_asked_about_is_a_comparison(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


@pytest.mark.parametrize(("question", "day"), [
    ("is saturday the day most of the paddleboard hires get booked", "Saturday"),
    ("is sunday when most of the roast orders come in", "Sunday"),
    ("are tuesdays really as quiet as they seem for the salon", "Tuesday"),
    ("is friday the night most tables get filled at the bistro", "Friday"),
])
def test_one_weekday_checked_against_a_hunch(rules, question, day):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=day)


@pytest.mark.parametrize("question", [
    "do we sell more pies at lunchtime or dinner",
    "breakfast or lunch, when does the cafe take more orders",
])
def test_meal_times_set_side_by_side_are_hours(rules, question):
    assert_plans(rules, question, "time_pattern", by="hour")
