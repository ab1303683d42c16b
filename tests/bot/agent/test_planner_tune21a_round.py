"""Readings added in phase O (lane g-tune21a) by class, from blind12's and probe12's remaining
misses on the analysis tools, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "t21a-" + question)


@pytest.mark.parametrize(("question", "touchpoints"), [
    ("garden centre: from product page to basket to ordering, how many make it each step",
     ["product_view", "add_to_cart", "order_placed"]),
    ("bakery web shop: site visit to basket to actually ordering, how many get through",
     ["website_visit", "add_to_cart", "order_placed"]),
    ("from product page to checkout to ordering, how many survive, wine shop",
     ["product_view", "checkout_start", "order_placed"]),
])
def test_a_chain_of_steps_ending_in_ordering_keeps_its_last_step(rules, question, touchpoints):
    assert_plans(rules, question, "funnel", touchpoints=touchpoints)


@pytest.mark.parametrize(("question", "tool"), [
    ("yoga studio: which routes lead members to write a testimonial or refer a friend", "paths"),
    ("what journeys end with a guesthouse guest leaving a testimonial or referring a mate", "paths"),
    ("what steps lead up to someone recommending the climbing wall to friends", "paths"),
    ("where do diners fall away before they ever recommend the cafe to their mates", "dropoffs"),
    ("tattoo studio clients stop short of leaving us a review, where does that happen", "dropoffs"),
    ("paths that end with a pottery student sharing us on social or leaving a testimonial", "paths"),
])
def test_either_advocacy_step_or_one_said_loosely_is_the_advocacy_stage(rules, question, tool):
    plan = _plan(rules, question)
    assert plan.spec.name == tool
    assert plan.args.get("goal_stage") == "advocacy" and "goal_touchpoint" not in plan.args


@pytest.mark.parametrize("question", [
    "where do shoppers fall short of placing a gift order",
    "bike shop: what steps come before someone places a helmet order",
])
def test_an_order_placed_with_the_thing_ordered_named_is_the_goal(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name in ("dropoffs", "paths")
    assert plan.args.get("goal_touchpoint") == "order_placed"


@pytest.mark.parametrize("question", [
    "tea shop visitors who never even reach the checkout stage, where do they drop off",
    "where do gym visitors give up if they never get to the checkout stage",
])
def test_the_checkout_stage_is_the_stage_not_the_step(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "dropoffs"
    assert plan.args.get("goal_stage") == "decision" and "goal_touchpoint" not in plan.args


@pytest.mark.parametrize(("question", "tool", "metric"), [
    ("has the helpdesk's reply speed got worse this month compared to before", "compare", "first_response_time"),
    ("plumber: tickets this month against last, up or down?", "compare", "tickets"),
    ("more shoes sent back for a refund this week than last?", "compare", "refunded_orders"),
    ("were more rugs returned for a refund this month than last", "compare", "refunded_orders"),
    ("resolution hours for support cases, weekly, last 60 days", "trend", "resolution_time"),
    ("questionnaires coming back each day over the past 2 weeks", "trend", "survey_responses"),
    ("is the queue of cases piling up, week by week", "trend", "backlog_change"),
    ("locksmith: tickets per day in september", "trend", "tickets"),
])
def test_a_kpi_in_plain_words_set_against_a_period(rules, question, tool, metric):
    plan = _plan(rules, question)
    assert plan.spec.name == tool
    got = plan.args.get("metrics") or [plan.args.get("metric")]
    assert got == [metric]


@pytest.mark.parametrize(("question", "metric"), [
    ("how many feedback forms came back this month at the spa", "survey_responses"),
    ("what's the look-to-basket rate this week, just the one number", "conversion_decision"),
    ("of the people browsing the gift site, what share made it as far as the basket this month", "conversion_decision"),
    ("of the folk who popped a class in the cart, how many went on and paid this month", "conversion_purchase"),
    ("from the first time someone hears of the boat hire, how many days till they actually book", "time_to_first_purchase"),
    ("florist: the slowest tenth of deliveries, how many days is that", "delivery_time_p90"),
    ("driving school: from first contact to first lesson booking, how many days on average", "time_to_first_purchase"),
    ("how many of the 25-34 lot booked something last quarter", "buyers"),
    ("what percentage of people browsing the tile site actually buy something, this month", "purchase_conversion"),
])
def test_a_kpi_in_plain_words(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_bought_more_than_twice_counts_three_orders(rules):
    assert_plans(rules, "how many pet shop customers have bought more than twice since june", "kpis",
                 metrics=["repeat_customers"], min_orders=3)


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("which towns order the most prints from us", "city", "orders"),
    ("which age group is behind the change in members giving up their memberships this quarter", "age_band", "churn_rate"),
    ("in the CRM's 'where did you hear about us' answers, which source moved revenue most last month",
     "acquisition_channel", "revenue"),
    ("do boxes sent to Clifton take longer than to Redland", "city", "delivery_time"),
    ("repeat clients per segment this year, biggest first", "segment", "repeat_customers"),
])
def test_a_group_ranked_on_a_kpi_in_plain_words(rules, question, by, metric):
    assert_plans(rules, question, "movers", by=by, metric=metric)


@pytest.mark.parametrize("question", [
    "does the bot even have our review answers or only the sales",
    "does this thing even see the web orders or only the till",
    "wat segments r in there",
])
def test_whether_a_kind_of_data_is_held(rules, question):
    assert _plan(rules, question).spec.name == "describe_data"


@pytest.mark.parametrize("question", [
    "for last month's diners, where did they first come from and what closed it?",
    "for this year's campers, what closed it for them?",
    "what happens right before someone books a tasting at the distillery",
])
def test_where_buyers_came_from_and_what_closed_it_is_their_path(rules, question):
    assert _plan(rules, question).spec.name == "paths"
