"""The SQL behind every KPI: one query per family of metrics, grouped by time bucket and group.

A single engine serves the snapshot (one bucket: the whole period), the daily and weekly
series (one bucket per day or week) and the top movers (one group per value of a breakdown
dimension), so the three can never disagree, and a 180-day daily series costs one grouped query
per family rather than 180 calls. Every query is written here; the only values that vary are
bound parameters, and identifiers come from fixed enums (grain, dimension, family).

Each family returns a wide frame (bucket, grp, counts...) that `_to_long` turns into one row per
(bucket, grp, metric) with value, n (sample size), num/den (for rates and means), median and
excluded (rows in scope left out, e.g. tickets still waiting for a reply).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

import duckdb
import numpy as np
import pandas as pd

from tools.analytics.filters import UNKNOWN_GROUP, Filters, cohort_sql, dimension_sql
from tools.analytics.kpi_catalog import FAMILIES, METRICS, SPECS
from tools.core.stages import STAGES
from tools.data import session_table
from tools.data.schema import TABLES

Grain = Literal["period", "day", "week"]

CART_TOUCHPOINTS = session_table.CART_TOUCHPOINTS
# Orders without a status are sales exports that list only what was sold.
COMPLETED = "coalesce(status, 'completed') = 'completed'"
SESSION_KEY = session_table.SESSION_KEY
_WEB = session_table.WEB
_CARTS = session_table.CARTS

LONG_COLUMNS = ["bucket", "grp", "metric", "value", "n", "num", "den", "median", "excluded"]
_DAY_US = 86_400_000_000


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
    promise_days: int = 2  # delivery promise: on time when delivered by the end of order day + this
    who: str | None = None  # temp table (customer_id, grp) from filters and/or breakdown
    filtered: bool = False

    def buckets(self) -> list[dt.date]:
        if self.grain == "period":
            return [self.first_day]
        days = pd.date_range(self.first_day, self.end_day - dt.timedelta(days=1), freq="D").date
        if self.grain == "day":
            return list(days)
        return [self.first_day] + [d for d in days if d.weekday() == 0 and d != self.first_day]

    # -- SQL fragments --------------------------------------------------------------------
    def _day_index(self, x: str) -> str:
        """Days since 1970-01-01 of instant x in the business time zone, by integer arithmetic:
        converting every row through the time-zone library costs ten times the rest of a
        daily series at 10M events. The UTC offsets of the period come from zoneinfo."""
        return f"((epoch_us({x}) + {utc_offset_case(x, self.start, self.end)}) // {_DAY_US})"

    def local_day(self, x: str) -> str:
        return self._date(self._day_index(x))

    @staticmethod
    def _date(idx: str) -> str:
        return f"(DATE '1970-01-01' + CAST({idx} AS INTEGER))"

    def _monday(self, x: str) -> str:
        return self._monday_of(self._day_index(x))

    @staticmethod
    def _monday_of(idx: str) -> str:
        # 1970-01-01 was a Thursday: (index + 3) % 7 is 0 on Mondays.
        return f"(DATE '1970-01-01' + CAST({idx} - ({idx} + 3) % 7 AS INTEGER))"

    def bucket(self, x: str) -> str:
        return self.bucket_of_day(self._day_index(x))

    def bucket_of_day(self, idx: str) -> str:
        """The bucket of a local day given as its day index (see _day_index)."""
        if self.grain == "period":
            return "CAST($first_day AS DATE)"
        if self.grain == "day":
            return self._date(idx)
        return f"greatest({self._monday_of(idx)}, CAST($first_day AS DATE))"

    def next_bucket(self, x: str) -> str:
        """The first bucket start after instant x (for x before the period: the first bucket)."""
        if self.grain == "period":
            natural = "CAST($end_day AS DATE)"
        elif self.grain == "day":
            natural = f"{self.local_day(x)} + 1"
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


_PARAM = re.compile(r"\$([a-z_]+)")


def _run(con: duckdb.DuckDBPyConnection, sql: str, frame: Frame, cut: Cut | None = None) -> pd.DataFrame:
    values: dict[str, Any] = {
        "start": frame.start, "end": frame.end, "first_day": frame.first_day,
        "end_day": frame.end_day, "churn_hours": frame.churn_hours, "cart_hours": frame.cart_hours,
        "data_end": frame.data_end, "buckets": frame.buckets(), "promise_days": frame.promise_days,
    }
    if cut is not None:
        values.update(cut_lo=cut.lo, cut_hi=cut.hi)
    used = set(_PARAM.findall(sql))
    return con.execute(sql, {k: v for k, v in values.items() if k in used}).df()


# -- the families --------------------------------------------------------------------------

def _stages_sql(f: Frame) -> str:
    # One bit per stage reached, per customer and bucket; then count customers per bit pattern
    # (at most 64 per bucket) before the FILTERs, so they run over a handful of rows.
    bits = "CASE e.stage " + " ".join(f"WHEN '{s}' THEN {1 << i}" for i, s in enumerate(STAGES)) + " ELSE 0 END"
    steps = []
    for k in range(1, len(STAGES)):
        later = sum(1 << j for j in range(k, len(STAGES)))
        steps.append(f"sum(n) FILTER (WHERE m & {1 << (k - 1)} <> 0) AS d{k}, "
                     f"sum(n) FILTER (WHERE m & {1 << (k - 1)} <> 0 AND m & {later} <> 0) AS n{k}")
    return f"""
        WITH c AS (
            SELECT {f.bucket('e.ts')} AS bucket, {f.grp} AS grp, e.customer_id, bit_or({bits}) AS m
            FROM events e {f.join('e')}
            WHERE e.ts >= $start AND e.ts < $end
            {f.group_by('bucket', 'grp', 'e.customer_id')}),
        masks AS (SELECT bucket, grp, m, count(*) AS n FROM c GROUP BY bucket, grp, m)
        SELECT bucket, grp, sum(n) AS active, sum(n) FILTER (WHERE m & {1 << 3} <> 0) AS buyers,
               {', '.join(steps)}
        FROM masks GROUP BY bucket, grp"""


@dataclass(frozen=True)
class Cut:
    """Stored sessions that a period boundary cuts (or whose id customers share): how many, and
    where their events in the period can be (up to lo after the start, from hi before the end,
    anywhere when an id is shared)."""

    sessions: int
    lo: dt.datetime | None
    hi: dt.datetime | None
    shared: bool


_INSIDE = "s.first_ts >= $start AND s.last_ts < $end AND NOT s.multi"
_CUT = f"s.first_ts < $end AND s.last_ts >= $start AND NOT ({_INSIDE})"


def find_cut(con: duckdb.DuckDBPyConnection, frame: Frame) -> Cut:
    row = _run(con, f"""
        SELECT count(*) AS n, max(last_ts) FILTER (WHERE first_ts < $start) AS lo,
               min(first_ts) FILTER (WHERE last_ts >= $end) AS hi,
               coalesce(bool_or(multi), false) AS shared
        FROM sessions s WHERE {_CUT}""", frame).iloc[0]
    return Cut(int(row["n"]), _py(row["lo"]), _py(row["hi"]), bool(row["shared"]))


def _py(value: Any) -> dt.datetime | None:
    if value is None or pd.isna(value):
        return None
    return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value


def _period_sessions_sql(f: Frame, cut: Cut, exits: bool = True) -> str:
    """The web sessions of the period, one row per session and group, as if grouped from the
    period's web events: the stored sessions (tools/data/session_table.py) that lie wholly inside it,
    and, regrouped from their events in the period, the few that a period boundary cuts (or
    whose id several customers share, which a group may split)."""
    cols = "customer_id, first_ts, hits, bought, first_cart, last_cart, last_buy" + (", exit_tp" if exits else "")
    stored = f"""
            SELECT {f.grp} AS grp, {', '.join('s.' + c.strip() for c in cols.split(','))}
            FROM sessions s {f.join('s')} WHERE {_INSIDE}"""
    if not cut.sessions:
        return f"s AS NOT MATERIALIZED ({stored})"
    # Only events near the boundaries can belong to a cut session, unless an id is shared.
    near = "TRUE" if cut.shared else " OR ".join(
        [*(["e.ts <= $cut_lo"] if cut.lo else []), *(["e.ts >= $cut_hi"] if cut.hi else [])])
    cut_events = f"""
        SELECT {SESSION_KEY.format(a='e')} AS sid, e.customer_id, e.session_id, e.ts,
               e.touchpoint, e.stage, {f.grp} AS grp
        FROM events e {f.join('e')}
        WHERE e.ts >= $start AND e.ts < $end AND e.touchpoint IN ({_WEB}) AND ({near})
          AND (e.session_id IN (SELECT sid FROM cut WHERE keyed)
               OR (e.session_id IS NULL AND e.customer_id IN (SELECT customer_id FROM cut WHERE NOT keyed)))"""
    return f"""
        cut AS (SELECT sid, keyed, customer_id FROM sessions s WHERE {_CUT}),
        regrouped AS ({session_table.aggregate_sql(
            f"({cut_events}) SEMI JOIN cut USING (sid)", keys="sid, grp")}),
        s AS NOT MATERIALIZED ({stored}
            UNION ALL
            SELECT grp, {cols} FROM regrouped)"""


def _sessions_sql(f: Frame, cut: Cut) -> str:
    # Sessions and carts from the period's sessions. A cart bought from in its own session is
    # settled there; the others are rescued by a purchase of the customer (any channel,
    # completed orders too) from the first cart event to the cart window after the last.
    # Times are compared as epoch microseconds: adding an interval to a TIMESTAMPTZ goes through
    # the calendar of the time zone, row by row, and cost more than the rest of the query.
    window = "to_hours(CAST($cart_hours AS BIGINT))"
    w_us = "(CAST($cart_hours AS BIGINT) * 3600000000)"
    return f"""
        WITH {_period_sessions_sql(f, cut, exits=False)},
        carts AS (
            SELECT grp, customer_id, first_ts, epoch_us(first_cart) AS cart_us,
                   epoch_us(last_cart) + {w_us} AS until_us,
                   coalesce(last_buy >= first_cart AND epoch_us(last_buy) <= epoch_us(last_cart) + {w_us},
                            false) AS settled
            FROM s WHERE first_cart IS NOT NULL AND epoch_us(last_cart) + {w_us} <= epoch_us($data_end)),
        open_carts AS (SELECT * FROM carts WHERE NOT settled),
        buys AS (
            SELECT customer_id, ts FROM events
            WHERE stage = 'purchase' AND ts >= $start AND ts <= $end + {window}
            UNION ALL
            SELECT customer_id, ts FROM orders
            WHERE {COMPLETED} AND ts >= $start AND ts <= $end + {window}),
        b AS (SELECT customer_id, epoch_us(ts) AS t_us FROM buys
              SEMI JOIN (SELECT DISTINCT customer_id FROM open_carts) oc USING (customer_id)),
        judged AS (
            SELECT grp, first_ts, true AS kept FROM carts WHERE settled
            UNION ALL
            SELECT o.grp, o.first_ts, EXISTS (
                       SELECT 1 FROM b WHERE b.customer_id = o.customer_id AND b.t_us >= o.cart_us
                       AND b.t_us <= o.until_us) AS kept
            FROM open_carts o),
        sess AS (
            SELECT {f.bucket('first_ts')} AS bucket, {f.key('grp')}, count(*) AS sessions,
                   count(*) FILTER (WHERE hits = 1) AS bounces,
                   count(*) FILTER (WHERE bought) AS converted, sum(hits) AS hits,
                   count(*) FILTER (WHERE first_cart IS NOT NULL
                                      AND epoch_us(last_cart) + {w_us} > epoch_us($data_end)) AS pending
            FROM s {f.group_by('bucket', 'grp')}),
        cart AS (
            SELECT {f.bucket('first_ts')} AS bucket, {f.key('grp')}, count(*) AS carts,
                   count(*) FILTER (WHERE NOT kept) AS abandoned
            FROM judged {f.group_by('bucket', 'grp')})
        SELECT sess.*, coalesce(cart.carts, 0) AS carts, coalesce(cart.abandoned, 0) AS abandoned
        FROM sess LEFT JOIN cart ON cart.bucket = sess.bucket AND cart.grp = sess.grp"""


def _orders_sql(f: Frame) -> str:
    # Per customer and bucket first, with everything before the period folded into one row
    # (bucket NULL): the running counts then run over a few rows per customer instead of
    # every order.
    return f"""
        WITH per AS (
            SELECT customer_id,
                   CASE WHEN ts >= $start THEN {f.bucket('ts')} END AS bucket,
                   count(*) AS n_orders, sum(amount) AS revenue, min(ts) AS first_ts
            FROM orders WHERE {COMPLETED} AND ts < $end
            GROUP BY ALL),
        cum AS (
            SELECT *, sum(n_orders) OVER w AS k_max, sum(revenue) OVER w AS lifetime
            FROM per
            WINDOW w AS (PARTITION BY customer_id ORDER BY bucket ASC NULLS FIRST
                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
        p AS (
            SELECT c.bucket, {f.grp} AS grp, c.customer_id, c.n_orders, c.revenue, c.k_max,
                   c.k_max - c.n_orders + 1 AS k_min, c.lifetime, c.first_ts
            FROM cum c {f.join('c')} WHERE c.bucket IS NOT NULL),
        firsts AS (SELECT DISTINCT customer_id FROM p WHERE k_min = 1),
        ft AS (
            -- each customer's first event is kept by ingest (tools/data/first_touch.py)
            SELECT customer_id, min(t) AS first_touch FROM (
                SELECT customer_id, first_ts AS t FROM first_touch
                WHERE customer_id IN (SELECT customer_id FROM firsts)
                UNION ALL
                SELECT customer_id, first_seen FROM customers
                WHERE first_seen IS NOT NULL AND customer_id IN (SELECT customer_id FROM firsts))
            GROUP BY customer_id),
        q AS (
            SELECT p.*, CASE WHEN k_min = 1 THEN
                (epoch(first_ts) - epoch(least(first_ts, coalesce(ft.first_touch, first_ts)))) / 86400.0
                END AS ttfp
            FROM p LEFT JOIN ft USING (customer_id)),
        agg AS (
            SELECT bucket, grp, sum(n_orders) AS orders, sum(revenue) AS revenue, count(*) AS buyers,
                   count(*) FILTER (WHERE k_max >= 2) AS repeaters, sum(lifetime) AS lifetime_sum,
                   quantile_cont(lifetime, 0.5) AS lifetime_median,
                   count(ttfp) AS first_buyers, quantile_cont(ttfp, 0.5) AS ttfp_p50,
                   quantile_cont(ttfp, 0.9) AS ttfp_p90
            FROM q GROUP BY ALL),
        -- Orders placed in the period but not fulfilled yet (a delivery on its way, a pickup
        -- for tomorrow): not counted, but said, so a low last day is not read as a bad one.
        pend AS (
            SELECT {f.bucket('o.ts')} AS bucket, {f.grp} AS grp, count(*) AS pending
            FROM orders o {f.join('o')}
            WHERE o.status = 'pending' AND o.ts >= $start AND o.ts < $end
            GROUP BY ALL)
        SELECT * EXCLUDE (pending), coalesce(pending, 0) AS pending
        FROM agg FULL OUTER JOIN pend USING (bucket, grp)"""


def _churn_sql(f: Frame) -> str:
    # A run is a stretch of orders each within the window of the one before; a customer is
    # active from a run's first order until the window after its last (the lapse). One sort
    # (lag and lead share it) finds the runs' starts and ends; no run id is needed: the active
    # count is +1 at each start and -1 at each lapse, and a lapse counts as churn in a bucket
    # when the run began before the bucket, i.e. no run of the customer starts in the bucket
    # before the lapsing order.
    # Gaps are compared as epoch microseconds: an interval added to a TIMESTAMPTZ goes through
    # the time zone's calendar row by row (and for an interval in hours gives the same instant).
    window = "to_hours(CAST($churn_hours AS BIGINT))"
    w_us = "(CAST($churn_hours AS BIGINT) * 3600000000)"
    return f"""
        WITH o AS (
            SELECT customer_id, ts, epoch_us(ts) AS t_us, epoch_us(lag(ts) OVER w) AS prev,
                   epoch_us(lead(ts) OVER w) AS nxt
            FROM orders
            -- an order more than one window before the period cannot keep anyone active in it
            WHERE {COMPLETED} AND ts < $end AND ts >= $start - {window}
            WINDOW w AS (PARTITION BY customer_id ORDER BY ts)),
        starts AS (
            SELECT o.customer_id, {f.grp} AS grp, o.ts AS f FROM o {f.join('o')}
            WHERE o.prev IS NULL OR o.t_us > o.prev + {w_us}),
        ends AS (
            SELECT o.customer_id, {f.grp} AS grp, o.ts AS l, o.ts + {window} AS t FROM o {f.join('o')}
            WHERE o.nxt IS NULL OR o.nxt > o.t_us + {w_us}),
        deltas AS (
            SELECT grp, {f.next_bucket('f')} AS d, 1 AS x FROM starts
            UNION ALL SELECT grp, {f.next_bucket('t')} AS d, -1 AS x FROM ends),
        grid AS (
            SELECT g.grp, b.d FROM (SELECT DISTINCT grp FROM starts) g
            CROSS JOIN (SELECT unnest($buckets::DATE[]) AS d) b),
        act AS (
            SELECT grp, d, is_bucket,
                   sum(x) OVER (PARTITION BY grp ORDER BY d, is_bucket
                                ROWS UNBOUNDED PRECEDING) AS active
            FROM (SELECT grp, d, sum(x) AS x, false AS is_bucket FROM deltas GROUP BY grp, d
                  UNION ALL SELECT grp, d, 0 AS x, true AS is_bucket FROM grid)),
        new_runs AS (
            SELECT customer_id, grp, {f.bucket('f')} AS bucket, min(f) AS f FROM starts
            WHERE f >= $start GROUP BY ALL),
        lapsing AS (
            SELECT customer_id, grp, l, {f.bucket('t')} AS bucket FROM ends
            WHERE t >= $start AND t < $end AND t <= $data_end),
        lapses AS (
            SELECT e.grp, e.bucket, count(*) AS lapsed
            FROM lapsing e LEFT JOIN new_runs s
              ON s.customer_id = e.customer_id AND s.grp = e.grp AND s.bucket = e.bucket
            WHERE s.f IS NULL OR s.f > e.l
            GROUP BY ALL)
        SELECT a.d AS bucket, a.grp, CAST(a.active AS BIGINT) AS active,
               coalesce(l.lapsed, 0) AS lapsed
        FROM act a LEFT JOIN lapses l ON l.grp = a.grp AND l.bucket = a.d
        WHERE a.is_bucket"""


def _deliveries_sql(f: Frame) -> str:
    return f"""
        WITH d AS (
            SELECT e.customer_id, e.session_id, e.ts, {f.grp} AS grp, {f.bucket('e.ts')} AS bucket
            FROM events e {f.join('e')}
            WHERE e.touchpoint = 'delivery' AND e.ts >= $start AND e.ts < $end),
        ps AS (
            SELECT customer_id, session_id, min(ts) AS placed
            FROM (SELECT customer_id, session_id, ts FROM events
                  WHERE stage = 'purchase' AND session_id IS NOT NULL) p
            SEMI JOIN (SELECT DISTINCT customer_id, session_id FROM d WHERE session_id IS NOT NULL) ds
              USING (customer_id, session_id)
            GROUP BY customer_id, session_id),
        m AS (
            SELECT d.*, ps.placed FROM d
            LEFT JOIN ps ON ps.customer_id = d.customer_id AND ps.session_id = d.session_id
                        AND ps.placed <= d.ts),
        o AS (SELECT customer_id, ts FROM orders
              SEMI JOIN (SELECT DISTINCT customer_id FROM d) dc USING (customer_id)),
        a AS (
            SELECT m.*, o.ts AS ordered FROM m
            ASOF LEFT JOIN o ON o.customer_id = m.customer_id AND m.ts >= o.ts),
        x AS (
            SELECT bucket, grp, (epoch(ts) - epoch(coalesce(placed, ordered))) / 86400.0 AS days
            FROM a)
        SELECT bucket, grp, count(*) AS deliveries, count(days) AS del_n,
               quantile_cont(days, 0.5) AS del_p50, quantile_cont(days, 0.9) AS del_p90
        FROM x GROUP BY ALL"""


def _on_time_sql(f: Frame) -> str:
    # Delivery orders by the local day they are due (order day + promise): on time when the
    # customer's next delivery event after the order falls on or before that day. An order whose
    # delivery never shows is late. Dated by the due day, so a courier failure shows on the
    # first day deliveries are missed, not days later when the late parcels arrive.
    due = f"({f._day_index('o.ts')} + CAST($promise_days AS INTEGER))"
    first, last = "(CAST($first_day AS DATE) - DATE '1970-01-01')", "(CAST($end_day AS DATE) - DATE '1970-01-01')"
    return f"""
        WITH o AS (
            SELECT customer_id, ts FROM orders
            WHERE fulfilment = 'delivery' AND coalesce(status, 'completed') <> 'cancelled'
              AND ts >= $start - to_days(CAST($promise_days AS INTEGER) + 1) AND ts < $end),
        dv AS (SELECT customer_id, ts AS dts FROM events
               WHERE touchpoint = 'delivery' AND ts >= $start - to_days(CAST($promise_days AS INTEGER) + 1)),
        a AS (SELECT o.customer_id, o.ts, dv.dts FROM o ASOF LEFT JOIN dv
              ON o.customer_id = dv.customer_id AND o.ts <= dv.dts),
        d AS (SELECT customer_id, {due} AS due, CASE WHEN o.dts IS NOT NULL AND {f._day_index('o.dts')} <= {due}
                     THEN 0 ELSE 1 END AS late FROM a o)
        SELECT {f.key('bucket')}, {f.key('grp')}, count(*) AS due, count(*) FILTER (WHERE late = 0) AS on_time
        FROM (SELECT {f.bucket_of_day('d.due')} AS bucket, {f.grp} AS grp, late
              FROM d {f.join('d')} WHERE d.due >= {first} AND d.due < {last}) x
        {f.group_by('bucket', 'grp')}"""


def _surveys_sql(f: Frame) -> str:
    return f"""
        SELECT {f.bucket('s.ts')} AS bucket, {f.grp} AS grp,
               count(s.csat) AS csat_n, count(*) FILTER (WHERE s.csat >= 4) AS csat_top,
               sum(s.csat) AS csat_sum, count(s.nps) AS nps_n,
               count(*) FILTER (WHERE s.nps >= 9) AS promoters,
               count(*) FILTER (WHERE s.nps <= 6) AS detractors
        FROM surveys s {f.join('s')}
        WHERE s.ts >= $start AND s.ts < $end
        GROUP BY ALL"""


def _tickets_sql(f: Frame) -> str:
    return f"""
        WITH t AS (
            SELECT {f.bucket('t.created_at')} AS bucket, {f.grp} AS grp,
                   (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0 AS frt,
                   (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0 AS res
            FROM tickets t {f.join('t')}
            WHERE t.created_at >= $start AND t.created_at < $end)
        SELECT bucket, grp, count(*) AS tickets,
               count(frt) AS frt_n, quantile_cont(frt, 0.5) AS frt_p50, quantile_cont(frt, 0.9) AS frt_p90,
               count(res) AS res_n, quantile_cont(res, 0.5) AS res_p50, quantile_cont(res, 0.9) AS res_p90
        FROM t GROUP BY ALL"""


def _arrivals_sql(f: Frame) -> str:
    # First contact: a CRM first-seen date before the first event means an existing customer
    # the event export only starts to see, not a newcomer.
    return f"""
        WITH firsts AS (
            SELECT customer_id, min(t) AS first_ts FROM (
                SELECT customer_id, first_ts AS t FROM first_touch WHERE first_ts < $end
                UNION ALL
                SELECT customer_id, CAST(first_seen AS TIMESTAMPTZ) FROM customers
                WHERE first_seen IS NOT NULL AND first_seen < $end)
            GROUP BY customer_id)
        SELECT {f.key('bucket')}, {f.key('grp')}, count(*) AS new_visitors
        FROM (SELECT {f.bucket('a.first_ts')} AS bucket, {f.grp} AS grp
              FROM firsts a {f.join('a')} WHERE a.first_ts >= $start) x
        {f.group_by('bucket', 'grp')}"""


_SQL: dict[str, Any] = {
    "arrivals": _arrivals_sql, "stages": _stages_sql, "sessions": _sessions_sql, "orders": _orders_sql,
    "churn": _churn_sql, "deliveries": _deliveries_sql, "on_time": _on_time_sql, "surveys": _surveys_sql, "tickets": _tickets_sql,
}

# metric -> (kind of value, columns): rate (num, den), mean (sum, n), total (value, n),
# quantile (value, n); optional median and excluded columns.
_STEP_COLS = {f"conversion_{s.replace('-', '_')}": (f"n{k}", f"d{k}") for k, s in enumerate(STAGES) if k}
_LONG: dict[str, dict[str, Any]] = {
    "active_customers": {"total": ("active", "active")},
    "new_visitors": {"total": ("new_visitors", "new_visitors")},
    "purchase_conversion": {"rate": ("buyers", "active")},
    **{m: {"rate": cols} for m, cols in _STEP_COLS.items()},
    "sessions": {"total": ("sessions", "sessions")},
    "session_conversion": {"rate": ("converted", "sessions")},
    "bounce_rate": {"rate": ("bounces", "sessions")},
    "exit_rate": {"rate": ("sessions", "hits")},
    "cart_abandonment": {"rate": ("abandoned", "carts"), "excluded": "pending"},
    "repeat_purchase_rate": {"rate": ("repeaters", "buyers")},
    "churn_rate": {"rate": ("lapsed", "active")},
    "csat": {"rate": ("csat_top", "csat_n")},
    "csat_mean": {"mean": ("csat_sum", "csat_n")},
    "nps": {"nps": ("promoters", "detractors", "nps_n")},
    "clv": {"mean": ("lifetime_sum", "buyers"), "median": "lifetime_median"},
    "aov": {"mean": ("revenue", "orders"), "excluded": "pending"},
    "revenue": {"total": ("revenue", "orders"), "excluded": "pending"},
    "orders": {"total": ("orders", "orders"), "excluded": "pending"},
    "time_to_first_purchase": {"quantile": ("ttfp_p50", "first_buyers")},
    "delivery_time": {"quantile": ("del_p50", "del_n"), "excluded": ("deliveries", "del_n")},
    "delivery_time_p90": {"quantile": ("del_p90", "del_n"), "excluded": ("deliveries", "del_n")},
    "on_time_delivery": {"rate": ("on_time", "due")},
    "first_response_time": {"quantile": ("frt_p50", "frt_n"), "excluded": ("tickets", "frt_n")},
    "first_response_time_p90": {"quantile": ("frt_p90", "frt_n"), "excluded": ("tickets", "frt_n")},
    "resolution_time": {"quantile": ("res_p50", "res_n"), "excluded": ("tickets", "res_n")},
    "resolution_time_p90": {"quantile": ("res_p90", "res_n"), "excluded": ("tickets", "res_n")},
}
assert set(_LONG) == set(METRICS)


def _to_long(frame: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    # Plain numpy arrays: the frame is small (buckets x groups) but this runs for every
    # family of every call, and per-column pandas overhead would dominate small queries.
    size = len(frame)
    wide = {c: pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            for c in frame.columns if c not in ("bucket", "grp")}
    nan = np.full(size, np.nan)
    cols: dict[str, list[np.ndarray]] = {c: [] for c in LONG_COLUMNS}
    for m in metrics:
        how = _LONG[m]
        num = den = nan
        if "rate" in how or "mean" in how:
            a, b = how.get("rate") or how["mean"]
            num, den = np.nan_to_num(wide[a]), np.nan_to_num(wide[b])
            value = np.divide(num, den, out=np.full(size, np.nan), where=den > 0)
            n = den
        elif "nps" in how:
            p, d, total = how["nps"]
            den = np.nan_to_num(wide[total])
            num = (np.nan_to_num(wide[p]) - np.nan_to_num(wide[d])) * 100
            value = np.divide(num, den, out=np.full(size, np.nan), where=den > 0)
            n = den
        elif "total" in how:
            v, c = how["total"]
            value, n = np.nan_to_num(wide[v]), np.nan_to_num(wide[c])
        else:
            v, c = how["quantile"]
            n = np.nan_to_num(wide[c])
            value = np.where(n > 0, wide[v], np.nan)
        excl = how.get("excluded")
        if isinstance(excl, tuple):
            excluded = np.nan_to_num(wide[excl[0]]) - np.nan_to_num(wide[excl[1]])
        elif excl:
            excluded = np.nan_to_num(wide[excl])
        else:
            excluded = np.zeros(size)
        cols["bucket"].append(frame["bucket"].to_numpy())
        cols["grp"].append(frame["grp"].to_numpy(dtype=object))
        cols["metric"].append(np.full(size, m, dtype=object))
        cols["value"].append(value)
        cols["n"].append(n)
        cols["num"].append(num)
        cols["den"].append(den)
        cols["median"].append(wide[how["median"]] if "median" in how else nan)
        cols["excluded"].append(excluded)
    if not metrics:
        return pd.DataFrame(columns=LONG_COLUMNS)
    out = {c: np.concatenate(v) for c, v in cols.items()}
    out["n"] = out["n"].astype("int64")
    out["excluded"] = out["excluded"].astype("int64")
    return pd.DataFrame(out)


# The families by their cost at 10M events, dearest first: with two cursors the cheap ones fill
# in behind the dear ones.
_BY_COST = ("sessions", "churn", "orders", "deliveries", "on_time", "stages", "arrivals", "tickets", "surveys")


def _family(con: duckdb.DuckDBPyConnection, frame: Frame, family: str, chosen: list[str]) -> pd.DataFrame | None:
    if family == "sessions":
        cut = find_cut(con, frame)
        wide = _run(con, _sessions_sql(frame, cut), frame, cut)
    else:
        wide = _run(con, _SQL[family](frame), frame)
    if not len(wide):
        return None
    wide["bucket"] = [d.date() if isinstance(d, dt.datetime) else d for d in wide["bucket"]]
    return _to_long(wide, chosen)


def _on_cursor(con: duckdb.DuckDBPyConnection, zone: str, frame: Frame, family: str,
               chosen: list[str]) -> pd.DataFrame | None:
    # A cursor is a new connection to the same database: settings are per connection.
    with con.cursor() as cur:
        cur.execute(f"SET TimeZone = '{zone.replace(chr(39), chr(39) * 2)}'")
        cur.execute("SET enable_progress_bar = false")
        return _family(cur, frame, family, chosen)


def compute(con: duckdb.DuckDBPyConnection, frame: Frame, metrics: list[str],
            parallel: int = 2) -> pd.DataFrame:
    """One row per (bucket, grp, metric) that has data; callers fill empty buckets.

    The family queries are independent, and one query keeps DuckDB's threads only partly busy
    (sorts, joins and window partitions run on one thread for much of the time), so up to
    `parallel` run at once, each on its own cursor. Not when customers are filtered or grouped:
    their temp table is visible to this connection only."""
    wanted = set(metrics)
    todo = {fam: [m for m in members if m in wanted] for fam, members in FAMILIES.items()}
    todo = {fam: chosen for fam, chosen in todo.items() if chosen}
    results: dict[str, pd.DataFrame | None] = {}
    if parallel > 1 and frame.who is None and len(todo) > 1:
        zone = con.execute("SELECT current_setting('TimeZone')").fetchone()[0]  # type: ignore[index]
        order = sorted(todo, key=lambda fam: _BY_COST.index(fam) if fam in _BY_COST else len(_BY_COST))
        with ThreadPoolExecutor(max_workers=min(parallel, len(todo))) as pool:
            futures = {fam: pool.submit(_on_cursor, con, zone, frame, fam, todo[fam]) for fam in order}
            results = {fam: fut.result() for fam, fut in futures.items()}
    else:
        results = {fam: _family(con, frame, fam, chosen) for fam, chosen in todo.items()}
    parts = [results[fam] for fam in todo if results[fam] is not None]
    if not parts:
        return pd.DataFrame(columns=LONG_COLUMNS)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]  # type: ignore[return-value]


def exit_detail(con: duckdb.DuckDBPyConnection, frame: Frame) -> pd.DataFrame:
    """Exits per web touchpoint: how often each was the last web event of its session."""
    cut = find_cut(con, frame)
    sql = f"""
        WITH {_period_sessions_sql(frame, cut)},
        h AS (SELECT e.touchpoint, count(*) AS events FROM events e {frame.join('e')}
              WHERE e.ts >= $start AND e.ts < $end AND e.touchpoint IN ({_WEB})
              GROUP BY e.touchpoint),
        x AS (SELECT exit_tp AS touchpoint, count(*) AS exits FROM s GROUP BY exit_tp)
        SELECT h.touchpoint, h.events, coalesce(x.exits, 0) AS exits,
               coalesce(x.exits, 0) / h.events AS exit_rate
        FROM h LEFT JOIN x USING (touchpoint) ORDER BY h.events DESC, h.touchpoint"""
    return _run(con, sql, frame, cut)


def stage_detail(long: pd.DataFrame) -> pd.DataFrame:
    """The step conversions of a snapshot as a small table: from, to, reached, of, rate."""
    rows = []
    for k in range(1, len(STAGES)):
        m = f"conversion_{STAGES[k].replace('-', '_')}"
        hit = long[long["metric"] == m]
        if len(hit):
            r = hit.iloc[0]
            rows.append({"from": STAGES[k - 1], "to": STAGES[k], "reached": int(r["num"]),
                         "of": int(r["den"]), "rate": r["value"]})
    return pd.DataFrame(rows, columns=["from", "to", "reached", "of", "rate"])


def date_range(con: duckdb.DuckDBPyConnection) -> tuple[dt.date, dt.date] | None:
    """First and last day with events or orders (JourneyStore.date_range, on this connection)."""
    row = con.execute(
        """SELECT min(d0), max(d1) FROM (
             SELECT min(ts)::DATE AS d0, max(ts)::DATE AS d1 FROM events
             UNION ALL SELECT min(ts)::DATE, max(ts)::DATE FROM orders)"""
    ).fetchone()
    if not row or row[0] is None:
        return None
    return row[0], row[1]


def data_end(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    row = con.execute(
        "SELECT max(m) FROM (SELECT max(ts) AS m FROM events UNION ALL SELECT max(ts) FROM orders)"
    ).fetchone()
    value = row[0] if row else None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def rows_in_period(con: duckdb.DuckDBPyConnection, frame: Frame, families: set[str]) -> dict[str, int]:
    """Rows of each table read for the period (before customer filters)."""
    tables = {"stages": ("events", "ts"), "sessions": ("events", "ts"),
              "orders": ("orders", "ts"), "churn": ("orders", "ts"), "deliveries": ("events", "ts"), "surveys": ("surveys", "ts"),
              "arrivals": ("events", "ts"), "on_time": ("orders", "ts"),
              "tickets": ("tickets", "created_at")}
    out: dict[str, int] = {}
    wanted = {tables[fam] for fam in families}
    for table, col in sorted(wanted, key=lambda tc: list(TABLES).index(tc[0])):
        out[table] = int(_run(con, f'SELECT count(*) AS n FROM "{table}" WHERE "{col}" >= $start '
                                   f'AND "{col}" < $end', frame)["n"].iloc[0])
    return out


def families_of(metrics: list[str]) -> set[str]:
    return {SPECS[m].family for m in metrics}
