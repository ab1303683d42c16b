"""Readings added in phase X (lane g-tune33) by class, from blind20's and blind21's open misses,
on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _follow(rules, first, then, tool, args):
    key = "t33-" + first + "|" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, tool, key=key, **args)


# -- follow-ups that change one setting and keep the rest of the thread's reading -----------------

@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    # the ranking: by how much each group changed (or by its level again)
    ("pottery studio: glaze sales per town last month, biggest first", "now sort those by how much they moved",
     "movers", {"metric": "revenue", "by": "city", "rank": "change"}),
    ("which segment spends most per visit at the barbers", "ok rank them by the change instead",
     "movers", {"metric": "aov", "by": "segment", "rank": "change"}),
    # a funnel's skips, said as an amendment
    ("bike hire: funnel from product page to basket to order placed", "same again but leave out anybody that skipped a stage on the way",
     "funnel", {"touchpoints": ["product_view", "add_to_cart", "order_placed"], "skips": "stop"}),
    # the cart window, said as an amendment
    ("how often do tea shoppers load a basket and walk off this week", "same but a cart only counts as abandoned after 12 hours",
     "kpis", {"metrics": ["cart_abandonment"], "cart_window_hours": 12, "period": {"name": "this_week"}}),
    # the group, said as the first channel people came in through
    ("yoga retreat over the past 90 days: site visit, then basket, checkout and order placed, how many make each step",
     "now split it by the first channel guests arrived through",
     "funnel", {"touchpoints": ["website_visit", "add_to_cart", "checkout_start", "order_placed"], "by": "channel",
                "period": {"name": "last_90_days"}}),
    # the owner's own words for the last analysis, then the one thing that changes
    ("florist takings per town for last month", "same flower shop money but cut per region please",
     "movers", {"metric": "revenue", "by": "region", "period": {"name": "last_month"}}),
    # grain and period both changed: "the last N" in the grain's units
    ("chart lesson bookings weekly over the past 2 months", "and daily for only the last 10",
     "trend", {"metric": "orders", "grain": "day", "period": {"start": "2026-11-06", "end": "2026-11-15"}}),
    # "do that ..." re-cuts the last analysis, whatever its subject's words are a cue of
    ("how many complaints come in each week from gym members", "do that per month for the member complaints instead",
     "trend", {"metric": "tickets", "grain": "month"}),
])
def test_a_follow_up_changes_one_setting_and_keeps_the_rest(rules, first, then, tool, args):
    _follow(rules, first, then, tool, args)


@pytest.mark.parametrize(("question", "hours"), [
    ("basket abandonment this month, counting a cart as dumped after 24 hours", 24),
    ("bakery webshop: cart abandonment last week if a trolley is only lost once 2 days pass", 48),
])
def test_a_cart_counted_as_dumped_after_some_hours_is_the_cart_window(rules, question, hours):
    assert_plans(rules, question, "kpis", metrics=["cart_abandonment"], cart_window_hours=hours)


# -- conversion said as a share, and the buyers to come -------------------------------------------

@pytest.mark.parametrize("question", [
    "what % of people browsing the candle site end up buying one",
    "what share of visitors looking round the webshop wind up buying a scarf",
])
def test_a_share_of_browsers_who_end_up_buying_is_the_buying_rate(rules, question):
    assert_plans(rules, question, "kpis", metrics=["purchase_conversion"])


def test_buyers_to_expect_with_names_are_the_likely_buyers(rules):
    assert_plans(rules, "how many candle buyers to expect over the coming weeks, show me 20 of them",
                 "purchase_propensity", limit=20)


# -- KPI words the readers let pass ---------------------------------------------------------------

@pytest.mark.parametrize(("question", "tool", "metric"), [
    ("visitors bouncing away after a single page, weekly this quarter", "trend", "bounce_rate"),
    ("% of guest complaints the team fully resolves, last month", "kpis", "resolution_rate"),
    ("how much did you lot who came in through google ads spend at the bakery last month", "kpis", "revenue"),
    ("loyal members - how many of them actually booked a massage in the last 30 days", "kpis", "buyers"),
    ("which region is to blame for more shoppers dumping baskets this week", "movers", "cart_abandonment"),
])
def test_a_kpi_said_in_passing_is_read(rules, question, tool, metric):
    plan = rules.plan(question, "t33-" + question)
    read = plan.args.get("metric") or (plan.args.get("metrics") or [None])[0]
    assert plan.spec is not None and plan.spec.name == tool and read == metric, (question, plan.spec and plan.spec.name, plan.args)


def test_caribbean_for_and_with_are_read(rules):
    assert_plans(rules, "wagwan, wid parcels, median days fi a box of soap to reach di buyer this month", "kpis",
                 metrics=["delivery_time"], period={"name": "this_month"})


def test_how_a_business_has_been_doing_over_a_span_is_its_headline_figures(rules):
    assert_plans(rules, "hows the salon been doing over the past 3 months", "kpis", period={"name": "last_90_days"})


@pytest.mark.parametrize("question", [
    "would-recommend score for the summer camp weeks this year",
    "csat over our festival weeks last quarter",
])
def test_weeks_of_a_kind_are_not_a_weekly_series(rules, question):
    assert_plans(rules, question, "kpis", grain=None)


@pytest.mark.parametrize(("question", "focus"), [
    ("reckon sundays worth running a pottery class, booking wise", "Sunday"),
    ("thursdays even worth opening the van", "Thursday"),
])
def test_a_weekday_worth_doing_something_on_is_its_pattern(rules, question, focus):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=focus)


@pytest.mark.parametrize("question", [
    "yesterday's surf lessons against the saturday a week earlier",
    "yesterdays kayak hires vs the saturday a week earlier",
])
def test_units_said_after_a_period_are_what_is_compared(rules, question):
    assert_plans(rules, question, "compare", metrics=["orders"], period={"name": "yesterday"},
                 against={"start": "2026-11-07", "end": "2026-11-07"})
