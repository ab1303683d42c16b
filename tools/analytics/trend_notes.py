"""The notes a trend carries beside its points: which orders count, where the period runs
before or after the data, stray early rows, empty and partial buckets (tools/analytics/trends.py
writes the series; these say what an owner must know to read it)."""

from __future__ import annotations

import calendar
import datetime as dt

import duckdb
import numpy as np
import pandas as pd

from tools.analytics import kpi_frame
from tools.analytics.kpi_scope import Scope
from tools.analytics.order_status import order_status_counts
from tools.analytics.periods import Period
from tools.analytics.stray_rows import gap_words, lie_before, stray_start
from tools.core.text import counted


def quarter_of(day: dt.date) -> tuple[dt.date, int]:
    """The first day of the calendar quarter holding `day`, and the quarter's number of days."""
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    after = dt.date(first.year + 1, 1, 1) if first.month == 10 else dt.date(first.year, first.month + 3, 1)
    return first, (after - first).days


def quarter_name(day: dt.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def partial_buckets(buckets: list[dt.date], days: pd.Series, grain: str) -> dict[dt.date, bool]:
    """Buckets shorter than their calendar week, month or quarter (the ends of a period)."""
    if grain == "week":
        return {b: int(days[b]) < 7 for b in buckets}
    if grain == "month":
        return {b: int(days[b]) < calendar.monthrange(b.year, b.month)[1] for b in buckets}
    if grain == "quarter":
        return {b: int(days[b]) < quarter_of(b)[1] for b in buckets}
    return {b: False for b in buckets}


def statuses_note(con: duckdb.DuckDBPyConnection, scope: Scope, frame: kpi_frame.Frame, metric: str) -> str:
    """Orders, revenue and AOV count completed orders only: when some of the period's orders are
    refunded, cancelled or pending, the trend says how many, so a shop whose every order was
    refunded reads "0 completed orders (plus 20 returned)", not weeks of unexplained £0.00."""
    if metric not in ("orders", "revenue", "aov"):
        return ""
    counts = order_status_counts(con, frame)
    if counts.count() == counts.count("completed"):
        return ""
    return f"orders, revenue and AOV count completed orders: in {scope.period.label}, {counts.phrase(scope.numbers)}"


def starts_late(scope: Scope) -> str:
    """The period asked for reaches back before the first day of data: said, so eight weeks of
    which only the last has data are not read as a quiet spell followed by a jump."""
    if scope.period.first_day >= scope.data_start:
        return ""
    return (f"the data starts on {scope.data_start}: {scope.period.first_day} to "
            f"{scope.data_start - dt.timedelta(days=1)} has no data and is not measured")


def start_at_the_data(series: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """When the data covers a sliver of the period (REES46's 17 minutes in "the last 90 days"),
    the points that end before its first day are left out: thirteen empty weeks listed above
    one full one read as a quiet quarter, not as data that starts on its last day. The caller
    says what the data covers (tools/analytics/coverage.py) and starts_late where it starts."""
    ends = pd.to_datetime(series["bucket"]) + pd.to_timedelta(series["days"], unit="D")
    before = (ends <= pd.Timestamp(scope.data_start)) & (series["n"] == 0)
    return series[~before].reset_index(drop=True) if before.any() and not before.all() else series


def end_at_the_data(series: pd.DataFrame, scope: Scope, grain: str) -> tuple[pd.DataFrame, str]:
    """A period that runs past the data's last day (dates given up to today, data loaded up to
    last week) ends on that day: the points after it, which no row reaches, are left out rather
    than shown as £0.00 at n 0, the point holding the last day counts only its days up to it,
    and a note says so. Rows dated after it (bookings kept with --allow-future) keep the period
    as asked."""
    last = scope.as_of
    if scope.period.last_day <= last or scope.granularity == "month":
        return series, ""
    after = series["bucket"] > last
    if not after.any() or bool((series.loc[after, "n"] > 0).any()) or after.all():
        return series, ""
    kept = series[~after].copy()
    end = kept["bucket"].iloc[-1]
    days = (last - end).days + 1
    kept.loc[kept.index[-1], "days"] = days
    kept.loc[kept.index[-1], "partial"] = partial_buckets([end], pd.Series([days], index=[end]), grain)[end]
    return kept, (f"the data ends on {last}: the trend ends there, not on {scope.period.last_day} "
                  f"(the {(scope.period.last_day - last).days} days after it hold no data and are not measured)")


def from_the_bulk(series: pd.DataFrame, period: Period, grain: str) -> tuple[pd.DataFrame, str]:
    """Over all the data, a few rows dated long before the rest (one test order in 2015, the
    shop opening in 2018) made the trend start there and show empty years: the trend starts
    where the rows are dense instead, and a note says how many rows lie before and from when."""
    if period.name != "all":
        return series, ""
    n = series["n"].to_numpy()
    at = np.flatnonzero(n > 0)
    s = stray_start(at.tolist(), n[at].astype(int).tolist(), grain)
    if s is None:
        return series, ""
    first, bulk = series["bucket"].iloc[at[0]], series["bucket"].iloc[at[s.bulk]]
    kept = series.iloc[at[s.bulk]:].reset_index(drop=True)
    return kept, (f"{lie_before(s, 'rows', first, gap_words(s, grain))}: the trend starts where the data is dense, at {bulk}; "
                  f"the totals over all the data still count them")


GRAIN_WORDS = {"day": "calendar day", "week": "Monday to Sunday",
                "month": "calendar month, computed over the month's own rows",
                "quarter": "calendar quarter (January, April, July, October), computed over the quarter's own rows"}


def series_notes(series: pd.DataFrame, grain: str) -> list[str]:
    notes = []
    empty = int(series["value"].isna().sum())
    if empty:
        notes.append(f"{counted(empty, grain)} without data {'shows' if empty == 1 else 'show'} no value")
    partial = series[series["partial"].astype(bool)]
    if grain == "week" and len(partial):
        notes.append("partial weeks at the ends of the period are flagged; compare them with care")
    if grain == "month" and len(partial):
        ends = "; ".join(f"{b:%Y-%m} has {d} of its days in the period"
                         for b, d in zip(partial["bucket"], partial["days"], strict=True))
        notes.append(f"partial months at the ends of the period: {ends}; compare them with care")
    if grain == "quarter" and len(partial):
        ends = "; ".join(f"{quarter_name(b)} has {d} of its {quarter_of(b)[1]} days in the period (partial)"
                         for b, d in zip(partial["bucket"], partial["days"], strict=True))
        notes.append(f"partial quarters at the ends of the period: {ends}; compare them with care")
    return notes
