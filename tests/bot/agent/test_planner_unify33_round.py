"""Readings of phase X (lane g-unify33): one vocabulary for "the other way round"
(bot/agent/swapped_periods.py). Three lists differed at the edges, so a phrasing one reader knew
swapped in one place and not the next; these are the union's phrasings, in other trades' words,
on a comparison, on a follow-up of one, and on the other tools that set two periods side by side
(rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

from bot.agent.swapped_periods import SWAPPED

OCT = {"start": "2026-10-01", "end": "2026-10-31"}
SEP = {"start": "2026-09-01", "end": "2026-09-30"}
Q2 = {"start": "2026-04-01", "end": "2026-06-30"}
Q3 = {"start": "2026-07-01", "end": "2026-09-30"}
THIS_WEEK, LAST_WEEK = {"name": "this_week"}, {"name": "last_week"}


def _asked(rules, key, *questions):
    """Ask the questions the next one follows up on (the conversation remembers each reading)."""
    for question in questions:
        rules.remember(key, rules.plan(question, key))


# A comparison, then the same comparison narrowed by a follow-up: the swap reads the same after both
_COMPARES = {
    "months": ("compare october against september for the garage's MOT bookings", "and just for facebook?"),
    "weeks": ("kennels: takings this week vs last week", "and only the vip lot?"),
    "quarters": ("compare q3 with q2 for the florist's orders", "now just instagram"),
}
_SWAPPED = {"months": (SEP, OCT), "weeks": (LAST_WEEK, THIS_WEEK), "quarters": (Q2, Q3)}


@pytest.mark.parametrize("after_follow_up", [False, True], ids=["compare", "compare-follow-up"])
@pytest.mark.parametrize(("pair", "turn"), [
    ("weeks", "swap the weeks round"),  # the unit of the two periods, not a weekly series
    ("months", "flip the two months please, just the web shop"),
    ("quarters", "could we have that again the other way about, with the older quarter first"),
    ("months", "switch the two months over so i can read september first please"),
    ("months", "now in reverse, with the earlier month shown first for the team"),
])
def test_a_comparison_turned_round_in_any_words_swaps_its_two_periods(rules, pair, turn, after_follow_up):
    key = f"unify33-{after_follow_up}-{turn}"
    first, then = _COMPARES[pair]
    _asked(rules, key, first, *([then] if after_follow_up else []))
    period, against = _SWAPPED[pair]
    assert_plans(rules, turn, "compare", key=key, period=period, against=against)


@pytest.mark.parametrize("turn", ["same but reversed", "the other way about", "flip the two months", "swap round"])
def test_a_journey_map_beside_another_month_turned_round_swaps_too(rules, turn):
    key = "unify33-map-" + turn
    _asked(rules, key, "customer journey map for the tattoo studio this month alongside last month")
    assert_plans(rules, turn, "journey_map", key=key, period={"name": "last_month"},
                 compare_period={"name": "this_month"})


@pytest.mark.parametrize("turn", ["same but reversed", "in reverse please"])
def test_the_movers_between_two_weeks_turned_round_swap_too(rules, turn):
    key = "unify33-movers-" + turn
    _asked(rules, key, "which channel drove the change in dog grooming bookings last week vs the week before")
    plan = rules.plan(turn, key)
    assert plan.spec is not None and plan.spec.name == "movers", (turn, plan.args)
    assert plan.args["against"] == LAST_WEEK and plan.args["period"] != LAST_WEEK, plan.args


# guards: the readings these keep were right before and must stay so
@pytest.mark.parametrize("text", [
    "switch it to weeks", "flip that to months", "swap them over to instagram", "switch it off",
    "switch over to the web shop", "reverse the slide in repeat bookings", "swap vip for the loyalty lot",
])
def test_another_setting_changed_is_not_the_order_turned_round(text):
    assert SWAPPED.search(text) is None, text


def test_a_weekly_series_asked_by_month_is_still_regrained(rules):
    key = "unify33-regrain"
    _asked(rules, key, "weekly covers at the bistro over the past 3 months")
    assert_plans(rules, "flip that to months", "trend", key=key, grain="month")
