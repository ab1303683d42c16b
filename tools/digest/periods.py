"""The periods a digest reports on: a day against the same weekday a week before (daily), the last
7 days against the 7 before (weekly), or, on data dated by month only, the month against the
month before whatever the cadence.

UCI's online shoppers have every session on the 1st of its month: a daily digest set "Fri 1 Dec"
(the whole of December) against "Fri 24 Nov" (nothing) and its funnel said "in the last 7 days"
of rows that have no day. On such data the digest names the month it really reads.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from tools.analytics.periods import Period
from tools.data import spans
from tools.data.store import JourneyStore
from tools.digest.sections import CONTEXT_DAYS


def digest_periods(cadence: str, day: dt.date) -> tuple[Period, Period]:
    if cadence == "daily":
        before = day - dt.timedelta(days=7)
        return Period(start=day, end=day), Period(start=before, end=before)
    start = day - dt.timedelta(days=6)
    return (Period(start=start, end=day),
            Period(start=start - dt.timedelta(days=7), end=day - dt.timedelta(days=7)))


def day_label(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def month_label(day: dt.date) -> str:
    return f"{day:%b %Y}"


def month_of(day: dt.date) -> Period:
    return Period(start=day.replace(day=1), end=day.replace(day=calendar.monthrange(day.year, day.month)[1]))


def month_periods(day: dt.date) -> tuple[Period, Period]:
    """The month holding `day` and the month before it."""
    before = day.replace(day=1) - dt.timedelta(days=1)
    return month_of(day), month_of(before)


def monthly_tables(store: JourneyStore) -> list[str]:
    """The dated tables with rows that are dated by month only (every row on the 1st)."""
    return [t for t in spans.DATED if (s := store.span(t)).rows and s.granularity == "month"]


@dataclass(frozen=True)
class DigestSpan:
    """What a digest compares and over what it reads its funnel, sentiment and themes."""

    grain: str  # "day", or "month" when every dated table is dated by month only
    current: Period
    previous: Period
    label: str  # "Tue 1 Sep", "Sat 26 Aug – Fri 1 Sep", "Dec 2017"
    previous_label: str  # "Tue 25 Aug", "the 7 days before", "Nov 2017"
    context: Period  # the funnel's, sentiment's and themes' period
    context_words: str  # "in the last 7 days", "in Dec 2017"
    monthly: tuple[str, ...] = ()  # the tables dated by month only

    def periods(self, cadence: str, day: dt.date) -> tuple[Period, Period]:
        """The two periods of the KPI lines of a table reported on `day`."""
        return month_periods(day) if self.grain == "month" else digest_periods(cadence, day)

    def note(self, day: dt.date) -> str | None:
        """Said when a table is dated by month only."""
        if not self.monthly:
            return None
        tables = " and ".join(spans.NOUNS.get(t, t) for t in self.monthly)
        if self.grain == "month":
            return (f"the {tables} are dated by month only (every row on the 1st), so this digest reports on "
                    f"{self.label}, the month of {day}, against {self.previous_label}: the data has no days "
                    "to report on one")
        return (f"the {tables} are dated by month only (every row on the 1st), so {day_label(day)} holds the "
                f"whole of {month_label(day)} and the days it is compared with hold none: ask for the month "
                "against the month before instead")


def digest_span(store: JourneyStore, cadence: str, day: dt.date) -> DigestSpan:
    monthly = monthly_tables(store)
    dated = [t for t in spans.DATED if store.span(t).rows]
    if monthly and set(monthly) == set(dated):
        current, previous = month_periods(day)
        label = month_label(day)
        return DigestSpan("month", current, previous, label, month_label(previous.start),  # type: ignore[arg-type]
                          current, f"in {label}", tuple(monthly))
    current, previous = digest_periods(cadence, day)
    if cadence == "daily":
        label, before = day_label(day), day_label(previous.start)  # type: ignore[arg-type]
    else:
        label, before = f"{day_label(current.start)} – {day_label(day)}", "the 7 days before"  # type: ignore[arg-type]
    week = Period(start=day - dt.timedelta(days=CONTEXT_DAYS - 1), end=day)
    return DigestSpan("day", current, previous, label, before, week, f"in the last {CONTEXT_DAYS} days", tuple(monthly))
