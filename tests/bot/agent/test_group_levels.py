"""Each group's level asked in owners' words (issue 17): "revenue by neighbourhood", "which
state brings in the most money?", "delivery time in Clifton vs Redland". These used to get the
overall KPI with the group silently dropped, two towns merged into one filter compared with the
month before, or no answer at all."""

from __future__ import annotations

import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def ctx() -> ToolContext:
    from sample_cache import bank_store

    return ToolContext(store=bank_store(), config=load_config(env={}))


@pytest.fixture(scope="module")
def planner(ctx) -> OfflinePlanner:
    return OfflinePlanner(ctx, all_tools())


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("revenue by neighbourhood last month", "revenue", "city"),
    ("orders per county this year", "orders", "region"),
    ("which state brings in the most money", "revenue", "region"),
    ("which age group spends the most", "revenue", "age_band"),
    ("which suburbs place the most orders", "orders", "city"),
    ("where do most of our customers live", "active_customers", "city"),
])
def test_a_level_by_group_is_each_groups_value(planner, question, metric, by):
    plan = planner.plan(question, "lv-" + question)
    assert plan.spec is not None and plan.spec.name == "movers", (question, plan.args)
    assert (plan.args["metric"], plan.args["by"], plan.args["rank"]) == (metric, by, "value")


def test_two_places_set_side_by_side_are_not_merged_into_one_filter(planner, ctx):
    plan = planner.plan("delivery time in Clifton vs Redland", "side")
    assert plan.spec.name == "movers"
    assert plan.args["by"] == "city" and plan.args["filters"] == {"city": ["Clifton", "Redland"]}
    answer = planner.answer("delivery time in Clifton vs Redland", "side-answer")
    assert answer.text.startswith("Delivery time (median) by city"), answer.text[:200]
    lines = answer.text.splitlines()
    assert any(line.startswith("Clifton") for line in lines) and any(line.startswith("Redland") for line in lines)


def test_ratings_of_two_channels_are_satisfaction_by_channel(planner):
    plan = planner.plan("nps for instagram vs facebook customers", "nps-side")
    assert plan.spec.name == "satisfaction_by" and plan.args["by"] == "channel"


@pytest.mark.parametrize("question", ["which channel drove the change in revenue this month?",
                                      "revenue fell last week, which city was it",
                                      "which segment's conversion dropped most compared with last month"])
def test_a_change_explained_by_group_keeps_ranking_the_change(planner, question):
    plan = planner.plan(question, "chg-" + question)
    assert plan.spec.name == "movers" and plan.args.get("rank", "change") == "change", plan.args


@pytest.mark.parametrize("question", ["what will existing customers spend next quarter, by segment?",
                                      "conversion from consideration to purchase by channel"])
def test_forecasts_and_funnels_by_group_stay_theirs(planner, question):
    plan = planner.plan(question, "other-" + question)
    assert plan.spec is not None and plan.spec.name != "movers", plan.args


def test_what_did_we_sell_is_revenue_and_orders(planner):
    plan = planner.plan("what did we sell last week", "sell")
    assert plan.spec.name == "kpis" and sorted(plan.args["metrics"]) == ["orders", "revenue"]


@pytest.mark.parametrize(("question", "grain", "metric"), [
    ("which day last week was busiest", "day", "orders"),
    ("what week had the most orders this quarter", "week", "orders"),
    ("which day in october had the highest revenue", "day", "revenue"),
])
def test_which_day_or_week_was_highest_is_a_trend_naming_its_peak(planner, question, grain, metric):
    plan = planner.plan(question, "peak-" + question)
    assert plan.spec.name == "trend" and (plan.args["grain"], plan.args["metric"]) == (grain, metric), plan.args
    answer = planner.answer(question, "peak-answer-" + question)
    assert f"Highest {grain}:" in answer.text


def test_which_month_was_highest_is_never_a_ranking_of_channels(planner):
    plan = planner.plan("which month had the most sessions", "month-peak")
    assert plan.spec is None or plan.spec.name != "movers"
