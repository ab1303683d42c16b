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
