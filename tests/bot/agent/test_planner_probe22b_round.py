"""Readings added in phase X (lane g-probe22b) by class, from probe22b's misses (a probe written
before the lane looked at the planner), on phrasings written for this round in other trades
(rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # the business named before its site or doors
    ("how many people landed on the pottery studio site for the first time this week", "new_visitors"),
    ("how many members came through the climbing wall doors last month", "active_customers"),
    # the goods named before the basket, or the baskets' side of it
    ("how often do shoppers fill a candle basket and walk off", "cart_abandonment"),
    ("what share of yarn baskets get filled and abandoned", "cart_abandonment"),
    # the trade's goods called off
    ("share of skip loads that were cancelled this quarter", "cancellation_rate"),
])
def test_a_trade_word_inside_a_kpi_phrase_keeps_the_kpi(rules, question, metric):
    plan = rules.plan(question, "p22b-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis" and metric in plan.args.get("metrics", []), (question, plan.args)


@pytest.mark.parametrize(("question", "hours"), [
    ("basket abandonment, counting a cart as dumped after 36 hours", 36),
    ("cart abandonment if a basket counts as abandoned after two days", 48),
])
def test_a_cart_counted_as_dumped_after_hours_sets_the_window(rules, question, hours):
    assert_plans(rules, question, "kpis", metrics=["cart_abandonment"], cart_window_hours=hours)


@pytest.mark.parametrize(("question", "by", "metric", "focus"), [
    # a web session ending in a sale is the share of sessions, not the orders
    ("what weekday do site visits most often end with a booking", "weekday", "session_conversion", None),
    ("which hour does a web session usually end in a purchase", "hour", "session_conversion", None),
    # one month or day beating the rest: that month (day) in focus
    ("does march beat every other month for kite orders", "month", "orders", "March"),
    ("does friday outsell the other nights for pies", "weekday", "orders", "Friday"),
    # the busiest said as an owner feels it, in the trade's own units
    ("which month are we flat out with kayak hires", "month", "orders", None),
    ("which month are we snowed under with lesson bookings", "month", "orders", None),
])
def test_when_a_kpi_peaks_said_in_owners_words(rules, question, by, metric, focus):
    assert_plans(rules, question, "time_pattern", by=by, metric=metric, focus=focus)


@pytest.mark.parametrize(("question", "args"), [
    ("anyone in Redland likely to rent a paddleboard soon", {"filters": {"city": ["Redland"]}}),
    ("clients we already have with better than 60% odds of another booking", {"who": "customers", "min_probability": 0.6}),
    ("guests we already have, who's likely to book", {"who": "customers"}),
])
def test_hiring_is_buying_and_customers_we_have_are_customers(rules, question, args):
    assert_plans(rules, question, "purchase_propensity", **args)


@pytest.mark.parametrize("question", [
    "which members will rebook even if we don't offer a deal",
    "florist regulars who'd reorder even if i give no voucher, who are they",
])
def test_buying_on_even_with_no_discount_needs_none(rules, question):
    assert_plans(rules, question, "next_best_actions", action="no_discount_needed")


@pytest.mark.parametrize("question", [
    "in which region has the repeat rate slipped most this quarter",
    "which age group has the avg order value sagged most in this month",
])
def test_a_kpi_that_slipped_by_group_is_ranked_by_change(rules, question):
    plan = rules.plan(question, "p22b-" + question)
    assert plan.spec is not None and plan.spec.name == "movers" and plan.args.get("rank", "change") == "change", plan.args


@pytest.mark.parametrize(("question", "tool"), [
    ("funnel by the first channel people came in through", "funnel"),
    ("the whole funnel, split by the first channel", "funnel"),
])
def test_the_first_channel_said_plainly_is_the_first_touch_channel(rules, question, tool):
    assert_plans(rules, question, tool, by="channel")


@pytest.mark.parametrize(("question", "query_word"), [
    ("quotes from guests in Redland about the hotel wifi", "wifi"),
    ("show me moans about late parcels from last month", "parcels"),
])
def test_complaints_by_another_name_about_a_topic_are_searched(rules, question, query_word):
    plan = rules.plan(question, "p22b-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search" and query_word in (plan.args.get("query") or ""), plan.args


def test_from_one_week_to_the_next_is_week_by_week(rules):
    assert_plans(rules, "are diners' comments getting grumpier from one week to the next", "feedback_sentiment", by="week")


@pytest.mark.parametrize(("question", "value"), [
    ("lower the refunds alarm so it fires at 3", 3.0),
    ("move the takings alert so it goes off at 400", 400.0),
])
def test_an_alert_changed_so_it_trips_at_a_number_gets_that_value(rules, question, value):
    assert_plans(rules, question, "change_alert_rule", value=value)


def test_a_kenyan_sawa_at_the_end_keeps_a_follow_up(rules):
    key = "p22b-sawa"
    rules.remember(key, rules.plan("which vip clients might leave us? biggest spenders first", key))
    assert_plans(rules, "add the medium risk folk too, sawa", "at_risk_customers", key=key,
                 tier="high_and_medium", sort_by="value", filters={"segment": ["vip"]})

