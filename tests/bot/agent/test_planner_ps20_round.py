"""Readings added after blind20's score (lane g-ps20) by class, on phrasings written for this
round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "anything tripping off an alarm at the kiln right now",
    "whats broken, alarm-wise, at the garage",
])
def test_an_alarms_own_verbs_ask_for_the_alerts_raised(rules, question):
    assert_plans(rules, question, "open_alerts", include_resolved=None)


def test_alerts_that_went_off_with_the_resolved_ones(rules):
    assert_plans(rules, "alerts that went off on the grooming side, resolved ones too", "open_alerts", include_resolved=True)


@pytest.mark.parametrize("question", [
    "what client kinds have we saved again",
    "remind me which guest groups we kept",
])
def test_customer_kinds_kept_are_the_saved_personas(rules, question):
    assert_plans(rules, question, "list_personas")


@pytest.mark.parametrize(("question", "which"), [
    ("all of persona 3 for the florist please", 3),
    ("the whole of card three, yoga studio", 3),
])
def test_the_whole_of_a_numbered_card_shows_it(rules, question, which):
    assert_plans(rules, question, "show_persona", which=which)


@pytest.mark.parametrize(("question", "by"), [
    ("what should the dojo do next with its students, overall", None),
    ("what should the bakery do next with each region, eh", "region"),
])
def test_what_to_do_next_with_a_group_is_the_next_best_actions(rules, question, by):
    assert_plans(rules, question, "next_best_actions", by=by)


def test_a_freebie_on_the_house_earned_is_a_loyalty_reward(rules):
    assert_plans(rules, "which diners deserve a dessert on the house", "next_best_actions", action="reward_loyal")


def test_people_who_used_to_spend_big_gone_quiet_to_chase_are_the_valuable_win_back(rules):
    assert_plans(rules, "the garages that used to buy in bulk and went quiet, who do i ring first",
                 "next_best_actions", action="win_back_valuable")


@pytest.mark.parametrize(("question", "source"), [
    ("tickets about the router at the guesthouse", ["ticket"]),
    ("emails about the late deliveries at the print shop", None),
])
def test_texts_named_then_their_topic_are_searched(rules, question, source):
    plan = rules.plan(question, "ps20-" + question)
    assert plan.spec and plan.spec.name == "feedback_search", (question, plan.spec and plan.spec.name, plan.args)
    assert source is None or plan.args.get("source") == source, plan.args


def test_what_makes_the_happiest_happy_is_the_praise_themes(rules):
    assert_plans(rules, "what makes our happiest patients so happy", "feedback_themes", sentiment="positive")


@pytest.mark.parametrize(("question", "days"), [
    ("riders who are at risk now but were not a week ago", 7),
    ("tutors that are high risk today but weren't 5 days back", 5),
])
def test_risky_now_but_not_then_is_newly_at_risk(rules, question, days):
    assert_plans(rules, question, "newly_at_risk", days=days)


def test_risky_now_alone_is_still_the_at_risk_list(rules):
    assert_plans(rules, "which customers are at risk now", "at_risk_customers")


@pytest.mark.parametrize(("question", "value"), [
    ("warn me if lessons fall by a quarter week on week", 25.0),
    ("ping me if fittings drop by a third month on month", 33.3),
])
def test_a_trade_unit_falling_by_a_fraction_is_watched_as_orders(rules, question, value):
    assert_plans(rules, question, "create_alert_rule", metric="orders", condition="drops_by", value=value)
