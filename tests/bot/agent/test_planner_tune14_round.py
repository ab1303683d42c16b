"""Readings added in phase K (lane g-tune14) by class, from the ninth blind bank's misses: one
weekday or month named and weighed up ("is Tuesday a quiet day for us?", "is March a busy
month?") is where it ranks among the others (time_pattern with a focus); the hours of the
evening, or a KPI "depending on the hour", are the hours of the day set side by side; "how did
we get on" over a named period is the headline KPIs of that period."""

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


@pytest.mark.parametrize(("question", "focus"), [
    ("is tuesday a quiet day for the shop?", "Tuesday"),
    ("are saturdays our best trading day", "Saturday"),
    ("is wednesday a slow night for us", "Wednesday"),
    ("should we even bother opening on thursdays", "Thursday"),
])
def test_one_weekday_weighed_up_is_where_it_ranks_among_the_days(planner, question, focus):
    plan = planner.plan(question, "day-" + question)
    assert plan.spec is not None and plan.spec.name == "time_pattern"
    assert plan.args["by"] == "weekday" and plan.args["focus"] == focus


@pytest.mark.parametrize(("question", "focus"), [
    ("is march a quiet month for us?", "March"),
    ("was december our busiest month", "December"),
])
def test_one_month_weighed_up_is_where_it_ranks_in_the_year_not_that_month_alone(planner, question, focus):
    plan = planner.plan(question, "month-" + question)
    assert plan.spec is not None and plan.spec.name == "time_pattern"
    assert plan.args["by"] == "month" and plan.args["focus"] == focus
    assert "period" not in plan.args  # the whole year's months, so the month has others to rank against


def test_the_best_weekday_over_a_period_is_the_pattern_of_that_period(planner):
    plan = planner.plan("which is the quietest weekday over the last 3 months?", "quiet-weekday")
    assert plan.spec is not None and plan.spec.name == "time_pattern"
    assert plan.args["by"] == "weekday" and plan.args["period"] == {"name": "last_90_days"}


@pytest.mark.parametrize(("question", "metric"), [
    ("what time of the morning do most orders land?", "orders"),
    ("what time of the evening does the takings peak", "revenue"),
    ("how fast do we resolve tickets depending on the time of day they come in", "resolution_time"),
])
def test_the_hours_asked_for_in_words_are_the_hours_of_the_day(planner, question, metric):
    plan = planner.plan(question, "hour-" + question)
    assert plan.spec is not None and plan.spec.name == "time_pattern"
    assert plan.args["by"] == "hour" and plan.args["metric"] == metric


@pytest.mark.parametrize(("question", "period"), [
    ("how did the bakery get on in march?", {"start": "2026-03-01", "end": "2026-03-31"}),
    ("how'd we do today", {"name": "today"}),
    ("how did we get on this quarter", {"name": "this_quarter"}),
])
def test_how_we_got_on_over_a_named_period_is_its_headline_numbers(planner, question, period):
    plan = planner.plan(question, "got-on-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert plan.args["period"] == period


def test_how_we_did_yesterday_stays_the_digest(planner):
    assert planner.plan("how did we do yesterday?", "yday").spec.name == "digest"
