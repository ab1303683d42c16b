"""Readings added in phase R (lane g-probe16b) by class, from the misses of the lane's probe
(tests/questions_probe16b.yaml), on phrasings of other trades written for this round (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # the wait told from the order to its arrival, the buyer and the goods named between
    ("log supplier: how many days from a customer ordering a load of logs to it arriving at their gate",
     "delivery_time"),
    ("pet food web shop: average days from someone buying a sack of kibble to it reaching their doorstep",
     "delivery_time"),
    ("how long from people paying for a mattress to the thing turning up at their house", "delivery_time"),
    # the outcome with the trade's word between it and the orders
    ("how many cancelled boat trips last month", "cancelled_orders"),
    ("refunded paint orders in october", "refunded_orders"),
    # quotes won, not customers' quotes
    ("what share of roofing quotes turned into paid work last month", "conversion_purchase"),
    ("quote-to-booking rate this quarter", "conversion_purchase"),
])
def test_a_kpi_told_as_a_story_is_that_kpi(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("which weekday do folk look at the bakery website most", "weekday", "sessions"),
    ("what hour do people scroll through our web shop", "hour", "sessions"),
])
def test_people_looking_at_the_site_are_its_visits(rules, question, by, metric):
    assert_plans(rules, question, "time_pattern", by=by, metric=metric)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("cancelled yoga classes per month this year", "cancelled_orders", "month"),
    ("how's the hire cash been doing month by month this year", "revenue", "month"),
    ("how's the rental cash been doing month by month", "revenue", "month"),
    # a grain said first, then which way it went: the series, not one pair of periods
    ("weekly bookings for the kennels since june, up or down?", "orders", "week"),
    ("monthly refunds this year at the bike shop, better or worse?", "refunded_orders", "month"),
])
def test_a_series_in_the_owners_words(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metric", "period", "against"), [
    ("did we take more in october than in september at the cafe", "revenue",
     {"start": "2026-10-01", "end": "2026-10-31"}, {"start": "2026-09-01", "end": "2026-09-30"}),
    ("did we make more in Q2 than Q1, florist side", "revenue",
     {"start": "2026-04-01", "end": "2026-06-30"}, {"start": "2026-01-01", "end": "2026-03-31"}),
    ("did more quotes convert into booked jobs in Q3 than Q2", "conversion_purchase",
     {"start": "2026-07-01", "end": "2026-09-30"}, {"start": "2026-04-01", "end": "2026-06-30"}),
])
def test_more_or_less_than_another_period_is_the_comparison_of_that_kpi(rules, question, metric, period, against):
    assert_plans(rules, question, "compare", metrics=[metric], period=period, against=against)


@pytest.mark.parametrize(("question", "tool"), [
    ("what do people do before they ring the office", "paths"),
    ("where do we lose people before they give us a call", "dropoffs"),
])
def test_calling_the_business_is_the_goal_step(rules, question, tool):
    assert_plans(rules, question, tool, goal_touchpoint="phone_call")


def test_a_range_of_goods_is_the_product_category(rules):
    assert_plans(rules, "which range gets the worst reviews at the garden centre", "satisfaction_by",
                 measure="review_score", by="product_category")


def test_people_who_have_not_enrolled_yet_are_prospects(rules):
    assert_plans(rules, "of the people who haven't enrolled yet, who's likely to book", "purchase_propensity",
                 who="prospects")


@pytest.mark.parametrize(("question", "value"), [
    ("abeg if orders fall below 5 a day, buzz me", 5),
    ("kindly if the bookings drop under 3 a day, give us a bell", 3),
])
def test_the_condition_then_how_to_reach_the_owner_is_an_alert(rules, question, value):
    assert_plans(rules, question, "create_alert_rule", metric="orders", condition="below", value=value)


@pytest.mark.parametrize(("question", "which"), [
    ("the third card is bang on, save it", 3),
    ("that first persona is perfect, hang on to it", 1),
])
def test_praise_for_a_card_then_keep_it_saves_that_card(rules, question, which):
    key = "p16b-save-" + question
    rules.plan("draft 4 personas from our customers", key)
    assert_plans(rules, question, "save_persona", key=key, which=which)


@pytest.mark.parametrize(("question", "stages"), [
    ("from quote request to a paid install, how many get there", ["decision", "purchase"]),
    ("from a quote request right through to the paid job, step by step", ["decision", "purchase"]),
    # a chain whose far end is a stage no step named reaches: the stages
    ("from checkout to paid to after-sales for the candle shop", ["decision", "purchase", "post-purchase"]),
    ("from checkout to order to after-sales, step by step", ["decision", "purchase", "post-purchase"]),
])
def test_a_chain_to_paid_work_or_after_sales_is_the_stage_funnel(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


@pytest.mark.parametrize("question", [
    "wat shud we do next to keep our members",
    "what shld i do to hang on to the regulars",
])
def test_should_in_text_speak_is_read(rules, question):
    assert_plans(rules, question, "next_best_actions")
