"""A few rows dated long before the rest: one test order in 2015 in a shop whose data starts in
2018. "All the data" then runs from the stray day, and an answer over it must say so: the trend
starts where the rows are dense (tools/analytics/trends.py), and the KPIs and comparisons over
a period reaching back to the first row keep every row but say how many lie before and from
when (`stray_note`). One detection for both (`stray_start`), so they agree on what is stray.

No numpy here: the KPI snapshot path keeps off pandas and numpy (issue 22), and the points are
months or weeks, a few hundred at most.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from tools.analytics import kpi_frame
from tools.analytics.kpi_request import Scope
from tools.core.text import counted
from tools.data import spans

# Empty points between a few stray rows and the rest of the data, from which the rows before
# count as stray: a quarter of a year at least, and at most 1% of the rows.
STRAY_GAP = {"day": 90, "week": 13, "month": 3, "quarter": 1}
STRAY_SHARE = 0.01
_DAY_US = 86_400_000_000


@dataclass(frozen=True)
class Stray:
    bulk: int  # index, among the points with data, of the first point of the dense data
    before: int  # rows before it
    total: int
    gap: int  # empty points between the stray rows and the dense data


def stray_start(at: list[int], n: list[int], grain: str) -> Stray | None:
    """`at`: the bucket numbers of the points with data, ascending; `n`: their rows. The
    widest run of empty points, when it is long enough and the rows before it few enough."""
    if grain not in STRAY_GAP or len(at) < 3:
        return None
    gaps = [b - a - 1 for a, b in zip(at, at[1:], strict=False)]
    k = max(range(len(gaps)), key=gaps.__getitem__)  # the first of the widest
    before, total = sum(n[: k + 1]), sum(n)
    if gaps[k] < STRAY_GAP[grain] or before > STRAY_SHARE * total:
        return None
    return Stray(k + 1, before, total, gaps[k])


def lie_before(s: Stray, noun: str, first: dt.date, gap: str) -> str:
    """'1 of the 121 rows lies long before the rest (from 2015-03-02, then nothing for 33 months)'."""
    verb = "lies" if s.before == 1 else "lie"
    return f"{s.before:,} of the {s.total:,} {noun} {verb} long before the rest (from {first}, then nothing {gap})"


def gap_words(s: Stray, grain: str) -> str:
    return f"for {counted(s.gap, grain)}"


def stray_note(con: duckdb.DuckDBPyConnection, scope: Scope, frame: kpi_frame.Frame, table: str) -> str:
    """Over a period reaching back to the table's first row ("all the data"), the note that a few
    of its rows lie long before the rest, read day by day; "" when none do. The values still
    count them: the note says where the dense data starts, so a period labelled from 2015 is
    not read as three years of trading. Days are UTC days by integer arithmetic: months in the
    business's time zone cost 17 times as much CPU (1.4 s against 0.05 s over 10M rows), and
    a gap of 90 days does not hinge on an hour's offset."""
    col = spans.DATED[table]
    rows = kpi_frame.run_records(con, f"""
        SELECT epoch_us(t."{col}") // {_DAY_US} AS d, count(*) AS n, min(t."{col}") AS first
        FROM "{table}" t {frame.join('t')}
        WHERE t."{col}" >= $start AND t."{col}" < $end
        GROUP BY ALL ORDER BY d""", frame)
    s = stray_start([int(r["d"]) for r in rows], [int(r["n"]) for r in rows], "day")
    if s is None:
        return ""
    tz = frame.start.tzinfo
    assert isinstance(tz, dt.tzinfo)
    first, bulk = (rows[i]["first"].astimezone(tz).date() for i in (0, s.bulk))
    noun = spans.NOUNS[table]
    return f"{lie_before(s, noun, first, f'until {bulk}')}: the values over {scope.period.label} count them all"
