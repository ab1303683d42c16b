"""The mean wait beside the median, for an owner who asked for the average.

The ticket KPIs give the median wait (first reply, resolution): one ticket left for days does
not move it. "What is our average first response time?" was answered with the median under the
median's name, which an owner reads as their average; asked for the average, the answer now also
gives the mean over the same tickets and says which is which (lane real29b).

    mean_wait(store, "first_response_time", start, end) -> WaitMean(mean_hours=3.1, median_hours=0.2, n=259)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tools.data.store import JourneyStore

# the median KPI -> the column its wait ends at
ENDS = {"first_response_time": "first_response_at", "resolution_time": "resolved_at"}


@dataclass(frozen=True)
class WaitMean:
    mean_hours: float
    median_hours: float
    n: int

    def said(self, label: str) -> str:
        """One line: the mean, the median, and why they differ."""
        words = "first reply" if label == "first_response_time" else "resolution"
        line = (f"The average (mean) wait for a {words} is {_hours(self.mean_hours)} over {self.n:,} tickets; "
                f"the median above, {_hours(self.median_hours)}, is the middle ticket's wait")
        if self.mean_hours > 1.5 * self.median_hours:
            line += ": a few very long waits pull the mean up"
        return line + "."


def _hours(h: float) -> str:
    return f"{h:.1f} h" if h >= 1 else f"{h * 60:.0f} min"


def mean_wait(store: JourneyStore, metric: str, start: dt.datetime, end: dt.datetime) -> WaitMean | None:
    """Mean and median hours to the first reply (or resolution) of the tickets opened in
    [start, end) that got one; None when no ticket did."""
    column = ENDS.get(metric)
    if column is None:
        return None
    with store.connect() as con:
        row = con.execute(f"""
            SELECT avg(h), quantile_cont(h, 0.5), count(h)
            FROM (SELECT (epoch({column}) - epoch(created_at)) / 3600.0 AS h FROM tickets
                  WHERE created_at >= $start AND created_at < $end AND {column} IS NOT NULL)""",
                          {"start": start, "end": end}).fetchone()
    if not row or not row[2]:
        return None
    return WaitMean(float(row[0]), float(row[1]), int(row[2]))
