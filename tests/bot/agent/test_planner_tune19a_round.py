"""Readings added in phase N (lane g-tune19a) by class, from the eleventh blind bank's misses in
the analyses, tested with the word rules alone on this lane's own phrasings (other trades and
Englishes, not the bank's words)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "metrics"), [
    ("takings and refunds at the deli last month", ["refunded_orders", "revenue"]),
    ("bike shop: orders and returns this week", ["orders", "refunded_orders"]),
    ("no-shows and cancellations for the physio clinic, this month vs last", ["cancelled_orders"]),
    ("revenue and cancellations, last 30 days", ["cancelled_orders", "revenue"]),
    ("average order value and refunds in october", ["aov", "refunded_orders"]),
])
def test_a_kpi_named_before_refunds_or_cancellations_is_kept(rules, question, metrics):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None and plan.spec.name in ("kpis", "compare"), (plan.spec, plan.args)
    assert sorted(plan.args["metrics"]) == metrics
