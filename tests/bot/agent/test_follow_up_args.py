"""A follow-up that changes one thing keeps every other argument of the analysis before it,
through the agent and its conversation memory (which a restart reads back): "and in revenue
terms?" after "NPS by age band, just each band's score" is each band's revenue, not the bands
that moved most; "just the top 3" keeps the ranking; "now as nps" keeps the split. A follow-up
that asks for another analysis starts from that analysis's own reading."""

from __future__ import annotations

import pytest
from sample_cache import bank_store

from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import load_config


def _agent(tmp_path) -> JourneyAgent:
    ctx = ToolContext(store=bank_store(), config=load_config(env={}))
    return JourneyAgent(ctx, model_label="offline planner", memory_path=tmp_path / "memory.sqlite")


@pytest.fixture
def agent(tmp_path):
    agent = _agent(tmp_path)
    yield agent
    agent.close()


def _given(value):
    """An argument as the tool call recorded it, without the fields left empty."""
    if isinstance(value, dict):
        return {k: _given(v) for k, v in value.items() if v is not None}
    return str(value) if hasattr(value, "isoformat") else value


def _call(answer):
    [call] = answer.tool_calls
    return call.name, _given(call.args)


def test_a_new_metric_keeps_the_levels_reading_and_the_period(agent, tmp_path):
    name, first = _call(agent.answer("NPS by age band, just each band's score", "T:levels"))
    assert (name, first["by"], first["rank"]) == ("movers", "age_band", "value")
    then = agent.answer("and in revenue terms?", "T:levels")
    name, args = _call(then)
    assert name == "movers" and args["metric"] == "revenue"
    assert args["by"] == "age_band" and args["rank"] == "value"  # each band's revenue, not the movers
    assert args["period"] == first["period"]
    assert "age band" in then.text.lower()
    # a restart reads the same conversation back: the next change keeps the revenue reading
    agent.close()
    again = _agent(tmp_path)
    try:
        name, top = _call(again.answer("just the top 3", "T:levels"))
    finally:
        again.close()
    assert name == "movers" and (top["metric"], top["by"], top["rank"], top["top"]) == ("revenue", "age_band", "value", 3)


def test_a_limit_keeps_the_ranking_and_the_group(agent):
    _, first = _call(agent.answer("which town spends the most with us", "T:towns"))
    assert first["rank"] == "value" and first["by"] == "city"
    name, args = _call(agent.answer("just the top 3", "T:towns"))
    assert name == "movers" and args["top"] == 3
    assert (args["metric"], args["by"], args["rank"], args["period"]) == \
        (first["metric"], "city", "value", first["period"])


def test_a_new_measure_keeps_the_split(agent):
    _, first = _call(agent.answer("review score per product category", "T:sat"))
    assert first["by"] == "product_category"
    name, args = _call(agent.answer("now as nps", "T:sat"))
    assert (name, args["measure"], args["by"]) == ("satisfaction_by", "nps", "product_category")


def test_a_new_group_of_customers_keeps_the_kpi_and_the_period(agent):
    _, first = _call(agent.answer("how likely are people to recommend us, since September?", "T:vip"))
    name, args = _call(agent.answer("same but for the vips", "T:vip"))
    assert name == "kpis" and args["metrics"] == ["nps"] and args["filters"] == {"segment": ["vip"]}
    assert args["period"] == first["period"]


def test_a_new_period_keeps_the_funnel_steps_and_its_customers(agent):
    _, first = _call(agent.answer("funnel from consideration to purchase for customers in Bristol", "T:funnel"))
    assert first["stages"] == ["consideration", "decision", "purchase"]
    name, args = _call(agent.answer("what about last month?", "T:funnel"))
    assert name == "funnel" and args["period"] == {"name": "last_month"}
    assert args["stages"] == first["stages"] and args["filters"] == first["filters"]


def test_a_follow_up_that_asks_for_another_analysis_starts_fresh(agent):
    agent.answer("which town spends the most with us", "T:fresh")
    name, args = _call(agent.answer("and what are customers complaining about?", "T:fresh"))
    assert name == "feedback_themes" and "rank" not in args and "by" not in args


def test_a_kpi_after_a_split_funnel_is_each_groups_level_of_it(agent):
    _, first = _call(agent.answer("which age group converts worst", "T:split"))
    assert first["by"] == "age_band"
    then = agent.answer("ok and in money terms?", "T:split")
    name, args = _call(then)
    assert (name, args["metric"], args["by"], args["rank"]) == ("movers", "revenue", "age_band", "value")
    assert args["period"] == first["period"]
