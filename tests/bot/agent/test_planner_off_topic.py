"""Questions outside the shop's data get no tool and an honest answer saying what journeybot
can do, however many data words they happen to contain (a town, a channel, a segment)."""

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


@pytest.mark.parametrize("question", [
    "what's the weather like in Clifton tomorrow",  # a town of the data, nothing asked about it
    "tell me a joke",
    "how do I reset the wifi router",  # "reset" is not an order to delete, "router" not "route"
    "is it going to rain on the tiktok shoot",  # a channel named in passing
])
def test_off_topic_questions_run_nothing_and_say_what_can_be_asked(planner, question):
    answer = planner.answer(question, "off-topic-" + question)
    assert answer.tool_calls == [] and answer.pending is None
    assert answer.text.startswith("I can't help with that")
    assert "funnels, drop-offs" in answer.text  # what it can do instead
    assert len(answer.suggestions) == 3 and len(set(answer.suggestions)) == 3


def test_a_group_or_town_alone_asks_nothing_but_with_a_period_it_is_a_question(planner):
    assert planner.plan("knowle", "alone").spec is None
    plan = planner.plan("how did the vips in clifton do last month", "asked")
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert plan.args["filters"] == {"segment": ["vip"], "city": ["Clifton"]}
    assert plan.args["period"] == {"name": "last_month"}


def test_the_weather_with_a_kpi_is_still_a_kpi_question(planner):
    plan = planner.plan("did the rain last week hurt revenue compared with the week before", "rain")
    assert plan.spec is not None and plan.spec.name == "compare"
    assert plan.args["metrics"] == ["revenue"]


def test_a_word_that_is_a_term_plus_er_is_not_corrected_to_the_term(planner):
    slots = planner.read("the router in the waiting room")
    assert "router" in slots.norm and ("router", "route") not in slots.fixes
