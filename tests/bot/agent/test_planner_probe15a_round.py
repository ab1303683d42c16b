"""Readings added in phase Q (lane g-probe15a) by class, from the misses of a probe written before
the work (tests/questions_probe15a.yaml), on phrasings of other trades written for this round
(rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _follow(rules, first, then, key):
    rules.remember(key, rules.plan(first, key))
    return rules.plan(then, key)


@pytest.mark.parametrize("question", [
    "taxi firm: how many fares yesterday",
    "potter: how many commissions did we take on last month",
    "language school: number of enrolments this week",
    "wedding band: how many gigs in september",
    "yacht hire: how many charters last week",
])
def test_a_trades_own_unit_counted_is_its_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


@pytest.mark.parametrize(("question", "least"), [
    ("b&b: how many guests have stayed with us 3 or more times", 3),
    ("curry house: how many diners have eaten with us more than twice", 3),
    ("spa: how many clients have had a massage 4 or more times", 4),
    ("go-kart track: how many drivers have raced here at least five times", 5),
])
def test_coming_back_said_with_the_trades_verb_is_the_repeat_head_count(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"], min_orders=least)


@pytest.mark.parametrize("question", [
    "florist: what share of bouquets got to customers by the day we promised",
    "wine club: what % of cases made it to members on the agreed date",
])
def test_goods_that_got_to_people_when_promised_are_on_time(rules, question):
    assert_plans(rules, question, "kpis", metrics=["on_time_delivery"])


@pytest.mark.parametrize(("question", "metrics"), [
    ("bakery: revenue and buyers last week", ["revenue", "buyers"]),
    ("bike shop: revenue, buyers and aov this month", ["revenue", "buyers", "aov"]),
    ("tea room: buyers and takings yesterday", ["buyers", "revenue"]),
])
def test_buyers_listed_beside_other_kpis_are_counted_too(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


@pytest.mark.parametrize("question", [
    "candle shop: basket-to-paid % this week",
    "record shop: cart to purchase % last month",
])
def test_a_step_rate_said_with_a_percent_sign(rules, question):
    assert_plans(rules, question, "kpis", metrics=["conversion_purchase"])


@pytest.mark.parametrize(("question", "grain"), [
    ("plumber: are call-outs going up or down from one week to the next", "week"),
    ("ice cream van: how does the money coming in move from one month to the next this year", "month"),
    ("is our bounce rate getting better or worse from one day to the next", "day"),
])
def test_from_one_point_to_the_next_is_a_series(rules, question, grain):
    plan = rules.plan(question, "p15a-" + question)
    assert plan.spec is not None and plan.spec.name == "trend", (question, plan.spec and plan.spec.name)
    assert plan.args.get("grain") == grain, plan.args


@pytest.mark.parametrize(("question", "by", "focus"), [
    ("barber: is saturday a quiet one for cuts", "weekday", "Saturday"),
    ("campsite: is august a busy one for pitches", "month", "August"),
])
def test_a_weekday_or_month_judged_as_one_is_the_pattern(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", by=by, focus=focus)


@pytest.mark.parametrize(("question", "by"), [
    ("salon bookings are down this month, what channel is dragging them", "channel"),
    ("orders were down last week at the bakery, what segment is holding them back", "segment"),
])
def test_a_change_said_then_the_group_dragging_it_is_movers(rules, question, by):
    assert_plans(rules, question, "movers", by=by)


@pytest.mark.parametrize(("question", "measure", "by"), [
    ("vet: would pet owners recommend us, broken down by segment", "nps", "segment"),
    ("how likely are diners to recommend us, per segment", "nps", "segment"),
    ("golf club: how happy are golfers at each stage of the journey", "csat", "stage"),
])
def test_satisfaction_said_in_words_split_by_group(rules, question, measure, by):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by=by)


def test_comments_rating_us_a_score_band(rules):
    assert_plans(rules, "find comments rating us 1 or 2 out of 5 about the parking", "feedback_search",
                 min_csat=1, max_csat=2)


@pytest.mark.parametrize("question", [
    "were the comments warmer this month than last",
    "are reviews colder in november than october",
])
def test_reviews_warmer_or_colder_is_their_tone(rules, question):
    assert_plans(rules, question, "feedback_sentiment")


@pytest.mark.parametrize("question", [
    "stage by stage, how do pottery customers get to buying",
    "how do sauna clients usually end up buying",
])
def test_how_a_trades_customers_get_to_buying_is_the_paths(rules, question):
    plan = rules.plan(question, "p15a-" + question)
    assert plan.spec is not None and plan.spec.name == "paths", (question, plan.spec and plan.spec.name, plan.args)


@pytest.mark.parametrize("question", [
    "which customers became at risk since yesterday's digest",
    "customers newly at risk since this morning's digest",
])
def test_since_the_latest_digest_is_since_the_previous_scoring(rules, question):
    assert_plans(rules, question, "newly_at_risk", since="previous_scoring")


@pytest.mark.parametrize("question", [
    "every warning rule we have please",
    "which warnings has the brewery got running",
])
def test_alarm_and_warning_rules_set_are_listed(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize("question", [
    "from looking round the showroom to paying, how many make it",
    "from looking about the website to buying, how many get there",
])
def test_looking_round_a_place_then_paying_is_the_funnel_from_consideration(rules, question):
    assert_plans(rules, question, "funnel", stages=["consideration", "decision", "purchase"])


@pytest.mark.parametrize("question", [
    "lay out the salon journey",
    "sketch out the tattoo journey for last quarter",
])
def test_the_journey_laid_out_in_the_trades_word_is_the_map(rules, question):
    assert_plans(rules, question, "journey_map")
