"""Readings added in phase V (lane g-probe20c) by class, from tests/questions_probe20c.yaml's
misses, on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    ("what share of charters got cancelled last month", "cancellation_rate"),
    ("what percentage of gigs were cancelled this quarter", "cancellation_rate"),
    ("how many commissions got cancelled in october", "cancelled_orders"),
])
def test_the_trades_own_unit_cancelled_is_an_order_cancelled(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "least"), [
    ("how many patients are on their 3rd consultation or more", 3),
    ("how many couples are on their fourth charter or more", 4),
])
def test_an_ordinal_of_the_trades_unit_is_repeat_customers_at_that_count(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)


@pytest.mark.parametrize(("question", "metric", "period", "against"), [
    ("julys bookings vs junes", "orders", ("2026-07-01", "2026-07-31"), ("2026-06-01", "2026-06-30")),
    ("augusts takings against julys for the chippy", "revenue", ("2026-08-01", "2026-08-31"),
     ("2026-07-01", "2026-07-31")),
])
def test_a_months_without_its_apostrophe_is_that_month(rules, question, metric, period, against):
    assert_plans(rules, question, "compare", metrics=[metric], period={"start": period[0], "end": period[1]},
                 against={"start": against[0], "end": against[1]})


def test_a_plural_month_after_are_is_still_every_years_month(rules):
    assert_plans(rules, "are decembers our busiest month for the chippy", "time_pattern", by="month", focus="December")


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("how has revenue gone week on week at the chippy", "revenue", "week"),
    ("how have bookings fared month to month at the kennels", "orders", "month"),
])
def test_how_a_kpi_has_gone_grain_on_grain_is_its_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_which_single_day_of_a_month_is_a_daily_series(rules):
    assert_plans(rules, "which single september day was the chippy busiest for orders", "trend", metric="orders",
                 grain="day", period={"start": "2026-09-01", "end": "2026-09-30"})


@pytest.mark.parametrize("question", ["how has would-recommend moved this quarter for the kennels",
                                      "would-recommend at the kennels over the last 60 days"])
def test_would_recommend_alone_is_the_nps(rules, question):
    plan = rules.plan(question, "p20c-" + question)
    assert "nps" in (plan.args.get("metrics") or [plan.args.get("metric")]), plan.args


@pytest.mark.parametrize(("question", "args"), [
    ("top 3 candles by revenue", {"by": "product", "measure": "revenue", "top": 3}),
    ("best selling loaves last month", {"by": "product", "period": {"name": "last_month"}}),
    ("which bouquets sold worst this quarter", {"by": "product", "order": "bottom", "period": {"name": "this_quarter"}}),
])
def test_the_trades_own_goods_ranked_by_what_sold_are_product_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize(("question", "tool"), [
    ("top 5 customers by revenue", "customer_lifetime_value"),
    ("which days sold the most", "time_pattern"),
])
def test_people_and_times_ranked_by_sales_are_not_goods(rules, question, tool):
    assert_plans(rules, question, tool)


@pytest.mark.parametrize(("question", "by"), [
    ("are the diners sounding any crosser week by week", "week"),
    ("month by month, are our passengers sounding more glum", "month"),
])
def test_people_asked_if_they_sound_a_mood_is_the_mood_of_their_feedback(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize("question", ["the next best move with my florist customers overall",
                                      "what's the next smartest step for our gym members"])
def test_next_said_before_best_move_is_next_best_actions(rules, question):
    assert_plans(rules, question, "next_best_actions", level=None)


@pytest.mark.parametrize("question", ["how many climbers actually turned up last month",
                                      "how many swimmers really showed up this quarter"])
def test_people_who_actually_turned_up_are_the_active_customers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["active_customers"])


def test_the_paying_stage_of_a_map_is_the_purchase(rules):
    key = "p20c-paying-stage"
    rules.remember(key, rules.plan("journey map for the bike shop this quarter", key))
    assert_plans(rules, "zoom in on the paying stage", "journey_map", key=key, stage="purchase")


@pytest.mark.parametrize(("question", "days"), [
    ("churn if a client who hasn't booked a session in 90 days counts as lost", 90),
    ("what's churn if a member who hasn't had a lesson for 8 weeks counts as gone", 56),
])
def test_a_churn_window_with_the_trades_unit_between_is_read(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("whit share o site visits end wi a booking made", "kpis", {"metrics": ["session_conversion"]}),
    ("which o oor clients are likely tae stop booking aff us", "at_risk_customers", {}),
])
def test_scots_with_of_our_and_off_are_read(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", ["write a tiktok caption for the new walking routes",
                                      "write me some hashtags for the funnel cake stall"])
def test_writing_a_caption_or_hashtags_is_no_tool(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize("question", ["who were weekly regulars for pedicures but have tailed right off",
                                      "which members were regulars at the range but now dropping off"])
def test_once_regulars_now_slower_are_the_lapsing(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


def test_the_trades_consults_refunded_are_refunded_orders(rules):
    assert_plans(rules, "which channel is behind more refunded consults at the vet this month", "movers",
                 metric="refunded_orders", by="channel")


def test_would_recommend_split_by_a_group_stays_satisfaction_by(rules):
    assert_plans(rules, "kennels: would-recommend split by segment", "satisfaction_by", measure="nps",
                 by="segment")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what do riders hate about the tours", "negative"),
    ("what do the grannies and grandads love about the classes", "positive"),
])
def test_what_people_love_or_hate_about_what_the_trade_runs_is_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize("question", ["where do we lose diners before they ever collect their takeaway order",
                                      "where do folk drop off before they pick up the veg box"])
def test_dropping_off_before_collecting_is_the_pickup_not_reached(rules, question):
    assert_plans(rules, question, "dropoffs", goal_touchpoint="order_pickup")


@pytest.mark.parametrize("question", ["how many different folk got a pie from the van last week",
                                      "this month how many separate diners had a bowl of ramen off us"])
def test_separate_people_who_had_something_off_us_are_the_buyers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])
