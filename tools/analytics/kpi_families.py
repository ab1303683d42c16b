"""The SQL of each KPI family but the web sessions (tools/analytics/kpi_sessions.py): journey
stages, first contacts, orders, churn, deliveries, on-time delivery, surveys and tickets.

Each function takes a `Frame` (tools/analytics/kpi_frame.py) and returns one query giving a wide
frame (bucket, grp, counts...); tools/analytics/kpi_sql.py runs it and turns it into one row per
metric. The only values that vary are bound parameters; identifiers come from fixed enums.
"""

from __future__ import annotations

from typing import Any

from tools.analytics.kpi_contacts import contacts_sql
from tools.analytics.kpi_frame import COMPLETED, Frame
from tools.core.stages import STAGES


def _stages_sql(f: Frame, only: tuple[str, ...] | None = None) -> str:
    # One bit per stage reached, per customer and bucket; then count customers per bit pattern
    # (at most 64 per bucket) before the FILTERs, so they run over a handful of rows.
    bits = "CASE e.stage " + " ".join(f"WHEN '{s}' THEN {1 << i}" for i, s in enumerate(STAGES)) + " ELSE 0 END"
    # `only`: the events of these stages alone (step_stages), for step conversions asked alone.
    keep = f"AND e.stage IN ({', '.join(repr(s) for s in only)})" if only is not None else ""
    steps = []
    for k in range(1, len(STAGES)):
        later = sum(1 << j for j in range(k, len(STAGES)))
        steps.append(f"sum(n) FILTER (WHERE m & {1 << (k - 1)} <> 0) AS d{k}, "
                     f"sum(n) FILTER (WHERE m & {1 << (k - 1)} <> 0 AND m & {later} <> 0) AS n{k}")
    return f"""
        WITH c AS (
            SELECT {f.bucket('e.ts')} AS bucket, {f.grp} AS grp, e.customer_id, bit_or({bits}) AS m
            FROM events e {f.join('e')}
            WHERE e.ts >= $start AND e.ts < $end {keep}
            {f.group_by('bucket', 'grp', 'e.customer_id')}),
        masks AS (SELECT bucket, grp, m, count(*) AS n FROM c GROUP BY bucket, grp, m)
        SELECT bucket, grp, sum(n) AS active, sum(n) FILTER (WHERE m & {1 << 3} <> 0) AS buyers,
               {', '.join(steps)}
        FROM masks GROUP BY bucket, grp"""


STEP_CONVERSIONS = {f"conversion_{s.replace('-', '_')}": k for k, s in enumerate(STAGES) if k}


def step_stages(metrics: list[str]) -> tuple[str, ...] | None:
    """The stages whose events decide the step conversions `metrics` (each step k reads who
    reached stage k-1 and, of them, who reached k or later); None when another KPI of the
    family (active customers, purchase conversion) is asked, which needs every event. The
    digest's one step (decision -> purchase) then reads no awareness or consideration events,
    most of a shop's events, for the same counts."""
    if not metrics or not set(metrics) <= set(STEP_CONVERSIONS):
        return None
    ks = [STEP_CONVERSIONS[m] for m in metrics]
    return tuple(s for i, s in enumerate(STAGES) if any(i == k - 1 or i >= k for k in ks))


def stage_steps_sql(f: Frame, metrics: list[str]) -> str:
    """The stages family's query for step conversions asked alone (see step_stages)."""
    return _stages_sql(f, step_stages(metrics))


def _orders_ctes(f: Frame) -> str:
    """The orders family's rows: per customer and bucket (p), with time to first purchase (q).
    Per customer and bucket first, with everything before the period folded into one row
    (bucket NULL): the running counts then run over a few rows per customer instead of
    every order."""
    return f"""
        per AS (
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
            FROM p LEFT JOIN ft USING (customer_id))"""


def order_rows_sql(f: Frame, column: str) -> str:
    """One row per first purchase in the period: bucket, grp, value (days to the first one)."""
    return f"WITH {_orders_ctes(f)} SELECT bucket, grp, {column} AS value FROM q WHERE {column} IS NOT NULL"


