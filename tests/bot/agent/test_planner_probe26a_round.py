"""Readings added in phase AB (lane g-probe26a) by class, from probe26a's and blind25's misses of
KPIs and feedback said in a trade's own words, on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "period"), [
    ("abeg wetin we make last month for the suya spot", {"name": "last_month"}),
    ("wha di patty shop tek yesterday?", {"name": "yesterday"}),
    ("kebab van: how much did we clear last week", {"name": "last_week"}),
    ("hoo much did the tablet stall tak in this week", {"name": "this_week"}),
    ("how much wonga have we got this month", {"name": "this_month"}),
    ("how much the pie van bring us this week", {"name": "this_week"}),
    ("how much did the kiosk ring up yesterday", {"name": "yesterday"}),
    ("candle shop, how much we bank last month lah", {"name": "last_month"}),
    ("what did the walkers fork out last week", {"name": "last_week"}),
    ("kindly share the total sale value of rugs for this month", {"name": "this_month"}),
])
def test_money_asked_with_no_kpi_word_is_the_revenue(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["revenue"], period=period)


@pytest.mark.parametrize(("question", "by", "focus"), [
    ("does thursday make enough to keep the noodle hatch open", "weekday", "Thursday"),
    ("do mondays bring in enough to bother opening the pottery", "weekday", "Monday"),
    ("is saturday the big earner for the bike hire", "weekday", "Saturday"),
    ("is tuesday a dead loss for tapas sales", "weekday", "Tuesday"),
    ("what part of the day do kebab sales peak", "hour", None),
    ("what time of the arvo does the ice cream van take most", "hour", None),
])
def test_a_weekday_or_hour_weighed_by_its_money_is_the_time_pattern(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", metric="revenue", by=by, focus=focus)


@pytest.mark.parametrize(("question", "metrics"), [
    ("pottery mugs cancelled, how many this month", ["cancelled_orders"]),
    ("glass vases refunded, how many last week", ["refunded_orders"]),
    ("wedding cakes booked last month and the avg fee", ["orders", "aov"]),
    ("tattoo sittings reserved and the money for them this month", ["orders", "revenue"]),
    ("yoga studio: survey replies we got last month", ["survey_responses"]),
    ("how many moans sit unresolved at the bike shop", ["open_tickets"]),
    ("ski school: typical gap in days from a first look at our site to a first lesson", ["time_to_first_purchase"]),
])
def test_a_count_that_names_the_thing_is_that_count(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize("question", [
    "abeg wetin you sabi about our shop",
    "wah yuh know bout wi business",
    "so what do you know about us",
    "abeg what info you get on us",
])
def test_what_do_you_know_about_us_in_other_englishes_is_describe_data(rules, question):
    assert_plans(rules, question, "describe_data")


def test_a_topic_said_first_then_what_people_said_is_a_search(rules):
    assert_plans(rules, "lamps arriving scratched, what did buyers say", "feedback_search")
    assert_plans(rules, "the 4 things guests are happiest about at the hostel", "feedback_themes",
                 sentiment="positive", max_themes=4)


@pytest.mark.parametrize(("question", "measure", "by"), [
    ("star ratings from instagram finds versus other channels at the bike shop", "review_score", "channel"),
    ("do the reviews sound glummer in some segments at the ceilidh band", "sentiment", "segment"),
])
def test_a_feeling_or_score_set_against_the_other_groups_is_satisfaction_by(rules, question, measure, by):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by=by)


def test_how_they_sound_after_naming_them_is_the_mood_by_month(rules):
    assert_plans(rules, "pottery students: how do they sound week by week", "feedback_sentiment", by="week")


def test_turnover_beside_a_quote_to_job_is_the_money(rules):
    assert_plans(rules, "roofing quote-to-job turnover month by month", "trend", metric="revenue", grain="month")


def test_whats_without_its_apostrophe_still_asks_the_next_move(rules):
    assert_plans(rules, "gym: whats our next move with the members, overall", "next_best_actions", action=None)


def test_how_long_tickets_sit_unanswered_stays_the_reply_time(rules):
    assert_plans(rules, "how long do tickets sit unanswered", "kpis", metrics=["first_response_time"])


@pytest.mark.parametrize(("question", "period"), [
    ("wah gwaan, what di jerk shack take last week", {"name": "last_week"}),
    ("an wha di pottery take last week?", {"name": "last_week"}),
])
def test_caribbean_english_told_by_its_greeting_or_wha_di_is_the_money(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["revenue"], period=period)
