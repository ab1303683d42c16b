"""The journey store's tables as this version makes them: whether a store is up to date, and
bringing one made by an older version up to it (tools/data/store_open.py calls both on open).

Checking reads the catalogue and one meta row; only a store that is not current is written to,
so opening a current store for a reading command changes nothing in the file.
"""

from __future__ import annotations

import duckdb

from tools.data.schema import TABLES, create_table_sql

# 2: orders keep their raw status (status_raw) and 'refunded' became 'returned'.
SCHEMA_VERSION = 2

_META_SQL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS ingest_log (
        loaded_at TIMESTAMPTZ, "table" VARCHAR, file VARCHAR, mapping VARCHAR, file_bytes BIGINT,
        rows_read BIGINT, inserted BIGINT, updated BIGINT, unchanged BIGINT, skipped BIGINT,
        seconds DOUBLE)""",
]


def _columns(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """(table, column) of every table of the store (duckdb_columns(): the information_schema
    view over it costs several times more)."""
    return {(t, c) for t, c in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE schema_name = current_schema() AND database_name = current_database()").fetchall()}


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has every table and column of this version and says so in meta."""
    need = {("meta", "key"), ("meta", "value"), ("ingest_log", "loaded_at")}
    need |= {(t.name, c.name) for t in TABLES.values() for c in t.columns}
    if not need <= _columns(con):
        return False
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row is not None and row[0] == str(SCHEMA_VERSION)


def _migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a store made by an older version up to the current tables: columns added since
    (orders.currency, orders.status_raw) are added, empty, and orders marked 'refunded' are
    'returned' now."""
    have = _columns(con)
    for t in TABLES.values():
        for c in t.columns:
            if (t.name, c.name) not in have:
                con.execute(f'ALTER TABLE "{t.name}" ADD COLUMN "{c.name}" {c.sql_type}')
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row and int(row[0]) < 2:
        con.execute("UPDATE orders SET status_raw = status WHERE status_raw IS NULL AND status IS NOT NULL")
        con.execute("UPDATE orders SET status = 'returned' WHERE status = 'refunded'")


def bring_up_to_date(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables missing, add the columns added since, and record this version (the
    caller holds the transaction)."""
    for sql in _META_SQL:
        con.execute(sql)
    for t in TABLES.values():
        con.execute(create_table_sql(t))
    _migrate(con)
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [str(SCHEMA_VERSION)],
    )
