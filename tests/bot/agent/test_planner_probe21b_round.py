"""Readings added in phase W (lane g-probe21b) by class, from the misses of
tests/questions_probe21b.yaml (written before the lane looked at the planner), on phrasings
written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

OCT = {"start": "2026-10-01", "end": "2026-10-31"}
SEP = {"start": "2026-09-01", "end": "2026-09-30"}
AUG = {"start": "2026-08-01", "end": "2026-08-31"}
Q2 = {"start": "2026-04-01", "end": "2026-06-30"}
Q3 = {"start": "2026-07-01", "end": "2026-09-30"}


def _asked(rules, question, key):
    """Ask a question the next one follows up on (the conversation remembers its reading)."""
    rules.remember(key, rules.plan(question, key))


@pytest.mark.parametrize(("question", "by"), [
    ("which age band brought in the additional lesson bookings last month compared with september", "age_band"),
    ("what channel brought in the extra covers last week vs the week before", "channel"),
    ("what region cost us the missing covers last week compared with the week before", "region"),
])
def test_the_group_that_brought_the_extra_is_movers_even_with_two_periods(rules, question, by):
    assert_plans(rules, question, "movers", by=by)


@pytest.mark.parametrize(("question", "against"), [
    ("compare this month with the whole of september for covers", SEP),
    ("lesson bookings this month so far vs all of october", OCT),
])
def test_a_second_period_said_whole_is_still_the_one_compared_against(rules, question, against):
    assert_plans(rules, question, "compare", period={"name": "this_month"}, against=against)


def test_a_follow_up_naming_only_the_other_side_keeps_the_period(rules):
    key = "probe21b-against-alone"
    _asked(rules, "last month vs september for the covers", key)
    assert_plans(rules, "now next to august", "compare", key=key, period={"name": "last_month"}, against=AUG)
    _asked(rules, "q3 against q2 for course places booked", key + "-q")
    assert_plans(rules, "and what about against q2 again?", "compare", key=key + "-q", period=Q3, against=Q2)


@pytest.mark.parametrize("turn", ["the other way round, q2 first", "swap them over", "flip the two round"])
def test_the_other_way_round_swaps_the_two_periods(rules, turn):
    key = "probe21b-swap-" + turn
    _asked(rules, "q3 against q2 for tattoo bookings", key)
    assert_plans(rules, turn, "compare", key=key, period=Q2, against=Q3)


def test_a_periods_till_with_the_trades_word_between_is_the_takings(rules):
    assert_plans(rules, "stack october's bakery till up against september's", "compare", metrics=["revenue"])


@pytest.mark.parametrize(("question", "by"), [
    ("what hour do most panto tickets get bought", "hour"),
    ("which weekday do gig tickets sell best", "weekday"),
])
def test_tickets_then_bought_or_sold_are_orders(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="orders", by=by)


def test_tickets_of_the_desk_are_still_tickets(rules):
    assert_plans(rules, "which weekday do new tickets get raised", "time_pattern", metric="tickets")


@pytest.mark.parametrize(("question", "filters"), [
    ("how many punters from Clifton turned up last week", {"city": ["Clifton"]}),
    ("how many regulars in the loyalty scheme showed up in october", {"segment": ["loyalty"]}),
])
def test_people_from_somewhere_turning_up_are_the_active_customers(rules, question, filters):
    assert_plans(rules, question, "kpis", metrics=["active_customers"], filters=filters)


@pytest.mark.parametrize("question", [
    "what share of web visitors bounce off after one page",
    "what % of shoppers bail after one page this month",
])
def test_leaving_after_one_page_said_as_a_share_is_the_bounce_rate(rules, question):
    assert_plans(rules, question, "kpis", metrics=["bounce_rate"])


def test_bouncing_off_before_a_step_is_still_a_drop_off(rules):
    assert_plans(rules, "where do people bounce off before checkout", "dropoffs")


@pytest.mark.parametrize("question", [
    "what saddles brought in the least money last quarter",
    "which candles make us the most money",
])
def test_the_trades_goods_ranked_by_the_money_they_made(rules, question):
    assert_plans(rules, question, "product_sales", by="product", measure="revenue")


@pytest.mark.parametrize(("question", "by"), [
    ("which sound cheerier, surveys or tickets", "source"),
    ("are the comments getting glummer week by week", "week"),
])
def test_a_comparative_mood_word_is_how_customers_feel(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


def test_something_tripped_on_the_trades_alerts_is_the_open_alerts(rules):
    assert_plans(rules, "anything flashing red on the bakery alarms", "open_alerts")


@pytest.mark.parametrize("question", [
    "who deserves a complimentary lesson for sticking with us",
    "which loyal members have earned a free class",
])
def test_something_free_earned_is_a_loyalty_reward(rules, question):
    assert_plans(rules, question, "next_best_actions", action="reward_loyal")


def test_a_free_replacement_is_no_loyalty_reward(rules):
    plan = rules.plan("which clients deserve a free replacement after a bad job", "probe21b-replacement")
    assert plan.args.get("action") != "reward_loyal", plan.args


def test_the_month_of_the_calendar_is_the_month_of_the_year(rules):
    assert_plans(rules, "lesson takings, which month of the calendar is the fattest", "time_pattern", by="month",
                 metric="revenue")


@pytest.mark.parametrize("question", [
    "where were the clients right before they booked a lesson",
    "where did tattoo clients first find us and where were they just before they paid",
])
def test_where_buyers_were_just_before_buying_is_their_path(rules, question):
    assert_plans(rules, question, "paths")
