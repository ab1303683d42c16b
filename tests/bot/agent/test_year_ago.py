"""A year back in owners' words (issue 17): "the same month last year", "vs a year ago", "year on
year", "last october", "last year" alone. These used to be read as the month before (the
default comparison, said nowhere) or as no period at all."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.agent.when import read_when

AS_OF = dt.date(2026, 11, 15)  # a Sunday


@pytest.mark.parametrize(("question", "period", "against"), [
    ("compare this month to the same month last year", "this_month", "2025-11-01..2025-11-15"),
    ("orders last month compared with the same month last year", "last_month", "2025-10-01..2025-10-31"),
    ("how does october compare with last october", "2026-10-01..2026-10-31", "2025-10-01..2025-10-31"),
    ("nps this quarter against the same quarter a year ago", "this_quarter", "2025-10-01..2025-11-15"),
    ("are we up on last year", "this_year", "2025-01-01..2025-11-15"),
    ("revenue this month vs a year ago", "this_month", "2025-11-01..2025-11-15"),
    # a week or a day goes back 52 weeks, so a Monday-to-Sunday week meets one again
    ("last week vs the same week last year", "last_week", "2025-11-03..2025-11-09"),
    ("yesterday vs the same day last year", "yesterday", "2025-11-15..2025-11-15"),
])
def test_a_year_back_is_the_same_days_a_year_earlier(question, period, against):
    w = read_when(question, AS_OF)
    assert (w.period, w.against) == (period, against)
    if "week" in question or "day" in question:
        first = dt.date.fromisoformat(against.split("..")[0])
        asked = dt.date(2026, 11, 2) if "week" in question else dt.date(2026, 11, 14)
        assert first.weekday() == asked.weekday()


def test_last_year_alone_is_the_calendar_year_before():
    assert read_when("revenue last year", AS_OF).period == "2025-01-01..2025-12-31"
    assert read_when("how did last year go", AS_OF).period == "2025-01-01..2025-12-31"


def test_this_year_against_last_year_stays_the_year_so_far_against_the_same_days():
    w = read_when("revenue this year vs last year", AS_OF)
    assert (w.period, w.against) == ("this_year", "2025-01-01..2025-11-15")


def test_the_compare_answer_states_the_year_ago_dates():
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())
    answer = planner.answer("compare revenue this month to the same month last year", "yoy")
    assert "2025-11-01" in answer.text and "2025-11-15" in answer.text, answer.text[:400]


def test_a_device_is_said_to_be_unknown_not_silently_dropped():
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())
    answer = planner.answer("what's the conversion rate on mobile", "device")
    assert "“mobile”" in answer.text.splitlines()[0] and "everyone is counted" in answer.text.splitlines()[0]
    # a channel the data has ("phone") is a filter, not an unknown word
    answer = planner.answer("how many orders came in on the phone last week", "phone")
    assert "channel phone" in answer.text.splitlines()[0]
