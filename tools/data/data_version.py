"""The data version: a counter in the store's `meta` table that every write to the journey
tables bumps inside its own transaction (ingest, sync, erasure). A published version carries
it along, as the whole file is copied. Results computed from the store are cached under it
(tools/data/cache.py) and saved for other processes under it (tools/data/saved_results.py),
so new data makes them stale.
"""

from __future__ import annotations

import duckdb

DATA_VERSION_KEY = "data_version"
# The digest's inputs saved for other processes (tools/data/saved_results.py takes the name
# from here): named here so that a new data version drops them.
SAVED_RESULTS_TABLE = "saved_results"


def data_version_on(con: duckdb.DuckDBPyConnection) -> int:
    """The counter as this connection sees it (0: never written)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [DATA_VERSION_KEY]).fetchone()
    return int(row[0]) if row is not None and row[0] is not None else 0


def bump_data_version(con: duckdb.DuckDBPyConnection) -> None:
    """Inside the transaction of a write to the journey tables: results cached under the
    previous version are stale from its commit on, and the results saved for other processes
    (tools/data/saved_results.py) go with the same commit. Stale rows are never read (they
    name their version), but an erasure must leave nothing computed from the erased customer's
    rows, even in aggregate: with the rows deleted here, the compaction that follows it
    (tools/data/compact.py) rewrites the file without them."""
    con.execute(
        "INSERT INTO meta VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS VARCHAR)", [DATA_VERSION_KEY])
    # Checked first: a failed statement would abort the caller's transaction. DELETE, not
    # DROP: a digest on another thread of this process may be reading the table meanwhile.
    if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = current_schema() "
                   "AND database_name = current_database()", [SAVED_RESULTS_TABLE]).fetchone()[0]:  # type: ignore[index]
        con.execute(f"DELETE FROM {SAVED_RESULTS_TABLE}")
