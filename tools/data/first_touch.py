"""The first_touch table: each customer's first event, kept next to the events by ingest.

Time to first purchase needs, for every first-time buyer, their earliest event: at 10M events
that grouping of every event by customer was most of the cost of the order KPIs, on every call.
Ingest keeps it per customer inside the same transaction as the events (and rebuilds the rows
of the customers a load touched from the stored events), so it is always what a full rebuild
would give; forgetting a customer removes their row.
"""

from __future__ import annotations

import duckdb

VERSION = "1"

CREATE_SQL = """CREATE TABLE first_touch (
    customer_id VARCHAR,
    first_ts TIMESTAMPTZ    -- the customer's earliest event
)"""


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    # Made again rather than emptied, so a table of another version's shape does not stay.
    con.execute("DROP TABLE IF EXISTS first_touch")
    con.execute(CREATE_SQL)
    con.execute("INSERT INTO first_touch (customer_id, first_ts) SELECT customer_id, min(ts) FROM events "
                "GROUP BY customer_id")
    con.execute("INSERT INTO meta VALUES ('first_touch', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [VERSION])


def customers_sql(relation: str) -> str:
    """The customers of a relation of events: whose rows to rebuild."""
    return f"SELECT DISTINCT customer_id FROM {relation}"


def refresh(con: duckdb.DuckDBPyConnection, customers: str) -> None:
    """Rebuild the rows of the customers in `customers` (a table from customers_sql)."""
    con.execute(f"DELETE FROM first_touch WHERE customer_id IN (SELECT customer_id FROM {customers})")
    con.execute(
        f"INSERT INTO first_touch (customer_id, first_ts) SELECT customer_id, min(ts) FROM events "
        f"WHERE customer_id IN (SELECT customer_id FROM {customers}) GROUP BY customer_id"
    )


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT value FROM meta WHERE key = 'first_touch'").fetchone()
    if row is None or row[0] != VERSION:
        return False
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'first_touch' "
        "AND table_schema = current_schema() AND table_catalog = current_database()"
    ).fetchone()[0])  # type: ignore[index]
