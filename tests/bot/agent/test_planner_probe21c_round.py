"""Readings added in phase W (lane g-probe21c) by class, from probe21c's misses (cohorts said in
owners' words, feedback asked for by its tone), on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric", "filters"), [
    ("how many bookings did the vip folk make at the kennels last month", "orders", {"segment": ["vip"]}),
    ("surf shop: the newsletter folk, what's their refund rate this quarter", "refund_rate", {"segment": ["newsletter"]}),
])
def test_folk_after_a_group_names_its_people(rules, question, metric, filters):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", (question, plan.args)
    assert metric in plan.args.get("metrics", []) and plan.args.get("filters") == filters, plan.args


@pytest.mark.parametrize(("question", "filters"), [
    ("kindly tell me what the newsletter subscribers spent with the florist this month", {"segment": ["newsletter"]}),
    ("how much did the people who booked via tiktok and came back twice spend at the salon last month", None),
    ("how much did the over-55s (55-64) spend at the garden centre this quarter", {"age_band": ["55-64"]}),
])
def test_what_a_described_group_spent_is_the_money(rules, question, filters):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis" and plan.args.get("metrics") == ["revenue"], (question, plan.args)
    if filters:
        assert plan.args.get("filters") == filters, plan.args


@pytest.mark.parametrize("question", [
    "let me see the nastiest reviews punters left the chippy last month",
    "give us the stroppiest messages clients sent since october",
    "mek mi see di crossest reviews customers seh bout di jerk chicken",
])
def test_the_worst_texts_asked_to_be_seen_are_a_search_by_tone(rules, question):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", (question, plan.spec and plan.spec.name, plan.args)


@pytest.mark.parametrize("question", [
    "show me the grumpiest comments folk left us last month, pal",
    "pull up the most negative tings people wrote this week",
    "let me see the sourest remarks diners left us this month",
])
def test_the_worst_texts_with_no_topic_search_nothing_but_their_tone(rules, question):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search" and "query" not in plan.args, plan.args


def test_the_worst_texts_split_by_a_part_of_the_journey_stay_the_feeling(rules):
    assert_plans(rules, "show me the most negative feedback per touchpoint", "feedback_sentiment", by="touchpoint")
