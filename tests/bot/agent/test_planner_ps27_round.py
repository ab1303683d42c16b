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


def test_the_slowest_one_in_ten_hyphenated_is_the_p90(rules):
    assert_plans(rules, "slowest one-in-ten resolution times on cases this month", "kpis",
                 metrics=["resolution_time_p90"])


@pytest.mark.parametrize("question", [
    "of all sessions on the florist's site last month, how many ended in an order, as a percentage",
    "of the visits to our shop page in q2, how many turned into a booking, as a %",
])
def test_visits_named_first_then_how_many_converted_as_a_share_is_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["session_conversion"])


@pytest.mark.parametrize("question", [
    "how many tenants got back in touch about the same fault this quarter",
    "how many clients came back to us about the same issue last week",
])
def test_coming_back_about_the_same_problem_is_a_repeat_contact(rules, question):
    assert_plans(rules, question, "kpis", metrics=["repeat_contacts"])


def test_coming_back_to_us_alone_is_still_buying_again(rules):
    assert_plans(rules, "how many guests came back to us more than once last month", "kpis",
                 metrics=["repeat_customers"])


@pytest.mark.parametrize(("question", "period", "against"), [
    ("are pottery lessons up or down on the week before", "this_week", "last_week"),
    ("is the cafe's takings up on the month before", "this_month", "last_month"),
])
def test_a_unit_before_with_no_period_named_is_this_one_against_the_last(rules, question, period, against):
    assert_plans(rules, question, "compare", period={"name": period}, against={"name": against})


@pytest.mark.parametrize(("question", "period", "against"), [
    ("surf lessons: saturday the 14th vs saturday the 7th", "2026-11-14", "2026-11-07"),
    ("takings yesterday against sunday the 8th", None, "2026-11-08"),
])
def test_a_weekday_said_with_its_date_is_a_period_set_against(rules, question, period, against):
    plan = rules.plan(question, "ps27-" + question)
    assert plan.spec and plan.spec.name == "compare", (plan.spec, plan.args)
    assert plan.args.get("against") == {"start": against, "end": against}, plan.args
    if period:
        assert plan.args.get("period") == {"start": period, "end": period}, plan.args
