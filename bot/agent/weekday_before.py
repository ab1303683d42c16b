"""(lane tune28) A day set against the same weekday: "yesterday's till compared to last saturday"
asked on a Sunday, "today vs last sunday" on a Sunday, "friday's takings against the previous
friday". Each weekday reader answers "last saturday" with the latest Saturday, which here is the
very day it is set against; a day compared with itself is never what is asked, so the weekday
is the one a week before (the bank conventions: "yesterday's till compared to last saturday" on
Sunday 2026-11-15 is 2026-11-14 against 2026-11-07)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any


def one_day(period: str | None, as_of: dt.date) -> dt.date | None:
    """The single day a period names (today, yesterday, one YYYY-MM-DD..YYYY-MM-DD day), else None."""
    if period == "today":
        return as_of
    if period == "yesterday":
        return as_of - dt.timedelta(days=1)
    if period and len(period) == 22 and period[:10] == period[12:]:
        try:
            return dt.date.fromisoformat(period[:10])
        except ValueError:
            return None
    return None


def weekday_before(when: Any, as_of: dt.date | None) -> Any:
    """`when` with a one-day yardstick that is the period's own day moved back a week."""
    if as_of is None or not when.against:
        return when
    day, against = one_day(when.period, as_of), one_day(when.against, as_of)
    if day is None or against != day:
        return when
    back = (day - dt.timedelta(days=7)).isoformat()
    return dataclasses.replace(when, against=f"{back}..{back}")
