"""Readings added in phase U (lane g-tune30) by class, from the planner's open misses in blind15-18
and the probes, on phrasings written for this round in other trades (rules only: the `rules`
fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _follow(rules, first, follow, tool, args):
    key = "t30-" + first + follow
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow, tool, key=key, **args)


# -- 1. funnels and drop-offs: the ends of the way, the level asked after -------------------------

@pytest.mark.parametrize(("question", "args"), [
    ("of the kitchen-fit quote forms, how many turn into paid work, as a funnel", {"stages": ["decision", "purchase"]}),
    ("campsite funnel from paying to aftercare to leaving a review", {"stages": ["purchase", "post-purchase", "advocacy"]}),
    ("funnel from checkout to paid for the pottery classes", {"stages": ["decision", "purchase"]}),
    ("of the folk who look at a lamp, how many add it to the cart, start checkout and then place an order",
     {"touchpoints": ["product_view", "add_to_cart", "checkout_start", "order_placed"]}),
])
def test_a_funnels_ends_said_in_the_trades_words(rules, question, args):
    assert_plans(rules, question, "funnel", **args)


@pytest.mark.parametrize(("first", "follow", "tool", "args"), [
    ("where do bakers drop off before checkout", "stage level pls", "dropoffs", {"goal_stage": "decision", "level": "stage"}),
    ("common routes to a booking at the climbing wall", "at stage level please", "paths", {"level": "stage"}),
])
def test_a_level_alone_after_dropoffs_or_paths_keeps_them(rules, first, follow, tool, args):
    _follow(rules, first, follow, tool, args)


# -- 2. delivered against collected goods: the touchpoints' tone -----------------------------------

@pytest.mark.parametrize("question", [
    "do plant buyers feel better about delivery or about picking their pots up themselves",
    "do buyers who pick their plants up feel happier than the ones we deliver to",
])
def test_the_tone_of_delivered_against_collected_is_feedback_sentiment(rules, question):
    assert_plans(rules, question, "feedback_sentiment", by="touchpoint")


# -- 3. counts of a trade's buyers and sittings -----------------------------------------------------

@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("weekly count of candle buyers since 1 october", "buyers", "week"),
    ("physio session numbers week by week this quarter", "orders", "week"),
    ("count of float tank sessions month by month", "orders", "month"),
])
def test_a_tally_of_buyers_or_sessions_is_that_count(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_a_word_keeps_its_kpi_through_the_thread(rules):
    _follow(rules, "how many new cases did the law firm take on in october", "and in september, how many cases",
            "kpis", {"metrics": ["orders"], "period": {"start": "2026-09-01", "end": "2026-09-30"}})


# -- 4. follow-ups that keep the thread ----------------------------------------------------------------

@pytest.mark.parametrize(("first", "follow", "tool", "args"), [
    ("reply time to a ticket, weekly, since september", "same again but per calendar month please", "trend",
     {"metric": "first_response_time", "grain": "month"}),
    ("weekly new visitors to the salon site over the past 60 days", "ok drill down to days", "trend",
     {"metric": "new_visitors", "grain": "day", "period": {"name": "last_60_days"}}),
    ("has the tone of climbers' reviews changed weekly since october", "stick to the survey answers for that",
     "feedback_sentiment", {"by": "week", "source": ["survey"]}),
    ("top 10 gamers most likely to buy", "only the ones who have never copped anything off us", "purchase_propensity",
     {"limit": 10, "who": "prospects"}),
    ("trampoline bookings fell this month, which channel is to blame", "try it by town", "movers",
     {"by": "city", "rank": None}),
])
def test_a_follow_up_keeps_the_thread(rules, first, follow, tool, args):
    _follow(rules, first, follow, tool, args)


# -- 5. the journey map: one stage in words, one period beside another ----------------------------

@pytest.mark.parametrize(("first", "follow", "stage"), [
    ("journey map for the dog spa this month", "zoom in on the part where owners decide to book", "decision"),
    ("journey map for the escape rooms", "dig into the bit where they pay, why is it amber", "purchase"),
])
def test_a_stage_said_as_what_people_do_there(rules, first, follow, stage):
    _follow(rules, first, follow, "journey_map", {"stage": stage})


@pytest.mark.parametrize(("question", "period", "against"), [
    ("lay september's pottery journey beside august's", {"start": "2026-09-01", "end": "2026-09-30"},
     {"start": "2026-08-01", "end": "2026-08-31"}),
    ("map out how the climbers move through the wall this month, with october's map next to it",
     {"name": "this_month"}, {"start": "2026-10-01", "end": "2026-10-31"}),
])
def test_one_periods_journey_beside_anothers_is_the_map(rules, question, period, against):
    assert_plans(rules, question, "journey_map", period=period, compare_period=against)


# -- 6. words for actions and value ------------------------------------------------------------------

@pytest.mark.parametrize(("question", "action"), [
    ("which families should we pay a visit to this month", "personal_follow_up"),
    ("which clients should I give a quick ring this week", "personal_follow_up"),
])
def test_a_gesture_from_the_owner_is_a_personal_follow_up(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


def test_a_goal_then_where_to_start_is_next_best_actions(rules):
    assert_plans(rules, "we want more dog owners rebooking for a second groom, where do we start", "next_best_actions")


def test_a_span_said_first_keeps_the_lifetime_value(rules):
    assert_plans(rules, "across the whole time they stay with us, what does a gym member end up spending",
                 "customer_lifetime_value")


def test_rolling_named_cards_into_one_is_a_merge(rules):
    _follow(rules, "draft personas for the tile shop", "merge persona card 2 and card 3", "edit_persona",
            {"action": "merge", "which": [2, 3]})


def test_where_they_first_notice_us_and_what_gets_them_to_book_is_the_paths(rules):
    assert_plans(rules, "what makes wedding couples first notice us and what finally gets them to book", "paths")


def test_a_score_at_a_point_between_two_steps_is_by_stage(rules):
    assert_plans(rules, "at what point from booking to the visit do our star ratings drop most", "satisfaction_by",
                 measure="review_score", by="stage")


@pytest.mark.parametrize("question", [
    "what hops should i buy for a pale ale",
    "which varnish should i get for the oak tables",
])
def test_the_trades_craft_gets_no_tool(rules, question):
    assert_plans(rules, question, None)

