"""Readings added in phase U (lane g-probe19a) by class, from the misses of
tests/questions_probe19a.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # what one booking of the trade is worth: the order value, not a customer's lifetime worth
    ("what's the average kayak hire worth this month", "aov"),
    ("whats a typical dog groom worth to us", "aov"),
    # money that has come in, in the perfect
    ("how much money has come in from the allotment shop this month", "revenue"),
    ("how much cash has rolled in this week", "revenue"),
    # one page and gone, the site named in the trade's words
    ("how many shoppers bounced off the candle web shop after a single page", "bounce_rate"),
    ("what's the one-page-and-gone rate for the bakery site", "bounce_rate"),
    # Scots "hoo" for how
    # the share of those at the checkout who pay: its conversion, not a two-stage funnel
    ("of the visitors who reach checkout, what % actually pay this week", "conversion_purchase"),
    ("hoo much did the bothy take last month", "revenue"),
    ("hoo many complaints are still open at the bothy", "open_tickets"),
])
def test_kpi_said_around_the_trades_nouns(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "least"), [
    ("how many women have booked a bridal fitting with us 3 times or more", 3),
    ("how many ladies have bought from us 3 times or more", 3),
])
def test_people_named_as_who_they_are_count_as_customers(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)


@pytest.mark.parametrize(("question", "days"), [
    ("churn if 30 days no lesson means a pupil has quit", 30),
    ("churn rate if 90 days no stay means they've moved on", 90),
])
def test_a_span_with_no_visit_sets_the_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize("question", [
    "repairs for vintage bikes week by week",
    "lessons for grade 5 theory month by month",
])
def test_the_trades_units_for_what_they_were_for_followed_over_a_grain(rules, question):
    plan = rules.plan(question, "p19a-" + question)
    assert plan.spec is not None and plan.spec.name == "trend", (question, plan.spec and plan.spec.name)
    assert plan.args.get("metric") == "orders", plan.args


@pytest.mark.parametrize("question", [
    "estimate enquiries turning into paid installs",
    "quote requests into paid driveways",
])
def test_a_bare_quote_to_paid_span_is_the_decision_to_the_purchase(rules, question):
    assert_plans(rules, question, "funnel", stages=["decision", "purchase"])


@pytest.mark.parametrize(("question", "measure"), [
    ("review score per product line for the deli", "review_score"),
    ("nps by product range for the deli", "nps"),
])
def test_satisfaction_by_product_line_or_type(rules, question, measure):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by="product_category")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what do diners love most about our dumplings", "positive"),
    ("what's been coming up again and again in the tickets", "all"),
])
def test_liked_most_about_the_goods_and_what_recurs_are_themes(rules, question, sentiment):
    plan = rules.plan(question, "p19a-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", (question, plan.spec and plan.spec.name)
    assert plan.args.get("sentiment", "all") == sentiment, plan.args


def test_a_longer_from_clause_still_reads_lapsing(rules):
    assert_plans(rules, "which members went from booking the squash courts every week to hardly ever",
                 "at_risk_customers", tier="lapsing")


@pytest.mark.parametrize("question", [
    "which clients should i give a ring myself",
    "which allotment customers should we give a quick call",
])
def test_a_call_given_by_the_owner_is_a_personal_follow_up(rules, question):
    assert_plans(rules, question, "next_best_actions", action="personal_follow_up")


def test_a_long_rule_name_switched_off_disables_it(rules):
    assert_plans(rules, "turn the candle web shop bounce alert off", "change_alert_rule", enabled=False)


def test_a_follow_up_that_adds_a_kpi_keeps_the_ones_shown(rules):
    key = "p19a-adds"
    rules.remember(key, rules.plan("revenue and orders for the ferry last month", key))
    plan = rules.plan("throw in the refund rate as well", key)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec and plan.spec.name
    assert sorted(plan.args.get("metrics", [])) == ["orders", "refund_rate", "revenue"], plan.args
    assert plan.args.get("period") == {"name": "last_month"}, plan.args


@pytest.mark.parametrize(("first", "then", "period"), [
    ("how many tickets did the ferry sell yesterday", "and the saturday before?", {"start": "2026-11-07", "end": "2026-11-07"}),
    ("new members in the last 10 days", "and the 10 days before those ones", {"start": "2026-10-27", "end": "2026-11-05"}),
])
def test_a_bare_before_after_a_span_is_the_span_before_the_last(rules, first, then, period):
    key = "p19a-" + first
    rules.remember(key, rules.plan(first, key))
    plan = rules.plan(then, key)
    assert plan.args.get("period") == period, (then, plan.args)
