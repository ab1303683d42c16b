"""Readings added in phase P (lane g-ps2) by class, from blind14's time_pattern, movers, funnel,
drop-offs and paths misses, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _after(rules, first, then):
    key = "ps2-" + first + then
    rules.remember(key, rules.plan(first, key))
    return rules.plan(then, key)


# -- time_pattern: what is counted, and one weekday (in the plural) judged ------------------------

@pytest.mark.parametrize(("question", "metric", "by"), [
    ("what hour do customer enquiries usually land at the garage", "tickets", "hour"),
    ("which day of the week do most inquiries come in for the letting agency", "tickets", "weekday"),
    ("what time o day does the till ring most at the chippy", "orders", "hour"),
    ("which weekday has the most abandoned wine carts", "cart_abandonment", "weekday"),
    ("which day of the week do new patients book their first physio session", "orders", "weekday"),
])
def test_what_a_time_pattern_counts_is_read_from_the_words(rules, question, metric, by):
    assert_plans(rules, question, "time_pattern", metric=metric, by=by)


@pytest.mark.parametrize(("question", "focus"), [
    ("how do tuesdays do for florist orders", "Tuesday"),
    ("how are saturdays for the barber's takings, this year", "Saturday"),
    ("are fridays the busiest for guest complaints at the b&b", "Friday"),
])
def test_a_weekday_in_the_plural_judged_is_its_place_in_the_week(rules, question, focus):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=focus)


# -- movers: a group asked for its part in a change, and the KPI said inside it --------------------

@pytest.mark.parametrize(("question", "metric"), [
    ("which source moved site visits most this week compared with last week", "sessions"),
    ("which source brought in more new members this week than last week", "new_visitors"),
    ("which first-touch channel explains why fewer riders booked last month", "buyers"),
])
def test_a_group_asked_for_its_part_in_a_change_is_the_movers(rules, question, metric):
    assert_plans(rules, question, "movers", metric=metric, by="channel")


def test_the_things_we_sell_counted_in_a_group_change_are_the_orders(rules):
    assert_plans(rules, "which suburb is dragging down the number of sofas we sell", "movers", metric="orders", by="city")


def test_bookers_per_town_are_the_buyers_and_a_follow_up_keeps_them(rules):
    assert_plans(rules, "class bookers per town last month", "movers", metric="buyers", by="city", rank="value")
    plan = _after(rules, "class bookers per town last month", "now by region")
    assert plan.spec.name == "movers"
    assert (plan.args["metric"], plan.args["by"], plan.args["period"]) == ("buyers", "region", {"name": "last_month"})


# -- funnel, drop-offs, paths: stages and steps in everyday words, segments said in a trade's words -

@pytest.mark.parametrize(("question", "stages"), [
    ("where do pottery students drop off between browsing and booking", ["consideration", "decision", "purchase"]),
    ("how many homeowners go from requesting an estimate to paying", ["decision", "purchase"]),
    ("for people who found us on instagram, how many go from just looking to a signed proposal to paying",
     ["consideration", "decision", "purchase"]),
    ("of those at the decision stage in october, how many went on to pay for the kitchen", ["decision", "purchase"]),
])
def test_stages_said_as_what_people_do_are_the_funnels_steps(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


def test_a_group_named_after_each_stage_splits_the_funnel(rules):
    assert_plans(rules, "conversion at each stage for candle shoppers split by region", "funnel", by="region")


def test_paid_at_the_end_of_a_chain_of_steps_is_the_order(rules):
    assert_plans(rules, "funnel from product page to basket to paid, last month", "funnel",
                 touchpoints=["product_view", "add_to_cart", "order_placed"])


@pytest.mark.parametrize(("question", "goal"), [
    ("where do visitors leave the tea site without ordering online", "order_placed"),
    ("people who filled a basket but never got to checkout, where were they last", "checkout_start"),
])
def test_the_step_people_missed_is_the_drop_offs_goal(rules, question, goal):
    assert_plans(rules, question, "dropoffs", goal_touchpoint=goal)


@pytest.mark.parametrize(("question", "tool"), [
    ("where do the vip wine collectors give up before buying", "dropoffs"),
    ("what steps do the vip investors go through before signing", "paths"),
])
def test_a_segment_named_with_a_trades_people_filters_the_journey(rules, question, tool):
    assert_plans(rules, question, tool, filters={"segment": ["vip"]})


def test_how_non_buyers_move_around_is_their_paths(rules):
    assert_plans(rules, "how do people who don't book a tasting move around the site", "paths")
