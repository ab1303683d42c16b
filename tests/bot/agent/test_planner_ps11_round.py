"""Readings added in the post-score round (lane ps11) by class, from blind17's movers, funnel,
drop-off and satisfaction misses, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("bookings were all over the place last month, which segment did that", "segment", "orders"),
    ("which channel brought the jump in court bookings last week", "channel", "orders"),
    ("which age band brought the drop in lessons this month", "age_band", "orders"),
])
def test_a_change_pinned_on_a_group_in_blame_words_is_movers(rules, question, by, metric):
    assert_plans(rules, question, "movers", by=by, metric=metric)


def test_which_channels_bring_people_in_stays_the_paths(rules):
    assert_plans(rules, "which channels bring clients in and which close the deal", "paths")


@pytest.mark.parametrize(("question", "by", "rank"), [
    ("which segment is to blame for fewer climbs this month", "segment", None),
    ("Clifton vs Redland fittings last month", "city", "value"),
])
def test_a_trade_unit_counted_by_group_is_orders(rules, question, by, rank):
    expected = {"rank": rank} if rank else {}
    assert_plans(rules, question, "movers", by=by, metric="orders", **expected)


def test_an_average_bill_is_what_one_order_is_worth(rules):
    assert_plans(rules, "average dinner bill last month", "kpis", metrics=["aov"])
    assert_plans(rules, "avg bar bill, Cotham against Redland", "movers", metric="aov", by="city", rank="value")
    assert_plans(rules, "what's our average electricity bill", None)


@pytest.mark.parametrize("question", [
    "lesson funnel by where learners first heard about us",
    "enquiry funnel split by where our tenants first found us",
])
def test_where_any_trade_s_people_first_found_us_is_the_channel(rules, question):
    assert_plans(rules, question, "funnel", by="channel")


@pytest.mark.parametrize("question", [
    "which stage of the journey do members rate worst out of 5",
    "which bit of the booking journey do guests score lowest",
    "which stage do patients rate lowest",
])
def test_the_stage_rated_lowest_is_the_review_score_by_stage(rules, question):
    assert_plans(rules, question, "satisfaction_by", measure="review_score", by="stage")


@pytest.mark.parametrize("question", [
    "where do campers drift off before booking pitches online",
    "which step do shoppers leave at if they never bought anything through the app",
])
def test_never_buying_online_is_the_web_order_missed(rules, question):
    assert_plans(rules, question, "dropoffs", goal_touchpoint="order_placed")


def test_the_web_order_missed_is_kept_by_a_stage_follow_up(rules):
    key = "ps11-web-order"
    first = "where did browsers who never ordered on the website go missing last month"
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, "show that by journey stage", "dropoffs", key=key, goal_touchpoint="order_placed",
                 level="stage", period={"name": "last_month"})
