"""Where a KPI query reads from and how it groups: the period in the business time zone, its
day, week or month buckets, the customers in scope and their group.

`Frame` writes the SQL fragments every family query of tools/analytics/kpi_families.py and
tools/analytics/kpi_sessions.py is built from: local days by integer arithmetic on UTC offsets
taken from zoneinfo (`utc_offset_case`), buckets, the join to the customers in scope (a temp
table from `prepare_who`) and GROUP BY without constant keys. `run_sql` binds the frame's values
to the `$name` parameters a query uses (and a `Cut`'s bounds, for the sessions family).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import duckdb

from tools.analytics.filters import UNKNOWN_GROUP, Filters, cohort_sql, dimension_sql

if TYPE_CHECKING:  # frames only for the callers that ask for them (run_sql): the KPI snapshot
    import pandas as pd  # reads tuples (run_records) and never loads pandas (issue 22)

# "hour": one bucket per local clock hour, keyed by its integer index since 1970-01-01 00:00 local
# time (index % 24 is the hour of day). Only for families whose rows are dated by their own
# time (orders, sessions, arrivals, surveys, tickets, stages): the stock families (open tickets,
# churn) and the delivery promise count in days (tools/analytics/time_pattern.py keeps to these).
Grain = Literal["period", "day", "week", "month", "quarter", "hour"]

# Orders without a status are sales exports that list only what was sold.
COMPLETED = "coalesce(status, 'completed') = 'completed'"
_DAY_US = 86_400_000_000
_HOUR_US = 3_600_000_000


def utc_offset_case(x: str, start: dt.datetime, end: dt.datetime) -> str:
    """SQL for the UTC offset (microseconds) of instant x in start's time zone, exact from a
    month before start (orders whose delivery falls due in the period) to a year after end
    (later instants keep the last offset; only the order of buckets after the period matters
    there)."""
    tz = start.tzinfo
    assert tz is not None
    lo = (start - dt.timedelta(days=32)).astimezone(dt.UTC)
    hi = (end + dt.timedelta(days=366)).astimezone(dt.UTC)

    def off(u: dt.datetime) -> int:
        delta = u.astimezone(tz).utcoffset()
        assert delta is not None
        return int(delta.total_seconds()) * 1_000_000

    first = off(lo)
    changes: list[tuple[int, int]] = []
    day = lo
    while day < hi:
        nxt = day + dt.timedelta(days=1)
        if off(nxt) != off(day):
            # Offsets change on a quarter hour; find the first quarter hour with the new one.
            t = day
            while off(t) == off(day):
                t += dt.timedelta(minutes=15)
            changes.append((int(t.timestamp()) * 1_000_000, off(t)))
        day = nxt
    if not changes:
        return str(first)
    whens = []
    prev = first
    for at, new in changes:
        whens.append(f"WHEN epoch_us({x}) < {at} THEN {prev}")
        prev = new
    return f"(CASE {' '.join(whens)} ELSE {prev} END)"


@dataclass(frozen=True)
class Frame:
    """Where the rows come from and how they are grouped."""

    start: dt.datetime  # inclusive, tz-aware
    end: dt.datetime  # exclusive
    first_day: dt.date
    end_day: dt.date  # the day after the last day
    grain: Grain
    churn_hours: int
    cart_hours: int
    data_end: dt.datetime  # the last timestamp in events and orders: later outcomes are unknown
    # delivery promise for orders without a promised date: on time when delivered by the end
    # of order day + this; None: only orders with their own promised date are judged
    promise_days: int | None = 2
    who: str | None = None  # temp table (customer_id, grp) from filters and/or breakdown
    filtered: bool = False
    month_dated: bool = False  # the events are dated by month only (tools/data/spans.py)

    def buckets(self) -> list[Any]:
        if self.grain == "period":
            return [self.first_day]
        if self.grain == "hour":
            first = (self.first_day - dt.date(1970, 1, 1)).days * 24
            return list(range(first, (self.end_day - dt.date(1970, 1, 1)).days * 24))
        days = [self.first_day + dt.timedelta(days=k) for k in range((self.end_day - self.first_day).days)]
        if self.grain == "day":
            return list(days)
        if self.grain == "month":
            return [self.first_day] + [d for d in days if d.day == 1 and d != self.first_day]
        if self.grain == "quarter":
            return [self.first_day] + [d for d in days if d.day == 1 and d.month % 3 == 1 and d != self.first_day]
        return [self.first_day] + [d for d in days if d.weekday() == 0 and d != self.first_day]

    # -- SQL fragments --------------------------------------------------------------------
    def day_index(self, x: str) -> str:
        """Days since 1970-01-01 of instant x in the business time zone, by integer arithmetic:
        converting every row through the time-zone library costs ten times the rest of a
        daily series at 10M events. The UTC offsets of the period come from zoneinfo."""
        return f"((epoch_us({x}) + {utc_offset_case(x, self.start, self.end)}) // {_DAY_US})"

    def local_day(self, x: str) -> str:
        return self._date(self.day_index(x))

    @staticmethod
    def _date(idx: str) -> str:
        return f"(DATE '1970-01-01' + CAST({idx} AS INTEGER))"

    def _monday(self, x: str) -> str:
        return self._monday_of(self.day_index(x))

    @staticmethod
    def _monday_of(idx: str) -> str:
        # 1970-01-01 was a Thursday: (index + 3) % 7 is 0 on Mondays.
        return f"(DATE '1970-01-01' + CAST({idx} - ({idx} + 3) % 7 AS INTEGER))"

    def hour_index(self, x: str) -> str:
        """Hours since 1970-01-01 00:00 of instant x on the business's clock (see day_index)."""
        return f"((epoch_us({x}) + {utc_offset_case(x, self.start, self.end)}) // {_HOUR_US})"

    def bucket(self, x: str) -> str:
        if self.grain == "hour":
            return self.hour_index(x)
        return self.bucket_of_day(self.day_index(x))

    def bucket_of_day(self, idx: str) -> str:
        """The bucket of a local day given as its day index (see day_index)."""
        if self.grain == "period":
            return "CAST($first_day AS DATE)"
        if self.grain == "day":
            return self._date(idx)
        if self.grain == "month":
            # a calendar month of local days; a period starting mid-month has its first day as
            # the first bucket, as a partial first week has
            return f"greatest(CAST(date_trunc('month', {self._date(idx)}) AS DATE), CAST($first_day AS DATE))"
        if self.grain == "quarter":  # calendar quarters (Jan, Apr, Jul, Oct), cut as months are
            return f"greatest(CAST(date_trunc('quarter', {self._date(idx)}) AS DATE), CAST($first_day AS DATE))"
        return f"greatest({self._monday_of(idx)}, CAST($first_day AS DATE))"

    def next_bucket(self, x: str) -> str:
        """The first bucket start after instant x (for x before the period: the first bucket)."""
        if self.grain == "period":
            natural = "CAST($end_day AS DATE)"
        elif self.grain == "day":
            natural = f"{self.local_day(x)} + 1"
        elif self.grain == "month":
            natural = f"CAST(date_trunc('month', {self.local_day(x)}) + INTERVAL 1 MONTH AS DATE)"
        elif self.grain == "quarter":
            natural = f"CAST(date_trunc('quarter', {self.local_day(x)}) + INTERVAL 3 MONTH AS DATE)"
        else:
            natural = f"{self._monday(x)} + 7"
        return f"CASE WHEN {x} < $start THEN CAST($first_day AS DATE) ELSE {natural} END"

    def join(self, alias: str) -> str:
        if self.who is None:
            return ""
        kind = "JOIN" if self.filtered else "LEFT JOIN"
        return f"{kind} {self.who} w ON w.customer_id = {alias}.customer_id"

    @property
    def grp(self) -> str:
        return "'all'" if self.who is None else f"coalesce(w.grp, '{UNKNOWN_GROUP}')"

    def _constant(self, col: str) -> bool:
        name = col.split(".")[-1]
        return (name == "bucket" and self.grain == "period") or (name == "grp" and self.who is None)

    def group_by(self, *cols: str) -> str:
        """GROUP BY without the keys that are constant here (the bucket of a whole period, the
        group when nothing is grouped): constant keys still cost hashing on every row."""
        keep = [c for c in cols if not self._constant(c)]
        return f"GROUP BY {', '.join(keep)}" if keep else ""

    def key(self, col: str) -> str:
        """A select item for a key column, wrapped in any_value when group_by drops it."""
        name = col.split(".")[-1]
        return f"any_value({col}) AS {name}" if self._constant(col) else f"{col} AS {name}"


