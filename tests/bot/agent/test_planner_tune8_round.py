"""Readings added in phase I (lane g-tune8) by class, each seen in answers: lifetime value as it
stands ("historic", "so far", "not a prediction") is the KPI, not the model's outlook; a future
word that is ruled out ("not a forecast") asks for the past; a setting of the last analysis
said with "that" ("show me that at stage level") keeps that analysis."""

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


def test_a_flood_from_one_of_the_channels_is_an_unusual_rise_watched_per_channel(planner):
    answer = planner.answer("flag it if one of the channels suddenly sends us a flood of newcomers", "flood")
    assert answer.pending is not None and answer.tool_calls == []  # proposed, never made at once
    assert {k: answer.pending.args.get(k) for k in ("metric", "condition", "direction", "per")} == \
        {"metric": "new_visitors", "condition": "unusual", "direction": "up", "per": "channel"}


@pytest.mark.parametrize(("question", "tool", "args"), [
    # examples of a stage illustrate it: no touchpoint or channel filter made of them
    ("paths that lead to advocacy, like referrals and testimonials", "paths",
     {"goal_stage": "advocacy", "goal_touchpoint": None, "filters": None}),
    ("who's only just tipped into being at risk this week", "newly_at_risk", {}),
    ("of the people weighing us up, how many end up actually buying", "funnel",
     {"stages": ["consideration", "decision", "purchase"]}),
])
def test_owner_words_for_stages_and_risk(planner, question, tool, args):
    plan = planner.plan(question, "words-" + question)
    assert plan.spec.name == tool and {k: plan.args.get(k) for k in args} == args


def test_a_kpi_found_by_resemblance_with_words_of_its_course_is_its_trend(planner):
    assert_plans(planner, "are people ditching their baskets more than they used to?", "trend",
                 key="drift", metric="cart_abandonment")
