"""Readings added in phase AA (lane g-probe25b) by class, from the probe's and blind24's misses on
the tools that change things and on the thread, in plain words: alert rules switched off, on, re-
windowed or asked about; persona cards renamed, fetched again, all saved or listed in words;
follow-ups led by the trade's name, a change of mind, or a swap naming its months. Phrasings of
other trades than the questions that showed the miss (rules only: the `rules` fixture)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _conversation(rules, questions):
    """Each question in turn in one conversation; the last one's plan."""
    key = "p25b-conv-" + questions[0]
    plan = None
    for question in questions:
        plan = rules.plan(question, key)
        rules.remember(key, plan)
    return plan


# -- alert rules in plain words -------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "the ceramics takings alert, shut it off for a bit",
    "give the kayak bookings alarm a rest for now",
    "yoga class alert - knock it off for now",
    "shut off the refunds alarm at the bike shop",
])
def test_an_alert_switched_off_in_plain_words(rules, question):
    assert_plans(rules, question, "change_alert_rule", enabled=False)


def test_an_alert_with_a_long_name_switched_on_again(rules):
    assert_plans(rules, "switch the pottery open support tickets alert on again", "change_alert_rule", enabled=True)


@pytest.mark.parametrize("question", [
    "judge the pottery refunds alert week on week, not day on day",
    "the bike hire cancellations alert: judge it week on week",
    "assess the tattoo bookings alarm week over week",
])
def test_an_alert_judged_another_way_is_its_window_changed(rules, question):
    assert_plans(rules, question, "change_alert_rule", window_days=7)


@pytest.mark.parametrize("question", [
    "what does the florist's refunds alert actually watch?",
    "what's the bakery takings alarm for",
])
def test_a_question_about_an_alert_lists_the_rules(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize("question", [
    "why did the yoga studio refunds alarm go off",
    "what set off the climbing wall bookings alarm",
])
def test_why_an_alert_fired_is_the_alerts_raised(rules, question):
    assert_plans(rules, question, "open_alerts")


def test_the_switched_on_rules_with_the_off_ones_skipped(rules):
    assert_plans(rules, "salon alerts: show the rules that are switched on, skip the off ones", "list_alert_rules",
                 include_disabled=False)


def test_a_single_first_channel_is_watched_channel_by_channel(rules):
    assert_plans(rules, "brewery: warn me if a single first channel sends unusually few new visitors", "create_alert_rule",
                 per="channel")


def test_a_rule_being_made_then_made_to_fire_per_segment(rules):
    plan = _conversation(rules, ["alert me if the pottery cancellation rate goes above 4%", "make it fire per segment"])
    assert plan.spec.name == "create_alert_rule"
    assert (plan.args["metric"], plan.args["condition"], plan.args["value"], plan.args.get("per")) == \
        ("cancellation_rate", "above", 4, "segment")


# -- persona cards in words ------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "which"), [
    ("the climbing gym's persona card 2 needs a new name", [2]),
    ("give card 4 a fresh name", [4]),
])
def test_a_card_that_needs_a_name_is_renamed(rules, question, which):
    assert_plans(rules, question, "edit_persona", action="rename", which=which)


@pytest.mark.parametrize(("question", "which"), [
    ("bring card 2 of the draft back up, all of it", 2),
    ("pull persona 3 back up", 3),
])
def test_a_card_fetched_back_up_is_shown(rules, question, which):
    assert_plans(rules, question, "show_persona", which=which)


@pytest.mark.parametrize("question", ["keep every card we drafted, save them all",
                                      "keep each persona card we've got, store em"])
def test_every_card_kept_is_every_card_saved(rules, question):
    assert_plans(rules, question, "save_persona", all=True)


@pytest.mark.parametrize("question", ["show me the saved client types", "yoga studio: our stored customer groups"])
def test_saved_customer_kinds_are_the_saved_personas(rules, question):
    assert_plans(rules, question, "list_personas")


def test_a_pain_point_named_then_removed(rules):
    assert_plans(rules, "the parking pain point on card 3 - drop it", "edit_persona", action="remove_pain_point", which=[3])


def test_customers_who_ring_in_are_phone_customers(rules):
    plan = rules.plan("narrow card 1 to weekday customers who ring in", "p25b-ring")
    assert plan.spec.name == "edit_persona" and set(plan.args["focus"]) == {"weekday", "phone"}


# -- the thread ------------------------------------------------------------------------------------

def test_a_swap_naming_the_trades_months(rules):
    plan = _conversation(rules, ["bike hire revenue, august against july", "swap the bike months round, july first"])
    assert plan.spec.name == "compare"
    assert plan.args["period"] == {"start": "2026-07-01", "end": "2026-07-31"}
    assert plan.args["against"] == {"start": "2026-08-01", "end": "2026-08-31"}


def test_the_trade_named_then_that_again(rules):
    plan = _conversation(rules, ["kayak hire: where do people drop off before checkout this month",
                                 "kayak hire - that again for last month"])
    assert plan.spec.name == "dropoffs"
    assert plan.args.get("goal_stage") == "decision" and plan.args.get("period") == {"name": "last_month"}


def test_the_map_named_then_zoomed_keeps_its_period(rules):
    plan = _conversation(rules, ["tattoo studio journey map for last quarter", "tattoo map - zoom right in on the paying stage"])
    assert plan.spec.name == "journey_map"
    assert plan.args.get("stage") == "purchase" and plan.args.get("period") == {"name": "last_quarter"}


def test_a_change_of_mind_re_aims_the_compare(rules):
    plan = _conversation(rules, ["pottery orders this month vs last", "actually do this month so far against august"])
    assert plan.spec.name == "compare"
    assert plan.args["period"] == {"name": "this_month"}
    assert plan.args["against"] == {"start": "2026-08-01", "end": "2026-08-31"}
