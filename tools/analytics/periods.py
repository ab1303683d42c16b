"""Periods as people say them ("last 30 days", "this month") resolved against the data.

Relative periods are anchored on `as_of`, which defaults to the last day the data covers, not
the wall clock: an owner who exported yesterday's data and asks about "this week" means the
week the data ends in. Days are calendar days in the business time zone; a resolved period is
a half-open interval [start, end) of time-zone-aware datetimes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field, model_validator

from tools.core.errors import ToolInputError

PeriodName = Literal[
    "today",
    "yesterday",
    "last_7_days",
    "last_14_days",
    "last_28_days",
    "last_30_days",
    "last_60_days",
    "last_90_days",
    "last_180_days",
    "this_week",
    "last_week",
    "this_month",
    "last_month",
    "this_quarter",
    "last_quarter",
    "this_year",
    "all",
]
PERIOD_NAMES: tuple[str, ...] = PeriodName.__args__  # type: ignore[attr-defined]


class Period(BaseModel):
    """A named period relative to the end of the data, or explicit dates (inclusive)."""

    name: PeriodName | None = Field(
        default=None,
        description="Relative period, anchored on the last day of data. Use 'all' for everything.",
    )
    start: dt.date | None = Field(default=None, description="First day (inclusive), YYYY-MM-DD.")
    end: dt.date | None = Field(default=None, description="Last day (inclusive), YYYY-MM-DD.")

    @model_validator(mode="after")
    def _check(self) -> Period:
        if self.name is not None and (self.start or self.end):
            raise ValueError("give either a period name or start/end dates, not both")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @classmethod
    def parse(cls, text: str | Period | None) -> Period:
        """'last_30_days', 'last 30 days', '2026-05-01..2026-05-31', '2026-05-01' or None."""
        if isinstance(text, Period):
            return text
        if text is None or not str(text).strip():
            return cls(name="all")
        raw = str(text).strip().lower()
        if ".." in raw:
            a, b = raw.split("..", 1)
            return cls(start=_date(a) if a else None, end=_date(b) if b else None)
        key = raw.replace(" ", "_").replace("-", "_")
        if key in PERIOD_NAMES:
            return cls(name=key)  # type: ignore[arg-type]
        try:
            day = _date(raw)
        except ToolInputError:
            raise ToolInputError(
                f"Unknown period {text!r}; use one of {', '.join(PERIOD_NAMES)} "
                "or dates as YYYY-MM-DD..YYYY-MM-DD"
            ) from None
        return cls(start=day, end=day)

    def __str__(self) -> str:
        if self.name:
            return self.name.replace("_", " ")
        return f"{self.start or '...'} to {self.end or '...'}"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ToolInputError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


@dataclass(frozen=True)
class ResolvedPeriod:
    start: dt.datetime  # inclusive, tz-aware
    end: dt.datetime  # exclusive, tz-aware
    label: str
    first_day: dt.date
    last_day: dt.date  # inclusive
    months: int = 0  # read in whole months (data dated by month only): how many
    note: str | None = None  # how the period was read, when not as asked
    # A period named relative to now ("last_30_days"): its name, and the day it was counted back
    # from, the data's last day, which may be long past (Olist ends in 2018). None for dates
    # given and for all the data.
    name: str | None = None
    anchor: dt.date | None = None

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def previous(self) -> ResolvedPeriod:
        """The same number of days just before this period (this week so far -> same days last week
        when the period starts on a week boundary, because the length is kept); the same
        number of whole months for a period read in months."""
        tz = self.start.tzinfo
        assert isinstance(tz, dt.tzinfo)
        if self.months:
            first = _add_months(self.first_day, -self.months)
            name = "the month before" if self.months == 1 else f"the {self.months} months before"
            return _months(first, self.months, name, tz)
        # A calendar year is set against the year before, not the 365 days before (which miss
        # 1 January when that year is a leap year); a quarter or month the same. Only for dates
        # given and calendar names: "last 30 days" that happens to be all of June stays 30 days.
        n = _whole_months(self.first_day, self.last_day) if self.name in (None, *_CALENDAR_NAMES) else 0
        if n:
            return _make(_add_months(self.first_day, -n), self.first_day - dt.timedelta(days=1),
                         _calendar_before(self.first_day, n), tz)
        last = self.first_day - dt.timedelta(days=1)
        first = last - dt.timedelta(days=self.days - 1)
        return _make(first, last, f"previous {self.days} days", tz)

    def contains_day(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


def _make(first: dt.date, last: dt.date, name: str, tz: dt.tzinfo) -> ResolvedPeriod:
    start = dt.datetime.combine(first, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    label = f"{name} ({first.isoformat()} to {last.isoformat()})"
    return ResolvedPeriod(start, end, label, first, last)


def _add_months(day: dt.date, n: int) -> dt.date:
    """The first of the month n months from day's month."""
    k = day.year * 12 + day.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


