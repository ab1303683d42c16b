"""Readings added in phase S (lane g-probe17a) by class, from the misses of
tests/questions_probe17a.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("parent", "question", "source"), [
    ("campsite: how do guests feel in their reviews week by week", "keep it to the support tickets", ["ticket"]),
    ("bakery: tone of the comments by stage", "keep it to the survey answers", ["survey"]),
])
def test_keep_it_to_a_source_narrows_and_saves_no_persona(rules, parent, question, source):
    key = "p17a-" + parent
    rules.remember(key, rules.plan(parent, key))
    assert_plans(rules, question, "feedback_sentiment", key=key, source=source)


@pytest.mark.parametrize(("question", "by"), [
    ("bakery: how do customers sound in their comments, month by month", "month"),
    ("campsite: how do campers come across in the reviews, stage by stage", "stage"),
    ("how do patients sound in their messages week by week", "week"),
])
def test_how_people_sound_in_what_they_wrote_is_its_sentiment(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize(("question", "sentiment"), [
    ("florist: what's got customers complaining in the surveys", "negative"),
    ("what's had the regulars griping lately at the cafe", "negative"),
    ("yoga studio: what do members love most about the studio", "positive"),
    ("what do members hate most about the club", "negative"),
    ("what do riders enjoy most about the shop?", "positive"),
])
def test_what_set_people_off_or_what_they_love_is_the_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize("question", [
    "dance school: which pupils might give up on their lessons",
    "which gym members look likely to give up on the gym",
])
def test_giving_up_on_the_service_is_a_churn_risk(rules, question):
    assert_plans(rules, question, "at_risk_customers")


@pytest.mark.parametrize(("question", "args"), [
    ("if the refund rate ever goes over 6% I want an alert",
     {"metric": "refund_rate", "condition": "above", "value": 6}),
    ("when bookings drop 20% week on week we'd like a warning",
     {"metric": "orders", "condition": "drops_by", "value": 20, "window_days": 7}),
])
def test_the_condition_then_i_want_an_alert_makes_the_rule(rules, question, args):
    assert_plans(rules, question, "create_alert_rule", **args)


@pytest.mark.parametrize(("question", "days"), [
    ("which patients became high churn risk in the last 14 days", 14),
    ("has anyone become a high churn risk in the past 5 days at the kennels", 5),
])
def test_becoming_a_high_churn_risk_is_newly_at_risk(rules, question, days):
    assert_plans(rules, question, "newly_at_risk", days=days)