def orders_sql(f: Frame, statuses: bool = False) -> str:
    return f"""
        WITH {_orders_ctes(f)},
        agg AS (
            SELECT bucket, grp, sum(n_orders) AS orders, sum(revenue) AS revenue, count(*) AS buyers,
                   count(*) FILTER (WHERE k_max >= 2) AS repeaters, sum(lifetime) AS lifetime_sum,
                   quantile_cont(lifetime, 0.5) AS lifetime_median,
                   count(ttfp) AS first_buyers, quantile_cont(ttfp, 0.5) AS ttfp_p50,
                   quantile_cont(ttfp, 0.9) AS ttfp_p90
            FROM q GROUP BY ALL),
        -- Orders placed in the period but not fulfilled yet (a delivery on its way, a pickup
        -- for tomorrow): not counted, but said, so a low last day is not read as a bad one.
        {_others_cte(f, statuses)}
        {_OTHERS_SELECT}"""


# The orders family's KPIs that need no customer history: each is a sum over the period's own
# completed orders. Asked for alone (the digest's revenue, orders and average order value),
# they are read by `order_totals_sql`, which skips the per-customer running totals the others
# need: those read every completed order up to the period's end, about a quarter of a digest's
# KPI queries at 1M events for a day's numbers.
ORDER_TOTALS = frozenset({"orders", "revenue", "aov", "refunded_orders", "refund_rate", "cancelled_orders",
                          "cancellation_rate"})


# The orders family's KPIs read off cancelled and returned orders.
STATUS_METRICS = frozenset({"refunded_orders", "refund_rate", "cancelled_orders", "cancellation_rate"})


def _others_cte(f: Frame, statuses: bool) -> str:
    """The period's orders of the other kinds, per bucket and group: pending ones (named, and
    `excluded` from orders, revenue and AOV), and with `statuses` cancelled and returned ones
    (the refund and cancellation KPIs; without them a group whose orders were all cancelled
    would join the sales KPIs' groups with nothing). Kinds, not the export's words: the profile
    maps 'refunded', 'partially_refunded', 'chargeback' to returned, 'voided', 'canceled' to
    cancelled."""
    kinds = "('pending', 'cancelled', 'returned')" if statuses else "('pending')"
    return f"""pend AS (
            SELECT {f.bucket('o.ts')} AS bucket, {f.grp} AS grp,
                   count(*) FILTER (WHERE o.status = 'pending') AS pending,
                   count(*) FILTER (WHERE o.status = 'cancelled') AS cancelled,
                   count(*) FILTER (WHERE o.status = 'returned') AS returned
            FROM orders o {f.join('o')}
            WHERE o.status IN {kinds} AND o.ts >= $start AND o.ts < $end
            GROUP BY ALL)"""


# Sold: completed or returned (a return was a sale first); settled: no longer pending.
_OTHERS_SELECT = """SELECT * EXCLUDE (pending, cancelled, returned), coalesce(pending, 0) AS pending,
               coalesce(cancelled, 0) AS cancelled, coalesce(returned, 0) AS returned,
               coalesce(orders, 0) + coalesce(returned, 0) AS sold,
               coalesce(orders, 0) + coalesce(returned, 0) + coalesce(cancelled, 0) AS settled
        FROM agg FULL OUTER JOIN pend USING (bucket, grp)"""


def order_totals_sql(f: Frame, statuses: bool = False) -> str:
    """The orders family's columns `ORDER_TOTALS` read (orders, revenue, pending), from the
    period's orders alone; the same rows as `orders_sql` gives them (its `q` holds each
    customer's completed orders of the period, bucket by bucket)."""
    done = COMPLETED.replace("status", "o.status")
    return f"""
        WITH agg AS (
            SELECT {f.bucket('o.ts')} AS bucket, {f.grp} AS grp, count(*) AS orders, sum(o.amount) AS revenue
            FROM orders o {f.join('o')}
            WHERE {done} AND o.ts >= $start AND o.ts < $end
            GROUP BY ALL),
        {_others_cte(f, statuses)}
        {_OTHERS_SELECT}"""


def order_times_sql(f: Frame) -> str:
    """The customers who bought in the period by how many completed orders they have by its end
    (times, customers), for the line under repeat customers that answers "bought more than 3
    times": the same counts as the orders family's buyers and repeaters."""
    return f"""
        WITH k AS (
            SELECT customer_id, count(*) AS times FROM orders
            WHERE {COMPLETED} AND ts < $end GROUP BY customer_id HAVING max(ts) >= $start)
        SELECT k.times, count(*) AS customers FROM k {f.join('k')} GROUP BY ALL ORDER BY 1"""


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


