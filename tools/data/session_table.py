"""The sessions table: one row per web session, kept next to the events by ingest.

Grouping five million web events into sessions by session id was the largest single cost of
the KPI set at 10M events, and it gave the same answer on every call. Ingest now keeps one row
per session (its customer, first and last event, web events, cart and purchase times, the page
it ended on) inside the same transaction as the events, so the KPI queries read 1.5M ready rows
instead. Only sessions whose events changed are rebuilt, from the stored events, so the table
is always what a full rebuild would give.

A session is the events with the same session id; web events without one are grouped per
customer and calendar day. That day depends on the store's time zone, so the table remembers
the zone it was built in and is rebuilt when the store is opened in another one.
"""

from __future__ import annotations

import duckdb

from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES, WEB_TOUCHPOINTS

# Bumped when the table's columns or meaning change: stores built before are rebuilt on open.
# 2: a session needs a page seen; an order or purchase event alone is not a visit.
# 3: events at the same time end a session in the journey's order (below), not by name.
VERSION = "3"

CART_TOUCHPOINTS = ("add_to_cart", "cart", "checkout_start")
WEB = ", ".join(f"'{t}'" for t in sorted(WEB_TOUCHPOINTS))
CARTS = ", ".join(f"'{t}'" for t in CART_TOUCHPOINTS)
# Touchpoints that record a sale, not a page seen. Exports date every order with an order event
# (Olist, a POS), and a web session made of that alone would be a one-page "visit" that bounced
# and bought: 100% bounce and 100% conversion from data with no web analytics at all. A session
# needs at least one page (visit, view, cart, checkout).
SALE_TOUCHPOINTS = ("order_placed", "purchase")
BROWSE = ", ".join(f"'{t}'" for t in sorted(WEB_TOUCHPOINTS - set(SALE_TOUCHPOINTS)))
# Web events without a session id are grouped per customer and calendar day (the connection's
# time zone, which is the store's).
SESSION_KEY = "coalesce({a}.session_id, {a}.customer_id || '~' || CAST(CAST({a}.ts AS DATE) AS VARCHAR))"
STAGE_RANK = "CASE {col} " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STAGES)) + " ELSE -1 END"

# The exit page is the touchpoint of a session's last web event, ties broken by stage, then by
# the touchpoint map's order, which follows a visit through the site (visit, pages, product,
# cart, checkout, order), as drop-offs and paths order them (tools/analytics/scope.py's
# TIE_ORDER_SQL): by name, a visit and a product view at the same second ended on the visit.
# The greatest (ts, stage rank, place in that order). Comparing those as a struct per event made
# DuckDB build a sort key for every one, which was 45% of grouping 4.9M web events. Packed into
# one number instead (microseconds, then the stage rank + 1 in 0..len(STAGES), then the
# touchpoint's place in the sorted web touchpoints), the greatest is a plain max, and the
# touchpoint is read back from its last digit. The number is a BIGINT when every stored time
# fits (a rebuild checks the table's range, which DuckDB answers from its statistics), else a
# HUGEINT, so no timestamp DuckDB can hold (a 9999-12-31 placeholder) overflows; BIGINT
# arithmetic took 0.5 s of CPU less than HUGEINT over the 4.9M web events of the 10M sample.
_MAP_ORDER = list(DEFAULT_TOUCHPOINTS)
_WEB_SORTED = sorted(WEB_TOUCHPOINTS, key=lambda t: (_MAP_ORDER.index(t) if t in _MAP_ORDER else len(_MAP_ORDER), t))
_TP_PLACE = "CASE touchpoint " + " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(_WEB_SORTED)) + " END"
_N_TP = len(_WEB_SORTED)
_N_RANK = len(STAGES) + 1
_SPAN = _N_RANK * _N_TP
# The largest |epoch microseconds| whose packed key still fits a BIGINT (about 4,000 years
# either side of 1970).
BIGINT_US = (2**63 - 1) // _SPAN - 1
_EXIT_KEY = (f"(CAST(epoch_us(ts) AS {{kind}}) * {_SPAN} + ({STAGE_RANK.format(col='stage')} + 1) * {_N_TP}"
             f" + {_TP_PLACE})")
# The key's last "digit" (base len(web touchpoints)), as a 1-based index into the sorted names;
# the double modulo keeps it positive for times before 1970.
_TP_NAMES = "[" + ", ".join(f"'{t}'" for t in _WEB_SORTED) + "]"

CREATE_SQL = """CREATE TABLE sessions (
    sid VARCHAR,            -- the session id, or customer~day for web events without one
    customer_id VARCHAR,    -- the (smallest) customer id of its events
    keyed BOOLEAN,          -- true when the events carry a session id
    multi BOOLEAN,          -- events of more than one customer share the session id
    first_ts TIMESTAMPTZ,
    last_ts TIMESTAMPTZ,
    hits BIGINT,            -- web events
    bought BOOLEAN,         -- a web event of the purchase stage
    first_cart TIMESTAMPTZ, -- first and last cart event (add to cart, cart, checkout start)
    last_cart TIMESTAMPTZ,
    last_buy TIMESTAMPTZ,   -- last purchase-stage web event
    exit_tp VARCHAR         -- the touchpoint of its last web event
)"""
# Written by name: a table built by another version may hold its columns in another order.
COLUMNS = ("sid, customer_id, keyed, multi, first_ts, last_ts, hits, bought, first_cart, last_cart, "
           "last_buy, exit_tp")


