"""Readings added in the post-score round (lane ps15) by class, from blind18's prediction,
persona and alert-rule misses, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "direction"), [
    ("for the takings alarm, only ping me when they drop, not when they climb", "down"),
    ("on the no-shows rule, just warn me when it goes up", "up"),
    ("with the cancellations alert, only flag rises", "up"),
    ("regarding my footfall alert: only tell me about falls", "down"),
])
def test_an_order_about_a_named_alert_changes_its_direction(rules, question, direction):
    assert_plans(rules, question, "change_alert_rule", direction=direction)


@pytest.mark.parametrize("question", [
    "let me know when the average booking at the kennels falls under 25 pounds",
    "warn me if the average job goes below 300",
    "ping me if the average rental dips below £60",
])
def test_the_average_trade_sale_is_what_one_order_is_worth(rules, question):
    assert_plans(rules, question, "create_alert_rule", metric="aov", condition="below")


@pytest.mark.parametrize(("question", "days"), [
    ("what's a salon regular worth over three more years", 1095),
    ("lifetime value of a gym member, for another two years", 730),
])
def test_more_years_set_the_lifetime_horizon(rules, question, days):
    assert_plans(rules, question, "customer_lifetime_value", horizon_days=days)


@pytest.mark.parametrize(("question", "args"), [
    ("which cafe accounts are sliding towards walking away quickest", {"sort_by": "rising"}),
    ("which pilates members are drifting towards the door fastest", {"sort_by": "rising"}),
    ("florist clients who've drifted from monthly to every so often", {"tier": "lapsing"}),
    ("which of the vintners' members have slid from weekly to occasionally", {"tier": "lapsing"}),
])
def test_people_heading_for_the_exit_are_at_risk(rules, question, args):
    assert_plans(rules, question, "at_risk_customers", **args)


@pytest.mark.parametrize("question", [
    "which vips have recently turned at risk this week",
    "which vips have just become at risk",
])
def test_a_group_newly_turned_at_risk_filters_the_new_names(rules, question):
    plan = rules.plan(question, "ps15-" + question)
    assert plan.spec is not None and plan.spec.name == "newly_at_risk", question
    assert plan.args.get("filters", {}).get("segment"), plan.args


@pytest.mark.parametrize(("question", "action"), [
    ("which of our top payers gone cold should we chase first", "win_back_valuable"),
    ("heavy spenders at the garden centre who've gone cold, worth a call first", "win_back_valuable"),
    ("dog walking clients who had a rough visit and deserve putting right", "service_recovery"),
    ("which tattoo clients need making right after a bad session", "service_recovery"),
    ("which florist customers will rebook by themselves, no voucher", "no_discount_needed"),
    ("which bakery regulars will come back without us handing out a discount code", "no_discount_needed"),
])
def test_next_best_actions_in_owners_words(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


@pytest.mark.parametrize(("question", "args"), [
    ("which cleaning clients have a 75 percent chance of rebooking", {}),
    ("anyone with over 80% odds to check out", {"min_probability": 0.8}),
    ("who's likeliest to rent a kayak next", {}),
])
def test_buying_chances_are_propensity(rules, question, args):
    assert_plans(rules, question, "purchase_propensity", **args)


def test_a_refocus_keeps_every_describing_word(rules):
    assert_plans(rules, "refocus card 2 on online weekend buyers", "edit_persona", action="refocus", which=[2],
                 focus=["online", "weekend"])


@pytest.mark.parametrize(("question", "which"), [
    ("card 3 needs a new pain point: the waiting room is cramped", [3]),
    ("persona two deserves another pain point: queues at the till", [2]),
])
def test_a_card_that_needs_a_pain_point_gets_one(rules, question, which):
    assert_plans(rules, question, "edit_persona", action="add_pain_point", which=which)


@pytest.mark.parametrize("question", [
    "which member profiles do we have stored for the gym",
    "which guest profiles have we got on file",
    "which diner profiles did we keep saved",
])
def test_profiles_kept_under_the_trades_word_are_listed(rules, question):
    assert_plans(rules, question, "list_personas")
