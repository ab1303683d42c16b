"""How far each journey table's data reaches, and how finely it is dated.

Relative periods ("last 30 days") end on the last day that has data for the table a question
reads: an owner asking about orders means the days their orders cover, even when reviews or
deliveries were exported weeks later. Two things keep that day honest:

- rows dated after the time they were loaded (plus a day) are not "today": ingest refuses them
  unless asked to keep them (tools/data/checks.py), and the ones kept (bookings, estimated
  delivery dates) do not move the last day of data;
- data dated by month only (every row on the 1st at midnight, as exports that keep only the
  month give) is recognised, so a question about "the last 7 days" is answered in months and
  says why, instead of treating the 1st of a month as a busy day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from tools.data.schema import TABLES

Granularity = Literal["time", "day", "month"]

# The journey tables that are dated, and the column that dates a row.
DATED: dict[str, str] = {"events": "ts", "orders": "ts", "surveys": "ts", "tickets": "created_at"}

# A ticket's later moments are data too: a desk's data runs to its last reply or resolution, so
# a ticket resolved after the last one was opened is counted in "all data" and its last 30 days
# (it was lost, and still counted as open at the end).
LATER: dict[str, tuple[str, ...]] = {"tickets": ("first_response_at", "resolved_at")}

# The tables as an owner names them, in answers that say where each one's data ends.
NOUNS: dict[str, str] = {"events": "journey events", "orders": "orders", "surveys": "survey answers",
                         "tickets": "tickets"}
# Tables whose last days lie further apart than this are said apart: "the data ends on ..."
# would be the wrong day for the others (orders to May, tickets to July).
APART_DAYS = 7

# Rows up to this long after the last load count as data; later ones are "in the future".
FUTURE_GRACE = dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    table: str
    rows: int
    first_day: dt.date | None
    last_day: dt.date | None  # the last local day with rows, not counting rows in the future
    granularity: Granularity
    later_rows: int = 0  # rows dated after the load time + a day (kept with allow_future)
    later_until: dt.date | None = None
    # the last day of the column that dates the rows (a ticket's opening); last_day may be later
    # (a ticket resolved after the last one was opened)
    last_dated_day: dt.date | None = None

    @property
    def has_data(self) -> bool:
        return self.last_day is not None

    def granularity_note(self) -> str | None:
        if self.granularity == "month" and self.rows:
            return (f"the {self.table} are dated by month only (every row is on the 1st of a month), so "
                    "periods are read in whole months")
        return None


def load_cap(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    """The latest moment data can be dated: the last load plus a day; None before any load
    (rows written by other means are taken as they are)."""
    row = con.execute("SELECT max(loaded_at) FROM ingest_log").fetchone()
    last = row[0] if row else None
    return _py(last) + FUTURE_GRACE if last is not None else None


def _py(value: Any) -> Any:
    return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def table_span(con: duckdb.DuckDBPyConnection, table: str, cap: dt.datetime | None = None) -> Span:
    """One table's span in the connection's time zone (the business's). The granularity probes
    stop at the first row with a time of day (or a day other than the 1st), so timed data costs
    one row read, not a pass over the table."""
    col = DATED[table]

    def capped(c: str) -> str:
        return f'"{c}" <= $cap' if cap is not None else "TRUE"

    where_cap = capped(col)
    params: dict[str, Any] = {"cap": cap} if cap is not None else {}
    # the later moments' last days in the same pass over the table (one query, not one per column)
    ends = "".join(f', max("{c}") FILTER (WHERE {capped(c)})::DATE' for c in LATER.get(table, ()))
    rows, first, last, later, later_until, *later_lasts = con.execute(
        f'SELECT count("{col}"), min("{col}")::DATE, max("{col}") FILTER (WHERE {where_cap})::DATE, '
        f'count_if(NOT ({where_cap})), max("{col}")::DATE{ends} FROM "{table}"', params).fetchone()  # type: ignore[misc]
    granularity: Granularity = "time"
    if rows:
        timed = con.execute(f'SELECT 1 FROM "{table}" WHERE CAST(CAST("{col}" AS TIMESTAMP) AS TIME) <> TIME \'00:00:00\' LIMIT 1').fetchone()
        if timed is None:
            other_days = con.execute(f'SELECT 1 FROM "{table}" WHERE dayofmonth("{col}") <> 1 LIMIT 1').fetchone()
            months = con.execute(f'SELECT count(DISTINCT date_trunc(\'month\', "{col}")) FROM "{table}"').fetchone()
            many = (months is not None and months[0] >= 2) or rows >= 100
            granularity = "month" if other_days is None and many else "day"
    dated_last = _day(last)
    for later_last in later_lasts:
        if later_last is not None and last is not None:
            last = max(_day(last), _day(later_last))  # type: ignore[type-var]
    return Span(table, int(rows), _day(first), _day(last), granularity, int(later or 0),
                _day(later_until) if later else None, dated_last)


def spans(con: duckdb.DuckDBPyConnection) -> dict[str, Span]:
    cap = load_cap(con)
    return {t: table_span(con, t, cap) for t in DATED}


def last_day(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = ("events", "orders")) -> tuple[
        dt.date | None, dt.date | None]:
    """First and last day over `tables`, not counting rows in the future."""
    cap = load_cap(con)
    found = [table_span(con, t, cap) for t in tables]
    firsts = [s.first_day for s in found if s.first_day]
    lasts = [s.last_day for s in found if s.last_day]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def ends_apart(ends: dict[str, dt.date | None], day: dt.date) -> tuple[list[str], list[tuple[str, dt.date]]] | None:
    """Which tables end on `day` and where the others end, when one of them ends more than
    APART_DAYS from it; None when every table with data ends within that of `day`."""
    have = {t: d for t, d in ends.items() if d is not None}
    if all(abs((d - day).days) <= APART_DAYS for d in have.values()):
        return None
    return [t for t, d in have.items() if d == day], sorted(((t, d) for t, d in have.items() if d != day),
                                                           key=lambda x: x[1], reverse=True)


def ends_words(ends: list[tuple[str, dt.date]]) -> str:
    """"the tickets on 2025-07-25, the survey answers on 2025-05-10"."""
    return ", ".join(f"the {NOUNS.get(t, t)} on {d}" for t, d in ends)


@dataclass(frozen=True)
class TableCoverage:
    table: str
    rows: int
    first: dt.datetime | None
    last: dt.datetime | None


def coverage(con: duckdb.DuckDBPyConnection) -> list[TableCoverage]:
    """Rows and first and last time of every dated journey table, future rows included."""
    out = []
    for t in TABLES.values():
        col = t.time_column
        if col is None:
            continue
        rows, first, last = con.execute(
            f'SELECT count(*), min("{col}"), max("{col}") FROM "{t.name}"'
        ).fetchone()  # type: ignore[misc]
        out.append(TableCoverage(t.name, int(rows), _as_dt(first), _as_dt(last)))
    return out


def _as_dt(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    # A pandas Timestamp only comes from a frame, so pandas is loaded when there is one to check.
    to_py = getattr(value, "to_pydatetime", None)
    return to_py() if callable(to_py) else value
