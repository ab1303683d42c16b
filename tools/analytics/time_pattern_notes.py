"""What a time pattern's answer says beside its table: the empty days or hours (as spans), the
months the data lacks or covers only once, the clock changes inside the period, a pattern that
is mostly one day's; and the words its summary is written with (per occurrence, 1st, how far)."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from tools.analytics.kpi_catalog import MetricSpec, format_value
from tools.core.money import NumberFormat
from tools.core.text import plural

MONTHS_FOR_SEASON = 13  # fewer months than this: each month appears about once


def _clock_changes(first: dt.date, last: dt.date, timezone: str) -> bool:
    """Whether the zone's UTC offset differs between any two noons of the covered days (noon:
    some zones change their clocks at midnight, which then does not exist)."""
    naive = pd.date_range(first, last + dt.timedelta(days=1), freq="D") + pd.Timedelta(hours=12)
    days = naive.tz_localize(timezone)
    return (days.tz_localize(None) - days.tz_convert("UTC").tz_localize(None)).nunique() > 1


def _hour_spans(hours: list[int]) -> str:
    """Empty hours as spans ("01:00-12:00 and 18:00-00:00"), not seventeen labels in a row;
    a span may run past midnight."""
    runs: list[list[int]] = []
    for h in sorted(hours):
        if runs and h == runs[-1][-1] + 1:
            runs[-1].append(h)
        else:
            runs.append([h])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 23:
        runs[0] = runs.pop() + runs[0]
    spans = [f"{r[0]:02d}:00-{(r[-1] + 1) % 24:02d}:00" for r in runs]
    return ", ".join(spans[:-1]) + " and " + spans[-1] if len(spans) > 1 else spans[0]


def pattern_notes(out: pd.DataFrame, by: str, label: str, kind: str, months: int, first: dt.date, last: dt.date,
           timezone: str, monthly: bool = False, who: str | None = None, unit: str = "") -> list[str]:
    """`monthly`: the table is dated by month only, where a month without rows is as likely
    missing from the export as empty (UCI's sessions have no April). `who`: what a rate's
    bucket counts (active customers, sessions), named when a bucket has none of them; `unit`: the
    KPI's unit (rate, money, ...), for what an empty bucket is not."""
    notes = []
    span = (last - first).days + 1
    length = f"{span // 7} weeks" if by == "weekday" and span >= 14 else f"{span} day{'s' if span != 1 else ''}"
    if kind == "total":
        empty = out[(out["total"] == 0) & (out["occurrences"] > 0)]
        if len(empty):
            names = (_hour_spans(empty["bucket"].astype(int).tolist()) if by == "hour" else
                     ", ".join(f"{x}s" if by == "weekday" else x for x in empty["label"]))
            if by == "month" and monthly:
                notes.append(f"No {label.lower()} in {names}: the data is dated by month only, so "
                             f"{'that month' if len(empty) == 1 else 'those months'} may be missing from the "
                             "export rather than empty")
            else:
                notes.append(f"No {label.lower()} on {names} in {length}" if by != "hour"
                             else f"No {label.lower()} at {names} in {length}")
    else:
        empty = out[out["n"] == 0]
        if len(empty) and by == "month" and monthly:
            # UCI's buying rate by month: April has no sessions at all, so there is no rate
            names = ", ".join(empty["label"])
            notes.append(f"Nothing to measure for {names}: the data is dated by month only, so "
                         f"{'that month' if len(empty) == 1 else 'those months'} may be missing from the export "
                         "rather than empty; left out of highest and lowest")
        elif len(empty) and who and by == "hour":
            # (lane real20) no customers at 03:00 is no 0% buying rate there: the rate is undefined
            zero = "0%" if unit == "rate" else "zero"  # an average order value is no percentage
            notes.append(f"No {who} at {_hour_spans(empty['bucket'].astype(int).tolist())} in {length}, so no "
                         f"{label.lower()} there (not {zero}); left out of highest and lowest")
        elif len(empty):
            names = _hour_spans(empty["bucket"].astype(int).tolist()) if by == "hour" else ", ".join(empty["label"])
            notes.append(f"Nothing to measure for {names}; left out of highest and lowest")
    if by == "month":
        missing = [calendar.month_name[m] for m in range(1, 13) if m not in set(out["bucket"])]
        if missing:
            notes.append(f"not in the data: {', '.join(missing)}")
        if months < MONTHS_FOR_SEASON:
            span_months = f"{first:%b %Y}" if (first.year, first.month) == (last.year, last.month) else \
                f"{first:%b %Y} to {last:%b %Y}"
            notes.append(f"the data covers {months} {plural('month', months)} ({span_months}), so each month "
                         "appears about once: this is a month-by-month trend more than a pattern of the year")
    if by == "hour":
        notes += _clock_notes(first, last, timezone)
    return notes


def _clock_notes(first: dt.date, last: dt.date, timezone: str) -> list[str]:
    """Each clock change in the covered days, said with its day and hour: the hour skipped is
    not counted for that day, the hour repeated is counted twice (time_pattern's grid)."""
    if not _clock_changes(first, last, timezone):
        return []
    tz = ZoneInfo(timezone)
    lo = pd.Timestamp(dt.datetime.combine(first, dt.time(), tzinfo=tz)).tz_convert("UTC")
    hi = pd.Timestamp(dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=tz)).tz_convert("UTC")
    utc = pd.date_range(lo, hi, freq="h", inclusive="left")
    local = utc.tz_convert(timezone)
    offset = local.tz_localize(None) - utc.tz_localize(None)
    notes = []
    for i in np.flatnonzero(offset[1:] != offset[:-1]) + 1:
        after, before = local[i], local[i - 1]
        day = f"{after:%a} {after.day} {after:%b %Y}"
        if offset[i] < offset[i - 1]:  # back: the hour just before the change comes again
            h = after.hour
            notes.append(f"the clocks went back on {day}: {h:02d}:00-{(h + 1) % 24:02d}:00 came twice that day "
                         "and is counted as two hours, with what happened in both")
        else:
            h = (before.hour + 1) % 24
            notes.append(f"the clocks went forward on {day}: {h:02d}:00-{(h + 1) % 24:02d}:00 did not happen that "
                         "day and is not counted for it")
    return notes