_CALENDAR_NAMES = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year")


def _whole_months(first: dt.date, last: dt.date) -> int:
    """How many calendar months [first, last] covers exactly; 0 when it is not whole months."""
    after = last + dt.timedelta(days=1)
    if first.day != 1 or after.day != 1:
        return 0
    return after.year * 12 + after.month - first.year * 12 - first.month


def same_calendar_length(a: ResolvedPeriod, b: ResolvedPeriod) -> bool:
    """Whether two periods are the same number of whole calendar months, each within a day a
    month of the other's length: a year against a leap year, a quarter against one two days
    longer, are set side by side as they are; February against January (3 days in 28) is not."""
    n = _whole_months(a.first_day, a.last_day)
    return bool(n) and n == _whole_months(b.first_day, b.last_day) and abs(a.days - b.days) * 30 <= min(a.days, b.days)


def _calendar_before(first: dt.date, n: int) -> str:
    if n == 12 and first.month == 1:
        return "the year before"
    if n == 3 and first.month % 3 == 1:
        return "the quarter before"
    return "the month before" if n == 1 else f"the {n} months before"


def _back(day: dt.date, n: int) -> dt.date:
    """The same day of the month n months earlier, or that month's last day when it is shorter."""
    first = _add_months(day, -n)
    return min(first.replace(day=1) + dt.timedelta(days=day.day - 1), _add_months(first, 1) - dt.timedelta(days=1))


def _months(first: dt.date, n: int, name: str, tz: dt.tzinfo, note: str | None = None) -> ResolvedPeriod:
    last = _add_months(first, n) - dt.timedelta(days=1)
    p = _make(first, last, name, tz)
    label = (f"{name} ({first:%b %Y})" if n == 1 else f"{name} ({first:%b %Y} to {last:%b %Y})")
    return ResolvedPeriod(p.start, p.end, label, first, last, n, note)


# Relative periods read in whole months, for data dated by month only: how many months back
# the period starts (0 = the last month with data) and how many it covers.
_MONTHS: dict[str, tuple[int, int]] = {
    "today": (0, 1), "yesterday": (1, 1), "last_7_days": (0, 1), "last_14_days": (0, 1),
    "last_28_days": (0, 1), "last_30_days": (0, 1), "last_60_days": (1, 2), "last_90_days": (2, 3),
    "last_180_days": (5, 6), "this_week": (0, 1), "last_week": (1, 1), "this_month": (0, 1),
    "last_month": (1, 1),
}


def _by_month(name: str, as_of: dt.date, tz: dt.tzinfo) -> ResolvedPeriod:
    month = as_of.replace(day=1)
    asked = name.replace("_", " ")
    if name in _MONTHS:
        back, n = _MONTHS[name]
    elif name == "this_quarter":
        back, n = (month.month - 1) % 3, (month.month - 1) % 3 + 1
    elif name == "last_quarter":
        back, n = (month.month - 1) % 3 + 3, 3
    else:  # this_year
        back, n = month.month - 1, month.month
    first = _add_months(month, -back)
    whole = "the month" if n == 1 else f"{n} months"
    note = (f"the data is dated by month only, so '{asked}' was read as {whole} "
            f"({first:%b %Y}{'' if n == 1 else ' to ' + f'{_add_months(first, n - 1):%b %Y}'})")
    return _months(first, n, asked, tz, note)


def resolve(
    period: Period | str | None,
    as_of: dt.date,
    timezone: str = "UTC",
    data_start: dt.date | None = None,
    granularity: str = "time",
) -> ResolvedPeriod:
    """Turn a Period into concrete [start, end) datetimes in the business time zone. With
    granularity "month" (every row dated on the 1st of a month), relative periods are read in
    whole months and the result's `note` says so. A relative period carries its name and the
    day it was counted back from (`anchor`, `as_of`)."""
    p = Period.parse(period) if not isinstance(period, Period) else period
    out = _resolve(p, as_of, timezone, data_start, granularity)
    return replace(out, name=p.name, anchor=as_of) if p.name not in (None, "all") else out


