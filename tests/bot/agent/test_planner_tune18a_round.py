"""Readings added in phase M (lane g-tune18a) by class, from the eleventh blind bank's misses,
tested on phrasings of other trades: one day or week singled out by its height ("which single
day ...") is a series at that grain; a month judged ("is July a big month") or set against the
other months, the months of the year ranked, and "certain weekdays" are a time pattern, for the
KPI named (never orders in its place)."""

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


@pytest.mark.parametrize(("question", "grain", "metric"), [
    ("bakery: what one week this quarter had the highest revenue", "week", "revenue"),
    ("which particular day last month brought in the most bookings at the dog groomers", "day", "orders"),
    ("florist here - which exact day this month did we take the most orders", "day", "orders"),
])
def test_one_day_or_week_singled_out_is_a_series_at_that_grain(planner, question, grain, metric):
    assert_plans(planner, question, "trend", key="peak-" + question, grain=grain, metric=metric)


@pytest.mark.parametrize(("question", "metric", "focus"), [
    ("was march a huge month for bookings at the campsite", "orders", "March"),
    ("is february a poor month for revenue, honestly", "revenue", "February"),
    ("how does december stack up against the other months for orders", "orders", "December"),
    ("surf school: how does June compare to the other months on revenue", "revenue", "June"),
])
def test_one_month_weighed_is_a_pattern_of_the_year(planner, question, metric, focus):
    plan = planner.plan(question, "month-" + question)
    assert plan.spec.name == "time_pattern"
    assert plan.args["by"] == "month" and plan.args["metric"] == metric and plan.args["focus"] == focus
    assert "period" not in plan.args


@pytest.mark.parametrize(("question", "metric"), [
    ("plant nursery: which months bring in the most revenue", "revenue"),
    ("which months of the year see the most refunds at the bike shop", "refunded_orders"),
    ("what months have the fewest cancellations, wedding hire", "cancelled_orders"),
])
def test_the_months_of_the_year_ranked_are_a_pattern(planner, question, metric):
    assert_plans(planner, question, "time_pattern", key="months-" + question, by="month", metric=metric)


@pytest.mark.parametrize(("question", "metric"), [
    ("do some days of the week get fewer bookings at the salon", "orders"),
    ("are refunds higher on particular weekdays at the bike shop", "refunded_orders"),
    ("do shoppers leave their carts behind more on certain weekdays", "cart_abandonment"),
])
def test_certain_weekdays_are_a_pattern_of_the_week_for_the_kpi_named(planner, question, metric):
    assert_plans(planner, question, "time_pattern", key="wd-" + question, by="weekday", metric=metric)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("dentist: how many new patients each month this year", "new_visitors", "month"),
    ("plumbing firm: how many jobs per week over the last quarter", "orders", "week"),
    ("how many enquiries has the team closed per week since august", "resolved_tickets", "week"),
    ("how many complaints are the staff sorting out every week this quarter", "resolved_tickets", "week"),
])
def test_a_count_asked_per_week_or_month_is_its_series(planner, question, metric, grain):
    assert_plans(planner, question, "trend", key="per-" + question, metric=metric, grain=grain)


@pytest.mark.parametrize("question", ["how many orders last week", "how many bookings do we get each day of the week"])
def test_a_count_without_a_unit_per_point_stays_one_number(planner, question):
    assert planner.plan(question, "one-" + question).spec.name != "trend"


@pytest.mark.parametrize(("question", "metric"), [
    ("did the cafe take more orders than the fortnight before", "orders"),
    ("revenue compared with the fortnight prior, garden centre", "revenue"),
    ("are the vet's csat scores worse than the fortnight before?", "csat"),
])
def test_against_the_fortnight_before_with_no_period_is_the_last_14_days(planner, question, metric):
    assert_plans(planner, question, "compare", key="fn-" + question, metrics=[metric], period={"name": "last_14_days"})


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("bookings dropped this month at the escape room - was it one channel in particular?", "orders", "channel"),
    ("revenue was down in october, was that mostly one region?", "revenue", "region"),
    ("where has the dip in sessions come from since monday, which sources", "sessions", "channel"),
    ("takings jumped last week at the chippy, was it just one segment?", "revenue", "segment"),
])
def test_a_change_and_the_group_it_came_from_is_movers_over_every_group(planner, question, metric, by):
    plan = planner.plan(question, "mv-" + question)
    assert plan.spec.name == "movers"
    assert plan.args["metric"] == metric and plan.args["by"] == by
    assert "top" not in plan.args  # "one" is the doubt, not a count: every group's share is shown


@pytest.mark.parametrize("question", [
    "share of flower boxes delivered on the agreed date last month",
    "how many cake orders got to customers on the agreed day last month",
    "how many hampers turned up on their due date in november",
])
def test_a_delivery_kept_to_its_day_is_on_time_delivery(planner, question):
    assert_plans(planner, question, "kpis", key="ot-" + question, metrics=["on_time_delivery"])


def test_reaching_a_step_of_the_journey_stays_the_funnel(planner):
    assert planner.plan("how many visitors reached checkout last month", "fun").spec.name == "funnel"
