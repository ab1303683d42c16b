"""Readings added in phase X (lane real18) by class: which day, hour or month the people turn up
is a time pattern of the customers active with us (bot/agent/turnout_words.py), written for
this round in other trades than blind20's hot desks (rules only: the `rules` fixture)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    # a word or two between the people and their coming
    ("which weekday do the riders tend to show up most", "weekday"),
    ("what hour do patients usually come in the least", "hour"),
    ("which month do the climbers dey show up most", "month"),
    # the most said before the people
    ("what hour do most diners drop in", "hour"),
    ("which day do the fewest swimmers turn up", "weekday"),
])
def test_people_turning_up_most_or_least_are_the_active_customers(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="active_customers", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("what hour is the climbing wall fullest", "hour"),
    ("which day is the dance studio most crowded", "weekday"),
    ("what time of day is the pool packed", "hour"),
    ("what hour are most punters in the pub", "hour"),
    ("what time of day is the range busiest with golfers", "hour"),
])
def test_a_place_full_of_people_is_the_active_customers(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="active_customers", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("quietest weekday for visitors at the museum", "weekday"),
    ("which month of the year has the most visitors at the farm park", "month"),
])
def test_visitors_to_a_place_are_people_not_web_sessions(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="active_customers", by=by)


@pytest.mark.parametrize(("question", "metric"), [
    ("what hours is the bike shop's site busiest for visits", "sessions"),
    ("which month brings the most visitors to the website", "sessions"),
    ("which weekday brings the most first-time visitors to the kennels", "new_visitors"),
    ("what hour is the till fullest at the deli", "orders"),
    # coming in for something is buying it
    ("what hour do most punters pop in for their paper", "orders"),
    ("which day do most riders come in for a new saddle", "orders"),
])
def test_visits_to_the_site_new_visitors_and_the_till_keep_their_readings(rules, question, metric):
    assert_plans(rules, question, "time_pattern", metric=metric)
