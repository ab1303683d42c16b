"""Readings added after blind20's score (lane g-ps19) by class, from its funnel and drop-off misses,
on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

_TO_BUYING = ["consideration", "decision", "purchase"]
_HEARD_TO_BUYING = ["awareness", "consideration", "decision", "purchase"]


@pytest.mark.parametrize(("question", "days"), [
    ("pottery classes from browsing to booking funnel, only people who booked within 10 days", 10),
    ("bike hire funnel from browsing to hiring, just folk who paid in under 2 weeks", 14),
])
def test_a_window_said_as_when_they_bought_is_the_funnels_window(rules, question, days):
    assert_plans(rules, question, "funnel", stages=_TO_BUYING, window_days=days)


@pytest.mark.parametrize(("question", "period"), [
    ("let me know at which stage the trial members dry up, last 30 days", "last_30_days"),
    ("which stage do our wedding leads peter out at this month", "this_month"),
])
def test_which_stage_people_go_cold_at_is_the_stage_dropoffs(rules, question, period):
    assert_plans(rules, question, "dropoffs", level="stage", period={"name": period})


@pytest.mark.parametrize("question", [
    "first hearing about us right through to a booked lesson, funnel please",
    "where do we lose readers from hearing of a book to ordering it",
])
def test_hearing_of_us_at_the_near_end_is_the_awareness(rules, question):
    assert_plans(rules, question, "funnel", stages=_HEARD_TO_BUYING)


def test_ending_up_buying_after_a_quote_is_the_purchase(rules):
    assert_plans(rules, "of the couples who request a quote, how many end up booking the venue", "funnel",
                 stages=["decision", "purchase"])


def test_paying_that_leads_on_to_aftercare_is_not_the_checkout(rules):
    assert_plans(rules, "paying then aftercare then posting a review, funnel for the last 30 days", "funnel",
                 stages=["purchase", "post-purchase", "advocacy"], period={"name": "last_30_days"})


@pytest.mark.parametrize(("question", "tool", "period"), [
    ("three months of grooming clients, mapped stage by stage", "journey_map", "last_90_days"),
    ("six months of climbing members, journey map please", "journey_map", "last_180_days"),
    ("show me 3 months of bookings", "kpis", "last_90_days"),
])
def test_a_span_opening_the_question_is_the_past_span(rules, question, tool, period):
    assert_plans(rules, question, tool, period={"name": period})


def test_months_of_nothing_is_not_a_period(rules):
    plan = rules.plan("three months of no orders: who are they", "ps19-gap")
    assert (plan.args.get("period") or {}).get("name") != "last_90_days", plan.args
