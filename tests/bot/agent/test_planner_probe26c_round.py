"""Readings added in phase AB (lane g-probe26c) by class, from probe26c's and blind25's misses on
movers, goods, funnels and journeys, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "args"), [
    ("where do the skate shop's browsers slip away before buying", {}),
    ("where do tyre fitting enquirers slip off before they reach the checkout page", {"goal_stage": "decision"}),
    ("top 4 spots piano pupils slip away before paying", {"top": 4}),
    ("where do shoppers drift off before a bag of compost ever lands in the basket", {"goal_touchpoint": "add_to_cart"}),
])
def test_people_slipping_away_before_a_goal_are_the_drop_offs(rules, question, args):
    assert_plans(rules, question, "dropoffs", goal_touchpoint=args.get("goal_touchpoint"),
                 **{k: v for k, v in args.items() if k != "goal_touchpoint"})
    plan = rules.plan(question, "p26c-goal-" + question)
    assert plan.args.get("goal_stage", "purchase") == args.get("goal_stage", "purchase"), plan.args
    assert "period" not in plan.args, plan.args  # "ever lands" is no span of dates


def test_the_most_ever_sold_is_still_all_the_data(rules):
    plan = rules.plan("what's the most tyres we ever fitted in a week", "p26c-ever")
    assert plan.slots.period == "all", plan.slots


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("whose fault is the refund rate going up at the bike shop, per age band", "refund_rate", "age_band"),
    ("bike hire: whose fault is it that bookings are going down, per segment", "orders", "segment"),
])
def test_whose_fault_a_kpi_is_moving_is_movers_by_change(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)
    assert rules.plan(question, "p26c-r-" + question).args.get("rank", "change") == "change"


@pytest.mark.parametrize("follow_up", ["ski hire takings slide, first channel this time", "and by first channel this time"])
def test_a_follow_up_naming_a_group_this_time_recuts_the_same_change(rules, follow_up):
    key = "p26c-this-time-" + follow_up
    rules.remember(key, rules.plan("ski hire: which segment explains the slide in takings last month", key))
    assert_plans(rules, follow_up, "movers", key=key, metric="revenue", by="channel", period={"name": "last_month"})
    assert rules.plan(follow_up, key).args.get("rank", "change") == "change"


@pytest.mark.parametrize(("question", "args"), [
    ("which chutneys sold the fewest jars since august", {"by": "product", "measure": "units", "order": "bottom"}),
    ("which of the candles sold the fewest this month", {"by": "product", "measure": "units", "order": "bottom"}),
    ("surf shop: wetsuits growing fastest by units", {"by": "product", "measure": "units", "rank": "change"}),
    ("which of our ciders picked up the most in september, against the month before", {"by": "product", "rank": "change"}),
])
def test_goods_ranked_in_words_are_product_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize(("question", "stages"), [
    ("loft conversions: every step from a family first hearing of us to a signed build contract",
     ["awareness", "consideration", "decision", "purchase"]),
    ("the whole way from folk first hearing about the yard to an agreed job, every step",
     ["awareness", "consideration", "decision", "purchase"]),
    ("campers who paid: how many went on thru the after-sales bit and then wrote a review",
     ["purchase", "post-purchase", "advocacy"]),
])
def test_a_funnel_said_as_a_journey_has_its_stages(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


def test_two_kinds_of_group_beside_each_other_are_two_maps(rules):
    assert_plans(rules, "journey map for the vip lot next to the instagram finds", "journey_map",
                 filters={"segment": ["vip"]}, compare_filters={"channel": ["instagram"]})
    assert_plans(rules, "pottery journey map, Redland customers beside everyone in Bristol", "journey_map",
                 filters={"city": ["Redland"]}, compare_filters={"region": ["Bristol"]})


def test_the_journey_with_touchpoints_and_pain_points_is_the_map(rules):
    key = "p26c-map"
    question = "the garden centre's customer journey last month, with the touch points and pain points"
    assert_plans(rules, question, "journey_map", key=key, period={"name": "last_month"})
    rules.remember(key, rules.plan(question, key))
    assert_plans(rules, "now only the purchase stage close up", "journey_map", key=key, stage="purchase")


def test_trade_people_named_before_the_question_keep_their_spend(rules):
    assert_plans(rules, "climbing wall: lapsed wall regulars who spent the most, who should we win back",
                 "next_best_actions", action="win_back_valuable")


@pytest.mark.parametrize("question", [
    "pottery pupils: the usual route on the way to a class booked online, last 3 steps",
    "typical paths to ordering a hamper online",
])
def test_routes_to_buying_online_end_at_the_order_placed(rules, question):
    assert_plans(rules, question, "paths", goal_touchpoint="order_placed")


def test_redo_it_with_another_group_recuts_the_last_movers(rules):
    key = "p26c-redo"
    rules.remember(key, rules.plan("which segment explains the dip in lane bookings last month", key))
    assert_plans(rules, "redo that using the regions they live in", "movers", key=key, metric="orders", by="region",
                 period={"name": "last_month"})


def test_two_named_months_compared_stay_a_compare_with_headline_words(rules):
    assert_plans(rules, "compare july with august, headline numbers for the vans", "compare",
                 period={"start": "2026-07-01", "end": "2026-07-31"}, against={"start": "2026-08-01", "end": "2026-08-31"})


def test_valued_people_slipping_away_are_still_at_risk(rules):
    assert_plans(rules, "our top bakery spenders, are any of them slipping away?", "at_risk_customers")
