"""Readings added in phase N (lane g-tune20b) by class, from blind12's misses and a probe of other
trades, on phrasings written for this round (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "t20b-" + question)


@pytest.mark.parametrize(("question", "metric"), [
    ("florist: share of people who put flowers in the basket but never paid, this month", "cart_abandonment"),
    ("bike shop: how many punters popped gear into their cart and didn't check out last week",
     "cart_abandonment"),
    ("vet clinic: what percentage of cases raised in october were closed", "resolution_rate"),
    ("salon: share of complaints logged this quarter that got sorted", "resolution_rate"),
    ("bakery: how do customers score us out of ten on average", "csat_mean"),
    ("dance school: class cancellation % this term", "cancellation_rate"),
    ("cancellation percent for the van hire last month", "cancellation_rate"),
    ("tool hire: refund % in october", "refund_rate"),
])
def test_kpi_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "days"), [
    ("physio: churn rate, counting 60 days without an appointment as lost", 60),
    ("campsite: what's churn if 90 days with no booking means they've gone", 90),
    ("groomer: churn rate if 30 days with no booking means a customer's gone", 30),
])
def test_a_span_without_a_booking_sets_the_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("yoga studio: are members happier at weekends or on weekdays", "weekday", "csat"),
    ("which month of the year are campers happiest", "month", "csat"),
    ("tattoo parlour: are clients happier on certain weekdays", "weekday", "csat"),
    ("florist: which month is our money month", "month", "revenue"),
    ("what month is the cash month for the chippy", "month", "revenue"),
    ("bike shop: which hour do people order on the website", "hour", "orders"),
    ("at what time of day do shoppers check out on the site", "hour", "orders"),
    ("candle shop: what time do people actually buy on the site", "hour", "orders"),
])
def test_a_pattern_of_the_week_or_year_reads_the_kpi_in_its_words(rules, question, by, metric):
    assert_plans(rules, question, "time_pattern", by=by, metric=metric)


@pytest.mark.parametrize(("question", "by", "filters"), [
    ("garden centre: step conversion by channel last month", "channel", None),
    ("conversion at each stage for the vip clients, this quarter", None, {"segment": ["vip"]}),
    ("how are facebook leads getting through every stage at the kitchen fitters", None, {"channel": ["facebook"]}),
    ("step-to-step conversion for Leeds shoppers in october", None, {"city": ["Leeds"]}),
    ("dog groomer: step by step conversion region by region", "region", None),
])
def test_each_steps_conversion_is_the_funnel(rules, question, by, filters):
    assert_plans(rules, question, "funnel", by=by, filters=filters)


@pytest.mark.parametrize(("question", "metric"), [
    ("which day last week brought the food truck the most dosh", "revenue"),
    ("what week this quarter made the stall the least money", "revenue"),
    ("hairdresser: are regulars spending less per appointment than they used to, week by week", "aov"),
    ("cafe: spending more per meal than before? weekly trend", "aov"),
])
def test_a_series_reads_money_and_spend_per_visit_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "trend", metric=metric)


@pytest.mark.parametrize(("question", "measure", "by"), [
    ("plumber: are customers who found us on google likelier to recommend us than facebook ones", "nps", "channel"),
    ("pottery class: would members recommend us more depending on the channel they came from", "nps", "channel"),
    ("do late deliveries mean fewer customers recommend the bakery", "nps", "delivery"),
    ("are vip guests more upbeat in their comments than regulars", "sentiment", "segment"),
    ("do the vips write more cheerful stuff than the other segments", "sentiment", "segment"),
])
def test_recommending_or_an_upbeat_tone_compared_across_groups_is_satisfaction_by(rules, question, measure, by):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by=by)


@pytest.mark.parametrize(("question", "metric", "period", "against"), [
    ("revenue for Q3 alongside Q2 please", "revenue", "2026-07-01", "2026-04-01"),
    ("bike shop: how does march look beside february for sessions", "sessions", "2026-03-01", "2026-02-01"),
    ("kennels: how's october looking next to september for bookings and refunds", "orders", "2026-10-01",
     "2026-09-01"),
])
def test_a_period_set_next_to_another_is_compared_with_it(rules, question, metric, period, against):
    plan = _plan(rules, question)
    assert plan.spec.name == "compare"
    assert metric in plan.args["metrics"]
    assert plan.args["period"]["start"] == period and plan.args["against"]["start"] == against


@pytest.mark.parametrize("question", [
    "vet: every kpi for october against the month before",
    "each kpi last quarter vs the quarter prior",
    "window cleaner: every stat for last week against the week before it",
])
def test_every_kpi_against_the_period_before_is_compared(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "compare"
    assert "period" in plan.args


@pytest.mark.parametrize(("question", "level"), [
    ("surf school: the typical string of touchpoints before someone books a lesson", None),
    ("the normal chain of steps before a customer buys a bike", None),
    ("how do clients who end up booking go through the stages at the spa", "stage"),
    ("how do guests who eventually book move along the journey", None),
])
def test_the_usual_run_of_steps_before_buying_is_the_paths(rules, question, level):
    assert_plans(rules, question, "paths", level=level)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("locksmith: are response times getting better or worse, month by month", "first_response_time", "month"),
    ("weekly: is our nps up or down this year", "nps", "week"),
    ("courier firm: delivery times better or worse? week by week since august", "delivery_time", "week"),
])
def test_better_or_worse_at_a_grain_is_the_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_better_or_worse_than_a_period_stays_the_comparison(rules):
    assert _plan(rules, "is revenue better or worse than last month").spec.name == "compare"


@pytest.mark.parametrize(("question", "stages"), [
    ("consideration to decision to purchase, where do we leak, last quarter", ["consideration", "decision", "purchase"]),
    ("gym: awareness -> consideration -> decision -> purchase for september",
     ["awareness", "consideration", "decision", "purchase"]),
    ("dentist: awareness then consideration then decision, how many drop off", ["awareness", "consideration", "decision"]),
])
def test_three_stages_named_in_order_are_the_funnel_through_them(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


@pytest.mark.parametrize(("question", "touchpoints"), [
    ("candle shop: visit to basket to order, by channel", ["website_visit", "add_to_cart", "order_placed"]),
    ("of people who looked at a product, how many put it in the cart and then checked out",
     ["product_view", "add_to_cart", "checkout_start"]),
    ("record shop: visit then cart then order, last month", ["website_visit", "add_to_cart", "order_placed"]),
])
def test_a_bare_visit_or_checking_out_in_a_chain_of_steps_is_that_step(rules, question, touchpoints):
    assert_plans(rules, question, "funnel", touchpoints=touchpoints)


@pytest.mark.parametrize(("question", "tool"), [
    ("ski hire: conversion from cart to payment last month", "kpis"),
    ("trolley-to-payment conversion for the farm shop, monthly", "trend"),
    ("what's our conversion between basket and purchase this year", "kpis"),
])
def test_the_conversion_from_basket_to_paying_is_the_purchase_stages(rules, question, tool):
    plan = _plan(rules, question)
    assert plan.spec.name == tool
    assert plan.args.get("metrics", [plan.args.get("metric")]) == ["conversion_purchase"]


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("brewery: who pulled satisfaction down in october, by segment", "csat", "segment"),
    ("what pulled the nps down by channel", "nps", "channel"),
    ("which region pushed revenue up last quarter", "revenue", "region"),
])
def test_a_group_that_pulled_a_kpi_down_or_up_is_the_change_by_group(rules, question, metric, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "movers"
    assert plan.args["metric"] == metric and plan.args["by"] == by
    assert plan.args.get("rank") != "value"  # the change explained, not each group's level


@pytest.mark.parametrize(("question", "period"), [
    ("how did the bakery do last week", {"name": "last_week"}),
    ("how did the stall fare on saturday", {"start": "2026-11-14", "end": "2026-11-14"}),
    ("food truck: how did the truck perform last month", {"name": "last_month"}),
])
def test_how_the_business_did_by_its_trade_name_is_its_headline_numbers(rules, question, period):
    assert_plans(rules, question, "kpis", period=period)


@pytest.mark.parametrize(("question", "by"), [
    ("which touchpoint gets the courier the sourest comments", "touchpoint"),
    ("which stage gets the bitterest reviews at the florist", "stage"),
    ("which touchpoint brings the sunniest comments for the bakery", "touchpoint"),
    ("removals firm: which touchpoint gets the grumpiest feedback about late vans", "touchpoint"),
])
def test_the_feeling_of_texts_by_touchpoint_is_feedback_sentiment(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)