def _delivery_ctes(f: Frame) -> str:
    """The deliveries in the period, each with its days from order to delivery (x).
    Deliveries are orders that carry their delivery time (delivered_at), and delivery events
    of orders that do not: an event whose session is an order with its own delivery time is
    that order's delivery, counted once, from the order."""
    return f"""
        od AS (
            SELECT o.customer_id, o.order_id, o.delivered_at, o.ts AS placed
            FROM orders o WHERE o.delivered_at >= $start AND o.delivered_at < $end),
        d AS (
            SELECT e.customer_id, e.session_id, e.ts, {f.grp} AS grp, {f.bucket('e.ts')} AS bucket
            FROM events e {f.join('e')}
            WHERE e.touchpoint = 'delivery' AND e.ts >= $start AND e.ts < $end
              AND NOT EXISTS (SELECT 1 FROM orders x WHERE x.delivered_at IS NOT NULL
                              AND x.order_id = e.session_id AND x.customer_id = e.customer_id)),
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
            FROM a
            UNION ALL
            SELECT {f.bucket('od.delivered_at')} AS bucket, {f.grp} AS grp,
                   (epoch(od.delivered_at) - epoch(od.placed)) / 86400.0 AS days
            FROM od {f.join('od')})"""


def delivery_rows_sql(f: Frame, column: str) -> str:
    """One row per delivery in the period: bucket, grp, value (days from the order)."""
    return f"WITH {_delivery_ctes(f)} SELECT bucket, grp, {column} AS value FROM x WHERE {column} IS NOT NULL"


def _deliveries_sql(f: Frame) -> str:
    return f"""
        WITH {_delivery_ctes(f)}
        SELECT bucket, grp, count(*) AS deliveries, count(days) AS del_n,
               quantile_cont(days, 0.5) AS del_p50, quantile_cont(days, 0.9) AS del_p90
        FROM x GROUP BY ALL"""


# What became of a delivery order due in the period, besides arriving on time or late.
UNDELIVERED = {
    "undelivered_open": "still open past the promised day",
    "undelivered_cancelled": "cancelled",
    "undelivered_unrecorded": "with no delivery recorded",
}


def _on_time_sql(f: Frame) -> str:
    # Delivery orders by the local day they are due: the order's own promised date where the
    # export has one (promised_at), else the order day + the promise in days. On time when the
    # order arrived (delivered_at, else the first delivery event that is the order's) on
    # or before that day. The rate is over orders that arrived; those that never did (still on
    # their way, cancelled, nothing recorded) are counted apart and named, not called late.
    # Dated by the due day, so a courier failure shows on the days deliveries were due.
    days = "CAST($promise_days AS INTEGER)"
    due = f"coalesce({f.day_index('o.promised_at')}, {f.day_index('o.ts')} + {days})"
    first, last = "(CAST($first_day AS DATE) - DATE '1970-01-01')", "(CAST($end_day AS DATE) - DATE '1970-01-01')"
    return f"""
        WITH o AS (
            SELECT o.order_id, o.customer_id, o.ts, o.delivered_at, o.status, {due} AS due
            FROM orders o
            WHERE (o.fulfilment = 'delivery' OR o.promised_at IS NOT NULL OR o.delivered_at IS NOT NULL)
              AND ((o.promised_at >= $start - INTERVAL 2 DAY AND o.promised_at < $end + INTERVAL 2 DAY)
                OR (o.promised_at IS NULL AND o.ts >= $start - to_days(coalesce({days}, 0) + 1)
                    AND o.ts < $end))),
        od AS (SELECT * FROM o WHERE due >= {first} AND due < {last}),
        dv AS (SELECT customer_id, session_id, ts AS dts FROM events
               WHERE touchpoint = 'delivery' AND ts >= (SELECT min(ts) FROM od)
                 AND customer_id IN (SELECT customer_id FROM od WHERE delivered_at IS NULL)),
        -- a delivery event whose session is an order is that order's; the others belong to the
        -- customer's latest delivery order before them that still waits for one (not cancelled,
        -- no delivered date), so one parcel never arrives for two orders: matching each order
        -- to the next delivery gave a cancelled order the parcel of an order placed weeks later
        own AS (SELECT customer_id, session_id AS order_id, min(dts) AS dts FROM dv
                WHERE session_id IN (SELECT order_id FROM orders) GROUP BY ALL),
        free AS (SELECT customer_id, dts FROM dv
                 WHERE session_id IS NULL OR session_id NOT IN (SELECT order_id FROM orders)),
        waiting AS (SELECT order_id, customer_id, ts FROM orders
                    WHERE (fulfilment = 'delivery' OR promised_at IS NOT NULL) AND delivered_at IS NULL
                      AND status IS DISTINCT FROM 'cancelled'
                      AND customer_id IN (SELECT customer_id FROM free)),
        claimed AS (SELECT w.order_id, w.customer_id, min(free.dts) AS dts
                    FROM free ASOF JOIN waiting w ON free.customer_id = w.customer_id AND free.dts >= w.ts
                    GROUP BY ALL),
        a AS (SELECT od.*, coalesce(own.dts, claimed.dts) AS dts FROM od
              LEFT JOIN own ON own.order_id = od.order_id AND own.customer_id = od.customer_id
              LEFT JOIN claimed ON claimed.order_id = od.order_id AND claimed.customer_id = od.customer_id),
        d AS (SELECT customer_id, due, coalesce(delivered_at, dts) AS got, status FROM a),
        k AS (SELECT customer_id, due,
                     CASE WHEN got IS NOT NULL THEN
                              CASE WHEN {f.day_index('got')} <= due THEN 'on_time' ELSE 'late' END
                          WHEN status = 'cancelled' THEN 'undelivered_cancelled'
                          WHEN status = 'pending' THEN 'undelivered_open'
                          ELSE 'undelivered_unrecorded' END AS outcome
              FROM d)
        SELECT {f.key('bucket')}, {f.key('grp')},
               count(*) FILTER (WHERE outcome IN ('on_time', 'late')) AS delivered,
               count(*) FILTER (WHERE outcome = 'on_time') AS on_time,
               count(*) FILTER (WHERE outcome LIKE 'undelivered%') AS undelivered,
               {', '.join(f"count(*) FILTER (WHERE outcome = '{k}') AS {k}" for k in UNDELIVERED)}
        FROM (SELECT {f.bucket_of_day('k.due')} AS bucket, {f.grp} AS grp, outcome
              FROM k {f.join('k')}) x
        {f.group_by('bucket', 'grp')}"""


