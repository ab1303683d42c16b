"""Dates read in phase O (lane g-tidy) by class, on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py). The sample's last day is
Sunday 2026-11-15."""

from __future__ import annotations

import pytest


def _plan(rules, question):
    return rules.plan(question, "tidy-" + question)


def _period(plan):
    p = plan.args.get("period") or {}
    return p.get("name") or (p.get("start"), p.get("end"))


@pytest.mark.parametrize(("question", "period"), [
    ("pottery studio: revenue from 2026-02-01 to 2026-03-15", ("2026-02-01", "2026-03-15")),
    ("dog groomer: how many orders between 01/09/2026 and 30/09/2026", ("2026-09-01", "2026-09-30")),
    ("kayak hire: bookings 12/07/2026 - 19/07/2026", ("2026-07-12", "2026-07-19")),
    ("vape shop takings 7/4 to 7/18", ("2026-07-04", "2026-07-18")),
    ("locksmith: how many tickets on 21.10.2026", ("2026-10-21", "2026-10-21")),
])
def test_days_written_in_figures(rules, question, period):
    plan = _plan(rules, question)
    assert plan.spec is not None and _period(plan) == period


@pytest.mark.parametrize(("question", "period"), [
    ("tattoo parlour: revenue in Q4 last year", ("2025-10-01", "2025-12-31")),
    ("how many orders did the cheese shop get in the last quarter of 2025", ("2025-10-01", "2025-12-31")),
    ("aquarium store takings, second quarter of last year", ("2025-04-01", "2025-06-30")),
])
def test_a_quarter_of_a_year_said_in_words(rules, question, period):
    assert _period(_plan(rules, question)) == period


@pytest.mark.parametrize(("question", "period"), [
    ("chip shop: what did we take the 2nd?", ("2026-11-02", "2026-11-02")),
    ("bike repairs: tickets since the 25th of last month", ("2026-10-25", "2026-11-15")),
    ("how many orders did the florist get the 12th of this month", ("2026-11-12", "2026-11-12")),
])
def test_a_day_of_the_month_without_its_month(rules, question, period):
    assert _period(_plan(rules, question)) == period


@pytest.mark.parametrize(("question", "period", "against"), [
    ("garden centre: revenue in the first fortnight of september against the second",
     ("2026-09-01", "2026-09-14"), ("2026-09-15", "2026-09-28")),
    ("escape room: compare orders in the last week of october with the first",
     ("2026-10-25", "2026-10-31"), ("2026-10-01", "2026-10-07")),
])
def test_a_part_of_a_month_set_against_another_part(rules, question, period, against):
    plan = _plan(rules, question)
    assert plan.spec.name == "compare"
    got = plan.args["against"]
    assert _period(plan) == period and (got.get("start"), got.get("end")) == against


@pytest.mark.parametrize(("question", "period"), [
    ("how many visitors did the pumpkin patch site get on halloween", ("2026-10-31", "2026-10-31")),
    ("record shop black friday revenue", ("2025-11-28", "2025-11-28")),
    ("sweet shop: orders over easter", ("2026-04-03", "2026-04-06")),
    ("how did the fireworks stall do on bonfire night", ("2026-11-05", "2026-11-05")),
])
def test_an_occasion_is_its_date(rules, question, period):
    assert _period(_plan(rules, question)) == period


@pytest.mark.parametrize(("question", "period"), [
    ("pet shop: revenue for the first half of the month", ("2026-11-01", "2026-11-15")),
    ("car wash: orders in the first half of the month", ("2026-11-01", "2026-11-15")),
    ("hot tub hire: bookings since monday", "this_week"),
])
def test_this_month_and_week_said_without_naming_them(rules, question, period):
    assert _period(_plan(rules, question)) == period


def test_a_day_written_either_way_round_says_how_it_was_read(rules):
    answer = rules.answer("bakery: revenue on 05/06/2026", "tidy-either-way")
    first = answer.text.splitlines()[0]
    assert "2026-06-05" in first and "day first: 5 June 2026" in first


@pytest.mark.parametrize(("question", "period"), [
    ("ice cream van: revenue in the last 10 days of august", ("2026-08-22", "2026-08-31")),
    ("how many bookings did the ski hire get in the first 2 weeks of february", ("2026-02-01", "2026-02-14")),
    ("allotment shop orders in early september", ("2026-09-01", "2026-09-10")),
    ("print shop: revenue in week 40", ("2026-09-28", "2026-10-04")),
    ("bouncy castle hire revenue 2025 q3", ("2025-07-01", "2025-09-30")),
    ("sandwich bar: orders from tuesday to thursday", ("2026-11-10", "2026-11-12")),
])
def test_parts_of_months_numbered_weeks_and_runs_of_weekdays(rules, question, period):
    assert _period(_plan(rules, question)) == period


@pytest.mark.parametrize(("question", "words"), [
    ("cake shop: revenue on 30/02/2026", "30/02/2026"),
    ("nail bar: how many bookings over mother's day", "over mother's day"),
])
def test_a_date_not_understood_is_said(rules, question, words):
    first = rules.answer(question, "tidy-unread-" + question).text.splitlines()[0]
    assert f"I can't read “{words}” as dates" in first, first


@pytest.mark.parametrize(("question", "metric"), [
    ("trendy tots kidswear: how many orders last week", "orders"),
    ("the trendy barbers: revenue in october", "revenue"),
])
def test_a_word_of_its_own_that_starts_like_a_tool_word_is_no_typo(rules, question, metric):
    # "trendy" was "corrected" to trend, and the question answered as a series over time
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and plan.args["metrics"] == [metric], (plan.spec.name, plan.args)
    assert ("trendy", "trend") not in plan.slots.fixes


@pytest.mark.parametrize(("keyword", "said", "hit"), [
    ("trend", "the trendy cafe", False),
    ("trend", "revenue trending down", True),
    ("trend", "weekly trends", True),
    ("compare", "comparing october", True),
    ("category", "by categories", True),
    ("movers", "which removal movers", True),
    ("path", "pathway tutoring", False),
    ("current", "currency exchange", False),
    ("love", "dog lovers", False),
    ("contribut*", "the biggest contributor", True),
    ("risk*", "risky customers", True),
])
def test_tool_keywords_are_whole_words_unless_marked_as_stems(keyword, said, hit):
    from bot.agent.ranking import keyword_pattern

    assert bool(keyword_pattern(keyword).search(said)) is hit
