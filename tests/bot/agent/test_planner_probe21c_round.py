"""Readings added in phase W (lane g-probe21c) by class, from probe21c's misses (cohorts said in
owners' words, feedback asked for by its tone), on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric", "filters"), [
    ("how many bookings did the vip folk make at the kennels last month", "orders", {"segment": ["vip"]}),
    ("surf shop: the newsletter folk, what's their refund rate this quarter", "refund_rate", {"segment": ["newsletter"]}),
])
def test_folk_after_a_group_names_its_people(rules, question, metric, filters):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", (question, plan.args)
    assert metric in plan.args.get("metrics", []) and plan.args.get("filters") == filters, plan.args


@pytest.mark.parametrize(("question", "filters"), [
    ("kindly tell me what the newsletter subscribers spent with the florist this month", {"segment": ["newsletter"]}),
    ("how much did the people who booked via tiktok and came back twice spend at the salon last month", None),
    ("how much did the over-55s (55-64) spend at the garden centre this quarter", {"age_band": ["55-64"]}),
])
def test_what_a_described_group_spent_is_the_money(rules, question, filters):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis" and plan.args.get("metrics") == ["revenue"], (question, plan.args)
    if filters:
        assert plan.args.get("filters") == filters, plan.args


@pytest.mark.parametrize("question", [
    "let me see the nastiest reviews punters left the chippy last month",
    "give us the stroppiest messages clients sent since october",
    "mek mi see di crossest reviews customers seh bout di jerk chicken",
])
def test_the_worst_texts_asked_to_be_seen_are_a_search_by_tone(rules, question):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", (question, plan.spec and plan.spec.name, plan.args)


@pytest.mark.parametrize("question", [
    "show me the grumpiest comments folk left us last month, pal",
    "pull up the most negative tings people wrote this week",
    "let me see the sourest remarks diners left us this month",
])
def test_the_worst_texts_with_no_topic_search_nothing_but_their_tone(rules, question):
    plan = rules.plan(question, "p21c-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search" and "query" not in plan.args, plan.args


def test_the_worst_texts_split_by_a_part_of_the_journey_stay_the_feeling(rules):
    assert_plans(rules, "show me the most negative feedback per touchpoint", "feedback_sentiment", by="touchpoint")


@pytest.mark.parametrize(("question", "period"), [
    ("are the gym members feeling better or worse this month than the month before", {"name": "this_month"}),
    ("is the spa crowd feeling better or worse this week than the week before", {"name": "this_week"}),
])
def test_people_feeling_better_or_worse_than_before_is_the_feeling(rules, question, period):
    assert_plans(rules, question, "feedback_sentiment", period=period)


def test_feeling_better_about_the_sales_stays_the_numbers(rules):
    plan = rules.plan("is the team feeling better about sales this week vs last", "p21c-team")
    assert plan.spec is not None and plan.spec.name == "compare", plan.args


@pytest.mark.parametrize("question", [
    "do the vip members rate the sunday roast lower than the newsletter lot",
    "do loyalty card holders rate our bike servicing better than the leads",
])
def test_one_group_rating_a_named_thing_against_another_is_satisfaction_by_segment(rules, question):
    assert_plans(rules, question, "satisfaction_by", by="segment")


@pytest.mark.parametrize(("first", "then", "period", "against"), [
    ("was august better than july for the chippy's takings", "the other way round, july first",
     {"start": "2026-07-01", "end": "2026-07-31"}, {"start": "2026-08-01", "end": "2026-08-31"}),
    ("compare q3 against q2 for bookings at the spa", "flip it round",
     {"start": "2026-04-01", "end": "2026-06-30"}, {"start": "2026-07-01", "end": "2026-09-30"}),
])
def test_two_periods_asked_the_other_way_round_are_swapped(rules, first, then, period, against):
    key = "p21c-swap-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "compare", key=key, period=period, against=against)


def test_a_journey_map_beside_another_period_swaps_too(rules):
    key = "p21c-swap-map"
    rules.remember(key, rules.plan("customer journey map for the gym this month alongside last month", key))
    assert_plans(rules, "swap them", "journey_map", key=key, period={"name": "last_month"},
                 compare_period={"name": "this_month"})


@pytest.mark.parametrize(("question", "filters"), [
    ("how many punnets did customers from the Bristol region buy yesterday", {"region": ["Bristol"]}),
    ("how many sachets did shoppers in the newsletter segment purchase this week", {"segment": ["newsletter"]}),
])
def test_units_the_customers_bought_counted_are_orders(rules, question, filters):
    assert_plans(rules, question, "kpis", metrics=["orders"], filters=filters)


@pytest.mark.parametrize("question", [
    "which gym members used to come in loads and have gone quiet",
    "show me the clients who used to book heaps but now hardly ever do",
])
def test_used_to_come_loads_and_gone_quiet_is_the_lapsing_tier(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which customer segment got unhappier this quarter, going by csat", "csat", "segment"),
    ("which client segment has got less satisfied since august, csat wise", "csat", "segment"),
])
def test_a_qualified_group_getting_unhappier_is_a_change_by_group(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


def test_a_group_least_happy_now_stays_each_groups_level(rules):
    assert_plans(rules, "which segment is least happy going by csat", "satisfaction_by", by="segment")


@pytest.mark.parametrize("question", [
    "silver spot price this morning?",
    "what's the price of a barrel of brent crude this morning",
])
def test_a_markets_price_out_there_is_no_tool(rules, question):
    assert_plans(rules, question, None)


def test_the_shops_own_gold_sales_are_still_read(rules):
    assert_plans(rules, "which gold chains sold best this month", "product_sales")


@pytest.mark.parametrize("then", ["same ask but for the vip lot", "same q but for the vip lot"])
def test_the_same_ask_for_another_group_is_a_follow_up(rules, then):
    key = "p21c-same-" + then
    rules.remember(key, rules.plan("how many haircuts did the loyalty members book last month", key))
    assert_plans(rules, then, "kpis", key=key, metrics=["orders"], period={"name": "last_month"},
                 filters={"segment": ["vip"]})


@pytest.mark.parametrize(("question", "by"), [
    ("for each segment, what should the dog grooming parlour do with them next", "segment"),
    ("per age band, what should the nail bar do with them next", "age_band"),
])
def test_what_the_business_should_do_next_with_each_group(rules, question, by):
    assert_plans(rules, question, "next_best_actions", by=by)


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what do walkers love most about the guided tour, past 90 days", "positive"),
    ("what do guests like least about the porridge", "negative"),
])
def test_what_people_like_most_or_least_about_one_thing_is_the_praise_or_the_gripes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)