def aggregate_sql(events: str, keys: str = "sid", having: str = "TRUE", *, narrow: bool = False) -> str:
    """Session rows from a relation of web events (touchpoints in WEB_TOUCHPOINTS, a time on
    each: the exit page is computed from both) with a `sid` column, grouped by `keys`, for
    groups with a page seen (and `having`). The KPI queries use the same expressions for
    sessions cut by a period boundary, so the two cannot disagree. `narrow`: every time of the
    relation is within BIGINT_US of 1970 (see fits_bigint), so the exit key can be a BIGINT."""
    # Each event's tests and exit key computed once, below the grouping: written inside the
    # aggregates' FILTERs, the cart and purchase tests ran once per aggregate (0.3 s of CPU).
    flagged = (f"SELECT *, touchpoint IN ({CARTS}) AS _cart, stage = 'purchase' AS _buy, "
               f"touchpoint IN ({BROWSE}) AS _page, {_EXIT_KEY.format(kind='BIGINT' if narrow else 'HUGEINT')} "
               f"AS _exit FROM {events}")
    return f"""
        SELECT {keys}, min(customer_id) AS customer_id, bool_or(session_id IS NOT NULL) AS keyed,
               min(customer_id) <> max(customer_id) AS multi,
               min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS hits,
               bool_or(_buy) AS bought,
               min(ts) FILTER (WHERE _cart) AS first_cart,
               max(ts) FILTER (WHERE _cart) AS last_cart,
               max(ts) FILTER (WHERE _buy) AS last_buy,
               {_TP_NAMES}[CAST((max(_exit) % {_N_TP} + {_N_TP}) % {_N_TP} AS INTEGER) + 1] AS exit_tp
        FROM ({flagged}) GROUP BY {keys}
        HAVING bool_or(_page) AND ({having})"""


def fits_bigint(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether every stored event's time packs into a BIGINT exit key. DuckDB answers the
    table's min and max from its statistics, so this costs nothing measurable."""
    lo, hi = con.execute("SELECT epoch_us(min(ts)), epoch_us(max(ts)) FROM events").fetchone()  # type: ignore[misc]
    return lo is None or (-BIGINT_US <= lo and hi <= BIGINT_US)


def web_events_sql(where: str = "TRUE") -> str:
    return (f"SELECT {SESSION_KEY.format(a='e')} AS sid, e.* FROM events e "
            f"WHERE e.touchpoint IN ({WEB}) AND ({where})")


def rebuild(con: duckdb.DuckDBPyConnection, timezone: str) -> None:
    """Every session from the stored events (a new or migrated store, a first big load); the
    connection's TimeZone must be `timezone`, the store's."""
    # Made again rather than emptied: a table built by a version with other columns (VERSION is
    # bumped when they change) would otherwise keep its old shape.
    con.execute("DROP TABLE IF EXISTS sessions")
    con.execute(CREATE_SQL)
    # In time order, so that the zone maps of first_ts skip most of the table for recent periods.
    con.execute(f"INSERT INTO sessions ({COLUMNS}) SELECT {COLUMNS} "
                f"FROM ({aggregate_sql('(' + web_events_sql() + ')', narrow=fits_bigint(con))}) ORDER BY first_ts")
    con.execute("INSERT INTO meta VALUES ('sessions', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [f"{VERSION} {timezone}"])


def keys_sql(relation: str, timezone: str) -> str:
    """The session keys of a relation of events (customer_id, ts, touchpoint, session_id): what
    to rebuild after those events were added or removed. The day of an event without a session
    id is taken in the store's zone explicitly, because ingest reads files in their own zone."""
    zone = "'" + timezone.replace("'", "''") + "'"
    return (f"SELECT DISTINCT coalesce(session_id, customer_id || '~' || "
            f"CAST(CAST(timezone({zone}, ts) AS DATE) AS VARCHAR)) AS sid, session_id, "
            f"CASE WHEN session_id IS NULL THEN customer_id END AS customer_id "
            f"FROM {relation} WHERE touchpoint IN ({WEB})")


def refresh(con: duckdb.DuckDBPyConnection, keys: str) -> None:
    """Rebuild the sessions named in `keys` (a table from keys_sql) from the stored events."""
    con.execute(f"DELETE FROM sessions WHERE sid IN (SELECT sid FROM {keys})")
    # Find the events by their stored columns first (a hash lookup), then keep those whose
    # key is wanted: the key of every stored event would cost a string per event.
    where = (f"e.session_id IN (SELECT session_id FROM {keys} WHERE session_id IS NOT NULL) "
             f"OR (e.session_id IS NULL AND e.customer_id IN "
             f"(SELECT customer_id FROM {keys} WHERE session_id IS NULL))")
    con.execute(
        f"INSERT INTO sessions ({COLUMNS}) SELECT {COLUMNS} FROM "
        f"({aggregate_sql('(' + web_events_sql(where) + ')', having=f'sid IN (SELECT sid FROM {keys})', narrow=fits_bigint(con))})"
    )


def is_current(con: duckdb.DuckDBPyConnection, timezone: str) -> bool:
    """Whether the sessions table exists and was built by this version in this time zone."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'sessions' "
        "AND table_schema = current_schema() AND table_catalog = current_database()"
    ).fetchone()[0]  # type: ignore[index]
    if not exists:
        return False
    row = con.execute("SELECT value FROM meta WHERE key = 'sessions'").fetchone()
    return row is not None and row[0] == f"{VERSION} {timezone}"

