"""A KPI asked quarter by quarter is its trend with one point per calendar quarter
(bot/agent/quarter_grain.py); "this quarter" and "last quarter" stay periods."""

from __future__ import annotations

import pytest


def _plan(rules, question):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None, (question, plan.args)
    return plan


@pytest.mark.parametrize(("question", "metric", "period"), [
    ("revenue by quarter this year", "revenue", {"name": "this_year"}),
    ("quarterly orders since 2025", "orders", {"start": "2025-01-01", "end": "2026-11-15"}),
    ("revenue per quarter", "revenue", None),
    ("how did conversion move quarter by quarter this year", "purchase_conversion", {"name": "this_year"}),
    ("nps each quarter since january 2025", "nps", {"start": "2025-01-01", "end": "2026-11-15"}),
    ("how many orders did we get per quarter last year", "orders", {"start": "2025-01-01", "end": "2025-12-31"}),
])
def test_by_quarter_is_the_trend_by_quarter(rules, question, metric, period):
    plan = _plan(rules, question)
    assert (plan.spec.name, plan.args["metric"], plan.args["grain"]) == ("trend", metric, "quarter")
    assert plan.args.get("period") == period


@pytest.mark.parametrize("question", [
    "revenue this quarter",
    "how many orders last quarter",
])
def test_this_or_last_quarter_is_a_period_not_a_grain(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and "grain" not in plan.args


def test_a_quarter_of_the_customers_is_a_share_not_a_grain(rules):
    plan = _plan(rules, "did a quarter of our customers buy again this year")
    assert plan.args.get("grain") != "quarter"
