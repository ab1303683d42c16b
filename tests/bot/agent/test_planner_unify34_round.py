"""Readings unified in phase Y (lane g-unify34): one reading of "a follow-up that sets a setting of
the last analysis" (bot/agent/setting_amends.py) and one cart-window pattern
(bot/agent/analytics_tools.py), each written as the union of what the earlier copies read, on
phrasings in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _follow(rules, first, then, tool, args):
    key = "u34-" + first + "|" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, tool, key=key, **args)


# -- the cart window: every way the three earlier alternations read it, and the forms between ------

_WINDOWS = [
    # a basket given up on after the owner's hours (probe22b, tune33)
    ("counted as dumped after 48 hours", 48),
    ("where a trolley counts as abandoned once 12 hours pass", 12),
    # a basket left so long that it counts as lost (the number between the basket and the verdict)
    ("a cart left 2 days counts as abandoned", 48),
    ("a trolley sat there 3 days counts as ditched", 72),
    # only baskets sitting so long (the "+" or "or more" an owner types)
    ("only baskets sitting 36h+", 36),
    ("only carts left idle 20 hours or more", 20),
    # the owner's grace and cut-off (the first alternations)
    ("with a 24 hour window to come back", 24),
    ("if we allow shoppers two days", 48),
]


@pytest.mark.parametrize(("words", "hours"), _WINDOWS)
def test_the_cart_window_said_in_the_question(rules, words, hours):
    assert_plans(rules, f"surfboard shop basket abandonment last month, {words}", "kpis",
                 metrics=["cart_abandonment"], period={"name": "last_month"}, cart_window_hours=hours)


@pytest.mark.parametrize(("words", "hours"), _WINDOWS)
def test_the_cart_window_said_as_a_follow_up(rules, words, hours):
    _follow(rules, "how many gin distillery baskets got abandoned this month", f"same but {words}", "kpis",
            {"metrics": ["cart_abandonment"], "period": {"name": "this_month"}, "cart_window_hours": hours})


# -- one reading of "a follow-up that sets a setting of the last analysis" ------------------------
# The merged question's reading (tune33) once needed a follow-up's lead ("and", "same but"), and the
# follow-up's own words (probe22a) were read after "that" too: now either reading, after either lead.

@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    # a setting only the thread's KPI makes readable, asked about "that"
    ("how many dog-treat baskets got abandoned last week", "show me that with a basket only counted as dumped after 6 hours",
     "kpis", {"metrics": ["cart_abandonment"], "period": {"name": "last_week"}, "cart_window_hours": 6}),
    ("roastery webshop cart abandonment this month", "give me that where a trolley counts as abandoned once 2 days pass",
     "kpis", {"metrics": ["cart_abandonment"], "period": {"name": "this_month"}, "cart_window_hours": 48}),
    # a ranking asked for in so many words, about "that"
    ("barber takings per region last month", "rank that by how much each one moved",
     "movers", {"metric": "revenue", "by": "region", "rank": "change"}),
])
def test_a_setting_said_about_that_is_the_last_analysis_with_it(rules, first, then, tool, args):
    _follow(rules, first, then, tool, args)


@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    # the follow-up's own words set it (read before too; kept by the one reading)
    ("where do climbers give up before booking a session online, last month", "give me those as stages",
     "dropoffs", {"goal_touchpoint": "order_placed", "level": "stage", "period": {"name": "last_month"}}),
    ("kayak hire funnel from browsing to booking, split by region", "and leave out anyone who skipped a step please",
     "funnel", {"stages": ["consideration", "decision", "purchase"], "by": "region", "skips": "stop"}),
    ("what are the spa guests complaining about this month", "that without the comparison to before",
     "feedback_themes", {"sentiment": "negative", "compare": False, "period": {"name": "this_month"}}),
])
def test_a_setting_the_follow_ups_own_words_set_keeps_the_rest(rules, first, then, tool, args):
    _follow(rules, first, then, tool, args)


# -- one ranking-by-change pattern (probe22a's and tune33's), itself enough to follow a ranking ----

@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    ("sauna takings per town last month", "put them in order of the size of the change",
     "movers", {"metric": "revenue", "by": "city", "rank": "change", "period": {"name": "last_month"}}),
    ("glass studio best sellers last month", "rank those by how much each one changed",
     "product_sales", {"by": "product", "rank": "change", "period": {"name": "last_month"}}),
    ("bakery product sales last month, top 5", "sort them on the swing",
     "product_sales", {"by": "product", "rank": "change", "top": 5}),
])
def test_a_ranking_by_change_asked_alone_reranks_the_last_ranking(rules, first, then, tool, args):
    _follow(rules, first, then, tool, args)
