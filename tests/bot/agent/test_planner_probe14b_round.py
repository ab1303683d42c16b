"""Readings added in phase P (lane g-probe14b) by class, from a probe of thirty new trades
(tests/questions_probe14b.yaml), on phrasings of other trades written for this round (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest


def _plan(rules, question):
    return rules.plan(question, "p14b-" + question)


@pytest.mark.parametrize(("question", "metric"), [
    # the money in, as "the take", and what a business "took" named by its trade
    ("what was the bar take at the cocktail lounge yesterday", "revenue"),
    ("how much was the till take at the farm shop last week", "revenue"),
    ("what did the ice rink take yesterday", "revenue"),
    # people active with us, in the trade's word for them
    ("active regulars at the bingo hall this week", "active_customers"),
    ("how many active players did the bowling alley have last month", "active_customers"),
    # distinct buyers, the texting shorthand for "different"
    ("how many diff ppl ordered from the bakery last week", "buyers"),
    # what the owner had to refund or cancel: a count
    ("tattoo bookings we had to cancel last month, how many", "cancelled_orders"),
    ("how many cake orders did we have to refund in october", "refunded_orders"),
    # the share that ended up refunded: the rate
    ("what % of kayak hires wound up being refunded in october", "refund_rate"),
])
def test_a_kpi_said_the_way_owners_text_it(rules, question, metric):
    plan = _plan(rules, question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert plan.args["metrics"] == [metric]


@pytest.mark.parametrize(("question", "metric"), [
    ("kindly advise how many orders the saree shop got last week", "orders"),
    ("pls advise the total takings for the bakery last week", "revenue"),
])
def test_kindly_advise_a_number_is_a_polite_ask_not_advice(rules, question, metric):
    plan = _plan(rules, question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert plan.args["metrics"] == [metric]


@pytest.mark.parametrize(("question", "days"), [
    ("climbing wall churn rate, if 8 weeks with no climb means theyve stopped", 56),
    ("whats our churn if 120 days with no haircut means the customer has moved on", 120),
])
def test_a_span_without_a_visit_that_means_they_left_sets_the_churn_window(rules, question, days):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis"
    assert plan.args["metrics"] == ["churn_rate"] and plan.args["churn_window_days"] == days


@pytest.mark.parametrize(("question", "measure"), [
    ("which bit of the customer journey gets the worst star ratings at the spa", "review_score"),
    ("which part of the journey has the lowest satisfaction for the florist", "csat"),
])
def test_a_part_of_the_journey_is_a_stage(rules, question, measure):
    plan = _plan(rules, question)
    assert plan.spec.name == "satisfaction_by"
    assert plan.args["measure"] == measure and plan.args["by"] == "stage"


@pytest.mark.parametrize(("question", "by"), [
    ("how upbeat is what the guests say about us each week", "week"),
    ("how negative is what our members wrote last month, by stage", "stage"),
])
def test_how_positive_what_people_write_is_the_feeling_of_the_texts(rules, question, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_sentiment"
    assert plan.args["by"] == by


@pytest.mark.parametrize(("question", "value"), [
    ("make the nps alert 35", 35),
    ("set my refunds alarm at 4", 4),
])
def test_a_rule_named_then_its_number_is_the_new_value(rules, question, value):
    plan = _plan(rules, question)
    assert plan.spec.name == "change_alert_rule"
    assert plan.args["value"] == value


def test_any_kind_of_stuff_in_there_asks_what_data_is_loaded(rules):
    plan = _plan(rules, "is there any survey stuff in there for the bike shop or nah")
    assert plan.spec is not None and plan.spec.name == "describe_data"
