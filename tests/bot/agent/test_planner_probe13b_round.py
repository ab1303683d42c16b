"""Readings added in phase O (lane g-probe13b) by class, from a probe of new trades
(tests/questions_probe13b.yaml), on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "p13b-" + question)


@pytest.mark.parametrize(("question", "tool"), [
    ("laptop repair shop: which weekday do the most enquiries turn into a repair", "time_pattern"),
    ("where do laptop repair clients give up before booking, past month", "dropoffs"),
    ("which laptop shop customers are likely to leave us", "at_risk_customers"),
])
def test_a_laptop_trade_is_the_business_not_an_off_topic_gadget(rules, question, tool):
    assert_plans(rules, question, tool)


def test_a_laptop_question_of_the_world_stays_off_topic(rules):
    assert _plan(rules, "my laptop keeps freezing, how do I fix it").spec is None


@pytest.mark.parametrize(("question", "action"), [
    ("which lapsed high-spending members should the gym chase first", "win_back_valuable"),
    ("which old regulars should the florist go after this month", "win_back"),
    ("dental practice: which patients are owed a sorry after a bad experience", "service_recovery"),
    ("which customers at the garage do we owe an apology", "service_recovery"),
])
def test_who_to_chase_or_say_sorry_to_is_the_next_action(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


@pytest.mark.parametrize(("question", "days"), [
    ("accountancy: client value over a 5 year horizon", 1825),
    ("what's guest value across the next two years for the hotel", 730),
])
def test_customer_value_over_years_ahead_is_the_lifetime_value(rules, question, days):
    assert_plans(rules, question, "customer_lifetime_value", horizon_days=days)


@pytest.mark.parametrize(("question", "metric"), [
    ("what percent of riders were happy with their lesson last month", "csat"),
    ("share of campers pleased with the pitch this quarter", "csat"),
    ("what proportion of our diners went away happy in october", "csat"),
    ("bike shop: the slowest tenth of service tickets, how long till they got closed", "resolution_time_p90"),
    ("warranty complaints: how long to sort out, past 3 months", "resolution_time"),
])
def test_a_kpi_said_in_plain_words_is_read(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which suburbs order the most cupcakes this year", "orders", "city"),
    ("which regions ordered the fewest hampers last month", "orders", "region"),
    ("florist takings by customer segment, biggest first, this quarter", "revenue", "segment"),
    ("tutor bookings by customer segment, top first, last month", "orders", "segment"),
])
def test_each_groups_level_in_owners_words_is_ranked_by_value(rules, question, metric, by):
    plan = _plan(rules, question)
    assert plan.spec is not None and plan.spec.name == "movers"
    assert (plan.args["metric"], plan.args["by"], plan.args.get("rank")) == (metric, by, "value")


@pytest.mark.parametrize(("question", "by"), [
    ("are the yoga studio's reviews positive or negative, week by week", "week"),
    ("members' feedback this year, good or bad, month by month", "month"),
])
def test_whether_texts_lean_positive_or_negative_is_their_mood(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


def test_texts_on_a_topic_either_way_are_still_a_search(rules):
    assert _plan(rules, "find reviews, positive or negative, about the parking").spec.name == "feedback_search"


@pytest.mark.parametrize(("question", "by"), [
    ("on which weekday are diners most likely to order", "weekday"),
    ("which day of the week are pupils most likely to actually sign up", "weekday"),
])
def test_the_time_people_are_likeliest_to_buy_is_the_buying_rate_by_time(rules, question, by):
    assert_plans(rules, question, "time_pattern", by=by, metric="purchase_conversion")
