"""Readings added in phase L (lane g-tune16a) by class, from the tenth blind bank's misses in
the analyses: one weekday or month weighed against the rest of the week or year. The phrasings
are this lane's own (different trades and Englishes), not the bank's."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by", "focus"), [
    ("how do thursdays look for the cafe next to the other days of the week", "weekday", "Thursday"),
    ("is november a strong month for bookings compared with the rest of the year", "month", "November"),
    ("wednesday takings vs the other days, is it worth it", "weekday", "Wednesday"),
    ("how are saturday orders at the bakery against the rest of our week", "weekday", "Saturday"),
    ("march for the garden centre, how does it do compared to other months", "month", "March"),
])
def test_one_day_or_month_against_the_rest_is_its_place_in_the_pattern(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", key="k-" + question, by=by, focus=focus)


def test_a_period_set_against_another_stays_a_comparison(rules):
    assert_plans(rules, "compare the salon's takings this month with last month", "compare", key="k-cmp")


@pytest.mark.parametrize(("question", "by"), [
    ("when during the day do the plumbing callouts land", "hour"),
    ("what time in the morning do most coffee orders arrive", "hour"),
    ("what time in the evening do people book tables", "hour"),
    ("which months are the slow ones for the B&B", "month"),
    ("which months were our busy ones at the ice cream van", "month"),
])
def test_when_in_the_day_or_which_months_is_the_pattern(rules, question, by):
    assert_plans(rules, question, "time_pattern", key="k-" + question, by=by)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("bakery sales for each of the last 6 weeks", "revenue", "week"),
    ("salon bookings, reckon they're picking up?", "orders", None),
    ("response times, is it getting quicker at all", "first_response_time", None),
    ("dog grooming takings this year as a line", "revenue", None),
    ("orders at the chippy for each of the past 10 days", "orders", "day"),
])
def test_series_words_ask_for_the_trend_not_one_total(rules, question, metric, grain):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None and plan.spec.name == "trend", (plan.spec, plan.args)
    assert plan.args["metric"] == metric
    if grain:
        assert plan.args["grain"] == grain


def test_series_words_without_a_kpi_do_not_pick_one(rules):
    plan = rules.plan("are the plumbing jobs getting longer? show us monthly", "k-nokpi")
    assert plan.spec is None or plan.spec.name != "trend" or plan.args.get("metric") != "purchase_conversion"


@pytest.mark.parametrize(("question", "metric"), [
    ("how many yoga classes were called off this week", "cancelled_orders"),
    ("orders where folk asked for their money back in october", "refunded_orders"),
    ("how many feedback forms got filled in at the barbers this month", "survey_responses"),
    ("average per order at the chip shop last week", "aov"),
    ("how many questionnaires were sent back by the physio patients", "survey_responses"),
])
def test_owners_words_for_what_happened_to_orders_name_the_kpi(rules, question, metric):
    assert_plans(rules, question, "kpis", key="k-" + question, metrics=[metric])


def test_since_we_first_opened_is_all_the_data(rules):
    plan = rules.plan("bike shop takings since we first opened", "k-all")
    assert plan.args.get("period") == {"name": "all"}
