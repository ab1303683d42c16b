"""One customer erased from the journey store's file (what `journeybot forget` does to it).

Every journey table loses the customer's rows, and so does every other table of the file with
a customer_id column (persona members, predict scores, tables added later), in one
transaction; the sessions their web events were part of are rebuilt from what remains, and
the customer joins the erasure ledger, so later loads leave them out (tools/data/erased.py).
"""

from __future__ import annotations

import duckdb

from tools.data import erased, session_table
from tools.data.data_version import bump_data_version
from tools.data.schema import TABLES

# Derived tables: rebuilt or cleared below, not simply deleted from.
_DERIVED = ("sessions", "first_touch")


def delete_customer(con: duckdb.DuckDBPyConnection, customer_id: str, timezone: str) -> dict[str, int]:
    """Erase `customer_id` in one transaction on `con`; returns rows removed per table (tables
    with none are left out, except the journey tables)."""
    deleted: dict[str, int] = {}
    con.begin()
    try:
        keys = "jb_forget_sessions"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {keys} AS "
            + session_table.keys_sql("(SELECT * FROM events WHERE customer_id = $c)", timezone),
            {"c": customer_id},
        )
        others = [r[0] for r in con.execute(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
            "USING (table_catalog, table_schema, table_name) WHERE c.column_name = 'customer_id' "
            "AND t.table_type = 'BASE TABLE' AND c.table_catalog = current_database() "
            "AND c.table_schema = current_schema() ORDER BY 1"
        ).fetchall() if r[0] not in TABLES and r[0] not in _DERIVED]
        for t in (*TABLES, *others):
            n = con.execute(
                f'SELECT count(*) FROM "{t}" WHERE customer_id = ?', [customer_id]
            ).fetchone()[0]  # type: ignore[index]
            if n or t in TABLES:
                con.execute(f'DELETE FROM "{t}" WHERE customer_id = ?', [customer_id])
                deleted[t] = int(n)
        session_table.refresh(con, keys)
        con.execute(f"DROP TABLE {keys}")
        con.execute("DELETE FROM first_touch WHERE customer_id = ?", [customer_id])
        if any(deleted.values()):
            bump_data_version(con)
            # In the same transaction: no later load brings them back (tools/data/erased.py).
            erased.remember(con, customer_id)
        con.commit()
    except Exception:
        con.rollback()
        raise
    return deleted
