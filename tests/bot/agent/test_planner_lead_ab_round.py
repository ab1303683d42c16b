"""Readings the lead added after blind26's one score (phase AB). A question about what the alert
rules watch, asked of each or all of them, lists the rules and never proposes a new one
(blind26's "what does each of our alerts keep an eye on" was read as create_alert_rule with no
metric). Stock ordered from a supplier is no tool, also by likeness (the fallback). Phrasings in
other trades and words than the questions that showed the misses."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.fixture(scope="module")
def planner_with_fallback():
    """The product's default: rules, then the nearest labelled phrasings when no rule fits."""
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


@pytest.mark.parametrize("question", [
    "what do all our alarms watch at the chip shop",
    "what does every alert we have cover",
    "remind me, what does each of my alerts check",
    "nursery: what do each of the warnings look at",
    "what does any of our alerts actually track",
])
def test_what_each_or_every_alert_watches_lists_the_rules(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize("question", [
    "alert me if every one of the shops drops 20% in orders",
    "what does the refund alert watch",
])
def test_an_alert_order_or_one_rule_asked_about_keeps_its_reading(rules, question):
    """Guards: an order to make a rule is still one; a single rule asked about still lists."""
    tool = "list_alert_rules" if question.startswith("what") else "create_alert_rule"
    assert_plans(rules, question, tool)


@pytest.mark.parametrize("question", [
    "order 30 tins of paint",
    "order more printer ink",
    "order 24 bottles of gin",
    "order 40 sacks of oats for the stables",
])
def test_stock_ordered_from_a_supplier_is_no_tool_even_by_likeness(planner_with_fallback, question):
    """The paraphrase bank's "order 50 bags of flour" was read by the nearest-phrasing fallback
    (the product's default) as the orders by weekday: an order to place is no analysis."""
    assert_plans(planner_with_fallback, question, None)


@pytest.mark.parametrize(("question", "tool"), [
    ("order value by channel last month", "movers"),
    ("orders last week", "kpis"),
])
def test_orders_asked_about_are_still_read(rules, question, tool):
    assert_plans(rules, question, tool)
