"""Readings added in the post-score round (lane g-ps6) by class, from blind15's misses on alerts,
predictions, feedback and personas, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "are any alarms still active on the kennel dashboard",
    "which alerts are active right now",
    "what alarms are live at the moment for the bakery",
])
def test_alerts_still_active_are_the_open_alerts(rules, question):
    assert_plans(rules, question, "open_alerts")


def test_live_alerts_with_the_cleared_ones(rules):
    assert_plans(rules, "which alarms are live for the garage, plus the ones that cleared last week", "open_alerts",
                 include_resolved=True)


@pytest.mark.parametrize("question", [
    "list the warnings you've got set on the takings",
    "kindly list the alarms you are watching on our orders",
    "which warnings are you keeping on the bookings",
    "please list the warnings you are keeping on our figures",
])
def test_alarms_kept_are_the_rules(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize("question", [
    "which gym members probably won't come back",
    "which pottery students look like they won't be back after christmas",
])
def test_not_coming_back_is_at_risk(rules, question):
    assert_plans(rules, question, "at_risk_customers")


def test_ranked_by_the_risk_rising(rules):
    assert_plans(rules, "which tenants are slipping, ranked by how fast their risk went up", "at_risk_customers",
                 sort_by="rising")


def test_new_at_risk_since_a_weekday_digest(rules):
    assert_plans(rules, "any fresh at-risk clients since thursday's digest", "newly_at_risk", since="previous_scoring")


@pytest.mark.parametrize(("question", "action"), [
    ("we need more repeat work at the joinery, where do we begin", None),
    ("which clients had a bad experience and need sorting", "service_recovery"),
    ("people who enquired about lessons but never booked, how do we convert them", "convert_prospect"),
])
def test_next_steps_said_as_a_goal_or_a_need(rules, question, action):
    if action:
        assert_plans(rules, question, "next_best_actions", action=action)
    else:
        assert_plans(rules, question, "next_best_actions")


def test_purchases_to_come_with_who(rules):
    assert_plans(rules, "how many renewals are coming at the gym this quarter, plus who", "purchase_propensity")


@pytest.mark.parametrize(("question", "band"), [
    ("comments about the wait at the clinic, only from people who rated us 2 or less", {"min_csat": 1, "max_csat": 2}),
    ("what did the clients who rated us 4 or more say about the booking app", {"min_csat": 4, "max_csat": 5}),
    ("what the diners who wouldn't recommend us said about the music", {"min_nps": 0, "max_nps": 6}),
    ("what did campers who'd happily recommend us say about the showers", {"min_nps": 9, "max_nps": 10}),
])
def test_feedback_from_a_score_given(rules, question, band):
    assert_plans(rules, question, "feedback_search", stage=None, **band)


@pytest.mark.parametrize(("question", "by"), [
    ("which channel sends the florist the tetchiest messages", "channel"),
    ("mood in the reviews about the delivery side, split by stage", "stage"),
])
def test_feeling_by_a_part_of_the_journey(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize("question", [
    "anything new the guests are griping about since last week?",
    "anything new patients are giving out about since monday?",
])
def test_anything_new_complained_of_is_the_themes(rules, question):
    assert_plans(rules, question, "feedback_themes", sentiment="negative")


@pytest.mark.parametrize(("question", "measure", "by"), [
    ("any gap in satisfaction between the vips and everyone else", "csat", "segment"),
    ("are late parcels damaging our review scores", "review_score", "delivery"),
])
def test_satisfaction_gap_or_damage(rules, question, measure, by):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by=by)


@pytest.mark.parametrize("question", [
    "who hires our vans, typically? make me persona cards from the numbers",
])
def test_personas_asked_after_a_question(rules, question):
    assert_plans(rules, question, "draft_personas")


def test_persona_edits_in_other_words(rules):
    key = "ps6-cards"
    assert_plans(rules, "draft some personas for the bike shop", "draft_personas", key=key)
    assert_plans(rules, "smush the second card and the third into one", "edit_persona", key=key, action="merge",
                 which=[2, 3])
    assert_plans(rules, "persona 2 shouldn't have parking as a gripe", "edit_persona", key=key,
                 action="remove_pain_point", which=[2], text="parking")
