"""Readings added in phase O (lane g-tune22b) by class, from blind13's misses of the time-pattern,
movers, compare, funnel, drop-off and data tools, on phrasings written for this round (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "t22b-" + question)


@pytest.mark.parametrize(("question", "by", "metric", "focus"), [
    ("is it worth us teaching on fridays, bookings wise", "weekday", "orders", "Friday"),
    ("dog groomer: is it worth me grooming on sundays at all", "weekday", "orders", "Sunday"),
    ("is tuesday an ok day for the bakery, sales wise", "weekday", "revenue", "Tuesday"),
    ("is saturday a decent day for the car wash", "weekday", "orders", "Saturday"),
    ("what time of year do we get the most bookings at the campsite", "month", "orders", None),
    ("which part of the year is quietest for the kennels", "month", "orders", None),
    ("what o'clock do people usually book a table", "hour", "orders", None),
    ("which weekday do visitors bounce off the website most", "weekday", "bounce_rate", None),
])
def test_a_time_weighed_up_is_the_time_pattern(rules, question, by, metric, focus):
    assert_plans(rules, question, "time_pattern", by=by, metric=metric, focus=focus)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which region is behind the shift in complaints this month", "tickets", "region"),
    ("which channel explains the change in support tickets since last week", "tickets", "channel"),
    ("which age band explains the change in paying customers since last month", "buyers", "age_band"),
    ("which towns saw parcels slow down the most this month", "delivery_time", "city"),
    ("clifton v redland, who waits longer for their firewood", "delivery_time", "city"),
    ("which suburb books us the least", "orders", "city"),
    ("repairs per town last quarter", "orders", "city"),
    ("pottery classes by age band this year", "orders", "age_band"),
    ("clifton vs redland for window cleans", "orders", "city"),
    ("which channel is behind the drop in massages this month", "orders", "channel"),
    ("which segment explains the rise in kayak rentals since last month", "orders", "segment"),
])
def test_a_kpi_said_around_its_groups_is_movers_of_that_kpi(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


@pytest.mark.parametrize("question", [
    "first half of september against the second half: lessons",
    "this month vs last month, haircuts",
])
def test_the_units_named_after_the_periods_are_counted(rules, question):
    assert_plans(rules, question, "compare", metrics=["orders"])


@pytest.mark.parametrize(("question", "level"), [
    ("at what point do first-time wedding clients walk away", None),
    ("the last step customers get to before they disappear", None),
    ("final stage punters reach before they ghost us, last 30 days", "stage"),
])
def test_where_people_vanish_is_the_dropoffs(rules, question, level):
    assert_plans(rules, question, "dropoffs", level=level)


@pytest.mark.parametrize("question", [
    "funnel for the bakery, only count a step if people actually reach it",
    "funnel for the garden centre, a stage only counts once they actually hit it",
])
def test_a_stage_counted_only_when_reached_stops_at_skips(rules, question):
    assert_plans(rules, question, "funnel", skips="stop")


@pytest.mark.parametrize("question", [
    "list the segments in our records",
    "name the distinct regions in your records",
    "which towns appear in our records",
])
def test_the_groups_in_the_records_are_the_data_description(rules, question):
    assert _plan(rules, question).spec.name == "describe_data"
