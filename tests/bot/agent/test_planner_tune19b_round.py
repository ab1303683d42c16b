"""Readings added in phase N (lane g-tune19b) by class, from blind11's misses and a probe of other
trades, on phrasings written for this round (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest


def _plan(rules, question):
    return rules.plan(question, "t19b-" + question)


@pytest.mark.parametrize("question", [
    "chimney sweep: if enquiries start pouring in out of nowhere on any channel, alert me",
    "hot tub hire: tell me when one of the channels starts streaming in new visitors",
    "archery range: ping me if new faces come pouring in from any channel",
])
def test_arrivals_pouring_in_are_an_upward_unusual_rule(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert plan.args["condition"] == "unusual" and plan.args["direction"] == "up"
    assert plan.args["per"] == "channel"


@pytest.mark.parametrize(("question", "hours"), [
    ("hot tub hire: flag when jobs take over 3 days to close", 72),
    ("alert me if complaints take longer than 24 hours to sort out", 24),
    ("bathroom fitter: tell me when support cases take more than 2 days to resolve", 48),
])
def test_tickets_taking_over_a_time_to_close_watch_the_resolution_time(rules, question, hours):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert plan.args["metric"] == "resolution_time"
    assert plan.args["condition"] == "above" and plan.args["value"] == hours
