""""The last 8 weeks" as whole Monday-to-Sunday weeks, as "last week" is the calendar week:
counted back from the latest Sunday the data reaches, so a weekly trend has no part-weeks at
either end. "The last 30 days" stays a rolling count of days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.agent.patterns import lazy
from bot.agent.when_words import UNIT_DAYS


def whole_weeks(n: int, unit: str, as_of: dt.date) -> str | None:
    """The n whole weeks up to the latest Sunday on or before the data's last day; None when that
    Sunday is the last day itself (the rolling days are then the same weeks, and keep their name)."""
    if unit != "week" or n < 1:
        return None
    end = as_of - dt.timedelta(days=(as_of.weekday() - 6) % 7)
    if end == as_of:
        return None
    return f"{(end - dt.timedelta(days=7 * n - 1)).isoformat()}..{end.isoformat()}"


# A series day by day has no part-weeks to leave out: "daily sessions over the last two weeks"
# on data ending on a Tuesday keeps that Tuesday (whole weeks back from Sunday dropped the newest
# days), unless whole weeks are asked for in so many words
_DAILY = lazy(r"\b(?:daily|day[- ]by[- ]day|day[- ]on[- ]day|per day|each day|every day|by day|a day)\b")
_WHOLE = lazy(r"\b(?:full|whole|complete|calendar) weeks?\b")


def counted_period(n: int, unit: str, as_of: dt.date, days_period: Callable[[int, dt.date], str], text: str = "") -> str:
    """"The last 8 weeks", "the past 30 days", "the last 3 months": whole weeks for weeks (not for
    a daily series), else so many days up to the data's last day (`days_period`, bot/agent/when.py's)."""
    daily = unit == "week" and _DAILY.search(text) and not _WHOLE.search(text)
    return (None if daily else whole_weeks(n, unit, as_of)) or days_period(n * UNIT_DAYS[unit], as_of)