def prepare_who(con: duckdb.DuckDBPyConnection, filters: Filters | None, by: str | None) -> str | None:
    """A temp table of the customers in scope and their group; None when everyone, ungrouped."""
    f_sql, f_params = cohort_sql(filters)
    if not f_sql and by is None:
        return None
    name = "kpi_who_" + uuid.uuid4().hex[:12]
    if by is None:
        sql = f"SELECT DISTINCT customer_id, 'all' AS grp FROM ({f_sql}) f"
    elif not f_sql:
        sql = f"SELECT DISTINCT customer_id, value AS grp FROM ({dimension_sql(by)}) d"
    else:
        sql = (f"SELECT DISTINCT d.customer_id, d.value AS grp FROM ({dimension_sql(by)}) d "
               f"WHERE d.customer_id IN ({f_sql})")
    con.execute(f"CREATE TEMP TABLE {name} AS {sql}", f_params)
    return name


def drop_who(con: duckdb.DuckDBPyConnection, name: str | None) -> None:
    if name:
        con.execute(f"DROP TABLE IF EXISTS {name}")


# Here rather than beside find_cut (tools/analytics/kpi_sessions.py): run_sql binds its bounds.
@dataclass(frozen=True)
class Cut:
    """Stored sessions that a period boundary cuts (or whose id customers share): how many, and
    where their events in the period can be (up to lo after the start, from hi before the end,
    anywhere when an id is shared)."""

    sessions: int
    lo: dt.datetime | None
    hi: dt.datetime | None
    shared: bool


