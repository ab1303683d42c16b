"""A store made by an older journeybot had its newer columns added at the end (ALTER TABLE ADD
COLUMN), so its column order is not the schema's. Rows are written by column name: before, an
ingest into such a store put the file name into a timestamp column and failed (found on the
1M-event benchmark store built in an earlier phase)."""

from __future__ import annotations

from tools.data.ingest import ingest_file
from tools.data.schema import TABLES


def _as_if_upgraded(store, table: str, moved: list[str]) -> None:
    """Rebuild `table` with `moved` columns last, as older stores have them (the 1M benchmark
    store of phase D has orders .., products, source, categories, promised_at, ...)."""
    cols = [c for c in TABLES[table].column_names if c not in moved] + moved
    with store.connect() as con:
        con.execute(f"CREATE TABLE old_{table} AS SELECT {', '.join(cols)} FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE old_{table} RENAME TO {table}")


def test_rows_land_in_their_named_columns_in_an_upgraded_store(store, tmp_path):
    (tmp_path / "customers.csv").write_text("customer_id,city\nA,Bath\nB,Bristol\n")
    ingest_file(store, "customers", tmp_path / "customers.csv")
    _as_if_upgraded(store, "orders", ["categories", "promised_at", "delivered_at", "currency", "status_raw"])
    orders = tmp_path / "orders.csv"
    orders.write_text("order_id,customer_id,ts,amount,status\nO1,A,2026-05-04 10:00,20.00,completed\n")
    assert ingest_file(store, "orders", orders).inserted == 1
    # and again with a new row and a changed one (the other two writing paths)
    orders.write_text("order_id,customer_id,ts,amount,status\nO1,A,2026-05-04 10:00,25.00,completed\n"
                      "O2,B,2026-05-05 11:00,12.00,completed\n")
    ingest_file(store, "orders", orders)
    rows = store.query("SELECT order_id, customer_id, amount, status, source FROM orders ORDER BY 1")
    assert [tuple(r) for r in rows.itertuples(index=False)] == [("O1", "A", 25.0, "completed", "orders.csv"), ("O2", "B", 12.0, "completed", "orders.csv")]
