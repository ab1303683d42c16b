"""Readings added in the post-score round (lane ps4) by class, from blind15's misses, on phrasings
written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # the trade's price of one sale is the average order value
    ("what's the average fee per piano lesson this month", "aov"),
    ("mean charge per grooming appointment last quarter", "aov"),
    ("our average fare this year", "aov"),
    # the trade's work counted, with its own verb
    ("how many patios have we laid this quarter", "orders"),
    ("number of kitchens we fitted last month", "orders"),
    # waits said by where they start and end, or "first" said of the answering
    ("how long before we first get back to a tenant's email this month", "first_response_time"),
])
def test_kpi_said_in_the_trades_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_a_fee_we_pay_is_not_the_average_order_value(rules):
    plan = rules.plan("average card fee per order", "ps4-card-fee")
    assert "aov" not in (plan.args.get("metrics") or [])


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("haircuts per day last week", "orders", "day"),
    ("show our money per week for the last 2 months", "revenue", "week"),
    ("placements by month this year", "orders", "month"),
])
def test_a_count_or_the_money_per_period_is_its_course(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize("question", [
    "any gaps in the figures since the card machine broke in august",
    "what have you got on our salon, bookings and all",
])
def test_what_the_data_holds(rules, question):
    assert_plans(rules, question, "describe_data")


@pytest.mark.parametrize(("question", "cadence"), [
    ("can i get this week's summary report", "weekly"),
])
def test_the_regular_report_asked_by_name(rules, question, cadence):
    assert_plans(rules, question, "digest")


@pytest.fixture(scope="module")
def with_fallback():
    """The planner as owners meet it, the nearest-phrasing fallback on: a question about the
    world must be refused before the fallback is asked."""
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "on"})
    return OfflinePlanner(ToolContext(store=bank_store(), config=config), all_tools())


@pytest.mark.parametrize("question", [
    # places the data holds as customers' towns: still a night out, not the data
    "anything happening around clifton this weekend",
    "what's on down in southville on saturday night",
])
def test_what_is_on_out_in_the_world_is_not_the_data(with_fallback, question):
    assert_plans(with_fallback, question, None)


@pytest.mark.parametrize(("question", "least"), [
    ("how many clients have ordered from us 4+ times this year", 4),
    ("how many regulars have shopped with us 5 plus times", 5),
])
def test_n_plus_times_is_the_repeat_head_count(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)
