"""How each KPI is read off its family's query: which columns are its numerator and denominator
(or sum and count, total, quantile), its sample size and the rows it leaves out.

The family queries (tools/analytics/kpi_families.py) return wide rows (bucket, grp, counts...);
`LONG` says, per metric, which of those columns make its value. Two readers share it:
tools/analytics/kpi_sql.py turns a wide frame into a long one with numpy (series and breakdowns,
many rows), and `long_rows` here turns the one wide row of a snapshot into `LongRow`s with plain
Python, so that `journeybot kpis` does not import pandas and numpy (about half a second of its
start; docs/BENCHMARKS.md, issue 22). Both follow the same rules, spelled once below:

- rate and mean: value = num / den where den > 0 (else NaN), n = den; NULL counts are 0;
- nps: value = (promoters - detractors) * 100 / answers where answers > 0, n = answers;
- total: value = the total (0 when NULL), n = its count;
- quantile: value = the quantile where n > 0 (else NaN);
- excluded: a column, or the difference of two (rows in scope not counted), else 0.

tests/tools/test_kpi_long.py checks that the two give the same values for every metric.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from tools.analytics.kpi_catalog import METRICS
from tools.core.stages import STAGES

LONG_COLUMNS = ["bucket", "grp", "metric", "value", "n", "num", "den", "median", "excluded"]
NAN = float("nan")

# metric -> (kind of value, columns): rate (num, den), mean (sum, n), total (value, n),
# quantile (value, n); optional median and excluded columns.
_STEP_COLS = {f"conversion_{s.replace('-', '_')}": (f"n{k}", f"d{k}") for k, s in enumerate(STAGES) if k}
LONG: dict[str, dict[str, Any]] = {
    "active_customers": {"total": ("active", "active")},
    "new_visitors": {"total": ("new_visitors", "new_visitors")},
    "purchase_conversion": {"rate": ("buyers", "active")},
    **{m: {"rate": cols} for m, cols in _STEP_COLS.items()},
    "sessions": {"total": ("sessions", "sessions")},
    "session_conversion": {"rate": ("converted", "sessions")},
    # `paged`: the sessions whose events can count pages (all of them, except over data dated by
    # month only: tools/analytics/kpi_sessions.py)
    "bounce_rate": {"rate": ("bounces", "paged"), "excluded": ("sessions", "paged")},
    "exit_rate": {"rate": ("paged", "hits"), "excluded": ("sessions", "paged")},
    "session_length": {"quantile": ("len_p50", "timed"), "excluded": ("sessions", "timed")},
    "pages_per_session": {"mean": ("hits", "paged"), "excluded": ("sessions", "paged")},
    "cart_abandonment": {"rate": ("abandoned", "carts"), "excluded": "pending"},
    "repeat_purchase_rate": {"rate": ("repeaters", "buyers")},
    "buyers": {"total": ("buyers", "buyers")},
    "repeat_customers": {"total": ("repeaters", "buyers")},
    "refunded_orders": {"total": ("returned", "returned")},
    "refund_rate": {"rate": ("returned", "sold"), "excluded": "pending"},
    "cancelled_orders": {"total": ("cancelled", "cancelled")},
    "cancellation_rate": {"rate": ("cancelled", "settled"), "excluded": "pending"},
    "churn_rate": {"rate": ("lapsed", "active")},
    "csat": {"rate": ("csat_top", "csat_n")},
    "csat_mean": {"mean": ("csat_sum", "csat_n")},
    "low_review_share": {"rate": ("csat_low", "csat_n")},
    "nps": {"nps": ("promoters", "detractors", "nps_n")},
    "clv": {"mean": ("lifetime_sum", "buyers"), "median": "lifetime_median"},
    "aov": {"mean": ("revenue", "orders"), "excluded": "pending"},
    "revenue": {"total": ("revenue", "orders"), "excluded": "pending"},
    "orders": {"total": ("orders", "orders"), "excluded": "pending"},
    "time_to_first_purchase": {"quantile": ("ttfp_p50", "first_buyers")},
    "delivery_time": {"quantile": ("del_p50", "del_n"), "excluded": ("deliveries", "del_n")},
    "delivery_time_p90": {"quantile": ("del_p90", "del_n"), "excluded": ("deliveries", "del_n")},
    "on_time_delivery": {"rate": ("on_time", "delivered"), "excluded": "undelivered"},
    "survey_responses": {"total": ("answers", "answers")},
    "tickets": {"total": ("tickets", "tickets")},
    "open_tickets": {"total": ("open_tickets", "open_tickets")},
    "resolved_tickets": {"total": ("resolved_n", "resolved_n")},
    "resolution_rate": {"rate": ("res_in", "tickets")},
    "backlog_change": {"total": ("backlog", "moved")},
    "first_response_time": {"quantile": ("frt_p50", "frt_n"), "excluded": ("tickets", "frt_n")},
    "first_response_time_p90": {"quantile": ("frt_p90", "frt_n"), "excluded": ("tickets", "frt_n")},
    "resolution_time": {"quantile": ("res_p50", "res_n"), "excluded": ("tickets", "res_n")},
    "resolution_time_p90": {"quantile": ("res_p90", "res_n"), "excluded": ("tickets", "res_n")},
    "repeat_contacts": {"total": ("recontacted", "contacted"), "excluded": "anonymous"},
    "repeat_contact_rate": {"rate": ("recontacted", "contacted"), "excluded": "anonymous"},
}
assert set(LONG) == set(METRICS)


class LongRow(NamedTuple):
    """One metric of one bucket and group, as a row of kpi_sql.compute's long frame."""

    bucket: dt.date
    grp: str
    metric: str
    value: float
    n: int
    num: float
    den: float
    median: float
    excluded: int


def _num(x: Any) -> float:
    """A count or amount from DuckDB as a float (NULL: NaN), as pd.to_numeric reads it."""
    if x is None:
        return NAN
    try:
        return float(x)
    except (TypeError, ValueError):
        return NAN


def _zero(x: float) -> float:
    return 0.0 if math.isnan(x) else x


def long_rows(wide: Iterable[Mapping[str, Any]], metrics: list[str]) -> list[LongRow]:
    """The long rows of a few wide rows (a snapshot has one per family), by the rules above."""
    out: list[LongRow] = []
    for row in wide:
        w = {c: _num(v) for c, v in row.items() if c not in ("bucket", "grp")}
        for m in metrics:
            how = LONG[m]
            num = den = NAN
            if "rate" in how or "mean" in how:
                a, b = how.get("rate") or how["mean"]
                num, den = _zero(w[a]), _zero(w[b])
                value = num / den if den > 0 else NAN
                n = den
            elif "nps" in how:
                p, d, total = how["nps"]
                den = _zero(w[total])
                num = (_zero(w[p]) - _zero(w[d])) * 100
                value = num / den if den > 0 else NAN
                n = den
            elif "total" in how:
                v, c = how["total"]
                value, n = _zero(w[v]), _zero(w[c])
            else:
                v, c = how["quantile"]
                n = _zero(w[c])
                value = w[v] if n > 0 else NAN
            excl = how.get("excluded")
            if isinstance(excl, tuple):
                excluded = _zero(w[excl[0]]) - _zero(w[excl[1]])
            elif excl:
                excluded = _zero(w[excl])
            else:
                excluded = 0.0
            out.append(LongRow(row["bucket"], row["grp"], m, value, int(n), num, den,
                               w[how["median"]] if "median" in how else NAN, int(excluded)))
    return out
