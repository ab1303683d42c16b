"""Readings added in phase V (lane g-probe20a) by class, from the misses of
tests/questions_probe20a.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


# Scots "mair", "whaur", "dae", "afore": plain English before any rule reads them
def test_scots_more_where_do_before(rules):
    assert_plans(rules, "hoo mony patients are on their third appointment or mair", "kpis",
                 metrics=["repeat_customers"], min_orders=3)
    assert_plans(rules, "whaur dae punters bail oot afore the aftercare bit", "dropoffs", goal_stage="post-purchase")


# the care after the sale named as a part of the journey, whatever else is ordered in the question
@pytest.mark.parametrize("question", [
    "where do we lose clients before the aftercare stage on boiler installs",
    "where do folk give up ahead of the aftercare bit on kitchen orders",
])
def test_dropoffs_before_the_aftercare(rules, question):
    assert_plans(rules, question, "dropoffs", goal_stage="post-purchase")


# "same again but stage by stage" after drop-offs: those drop-offs per stage, not a journey map
@pytest.mark.parametrize("follow_up", ["same again but stage by stage", "same but stage by stage"])
def test_level_only_follow_up_keeps_the_journey_analysis(rules, follow_up):
    key = "p20a-level-" + follow_up
    rules.remember(key, rules.plan("where do riders drop off before paying", key))
    assert_plans(rules, follow_up, "dropoffs", key=key, level="stage")


def test_alerts_including_cleared_ones(rules):
    assert_plans(rules, "kennel alerts incl the resolved ones", "open_alerts", include_resolved=True)
    assert_plans(rules, "alarms plus the ones already cleared", "open_alerts", include_resolved=True)


@pytest.mark.parametrize(("follow_up", "which"), [("fuse cards 2 and 4", [2, 4]), ("amalgamate the last two", [-2, -1])])
def test_merge_said_as_fuse_or_amalgamate(rules, follow_up, which):
    key = "p20a-fuse-" + follow_up
    rules.remember(key, rules.plan("draft some personas for the florist", key))
    assert_plans(rules, follow_up, "edit_persona", key=key, action="merge", which=which)


# a share said straight after the move, no "by": "drop a third", "rise a quarter"
@pytest.mark.parametrize(("question", "condition", "value"), [
    ("warn me if lesson bookings drop a third week on week", "drops_by", 33.3),
    ("ping me if refunds rise a quarter day on day", "rises_by", 25.0),
])
def test_alert_share_said_after_the_move(rules, question, condition, value):
    assert_plans(rules, question, "create_alert_rule", condition=condition, value=value)


def test_newly_at_risk_said_in_the_plain_verb(rules):
    assert_plans(rules, "which members turn high risk this week", "newly_at_risk")
    assert_plans(rules, "any gym regulars tip into high risk in the past 10 days", "newly_at_risk", days=10)


@pytest.mark.parametrize(("question", "metric"), [
    # support queries not dealt with, in the passive
    ("how many patient queries haven't been dealt with yet", "open_tickets"),
    ("cases that still haven't been dealt with, how many", "open_tickets"),
    # one page and gone, the page named as the landing or home page
    ("what share of visitors to the kennel site leave right after the home page", "bounce_rate"),
    # the trade's money, with who made it after
    ("how much ice cream money did we make yesterday", "revenue"),
    # what one sale rings up to: the order value
    ("what does a typical haircut ring up to", "aov"),
    ("what does the usual kennel stay tot up to this month", "aov"),
    # people counted who bought, named by the trade
    ("the number of exhibitors who booked last month", "buyers"),
])
def test_kpi_said_in_the_owners_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_money_and_how_many_orders_both_asked(rules):
    assert_plans(rules, "how much pie money we take today and how many orders", "kpis", metrics=["revenue", "orders"])


def test_which_single_day_in_a_long_period_name(rules):
    # the period said at length between "which day" and "the most"
    assert_plans(rules, "which single day between the 1st and the 15th of october did the florist take the most money",
                 "trend", grain="day", metric="revenue")


def test_weekday_worth_keeping_open(rules):
    assert_plans(rules, "is it worth keeping the doors open on a tuesday at all", "time_pattern", focus="Tuesday")


def test_goods_most_often_sent_back_by_weekday(rules):
    assert_plans(rules, "which weekday are mugs most often sent back on", "time_pattern", metric="refunded_orders")


@pytest.mark.parametrize(("question", "by"), [
    ("reviews or tickets, which ones sound more narked", "source"),
    ("survey answers vs support emails, who sounds more peeved", "source"),
    ("how cheerful do diners sound depending on the channel they came through", "channel"),
])
def test_how_they_sound_split(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


def test_products_ranked_by_orders_or_growth(rules):
    assert_plans(rules, "top 3 menu items by number of orders", "product_sales", measure="orders", top=3)
    assert_plans(rules, "which flower categories grew the most last month", "product_sales", rank="change")


def test_next_best_actions_said_as_a_goal_or_per_customer(rules):
    assert_plans(rules, "what should the salon do to get more clients coming back", "next_best_actions")
    assert_plans(rules, "next step for each patient, customer by customer", "next_best_actions", level="customers")


def test_paths_ending_in_an_online_order(rules):
    assert_plans(rules, "routes that end in an online booking", "paths", goal_touchpoint="order_placed")


# the trade's units listed with what went wrong with them: both are asked
@pytest.mark.parametrize(("question", "metrics"), [
    ("kayak hires and refunds this month", ["orders", "refunded_orders"]),
    ("boiler repairs plus cancellations last week", ["orders", "cancelled_orders"]),
])
def test_units_listed_with_cancellations_or_refunds(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


# the last answer's figures asked again for another span, "let me see" said in Jamaican too
@pytest.mark.parametrize("follow_up", ["give me the figures for the saturday a week before that",
                                       "mek mi see di count fi di saturday a week before dat"])
def test_the_figures_for_another_span(rules, follow_up):
    key = "p20a-figures-" + follow_up
    rules.remember(key, rules.plan("how many pasties did the bakery sell yesterday", key))
    assert_plans(rules, follow_up, "kpis", key=key, metrics=["orders"], period={"start": "2026-11-07", "end": "2026-11-07"})
