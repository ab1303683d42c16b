"""Readings added in phase Y (lane g-ps27) by class, from blind23's rules-only misses, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metrics"), [
    ("risotto covers and average bill this month", ["orders", "aov"]),
    ("gravel loads and takings last week", ["orders", "revenue"]),
    ("cider last month, crates and money", ["orders", "revenue"]),
    ("mural commissions and what they made since june", ["orders", "revenue"]),
])
def test_a_trade_unit_listed_beside_the_money_or_the_bill_is_orders(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize("question", [
    "timber yard: march against april, loads only",
    "cider: june vs july, crates alone",
])
def test_a_unit_named_alone_after_two_periods_is_the_orders(rules, question):
    assert_plans(rules, question, "compare", metrics=["orders"])


@pytest.mark.parametrize(("question", "metrics"), [
    ("buyers, lessons and takings last month", ["buyers", "orders", "revenue"]),
    ("this quarter: buyers, orders and aov", ["buyers", "orders", "aov"]),
])
def test_buyers_first_in_a_list_of_commas_are_counted(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize("question", [
    "how many museum entries did families from Bath book last month",
    "how many pool entries did the over 60s pick up last month",
])
def test_entries_or_passes_that_people_bought_are_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


@pytest.mark.parametrize("question", [
    "what did paddleboard lessons pull in last week",
    "what did axe throwing sessions take yesterday",
    "what the bakery took last saturday",
    "what our ice cream van made in june",
])
def test_what_a_business_took_said_without_did_or_the_is_the_money(rules, question):
    assert_plans(rules, question, "kpis", metrics=["revenue"])


def test_net_promoter_said_alone_is_the_score_not_the_promoters(rules):
    plan = rules.plan("and what about net promoter", "ps27-nps")
    assert plan.spec and plan.spec.name == "kpis" and plan.args.get("metrics") == ["nps"], plan.args


@pytest.mark.parametrize("question", [
    "complaints still open at the deli?",
    "complaints still open on the cab app?",
])
def test_complaints_still_open_are_the_backlog_not_themes(rules, question):
    assert_plans(rules, question, "kpis", metrics=["open_tickets"])


@pytest.mark.parametrize("question", [
    "how many season ticket holders bought scarves last month",
    "how many gold tier members bought candles this week",
])
def test_holders_named_in_two_words_who_bought_are_buyers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])
