"""Readings added in phase T (lane g-probe18a) by class, from the misses of
tests/questions_probe18a.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # a trade word inside the plain phrase
    ("visits to the pottery site this week", "sessions"),
    ("how many visits on our cake web shop yesterday", "sessions"),
    ("average wedding booking value this quarter", "aov"),
    ("average hen party booking value this quarter", "aov"),
    ("how likely our members are to recommend the gym", "nps"),
    ("how many raffle entries got placed this week", "orders"),
    # chat shorthand
    ("appts cancelled this month", "cancelled_orders"),
    ("bkgs this week", "orders"),
])
def test_kpi_said_with_the_trades_own_word(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "days"), [
    ("churn rate if 45 days without a swim means a member's gone", 45),
    ("whats churn if 90 days with no stay means a guest has left", 90),
])
def test_a_customer_named_by_the_trade_sets_the_churn_window(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("did the cafe take more this week than last on cakes", "this_week", "last_week"),
    ("more bookings this quarter than last for the loyalty lot", "this_quarter", "last_quarter"),
])
def test_a_bare_last_with_more_words_after_is_the_period_before(rules, question, period, against):
    assert_plans(rules, question, "compare", period={"name": period}, against={"name": against})


@pytest.mark.parametrize(("question", "by"), [
    ("whose fault is the rise in cancellations, segment wise", "segment"),
    ("whose fault is the surge in refunds, town by town", "city"),
])
def test_a_change_blamed_on_a_group_ranks_the_change(rules, question, by):
    plan = rules.plan(question, "p18a-" + question)
    assert plan.spec is not None and plan.spec.name == "movers", question
    assert plan.args.get("by") == by and plan.args.get("rank", "change") == "change", plan.args


@pytest.mark.parametrize("question", [
    "do ticket replies sound angrier than the reviews",
    "are emails more upbeat than survey answers this quarter",
])
def test_two_kinds_of_text_set_against_each_other_split_the_mood_by_source(rules, question):
    assert_plans(rules, question, "feedback_sentiment", by="source")


@pytest.mark.parametrize(("question", "condition"), [
    ("if class bookings fall 25% week on week i wanna get an alert", "drops_by"),
    ("i wanna get an alert if refunds jump by 40% day on day", "rises_by"),
    ("we'd like to have a warning when bookings drop 20% week on week", "drops_by"),
])
def test_an_alert_wanted_in_other_words_is_created(rules, question, condition):
    assert_plans(rules, question, "create_alert_rule", condition=condition)


def test_the_week_previous_to_that_is_the_week_before(rules):
    key = "p18a-previous"
    rules.reset(key)
    rules.remember(key, rules.plan("how many lessons did we sell last week", key))
    assert_plans(rules, "and the week previous to that?", "kpis", key=key, metrics=["orders"],
                 period={"start": "2026-10-26", "end": "2026-11-01"})


@pytest.mark.parametrize("question", [
    "where do swimmers first hear of us and where do they decide to sign up",
    "where do campers first come across us, then where do they book",
])
def test_both_ends_of_the_way_asked_with_two_wheres_are_paths(rules, question):
    assert_plans(rules, question, "paths")


@pytest.mark.parametrize(("question", "who"), [
    ("which gym regulars are due another session soon", "customers"),
    ("which never-ordered folk look ready to try the menu", "prospects"),
])
def test_a_purchase_to_come_said_as_due(rules, question, who):
    assert_plans(rules, question, "purchase_propensity", who=who)


def test_a_card_that_looks_right_then_saved(rules):
    key = "p18a-cards"
    rules.reset(key)
    rules.remember(key, rules.plan("draft 3 personas for the gym", key))
    assert_plans(rules, "the second card looks like our early birds, keep it", "save_persona", key=key, which=2)


@pytest.mark.parametrize("question", [
    "put october's guest journey next to september's",
    "the client journey, this quarter vs last quarter",
])
def test_the_customer_journey_set_against_another_period_is_the_map(rules, question):
    plan = rules.plan(question, "p18a-" + question)
    assert plan.spec is not None and plan.spec.name == "journey_map", (question, plan.spec and plan.spec.name)
    assert plan.args.get("compare_period"), plan.args


@pytest.mark.parametrize(("question", "by", "focus"), [
    ("is august really when we hire out the most kayaks", "month", "August"),
    ("is july the month most campers book", "month", "July"),
    ("are saturdays really our busiest for haircuts", "weekday", "Saturday"),
    ("is monday honestly our quietest", "weekday", "Monday"),
])
def test_a_month_or_weekday_weighed_against_a_hunch(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", by=by, focus=focus)


def test_bouncing_off_a_named_site_by_weekday(rules):
    assert_plans(rules, "on which weekday do visitors bounce off the booking site least", "time_pattern",
                 by="weekday", metric="bounce_rate")