def _surveys_sql(f: Frame) -> str:
    return f"""
        SELECT {f.bucket('s.ts')} AS bucket, {f.grp} AS grp, count(*) AS answers,
               count(s.csat) AS csat_n, count(*) FILTER (WHERE s.csat >= 4) AS csat_top,
               count(*) FILTER (WHERE s.csat <= 2) AS csat_low,
               sum(s.csat) AS csat_sum, count(s.nps) AS nps_n,
               count(*) FILTER (WHERE s.nps >= 9) AS promoters,
               count(*) FILTER (WHERE s.nps <= 6) AS detractors
        FROM surveys s {f.join('s')}
        WHERE s.ts >= $start AND s.ts < $end
        GROUP BY ALL"""


# A resolution stamped before its opening is read as resolved on opening (greatest() skips
# NULLs: an unresolved ticket stays NULL).
_SOLVED = "greatest(t.resolved_at, t.created_at)"


def _ticket_rows(f: Frame) -> str:
    """The tickets opened in the period, with hours to the first reply and to resolution, and
    whether each was resolved by the end of its bucket (the period, or its day, week, month)."""
    return f"""
            SELECT {f.bucket('t.created_at')} AS bucket, {f.grp} AS grp,
                   (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0 AS frt,
                   (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0 AS res,
                   CASE WHEN t.resolved_at IS NOT NULL
                        AND {f.local_day(_SOLVED)} < {f.next_bucket('t.created_at')} THEN 1 ELSE 0 END AS in_time
            FROM tickets t {f.join('t')}
            WHERE t.created_at >= $start AND t.created_at < $end"""


def ticket_rows_sql(f: Frame, column: str) -> str:
    """One row per ticket opened in the period: bucket, grp, value (hours)."""
    return f"SELECT bucket, grp, {column} AS value FROM ({_ticket_rows(f)}) t WHERE {column} IS NOT NULL"


def _tickets_sql(f: Frame) -> str:
    return f"""
        WITH t AS ({_ticket_rows(f)})
        SELECT bucket, grp, count(*) AS tickets,
               count(frt) AS frt_n, quantile_cont(frt, 0.5) AS frt_p50, quantile_cont(frt, 0.9) AS frt_p90,
               count(res) AS res_n, quantile_cont(res, 0.5) AS res_p50, quantile_cont(res, 0.9) AS res_p90,
               sum(in_time) AS res_in
        FROM t GROUP BY ALL"""


