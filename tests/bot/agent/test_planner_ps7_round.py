"""Readings added in the post-score round (lane ps7) by class, from blind16's KPI, compare, trend
and time_pattern misses, on phrasings written for this round in other trades (rules only: the
`rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

_Q3 = {"start": "2026-07-01", "end": "2026-09-30"}
_Q2 = {"start": "2026-04-01", "end": "2026-06-30"}


@pytest.mark.parametrize(("question", "metric"), [
    ("how did Q3 measure up against Q2 for fittings", "orders"),
    ("roofer: Q3 compared with Q2 for repairs", "orders"),
    ("purchasers in Q3 against Q2", "buyers"),
    ("how does Q3 stack up against Q2 for paying clients", "buyers"),
])
def test_a_period_pair_keeps_the_kpi_said_bare(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric], period=_Q3, against=_Q2)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how likely are my clients to recommend me, all the data", "kpis",
     {"metrics": ["nps"], "period": {"name": "all"}}),
    ("what share of guests come back, month by month, over all the data", "trend",
     {"grain": "month", "period": {"name": "all"}}),
])
def test_all_the_data_is_the_period_not_a_question_about_the_data(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metric", "focus"), [
    ("how does saturday rank for takings at the bakery", "revenue", "Saturday"),
    ("how does monday rank for bookings at the salon", "orders", "Monday"),
    ("does thursday earn its keep for pizzas sold", "orders", "Thursday"),
    ("does tuesday pull its weight for kayaks hired", "orders", "Tuesday"),
])
def test_one_weekday_placed_among_the_others(rules, question, metric, focus):
    assert_plans(rules, question, "time_pattern", by="weekday", metric=metric, focus=focus)


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("what hour do the breakdown reports usually land", "hour", "tickets"),
    ("which day of the week do repair calls peak", "weekday", "tickets"),
    ("which weekday do the questionnaire replies arrive", "weekday", "survey_responses"),
    ("what hour do questionnaire answers come in", "hour", "survey_responses"),
    ("signups per calendar month, which one comes out on top", "month", None),
    ("which calendar month is strongest for lesson bookings", "month", "orders"),
])
def test_time_pattern_reads_what_is_counted_and_the_months_ranked(rules, question, by, metric):
    args = {"by": by} if metric is None else {"by": by, "metric": metric}
    assert_plans(rules, question, "time_pattern", **args)


@pytest.mark.parametrize(("question", "metric", "period"), [
    ("tables booked each night over the past 10 days", "orders", {"start": "2026-11-06", "end": "2026-11-15"}),
    ("how many enquiries came in on each of the last 7 days", "tickets", {"name": "last_7_days"}),
])
def test_a_count_per_night_or_on_each_day_is_a_daily_series(rules, question, metric, period):
    assert_plans(rules, question, "trend", metric=metric, grain="day", period=period)


@pytest.mark.parametrize(("question", "metric"), [
    ("how many enquiries have tenants raised this week", "tickets"),
    ("how many fault cases have drivers reported this month", "tickets"),
    ("how many queries came in yesterday", "tickets"),
])
def test_tickets_raised_by_the_people_who_raise_them(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "metric"), [
    ("is the average basket up this week?", "aov"),
    ("are new members down over the past 60 days?", "new_visitors"),
    ("did lessons go up last month?", "orders"),
    ("so is revenue down this quarter", "revenue"),
])
def test_a_level_said_to_have_moved_is_a_comparison(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


@pytest.mark.parametrize(("question", "metric"), [
    ("are parcels turning up on the day we promised? on-time % this month", "on_time_delivery"),
    ("are the sofas showing up on the date we said, on-time rate this quarter", "on_time_delivery"),
])
def test_arriving_said_with_up_is_not_a_level_that_moved(rules, question, metric):
    # "turning up" is an arrival: the level asked, not a change against the period before
    assert_plans(rules, question, "kpis", metrics=[metric])
