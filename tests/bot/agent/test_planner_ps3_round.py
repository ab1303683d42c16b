"""Readings added in the post-score round (lane g-ps3) by class, from blind14's feedback, alert,
prediction, persona and off-topic misses, on phrasings written for this round in other trades
(rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _conversation(rules, key, *questions):
    plan = None
    for q in questions:
        plan = rules.plan(q, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize("question", [
    "remind me what i've asked you to watch for at the cafe",
    "what have we asked you to keep an eye on for the salon",
    "which numbers did i tell you to flag for the gym",
    "what did we tell you to keep an eye on at the garage",
])
def test_a_question_about_the_rules_set_lists_them_and_never_proposes_one(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize("question", [
    "is anything still showing on the alarm board",
    "what's up on the alerts panel that nobody's dealt with",
])
def test_the_alert_board_is_the_alerts_raised(rules, question):
    assert_plans(rules, question, "open_alerts")


@pytest.mark.parametrize(("question", "metric"), [
    ("tell me if outstanding tenant repair requests go above 15", "open_tickets"),
    ("ping me if open customer queries go above 25", "open_tickets"),
    ("alert me when unresolved patient enquiries top 5", "open_tickets"),
    ("alert me if the loyalty lot spend less than usual", "revenue"),
    ("let me know if customer spend falls below 2000 in a week", "revenue"),
])
def test_the_metric_of_an_alert_said_in_owners_words(rules, question, metric):
    assert_plans(rules, question, "create_alert_rule", metric=metric)


def test_an_average_spend_alert_is_the_basket_not_the_takings(rules):
    assert_plans(rules, "tell me if average spend drops 10%", "create_alert_rule", metric="aov")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what keeps coming up in the lovely comments about the window cleaning", "positive"),
    ("what keeps cropping up in the good comments about our van hire", "positive"),
    ("the main grievances from tenants this quarter", "negative"),
    ("biggest beefs the climbers have with the wall", "negative"),
    ("wetin people dey complain about for the salon", "negative"),
])
def test_what_recurs_in_praise_or_complaints_is_the_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


def test_a_pidgin_complaint_with_a_topic_is_still_a_search(rules):
    assert_plans(rules, "wetin customers dey complain about the jollof", "feedback_search")


@pytest.mark.parametrize(("question", "by"), [
    ("month by month, are the gym reviews getting more bitter", "month"),
    ("week on week, is the cattery feedback growing more sour", "week"),
    ("how positive or negative are kennel customers, per touchpoint", "touchpoint"),
])
def test_the_feeling_of_feedback_over_time_or_per_touchpoint(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize("question", [
    "which type of lesson gets the unhappiest reviews",
    "which kind of bouquet gets the happiest reviews, roses or tulips",
])
def test_happy_reviews_by_kind_are_the_review_score(rules, question):
    assert_plans(rules, question, "satisfaction_by", measure="review_score", by="product_category")


@pytest.mark.parametrize("question", [
    "which members are gonna stop coming to the climbing wall",
    "which of the regulars are gonna stop hiring vans from us",
])
def test_gonna_stop_is_at_risk(rules, question):
    assert_plans(rules, question, "at_risk_customers")


@pytest.mark.parametrize("question", [
    "clients who used to book a massage every month but now only once a quarter",
    "dog owners who used to come in weekly and now only every so often",
])
def test_a_slower_rhythm_now_is_lapsing(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


def test_nudging_those_who_never_booked_converts_prospects(rules):
    assert_plans(rules, "which leads who haven't signed up yet should we nudge", "next_best_actions",
                 action="convert_prospect", include_prospects=True)


@pytest.mark.parametrize("question", [
    "which big spenders need tempting back",
    "which high-value patients have drifted off and need winning back",
])
def test_valuable_people_needing_winning_back_are_the_valuable_win_back(rules, question):
    assert_plans(rules, question, "next_best_actions", action="win_back_valuable")


def test_listing_them_client_by_client_keeps_the_action(rules):
    plan = _conversation(rules, "ps3-nba", "who should the florist win back", "list them client by client")
    assert plan.spec.name == "next_best_actions" and plan.args.get("action") == "win_back", plan.args
    assert plan.args.get("level") == "customers", plan.args


@pytest.mark.parametrize(("follow_up", "horizon"), [
    ("stretch that out to 180 days", "next_180_days"),
    ("push it to 30 days", "next_30_days"),
    ("extend the forecast to 12 months", "next_365_days"),
])
def test_a_forecast_stretched_keeps_the_forecast(rules, follow_up, horizon):
    plan = _conversation(rules, "ps3-fc-" + follow_up, "what will the bike shop's customers spend next month", follow_up)
    assert plan.spec.name == "revenue_forecast" and plan.args.get("horizon") == horizon, plan.args


def test_a_past_period_stretched_is_no_forecast(rules):
    plan = _conversation(rules, "ps3-past", "orders in the last 30 days", "extend it to 90 days")
    assert plan.spec is None or plan.spec.name != "revenue_forecast", plan.args


@pytest.mark.parametrize(("question", "segments"), [
    ("draft personas for the bike shop, at most four", 4),
    ("split our clients into personas, a max of 3", 3),
])
def test_a_cap_on_personas_is_their_number(rules, question, segments):
    assert_plans(rules, question, "draft_personas", segments=segments)


@pytest.mark.parametrize("question", [
    "what time does the sabbath begin in Manchester this week",
    "what time does the sun go down tomorrow",
    "what time is high tide at Whitstable",
])
def test_times_of_the_world_are_no_question_of_the_data(rules, question):
    assert_plans(rules, question, None)
