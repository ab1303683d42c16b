"""(lane real27a) The share of 1-2 star reviews (low_review_share), by class, on phrasings of
several trades (rules only: the `rules` fixture of tests/planner_fixtures.py): the low stars
said by number, and the bad end said by a word when a count or share of it is asked. What the
bad reviews say stays with the feedback tools."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "what share of reviews are 1 or 2 stars",
    "what percentage of our ratings were one or two stars last month",
    "hotel: how many one- or two-star reviews did we get this quarter",
    "cafe: share of 1-2 star ratings in october",
    "dentist: what proportion of patients rated us 1 or 2 out of 5",
    "bike shop: how many reviews were two stars or less last month",
])
def test_the_low_stars_said_by_number_are_the_low_review_share(rules, question):
    assert_plans(rules, question, "kpis", metrics=["low_review_share"])


@pytest.mark.parametrize("question", [
    "how many bad reviews did we get last month",
    "low ratings share",
    "florist: what percentage of bad ratings did we get this year",
    "plumber: number of low scores last quarter",
    "restaurant: how many poor reviews this month",
    "salon: bad review rate last quarter",
])
def test_the_bad_end_counted_or_shared_is_the_low_review_share(rules, question):
    assert_plans(rules, question, "kpis", metrics=["low_review_share"])


@pytest.mark.parametrize("question", [
    "what are the bad reviews about",
    "what do customers who gave 1 star say?",
    "how many of our reviews are 4 stars or above?",
    "what's our average review score",
    "what share of reviews are positive?",  # the good end: CSAT (the bad end is this share since real28b)
])
def test_what_bad_reviews_say_and_the_good_end_are_not_the_low_share(rules, question):
    plan = rules.plan(question, "plans-" + question)
    assert "low_review_share" not in (plan.args.get("metrics") or []), (question, plan.spec and plan.spec.name, plan.args)


@pytest.mark.parametrize("question", [
    "which brand's customers wait longest for a reply",
    "first response time by company",
])
def test_a_brand_split_over_tickets_without_brands_stays_the_kpi(rules, question):
    """The banks' sample keeps no brand on its tickets: the KPI answers (with its note), no split."""
    plan = rules.plan(question, "plans-" + question)
    assert plan.spec is not None and plan.spec.name != "tickets_by_brand", plan.args
