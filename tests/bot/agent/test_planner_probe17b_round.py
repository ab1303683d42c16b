"""Readings added in phase S (lane g-probe17b) by class, from the misses of
tests/questions_probe17b.yaml, on phrasings of other trades written for this round (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _conversation(rules, *questions):
    """Ask the questions in one conversation; the plan of the last one."""
    key = "p17b-" + questions[0]
    for question in questions[:-1]:
        rules.remember(key, rules.plan(question, key))
    return rules.plan(questions[-1], key)


@pytest.mark.parametrize(("question", "metric"), [
    # a typo as close to the British spelling as to the American one is that one word
    ("kayak hire: how many trips got cancelld last month", "cancelled_orders"),
    ("what share of dog-walk bookings got cancelld in october", "cancellation_rate"),
])
def test_a_typo_between_two_spellings_of_one_word_is_that_word(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "least"), [
    ("bike shop: how many riders have bought parts from us 4 times or more", 4),
    ("how many clients have booked with us three or more times", 3),
    ("florist: how many customers ordered bouquets from us five times or more this year", 5),
])
def test_buying_goods_from_us_n_times_or_more_is_the_repeat_head_count(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)


@pytest.mark.parametrize(("question", "metric"), [
    ("sofa shop: how many orders did we end up refunding in october", "refunded_orders"),
    ("hampers we had to refund this week, how many", "refunded_orders"),
    ("what % of hampers did we have to refund last month", "refund_rate"),
])
def test_the_refunds_said_as_what_we_did(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize("question", [
    "swim school: how long from people first discovering us to booking their first lesson",
    "average days from someone hearing about us to paying for a first class",
    "time from first coming across our stall to ordering, typically",
])
def test_the_wait_from_finding_us_to_a_first_purchase(rules, question):
    assert_plans(rules, question, "kpis", metrics=["time_to_first_purchase"])


@pytest.mark.parametrize(("first", "then", "grain"), [
    ("van hire bookings week by week for the last quarter", "could you flip that to months", "month"),
    ("bakery orders week by week since september", "could you change it to days", "day"),
    ("gym class bookings week by week", "months rather than weeks", "month"),
])
def test_a_series_reshaped_in_plural_steps(rules, first, then, grain):
    plan = _conversation(rules, first, then)
    assert plan.spec is not None and plan.spec.name == "trend" and plan.args.get("grain") == grain, plan.args


def test_a_south_african_or_australian_tag_is_tone_not_a_word(rules):
    assert_plans(rules, "is the refund rate on bikes getting better or worse hey? weekly view", "trend",
                 metric="refund_rate", grain="week")


def test_a_long_lead_naming_the_same_tool_keeps_the_last_kpi(rules):
    plan = _conversation(rules, "florist takings by weekday", "right, and what about hour by hour then")
    assert plan.spec.name == "time_pattern" and plan.args.get("metric") == "revenue" \
        and plan.args.get("by") == "hour", plan.args


@pytest.mark.parametrize(("question", "metric", "focus"), [
    ("do we get more brand new visitors on the website on sundays", "new_visitors", "Sunday"),
    ("do we take more money at the market on saturdays", "revenue", "Saturday"),
])
def test_more_of_a_kpi_on_one_weekday(rules, question, metric, focus):
    assert_plans(rules, question, "time_pattern", by="weekday", metric=metric, focus=focus)


def test_drop_offs_regrouped_into_stages(rules):
    plan = _conversation(rules, "where do would-be students drop out before enrolling",
                         "group it into the main stages rather than single pages")
    assert plan.spec.name == "dropoffs" and plan.args.get("level") == "stage", plan.args


@pytest.mark.parametrize(("question", "steps"), [
    ("driving school: the last two steps before a learner books a lesson", 2),
    ("most common final 4 touchpoints ahead of someone ordering a cake", 4),
])
def test_the_last_n_steps_before_buying_are_paths(rules, question, steps):
    assert_plans(rules, question, "paths", max_steps=steps)


@pytest.mark.parametrize("question", [
    "is the mood better in reviews than in support tickets",
    "plumber: tone in reviews vs support tickets",
])
def test_two_kinds_of_feedback_set_side_by_side_split_by_source(rules, question):
    assert_plans(rules, question, "feedback_sentiment", by="source")


@pytest.mark.parametrize(("question", "metric", "condition"), [
    ("let me know should van bookings fall below 20", "orders", "below"),
    ("give us a heads up should the refund rate go above 10%", "refund_rate", "above"),
])
def test_should_as_a_formal_if_asks_for_an_alert(rules, question, metric, condition):
    assert_plans(rules, question, "create_alert_rule", metric=metric, condition=condition)


def test_anything_tripped_on_the_alerts_side_is_the_open_alerts(rules):
    assert_plans(rules, "anything tripped on the alarms for the salon?", "open_alerts")


def test_keep_a_card_by_its_number_in_words(rules):
    plan = _conversation(rules, "draft some personas for the kennels", "keep card number three, save it")
    assert plan.spec.name == "save_persona" and plan.args.get("which") == 3, plan.args


@pytest.mark.parametrize("question", [
    "how much is a train ticket from leeds to york",
    "how much is a return flight to nairobi",
])
def test_a_fare_out_there_is_no_tool(rules, question):
    assert_plans(rules, question, None)
