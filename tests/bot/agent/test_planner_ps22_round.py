"""Readings added in phase W (lane g-ps22) by class, from blind21's feedback, drop-off and compare
misses, on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what have the darts fans been griping about lately", "negative"),
    ("what makes diners unhappy with the bistro", "negative"),
    ("what's making the campers cross at the site this summer", "negative"),
    ("what makes the dog walkers happy", "positive"),
    ("and what do the yoga regulars like", "positive"),
])
def test_a_feeling_named_with_the_people_is_the_themes_polarity(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize(("question", "goal"), [
    ("where do shoppers drift away before getting a scarf in the trolley", "add_to_cart"),
    ("where do guests bail before they stick a voucher in the basket", "add_to_cart"),
    ("where do people give up before they pop a loaf into the basket", "add_to_cart"),
    ("where did cake browsers vanish if they never made it as far as booking online", "order_placed"),
    ("where do visitors give up before they get round to paying online", "order_placed"),
])
def test_the_step_never_reached_said_as_a_deed_is_the_goal(rules, question, goal):
    assert_plans(rules, question, "dropoffs", goal_touchpoint=goal)


@pytest.mark.parametrize("question", [
    "where were the lapsed climbers last seen, by stage",
    "show me where our lost patients were seen last, per journey stage",
])
def test_where_the_lost_were_last_seen_is_where_they_dropped(rules, question):
    assert_plans(rules, question, "dropoffs", level="stage")


@pytest.mark.parametrize("question", [
    "did the garage get fewer moans in october than in september",
    "are the guests sending more complaints this month than last",
])
def test_more_complaints_one_span_than_another_is_the_tickets_compared(rules, question):
    assert_plans(rules, question, "compare", metrics=["tickets"])


@pytest.mark.parametrize(("question", "by"), [
    ("how are the form responses coming across, per channel", "channel"),
    ("how are the survey replies sounding, by stage", "stage"),
])
def test_how_the_texts_are_sounding_is_their_mood(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize(("question", "args"), [
    ("moans about the chips arriving cold", {}),
    ("gripes about the pies going cold, after-sales stage only", {"stage": ["post-purchase"]}),
    ("moans about the ramen gone cold by the time it arrived", {}),
    ("dig out anything about the parking meters, from Clifton folk", {"city": ["Clifton"]}),
])
def test_texts_on_a_topic_asked_bare_are_a_search(rules, question, args):
    assert_plans(rules, question, "feedback_search", **args)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which first channel got grumpier on nps this month", "nps", "channel"),
    ("which first source has become unhappier on csat lately", "csat", "channel"),
])
def test_the_first_channel_that_changed_mood_is_movers(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("cancellations at the gallery have inched up this month, which segment is it down to", "cancelled_orders", "segment"),
    ("refunds ticked up last quarter, which region was that", "refunded_orders", "region"),
])
def test_a_kpi_that_crept_up_then_which_group_is_movers(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("was september quieter than october for haircuts",
     {"start": "2026-09-01", "end": "2026-09-30"}, {"start": "2026-10-01", "end": "2026-10-31"}),
    ("was the first half of september busier than the first half of october for pedicures",
     {"start": "2026-09-01", "end": "2026-09-15"}, {"start": "2026-10-01", "end": "2026-10-15"}),
])
def test_busier_for_the_goods_said_first_is_their_orders_in_that_order(rules, question, period, against):
    assert_plans(rules, question, "compare", metrics=["orders"], period=period, against=against)
