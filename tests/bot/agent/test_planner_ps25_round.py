"""Readings added in phase X (lane g-ps25) by class, from blind22's misses, on phrasings written
for this round in other trades and words (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "show my alerts except the paused ones",
    "what rules have we got, minus any that are turned off",
    "list the bakery's alert rules but not the disabled ones",
])
def test_switched_off_rules_struck_out_are_left_out(rules, question):
    assert_plans(rules, question, "list_alert_rules", include_disabled=False)


def test_switched_off_rules_counted_in_are_still_included(rules):
    assert_plans(rules, "list all alert rules including the disabled ones", "list_alert_rules", include_disabled=True)


@pytest.mark.parametrize("question", [
    "open up the after-sales stage of the kayak rental journey",
    "show the after sales phase of the boat hire journey",
])
def test_the_after_sales_stage_named_is_the_post_purchase_of_the_map(rules, question):
    assert_plans(rules, question, "journey_map", stage="post-purchase")


@pytest.mark.parametrize("question", [
    "of guests who booked, how many made it through the after-sales step to posting a review",
    "out of the patients that paid, how many got through aftercare to leaving a review",
])
def test_from_those_who_paid_through_after_sales_to_a_review_is_a_three_stage_funnel(rules, question):
    assert_plans(rules, question, "funnel", stages=["purchase", "post-purchase", "advocacy"])


@pytest.mark.parametrize(("question", "value"), [
    ("ping me if door money falls 20% week on week", 20.0),
    ("tell me when gate money drops by 25% week on week", 25.0),
])
def test_money_taken_for_entry_is_revenue(rules, question, value):
    assert_plans(rules, question, "create_alert_rule", metric="revenue", condition="drops_by", value=value)


def test_entry_money_asked_plainly_stays_revenue(rules):  # read before this round too
    assert_plans(rules, "how much gate money did we take last month", "kpis", metrics=["revenue"])


@pytest.mark.parametrize(("question", "date"), [
    ("bowling alley summary for the day, monday the 9th", "2026-11-09"),
    ("gift shop summary for the day, tuesday the 10th", "2026-11-10"),
])
def test_a_summary_for_the_day_is_the_days_digest(rules, question, date):
    assert_plans(rules, question, "digest", date=date)


@pytest.mark.parametrize(("question", "lo", "hi"), [
    ("what did guests who rated us 9 or 10 say about the spa", 9, 10),
    ("the ones who gave 0 to 6, what are they saying about parking", 0, 6),
])
def test_a_score_band_past_five_is_the_nps_band(rules, question, lo, hi):
    assert_plans(rules, question, "feedback_search", min_nps=lo, max_nps=hi)


def test_a_band_within_five_stays_the_satisfaction_score(rules):
    assert_plans(rules, "what do people who scored us 4 or 5 say", "feedback_search", min_csat=4, max_csat=5)


@pytest.mark.parametrize(("question", "goal"), [
    ("where do skaters give up before checking out", {"goal_stage": "decision"}),
    ("where do gamers drop off before checking out this month", {"goal_stage": "decision"}),
    ("where do folk bail before hiring a paddleboard online", {"goal_touchpoint": "order_placed"}),
    ("where do people drop out before reserving a table online", {"goal_touchpoint": "order_placed"}),
])
def test_the_goal_of_a_dropoff_said_as_checking_out_or_the_trades_buying_online(rules, question, goal):
    assert_plans(rules, question, "dropoffs", **goal)


@pytest.mark.parametrize(("question", "by"), [
    ("active pilates members per age group this month", "age_band"),
    ("active climbing wall members per segment this month", "segment"),
])
def test_active_members_named_with_their_trade_are_active_customers(rules, question, by):
    assert_plans(rules, question, "movers", metric="active_customers", by=by, rank="value")


@pytest.mark.parametrize(("question", "by"), [
    ("kayak hires moved a lot this month, which channel is that down to", "channel"),
    ("tattoos moved loads this month, which age band is that down to", "age_band"),
])
def test_the_trades_units_that_moved_a_lot_are_orders(rules, question, by):
    assert_plans(rules, question, "movers", metric="orders", by=by)


@pytest.mark.parametrize("question", [
    "which scented candles shifted the most units this year",
    "which woollen jumpers shifted the most units this year",
])
def test_goods_with_the_trades_word_before_them_are_product_sales(rules, question):
    assert_plans(rules, question, "product_sales", by="product", measure="units")


@pytest.mark.parametrize("question", [
    "candle lines ranked by revenue",
    "saddle ranges sorted by takings last quarter",
])
def test_kinds_of_goods_ranked_by_money_are_categories(rules, question):
    assert_plans(rules, question, "product_sales", by="product_category", measure="revenue")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what do pupils love most about judo", "positive"),
    ("what do diners like least about parking", "negative"),
])
def test_liked_most_or_least_about_a_thing_named_bare_is_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


def test_liked_about_a_thing_without_most_is_the_praise(rules):
    # since phase AC (probe27c, after blind26's convention: "what do folk enjoy about ..." is the
    # praise's themes), enjoying something is asked of the positive themes, not a topic search
    assert_plans(rules, "what do clients enjoy about pilates", "feedback_themes", sentiment="positive")


@pytest.mark.parametrize("question", [
    "the tennis members moaning in their tickets, what about mainly",
    "netball lot grumbling in support tickets, what about mostly",
])
def test_griping_with_what_about_last_is_themes(rules, question):
    assert_plans(rules, question, "feedback_themes", sentiment="negative")


@pytest.mark.parametrize(("question", "by"), [
    ("which channel has the highest net promoter", "channel"),
    ("which member segment gives the lowest net promoter", "segment"),
])
def test_net_promoter_without_score_is_rated_by_group(rules, question, by):
    assert_plans(rules, question, "satisfaction_by", measure="nps", by=by)


@pytest.mark.parametrize(("question", "filters"), [
    ("chart the way instagram members go through our journey", {"channel": ["instagram"]}),
    ("draw how the vip clients travel through the customer journey", {"segment": ["vip"]}),
])
def test_mapping_how_a_group_moves_through_the_journey_is_the_map(rules, question, filters):
    assert_plans(rules, question, "journey_map", filters=filters)


def test_one_period_left_and_one_right_is_two_maps(rules):
    assert_plans(rules, "journey map this week on the left, last week to the right", "journey_map",
                 period={"name": "this_week"}, compare_period={"name": "last_week"})


def test_zooming_the_map_just_drawn_keeps_its_group_and_period(rules):
    key = "ps25-zoom"
    rules.remember(key, rules.plan("journey map for vip customers this quarter", key))
    assert_plans(rules, "zoom that bakery map in on the checkout stage", "journey_map", key=key,
                 stage="decision", filters={"segment": ["vip"]}, period={"name": "this_quarter"})
