"""Readings added in phase I (lane g-tune8) by class, each seen in answers: lifetime value as it
stands ("historic", "so far", "not a prediction") is the KPI, not the model's outlook; a future
word that is ruled out ("not a forecast") asks for the past; a setting of the last analysis
said with "that" ("show me that at stage level") keeps that analysis."""

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


@pytest.mark.parametrize("question", ["historic CLV so far this year",
                                      "what has the average customer actually been worth so far this year, not a prediction"])
def test_lifetime_value_as_it_stands_is_the_kpi(planner, question):
    answer = planner.answer(question, "clv-" + question)
    [call] = answer.tool_calls
    assert call.name == "kpis" and call.args["metrics"] == ["clv"]
    assert call.args["period"]["name"] == "this_year"
    assert answer.text.lower().startswith("customer lifetime value") or "lifetime value" in answer.understood.lower()


@pytest.mark.parametrize("question", ["what's a customer worth over their lifetime?",
                                      "how much is a member worth to us over the next 2 years, spend so far included"])
def test_lifetime_value_with_the_future_stays_with_the_model(planner, question):
    assert planner.plan(question, "ltv-" + question).spec.name == "customer_lifetime_value"


def test_a_ruled_out_forecast_asks_for_the_past(planner):
    plan = planner.plan("revenue last month, not a forecast", "nf")
    assert plan.spec.name == "kpis" and plan.args["period"] == {"name": "last_month"}
    assert planner.plan("revenue forecast for next quarter", "f").spec.name == "revenue_forecast"


def test_a_setting_of_the_last_analysis_said_with_that_keeps_it(planner):
    planner.answer("where do people drop off", "lvl")
    answer = planner.answer("show me that at stage level rather than touchpoints", "lvl")
    [call] = answer.tool_calls
    assert call.name == "dropoffs" and call.args["level"] == "stage"


def test_the_question_inside_chit_chat_is_read_alone(planner):
    answer = planner.answer("ok so I've been staring at the spreadsheets all morning and honestly I can't tell, "
                            "how much money did we actually take over the last fortnight?", "chat")
    [call] = answer.tool_calls
    assert call.name == "kpis" and call.args["metrics"] == ["revenue"]
    assert call.args["period"]["name"] == "last_14_days"


@pytest.mark.parametrize(("question", "tool", "args"), [
    # the first clause says who: part of the question
    ("of the people who viewed a product, how many went on to add to cart? funnel", "funnel",
     {"touchpoints": ["product_view", "add_to_cart"]}),
    # two questions in one message: both halves
    ("two things: how many tickets came in last week, and how fast did we get back to them first time?", "kpis",
     {"metrics": ["tickets", "first_response_time"]}),
])
def test_a_first_clause_that_names_something_stays_in_the_question(planner, question, tool, args):
    plan = planner.plan(question, "whole-" + question)
    assert plan.spec.name == tool and {k: plan.args.get(k) for k in args} == args
