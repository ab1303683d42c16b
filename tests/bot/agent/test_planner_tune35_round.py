"""Readings added in phase Z (lane tune35) by class, from the open misses of the tuning banks
(blind23, probe21c-23c), on phrasings written for this round in other trades and words (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


# 1. a trade's units and its money listed as several KPIs, each item read (convention (g): "sales"
# alone is revenue, counted it is orders)
@pytest.mark.parametrize(("question", "metrics"), [
    ("bike hire: rentals and what riders paid last month", ["orders", "revenue"]),
    ("the ceilidh: entries and the average ticket this week", ["orders", "aov"]),
    ("pottery studio, number of sales and turnover last week", ["orders", "revenue"]),
    ("kennels: cash and how many bookings in october", ["revenue", "orders"]),
])
def test_units_and_money_listed_are_each_read(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


def test_a_list_with_two_periods_is_compared_on_every_item(rules):
    assert_plans(rules, "saddlery: this month against last month, spend and number of fittings", "compare",
                 metrics=["revenue", "orders"])


# 2. the analysis just shown asked for again, narrowed or re-cut: the thread's span kept
@pytest.mark.parametrize(("first", "again", "tool", "args"), [
    ("the whole funnel for the glamping pods last quarter", "pod funnel again, split by the channel they came in on",
     "funnel", {"period": {"name": "last_quarter"}, "by": "channel"}),
    ("what themes come up in the laundrette's feedback this month", "laundrette: only the bad-news themes",
     "feedback_themes", {"period": {"name": "this_month"}, "sentiment": "negative"}),
])
def test_the_same_analysis_again_keeps_the_span(rules, first, again, tool, args):
    key = "tune35-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, again, tool, key=key, **args)


def test_the_month_before_this_month_is_last_month_by_name(rules):
    key = "tune35-month-before"
    rules.remember(key, rules.plan("what are the sauna's regulars moaning about this month", key))
    assert_plans(rules, "and what were they moaning about the month before", "feedback_themes", key=key,
                 period={"name": "last_month"})


# 3. "X on X" with no two periods named: a trend at that grain (convention (h))
@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("reviews out of 5 for the dog groomer, week on week", "csat_mean", "week"),
    ("would-recommend score for the ferry, month on month", "nps", "month"),
])
def test_unit_on_unit_without_two_periods_is_a_trend(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_unit_on_unit_said_as_the_change_stays_a_comparison(rules):
    assert_plans(rules, "week on week takings", "compare", metrics=["revenue"])


# 4. cart window said first; households counted; after-sales of orders; goods one by one
def test_a_cart_window_defined_first_is_kept(rules):
    assert_plans(rules, "treating a basket as dead once it sits 48 hours, what was the abandon rate last month?",
                 "kpis", metrics=["cart_abandonment"], cart_window_hours=48, period={"name": "last_month"})


def test_buyers_counted_as_households(rules):
    assert_plans(rules, "veg box buyers last month - how many separate homes would you say", "kpis",
                 metrics=["buyers"], period={"name": "last_month"})


def test_the_after_sales_side_of_orders_is_that_stage_alone(rules):
    assert_plans(rules, "how do folk feel about the after-sales side of their bike repair orders",
                 "feedback_sentiment", stage=["post-purchase"])


@pytest.mark.parametrize("question", [
    "candle shop, item by item, how many sold this month",
    "flavour by flavour, how did the gelato sell last month",
])
def test_goods_one_by_one_are_product_sales(rules, question):
    assert_plans(rules, question, "product_sales", by="product")


# 5. an alert named, then its yardstick in words
@pytest.mark.parametrize("question", [
    "the class bookings alert - compare against the week before rather than yesterday",
    "pool entries alarm: check it against the week before, not yesterday",
])
def test_an_alerts_yardstick_in_words_is_a_change(rules, question):
    assert_plans(rules, question, "change_alert_rule", window_days=7)


# 4b. web steps listed as deeds, and people of one stage turned into another, group by group: funnels
@pytest.mark.parametrize("question", [
    "kite shop - landed on the site, viewed a kite, basket, checkout, order in - numbers at each",
    "tea rooms: site visit, then product page, then basket, then checkout, then booking placed - where do we leak",
])
def test_web_steps_listed_are_the_funnel_over_them(rules, question):
    assert_plans(rules, question, "funnel",
                 touchpoints=["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"])


@pytest.mark.parametrize(("question", "by"), [
    ("which segment turns lookers into bookers best for the escape rooms", "segment"),
    ("sailing school: which first channel converts site visitors into paying students best", "channel"),
])
def test_a_group_turning_browsers_into_buyers_is_its_funnel(rules, question, by):
    assert_plans(rules, question, "funnel", by=by, stages=["consideration", "decision", "purchase"])


# 1b. a trade's units in its own words: packs shipped, goods counted, jobs booked for, money brought in,
# people through the gate, goods rehomed, a piece landing with its buyer
@pytest.mark.parametrize(("question", "metrics"), [
    ("crates of apple juice sent out this month", ["orders"]),
    ("the number of wreaths sold last month", ["orders"]),
    ("how many magic shows have we been hired for since june", ["orders"]),
    ("what did the ceilidh nights in Redland bring in last month", ["revenue"]),
    ("how many climbers came through the gate at the bouldering centre last week", ["active_customers"]),
    ("how many gym members actually trained at the new studio in october", ["active_customers"]),
    ("how many puppies went to new homes this year", ["orders"]),
    ("median days for a made-to-order table to land with the customer this year", ["delivery_time"]),
    ("how many handmade rugs did the folk who found us on facebook buy last month", ["orders"]),
    ("wedding commission refunds this month", ["refunded_orders"]),
])
def test_a_trades_own_words_for_its_kpis(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


def test_the_same_month_said_alone_keeps_the_period(rules):
    key = "tune35-same-month"
    rules.remember(key, rules.plan("how many boiler services did we do in september", key))
    assert_plans(rules, "average invoice for the boilers, same month", "kpis", key=key, metrics=["aov"],
                 period={"start": "2026-09-01", "end": "2026-09-30"})


@pytest.mark.parametrize("question", [
    "hampers turning up after the promised date - are they costing us on reviews",
    "when a cake is delivered late, do the star ratings drop compared with the on-time ones",
])
def test_lateness_costing_stars_is_satisfaction_by_delivery(rules, question):
    assert_plans(rules, question, "satisfaction_by", measure="review_score", by="delivery")


def test_the_last_place_seen_before_missing_the_goal_is_the_dropoffs(rules):
    assert_plans(rules, "pottery shop last week, last spot punters were spotted before not placing an online order",
                 "dropoffs", goal_touchpoint="order_placed", period={"name": "last_week"})


def test_everyone_again_drops_the_threads_filter(rules):
    key = "tune35-everyone"
    rules.remember(key, rules.plan("bakery funnel for the facebook crowd last month", key))
    assert_plans(rules, "everybody again please", "funnel", key=key, period={"name": "last_month"}, filters=None)


def test_the_angriest_texts_asked_for_in_slang_are_a_search(rules):
    assert_plans(rules, "gimme the grumpiest reviews we got last week, chippy", "feedback_search", period={"name": "last_week"})
