"""Questions about when customers come go to time_pattern with the unit and KPI they name; a
question about one particular day stays a daily trend; "and by hour?" after a weekday answer
keeps the KPI and changes the unit."""

from __future__ import annotations

import pytest
from sample_cache import bank_store

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})),
                          all_tools())


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("what's our busiest day of the week?", "orders", "weekday"),
    ("what time do most orders come in?", "orders", "hour"),
    ("when do people send complaints?", "tickets", "hour"),
    ("which month is best for us?", "orders", "month"),
    ("revenue by day of the week last quarter", "revenue", "weekday"),
    ("whats our busyest time of day for web traffic", "sessions", "hour"),
    ("is csat worse on some days of the week?", "csat", "weekday"),
    ("what's our busiest day?", "orders", "weekday"),  # no period: the day of the week
])
def test_when_questions_go_to_the_time_pattern(planner, question, metric, by):
    answer = planner.answer(question, f"q-{question}")
    [call] = answer.tool_calls
    assert (call.name, call.args["metric"], call.args["by"]) == ("time_pattern", metric, by)


@pytest.mark.parametrize("question", ["which day last week was busiest", "which day last month had the most revenue"])
def test_one_particular_day_stays_a_daily_trend(planner, question):
    [call] = planner.answer(question, f"q-{question}").tool_calls
    assert (call.name, call.args["grain"]) == ("trend", "day")


def test_and_by_hour_keeps_the_kpi_and_changes_the_unit(planner):
    planner.answer("revenue by day of the week", "follow")
    [call] = planner.answer("and by hour?", "follow").tool_calls
    assert (call.name, call.args["metric"], call.args["by"]) == ("time_pattern", "revenue", "hour")


def test_a_day_named_is_the_focus(planner):
    [call] = planner.answer("are mondays worth opening?", "focus").tool_calls
    assert call.args["focus"] == "Monday"
    assert "Monday:" in planner.answer("are mondays worth opening?", "focus2").text
