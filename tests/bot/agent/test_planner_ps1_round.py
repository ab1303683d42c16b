"""Readings added in phase P (lane g-ps1) by class, from blind14's KPI and trend misses, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning). The tests named "stays", "is not" or "are not"
guard the neighbouring readings these words must not take over."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

# -- the money said as the till, as "the <product> money", or money-wise --------------------------

@pytest.mark.parametrize(("question", "period"), [
    ("what was the till on saturday, roughly", None),
    ("how was the till yesterday at the chippy", "yesterday"),
    ("what did the bakery come to money-wise last week", "last_week"),
    ("how's the sourdough and pastry money looking this month", "this_month"),
])
def test_the_till_and_the_product_money_are_revenue(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["revenue"])
    if period:
        assert_plans(rules, question, "kpis", period={"name": period})


@pytest.mark.parametrize(("question", "grain"), [
    ("florist till day by day this week", "day"),
    ("how has the vinyl and cassette money been going week to week", "week"),
])
def test_the_till_and_the_product_money_drawn_as_a_series_are_the_revenue_trend(rules, question, grain):
    assert_plans(rules, question, "trend", metric="revenue", grain=grain)


def test_waiting_till_a_day_is_not_the_till(rules):
    from bot.agent.slot_readers import parse_metrics

    assert "revenue" not in parse_metrics("how long till the tickets get sorted")
    assert "revenue" not in parse_metrics("can it wait till monday")


# -- goods counted in the trade's own words -------------------------------------------------------

@pytest.mark.parametrize("question", [
    "how many crates of veg went out the door last week",
    "how many wedding cakes came in this month",
    "how many sets of curtains did we sell last quarter",
])
def test_goods_counted_as_they_came_in_or_went_out_are_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


def test_goods_counted_each_day_are_the_orders_trend(rules):
    assert_plans(rules, "how many curtain sets came in each day, past 14 days", "trend", metric="orders",
                 grain="day")


@pytest.mark.parametrize("question", [
    "candles sold and takings last month",
    "how many hampers went out last week and what did they bring in",
])
def test_goods_counted_with_the_money_are_both(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders", "revenue"])


def test_calls_that_came_in_are_not_goods(rules):
    from bot.agent.slot_readers import parse_metrics

    assert "orders" not in parse_metrics("how many calls came in yesterday")


# -- people: buyers of a product, people active, people logging issues ----------------------------

@pytest.mark.parametrize("question", [
    "how many sourdough starter buyers did we have last month",
    "how many pram and cot buyers this quarter",
])
def test_buyers_of_a_named_product_are_the_buyers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])


def test_a_follow_up_naming_another_group_keeps_the_buyers(rules):
    key = "ps1-buyers-follow"
    first = rules.plan("how many guitar pedal buyers did we have from the vip list in september", key)
    rules.remember(key, first)
    plan = rules.plan("what about the newsletter lot?", key)
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["buyers"]
    assert plan.args["filters"] == {"segment": ["newsletter"]}


def test_repeat_buyers_stay_repeat(rules):
    assert_plans(rules, "how many repeat buyers did we have last month", "kpis", metrics=["repeat_customers"])


@pytest.mark.parametrize("question", [
    "how many members interacted with us at all last week",
    "how many patients engaged with us this month",
])
def test_people_who_interacted_with_us_are_active(rules, question):
    assert_plans(rules, question, "kpis", metrics=["active_customers"])


@pytest.mark.parametrize("question", [
    "how many guests raised a complaint last weekend",
    "how many students reported a fault with the lockers this term",
    "how many repair tickets did the team log today",
])
def test_issues_people_logged_are_tickets_opened(rules, question):
    assert_plans(rules, question, "kpis", metrics=["tickets"])


def test_tickets_the_crew_closed_are_resolved(rules):
    assert_plans(rules, "how many complaints did the boys sort out yesterday", "kpis", metrics=["resolved_tickets"])


def test_open_tickets_named_by_their_kind_are_the_backlog(rules):
    assert_plans(rules, "open warranty cases at the end of each week, this quarter", "trend", metric="open_tickets",
                 grain="week")


def test_goods_sent_back_and_refunded_are_refunded_orders(rules):
    assert_plans(rules, "how many prams were sent back broken and got refunded this quarter", "kpis",
                 metrics=["refunded_orders"])


# -- visits: the share that bounce, or turn into what the trade sells -----------------------------

def test_the_share_of_visits_that_bounce_is_the_bounce_rate_alone(rules):
    assert_plans(rules, "what share of web sessions bounce straight away, this month", "kpis", metrics=["bounce_rate"])


@pytest.mark.parametrize("question", [
    "what % of site visits ended in a booked lesson last month",
    "share of web sessions that turned into a paid class this quarter",
])
def test_the_share_of_visits_that_turn_into_a_sale_is_session_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["session_conversion"])


# -- the steps of the journey asked as a rate -----------------------------------------------------

def test_people_who_first_heard_of_us_and_went_on_to_look_is_the_consideration_step(rules):
    assert_plans(rules, "what share of folk who first heard of the studio went on to look at the portfolio, this year",
                 "kpis", metrics=["conversion_consideration"])


def test_browsers_who_went_on_to_add_to_the_basket_is_the_decision_step(rules):
    assert_plans(rules, "shoppers browsing who went on to add candles to the cart, what rate", "kpis",
                 metrics=["conversion_decision"])


# -- the rest: the bag spend, the days to a first purchase, the best single day -------------------

def test_the_average_bag_spend_is_the_order_value(rules):
    assert_plans(rules, "is the average trolley spend creeping up? weekly since june", "trend", metric="aov",
                 grain="week")


def test_days_from_first_seeing_us_to_a_first_purchase(rules):
    assert_plans(rules, "avg days from first spotting us on insta to booking their first massage", "kpis",
                 metrics=["time_to_first_purchase"])


@pytest.mark.parametrize(("question", "grain"), [
    ("what was the busiest single day for pottery class bookings this month", "day"),
    ("which was our worst single week for takings last quarter", "week"),
])
def test_the_best_single_day_is_a_series_at_that_grain(rules, question, grain):
    assert_plans(rules, question, "trend", grain=grain)


def test_the_busiest_day_of_the_week_stays_a_weekday_pattern(rules):
    assert_plans(rules, "what's our busiest day of the week", "time_pattern", by="weekday")


def test_the_till_as_the_place_orders_ring_up_stays_the_orders(rules):
    assert_plans(rules, "which hour is busiest at the garden centre till", "time_pattern", metric="orders")


@pytest.mark.parametrize("question", [
    "mean time to clear a billing query, past 30 days",
    "median time to deal with a warranty claim ticket last quarter",
])
def test_the_time_to_close_a_kind_of_ticket_is_the_resolution_time(rules, question):
    assert_plans(rules, question, "kpis", metrics=["resolution_time"])


def test_browsers_who_moved_on_to_the_basket_is_the_step_not_a_change(rules):
    assert_plans(rules, "window shoppers who moved on to putting yarn in the trolley, what rate this month", "kpis",
                 metrics=["conversion_decision"])


@pytest.mark.parametrize(("question", "least"), [
    ("how many members dropped in more than 5 times last month", 6),
    ("how many locals called in more than twice this week", None),
])
def test_people_who_popped_in_more_than_n_times_are_repeat_customers(rules, question, least):
    assert_plans(rules, question, "kpis", metrics=["repeat_customers"])
    if least:
        assert_plans(rules, question, "kpis", min_orders=least)