# -- words of the summary (tools/analytics/time_pattern.TimePatternResult) ------------------

def per_occurrence(s: MetricSpec, value: float, numbers: NumberFormat) -> str:
    """A count per occurrence keeps a decimal (31.7 orders a day); money is written as money."""
    if s.unit == "money":
        return format_value(s, value, numbers)
    return numbers.number(value, 2 if abs(value) < 10 else 1)  # 0.25 tickets an hour, not 0.2


def ordinal(k: int) -> str:
    return f"{k}{'th' if 10 <= k % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(k % 10, 'th')}"


def a_unit(unit: str) -> str:
    return f"an {unit}" if unit == "hour" else f"a {unit}"


def occurrences(by: str, label: str, k: int) -> str:
    if by == "weekday":
        return f"{label}s" if k != 1 else label
    if by == "hour":
        return f"{plural('day', k)} at {label[:5]}"
    return plural("day", k)


def gap_words(s: MetricSpec, a: float, b: float, numbers: NumberFormat) -> str:
    """How far a is from b: '150% above', '2.1 points below', '0.40 below'."""
    side = "above" if a >= b else "below"
    if s.unit == "rate":
        return f"{abs(a - b) * 100:.1f} points {side}"
    if s.unit in ("points", "score"):
        return f"{format_value(s, abs(a - b), numbers).split(' /')[0]} {side}"
    if b > 0:
        return f"{abs(a / b - 1):.0%} {side}"
    return "against none"


def one_day_note(series: pd.DataFrame, by: str, s: MetricSpec, numbers: NumberFormat) -> list[str]:
    """twcs: 902 of its 1,288 tickets came on 31 October 2017, so its hours are that day's hours
    and "no clear busiest hour" between 4.6 tickets an hour and 0.03 reads as nonsense. When one
    day holds more than half of what is counted, the answer says so."""
    if s.unit != "count" or by == "month" or series.empty:
        return []
    keys = series["bucket"]
    days = (np.asarray(keys, dtype="int64") // 24) if by == "hour" else pd.to_datetime(keys).to_numpy()
    per_day = series.groupby(days)["value"].sum()
    total = float(per_day.sum())
    if len(per_day) < 2 or total <= 0 or per_day.max() <= total / 2:
        return []
    top = per_day.idxmax()
    day = (dt.date(1970, 1, 1) + dt.timedelta(days=int(top))) if by == "hour" else pd.Timestamp(top).date()
    return [f"{numbers.number(per_day.max())} of the {numbers.number(total)} {s.label.lower()} came on one day "
            f"({day:%a} {day.day} {day:%b %Y}): the pattern is mostly that day's, not a habit"]
