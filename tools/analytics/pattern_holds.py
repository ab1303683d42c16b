"""What one bucket of a time pattern holds (tools/analytics/time_pattern.py), kept on its result
and said in its definition; and the buying rate by hour of the day.

The buying rate of a period is customers with a purchase-stage event / customers with any
journey event in it. By weekday it is the same in small, counted per day: a customer-day is one
customer's local day with any journey event, and it bought when a purchase-stage event falls on
that day. By hour it is the same again, an hour smaller: a customer-hour is one customer's local
clock hour with any journey event, and it bought when a purchase-stage event falls in that same
hour. A bucket (every 14:00-15:00 of the period) pools its customer-hours: the buying ones over
all of them, never a mean of hourly rates. The hourly series is the KPIs' own stages query at
the hour grain (tools/analytics/kpi_families.py), so the two readings cannot drift apart.

What the hour cuts: a customer who browsed at 13:50 and bought at 14:05 is active without buying
at 13:00 and buying at 14:00. The rate says at which hour the people there buy, not when a
visit that ends in an order began; the answer counts such buys (`browsed_hour_before`). And
"any journey event" takes in what the business sends, as the period's rate does: an hour whose
customer-hours are mostly a newsletter going out is named, with its rate without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tools.analytics.kpi_catalog import SPECS, format_value
from tools.analytics.kpi_frame import run_records
from tools.analytics.pattern_kpis import PEOPLE
from tools.analytics.scope import SENT_BY_BUSINESS

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from tools.analytics.kpi_frame import Frame
    from tools.core.money import NumberFormat

BUYING = "purchase_conversion"
_UNIT = {"weekday": "day", "hour": "hour", "month": "day"}


def buying_unit(by: str) -> str:
    """What the buying rate counts by weekday (month: per day too) or by hour."""
    unit = _UNIT[by]
    return (f"customer-{unit}s with a purchase-stage event / customer-{unit}s, a customer-{unit} being one "
            f"customer's local {unit} with any journey event, buying when a purchase-stage event falls in "
            f"that same {unit}")


def bucket_holds(metric: str, by: str) -> str:
    """In words, what one bucket (all the Mondays, all the 14:00s of the period) is made of."""
    s = SPECS[metric]
    unit = _UNIT[by]
    if metric == BUYING:
        return (f"{buying_unit(by)}; a bucket pools its customer-{unit}s over the period, not a mean of "
                f"{unit}ly rates")
    if metric in PEOPLE:
        return (f"the different customers of each such {unit}, averaged per {unit}; the total counts each "
                "customer once over the period")
    if s.kind == "total":
        return f"the {s.label.lower()} of every such {unit} in the period, totalled and averaged per {unit}"
    if s.kind == "quantile":
        return f"the median of the bucket's own {s.n_label} over the period"
    return (f"the bucket's own {s.n_label} over the period, pooled (their numerator over their denominator), "
            f"not a mean of {unit}ly values")


@dataclass(frozen=True)
class HourCut:
    """What the hour cuts or dilutes, per hour of the day (0-23): buying customer-hours whose
    customer was there, without buying, the clock hour before; and customer-hours made only of
    what the business sent (a newsletter going out at 10:00 makes everyone on the list "active"
    at 10:00, as it does in the period's buying rate, but nobody visited)."""

    buying: dict[int, int]  # customer-hours with a purchase-stage event
    browsed_hour_before: dict[int, int]  # of them, the customer active and not buying the hour before
    sent_only: dict[int, int]  # customer-hours with nothing but SENT_BY_BUSINESS touchpoints

    def notes(self, table: pd.DataFrame, numbers: NumberFormat) -> list[str]:
        """`table`: the pattern's buckets (bucket, label, value, n)."""
        out = []
        buying, before = sum(self.buying.values()), sum(self.browsed_hour_before.values())
        if before:
            out.append(f"{numbers.number(before)} of the {numbers.number(buying)} buying customer-hours followed an "
                       "hour in which the same customer was there without buying: that earlier hour counts as not "
                       "buying (the rate says at which hour people buy, not when their visit began)")
        for r in table.itertuples():
            sent, n = self.sent_only.get(int(r.bucket), 0), int(r.n)
            if n and sent * 2 > n:  # most of the hour is a mailing, not people
                rest = n - sent
                without = (f"without them its buying rate is "
                           f"{format_value(SPECS[BUYING], self.buying.get(int(r.bucket), 0) / rest, numbers)}"
                           if rest else "nobody else was there")
                out.append(f"{r.label}: {numbers.number(sent)} of its {numbers.number(n)} customer-hours are only "
                           f"what the business sent ({', '.join(SENT_BY_BUSINESS)}), not a visit; {without}")
        return out


def hour_cut(con: duckdb.DuckDBPyConnection, frame: Frame) -> HourCut:
    """Counted on the frame's customers and local hours, as the hourly series is."""
    sent = ", ".join(f"'{t}'" for t in SENT_BY_BUSINESS)
    sql = (f"WITH c AS (SELECT {frame.hour_index('e.ts')} AS h, e.customer_id, "
           f"bool_or(e.stage = 'purchase') AS bought, bool_and(coalesce(e.touchpoint, '') IN ({sent})) AS sent "
           f"FROM events e {frame.join('e')} WHERE e.ts >= $start AND e.ts < $end GROUP BY h, e.customer_id) "
           "SELECT b.h % 24 AS key, count(*) FILTER (WHERE b.bought) AS buying, "
           "count(a.customer_id) FILTER (WHERE NOT a.bought) AS before, count(*) FILTER (WHERE b.sent) AS sent "
           "FROM c b LEFT JOIN c a ON b.bought AND a.customer_id = b.customer_id AND a.h = b.h - 1 GROUP BY key")
    rows = run_records(con, sql, frame)
    return HourCut(*({int(r["key"]): int(r[col] or 0) for r in rows} for col in ("buying", "before", "sent")))
