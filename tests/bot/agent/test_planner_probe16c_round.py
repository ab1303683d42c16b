"""Readings added in phase R (lane g-probe16c) by class, from the misses of
tests/questions_probe16c.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("charity shop: donations last month, how much", "kpis",
     {"metrics": ["revenue"], "period": {"name": "last_month"}}),
    ("food bank cafe: average donation per visit this year", "kpis", {"metrics": ["aov"]}),
    ("church: donations per month since june", "trend", {"metric": "revenue", "grain": "month"}),
    ("financial adviser: our fees by region this quarter", "movers", {"metric": "revenue", "by": "region"}),
    ("estate agent: commission per segment for october", "movers", {"metric": "revenue", "by": "segment"}),
    ("letting agent: avg commission per let this year", "kpis", {"metrics": ["aov"]}),
])
def test_the_money_of_a_trade_that_does_not_sell(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "what sorts of figures can the bot see for us",
    "what kinds of records do ye hold for the garage",
    "whats the latest day in what you've got for the deli",
    "the oldest date in what u have, for the bakery?",
])
def test_what_the_data_holds_said_around_the_noun(rules, question):
    assert_plans(rules, question, "describe_data")


@pytest.mark.parametrize("question", [
    "guesthouse: what % of visits to our website ended in a booking last month",
    "share of sessions on the web shop that turned into an order, candle shop",
])
def test_visits_to_the_site_that_end_in_a_sale(rules, question):
    assert_plans(rules, question, "kpis", metrics=["session_conversion"])


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("bike shop: the number of bike sales last week", "kpis", {"metrics": ["orders"]}),
    ("theatre: how many ticket sales did we do in october", "kpis", {"metrics": ["orders"]}),
    ("deli: is the average cheese basket growing month by month", "trend", {"metric": "aov", "grain": "month"}),
    ("sweet shop: typical pick-n-mix bag this month", "kpis", {"metrics": ["aov"]}),
    ("are boiler services up or down this month", "compare", {"metrics": ["orders"]}),
    ("car valeting: are our valets up or down on last month", "compare", {"metrics": ["orders"]}),
])
def test_sales_counted_and_baskets_named_by_their_goods(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("phone repairs per day this week", "trend", {"metric": "orders", "grain": "day"}),
    ("book sales by week this quarter", "trend", {"metric": "revenue", "grain": "week"}),
    ("phone bookings last month", "kpis", {"metrics": ["orders"]}),
])
def test_a_question_opening_on_a_noun_that_is_also_a_verb_is_answered(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("dance school: which families are booking far less than they used to", "at_risk_customers", {"tier": "lapsing"}),
    ("barber: clients coming in loads less than they once did, who are they", "at_risk_customers", {"tier": "lapsing"}),
    ("which upset clients need sorting out first", "next_best_actions", {"action": "service_recovery"}),
    ("which unhappy guests need fixing first", "next_best_actions", {"action": "service_recovery"}),
    ("removals firm: which enquirers are readiest to book", "purchase_propensity", {"who": "prospects"}),
    ("which regulars are most likely to buy soon", "purchase_propensity", {"who": "customers"}),
    ("regulars likely to book soon, the barber", "purchase_propensity", {"who": "customers"}),
])
def test_customers_said_by_their_rhythm_mood_and_eagerness(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "sentiment"), [
    ("wetin people like about the suya, this month", "positive"),
    ("wetin clients love about the salon", "positive"),
])
def test_a_lone_pidgin_what_reads_as_what(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)
