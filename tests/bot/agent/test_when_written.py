"""Dates the planner misread before phase O (lane g-tidy): days written in figures and ranges of
them, quarters with a year said in words, weeks and fortnights of a month set against each other,
a day of the month with no month, and occasions with a date ("on Halloween"). Every expected date
is worked out here from the calendar, not with the modules' own helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.agent.when import read_when

SUNDAY = dt.date(2026, 11, 15)  # the small sample's last day
EARLY_MARCH = dt.date(2026, 3, 4)


def days(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}..{b.isoformat()}"


@pytest.mark.parametrize("text, expected", [
    ("bookings from 2026-02-03 to 2026-04-10", days(dt.date(2026, 2, 3), dt.date(2026, 4, 10))),
    ("refunds between 2025-12-20 and 2026-01-05", days(dt.date(2025, 12, 20), dt.date(2026, 1, 5))),
    ("takings between 28/02/2026 and 02/04/2026", days(dt.date(2026, 2, 28), dt.date(2026, 4, 2))),
    ("visits 14.09.2026 to 20.09.2026", days(dt.date(2026, 9, 14), dt.date(2026, 9, 20))),
    ("orders from 25/10/26 till 01/11/26", days(dt.date(2026, 10, 25), dt.date(2026, 11, 1))),
    # month first only where that alone makes dates, read one way for both ends
    ("sales 2/28 to 4/2", days(dt.date(2026, 2, 28), dt.date(2026, 4, 2))),
    ("sales between 9/1 and 9/30", days(dt.date(2026, 9, 1), dt.date(2026, 9, 30))),
    # no year: the latest such day by the data's last day
    ("cancellations on 23/12", days(dt.date(2025, 12, 23), dt.date(2025, 12, 23))),
    ("signups since 30/09/2026", days(dt.date(2026, 9, 30), SUNDAY)),
    ("reviews on 2026-06-07", days(dt.date(2026, 6, 7), dt.date(2026, 6, 7))),
])
def test_days_written_in_figures(text, expected):
    assert read_when(text, SUNDAY).period == expected


def test_a_slashed_day_either_way_round_is_read_day_first_and_says_so():
    when = read_when("deliveries on 04/06/2026", SUNDAY)
    assert when.period == days(dt.date(2026, 6, 4), dt.date(2026, 6, 4))
    assert when.assumed is not None and "4 June 2026" in when.assumed[1]


@pytest.mark.parametrize("text", ["are we open 24/7 enough, orders this week", "rated 4/5 or better this week"])
def test_a_ratio_is_not_a_day(text):
    assert read_when(text, SUNDAY).period == "this_week"


@pytest.mark.parametrize("text, expected", [
    ("q4 last year takings", days(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
    ("the second quarter of last year", days(dt.date(2025, 4, 1), dt.date(2025, 6, 30))),
    ("bookings in the final quarter of 2025", days(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
    ("the last quarter of the previous year", days(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
    ("q1 this year", days(dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
    ("q3 2025", days(dt.date(2025, 7, 1), dt.date(2025, 9, 30))),
    ("revenue last quarter", "last_quarter"),
])
def test_quarters_with_the_year_in_words(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, as_of, expected", [
    ("sales on the 31st", EARLY_MARCH, days(dt.date(2026, 1, 31), dt.date(2026, 1, 31))),  # february has none
    ("sales on the 30th", EARLY_MARCH, days(dt.date(2026, 1, 30), dt.date(2026, 1, 30))),
    ("how did we do the 2nd?", SUNDAY, days(dt.date(2026, 11, 2), dt.date(2026, 11, 2))),
    ("covers since the 20th of last month", SUNDAY, days(dt.date(2026, 10, 20), SUNDAY)),
    ("calls the 9th of this month", SUNDAY, days(dt.date(2026, 11, 9), dt.date(2026, 11, 9))),
])
def test_a_day_of_the_month_without_the_month(text, as_of, expected):
    assert read_when(text, as_of).period == expected


def test_an_ordinal_before_a_noun_is_not_a_day():
    assert read_when("our 3rd best seller this month", SUNDAY).period == "this_month"


@pytest.mark.parametrize("text, expected", [
    ("website visits on halloween", days(dt.date(2026, 10, 31), dt.date(2026, 10, 31))),
    ("black friday takings", days(dt.date(2025, 11, 28), dt.date(2025, 11, 28))),  # 2026's is still to come
    ("bookings over easter", days(dt.date(2026, 4, 3), dt.date(2026, 4, 6))),
    ("what came in on boxing day 2024", days(dt.date(2024, 12, 26), dt.date(2024, 12, 26))),
    ("orders since bonfire night", days(dt.date(2026, 11, 5), SUNDAY)),
])
def test_occasions_with_a_date(text, expected):
    assert read_when(text, SUNDAY).period == expected


def test_an_occasion_as_a_topic_is_no_period():
    assert read_when("how is the halloween menu selling this month", SUNDAY).period == "this_month"


@pytest.mark.parametrize("text, expected", [
    ("the third week of last month", days(dt.date(2026, 10, 15), dt.date(2026, 10, 21))),
    ("the last fortnight of september", days(dt.date(2026, 9, 17), dt.date(2026, 9, 30))),
])
def test_weeks_of_a_month_by_their_place(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, expected", [
    ("takings in the last 10 days of october", days(dt.date(2026, 10, 22), dt.date(2026, 10, 31))),
    ("bookings for the first 2 weeks of september", days(dt.date(2026, 9, 1), dt.date(2026, 9, 14))),
    ("sales the first three days of last month", days(dt.date(2026, 10, 1), dt.date(2026, 10, 3))),
])
def test_so_many_days_at_either_end_of_a_month(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, expected", [
    ("footfall in early october", days(dt.date(2026, 10, 1), dt.date(2026, 10, 10))),
    ("orders mid-september", days(dt.date(2026, 9, 11), dt.date(2026, 9, 20))),
    ("refunds in late august", days(dt.date(2026, 8, 21), dt.date(2026, 8, 31))),
    ("visits from late last month", days(dt.date(2026, 10, 21), dt.date(2026, 10, 31))),
])
def test_early_mid_and_late_in_a_month_are_its_thirds_and_say_so(text, expected):
    when = read_when(text, SUNDAY)
    assert when.period == expected and when.assumed is not None


def test_late_as_lateness_is_no_part_of_the_month():
    assert read_when("how many parcels turned up late this month", SUNDAY).period == "this_month"


@pytest.mark.parametrize("text, expected", [
    ("orders in week 45", days(dt.date(2026, 11, 2), dt.date(2026, 11, 8))),
    ("revenue wk 10 of 2025", days(dt.date(2025, 3, 3), dt.date(2025, 3, 9))),
    ("sales 2025 q2", days(dt.date(2025, 4, 1), dt.date(2025, 6, 30))),
])
def test_weeks_by_number_and_a_quarter_after_its_year(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, expected", [
    ("covers from tuesday to thursday", days(dt.date(2026, 11, 10), dt.date(2026, 11, 12))),
    ("takings between fri and sun", days(dt.date(2026, 11, 13), dt.date(2026, 11, 15))),
])
def test_a_run_of_weekdays_is_the_latest_such_days(text, expected):
    assert read_when(text, SUNDAY).period == expected


@pytest.mark.parametrize("text, words", [
    ("orders on 30/02/2026", "30/02/2026"),
    ("revenue on 12/40/2026", "12/40/2026"),
    ("takings over mother's day", "over mother's day"),
    ("visits during the school holidays", "during the school holidays"),
])
def test_dates_that_cannot_be_read_are_said_not_dropped(text, words):
    when = read_when(text, SUNDAY)
    assert when.period is None and when.unknown == words
