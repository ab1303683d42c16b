"""Readings added in phase K (lane g-tune14) by class, from the ninth blind bank's misses: one
weekday or month named and weighed up ("is Tuesday a quiet day for us?", "is March a busy
month?") is where it ranks among the others (time_pattern with a focus); the hours of the
evening, or a KPI "depending on the hour", are the hours of the day set side by side; "how did
we get on" over a named period is the headline KPIs of that period."""

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


@pytest.mark.parametrize(("question", "focus"), [
    ("is tuesday a quiet day for the shop?", "Tuesday"),
    ("are saturdays our best trading day", "Saturday"),
    ("is wednesday a slow night for us", "Wednesday"),
    ("should we even bother opening on thursdays", "Thursday"),
])
def test_one_weekday_weighed_up_is_where_it_ranks_among_the_days(planner, question, focus):
    assert_plans(planner, question, "time_pattern", key="day-" + question, by="weekday", focus=focus)


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
    assert_plans(planner, "which is the quietest weekday over the last 3 months?", "time_pattern",
                 key="quiet-weekday", by="weekday", period={"name": "last_90_days"})


@pytest.mark.parametrize(("question", "metric"), [
    ("what time of the morning do most orders land?", "orders"),
    ("what time of the evening does the takings peak", "revenue"),
    ("how fast do we resolve tickets depending on the time of day they come in", "resolution_time"),
])
def test_the_hours_asked_for_in_words_are_the_hours_of_the_day(planner, question, metric):
    assert_plans(planner, question, "time_pattern", key="hour-" + question, by="hour", metric=metric)


@pytest.mark.parametrize(("question", "period"), [
    ("how did the bakery get on in march?", {"start": "2026-03-01", "end": "2026-03-31"}),
    ("how'd we do today", {"name": "today"}),
    ("how did we get on this quarter", {"name": "this_quarter"}),
])
def test_how_we_got_on_over_a_named_period_is_its_headline_numbers(planner, question, period):
    assert_plans(planner, question, "kpis", key="got-on-" + question, period=period)


def test_how_we_did_yesterday_stays_the_digest(planner):
    assert planner.plan("how did we do yesterday?", "yday").spec.name == "digest"


@pytest.mark.parametrize("question", ["how many no-shows did we get this week?", "no shows last month"])
def test_no_shows_are_counted_with_the_cancellations(planner, question):
    # a booking nobody turned up to is kept as a kind of cancellation (docs/METRICS.md)
    assert_plans(planner, question, "kpis", key="noshow-" + question, metrics=["cancelled_orders"])


@pytest.mark.parametrize("question", ["which step lost us the most customers last month",
                                      "which stage lost the most shoppers in march"])
def test_the_step_that_lost_the_most_people_is_the_drop_offs(planner, question):
    assert_plans(planner, question, "dropoffs", key="lost-" + question)


def test_a_channel_that_lost_us_customers_is_not_read_as_a_journey_step(planner):
    plan = planner.plan("which channel lost us the most customers", "lost-channel")
    assert plan.spec is not None and plan.spec.name != "dropoffs"


@pytest.mark.parametrize(("question", "grain"), [
    ("orders month after month this year", "month"),
    ("takings week after week for this quarter", "week"),
])
def test_one_after_another_is_a_series_at_that_grain(planner, question, grain):
    assert_plans(planner, question, "trend", key="after-" + question, grain=grain)


@pytest.mark.parametrize(("question", "period"), [
    ("daily orders over the last month", "last_month"),
    ("revenue in the last month", "last_month"),
    ("daily orders over the past month", "last_30_days"),
])
def test_the_last_month_is_the_calendar_month_the_past_month_its_30_days(planner, question, period):
    plan = planner.plan(question, "period-" + question)
    assert plan.args["period"] == {"name": period}


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("are guests in a better mood on weekends? nps by weekday", "nps", "weekday"),
    ("do guests feel happier in the evening? csat by hour", "csat", "hour"),
])
def test_a_kpi_set_out_by_weekday_or_hour_is_its_pattern_whatever_the_mood_words(planner, question, metric, by):
    assert_plans(planner, question, "time_pattern", key="mood-" + question, metric=metric, by=by)


def test_browsing_the_website_by_hour_is_the_sessions(planner):
    plan = planner.plan("what time of day do people browse the website", "web-hour")
    assert plan.spec.name == "time_pattern" and plan.args["metric"] == "sessions"
    assert_plans(planner, "when in the day do people shop on the website", "time_pattern",
                 key="web-hour-2", metric="sessions")


@pytest.mark.parametrize("question", ["orders in the last calendar month", "revenue for the previous calendar month"])
def test_the_last_calendar_month_is_last_month(planner, question):
    assert planner.plan(question, "cal-" + question).args["period"] == {"name": "last_month"}
