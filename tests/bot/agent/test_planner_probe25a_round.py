"""Readings added in phase AA (lane g-probe25a) by class, from the misses of
tests/questions_probe25a.yaml and of blind24's people-and-service asks, on phrasings written for
this round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no
reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    plan = rules.plan(question, "p25a-" + question)
    return (plan.spec.name if plan.spec else None), plan.args


# The trade's own people turning up, showing up, coming in or through the door: the customers
# active with us, whatever the people are called, in every tool that reads one KPI or several.
@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how many anglers turned up at the lake this month", "kpis", {"metrics": ["active_customers"]}),
    ("how many bellringers showed up for practice last week", "kpis", {"metrics": ["active_customers"]}),
    ("how many of me archers came through the range doors yesterday", "kpis", {"metrics": ["active_customers"]}),
    ("barbershop regulars who came in over the past 7 days, how many", "kpis", {"metrics": ["active_customers"]}),
    ("rowers turning up at the boathouse, month by month", "trend", {"metric": "active_customers", "grain": "month"}),
    ("welders coming in each day over the last 30 days", "trend", {"metric": "active_customers", "grain": "day"}),
    ("which weekday do the most rowers show up", "time_pattern", {"metric": "active_customers", "by": "weekday"}),
    ("which segment explains fewer knitters turning up this month", "movers",
     {"metric": "active_customers", "by": "segment"}),
    ("hikers coming in, per town, most first", "movers", {"metric": "active_customers", "by": "city", "rank": "value"}),
    ("potters coming through the door, this month vs last", "compare", {"metrics": ["active_customers"]}),
])
def test_a_trades_people_coming_are_the_active_customers(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metric"), [
    ("how many orders came in yesterday", "orders"),
    ("how many complaints came in this week", "tickets"),
    ("how many diners popped in more than twice this month", "repeat_customers"),
])
def test_goods_and_complaints_coming_in_keep_their_own_readings(rules, question, metric):
    tool, args = _plan(rules, question)
    assert tool == "kpis" and args.get("metrics") == [metric], (question, tool, args)


def test_new_visitors_dropping_by_a_share_stay_the_new_visitors(rules):
    assert_plans(rules, "alert me if new visitors drop by a quarter on the previous week", "create_alert_rule",
                 metric="new_visitors")


# Support figures said by what became of the complaint: closed off, what share got put right,
# from landing to sorted for good, still waiting on us, the hour complaints land.
@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how many complaints did the bakery staff close off this week", "kpis", {"metrics": ["resolved_tickets"]}),
    ("hair salon: moans we dealt with yesterday, and how many still sitting open", "kpis",
     {"metrics": ["resolved_tickets", "open_tickets"]}),
    ("of the moans that landed in september, what share got put right", "kpis", {"metrics": ["resolution_rate"]}),
    ("from a query landing to it being sorted for good, how long, this quarter", "kpis",
     {"metrics": ["resolution_time"]}),
    ("how many clients are still waiting on us to fix their booking", "kpis", {"metrics": ["open_tickets"]}),
    ("enquiries still waiting on us, each day over the last 14 days", "trend", {"metric": "open_tickets", "grain": "day"}),
    ("salon complaints - what clock hour do they come in", "time_pattern", {"metric": "tickets", "by": "hour"}),
    ("pub complaints closed off this month vs last", "compare", {"metrics": ["resolved_tickets"]}),
    ("how many booking queries are still open and not sorted", "kpis", {"metrics": ["open_tickets"]}),
    ("how many booking queries haven't been sorted yet", "kpis", {"metrics": ["open_tickets"]}),
])
def test_what_became_of_the_complaints_is_the_desks_figure(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


# Parcels said in the trade's words, and a visit's length beside the visits.
@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how long a hamper takes to reach folk, week by week", "trend", {"metric": "delivery_time", "grain": "week"}),
    ("median days for a quilt to reach the buyer this quarter", "kpis", {"metrics": ["delivery_time"]}),
    ("what % of fennel crates got there when we promised", "kpis", {"metrics": ["on_time_delivery"]}),
    ("shop website visits this month and how long each one lasts", "kpis", {"metrics": ["sessions", "session_length"]}),
    ("visits to the booking site and how long they last, this week against last", "compare",
     {"metrics": ["sessions", "session_length"]}),
])
def test_parcels_and_visits_in_words(rules, question, tool, args):
    got_tool, got = _plan(rules, question)
    assert got_tool == tool, (question, got_tool, got)
    for key, value in args.items():
        if key == "metrics":
            assert set(got.get("metrics") or []) == set(value), (question, got)
        else:
            assert got.get(key) == value, (question, got)


# The people who bought, counted when their number moves or is compared.
@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which segment explains the jump in gift box buyers this week", "movers", {"metric": "buyers", "by": "segment"}),
    ("candle buyers 1-15 oct vs 1-15 sep", "compare", {"metrics": ["buyers"]}),
])
def test_buyers_counted_by_a_change_or_a_compare(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metrics"), [
    ("takings and buyers, q2 against q1, candle side", {"revenue", "buyers"}),
    ("what share of online shop visits ended with a booking", {"session_conversion"}),
])
def test_buyers_and_shop_visits_leave_the_rest_of_the_ask(rules, question, metrics):
    tool, args = _plan(rules, question)
    assert set(args.get("metrics") or []) == metrics, (question, tool, args)


# Journeys and likelihoods in other words: the paying a chain starts from, and odds-on to order.
@pytest.mark.parametrize(("question", "tool", "args"), [
    ("once guests have booked, how many make it through the aftercare and go on to leave a review", "funnel",
     {"stages": ["purchase", "post-purchase", "advocacy"]}),
    ("which newsletter folk are odds-on to place an order soon", "purchase_propensity", {}),
])
def test_journeys_and_odds_in_other_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


# Follow-ups that swap the grain of "that <trade> one", or ask "<the same people> again, this time by ...",
# or keep the last themes to one source.
@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    ("rowers turning up week by week since august", "switch that rowing one to monthly", "trend",
     {"metric": "active_customers", "grain": "month"}),
    ("hikers coming in, per town, most first", "the hikers again, this time region by region", "movers",
     {"metric": "active_customers", "by": "region"}),
    ("what are the spa guests moaning about this month", "keep it to what came in on the surveys", "feedback_themes",
     {"sentiment": "negative", "source": ["survey"]}),
])
def test_follow_ups_that_name_the_last_analysis_loosely(rules, first, then, tool, args):
    key = "p25a-fu-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, tool, key=key, **args)
