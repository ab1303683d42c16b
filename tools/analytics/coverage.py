"""How much of the period asked about the data actually covers.

"Last 30 days" over an export of 17 minutes (REES46's sample) is counted back from the data's
last day, so the numbers are exact for those 17 minutes; read as "30 days" they would say the
shop sold nine orders a month. When the data, from its first row to its last in any dated table,
covers less than half of the period, the answer says what it covers. It is the data's span that
counts, not the rows of the question: a quiet shop with two orders in a month has data for the
whole month, only few orders. Periods shorter than two days are left alone (a shop open 9 to 5
covers a third of "yesterday", and saying so every day would be noise), and so are periods read
in months over data dated by month only (its 1st stands for the month)."""

from __future__ import annotations

import datetime as dt

import duckdb

from tools.analytics.periods import ResolvedPeriod
from tools.data.spans import DATED, load_cap

# Periods shorter than this are not compared with what the data covers (see above).
MIN_PERIOD = dt.timedelta(days=2)


def covered(con: duckdb.DuckDBPyConnection, period: ResolvedPeriod) -> tuple[dt.datetime, dt.datetime] | None:
    """The first and last moment of the data inside the period (every dated table, rows dated
    in the future not counted), in one query; None when the data and the period do not meet."""
    cap = load_cap(con)
    capped = "<= $cap" if cap is not None else "IS NOT NULL"
    parts = [f'SELECT min("{c}") AS a, max("{c}") FILTER (WHERE "{c}" {capped}) AS b FROM "{t}"'
             for t, c in DATED.items()]
    params = {"cap": cap} if cap is not None else {}
    row = con.execute(f"SELECT min(a), max(b) FROM ({' UNION ALL '.join(parts)})", params).fetchone()
    if row is None or row[0] is None or row[1] is None:
        return None
    tz = period.start.tzinfo
    first = max(row[0].astimezone(tz), period.start)
    last = min(row[1].astimezone(tz), period.end)
    return (first, last) if first <= last else None


def _length(span: dt.timedelta) -> str:
    minutes = round(span.total_seconds() / 60)
    if minutes < 120:
        return "1 minute" if minutes == 1 else f"{max(minutes, 1)} minutes"
    hours = round(minutes / 60)
    if hours < 48:
        return f"{hours} hours"
    return f"{round(hours / 24)} days"


def short_coverage_note(con: duckdb.DuckDBPyConnection, period: ResolvedPeriod) -> str:
    """'the data in last 30 days (...) covers only 17 minutes (2019-10-01 00:00 to 00:17): every
    figure is over those 17 minutes, not over 30 days'; "" when it covers half the period or more."""
    asked = period.end - period.start
    if asked < MIN_PERIOD or period.months:
        return ""
    found = covered(con, period)
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
    return (f"the data in {period.label} covers only {length} ({when}): every figure is over {those} "
            f"{length}, not over {period.days} days")
