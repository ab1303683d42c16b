"""Readings added in phase N (lane g-tune19b) by class, from blind11's misses and a probe of other
trades, on phrasings written for this round (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest


def _plan(rules, question):
    return rules.plan(question, "t19b-" + question)


@pytest.mark.parametrize("question", [
    "chimney sweep: if enquiries start pouring in out of nowhere on any channel, alert me",
    "hot tub hire: tell me when one of the channels starts streaming in new visitors",
    "archery range: ping me if new faces come pouring in from any channel",
])
def test_arrivals_pouring_in_are_an_upward_unusual_rule(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert plan.args["condition"] == "unusual" and plan.args["direction"] == "up"
    assert plan.args["per"] == "channel"


@pytest.mark.parametrize(("question", "hours"), [
    ("hot tub hire: flag when jobs take over 3 days to close", 72),
    ("alert me if complaints take longer than 24 hours to sort out", 24),
    ("bathroom fitter: tell me when support cases take more than 2 days to resolve", 48),
])
def test_tickets_taking_over_a_time_to_close_watch_the_resolution_time(rules, question, hours):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert plan.args["metric"] == "resolution_time"
    assert plan.args["condition"] == "above" and plan.args["value"] == hours


@pytest.mark.parametrize(("question", "segment"), [
    ("cat cafe loyalty stampers who might stop coming", "loyalty"),
    ("which vip bookers are at risk of drifting away", "vip"),
    ("archery range: vip shooters likely to lapse", "vip"),
])
def test_a_group_then_the_trades_word_for_its_people_is_that_group(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "at_risk_customers"
    assert plan.args["filters"]["segment"] == [segment]


@pytest.mark.parametrize(("question", "segment"), [
    ("cat cafe: any fresh churn risks among the loyalty members?", "loyalty"),
    ("the latest flight risks among our vip clients", "vip"),
    ("hot tub hire: brand new churn risks among the vips this week", "vip"),
])
def test_fresh_or_latest_churn_risks_are_the_newly_at_risk(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "newly_at_risk"
    assert plan.args["filters"]["segment"] == [segment]


@pytest.mark.parametrize("question", ["churn risks among the vips", "who are the churn risks at the cat cafe",
                                      "mattress shop: our biggest churn risks right now"])
def test_churn_risks_in_the_plural_are_people_not_the_churn_rate(rules, question):
    assert _plan(rules, question).spec.name == "at_risk_customers"


@pytest.mark.parametrize(("question", "by"), [
    ("which channel brings in the customers worth most over time", "channel"),
    ("archery range: which first channel gives us the highest value members in the long run", "channel"),
    ("cat cafe: which segment has the highest-value regulars over time", "segment"),
])
def test_the_highest_value_people_over_time_is_their_lifetime_value(rules, question, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "customer_lifetime_value"
    assert plan.args["by"] == by


def test_a_value_course_over_time_is_still_a_trend(rules):
    assert _plan(rules, "revenue over time").spec.name == "trend"


@pytest.mark.parametrize("question", [
    "chimney sweep: how many customers will we get over the next month",
    "cat cafe: how many guests are we likely to welcome in the next few weeks",
    "mattress shop: which past buyers are most likely to order again soon",
    "archery range members likeliest to book again",
])
def test_people_likely_to_buy_soon_are_the_purchase_propensity(rules, question):
    assert _plan(rules, question).spec.name == "purchase_propensity"


@pytest.mark.parametrize("question", ["how much will we take in the coming weeks",
                                      "what should the hot tub hire bring in over the next month"])
def test_money_to_come_stays_the_revenue_forecast(rules, question):
    assert _plan(rules, question).spec.name == "revenue_forecast"


@pytest.mark.parametrize(("question", "segment"), [
    ("cat cafe: what should we do for the loyalty members, a line per person", "loyalty"),
    ("hot tub hire next steps for lapsed vips, client by client", "vip"),
    ("bathroom fitter: recommended moves for the vip clients, one line each", "vip"),
])
def test_one_line_each_lists_the_actions_customer_by_customer(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "next_best_actions"
    assert plan.args["level"] == "customers" and plan.args["filters"]["segment"] == [segment]