_PARAM = re.compile(r"\$([a-z_]+)")


def _run(con: duckdb.DuckDBPyConnection, sql: str, frame: Frame, cut: Cut | None) -> duckdb.DuckDBPyConnection:
    values: dict[str, Any] = {
        "start": frame.start, "end": frame.end, "first_day": frame.first_day,
        "end_day": frame.end_day, "churn_hours": frame.churn_hours, "cart_hours": frame.cart_hours,
        "data_end": frame.data_end, "promise_days": frame.promise_days,
    }
    if cut is not None:
        values.update(cut_lo=cut.lo, cut_hi=cut.hi)
    used = set(_PARAM.findall(sql))
    if "buckets" in used:  # an hour frame has thousands; only the stock families use them
        values["buckets"] = frame.buckets()
    return con.execute(sql, {k: v for k, v in values.items() if k in used})


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, frame: Frame, cut: Cut | None = None) -> pd.DataFrame:
    """Run `sql` with the frame's values bound to the `$name` parameters it uses."""
    return _run(con, sql, frame, cut).df()


def run_records(con: duckdb.DuckDBPyConnection, sql: str, frame: Frame,
                cut: Cut | None = None) -> list[dict[str, Any]]:
    """`run_sql` as plain rows (column -> Python value): no pandas for the few rows of a
    snapshot, a count or a note."""
    cur = _run(con, sql, frame, cut)
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
