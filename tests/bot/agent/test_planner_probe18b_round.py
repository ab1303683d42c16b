"""Readings added in phase T (lane g-probe18b) by class, from a probe of other trades
(tests/questions_probe18b.yaml), on phrasings written for this round (rules only: the `rules`
fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric"), [
    # Scots "mony", "hae"; work "run", "have been booked"; entries and packages as what is sold
    ("how mony lessons hae we run this month", "orders"),
    ("how many tasting packages have been booked this week", "orders"),
    ("how many competition entries did the gala get last week", "orders"),
    # a business named in four words, then "take"
    ("what did the cheese and wine shop take last week", "revenue"),
    # the span from order to the door, the "how long" said after it
    ("order to doorstep for the jam, how long on average", "delivery_time"),
    ("checkout to front door, how many days does it take", "delivery_time"),
])
def test_work_money_and_waits_said_with_their_verbs(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_a_newcomer_got_is_no_sale(rules):
    # entries counted are the orders; newcomers "we got" stay the new visitors (main bank)
    assert_plans(rules, "how many competition entries did the gala get last week", "kpis", metrics=["orders"])
    assert_plans(rules, "how many newcomers did we get last month?", "kpis", metrics=["new_visitors"])


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("do we take more on a saturday than other days at the deli", "time_pattern",
     {"metric": "revenue", "by": "weekday", "focus": "Saturday"}),
    ("competition entries region by region this year", "movers", {"metric": "orders", "by": "region", "rank": "value"}),
    ("tournament entries each week since september", "trend", {"metric": "orders", "grain": "week"}),
    ("visits each week on the shop's site", "trend", {"metric": "sessions", "grain": "week"}),
])
def test_units_and_money_in_analyses(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "what's the forecast for tomorrow in leeds",
    "forecast for the weekend?",
    "whats the forecast looking like for sunday up the munros",
])
def test_a_forecast_for_one_day_soon_is_the_weather(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "filters"), [
    ("sketch out the new members journey", None),
    ("show the journey of our vip clients", {"segment": ["vip"]}),
    ("show the journey of the first-time patients", None),
])
def test_one_groups_journey_shown_is_the_map(rules, question, filters):
    assert_plans(rules, question, "journey_map", filters=filters)


@pytest.mark.parametrize(("question", "by"), [
    ("how do reviewers sound month by month", "month"),
    ("how do the diners sound day by day this week", "day"),
])
def test_how_people_sound_is_the_mood_of_what_they_wrote(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize(("question", "stages"), [
    ("funnel from checkout to payment to aftercare", ["decision", "purchase", "post-purchase"]),
    ("how many go from checkout to payment", ["decision", "purchase"]),
])
def test_checkout_payment_and_aftercare_are_stages(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


def test_never_ordering_on_a_named_shop_misses_the_web_order(rules):
    assert_plans(rules, "where did people who never ordered on the candle shop drop off", "dropoffs",
                 goal_touchpoint="order_placed")


def test_praise_after_people_named_at_length_is_the_themes(rules):
    assert_plans(rules, "what are the hikers and their families raving about this month", "feedback_themes",
                 sentiment="positive")


def test_a_summary_for_one_day_is_its_digest(rules):
    assert_plans(rules, "summary for the 12th", "digest", date="2026-11-12")


def test_an_outlook_over_time_to_come_is_the_forecast_whatever_kpi_wise(rules):
    assert_plans(rules, "what's the outlook for the coming 12 months, money wise", "revenue_forecast",
                 horizon="next_365_days")


@pytest.mark.parametrize("question", [
    "which touchpoints first bring diners in and which ones end up closing the order",
    "which steps first bring members in and which end up closing the booking",
])
def test_both_ends_of_the_path_with_their_adverbs_are_paths(rules, question):
    assert_plans(rules, question, "paths")
