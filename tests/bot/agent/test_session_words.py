"""How long web visits last and how many pages they take, in an owner's words, read as the
session_length and pages_per_session KPIs (bot/agent/session_words.py); the words that only
share "visit" or "stay" keep their own readings."""

from __future__ import annotations

import pytest


def _plan(rules, question):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None, (question, plan.args)
    return plan


@pytest.mark.parametrize("question", [
    "time on site",
    "what's our time on site this month?",
    "how long do people stay on the site",
    "how long do people stay on the site on average?",
    "session length",
    "what was the session length last week",
    "average visit length",
    "how long do visitors usually spend on our website",
    "typical visit duration on the web shop",
])
def test_how_long_visits_last_is_the_session_length(rules, question):
    plan = _plan(rules, question)
    assert (plan.spec.name, plan.args["metrics"]) == ("kpis", ["session_length"])


@pytest.mark.parametrize("question", [
    "pages per session last month",
    "how many pages does a visit take on average",
    "pages per visit this year",
])
def test_pages_per_visit_is_pages_per_session(rules, question):
    assert _plan(rules, question).args["metrics"] == ["pages_per_session"]


def test_session_length_week_by_week_is_its_trend(rules):
    plan = _plan(rules, "session length week by week")
    assert (plan.spec.name, plan.args["metric"], plan.args["grain"]) == ("trend", "session_length", "week")


@pytest.mark.parametrize(("question", "metric"), [
    ("how long from first visit to first paid booking among new guests", "time_to_first_purchase"),
    ("how many sessions did the web shop have last week?", "sessions"),
    ("what share of site visits ended with an order last month", "session_conversion"),
])
def test_visits_counted_or_converted_keep_their_kpi(rules, question, metric):
    assert _plan(rules, question).args["metrics"] == [metric]
