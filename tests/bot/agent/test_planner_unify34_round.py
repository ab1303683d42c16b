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
