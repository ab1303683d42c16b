"""Readings added in phase R (lane g-tune27) by class, from blind15's remaining misses, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

LAST_WEEK_BUT_ONE = {"start": "2026-10-26", "end": "2026-11-01"}


@pytest.mark.parametrize(("first", "follow", "tool", "args"), [
    # a step back, then how it went
    ("how many lessons did the surf school sell last week", "n the week before, how did that go",
     "kpis", {"metrics": ["orders"], "period": LAST_WEEK_BUT_ONE}),
    ("what did the pottery café take last week", "and the week prior, how'd we do?",
     "kpis", {"metrics": ["revenue"], "period": LAST_WEEK_BUT_ONE}),
    # the tail of the times just shown, named by what is waited for
    ("average time to answer the pottery shop's emails this month", "and the slowest 10% of those answers?",
     "kpis", {"metrics": ["first_response_time_p90"], "period": {"name": "this_month"}}),
    # the last series at another grain
    ("daily takings at the ice cream van for the past 2 weeks", "weekly instead, over the last 2 months",
     "trend", {"metric": "revenue", "grain": "week", "period": {"name": "last_60_days"}}),
    ("ticket numbers per week at the print shop this quarter", "and month on month, how does that look",
     "trend", {"metric": "tickets", "grain": "month", "period": {"name": "this_quarter"}}),
    ("how many bookings did the climbing wall take last quarter", "ok same but monthly",
     "trend", {"metric": "orders", "grain": "month"}),
    # a pattern's split named in words, though it is the tool's default
    ("which hour do the most bookings come in at the escape room", "and which day of the week?",
     "time_pattern", {"metric": "orders", "by": "weekday"}),
])
def test_a_follow_up_changes_one_thing_of_the_last_answer(rules, first, follow, tool, args):
    key = "t27-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow, tool, key=key, **args)


@pytest.mark.parametrize(("question", "metric"), [
    ("the slowest 1 in 10 parcels from the tea shop, how long did they take last month", "delivery_time_p90"),
    ("slowest 10 percent of replies to the locksmith's messages last month", "first_response_time_p90"),
    ("the slowest 1 in 10 fixes at the bike workshop last month, how long did they take", "resolution_time_p90"),
])
def test_a_tail_of_waits_named_by_what_is_waited_for(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric], period={"name": "last_month"})


@pytest.mark.parametrize("question", [
    "how many prams came back last month",
    "how many lamps got sent back to the lighting shop last month",
    "how many wetsuits were brought back last month",
])
def test_goods_that_came_back_are_the_returned_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["refunded_orders"], period={"name": "last_month"})


@pytest.mark.parametrize(("question", "metric"), [
    ("which night last week had the biggest bar take at the comedy club", "revenue"),
    ("best night's takings at the karaoke bar last week", "revenue"),
])
def test_one_night_of_a_named_week_is_a_daily_trend(rules, question, metric):
    assert_plans(rules, question, "trend", metric=metric, grain="day", period={"name": "last_week"})


@pytest.mark.parametrize(("question", "day"), [
    ("bookings at the spa on tuesday the 3rd of november", "2026-11-03"),
    ("how much did the nail bar take on friday 6th november", "2026-11-06"),
])
def test_a_weekday_said_with_its_date_is_that_date(rules, question, day):
    assert_plans(rules, question, "kpis", period={"start": day, "end": day})


@pytest.mark.parametrize(("question", "period", "against"), [
    ("boiler services in Q3 against Q2, how did we go", ("2026-07-01", "2026-09-30"), ("2026-04-01", "2026-06-30")),
    ("kitchen jobs in q2 vs q1, how did we do", ("2026-04-01", "2026-06-30"), ("2026-01-01", "2026-03-31")),
])
def test_two_quarters_set_side_by_side_compare_the_units(rules, question, period, against):
    assert_plans(rules, question, "compare", metrics=["orders"], period={"start": period[0], "end": period[1]},
                 against={"start": against[0], "end": against[1]})


FROM_CONSIDERATION = ["consideration", "decision", "purchase"]


@pytest.mark.parametrize(("question", "stages"), [
    ("where are we losing paddlers between browsing the kayaks and paying for a rental", FROM_CONSIDERATION),
    ("from estimate request to a paid booking, how many of the removals enquiries get through", ["decision", "purchase"]),
    ("where do people fall off between spotting our ad and buying a ticket, step by step",
     ["awareness", "consideration", "decision", "purchase"]),
    ("of people who look at our rugs online, how many get as far as ordering, step by step", FROM_CONSIDERATION),
    ("from browsing to hiring a marquee, funnel with a 14 day window", FROM_CONSIDERATION),
])
def test_a_stretch_of_the_journey_said_by_its_ends_is_the_funnel_over_it(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


@pytest.mark.parametrize(("question", "days"), [
    ("barber: churn rate, with anyone not visiting for 8 weeks counted as gone", 56),
    ("churn at the pet food shop if someone not ordering in 60 days is lost", 60),
])
def test_a_span_of_not_doing_something_sets_the_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize("question", [
    "how many people visited the site more than twice",
    "how many shoppers came to the web shop 3+ times last month",
])
def test_visits_per_visitor_are_said_to_be_not_counted(rules, question):
    answer = rules.answer(question, "t27-" + question)
    assert answer.tool_calls == [] and "visits per visitor" in answer.text, answer.text


@pytest.mark.parametrize(("question", "sort_by"), [
    ("which gym members are drifting off, ranked by how fast their risk went up", "rising"),
    ("dog walker: which clients look like they are drifting off, biggest spenders first", "value"),
    ("which pupils are drifting away from the swim school, sorted by spend", "value"),
])
def test_drifting_off_is_at_risk_not_the_lapsing_tier(rules, question, sort_by):
    assert_plans(rules, question, "at_risk_customers", sort_by=sort_by, tier=None)
