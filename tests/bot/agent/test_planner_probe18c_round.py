"""Readings added in phase T (lane g-probe18c) by class, from the misses of
tests/questions_probe18c.yaml, on phrasings written for this round in other trades than the
probe's (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("bookings per week going back 3 months at the climbing wall", "trend", {"grain": "week", "period": {"name": "last_90_days"}}),
    ("how many hampers sold, going back a fortnight", "kpis", {"metrics": ["orders"], "period": {"name": "last_14_days"}}),
    ("going back two months, what's the average spend at the deli", "kpis",
     {"metrics": ["aov"], "period": {"name": "last_60_days"}}),
    ("which weekday brings in the most money at the car wash, stretching back six months", "time_pattern",
     {"by": "weekday", "metric": "revenue", "period": {"name": "last_180_days"}}),
])
def test_a_span_said_going_back_is_the_past_span(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metric"), [
    ("what share of glampers have come back for a second weekend", "repeat_purchase_rate"),
    ("% of piano pupils who returned for another term", "repeat_purchase_rate"),
    ("how many escape room sessions did we book last week", "orders"),
    ("how soon are we getting back to tenants about repairs", "first_response_time"),
    ("how many complaints are sitting waiting for an answer at the bike shop", "open_tickets"),
])
def test_kpi_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_an_alert_on_queries_left_unanswered_watches_open_tickets(rules):
    assert_plans(rules, "tell me if enquiries left without a reply go over 25", "create_alert_rule",
                 metric="open_tickets", condition="above")


@pytest.mark.parametrize(("question", "args"), [
    ("which of our current florists are gearing up to reorder ribbon", {}),
    ("which van hire customers are lining up to book again", {"who": "customers"}),
])
def test_getting_ready_to_buy_again_is_the_propensity(rules, question, args):
    assert_plans(rules, question, "purchase_propensity", **args)


@pytest.mark.parametrize(("question", "action"), [
    ("who had a rough stay at the campsite and needs a bit of fence-mending", "service_recovery"),
    ("which tenants had a poor experience and need some damage control", "service_recovery"),
    ("our long-standing allotment members deserve a wee token of thanks, who are they", "reward_loyal"),
    ("which of our longtime allotment members ought to get something by way of thanks", "reward_loyal"),
])
def test_next_best_action_said_in_plain_words(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which gym members might quit, sorted by who pays us the most", "at_risk_customers", {"sort_by": "value"}),
    ("new high-risk window cleaning contracts in the past 14 days", "newly_at_risk", {"days": 14}),
    ("fresh at-risk piano pupils over the last 30 days", "newly_at_risk", {"days": 30}),
])
def test_risk_lists_in_owners_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("when a bouquet order arrives late do we get hammered in the reviews", {"measure": "review_score", "by": "delivery"}),
    ("when a sofa delivery arrives late do the star ratings take a knock", {"measure": "review_score", "by": "delivery"}),
    ("what kind of student rates us worst, by segment", {"by": "segment"}),
    ("which type of patient is least satisfied, per crm segment", {"by": "segment"}),
])
def test_satisfaction_split_in_owners_words(rules, question, args):
    assert_plans(rules, question, "satisfaction_by", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("what was the single busiest day for car washes in september", {"grain": "day", "metric": "orders"}),
    ("our single best day for takings at the deli last month", {"grain": "day", "metric": "revenue"}),
])
def test_a_single_busiest_day_of_a_period_is_a_daily_trend(rules, question, args):
    assert_plans(rules, question, "trend", **args)
