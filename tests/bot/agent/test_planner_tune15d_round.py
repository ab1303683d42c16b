"""Readings added in phase L (lane g-tune15d) by class, asked with the rules only (the fallback
off), from owners' questions on real data sets: a customer dimension's groups named in the
plural with no "by" ("how satisfied are our segments?") are a split by that dimension, not one
figure for everyone."""

from __future__ import annotations

import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    env = {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


# -- the groups in the plural, no "by" --------------------------------------------------------------
@pytest.mark.parametrize(("question", "tool", "by"), [
    ("how happy are our customer groups with us, going by nps?", "satisfaction_by", "segment"),  # gym, US
    ("how do our channels rate us?", "satisfaction_by", "channel"),  # florist
    ("how satisfied are the tiers on the loyalty scheme", "satisfaction_by", "segment"),  # cafe, UK
    ("how satisfied were our regions last quarter?", "movers", "region"),  # wholesaler
    ("how are the regions doing", "movers", "region"),  # bakery chain
    ("how are our channels performing this month", "movers", "channel"),  # online shop
    ("how are our towns getting on for orders?", "movers", "city"),  # van hire, UK
    ("how have our age groups been doing for revenue lately", "movers", "age_band"),  # bike shop, AU
])
def test_plural_groups_are_a_split(planner: OfflinePlanner, question: str, tool: str, by: str) -> None:
    plan = planner.plan(question)
    assert plan.spec is not None and plan.spec.name == tool, (question, plan.spec and plan.spec.name, plan.args)
    assert plan.args.get("by") == by


@pytest.mark.parametrize("question", [
    "how is our vip segment doing",  # one group named: its own figures
    "how many customers are in our segments",  # a count of people, not each group's level
    "how are we doing this month",  # no group at all
])
def test_one_group_or_none_is_not_a_split(planner: OfflinePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert not (plan.spec is not None and plan.spec.name in ("movers", "satisfaction_by")), (question, plan.args)
