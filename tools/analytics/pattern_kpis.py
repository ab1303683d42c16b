"""Which KPIs a time pattern (tools/analytics/time_pattern.py) takes, why the others are refused,
and the different people behind a bucket of the people-counting KPIs.

A KPI has a weekday, hour or month of its own when each of its rows has its own moment (an
order, a session, a ticket) or when it counts people by such moments: active customers (any
journey event) and buyers (a completed order) are counted per occurrence, the different
customers of each Monday (each 9 o'clock), whose average per occurrence is "how many come on a
Monday". Their total over the period is not the sum of those (a regular who came on three
Mondays is one customer, not three): it is counted apart, once per customer (`distinct_people`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.analytics.kpi_catalog import SPECS
from tools.analytics.kpi_families import QUANTILE_ROWS
from tools.analytics.kpi_frame import COMPLETED, Frame, run_sql
from tools.analytics.kpi_sessions import length_rows

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

PATTERN_METRICS: tuple[str, ...] = (
    "orders", "revenue", "aov", "sessions", "new_visitors", "session_conversion", "bounce_rate",
    "purchase_conversion", "survey_responses", "csat", "csat_mean", "nps", "tickets",
    "first_response_time", "resolution_time",
    # tickets by the day or hour they were resolved
    "resolved_tickets",
    # refunds and cancellations by when the order was placed
    "refunded_orders", "refund_rate", "cancelled_orders", "cancellation_rate",
    # (lane real18) the different customers with any event (a completed order) in each occurrence
    "active_customers", "buyers",
    # (lane real19) the web sessions' own figures, each session in the bucket of its start
    "session_length", "pages_per_session", "exit_rate", "cart_abandonment",
)

# metric -> (table, the rows that make a customer count in it)
PEOPLE: dict[str, tuple[str, str]] = {"active_customers": ("events", "TRUE"), "buyers": ("orders", COMPLETED)}
# what makes one of them, said in the answer
WHO_COUNTS = {"active_customers": "an active customer is one with any journey event (a visit, a page, an order...)",
              "buyers": "a buyer is one with a completed order"}

# KPIs with a day but no hour of their own. (lane real20) purchase conversion has one now: by hour
# it counts customer-hours as by weekday it counts customer-days (tools/analytics/pattern_holds.py).
NOT_HOURLY: dict[str, str] = {}

_STOCK = ("it is counted at a moment over what came before (a stock), so it has no day or hour of "
          "its own; ask when the rows behind it come in")
_LIFETIME = ("it is a per-customer figure over their whole history, which has no day or hour of its "
             "own; ask when customers buy (orders, buyers)")
_STEP = ("a step conversion follows each customer across stages over the whole period, which a "
         "single day or hour cuts apart; ask purchase_conversion (by weekday or hour) or session_conversion")
_DELIVERY = ("deliveries are judged by the day they fall due and take days, not hours; ask when "
             "orders are placed (orders)")
_CONTACTS = ("it follows each customer's contacts over a window after the first, which has no day or "
             "hour of its own; ask when tickets come in (tickets)")
NO_PATTERN: dict[str, str] = {
    "resolution_rate": "it counts the tickets resolved by the end of a whole period, and a day's "
                       "tickets have hours, not days; ask which day tickets are resolved on "
                       "(resolved_tickets) or how long they take (resolution_time)",
    "backlog_change": "it is tickets opened less tickets resolved over a period; ask which day "
                      "tickets come in (tickets) or are resolved (resolved_tickets)",
    "open_tickets": _STOCK, "churn_rate": _STOCK,
    "repeat_purchase_rate": _LIFETIME, "repeat_customers": _LIFETIME, "clv": _LIFETIME,
    "time_to_first_purchase": _LIFETIME,
    **{m: _STEP for m in SPECS if m.startswith("conversion_")},
    "delivery_time": _DELIVERY, "delivery_time_p90": _DELIVERY, "on_time_delivery": _DELIVERY,
    "first_response_time_p90": "time patterns take the median (first_response_time), not the 90th percentile",
    "resolution_time_p90": "time patterns take the median (resolution_time), not the 90th percentile",
    "repeat_contacts": _CONTACTS, "repeat_contact_rate": _CONTACTS,
    "low_review_share": "time patterns read scores as the share of 4-5 (csat) or the mean (csat_mean); ask those",
}
assert not set(NO_PATTERN) & set(PATTERN_METRICS) and set(NO_PATTERN) | set(PATTERN_METRICS) == set(SPECS)


# The web sessions' own figures: a session is one row, dated by its first web event, so it
# belongs to the bucket (hour, weekday, month) it started in, with all its pages, its exit and
# its cart, even those after that hour; a bucket's rate pools its sessions (exits / pages seen,
# abandoned carts / carts), its pages per session is its pages / its sessions and its median
# length the median of its sessions, as the kpis tool does for the whole period.
SESSION_FIGURES = ("session_length", "pages_per_session", "exit_rate", "cart_abandonment")
BUCKET_HOLDS = ("each web session counts in the {unit} it started, with all its pages, its exit and its cart; "
                "{a_unit}'s value is over its own sessions ({what}), not an average of daily values")
_WHAT = {"session_length": "the median of their lengths, over those with events at two or more times",
         "pages_per_session": "their web events / those sessions",
         "exit_rate": "sessions ended (one exit each) / their web events",
         "cart_abandonment": "their carts left without a purchase / their carts, carts from the last cart "
                             "window of data not judged yet"}
# Over events dated by month only a session's events cannot count its pages, nor say which came
# last or how long it took (tools/analytics/kpi_sessions.py's PAGED): no month of them has one.
UNTIMED = ("session_length", "pages_per_session", "exit_rate")


def session_notes(metric: str, by: str, excluded: int, cart_hours: int) -> list[str]:
    """What a bucket of a web session figure holds, and the carts not judged yet (REES46's 17
    minutes: all three of its carts are within the cart window of the data's end), said in the
    answer."""
    if metric not in SESSION_FIGURES:
        return []
    unit = {"weekday": "day", "hour": "hour", "month": "month"}[by]
    notes = [BUCKET_HOLDS.format(unit=unit, a_unit="an hour" if unit == "hour" else f"a {unit}", what=_WHAT[metric])]
    if metric == "cart_abandonment" and excluded:
        notes.append(f"{excluded:,} cart{'s' if excluded != 1 else ''} from the last {cart_hours} h of data "
                     f"{'are' if excluded != 1 else 'is'} not judged yet (whether {'they' if excluded != 1 else 'it'} "
                     "will be bought is not known) and not counted")
    return notes


def quantile_rows(con: duckdb.DuckDBPyConnection, frame: Frame, metric: str) -> tuple[pd.DataFrame, float]:
    """The rows behind a median KPI (bucket, grp, value) and its quantile: each bucket's median
    is taken over its own rows, never a mean of daily medians."""
    if metric == "session_length":
        return length_rows(con, frame), 0.5
    build, col, q = QUANTILE_ROWS[metric]
    return run_sql(con, build(frame, col), frame), q


def refusal(metric: str, by: str) -> str | None:
    """Why `metric` by `by` is not answered, or None when it is."""
    if metric in NO_PATTERN:
        return (f"{SPECS[metric].label} has no {by if by != 'weekday' else 'day'} pattern: {NO_PATTERN[metric]}. "
                f"Time patterns take: {', '.join(PATTERN_METRICS)}.")
    if by == "hour" and metric in NOT_HOURLY:
        return f"Not by hour: {NOT_HOURLY[metric]}."
    return None


def distinct_people(con: duckdb.DuckDBPyConnection, frame: Frame, metric: str, by: str) -> pd.Series:
    """The different customers of each bucket over the whole period (weekday 0-6 Monday first,
    local hour 0-23, month 1-12), each counted once however many of its days they came on; on
    the business's clock, as the per-occurrence series is."""
    table, rows = PEOPLE[metric]
    key = {"hour": f"({frame.hour_index('t.ts')}) % 24",
           "weekday": f"(({frame.day_index('t.ts')}) + 3) % 7",  # 1970-01-01 was a Thursday
           "month": f"month({frame.local_day('t.ts')})"}[by]
    sql = (f"SELECT key, count(DISTINCT customer_id) AS people FROM ("
           f"SELECT {key} AS key, t.customer_id FROM {table} t {frame.join('t')} "
           f"WHERE t.ts >= $start AND t.ts < $end AND {rows}) GROUP BY key")
    got = run_sql(con, sql, frame)
    return got.set_index("key")["people"].astype("int64")