def provenance_period(period: ResolvedPeriod, params: BaseModel | None = None) -> dict[str, Any]:
    """The Provenance fields of a resolved period: start, end, label, the relative name and the
    day it was counted back from, and whether the caller left the period out (`params` without
    `period` set: the tool's default was used)."""
    return {"period_start": period.start, "period_end": period.end, "period_label": period.label,
            "period_name": period.name, "period_anchor": period.anchor,
            "period_defaulted": params is not None and "period" not in params.model_fields_set}


def _resolve(p: Period, as_of: dt.date, timezone: str, data_start: dt.date | None,
             granularity: str) -> ResolvedPeriod:
    tz = ZoneInfo(timezone)
    if granularity == "month" and p.name is not None and p.name != "all":
        return _by_month(p.name, as_of, tz)
    if p.name is None:
        first = p.start or data_start or as_of
        last = p.end or as_of
        if last < first:
            raise ToolInputError(f"period ends ({last}) before it starts ({first})")
        return _make(first, last, "custom period", tz)
    name = p.name
    label = name.replace("_", " ")
    if name == "all":
        return _make(data_start or as_of, as_of, "all data", tz)
    if name == "today":
        return _make(as_of, as_of, label, tz)
    if name == "yesterday":
        d = as_of - dt.timedelta(days=1)
        return _make(d, d, label, tz)
    if name.startswith("last_") and name.endswith("_days"):
        n = int(name.split("_")[1])
        return _make(as_of - dt.timedelta(days=n - 1), as_of, label, tz)
    if name == "this_week":
        return _make(as_of - dt.timedelta(days=as_of.weekday()), as_of, label, tz)
    if name == "last_week":
        monday = as_of - dt.timedelta(days=as_of.weekday() + 7)
        return _make(monday, monday + dt.timedelta(days=6), label, tz)
    if name == "this_month":
        return _make(as_of.replace(day=1), as_of, label, tz)
    if name == "last_month":
        last = as_of.replace(day=1) - dt.timedelta(days=1)
        return _make(last.replace(day=1), last, label, tz)
    if name in ("this_quarter", "last_quarter"):
        q_first = dt.date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
        if name == "this_quarter":
            return _make(q_first, as_of, label, tz)
        last = q_first - dt.timedelta(days=1)
        return _make(dt.date(last.year, 3 * ((last.month - 1) // 3) + 1, 1), last, label, tz)
    if name == "this_year":
        return _make(dt.date(as_of.year, 1, 1), as_of, label, tz)
    raise ToolInputError(f"Unknown period {name!r}")  # pragma: no cover - Literal guards this


def previous_calendar(period: Period | str, as_of: dt.date, timezone: str = "UTC",
                      granularity: str = "time") -> ResolvedPeriod:
    """The comparison period people mean: this month -> last month, this week -> last week,
    this year -> the year before, last 30 days -> the 30 days before. Partial periods are compared with the same number of
    days at the start of the previous one, so a half month is not set against a full month.
    Periods read in months are compared with the same number of months before."""
    p = Period.parse(period) if not isinstance(period, Period) else period
    current = resolve(p, as_of, timezone, granularity=granularity)
    if current.months:
        return current.previous()
    tz = current.start.tzinfo
    assert isinstance(tz, dt.tzinfo)
    if p.name in ("this_month", "last_month"):
        prev_last_of_month = current.first_day - dt.timedelta(days=1)
        first = prev_last_of_month.replace(day=1)
        last = min(first + dt.timedelta(days=current.days - 1), prev_last_of_month)
        return _make(first, last, "the month before", tz)
    if p.name in ("this_quarter", "last_quarter", "this_year"):
        # A quarter or year so far against the same stretch of the one before (1 Jan to 15 Aug
        # against 1 Jan to 15 Aug), by calendar date, so a leap day does not shift it.
        n = 12 if p.name == "this_year" else 3
        first = _add_months(current.first_day, -n)
        last = min(_back(current.last_day, n), current.first_day - dt.timedelta(days=1))
        return _make(first, last, "the year before" if n == 12 else "the quarter before", tz)
    if p.name in ("this_week", "last_week"):
        first = current.first_day - dt.timedelta(days=7)
        return _make(first, first + dt.timedelta(days=current.days - 1), "the week before", tz)
    return current.previous()
