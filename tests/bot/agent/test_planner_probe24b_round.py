"""Readings added in phase Z (lane g-probe24b) by class, from probe24b's misses, on phrasings
written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("kite shop takings month on month", "revenue", "month"),
    ("bagel stand avg order value week on week", "aov", "week"),
    ("new visitors to the yurt site, month on month", "new_visitors", "month"),
    ("ferry delivery days week on week, how's that looking", "delivery_time", "week"),
])
def test_x_on_x_without_two_periods_is_a_series_at_that_grain(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metric"), [
    ("canoe hire bookings month on month: august vs july", "orders"),
    ("cheese stall takings month on month, how did last month do against the one before", "revenue"),
    ("month on month change in candle orders", "orders"),
])
def test_x_on_x_with_two_periods_or_one_change_stays_a_compare(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("candle shop sales over the months", "revenue", "month"),
    ("plot the ferry bounce rate over the months", "bounce_rate", "month"),
])
def test_over_the_months_is_a_monthly_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def _after(rules, first: str, key: str) -> None:
    rules.reset(key)
    rules.remember(key, rules.plan(first, key))


@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    ("candle shop: % of site visitors who end up buying, this week", "kindly show same for the facebook lot",
     "kpis", {"metrics": ["purchase_conversion"], "filters": {"channel": ["facebook"]}}),
    ("bagel stand takings yesterday", "tidy, and the saturday a week before, butt?",
     "kpis", {"metrics": ["revenue"], "period": {"start": "2026-11-07", "end": "2026-11-07"}}),
    ("abeg wetin be our nps this month", "wetin be di figure for last month nko",
     "kpis", {"metrics": ["nps"], "period": {"name": "last_month"}}),
    ("what are yurt guests on about in their feedback this month", "can filter to just the negative ones ah",
     "feedback_themes", {"sentiment": "negative", "period": {"name": "this_month"}}),
    ("how do ferry passengers feel, stage by stage", "kindly do it month wise now",
     "feedback_sentiment", {"by": "month"}),
])
def test_a_follow_up_led_by_a_courtesy_or_a_voice_word_continues_the_thread(rules, first, then, tool, args):
    key = "probe24b-lead-" + then
    _after(rules, first, key)
    assert_plans(rules, then, tool, key=key, **args)


def test_keeping_the_last_analysis_s_own_setting_named_continues_it(rules):
    key = "probe24b-keep"
    _after(rules, "canoe funnel: site visit, then product page, then basket, then checkout", key)
    assert_plans(rules, "keep those steps but only last month", "funnel", key=key,
                 touchpoints=["website_visit", "product_view", "add_to_cart", "checkout_start"],
                 period={"name": "last_month"})


def test_sorting_by_who_changed_is_a_rank_by_change(rules):
    key = "probe24b-sort"
    _after(rules, "kite shop avg order value per age group", key)
    assert_plans(rules, "sort those by who changed the most", "movers", key=key, metric="aov", by="age_band",
                 rank="change")


def test_another_kpi_over_the_same_two_periods_stays_the_comparison(rules):
    key = "probe24b-halves"
    _after(rules, "were the first two weeks of november busier than the first two weeks of october for ferry crossings", key)
    assert_plans(rules, "and money-wise, same two halves?", "compare", key=key, metrics=["revenue"])


@pytest.mark.parametrize(("question", "metrics"), [
    ("how quick is our first reply to rafting enquiries this month", ["first_response_time"]),
    ("takings from rafting trips last week", ["revenue"]),
])
def test_a_trade_word_made_from_an_english_word_is_no_typo(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize(("first", "then", "kept", "beside"), [
    ("kite shop journey map for the vip members", "put it side by side with the newsletter lot",
     {"segment": ["vip"]}, {"segment": ["newsletter"]}),
    ("canoe hire journey map for instagram customers", "now next to the tiktok lot",
     {"channel": ["instagram"]}, {"channel": ["tiktok"]}),
])
def test_a_group_named_beside_the_last_map_is_drawn_next_to_it(rules, first, then, kept, beside):
    key = "probe24b-beside-" + then
    _after(rules, first, key)
    assert_plans(rules, then, "journey_map", key=key, filters=kept, compare_filters=beside, compare_period=None)


@pytest.mark.parametrize(("question", "days"), [
    ("whats our churn if a diner goes 40 days without a table booking theyre gone", 40),
    ("if a member goes 8 weeks without a lesson they've left, what's churn", 56),
])
def test_a_span_without_the_trade_s_goods_then_gone_is_the_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


def test_a_lifetime_said_in_years_is_the_lifetime_value_horizon(rules):
    assert_plans(rules, "what is a guest worth over a two year lifetime", "customer_lifetime_value", horizon_days=730)


@pytest.mark.parametrize(("question", "by", "focus"), [
    ("candle takings: does november stand out from the other months", "month", "November"),
    ("kite sales - is friday any different from the other days", "weekday", "Friday"),
])
def test_one_month_or_day_standing_out_from_the_rest_is_a_time_pattern(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", by=by, focus=focus)


@pytest.mark.parametrize(("question", "touchpoints"), [
    ("kayak funnel: site visit to basket to checkout to booking made", ["website_visit", "add_to_cart", "checkout_start", "order_placed"]),
    ("canoe funnel: product page, then basket, then checkout, then booking placed", ["product_view", "add_to_cart", "checkout_start", "order_placed"]),
])
def test_a_booking_placed_at_a_chain_s_end_is_the_order_placed(rules, question, touchpoints):
    assert_plans(rules, question, "funnel", touchpoints=touchpoints)


@pytest.mark.parametrize(("question", "args"), [
    ("ferry trips: the griping at the after-sales stage in q3", {"stage": ["post-purchase"]}),
    ("the moaning in the survey comments last month", {"source": ["survey"], "period": {"name": "last_month"}}),
])
def test_the_gripes_named_as_a_noun_with_a_where_or_when_are_the_negative_themes(rules, question, args):
    assert_plans(rules, question, "feedback_themes", sentiment="negative", **args)
