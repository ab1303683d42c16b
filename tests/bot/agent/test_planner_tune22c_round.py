"""Readings added in phase O (lane g-tune22c) by class, from blind13's misses on feedback,
satisfaction, at-risk, persona and alert questions, on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "t22c-" + question)


@pytest.mark.parametrize("question", [
    "which patients might not book physio again",
    "members who may never sign up for classes again",
    "diners who won't order from us again",
    "the churn-risk list for the bakery",
    "show me our churn-risk clients at the barber",
])
def test_not_coming_back_with_the_service_named_is_the_at_risk_list(rules, question):
    assert_plans(rules, question, "at_risk_customers")


def test_the_verb_without_not_is_no_risk(rules):
    plan = _plan(rules, "customers who will order again next month")
    assert plan.spec is None or plan.spec.name != "at_risk_customers"


@pytest.mark.parametrize(("question", "tool"), [
    ("vips at risk at the garden centre", "at_risk_customers"),
    ("which vips are newly at risk", "newly_at_risk"),
])
def test_a_group_in_the_plural_before_at_risk_is_its_filter(rules, question, tool):
    assert_plans(rules, question, tool, filters={"segment": ["vip"]})


@pytest.mark.parametrize("question", [
    "what should I be doing next for my pottery learners",
])
def test_what_to_be_doing_is_next_best_actions(rules, question):
    assert _plan(rules, question).spec.name == "next_best_actions"


@pytest.mark.parametrize("question", [
    "suggest a few shopper personas",
])
def test_suggesting_personas_drafts_them(rules, question):
    assert _plan(rules, question).spec.name == "draft_personas"


def test_suggesting_actions_stays_next_best_actions(rules):
    assert _plan(rules, "suggest what to do for the vips").spec.name == "next_best_actions"


@pytest.mark.parametrize("question", [
    "keep the second florist persona card for later",
    "keep the first bakery persona card",
])
def test_an_order_to_keep_a_card_saves_it_not_shows_it(rules, question):
    assert_plans(rules, question, "save_persona")


def test_showing_a_card_still_shows_it(rules):
    assert_plans(rules, "show me the last persona card", "show_persona", which=-1)


@pytest.mark.parametrize(("question", "resolved"), [
    ("open boiler alarms please", False),
    ("open stock alarms and the ones that cleared this week", True),
    ("is anything at the salon still in alarm", False),
])
def test_alerts_named_by_what_they_watch_are_open_alerts(rules, question, resolved):
    plan = _plan(rules, question)
    assert plan.spec.name == "open_alerts"
    assert plan.args.get("include_resolved", False) is resolved


@pytest.mark.parametrize(("question", "by"), [
    ("recommendation score per segment for the pottery studio", "segment"),
])
def test_the_recommend_score_split_by_a_group_is_nps_by(rules, question, by):
    assert_plans(rules, question, "satisfaction_by", measure="nps", by=by)


def test_each_saved_trade_persona_is_a_split_by_persona(rules):
    assert_plans(rules, "lifetime value of each saved tutoring persona", "customer_lifetime_value", by="persona")


def test_after_sales_is_the_post_purchase_stage_of_the_map(rules):
    key = "t22c-after-sales"
    first = rules.plan("show the journey map for the bike workshop", key)
    rules.remember(key, first)
    assert_plans(rules, "why is after sales looking so bad on the map", "journey_map", key=key, stage="post-purchase")


def test_a_map_comparing_two_named_segments_sets_them_side_by_side(rules):
    assert_plans(rules, "journey map comparing the vip segment with the lead segment", "journey_map",
                 filters={"segment": ["vip"]}, compare_filters={"segment": ["lead"]})


@pytest.mark.parametrize(("question", "stage"), [
    ("top points customers raise at the consideration stage", "consideration"),
    ("key things people mention about the awareness step last month", "awareness"),
])
def test_main_things_said_at_a_stage_are_its_themes(rules, question, stage):
    assert_plans(rules, question, "feedback_themes", stage=[stage])


@pytest.mark.parametrize(("question", "days"), [
    ("please change the tyre shop refund alert to check over 10 days", 10),
    ("set the dog walking orders alert to look over 5 days", 5),
])
def test_checking_over_n_days_is_the_alert_window_not_a_threshold(rules, question, days):
    plan = _plan(rules, question)
    assert plan.spec.name == "change_alert_rule"
    assert plan.args["window_days"] == days and "value" not in plan.args
