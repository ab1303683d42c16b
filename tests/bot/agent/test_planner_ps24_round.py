"""Readings added in phase X (lane g-ps24) by class, from blind22's KPI, trend and compare misses,
on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "period"), [
    ("how many dinners did the pub serve last week", {"name": "last_week"}),
    ("team entries from Clifton this year", {"name": "this_year"}),
])
def test_a_trades_own_unit_counted_is_orders(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["orders"], period=period)


@pytest.mark.parametrize(("question", "grain"), [
    ("team entries per week from Redland since september", "week"),
    ("boat charters month by month this year", "month"),
])
def test_a_unit_followed_over_a_grain_said_twice_is_a_trend_of_orders(rules, question, grain):
    assert_plans(rules, question, "trend", metric="orders", grain=grain)


@pytest.mark.parametrize("question", [
    "was august busier than july for boat charters",
    "cup entries this month against last month",
])
def test_the_units_two_periods_are_weighed_on_are_orders(rules, question):
    assert_plans(rules, question, "compare", metrics=["orders"])


@pytest.mark.parametrize(("question", "period"), [
    ("lessons at the riverside pool over the last 30 days", {"name": "last_30_days"}),
    ("tours from the old town office in the last 7 days", {"name": "last_7_days"}),
])
def test_units_said_first_then_where_then_when_are_orders(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["orders"], period=period)


@pytest.mark.parametrize(("question", "period"), [
    ("whats the flower stall raked in this week", {"name": "this_week"}),
    ("what's our pottery studio brought in this year", {"name": "this_year"}),
])
def test_what_a_named_business_has_brought_in_is_revenue(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["revenue"], period=period)


@pytest.mark.parametrize("question", [
    "how many gig tickets went last friday",
    "how many festival tickets have gone this month",
])
def test_box_office_tickets_gone_are_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


def test_support_tickets_left_unanswered_stay_tickets(rules):
    assert_plans(rules, "how many support tickets went unanswered last week", "kpis", metrics=["open_tickets"])


@pytest.mark.parametrize(("question", "days"), [
    ("churn rate if a rower who hasn't rowed for 45 days counts as lost", 45),
    ("what's churn if a swimmer who hasnt swum in 90 days is gone", 90),
])
def test_a_trades_own_deed_undone_for_a_span_sets_the_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize(("question", "grain", "days"), [
    ("weekly churn, counting 60 days without a booking as lost", "week", 60),
    ("monthly churn rate, counting 90 days without an order as gone", "month", 90),
])
def test_churn_under_a_set_window_followed_over_a_grain_is_a_trend(rules, question, grain, days):
    assert_plans(rules, question, "trend", metric="churn_rate", grain=grain, churn_window_days=days)


def test_churn_under_a_set_window_without_a_grain_stays_one_kpi(rules):
    assert_plans(rules, "churn rate this month if 90 days without an order counts as gone", "kpis",
                 metrics=["churn_rate"], churn_window_days=90)


@pytest.mark.parametrize(("question", "grain"), [
    ("bike hire takings per week this quarter rather than per day", "week"),
    ("revenue by month instead of by week this year", "month"),
])
def test_the_step_kept_is_the_series_not_the_one_turned_down_after_it(rules, question, grain):
    assert_plans(rules, question, "trend", metric="revenue", grain=grain)


@pytest.mark.parametrize(("question", "tool"), [
    ("how many survey replies the salon got last month", "kpis"),
    ("how many reviews the shop got per week this quarter", "trend"),
])
def test_replies_counted_as_what_a_named_business_got_are_survey_responses(rules, question, tool):
    plan = rules.plan(question, "ps24-" + question)
    assert plan.spec and plan.spec.name == tool, (question, plan.args)
    assert "survey_responses" in (plan.args.get("metrics") or [plan.args.get("metric")]), plan.args


@pytest.mark.parametrize(("question", "against"), [
    ("covers this week against what we did last week", {"name": "last_week"}),
    ("bakery takings in october compared with what we took in september", {"start": "2026-09-01", "end": "2026-09-30"}),
])
def test_the_second_periods_count_said_as_what_we_did_is_the_period_against(rules, question, against):
    assert_plans(rules, question, "compare", against=against)


@pytest.mark.parametrize(("question", "period"), [
    ("how many riders actually came to a lesson last week", {"name": "last_week"}),
    ("how many players really turned up to training in the last 30 days", {"name": "last_30_days"}),
])
def test_a_head_count_of_who_came_to_what_the_place_runs_is_active_customers(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["active_customers"], period=period)


@pytest.mark.parametrize("question", [
    "what percentage of bakery web visits bounce last week",
    "what % of our salon app sessions bounced this month",
])
def test_the_visits_a_bounce_share_is_of_are_not_asked_on_their_own(rules, question):
    assert_plans(rules, question, "kpis", metrics=["bounce_rate"])


@pytest.mark.parametrize(("question", "n"), [
    ("how many buyers are on their 5th candle or more", 5),
    ("how many shoppers are on their third bouquet or more", 3),
])
def test_buyers_on_their_nth_purchase_are_the_repeat_customers_alone(rules, question, n):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=n)


@pytest.mark.parametrize(("question", "day"), [
    ("are tuesdays a write-off for haircuts", "Tuesday"),
    ("are sundays a washout for the bike hire", "Sunday"),
])
def test_one_weekday_written_off_is_weighed_against_the_week(rules, question, day):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=day)


@pytest.mark.parametrize(("question", "tool"), [
    ("what tiktok shoppers spent at the bakery last month", "kpis"),
    ("compare what riders spent this month with last", "compare"),
])
def test_what_people_spent_with_us_is_revenue(rules, question, tool):
    assert_plans(rules, question, tool, metrics=["revenue"])


def test_what_people_spent_it_on_is_not_revenue(rules):
    plan = rules.plan("what shoppers spent on candles this year", "ps24-spent-on")
    assert plan.args.get("metrics") != ["revenue"], plan.args


def test_what_people_have_spent_so_far_stays_their_lifetime_value(rules):
    assert_plans(rules, "lifetime value, what members have spent with us to date, this quarter", "kpis", metrics=["clv"])
