"""Readings added in phase AC (lane g-probe27c) by class, from probe27c's misses of feedback,
journeys, persona cards and alert rules said in plain words, on phrasings written for this round
in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by
meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "anyone moaning that the brownies have gone dry?",
    "has anybody brought up the noise from the kitchen",
    "kindly check if anyone has remarked on the saree colours fading",
    "are punters banging on about the queue at the ferry",
    "anyone kick up a fuss about the helmets smelling",
    "howzit, anyone going on about the biltong being too salty",
    "has anyone had a go at us over the late vans",
])
def test_whether_anybody_said_something_about_a_topic_is_a_search(rules, question):
    assert_plans(rules, question, "feedback_search")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("wots the stuff ppl rate the bike hire for", "positive"),
    ("what do the pottery pupils reckon we do well", "positive"),
    ("what do the sourdough regulars keep praising", "positive"),
    ("what's getting up people's noses at the car wash", "negative"),
    ("what do people hate about booking on the kayak site", "negative"),
])
def test_praise_and_gripes_with_no_feedback_noun_are_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


def test_the_step_of_the_journey_where_people_are_sourest_is_sentiment_by_stage(rules):
    assert_plans(rules, "which step of the journey leaves the gin tasting guests grumpiest", "feedback_sentiment")


@pytest.mark.parametrize(("question", "filters", "compare_filters"), [
    ("the vip lot's journey next to the loyalty lot's, kiln side", {"segment": ["vip"]}, {"segment": ["loyalty"]}),
    ("newsletter folk's journey alongside the vip lot's", {"segment": ["newsletter"]}, {"segment": ["vip"]}),
    ("the journey of the facebook finds beside the tiktok finds", {"channel": ["facebook"]}, {"channel": ["tiktok"]}),
])
def test_two_groups_journeys_side_by_side_are_two_maps(rules, question, filters, compare_filters):
    assert_plans(rules, question, "journey_map", filters=filters, compare_filters=compare_filters)


def test_a_whole_trip_from_first_look_to_the_till_is_the_map(rules):
    assert_plans(rules, "draw me a gelato customer's trip with us, first glance to the till", "journey_map")


@pytest.mark.parametrize(("question", "segments"), [
    ("gie us three o them customer cards for the tweed mill", 3),
    ("give us five customer cards for the surf school", 5),
])
def test_customer_cards_asked_for_by_number_are_a_draft(rules, question, segments):
    assert_plans(rules, question, "draft_personas", segments=segments)


@pytest.mark.parametrize(("question", "args"), [
    ("put card 2 away wi the saved ones", {"which": 2}),
    ("card 4 we keep for good, save am", {"which": 4}),
    ("abeg save all di cards o", {"all": True}),
])
def test_a_card_kept_in_plain_words_is_saved(rules, question, args):
    assert_plans(rules, question, "save_persona", **args)


def test_cards_we_keep_so_far_in_patois_are_the_saved_ones(rules):
    assert_plans(rules, "wah customer card dem wi keep already", "list_personas")


def test_a_card_cut_down_in_scots_is_narrowed(rules):
    assert_plans(rules, "cut card 2 doon tae the weekend folk", "edit_persona", action="narrow", which=[2], focus=["weekend"])


@pytest.mark.parametrize("question", [
    "what's each of our alarms watching, remind me",
    "which alert would go off if the tattoo cancellations jumped",
    "what is every one of the warnings checking",
])
def test_what_each_rule_watches_is_the_rules_list(rules, question):
    assert_plans(rules, question, "list_alert_rules")


def test_a_rule_named_by_what_it_watches_is_deleted(rules):
    assert_plans(rules, "bin the one that watches refund rate", "delete_alert_rule")


@pytest.mark.parametrize(("question", "args"), [
    ("make the refunds alarm go off at 8 instead", {"value": 8.0}),
    ("have the orders alert judge week on week, not day on day", {"window_days": 7}),
])
def test_a_rule_told_how_to_work_is_changed(rules, question, args):
    assert_plans(rules, question, "change_alert_rule", **args)


def test_the_weekly_wrap_sent_over_is_the_weekly_digest(rules):
    assert_plans(rules, "send over the weekly wrap for the bakery", "digest", cadence="weekly")


@pytest.mark.parametrize("question", [
    "what do folk enjoy about our pottery classes",
    "what do the diners value most about the tapas bar",
])
def test_what_people_enjoy_about_something_is_the_praise(rules, question):
    assert_plans(rules, question, "feedback_themes", sentiment="positive")


def test_the_journey_stage_with_the_grumpiest_feedback_is_the_mood_by_stage(rules):
    # the mood by stage: the feedback's sentiment, or, with reviews named, their score (both by stage)
    plan = rules.plan("which journey stage gets the crabbiest reviews at the kennels", "crabbiest")
    assert plan.spec is not None and plan.spec.name in {"feedback_sentiment", "satisfaction_by"}, plan
    assert plan.args.get("by") in (None, "stage") and (plan.spec.name == "feedback_sentiment" or plan.args.get("by") == "stage")


def test_every_card_saved_with_the_trade_word_between(rules):
    assert_plans(rules, "save all four sushi cards", "save_persona", all=True)


def test_a_numbered_card_then_shown_whole_is_that_card(rules):
    assert_plans(rules, "kombucha draft card 2, show it all", "show_persona", which=2)


def test_what_a_journey_looks_like_is_no_praise_asked(rules):
    assert_plans(rules, "what does the guest journey look like with the pain points for each stage", "journey_map")
