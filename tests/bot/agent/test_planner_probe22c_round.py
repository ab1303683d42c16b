"""Readings added in phase X (lane g-probe22c) by class, from probe22c's misses (KPIs said in
everyday words, trends and movers said loosely, alert management said in passing), on phrasings
written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    ("has the average bill at the barbers crept up since march", "aov"),
    ("has our refund rate on scented candles crept up since the start of june", "refund_rate"),
    ("has the avg spend at the card shop edged up since september", "aov"),
])
def test_a_drift_over_an_open_span_is_a_series(rules, question, metric):
    assert_plans(rules, question, "trend", metric=metric)


def test_a_drift_over_a_closed_short_span_stays_a_comparison(rules):
    assert_plans(rules, "has the bakery's bounce rate crept up over the last 7 days", "compare")


@pytest.mark.parametrize(("first", "follow_up", "metric", "by"), [
    ("cancellation rate at the campsite, weekly over the past 90 days", "which region is to blame for that", "cancellation_rate", "region"),
    ("refunds at the shoe shop week by week since september", "which segment's behind that then", "refunded_orders", "segment"),
    ("is the bounce rate at the bike shop getting worse, month by month this year", "who's dragging it down, by age group", "bounce_rate", "age_band"),
])
def test_which_group_is_behind_the_figure_just_shown_is_its_movers(rules, first, follow_up, metric, by):
    key = "blame-" + follow_up
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow_up, "movers", key=key, metric=metric, by=by)


@pytest.mark.parametrize(("question", "metric"), [
    ("did the salon's csat dip last week", "csat"),
    ("did the net promoter score at the escape room dip this month", "nps"),
])
def test_did_a_kpi_dip_is_a_comparison_with_the_period_before(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


@pytest.mark.parametrize(("first", "follow_up", "metric"), [
    ("median days for a sofa to reach the customer, past 90 days", "has that been creeping up?", "delivery_time"),
    ("refund rate at the vape shop last 60 days", "has it been creeping up lately?", "refund_rate"),
])
def test_a_drift_still_going_on_after_a_level_is_its_series(rules, first, follow_up, metric):
    key = "drift-" + follow_up + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow_up, "trend", key=key, metric=metric)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("btw get rid of the florist's refunds alert", "delete_alert_rule", {}),
    ("oh and while i remember, switch off the covers alert for now", "change_alert_rule", {"enabled": False}),
    ("before i forget, pause the bakery's takings alert", "change_alert_rule", {"enabled": False}),
])
def test_an_aside_opening_a_message_leaves_the_order_it_carries(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metrics", "extra"), [
    ("how many complaints have arrived at the salon this week", ["tickets"], {}),
    ("of the tenants who raised a complaint last month, what share raised another one", ["repeat_contact_rate"], {}),
    ("how many regulars are on their fourth tub of cream or more", ["repeat_customers"], {"min_orders": 4}),
    ("how many customers are on their third bag of coffee or more this year", ["repeat_customers"], {"min_orders": 3}),
])
def test_kpis_said_in_everyday_words(rules, question, metrics, extra):
    assert_plans(rules, question, "kpis", metrics=metrics, **extra)


@pytest.mark.parametrize(("question", "metric", "condition", "value"), [
    ("lesson bookings down a fifth on the week before? ping me", "orders", "drops_by", 20.0),
    ("let me know if the salon's takings are up a third on the day before", "revenue", "rises_by", 33.3),
])
def test_a_share_said_after_down_or_up_is_the_alerts_percentage(rules, question, metric, condition, value):
    assert_plans(rules, question, "create_alert_rule", metric=metric, condition=condition, value=value)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("guest reviews at the b&b, is the tone getting sourer from one week to the next", "feedback_sentiment", {"by": "week"}),
    ("how do the diners feel about us from one month to the next", "feedback_sentiment", {"by": "month"}),
])
def test_from_one_week_to_the_next_is_a_weekly_grain(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)
