"""Readings added after the fifth blind bank was scored (issue 17, phase G): alerts asked for
and changed in owners' words (always proposed, never made at once), customers newly at risk,
summaries of what people say, rates of the world outside the data."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def test_an_alert_asked_for_plainly_is_proposed_not_made(planner):
    answer = planner.answer("high-priority alert if the on-time delivery rate falls below 90%", "a1")
    assert answer.pending is not None and answer.tool_calls == []
    assert {k: answer.pending.args[k] for k in ("metric", "condition", "value", "severity")} == \
        {"metric": "on_time_delivery", "condition": "below", "value": 90.0, "severity": "high"}


@pytest.mark.parametrize(("question", "key", "value"), [
    ("the revenue alert should be 25% not 20%", "value", 25.0),
    ("the nps alert should be 15 not 20", "value", 15.0),
    ("bump the csat alert up to high priority", "severity", "high"),
])
def test_a_rule_change_said_as_how_it_should_be_is_a_change(planner, question, key, value):
    plan = planner.plan(question, "c-" + question)
    assert plan.spec.name == "change_alert_rule" and plan.args[key] == value


@pytest.mark.parametrize("question", ["was there an alert when revenue fell", "should the revenue alert be lower?"])
def test_questions_about_alerts_change_nothing(planner, question):
    plan = planner.plan(question, "q-" + question)
    assert plan.spec is None or not plan.spec.changes_state, plan.spec.name


@pytest.mark.parametrize("question", ["who has flipped to high risk since the previous morning report?",
                                      "new churn risks among loyalty members this week"])
def test_risk_that_is_new_is_newly_at_risk(planner, question):
    assert planner.plan(question, "n-" + question).spec.name == "newly_at_risk"


def test_a_summary_of_what_people_say_is_the_themes(planner):
    assert_plans(planner, "sum up what ppl are saying about us, all time", "feedback_themes",
                 key="sum", period={"name": "all"})


@pytest.mark.parametrize("question", ["what's the VAT rate on cinema tickets", "make me a staff rota for next week"])
def test_outside_the_data_gets_no_tool(planner, question):
    assert planner.plan(question, "o-" + question).spec is None
