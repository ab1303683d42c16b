"""Readings added in phase T (lane g-tune29) by class, from blind17's and the probes' open misses,
on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _follow(rules, first, follow, tool, args):
    key = "t29-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow, tool, key=key, **args)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("bakery: which age group pushed visits down in october", "sessions", "age_band"),
    ("physio: which region is behind the dip in visits since september", "sessions", "region"),
    ("florist: visits are down this month, which channel do I pin that on", "sessions", "channel"),
    ("garage: which segment is to blame for slower fixes this month", "resolution_time", "segment"),
    ("which town drove the drop in questionnaire replies last quarter", "survey_responses", "city"),
    ("vets: which channel is making our first reply times slower", "first_response_time", "channel"),
    ("which segment should we blame for fewer survey responses since july", "survey_responses", "segment"),
])
def test_a_change_pinned_on_a_group_keeps_the_kpi_it_names(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


@pytest.mark.parametrize(("question", "metric"), [
    ("kennels: what share of support tickets we sorted out in october", "resolution_rate"),
    ("week to date visits on the pottery web shop", "sessions"),
    ("how many lessons get cancel this term", "cancelled_orders"),
])
def test_kpis_said_loosely(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "args"), [
    ("lead vs newsletter, who spends more per order at the deli",
     {"metric": "aov", "by": "segment", "filters": {"segment": ["lead", "newsletter"]}}),
    ("tiktok versus email for gift voucher sales last month", {"metric": "orders", "by": "channel"}),
    ("Cotham vs Keynsham for swim course sign-ups this year", {"metric": "orders", "by": "city"}),
])
def test_two_groups_set_against_each_other_are_each_groups_level(rules, question, args):
    assert_plans(rules, question, "movers", rank="value", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("from getting a quote to a paid job, how many convert at the roofers", {"stages": ["decision", "purchase"]}),
    ("from looking around the site to paying, then on to after-sales, how many cake orders make it",
     {"stages": ["consideration", "decision", "purchase", "post-purchase"]}),
    ("gift shop: basket to checkout to order placed, by age band",
     {"touchpoints": ["add_to_cart", "checkout_start", "order_placed"], "by": "age_band"}),
])
def test_a_funnel_span_said_in_the_trades_words(rules, question, args):
    assert_plans(rules, question, "funnel", **args)


def test_a_window_said_alone_after_a_funnel_sets_its_window(rules):
    _follow(rules, "funnel by region last month", "just count people who paid within 5 days", "funnel",
            {"by": "region", "window_days": 5, "period": {"name": "last_month"}})


@pytest.mark.parametrize(("question", "args"), [
    ("bike hire: last month's takings against the month before that",
     {"period": {"name": "last_month"}, "against": {"start": "2026-09-01", "end": "2026-09-30"}}),
    ("bookings today vs the same sunday a week earlier at the climbing wall",
     {"period": {"name": "today"}, "against": {"start": "2026-11-08", "end": "2026-11-08"}}),
    ("how did friday's orders shape up against the day a week before",
     {"period": {"start": "2026-11-13", "end": "2026-11-13"}, "against": {"start": "2026-11-06", "end": "2026-11-06"}}),
    ("line Q2 up against Q1 for the chandlers, every kpi",
     {"period": {"start": "2026-04-01", "end": "2026-06-30"}, "against": {"start": "2026-01-01", "end": "2026-03-31"}}),
])
def test_a_comparison_said_with_its_yardstick_in_other_words(rules, question, args):
    assert_plans(rules, question, "compare", **args)


def test_a_kpi_named_wise_after_a_comparison_keeps_the_comparison(rules):
    _follow(rules, "lesson bookings in october vs september", "and takings-wise?", "compare",
            {"metrics": ["revenue"], "against": {"start": "2026-09-01", "end": "2026-09-30"}})


@pytest.mark.parametrize(("first", "follow", "tool", "args"), [
    ("revenue yesterday for the chippy", "ok and the thursday again", "kpis",
     {"period": {"start": "2026-11-12", "end": "2026-11-12"}}),
    ("bookings yesterday at the escape room", "and the tuesday before that one", "kpis",
     {"period": {"start": "2026-11-10", "end": "2026-11-10"}}),
    ("which hour do people book the kayaks", "what about mon thru sun", "time_pattern", {"by": "weekday"}),
    ("sessions trend over the past 3 months", "go week by week on that", "trend", {"metric": "sessions", "grain": "week"}),
    ("how do guests sound in their reviews", "do them day by day", "feedback_sentiment", {"by": "day"}),
])
def test_a_follow_up_names_a_day_or_a_grain_loosely(rules, first, follow, tool, args):
    _follow(rules, first, follow, tool, args)


@pytest.mark.parametrize(("question", "args"), [
    ("security firm: takings and number of contracts last quarter", {"metrics": ["revenue", "orders"]}),
    ("dentist: csat over march and april", {"metrics": ["csat"], "period": {"start": "2026-03-01", "end": "2026-04-30"}}),
])
def test_two_kpis_or_two_months_said_together(rules, question, args):
    assert_plans(rules, question, "kpis", **args)
