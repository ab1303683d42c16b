"""Readings added in phase Q (lane g-probe15b) by class, from the misses of a probe in new trades
(tests/questions_probe15b.yaml), on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # a wait said with the goods before their arrival
    ("kayak hire: how many days for the paddles to reach people, on average", "delivery_time"),
    ("how many days for the kits to reach schools", "delivery_time"),
    ("roughly how many days for the parcels to get to customers", "delivery_time"),
    # the first reply, said as answering a first message
    ("sign writer: median time for us to answer a new enquiry", "first_response_time"),
    ("how long does it take the team to reply to a client's first email", "first_response_time"),
    ("time it takes us to respond to an initial query, locksmith", "first_response_time"),
    # the repeat rate, in the trade's own verb
    ("what share of climbers have booked more than once", "repeat_purchase_rate"),
    ("percentage of pupils who enrolled again", "repeat_purchase_rate"),
    ("karaoke bar: proportion of groups that reserved a room more than once", "repeat_purchase_rate"),
    # the share closed, the doer named before the verb
    ("of the complaints raised in october, what share did we resolve", "resolution_rate"),
    ("what percentage of support queries did the team sort out this month", "resolution_rate"),
    # the money taken, whoever brought it
    ("how much money the pottery course brought since september", "revenue"),
    ("how much cash has the kiosk taken in this week", "revenue"),
    ("abeg how much money the car wash don bring this month", "revenue"),
    ("how much have the pony rides taken since august", "revenue"),
    ("how much did the fete take on the gate on saturday", "revenue"),
    ("how many days for the wetsuits to get delivered", "delivery_time"),
    ("curtain shop: how long for the blinds to be delivered", "delivery_time"),
])
def test_kpi_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_the_count_closed_is_the_resolved_tickets(rules):
    assert_plans(rules, "of the tickets raised last week, how many did we close", "kpis", metrics=["resolved_tickets"])


@pytest.mark.parametrize(("question", "by"), [
    ("escape room: average orders per weekday", "weekday"),
    ("average orders per hour of the day at the noodle bar", "hour"),
])
def test_average_bookings_per_day_are_a_count_not_the_order_value(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="orders", by=by)


@pytest.mark.parametrize("question", [
    "which stage do most climbing leads get stuck at",
    "at what stage do van hire enquiries stall",
])
def test_stuck_at_a_stage_is_the_stage_dropoffs(rules, question):
    assert_plans(rules, question, "dropoffs", level="stage")


def test_a_chain_written_with_arrows_ends_at_the_order(rules):
    assert_plans(rules, "plant shop: product page > basket > checkout > order, step conversion", "funnel",
                 touchpoints=["product_view", "add_to_cart", "checkout_start", "order_placed"])


@pytest.mark.parametrize(("question", "measure", "by"), [
    ("which customer segment rates the sourdough highest", "review_score", "segment"),
    ("piercing studio: which channel rates the aftercare lowest", "review_score", "channel"),
    ("would diners recommend us, split by the channel they first came from", "nps", "channel"),
    ("recommend score by first channel, please", "nps", "channel"),
])
def test_a_rating_split_by_group_is_satisfaction_by(rules, question, measure, by):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by=by)


@pytest.mark.parametrize(("question", "sentiment"), [
    ("top things guests love about the escape rooms", "positive"),
    ("best bits customers love about the ferry trips", "positive"),
    ("the top 5 things riders hate about the stables", "negative"),
])
def test_a_ranked_list_of_what_people_love_or_hate_is_the_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize(("question", "p"), [
    ("anyone 80% likely to book a lesson soon", 0.8),
    ("which golfers are 65 percent likely to buy again", 0.65),
])
def test_a_bare_likelihood_is_the_minimum_probability(rules, question, p):
    assert_plans(rules, question, "purchase_propensity", min_probability=p)
