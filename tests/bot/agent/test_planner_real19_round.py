"""Readings added in phase Y (lane real19) by class: the web visit's own figures asked by hour,
weekday or month are a time pattern of session length, pages per session, exit rate or cart
abandonment (bot/agent/visit_pattern_words.py), never the visits or the orders counted. Phrasings
written for this round in other trades and words than the questions that showed the miss (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    ("which weekday do readers linger longest on the blog site", "weekday"),
    ("what time of day do bookers stay the longest on the booking site", "hour"),
    ("at what hour do browsers hang around longest on the webshop", "hour"),
    ("which weekday do walkers browse longest", "weekday"),
    ("when do people spend longest in the app", "hour"),
])
def test_staying_longest_on_the_site_is_the_session_length_pattern(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="session_length", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("which day of the week do patients click through the most pages", "weekday"),
    ("what hour do diners view the fewest pages", "hour"),
])
def test_looking_at_the_most_pages_is_the_pages_per_session_pattern(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="pages_per_session", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("which month are trolleys ditched most at the garden centre webshop", "month"),
    ("when do gym members walk away from their baskets most", "hour"),
])
def test_baskets_dumped_are_the_cart_abandonment_pattern(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="cart_abandonment", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("which hour do readers exit the webshop most", "hour"),
    ("which weekday do guests leave the booking site most", "weekday"),
])
def test_leaving_the_site_is_the_exit_rate_pattern(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="exit_rate", by=by)


@pytest.mark.parametrize("question", [
    "which month do hotel guests stay longest",  # a stay at the hotel, no web visit
    "which day do people leave the site without buying",  # the buying rate, not the exits
    "which day do we sell the most baskets",  # baskets sold are orders
    "what hour do people spend the most on the site",  # money spent, not time
])
def test_stays_sales_and_spending_are_not_read_as_the_visit_figures(rules, question):
    plan = rules.plan(question, "real19-" + question)
    assert plan.args.get("metric") not in ("session_length", "pages_per_session", "exit_rate", "cart_abandonment"), plan.args