def _ticket_flow_sql(f: Frame) -> str:
    # Tickets in and out of the period: opened ones by their opening, resolved ones by their
    # resolution, whenever opened. Opened minus resolved is the change in open tickets
    # (_open_tickets_sql) from the period's start to its end, bucket by bucket.
    return f"""
        WITH x AS (
            SELECT {f.bucket('t.created_at')} AS bucket, {f.grp} AS grp, 1 AS opened, 0 AS resolved
            FROM tickets t {f.join('t')}
            WHERE t.created_at >= $start AND t.created_at < $end
            UNION ALL
            SELECT {f.bucket(_SOLVED)} AS bucket, {f.grp} AS grp, 0 AS opened, 1 AS resolved
            FROM tickets t {f.join('t')}
            WHERE t.resolved_at IS NOT NULL AND {_SOLVED} >= $start AND {_SOLVED} < $end)
        SELECT bucket, grp, sum(opened) AS opened, sum(resolved) AS resolved_n,
               sum(opened) - sum(resolved) AS backlog, count(*) AS moved
        FROM x GROUP BY ALL"""


def _open_tickets_sql(f: Frame) -> str:
    # A stock, not a flow: a ticket is open at the end of every bucket from the one it was
    # opened in (the first, if opened before the period) up to the one before it was resolved.
    # +1 at its opening bucket, -1 at its resolution bucket, and a running sum over the buckets
    # (as churn counts active customers). Tickets resolved before the period never count; a
    # resolution stamped before the opening is read as resolved on opening. (greatest() skips
    # NULLs, so an unresolved ticket is tested on resolved_at itself.)
    opened = f"CASE WHEN t.created_at < $start THEN CAST($first_day AS DATE) ELSE {f.bucket('t.created_at')} END"
    solved = _SOLVED
    return f"""
        WITH t AS (
            SELECT {f.grp} AS grp, {opened} AS opened,
                   CASE WHEN t.resolved_at IS NOT NULL AND {solved} < $end THEN {f.bucket(solved)} END AS solved
            FROM tickets t {f.join('t')}
            WHERE t.created_at < $end AND (t.resolved_at IS NULL OR {solved} >= $start)),
        deltas AS (
            SELECT grp, opened AS d, 1 AS x FROM t
            UNION ALL SELECT grp, solved AS d, -1 AS x FROM t WHERE solved IS NOT NULL),
        grid AS (
            SELECT g.grp, b.d FROM (SELECT DISTINCT grp FROM t) g
            CROSS JOIN (SELECT unnest($buckets::DATE[]) AS d) b),
        run AS (
            SELECT grp, d, is_bucket,
                   sum(x) OVER (PARTITION BY grp ORDER BY d, is_bucket ROWS UNBOUNDED PRECEDING) AS n
            FROM (SELECT grp, d, sum(x) AS x, false AS is_bucket FROM deltas GROUP BY grp, d
                  UNION ALL SELECT grp, d, 0 AS x, true AS is_bucket FROM grid))
        SELECT d AS bucket, grp, CAST(n AS BIGINT) AS open_tickets FROM run WHERE is_bucket"""


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


# The rows behind each median and percentile KPI: (rows query, column, quantile). A window of
# days is the quantile of its rows (tools/analytics/trends.py window_values), never a mean of
# daily quantiles.
QUANTILE_ROWS: dict[str, tuple[Any, str, float]] = {
    "time_to_first_purchase": (order_rows_sql, "ttfp", 0.5),
    "delivery_time": (delivery_rows_sql, "days", 0.5), "delivery_time_p90": (delivery_rows_sql, "days", 0.9),
    "first_response_time": (ticket_rows_sql, "frt", 0.5), "first_response_time_p90": (ticket_rows_sql, "frt", 0.9),
    "resolution_time": (ticket_rows_sql, "res", 0.5), "resolution_time_p90": (ticket_rows_sql, "res", 0.9),
}

# family -> its query; the sessions family needs the cut sessions too (tools/analytics/kpi_sessions.py).
FAMILY_SQL: dict[str, Any] = {
    "arrivals": _arrivals_sql, "stages": _stages_sql, "orders": orders_sql, "churn": _churn_sql,
    "deliveries": _deliveries_sql, "on_time": _on_time_sql, "surveys": _surveys_sql, "tickets": _tickets_sql,
    "open_tickets": _open_tickets_sql, "ticket_flow": _ticket_flow_sql, "contacts": contacts_sql,
}
