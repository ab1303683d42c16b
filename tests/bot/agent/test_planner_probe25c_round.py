"""Readings added in phase AA (lane g-probe25c) by class, from probe25c's and blind24's misses on
groups, goods and people to act on, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "focus"), [
    ("sunday's our big day for roast covers, yeah?", "Sunday"),
    ("tuesday, the busiest night at the quiz pub or a myth?", "Tuesday"),
    ("reckon thursday's the pottery cafe's big day?", "Thursday"),
])
def test_a_weekday_held_up_as_our_big_day_is_weighed_against_the_week(rules, question, focus):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=focus, period=None)


@pytest.mark.parametrize(("question", "by"), [
    ("was it the loyalty members or the leads that drove the drop in lesson bookings", "segment"),
    ("is it the facebook crowd or the tiktok crowd dragging the candle takings down", "channel"),
])
def test_two_suspects_named_either_or_are_the_groups_of_a_change(rules, question, by):
    assert_plans(rules, question, "movers", by=by, filters=None)


@pytest.mark.parametrize(("question", "by"), [
    ("is the slump in haircut bookings all down to a single town", "city"),
    ("is the dip in kayak hires because of one age band", "age_band"),
])
def test_a_change_down_to_one_group_is_every_groups_share(rules, question, by):
    assert_plans(rules, question, "movers", by=by)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which crm segment explains fewer candle buyers this month", "buyers", "segment"),
    ("which acquisition channel is responsible for fewer lantern buyers last week", "buyers", "acquisition_channel"),
])
def test_fewer_buyers_said_as_the_change_are_buyers(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("cash from the yoga mats per region, top first", "region"),
    ("money per town for the bike hire, highest first", "city"),
])
def test_money_per_group_is_each_groups_revenue(rules, question, by):
    assert_plans(rules, question, "movers", metric="revenue", by=by, rank="value")


@pytest.mark.parametrize(("question", "args"), [
    ("hot sauces by units, this month", {"by": "product", "measure": "units"}),
    ("the sourdough loaves by takings", {"by": "product", "measure": "revenue"}),
    ("scented candles, diffusers and soaps by units sold since july", {"by": "product", "measure": "units"}),
    ("bike tyres, top 3 by revenue last quarter", {"by": "product", "top": 3}),
    ("boxes of fudge by number of orders", {"by": "product", "measure": "orders"}),
])
def test_goods_named_first_without_a_verb_then_a_measure_are_product_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize("question", [
    "regulars by takings this month",
    "bookings by channel this month",
])
def test_people_and_orders_by_something_stay_other_tools(rules, question):
    plan = rules.plan(question, "p25c-" + question)
    assert plan.spec is None or plan.spec.name != "product_sales", plan.args


@pytest.mark.parametrize("question", [
    "which salon clients are likely not to book again, biggest spenders first",
])
def test_likely_not_to_come_back_is_the_at_risk_list(rules, question):
    assert_plans(rules, question, "at_risk_customers", sort_by="value")


@pytest.mark.parametrize("question", [
    "who enquired about a cottage but never paid, who should i nudge",
    "folk who asked about the course but never enrolled - who do i nudge",
])
def test_asked_but_never_paid_then_nudge_is_converting_prospects(rules, question):
    assert_plans(rules, question, "next_best_actions", action="convert_prospect")


@pytest.mark.parametrize("question", [
    "which riders' owners should i personally call",
])
def test_people_i_should_personally_call_are_the_personal_follow_up(rules, question):
    assert_plans(rules, question, "next_best_actions", action="personal_follow_up")


@pytest.mark.parametrize("question", [
    "once they've booked a tour, how many get through to leaving a review",
    "after guests have paid, how many make it through the after-sales bit to writing us a review",
])
def test_once_they_have_paid_the_funnel_starts_at_the_purchase(rules, question):
    assert_plans(rules, question, "funnel", stages=["purchase", "post-purchase", "advocacy"])


@pytest.mark.parametrize("question", [
    "what do shoppers enjoy about the greengrocer's",
])
def test_what_they_love_about_the_trades_place_is_the_praise(rules, question):
    assert_plans(rules, question, "feedback_themes", sentiment="positive")


@pytest.mark.parametrize(("first", "then", "rank"), [
    ("surf lessons per town last month, most first", "rank the surf towns by how much each moved instead", "change"),
    ("which segment explains the drop in soap orders this month", "sort them by what each one sold instead", "value"),
    ("which channel is behind the fall in refunds this month", "now order them by the raw count instead", "value"),
])
def test_a_follow_up_reranking_said_in_words(rules, first, then, rank):
    key = "p25c-rank-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "movers", key=key, rank=rank)


def test_a_follow_up_group_replaces_its_own_kind_and_keeps_the_others(rules):
    key = "p25c-filters-kept"
    first = "candle takings from the loyalty lot aged 25-34 over the last 60 days"
    rules.remember(key, rules.plan(first, key))
    plan = rules.plan("and the ones aged 35-44?", key)
    assert plan.spec.name == "kpis" and plan.args.get("filters") == {"segment": ["loyalty"], "age_band": ["35-44"]}, plan.args


@pytest.mark.parametrize("question", [
    "list the alarms but ignore any off ones",
    "what alerts are set up, leave out the off rules",
])
def test_the_off_ones_left_out_are_the_switched_on_rules_only(rules, question):
    assert_plans(rules, question, "list_alert_rules", include_disabled=False)


@pytest.mark.parametrize("question", [
    "sketch a couple of types of wedding florist client",
    "draw up a few sorts of ferry passenger for me",
])
def test_a_few_kinds_of_customer_sketched_are_draft_personas(rules, question):
    assert_plans(rules, question, "draft_personas")
