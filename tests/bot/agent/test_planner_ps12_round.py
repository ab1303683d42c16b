"""Readings added in the post-score round (lane g-ps12) by class, from blind17's feedback,
prediction, persona and alert misses, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "args"), [
    ("which dog owners should I ring myself about the grooming mix-up", {"action": "personal_follow_up"}),
    ("which tenants do we phone ourselves this week", {"action": "personal_follow_up"}),
    ("which climbers are due a quick check-in", {"action": "check_in"}),
    ("which piano pupils will rebook anyway, no voucher needed", {"action": "no_discount_needed"}),
    ("which never-booked enquirers are worth a nudge towards a first fitting", {"action": "convert_prospect"}),
    ("next move for wholesale account C00917", {"customer_id": "C00917"}),
    ("count up the suggested steps in each segment", {"by": "segment"}),
])
def test_gestures_owed_read_as_next_best_actions(rules, question, args):
    assert_plans(rules, question, "next_best_actions", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("which gym members are getting riskier fastest", {"sort_by": "rising"}),
    ("which diners are going from fortnightly to hardly ever", {"tier": "lapsing"}),
    ("which tenants are slipping from monthly to barely ever", {"tier": "lapsing"}),
])
def test_risk_said_as_riskier_or_a_slower_rhythm(rules, question, args):
    assert_plans(rules, question, "at_risk_customers", **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("fee income we could count on from the allotment plots over the next six months", "revenue_forecast",
     {"horizon": "next_180_days"}),
    ("what is a livery client worth counting three more years of fees", "customer_lifetime_value",
     {"horizon_days": 1095}),
    ("clv incl the next 2 years per channel", "customer_lifetime_value", {"horizon_days": 730, "by": "channel"}),
    ("which current accounts look set to reorder paper this month", "purchase_propensity", {"who": "customers"}),
    ("leads who never paid but might soon, 70% chance or better", "purchase_propensity",
     {"who": "prospects", "min_probability": 0.7}),
])
def test_money_to_come_and_horizons_in_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("what do brides go on about in their reviews", {}),
    ("what do patients bang on about in surveys", {}),
    ("top 5 things guests write about in reviews", {"max_themes": 5}),
    ("what do campers moan about after their stay", {"sentiment": "negative", "stage": ["post-purchase"]}),
    ("whit are clients complaining aboot after the fitting", {"sentiment": "negative", "stage": ["post-purchase"]}),
    ("what do members say in the feedback, good and bad", {"sentiment": None}),
])
def test_themes_said_as_talk_and_after_the_service(rules, question, args):
    assert_plans(rules, question, "feedback_themes", **args)


def test_post_service_feedback_is_the_post_purchase_stage(rules):
    assert_plans(rules, "how positive is the post-treatment feedback", "feedback_sentiment", stage=["post-purchase"])


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("give card 3 the pain point 'too far to drive'", "edit_persona", {"action": "add_pain_point"}),
    ("hand her the pain point 'fees feel steep'", "edit_persona", {"action": "add_pain_point"}),
    ("stick both cards in saved", "save_persona", {"all": True}),
    ("put them all into my saved personas", "save_persona", {"all": True}),
    ("create a high priority rule: first response time above 12 hours", "create_alert_rule",
     {"metric": "first_response_time", "condition": "above", "value": 12, "severity": "high"}),
    ("switch the bookings rule to month on month", "change_alert_rule", {"window_days": 28}),
    ("tell me if the till looks unusually high on a day", "create_alert_rule", {"metric": "revenue"}),
])
def test_persona_and_alert_orders_in_everyday_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)

