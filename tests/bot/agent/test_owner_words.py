"""The KPI readings share one list of owners' words (bot/agent/owner_words.py): a word that
reads a KPI in one saying reads it in every saying. Phrasings written for this lane (rules
only: the `rules` fixture of tests/planner_fixtures.py), each read differently, or not at all,
while every reading kept its own word lists."""

from __future__ import annotations

import pytest


def _metrics(rules, question):
    plan = rules.plan(question, "ow-" + question)
    return plan.spec.name if plan.spec else None, plan.args.get("metrics") or [plan.args.get("metric")]


@pytest.mark.parametrize("question", [
    # whoever the trade serves, the share of them happy is the satisfaction
    "what share of swimmers were happy last month",
    "what % of the riders left delighted with the trek",
    "percentage of dog walkers who felt pleased this quarter",
    "how many of the learners were happy with the course",
    "what fraction of the climbers went away delighted",
])
def test_the_share_of_any_trades_people_happy_is_the_satisfaction(rules, question):
    assert _metrics(rules, question)[1] == ["csat"]


@pytest.mark.parametrize("question", [
    "which suburb hires from us the most",
    "which village rents the most kayaks from us",
    "what postcode booked with us the least last month",
])
def test_which_place_books_or_hires_most_is_ranked_on_the_orders(rules, question):
    tool, metrics = _metrics(rules, question)
    assert tool == "movers" and metrics == ["orders"]


@pytest.mark.parametrize(("question", "metric"), [
    # what a ticket is about, said in any of the desk's words, in every reading of the tickets
    ("problems taking more than two days to sort out last month", "resolution_time"),
    ("how long till a call gets an answer from us", "first_response_time"),
    ("how many complaints did customers raise this week", "tickets"),
    ("how many chats did the team fix yesterday", "resolved_tickets"),
    ("what share of tickets opened last month got settled", "resolution_rate"),
])
def test_the_desks_words_read_the_same_ticket_kpis(rules, question, metric):
    assert _metrics(rules, question) == ("kpis", [metric])


@pytest.mark.parametrize(("question", "metric"), [
    # what goes out to the door, in any of its words
    ("has postage slowed down lately", "delivery_time"),
    ("are consignments getting slower this quarter", "delivery_time"),
    ("what share of boxes reached people the day we agreed", "on_time_delivery"),
])
def test_any_word_for_what_goes_out_reads_the_delivery_kpis(rules, question, metric):
    tool, metrics = _metrics(rules, question)
    assert tool in ("kpis", "trend") and metrics == [metric]  # a change over a quarter is its trend


@pytest.mark.parametrize(("question", "metric"), [
    ("what percentage of classes which got cancelled last term", "cancellation_rate"),
    ("what share of swimmers ended up paying last month", "purchase_conversion"),
    ("how many tenants did we lose this year", "churn_rate"),
    ("how many different passengers booked in october", "buyers"),
])
def test_the_trades_people_and_units_read_the_same_rates_and_counts(rules, question, metric):
    assert _metrics(rules, question) == ("kpis", [metric])


def test_which_places_feel_less_content_is_their_satisfaction(rules):
    tool, metrics = _metrics(rules, "which districts feel less content these days")
    assert tool == "movers" and metrics == ["csat"]
