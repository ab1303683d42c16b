"""Readings added in phase O (lane g-tune23): thanks or praise with nothing asked, and what
others charge out in the world, are answered by no tool; the same words with a question about
the shop's own data still plan it (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "t23-" + question)


@pytest.mark.parametrize("question", [
    "ta mate, ur a star for the barber's revenue numbers",
    "cheers, legend, those cafe sales figures are bang on",
    "thanks pal, the conversion numbers for the gym were spot on",
    "nice one, you're a genius with the bookings report",
    "brilliant, cheers for the churn stats",
    "great stuff, much appreciated for the refunds breakdown",
])
def test_thanks_and_praise_ask_nothing(rules, question):
    assert _plan(rules, question).spec is None


@pytest.mark.parametrize(("question", "tool"), [
    ("thanks, now show me bookings by channel for the spa", "movers"),
    ("cheers, and what was conversion last month?", "kpis"),
    ("great, conversion rate", "kpis"),
])
def test_thanks_then_a_question_is_still_planned(rules, question, tool):
    assert_plans(rules, question, tool)


def test_thanks_gets_a_warm_reply_not_a_refusal(rules):
    from bot.agent.reading import ask_back

    question = "ta mate, ur a star for the barber's revenue numbers"
    answer = ask_back(rules, _plan(rules, question), question, "t23-reply")
    assert answer.text.startswith("Glad that helped") and "can't help" not in answer.text


@pytest.mark.parametrize("question", [
    "what's the going rate for a roofer in perth",
    "what's the going rate for a dog groomer",
    "how much do dog walkers charge in bath",
    "how much do tilers charge in perth",
    "what do mechanics charge per hour in york",
])
def test_what_others_charge_out_there_is_no_tool(rules, question):
    assert _plan(rules, question).spec is None


@pytest.mark.parametrize("question", [
    "what did clients in york spend last month",
    "average order value in cork",
    "how much do we charge in bath on average",
    "our prices compared with last month",
])
def test_the_shops_own_prices_and_places_still_plan(rules, question):
    assert _plan(rules, question).spec is not None


@pytest.mark.parametrize("thanks", ["thanks", "brilliant, thanks", "lovely, ta"])
def test_thanks_after_an_answer_does_not_run_it_again(rules, thanks):
    key = "t23-conv-" + thanks
    rules.remember(key, rules.plan("bookings by channel last month for the nail bar", key))
    assert rules.plan(thanks, key).spec is None
