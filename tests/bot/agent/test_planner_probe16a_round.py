"""Readings added in phase R (lane g-probe16a) by class, from the misses of a probe written in
twenty-eight new trades (tests/questions_probe16a.yaml), on phrasings written for this round in
other trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by
meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question, key=None):
    return rules.plan(question, key or "p16a-" + question)


@pytest.mark.parametrize(("question", "tool", "args", "noun"), [
    ("launches per day at the slipway this month", "trend",
     {"metric": "orders", "grain": "day", "period": {"name": "this_month"}}, "launches"),
    ("weekly ascents since october", "trend", {"metric": "orders", "grain": "week"}, "ascents"),
    ("treks per week over the last fortnight", "trend", {"metric": "orders", "grain": "week"}, "treks"),
    ("which channel is behind the drop in dives last week", "movers",
     {"metric": "orders", "by": "channel", "period": {"name": "last_week"}}, "dives"),
])
def test_a_trades_own_unit_counted_over_time_is_the_orders_and_the_answer_says_so(rules, question, tool, args, noun):
    assert_plans(rules, question, tool, **args)
    assert (noun, "orders") in _plan(rules, question).slots.fixes
    # people, and what they send, are never the units sold
    for other in ("visitors", "reviews", "riders"):
        said = question.replace(noun, other)
        assert not any(read == "orders" for _, read in _plan(rules, said).slots.fixes), said


@pytest.mark.parametrize(("first", "then", "rate"), [
    ("how many pony treks got cancelled this month", "as a share of all treks?", "cancellation_rate"),
    ("how many kiln firings got refunded in october", "and as a % of all firings?", "refund_rate"),
])
def test_a_count_asked_again_as_a_rate_of_the_trades_own_unit(rules, first, then, rate):
    key = "p16a-rate-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "kpis", key=key, metrics=[rate])


@pytest.mark.parametrize(("question", "metric"), [
    ("pottery studio: how many customer problems are still unresolved", "open_tickets"),
    ("how many client issues r still open right now", "open_tickets"),
    ("how long are we taking to reply to a new tenant's first email this month", "first_response_time"),
    ("how long are we taking to get back to a new client's first enquiry", "first_response_time"),
    ("whats the repeat rental rate this year", "repeat_purchase_rate"),
    ("repeat treatment % last quarter", "repeat_purchase_rate"),
    ("how many distinct hotel accounts bought from us last month", "buyers"),
    ("refund rate on taster sessions last quarter", "refund_rate"),
])
def test_kpis_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_new_tickets_as_a_series_are_the_tickets(rules):
    assert_plans(rules, "new support tickets week by week this quarter", "trend", metric="tickets", grain="week")


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("customer spend per town last month", "movers", {"metric": "revenue", "by": "city", "rank": "value"}),
    ("csat split by how people heard about us", "satisfaction_by", {"measure": "csat", "by": "channel"}),
    ("takings by where folk first found us, last month", "movers", {"metric": "revenue", "by": "channel"}),
    ("lifetime value per where clients first came from", "customer_lifetime_value", {"by": "channel"}),
])
def test_groups_said_in_owners_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "whats the wind forecast for the weekend, might cancel the fete",
    "what's the swell forecast for tomorrow",
    "hows the surf outlook for tomorrow morning",
])
def test_the_skys_forecast_is_no_tool_the_business_forecast_still_is(rules, question):
    assert_plans(rules, question, None)
    assert_plans(rules, "what's the sales forecast for next quarter", "revenue_forecast", horizon="next_quarter")


@pytest.mark.parametrize(("question", "stages"), [
    ("where do people fall away between looking at a tattoo design and paying", ["consideration", "decision", "purchase"]),
    ("of the quotes we give out for kitchens, how many turn into paid jobs, as a funnel", ["decision", "purchase"]),
    ("from first hearing about us to booking a lesson, how many get through",
     ["awareness", "consideration", "decision", "purchase"]),
])
def test_journey_ends_said_as_what_people_do_are_the_funnel(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


def test_unhappy_customers_to_put_right_are_service_recovery(rules):
    assert_plans(rules, "which unhappy clients need putting right", "next_best_actions", action="service_recovery")


def test_a_period_next_to_the_same_days_before_is_a_comparison(rules):
    assert_plans(rules, "how's the florist doing this month next to the same days last month, all the numbers", "compare",
                 period={"name": "this_month"})
