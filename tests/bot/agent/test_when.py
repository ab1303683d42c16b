"""Reading dates out of questions (bot/agent/when.py): day ranges with ordinals, days of the
current month, weekdays, "year so far", the week before last, and a step back from the period
a conversation was about. Every expected date is worked out here from the calendar, not with
the module's own helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.agent.step_back import shift_back
from bot.agent.when import read_when

SUNDAY = dt.date(2026, 11, 15)  # the small sample's last day
WEDNESDAY = dt.date(2026, 3, 4)  # early in a month, mid-week: ranges reach back into February


def days(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}..{b.isoformat()}"


def latest(weekday: int, as_of: dt.date, *, before: bool = False) -> dt.date:
    """The latest given weekday on or before `as_of` (strictly before with `before`)."""
    day = as_of
    while day.weekday() != weekday or (before and day == as_of):
        day -= dt.timedelta(days=1)
    return day


@pytest.mark.parametrize("text, as_of, expected", [
    ("takings for the 1st to the 14th of november", SUNDAY, days(dt.date(2026, 11, 1), dt.date(2026, 11, 14))),
    ("orders between the 5th and 12th of november", SUNDAY, days(dt.date(2026, 11, 5), dt.date(2026, 11, 12))),
    ("revenue between 3 and 9 march", SUNDAY, days(dt.date(2026, 3, 3), dt.date(2026, 3, 9))),
    ("from the 3rd of october to the 2nd of november", SUNDAY, days(dt.date(2026, 10, 3), dt.date(2026, 11, 2))),
    # a day with no month is the latest such day: the 2nd of this month, the 20th of last month
    ("revenue from the 2nd till now", WEDNESDAY, days(dt.date(2026, 3, 2), WEDNESDAY)),
    ("orders since the 20th", WEDNESDAY, days(dt.date(2026, 2, 20), WEDNESDAY)),
    ("revenue the 3rd to the 9th", SUNDAY, days(dt.date(2026, 11, 3), dt.date(2026, 11, 9))),
    ("aov for the first fortnight of november", SUNDAY, days(dt.date(2026, 11, 1), dt.date(2026, 11, 14))),
    # weekdays: "since monday" runs to the last day; "last wednesday" is never the last day itself
    ("orders since tuesday", WEDNESDAY, days(latest(1, WEDNESDAY), WEDNESDAY)),
    ("orders since monday", WEDNESDAY, "this_week"),  # the week so far, named as the owner reads it
    ("revenue last wednesday", WEDNESDAY, days(*[latest(2, WEDNESDAY, before=True)] * 2)),
    ("what did we take on friday", WEDNESDAY, days(*[latest(4, WEDNESDAY)] * 2)),
    ("tuesday's orders", SUNDAY, days(*[latest(1, SUNDAY)] * 2)),
    ("revenue the week before last", SUNDAY,
     days(SUNDAY - dt.timedelta(days=SUNDAY.weekday() + 14), SUNDAY - dt.timedelta(days=SUNDAY.weekday() + 8))),
    ("orders the day before yesterday", SUNDAY, days(*[SUNDAY - dt.timedelta(days=2)] * 2)),
    ("our nps for the year so far", SUNDAY, "this_year"),
    ("revenue ytd", SUNDAY, "this_year"),
    ("chart active customers weekly for the whole year", SUNDAY, "this_year"),
    ("orders last fortnight", SUNDAY, "last_14_days"),
    ("revenue for the last 2 full weeks", SUNDAY, "last_14_days"),
    ("revenue since the beginning of october", SUNDAY, days(dt.date(2026, 10, 1), SUNDAY)),
    ("revenue over the past couple of months", SUNDAY, "last_60_days"),
    # "from October" is October ("the comments from October"); "since", "from ... on" run to now
    ("summarise the survey comments from october", SUNDAY, days(dt.date(2026, 10, 1), dt.date(2026, 10, 31))),
    ("tickets from 2025", SUNDAY, days(dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
    ("orders since october", SUNDAY, days(dt.date(2026, 10, 1), SUNDAY)),
    ("orders from october onwards", SUNDAY, days(dt.date(2026, 10, 1), SUNDAY)),
    ("revenue from september on", SUNDAY, days(dt.date(2026, 9, 1), SUNDAY)),
    ("revenue from 2025 until now", SUNDAY, days(dt.date(2025, 1, 1), SUNDAY)),
])
def test_dates_in_plain_words(text, as_of, expected):
    assert read_when(text, as_of).period == expected


def test_a_weekday_as_a_habit_is_not_a_date():
    assert read_when("are we busier on mondays?", SUNDAY).period is None


def test_a_financial_year_is_read_as_the_calendar_year_and_says_so():
    when = read_when("csat for this financial year", SUNDAY)
    assert when.period == "this_year"
    assert when.assumed == ("financial year", "the calendar year so far, as the data does not say when yours starts")


@pytest.mark.parametrize("text, unit", [
    ("and the week before that?", "week"),
    ("what about the month prior to that", "month"),
    ("and the one before that?", "one"),
    ("and the month before?", "month"),
    ("same for the 7 days before that", "7 days"),
])
def test_a_step_back_names_no_period_of_its_own(text, unit):
    when = read_when(text, SUNDAY)
    assert when.step == unit and when.period is None and when.grain is None


def test_a_step_back_from_each_kind_of_period():
    monday = SUNDAY - dt.timedelta(days=SUNDAY.weekday())
    last_week = (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
    assert shift_back("last_week", "week", SUNDAY) == days(last_week[0] - dt.timedelta(days=7),
                                                           last_week[1] - dt.timedelta(days=7))
    # a whole month steps back a whole month, whatever its length
    assert shift_back("last_month", "month", SUNDAY) == days(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert shift_back("last_month", "one", SUNDAY) == days(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert shift_back("yesterday", "day", SUNDAY) == days(*[SUNDAY - dt.timedelta(days=2)] * 2)
    assert shift_back("last_7_days", "7 days", SUNDAY) == days(SUNDAY - dt.timedelta(days=13),
                                                               SUNDAY - dt.timedelta(days=7))
    assert shift_back(None, "week", SUNDAY) is None


@pytest.mark.parametrize("text, period, against", [
    ("compare this month's average basket with october's", "this_month", days(dt.date(2026, 10, 1), dt.date(2026, 10, 31))),
    ("yesterday's tickets vs last tuesday's", "yesterday", days(dt.date(2026, 11, 10), dt.date(2026, 11, 10))),
    ("last week's orders", "last_week", None),
])
def test_a_possessive_period_after_with_or_vs_is_the_comparison(text, period, against):
    when = read_when(text, SUNDAY)
    assert (when.period, when.against) == (period, against)


@pytest.mark.parametrize("text, expected", [
    # a start after the data's last day: that day alone, never an end before the start
    ("how many orders since 2026-12-01", days(dt.date(2026, 12, 1), dt.date(2026, 12, 1))),
    ("revenue since the 1st of december 2026", days(dt.date(2026, 12, 1), dt.date(2026, 12, 1))),
    ("orders since 2026-10-01", days(dt.date(2026, 10, 1), SUNDAY)),
])
def test_since_a_day_after_the_data_ends_is_that_day(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, expected", [
    # a month or year wholly after the data's last day is kept whole (the tool then says where
    # the data ends); one that holds the last day is cut there
    ("orders in december 2026", days(dt.date(2026, 12, 1), dt.date(2026, 12, 31))),
    ("revenue in 2027", days(dt.date(2027, 1, 1), dt.date(2027, 12, 31))),
    ("orders in november 2026", days(dt.date(2026, 11, 1), SUNDAY)),
    # a year written once belongs to both days of a range
    ("orders between 1 dec and 20 dec 2025", days(dt.date(2025, 12, 1), dt.date(2025, 12, 20))),
    ("orders from 20 dec to 5 jan 2026", days(dt.date(2025, 12, 20), dt.date(2026, 1, 5))),
])
def test_periods_after_the_data_ends_and_a_year_written_once(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, expected", [
    ("what about 2025?", days(dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
    ("and 2024", days(dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("revenue 2025?", days(dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
    ("the top 2000 customers by spend", None),  # a number, not a year
])
def test_a_year_written_bare_where_nothing_else_is_meant(text, expected):
    assert read_when(text, SUNDAY).period == expected
