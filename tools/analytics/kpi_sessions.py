"""The web-session KPIs (sessions, bounce, session conversion, exits, session length, pages per
session, cart abandonment) and the sessions a period boundary cuts.

Sessions are stored one row each (tools/data/session_table.py). Those wholly inside the period
are read as they are; the few that a period boundary cuts (or whose id several customers share)
are regrouped from their events in the period (`find_cut`), so a KPI over a period equals one
computed from the period's web events alone.
"""

from __future__ import annotations

from typing import Any

import duckdb

from tools.analytics.kpi_frame import COMPLETED, Cut, Frame, run_records, run_sql
from tools.data import session_table

SESSION_KEY = session_table.SESSION_KEY
_WEB = session_table.WEB

# Over data dated by month only (UCI's online shoppers: one row per visit, each kind of page seen
# made one event on the 1st of the month), a session's events cannot count its pages nor say
# which came last: 2.7 "pages" a visit where the file says 31, a 0.1% bounce rate. Pages per
# session, bounce and exit rates leave such sessions out (kpi_notes.py says why) rather than
# count events as pages; a session with events in two months is still read from them.
PAGED = "last_ts > first_ts"

_INSIDE = "s.first_ts >= $start AND s.last_ts < $end AND NOT s.multi"
_CUT = f"s.first_ts < $end AND s.last_ts >= $start AND NOT ({_INSIDE})"


def find_cut(con: duckdb.DuckDBPyConnection, frame: Frame) -> Cut:
    row = run_records(con, f"""
        SELECT count(*) AS n, max(last_ts) FILTER (WHERE first_ts < $start) AS lo,
               min(first_ts) FILTER (WHERE last_ts >= $end) AS hi,
               coalesce(bool_or(multi), false) AS shared
        FROM sessions s WHERE {_CUT}""", frame)[0]
    return Cut(int(row["n"]), row["lo"], row["hi"], bool(row["shared"]))


def _period_sessions_sql(f: Frame, cut: Cut, exits: bool = True) -> str:
    """The web sessions of the period, one row per session and group, as if grouped from the
    period's web events: the stored sessions (tools/data/session_table.py) that lie wholly inside it,
    and, regrouped from their events in the period, the few that a period boundary cuts (or
    whose id several customers share, which a group may split)."""
    cols = "customer_id, first_ts, last_ts, hits, bought, first_cart, last_cart, last_buy" + (", exit_tp" if exits else "")
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


def sessions_sql(f: Frame, cut: Cut) -> str:
    # Sessions and carts from the period's sessions. A cart bought from in its own session is
    # settled there; the others are rescued by a purchase of the customer (any channel,
    # completed orders too) from the first cart event to the cart window after the last.
    # Times are compared as epoch microseconds: adding an interval to a TIMESTAMPTZ goes through
    # the calendar of the time zone, row by row, and cost more than the rest of the query.
    window = "to_hours(CAST($cart_hours AS BIGINT))"
    paged = PAGED if f.month_dated else "TRUE"
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
                   count(*) FILTER (WHERE hits = 1 AND {paged}) AS bounces,
                   count(*) FILTER (WHERE {paged}) AS paged,
                   count(*) FILTER (WHERE bought) AS converted, sum(hits) FILTER (WHERE {paged}) AS hits,
                   count(*) FILTER (WHERE last_ts > first_ts) AS timed,
                   median((epoch_us(last_ts) - epoch_us(first_ts)) / 60e6) FILTER (WHERE last_ts > first_ts) AS len_p50,
                   count(*) FILTER (WHERE first_cart IS NOT NULL
                                      AND epoch_us(last_cart) + {w_us} > epoch_us($data_end)) AS pending
            FROM s {f.group_by('bucket', 'grp')}),
        cart AS (
            SELECT {f.bucket('first_ts')} AS bucket, {f.key('grp')}, count(*) AS carts,
                   count(*) FILTER (WHERE NOT kept) AS abandoned
            FROM judged {f.group_by('bucket', 'grp')})
        SELECT sess.*, coalesce(cart.carts, 0) AS carts, coalesce(cart.abandoned, 0) AS abandoned
        FROM sess LEFT JOIN cart ON cart.bucket = sess.bucket AND cart.grp = sess.grp"""


def exit_detail(con: duckdb.DuckDBPyConnection, frame: Frame) -> list[dict[str, Any]]:
    """Exits per web touchpoint: how often each was the last web event of its session
    (touchpoint, events, exits, exit_rate), busiest first. Events at the same time are ordered as
    tools/data/session_table.py says (the exit is the later stage, then the later step of a
    visit); over data dated by month only there is no exit page to read (see PAGED): none."""
    if frame.month_dated:
        return []
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
    return run_records(con, sql, frame, cut)


def length_rows(con: duckdb.DuckDBPyConnection, frame: Frame) -> Any:
    """One row per web session of the period with a length (web events at two or more times):
    bucket (of its first web event), grp, value (minutes). The sessions the KPI's median is
    taken over, so a time pattern's median of a bucket is the median of its own sessions and
    its median over all of them is the KPI's (tools/analytics/time_pattern.py)."""
    cut = find_cut(con, frame)
    sql = f"""
        WITH {_period_sessions_sql(frame, cut, exits=False)}
        SELECT {frame.bucket('first_ts')} AS bucket, grp,
               (epoch_us(last_ts) - epoch_us(first_ts)) / 60e6 AS value
        FROM s WHERE last_ts > first_ts"""
    return run_sql(con, sql, frame, cut)
