"""Requests and steps said the way owners say them (issue 17, phase F): an alert asked for
after its condition is proposed and confirmed, never made at once; the same words about the
past are a question; steps named in words or arrows are the funnel's steps."""

from __future__ import annotations

import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def test_a_condition_then_the_ask_proposes_a_rule_and_saves_nothing_yet(planner):
    answer = planner.answer("if instagram revenue drops by 25% week on week i want to know", "rule")
    assert answer.pending is not None and answer.tool_calls == []
    assert answer.pending.tool == "create_alert_rule"
    assert {k: answer.pending.args[k] for k in ("metric", "condition", "value", "window_days", "channel")} == \
        {"metric": "revenue", "condition": "drops_by", "value": 25.0, "window_days": 7, "channel": "instagram"}
    assert "nothing has been done yet" in answer.text


@pytest.mark.parametrize("question", ["when did revenue drop, tell me",
                                      "when was the last time csat fell below 80, let me know"])
def test_the_same_words_about_the_past_are_a_question_not_a_rule(planner, question):
    plan = planner.plan(question, "past-" + question)
    assert plan.spec is not None and not plan.spec.changes_state


@pytest.mark.parametrize(("question", "steps"), [
    ("website visit -> add to basket -> checkout -> order placed, how many get through?",
     ["website_visit", "add_to_cart", "checkout_start", "order_placed"]),
    ("how many go from product page to basket to checkout", ["product_view", "add_to_cart", "checkout_start"]),
    ("from a quote request through to an order being placed, how many convert?", ["quote_request", "order_placed"]),
])
def test_steps_in_words_are_the_funnels_steps(planner, question, steps):
    plan = planner.plan(question, "steps-" + question)
    assert plan.spec is not None and plan.spec.name == "funnel"
    assert plan.args["touchpoints"] == steps


def test_a_bare_checkout_outside_a_chain_stays_the_decision_stage(planner):
    plan = planner.plan("where do shoppers leave before they reach the checkout?", "checkout")
    assert plan.spec is not None and plan.spec.name == "dropoffs"
    assert plan.args.get("goal_stage") == "decision" and "goal_touchpoint" not in plan.args


def test_a_follow_up_keeps_the_stage_level(planner):
    first = planner.plan("at what stage do facebook folk bail out", "level")
    planner.remember("level", first)
    plan = planner.plan("and instagram?", "level")
    assert plan.spec is not None and plan.spec.name == "dropoffs"
    assert plan.args["level"] == "stage" and plan.args["filters"] == {"channel": ["instagram"]}
