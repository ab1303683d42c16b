"""Readings added in phase Q (lane g-probe15c) by class, from the misses of a probe in new trades
(tests/questions_probe15c.yaml), on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _conversation(rules, key, *questions):
    """Ask each question in one conversation; the plan of the last one."""
    plan = None
    for question in questions:
        plan = rules.plan(question, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "period", "against"), [
    ("how did the bakery do in august compared with july",
     {"start": "2026-08-01", "end": "2026-08-31"}, {"start": "2026-07-01", "end": "2026-07-31"}),
    ("how did we get on in q3 against q2",
     {"start": "2026-07-01", "end": "2026-09-30"}, {"start": "2026-04-01", "end": "2026-06-30"}),
])
def test_how_the_business_did_in_two_named_periods_compares_them(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("question", "metric"), [
    # the owner's own promise is no customer feedback
    ("share of flat-pack kits that arrived on the day we said, this quarter", "on_time_delivery"),
    # a visit's length, the trade named before the site
    ("how long do punters stick around on the candle web shop", "session_length"),
    ("how long do people hang about on the bike shop site", "session_length"),
    # the trade's own money
    ("van hire money since june", "revenue"),
    ("marquee hire money for last month", "revenue"),
    # customers who took it again, however the trade says it
    ("how many clients rented a van from us again this quarter", "repeat_customers"),
    # people who dealt with the business in any way
    ("how many people dealt with the yard last week", "active_customers"),
    ("how many dog owners interacted with the salon in any way this week", "active_customers"),
    # queries nobody has closed
    ("how many tenants have an issue that nobody's sorted yet", "open_tickets"),
    # from the order to the goods turning up
    ("hours between checkout and the parcel landing, typically", "delivery_time"),
    ("how many days from order to the sofa turning up at the customer's house", "delivery_time"),
    # the typical basket growing or shrinking
    ("is the usual cheese order getting smaller", "aov"),
])
def test_kpi_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_the_trades_word_for_a_job_sets_an_alert_on_orders(rules):
    assert_plans(rules, "warn me when call-outs go over 10 in a day", "create_alert_rule", metric="orders",
                 condition="above")
    assert_plans(rules, "let me know if removal jobs fall below 3 a day", "create_alert_rule", metric="orders",
                 condition="below")


def test_a_quote_for_a_named_job_is_the_decision_step(rules):
    assert_plans(rules, "funnel from asking for a kitchen quote to paying", "funnel", stages=["decision", "purchase"])
    assert_plans(rules, "step by step from asking for a roofing quote to paying", "funnel",
                 stages=["decision", "purchase"])
    assert_plans(rules, "what do people do before requesting a loft quote", "paths", goal_touchpoint="quote_request")


@pytest.mark.parametrize("question", [
    "funnel product page, basket, checkout, order placed",
    "product page > basket > checkout > order, how many get through",
])
def test_steps_listed_with_arrows_or_commas_are_a_funnel_of_touchpoints(rules, question):
    assert_plans(rules, question, "funnel", touchpoints=["product_view", "add_to_cart", "checkout_start", "order_placed"])


@pytest.mark.parametrize(("question", "by"), [
    ("positive vs negative comments by stage", "stage"),
    ("good vs bad reviews by month", "month"),
])
def test_two_feelings_set_against_each_other_are_the_feedback_split(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize(("first", "then", "metric"), [
    ("worst 10 percent of ticket resolution times this quarter", "and on average?", "resolution_time"),
    ("slowest tenth of parcel deliveries last month", "what about the typical one", "delivery_time"),
])
def test_a_follow_up_back_to_the_median(rules, first, then, metric):
    plan = _conversation(rules, "p15c-median-" + first, first, then)
    assert plan.spec.name == "kpis" and plan.args.get("metrics") == [metric], plan.args


@pytest.mark.parametrize(("first", "then", "channel"), [
    ("funnel for instagram customers", "facebook instead of instagram", ["facebook"]),
    ("funnel for instagram customers", "replace instagram with tiktok", ["tiktok"]),
])
def test_a_filter_swapped_for_another_keeps_only_the_new_one(rules, first, then, channel):
    plan = _conversation(rules, "p15c-swap-" + then, first, then)
    assert plan.spec.name == "funnel" and plan.args.get("filters") == {"channel": channel}, plan.args


def test_a_segment_named_as_accounts_is_the_segment(rules):
    assert_plans(rules, "at risk vip accounts", "at_risk_customers", filters={"segment": ["vip"]})


@pytest.mark.parametrize(("question", "measure"), [
    ("are our vip clients happier than everyone else", "csat"),
    ("are lead customers happier than the rest", "csat"),
])
def test_a_segment_against_everyone_else_is_satisfaction_by_segment(rules, question, measure):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by="segment")
