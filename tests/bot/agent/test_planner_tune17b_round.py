"""Readings added in phase M (lane g-tune17b) by class, from the tenth blind bank's remaining
misses in feedback, satisfaction, customers, alerts and personas. The phrasings are this lane's
own (other trades and Englishes), not the bank's; each is read by the word rules alone."""

from __future__ import annotations

import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def rules() -> OfflinePlanner:
    """The word rules alone: a reading by meaning must not be what makes these pass."""
    from sample_cache import bank_store

    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    return OfflinePlanner(ToolContext(store=bank_store(), config=config), all_tools())


def _plan(planner: OfflinePlanner, question: str, key: str):
    plan = planner.plan(question, key)
    planner.remember(key, plan)
    return plan


# -- a topic named after where or when people wrote is a search, not the themes ---------------------

@pytest.mark.parametrize(("question", "query"), [
    ("what have clients written in their reviews about the waiting room", "waiting room"),
    ("what did guests say in the surveys regarding breakfast", "breakfast"),
    ("what did punters say last month about the new pies", "new pies"),
])
def test_a_topic_after_the_source_is_searched(rules: OfflinePlanner, question: str, query: str) -> None:
    plan = _plan(rules, question, "topic-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan.spec
    assert query in plan.args.get("query", ""), plan.args


@pytest.mark.parametrize("question", [
    "what did people say in the support tickets",
    "what are customers saying in the reviews about us",
    "what have guests been saying over the last month",
])
def test_no_topic_is_still_the_themes(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "notopic-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec


@pytest.mark.parametrize(("question", "query"), [
    ("anything about the evening bookings last month?", "evening bookings"),
    ("anything about the weekend deliveries this month", "weekend deliveries"),
    ("anything about the boiler repairs since august?", "boiler repairs"),
])
def test_anything_about_things_of_one_kind_is_searched(rules: OfflinePlanner, question: str, query: str) -> None:
    plan = _plan(rules, question, "kind-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan.spec
    assert query in plan.args.get("query", ""), plan.args


@pytest.mark.parametrize("question", ["anything about revenue I should know?", "anything about the total orders last month?"])
def test_anything_about_a_kpi_is_still_the_kpi(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "kpi-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec
