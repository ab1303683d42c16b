"""How much of the period asked about the data actually covers.

"Last 30 days" over an export of 17 minutes (REES46's sample) is counted back from the data's
last day, so the numbers are exact for those 17 minutes; read as "30 days" they would say the
shop sold nine orders a month. When the rows in the period span less than half of it, the
answer says what they span. Periods shorter than two days are left alone: a shop open 9 to 5
covers a third of "yesterday", and saying so every day would be noise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb

from tools.analytics.periods import ResolvedPeriod
from tools.data.spans import DATED, NOUNS

# Periods shorter than this are not compared with what the data covers (see above).
MIN_PERIOD = dt.timedelta(days=2)


def covered(con: duckdb.DuckDBPyConnection, tables: Iterable[str],
            period: ResolvedPeriod) -> tuple[dt.datetime, dt.datetime] | None:
    """The first and last moment with rows of `tables` inside the period, in one query."""
    parts = [f'SELECT min("{DATED[t]}") AS a, max("{DATED[t]}") AS b FROM "{t}" '
             f'WHERE "{DATED[t]}" >= $start AND "{DATED[t]}" < $end' for t in dict.fromkeys(tables) if t in DATED]
    if not parts:
        return None
    row = con.execute(f"SELECT min(a), max(b) FROM ({' UNION ALL '.join(parts)})",
                      {"start": period.start, "end": period.end}).fetchone()
    if row is None or row[0] is None:
        return None
    tz = period.start.tzinfo
    return row[0].astimezone(tz), row[1].astimezone(tz)


def _length(span: dt.timedelta) -> str:
    minutes = round(span.total_seconds() / 60)
    if minutes < 120:
        return "1 minute" if minutes == 1 else f"{max(minutes, 1)} minutes"
    hours = round(minutes / 60)
    if hours < 48:
        return f"{hours} hours"
    days = round(hours / 24)
    return f"{days} days"


def short_coverage_note(con: duckdb.DuckDBPyConnection, tables: Iterable[str], period: ResolvedPeriod) -> str:
    """'the data in last 30 days (...) covers only 17 minutes (2019-10-01 00:00 to 00:17): every
    figure is over those 17 minutes, not over 30 days' ("the orders in ... cover" when only they
    are read); "" when the rows cover half the period or more."""
    asked = period.end - period.start
    if asked < MIN_PERIOD or period.months:
        return ""  # a period read in months is over data dated by month: its 1st stands for it all
    tables = [t for t in dict.fromkeys(tables) if t in DATED]
    found = covered(con, tables, period)
    if found is None:
        return ""
    first, last = found
    span = last - first
    dated_by_day = first.time() == dt.time() and last.time() == dt.time()
    if dated_by_day:
        span += dt.timedelta(days=1)  # rows dated by day cover the whole of their last day
    if span * 2 >= asked:
        return ""
    length = _length(span)
    if dated_by_day:
        when = f"{first:%Y-%m-%d}" if first.date() == last.date() else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
    elif first.date() == last.date():
        when = f"{first:%Y-%m-%d %H:%M} to {last:%H:%M}"
    else:
        when = f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M}"
    those = "that" if length.startswith("1 ") else "those"
    what = f"the {NOUNS[tables[0]]} in {period.label} cover" if len(tables) == 1 else f"the data in {period.label} covers"
    return (f"{what} only {length} ({when}): every figure is over {those} "
            f"{length}, not over {period.days} days")
