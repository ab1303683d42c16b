"""Readings added in phase X (lane g-ps26) by class, from blind22's persona, prediction and
follow-up misses, on phrasings written for this round in other trades (rules only: the `rules`
fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

from typing import Any

import pytest
from planner_fixtures import assert_plans


def _thread(planner: Any, key: str, *turns: str) -> Any:
    """Ask the turns in one conversation, as the banks do, and return the last plan."""
    plan = None
    for turn in turns:
        plan = planner.plan(turn, key)
        planner.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "count"), [
    ("sketch out 3 kinds of rider for the stables", 3),
    ("draw up five types of camper", 5),
    ("make me 4 pottery class student personas", 4),
])
def test_a_count_of_a_trades_own_customer_types_is_a_draft(rules, question, count):
    assert_plans(rules, question, "draft_personas", segments=count)


def test_signing_up_online_narrows_a_card_to_online(rules):
    plan = _thread(rules, "ps26-online", "draft personas for the gym",
                   "narrow card 3 to evening members who sign up online")
    assert plan.spec.name == "edit_persona" and "online" in plan.args["focus"], plan.args


def test_a_pain_point_struck_off_then_a_card_saved_too(rules):
    key = "ps26-strike"
    _thread(rules, key, "draft personas for the florist")
    assert_plans(rules, "card 2 never griped about price, strike that pain point off", "edit_persona", key=key,
                 action="remove_pain_point", which=[2], text=None)
    rules.remember(key, rules.plan("card 2 never griped about price, strike that pain point off", key))
    assert_plans(rules, "save card 1 too", "save_persona", key=key, which=1)


@pytest.mark.parametrize("question", ["how do i needle felt a brooch", "how can we wet felt a scarf"])
def test_felt_the_craft_in_a_how_to_is_no_feeling(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize("question", [
    "which gym members turned high risk since the model last updated its ratings",
    "which gym members turned high risk since the system last refreshed the rankings",
])
def test_since_the_scoring_was_last_done_in_other_words(rules, question):
    assert_plans(rules, question, "newly_at_risk", since="previous_scoring")


def test_the_n_with_the_highest_value_is_a_limit(rules):
    assert_plans(rules, "the 15 florist clients with the highest lifetime value", "customer_lifetime_value", limit=15)


def test_a_split_turned_down_with_rather_than_is_not_read(rules):
    plan = _thread(rules, "ps26-rather", "which bakery product category gets the worst star ratings",
                   "break those star ratings down by channel rather than product line")
    assert plan.spec.name == "satisfaction_by" and plan.args.get("by") == "channel", plan.args


def test_that_analysis_again_but_for_a_period_keeps_its_split(rules):
    plan = _thread(rules, "ps26-again", "mood by touchpoint at the yoga studio",
                   "that yoga mood again but just for last week")
    assert plan.spec.name == "feedback_sentiment" and plan.args.get("by") == "touchpoint", plan.args
    assert plan.args.get("period") == {"name": "last_week"}, plan.args


@pytest.mark.parametrize("follow", ["an how about this quarter so far", "an whit aboot this quarter so far"])
def test_a_spoken_an_opens_a_follow_up(rules, follow):
    plan = _thread(rules, "ps26-an-" + follow, "revenue last month at the chippy", follow)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.args
    assert plan.args.get("period") == {"name": "this_quarter"} and plan.args.get("metrics") == ["revenue"], plan.args


def test_group_against_group_is_that_split(rules):
    plan = _thread(rules, "ps26-against", "revenue by town last month",
                   "same chip shop takings but segment against segment")
    assert plan.spec.name == "movers" and plan.args.get("by") == "segment", plan.args


@pytest.mark.parametrize("question", [
    "which climbers who came daily but rarely turn up now",
    "which choir members used to sing every week and have not booked for months",
])
def test_an_old_rhythm_then_rarely_or_not_for_ages_is_lapsing(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


def test_never_buying_another_is_at_risk(rules):
    assert_plans(rules, "which dog owners might never buy another bag of kibble", "at_risk_customers")


@pytest.mark.parametrize(("question", "action"), [
    ("which top clients stopped booking that we should go after", "win_back_valuable"),
    ("which pottery students just want a quick hello", "check_in"),
])
def test_the_action_said_in_owners_words(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)
