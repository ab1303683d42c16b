"""Readings added in the post-score round (lane g-ps9) by class, from blind16's feedback,
prediction, alert and off-topic misses, on phrasings written for this round (rules only: the
`rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "can you reorder 50 more tins of wax from the wholesaler",
    "please buy some more flour from the cash and carry",
    "did the rovers lose last night",
    "did celtic beat rangers",
    "respond to the complaint on google for us",
    "what's the going day rate for a plasterer in cardiff",
    "make me laugh, it's been a slog at the garage",
    "tell us something silly",
])
def test_errands_results_and_fun_are_refused(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "tool"), [
    ("did we win back any lapsed customers", "next_best_actions"),
    ("how many orders came via the wholesaler channel", "kpis"),
])
def test_data_questions_near_them_are_still_answered(rules, question, tool):
    assert_plans(rules, question, tool)


@pytest.mark.parametrize("question", [
    "what did patients write about the parking at the surgery",
    "look through the feedback for anything on the boiler breaking down",
    "comb the reviews for anything about smoke alarms beeping",
    "dig out anything tenants said about damp in the bathrooms",
])
def test_a_search_of_what_was_written_whatever_the_topic_words(rules, question):
    assert_plans(rules, question, "feedback_search")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what are the parents at the saturday swim class giving out about", "negative"),
    ("what's been annoying the tenants most this year", "negative"),
    ("what are the campers at the lakeside pitch happiest about", "positive"),
    ("what are patients most pleased about", "positive"),
])
def test_what_people_feel_about_no_topic_is_the_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("members at risk of cancelling, biggest fee payers first", "at_risk_customers", {"sort_by": "value"}),
    ("which lapsed tenants should we win back, the ones worth the most first", "next_best_actions",
     {"action": "win_back_valuable"}),
    ("which owners would rebook without us knocking a tenner off", "next_best_actions", {"action": "no_discount_needed"}),
    ("campers who looked at the site but never stayed, who's likeliest to book", "purchase_propensity",
     {"who": "prospects"}),
])
def test_who_to_act_on_in_owners_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("ping me if bookings go wild in any one region", {"condition": "unusual", "direction": "up"}),
    ("warn me when enquiries go crazy", {"condition": "unusual", "direction": "up"}),
])
def test_going_mad_is_a_rise(rules, question, args):
    assert_plans(rules, question, "create_alert_rule", **args)


@pytest.mark.parametrize("question", [
    "show every rule I've got, the paused ones included",
    "list all my alerts, even the switched-off ones",
    "all the alert rules including the ones I turned off",
])
def test_the_rules_with_the_switched_off_ones(rules, question):
    assert_plans(rules, question, "list_alert_rules", include_disabled=True)
