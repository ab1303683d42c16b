"""Readings added in phase T (lane ps14) by class, from blind18's funnel, feedback, describe,
digest and alert misses, on phrasings written for this round in other trades (rules only: the
`rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    ("how do the reviews sound month by month", "month"),
    ("how have our comments come across week by week", "week"),
    ("how does the feedback read day by day", "day"),
])
def test_how_the_texts_sound_is_their_mood(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


def test_a_later_grain_of_how_texts_sound_stays_their_mood(rules):
    key = "ps14-sound-follow"
    assert_plans(rules, "how do the reviews sound week by week", "feedback_sentiment", key=key, by="week")
    rules.remember(key, rules.plan("how do the reviews sound week by week", key))
    assert_plans(rules, "monthly instead", "feedback_sentiment", key=key, by="month")


def test_two_kinds_of_form_set_against_each_other_are_sources(rules):
    assert_plans(rules, "how do salon comments sound, survey forms versus emails", "feedback_sentiment", by="source")


@pytest.mark.parametrize("question", [
    "what channels do you log",
    "which stages do you track",
    "what event types are being captured",
    "how many records are in every table",
    "when do your call-out records start",
    "what date does the order history begin from",
    "from which month do the florist's records start",
])
def test_what_is_recorded_and_from_when_is_the_data_described(rules, question):
    assert_plans(rules, question, "describe_data")


@pytest.mark.parametrize(("question", "resolved"), [
    ("has anything been raised by the alerts since monday", None),
    ("what did the alarms catch overnight", None),
    ("bakery alarms - the open ones and the ones we closed", True),
])
def test_what_the_alerts_raised_is_the_open_alerts(rules, question, resolved):
    assert_plans(rules, question, "open_alerts", include_resolved=resolved)


def test_a_day_summary_is_that_days_digest_and_the_week_follows(rules):
    key = "ps14-day-digest"
    question = "the florist's day report for 3 october"
    assert_plans(rules, question, "digest", key=key, date="2026-10-03")
    rules.remember(key, rules.plan(question, key))
    assert_plans(rules, "and the same over the week", "digest", key=key, cadence="weekly")


@pytest.mark.parametrize(("question", "args"), [
    ("what's got the pottery parents and kids narked this month", {"sentiment": "negative"}),
    ("what are the emails mostly about", {}),
    ("what are our support tickets usually about", {"source": ["ticket"]}),
])
def test_what_the_texts_are_about_is_their_themes(rules, question, args):
    assert_plans(rules, question, "feedback_themes", **args)


@pytest.mark.parametrize("question", [
    "bakery funnel, leave out anyone who skipped a stage",
    "funnel this quarter, people who skip a step aren't included",
    "funnel for october, only people who went through every step",
])
def test_skipped_steps_not_counted_stops_the_funnel(rules, question):
    assert_plans(rules, question, "funnel", skips="stop")


@pytest.mark.parametrize("question", [
    "where do candle browsers give up before a single jar is in the basket",
    "where do people leave before anything is in the cart",
])
def test_leaving_before_anything_is_in_the_basket_has_that_goal(rules, question):
    assert_plans(rules, question, "dropoffs", goal_touchpoint="add_to_cart")


@pytest.mark.parametrize(("question", "steps"), [
    ("online shop to cart to order, funnel for last month", ["website_visit", "add_to_cart", "order_placed"]),
    ("how many go from the site to checkout", ["website_visit", "checkout_start"]),
])
def test_the_site_first_in_a_chain_is_its_visit(rules, question, steps):
    assert_plans(rules, question, "funnel", touchpoints=steps)


@pytest.mark.parametrize(("question", "by"), [
    ("every stage for the tile shop, split by channel", "channel"),
    ("every step for the garage, split by where they first found us", "channel"),
    ("each step for the deli, broken down by segment", "segment"),
])
def test_every_stage_split_is_the_funnel_split(rules, question, by):
    assert_plans(rules, question, "funnel", by=by)
