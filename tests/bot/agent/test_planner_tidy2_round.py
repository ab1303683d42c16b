"""Date readings added in phase P (lane g-tidy2) by class, on phrasings written for this round
(rules only: the `rules` fixture of tests/planner_fixtures.py). The banks' data ends on Sunday
15 November 2026."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "tidy2-" + question)


def _period(plan):
    period = plan.args.get("period") or {}
    return period.get("name") or (period.get("start"), period.get("end"))


def _lead(rules, question):
    return rules.answer(question, "tidy2-answer-" + question).text.splitlines()[0]


@pytest.mark.parametrize(("question", "period"), [
    ("bike shop takings last Saturday and Sunday", ("2026-11-07", "2026-11-08")),
    ("how many covers did the bistro do this Friday and Saturday", ("2026-11-13", "2026-11-14")),
    ("kennels: bookings last Mon and Tue", ("2026-11-09", "2026-11-10")),
    ("yoga studio revenue on fri, sat and sun just gone", ("2026-11-06", "2026-11-08")),
    ("nail bar: sessions sat and sun last week", ("2026-11-07", "2026-11-08")),
    ("garage orders on sat n sun", ("2026-11-14", "2026-11-15")),
])
def test_weekdays_next_to_each_other_are_one_span(rules, question, period):
    assert _period(_plan(rules, question)) == period


def test_the_same_weekdays_this_week_and_last_are_a_week_apart(rules):
    plan = _plan(rules, "pottery cafe revenue this Friday and Saturday vs last Friday and Saturday")
    assert plan.args["period"] == {"start": "2026-11-13", "end": "2026-11-14"}
    assert plan.args["against"] == {"start": "2026-11-06", "end": "2026-11-07"}


def test_weekdays_with_days_between_say_the_days_between_are_included(rules):
    first = _lead(rules, "barber: revenue on Monday and Thursday last week")
    assert "2026-11-02 to 2026-11-05" in first and "Monday to Thursday, the days between included" in first
    habit = _plan(rules, "are we busier on saturday and sunday every week at the deli")
    assert "start" not in habit.args.get("period", {})  # a habit, not dates


@pytest.mark.parametrize(("question", "period"), [
    ("toy shop revenue the week after Black Friday", ("2025-11-29", "2025-12-05")),
    ("butcher: orders the fortnight before Christmas", ("2025-12-11", "2025-12-24")),
    ("garden centre takings the weekend after easter", ("2026-04-11", "2026-04-12")),
    ("costume hire revenue the weekend before halloween", ("2026-10-24", "2026-10-25")),
    ("chocolatier orders the 3 days after boxing day", ("2025-12-27", "2025-12-29")),
    ("fireworks stall sessions the week leading up to bonfire night", ("2026-10-29", "2026-11-04")),
    ("card shop revenue the day after valentine's day", ("2026-02-15", "2026-02-15")),
    ("sessions at the ski hire the month before christmas 2025", ("2025-11-25", "2025-12-24")),
])
def test_days_before_or_after_an_occasion(rules, question, period):
    assert _period(_plan(rules, question)) == period


def test_the_days_after_an_occasion_without_a_count_say_how_many(rules):
    first = _lead(rules, "egg farm shop: orders in the days after Easter")
    assert "2026-04-07 to 2026-04-13" in first and "the 7 days after it" in first


@pytest.mark.parametrize(("question", "words"), [
    ("flower stall revenue the weekend before Mother's Day", "the weekend before mother's day"),
    ("barbecue shop orders the week after fathers day", "the week after fathers day"),
    ("card shop takings on mothering sunday", "mothering sunday"),
])
def test_an_occasion_that_differs_by_country_says_it_was_not_read(rules, question, words):
    first = _lead(rules, question)
    assert f"can't read “{words}” as dates" in first


@pytest.mark.parametrize(("first", "then", "period"), [
    ("surf school bookings last Saturday and Sunday", "and the weekend before?", ("2026-10-31", "2026-11-01")),
    ("pizzeria revenue last month", "and the weekend before that?", ("2026-09-26", "2026-09-27")),
])
def test_the_weekend_before_steps_back_to_a_weekend(rules, first, then, period):
    key = "tidy2-step-" + first
    rules.remember(key, rules.plan(first, key))
    assert _period(rules.plan(then, key)) == period


@pytest.mark.parametrize(("question", "tool", "grain"), [
    ("dog walker: bookings over the past half-year", "kpis", None),
    ("orders at the print shop in the last half year", "kpis", None),
    ("repeat rate for the cheese stall month on month over the last half a year", "trend", "month"),
])
def test_the_past_half_year_is_the_last_six_months(rules, question, tool, grain):
    assert_plans(rules, question, tool, grain=grain, period={"name": "last_180_days"})
