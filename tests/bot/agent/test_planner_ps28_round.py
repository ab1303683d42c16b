"""Readings added in phase Y (lane g-ps28) by class, from blind23's trend, time-pattern and movers
misses, on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

from typing import Any

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # the goods or the trade's name between the people and the site, the cart or the cancelling
    ("which weekday brings the most people to the candle shop website", "sessions"),
    ("what hour do the most ppl land on our kite web shop", "sessions"),
    ("which weekday do the most hot yoga regulars show up", "active_customers"),
    ("what hour do the most spin class members turn up", "active_customers"),
    ("what hour do karate members give up on their carts most", "cart_abandonment"),
    ("which weekday do shoppers bail on baskets most on the seed site", "cart_abandonment"),
    ("which day of the week do dog groomer clients cancel the most", "cancelled_orders"),
    ("which weekday do piano pupils cancel most", "cancelled_orders"),
])
def test_a_pattern_reads_what_the_people_do_with_the_trade_named_between(rules, question, metric):
    assert_plans(rules, question, "time_pattern", metric=metric)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    # the takings said as a verb with nothing after; sales counted; sessions named by what is done in them
    ("which day last month did the fudge stall take the least", "revenue", "day"),
    ("weekly sales count for the pies since august", "orders", "week"),
    ("axe throwing sessions per day this month", "orders", "day"),
    # the people coming, where they come said before the grain
    ("riders turning up at the stables, week by week since july", "active_customers", "week"),
    # the grain said on its own, set off by commas
    ("how long does it take us to first reply to an enquiry, weekly, last 90 days", "first_response_time", "week"),
    ("how long does a parcel take to get to people, monthly, this year", "delivery_time", "month"),
])
def test_a_series_reads_the_figure_the_trade_says(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metric", "by"), [
    # the goods named between the change and the unit, counted or timed
    ("which region explains the decline in boat hires this month", "orders", "region"),
    ("which city is behind the downturn in lawn mowing jobs this quarter", "orders", "city"),
    ("which region is to blame for slower log shipments this quarter", "delivery_time", "region"),
    ("which channel is to blame for fewer craft ale cases this month", "orders", "channel"),
    # a change said as a slide downhill or south
    ("in which regions has the repeat rate gone south this quarter", "repeat_purchase_rate", "region"),
    ("in which towns has the average basket gone downhill lately", "aov", "city"),
    # who moved most, two periods named
    ("who shifted most on kayak hires this month against last, by city", "orders", "city"),
])
def test_the_groups_behind_a_change_read_the_figure_that_changed(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)


def test_support_cases_stay_the_tickets(rules):
    assert_plans(rules, "how many support cases this week", "kpis", metrics=["tickets"])


@pytest.mark.parametrize(("question", "tool", "args"), [
    # a group set against itself is each group side by side, not two periods
    ("bakery: average basket, town versus town", "movers", {"metric": "aov", "by": "city", "rank": "value"}),
    ("csat for the spa, stage vs stage", "satisfaction_by", {"measure": "csat", "by": "stage"}),
])
def test_a_group_set_against_itself_is_each_group(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


def _thread(planner: Any, key: str, *turns: str) -> Any:
    """Ask the turns in one conversation, as the banks do, and return the last plan."""
    plan = None
    for turn in turns:
        plan = planner.plan(turn, key)
        planner.remember(key, plan)
    return plan


@pytest.mark.parametrize(("turns", "tool", "args"), [
    # "this time" at the end asks the last analysis another way, its period kept
    (("canoe hire takings per town last month", "canoe hire money, area by area this time"),
     "movers", {"metric": "revenue", "by": "region", "period": {"name": "last_month"}}),
    # the people's own group ("the customers' age bands", "our clients' towns") is the group
    (("whose fault is the drop in kiln takings last month, by channel",
      "kiln money again but split by the customers' age bands"),
     "movers", {"metric": "revenue", "by": "age_band", "period": {"name": "last_month"}}),
    (("whose fault is the drop in kiln takings last month, by channel",
      "kiln money again but broken down by our clients' towns"),
     "movers", {"metric": "revenue", "by": "city", "period": {"name": "last_month"}}),
    # the cash "for each of those weeks" is the money over the weeks already named
    (("scone orders per week for the last 90 days", "and the scone cash for each of those weeks"),
     "trend", {"metric": "revenue", "grain": "week", "period": {"name": "last_90_days"}}),
])
def test_a_follow_up_keeps_the_analysis_and_reads_what_it_changes(rules, turns, tool, args):
    plan = _thread(rules, "ps28-" + turns[0], *turns)
    read = plan.spec.name if plan.spec else None
    wrong = {k: plan.args.get(k) for k, v in args.items() if plan.args.get(k) != v}
    assert read == tool and not wrong, f"{turns[-1]!r}: read {read} {plan.args}"
