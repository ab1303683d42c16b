"""Readings added in phase AE (lane g-probe29c) by class, from probe29c's and blind28's misses of
feedback, customers, personas, alerts and no-tool asks said in idiom, on phrasings written for this
round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by
meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "sentiment"), [
    ("summat fresh that's got the allotment lot cheesed off since monday?", "negative"),
    ("anything new the campers have been whinging about since last week", "negative"),
    ("are the bowls club members moaning about anything in particular lately", "negative"),
    ("what stuff do the dog walkers bang on about in a bad way", "negative"),
    ("which things do the spa guests go on about in a good way", "positive"),
    ("what are the b&b guests valuing most in their reviews", "positive"),
    ("what the cafes love about our sourdough", "positive"),
    ("what do the kayak hirers grizzle about", "negative"),
    ("whats bugging the allotment holders lately", "negative"),
    ("what's got the sauna regulars giving out lately", "negative"),
])
def test_gripes_and_praise_in_idiom_are_the_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize(("question", "args"), [
    ("what have people from Redland been saying about us", {"city": ["Redland"]}),
    ("what are customers in Southville writing", {"city": ["Southville"]}),
    ("kite strings snapping complaints in the support tickets", {"source": ["ticket"]}),
])
def test_a_places_people_or_the_tickets_words_are_a_search(rules, question, args):
    assert_plans(rules, question, "feedback_search", **args)


def test_the_top_complaints_in_the_tickets_stay_the_themes(rules):
    assert_plans(rules, "top complaints in the support tickets this month", "feedback_themes", sentiment="negative",
                 source=["ticket"])


def test_the_stage_people_are_sourest_at_in_pidgin(rules):
    assert_plans(rules, "abeg, for the suya spot, which stage of di journey customers vex pass", "feedback_sentiment",
                 by="stage")


def test_the_tone_gloomier_for_some_segments_is_split_by_segment(rules):
    assert_plans(rules, "is the mood of feedback sadder for some customer segments", "satisfaction_by",
                 measure="sentiment", by="segment")
    # the tone over time stays the feeling's own
    assert_plans(rules, "is the mood of feedback sadder this month", "feedback_sentiment", period={"name": "this_month"})


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("tell mi if di juice bar refund rate go above 5 percent", "create_alert_rule",
     {"metric": "refund_rate", "condition": "above", "value": 5}),
    ("how many alarms are going off at the bakery right now", "open_alerts", {}),
])
def test_alerts_in_other_englishes(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("subscribers on their way out, sorted by what they spend", "at_risk_customers", {"sort_by": "value"}),
    ("which pottery regulars are on t'way out", "at_risk_customers", {}),
    ("which members have newly slipped onto the high risk list", "newly_at_risk", {}),
    ("new high-risk gym members over the past 30 days", "newly_at_risk", {"days": 30}),
    ("what's the next step to take with the regulars, per segment", "next_best_actions", {"by": "segment"}),
    ("gym members who lapsed but are worth luring back, only the high spenders", "next_best_actions",
     {"action": "win_back_valuable"}),
    ("bike hire journey, the after-sales stage in detail", "journey_map", {"stage": "post-purchase"}),
])
def test_customers_said_in_idiom(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


def test_persona_cards_shown_and_saved_in_idiom(rules):
    key = "probe29c-cards"
    for question, tool, args in (
        ("draft 4 personas for the climbing wall", "draft_personas", {"segments": 4}),
        ("climbing card 2 again please, every detail", "show_persona", {"which": 2}),
        ("the persona in focus, save it", "save_persona", {"all": None}),
        ("do the needful and save all four climbing cards", "save_persona", {"all": True}),
    ):
        assert_plans(rules, question, tool, key=key, **args)
        rules.remember(key, rules.plan(question, key))


@pytest.mark.parametrize("question", [
    "best time to prune roses, what do you reckon",
    "best time of year to pick the damsons for the jam",
    "how to keep cut flowers fresh longer in the shop, what you suggest",
    "abeg reply to the angry review about the suya o",
])
def test_craft_advice_and_replies_take_no_tool(rules, question):
    assert_plans(rules, question, None)


def test_a_time_to_sell_or_open_stays_a_time_pattern(rules):
    assert_plans(rules, "what hour of the day is best to post on instagram for orders", "time_pattern", by="hour")
