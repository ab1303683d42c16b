"""Readings added in phase Q (lane g-tune26) by class, from the misses probe15a/15b left, on
phrasings written for this round (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

# The sample's last day of data is Sunday 15 November 2026.


@pytest.mark.parametrize(("question", "tool"), [
    ("where do shoppers drop out before they ever hit the checkout", "dropoffs"),
    ("where do punters give up before anyone ever pays on the ticket site", "dropoffs"),
])
def test_ever_in_a_before_clause_is_no_period(rules, question, tool):
    assert_plans(rules, question, tool, period=None)


@pytest.mark.parametrize(("question", "period"), [
    ("how much did the bar take on the door friday", {"start": "2026-11-13", "end": "2026-11-13"}),
    ("how many bookings did the spa get saturday", {"start": "2026-11-14", "end": "2026-11-14"}),
    ("what did the chippy turn over tuesday?", {"start": "2026-11-10", "end": "2026-11-10"}),
    ("how much did the salon take last night", {"name": "yesterday"}),
    ("how many covers did the bistro do last night", {"name": "yesterday"}),
])
def test_a_weekday_or_last_night_ending_the_question_is_its_day(rules, question, period):
    assert_plans(rules, question, "kpis", period=period)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("joinery numbers, oct against sept, how'd we go",
     {"start": "2026-10-01", "end": "2026-10-31"}, {"start": "2026-09-01", "end": "2026-09-30"}),
    ("tattoo studio numbers, mar vs feb",
     {"start": "2026-03-01", "end": "2026-03-31"}, {"start": "2026-02-01", "end": "2026-02-28"}),
    ("bakery sales jan vs dec",
     {"start": "2026-01-01", "end": "2026-01-31"}, {"start": "2025-12-01", "end": "2025-12-31"}),
    ("is the kennel doing any better this month than at the same point last month",
     {"name": "this_month"}, {"start": "2026-10-01", "end": "2026-10-15"}),
    ("is the bakery ahead of where it was at the same stage last month",
     {"name": "this_month"}, {"start": "2026-10-01", "end": "2026-10-15"}),
])
def test_months_set_against_each_other(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("first", "then", "period"), [
    ("how many haircuts did we do yesterday", "what about the monday", {"start": "2026-11-09", "end": "2026-11-09"}),
    ("bookings at the kennels last week", "same again for the week before",
     {"start": "2026-10-26", "end": "2026-11-01"}),
    ("how much did the garage take last month", "same thing for the month before please",
     {"start": "2026-09-01", "end": "2026-09-30"}),
])
def test_a_follow_up_names_another_day_or_steps_back(rules, first, then, period):
    key = "t26-" + first + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "kpis", key=key, period=period)


@pytest.mark.parametrize(("question", "by"), [
    ("which channel has the most buyers", "channel"),
    ("what town brought in the fewest paying customers", "city"),
    ("which segment gets the most bookers", "segment"),
])
def test_the_group_with_the_most_buyers_ranks_buyers(rules, question, by):
    assert_plans(rules, question, "movers", metric="buyers", by=by)


@pytest.mark.parametrize("question", [
    "is our busiest day friday",
    "which day is quieter at the cafe, monday or tuesday",
])
def test_a_weekday_asked_about_in_general_stays_a_habit(rules, question):
    # (a guard for the reading above: days in general are no one date)
    assert_plans(rules, question, "time_pattern", by="weekday", period=None)
