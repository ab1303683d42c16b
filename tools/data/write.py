"""Writing checked rows into the journey tables, and keeping the derived tables in step.

Rows with a key (orders, surveys, tickets, customers) replace the stored row with the same key
only when something changed; events, which have no id in most exports, are added only when no
stored event has the same customer, time, touchpoint and session. The sessions and first_touch
tables are rebuilt for what the events of the call changed, before the call commits.
"""

from __future__ import annotations

import duckdb

from tools.data import first_touch, session_table
from tools.data.checks import check_written
from tools.data.context import LoadContext, ident, lit, temp_name
from tools.data.staging import Staged


class SessionUpdate:
    """Which sessions (and customers' first events) the loads of one call changed; rebuilt
    before the call commits, so the sessions and first_touch tables move with the events (and
    roll back with them)."""

    def __init__(self) -> None:
        self.everything = False
        self.keys: str | None = None
        self.customers: str | None = None

    def add(self, con: duckdb.DuckDBPyConnection, staged: str, timezone: str) -> None:
        if self.everything:
            return
        if self.keys is None:
            self.keys, self.customers = temp_name("sesskeys"), temp_name("firstcust")
            con.execute(f"CREATE TEMP TABLE {self.keys} AS {session_table.keys_sql(staged, timezone)}")
            con.execute(f"CREATE TEMP TABLE {self.customers} AS {first_touch.customers_sql(staged)}")
        else:
            con.execute(f"INSERT INTO {self.keys} {session_table.keys_sql(staged, timezone)}")
            con.execute(f"INSERT INTO {self.customers} {first_touch.customers_sql(staged)}")

    def apply(self, con: duckdb.DuckDBPyConnection, timezone: str) -> None:
        if self.everything:
            # A first load: one grouping of all events beats looking up every key.
            session_table.rebuild(con, timezone)
            first_touch.rebuild(con)
        elif self.keys is not None and self.customers is not None:
            session_table.refresh(con, self.keys)
            first_touch.refresh(con, self.customers)


def first_write(ctx: LoadContext, base: Staged, sessions: SessionUpdate, *, streaming: bool) -> int | None:
    """A plain streaming load into an empty events table: the rows written first and checked
    after, in one read of the file (check_written); how many, or None when this load is not
    one of those or a row breaks a rule. Then the table is empty again, as it was, and the
    usual checks run and report the problems before anything else is written. Either way the
    load's transaction holds it all, so a failure later still leaves the store as it was."""
    t = ctx.t
    if not streaming or not base.plain or t.replace_on_key or t.checks_customer:
        return None
    if ctx.con.execute(f"SELECT count(*) FROM {ident(t.name)}").fetchone() != (0,):
        return None  # a later load compares with the stored rows (upsert)
    cols = ", ".join(ident(c) for c in t.column_names)
    with ctx.watch("writing"):
        n = int(ctx.con.execute(
            f"INSERT INTO {ident(t.name)} ({cols}) SELECT {cols} FROM {base.relation}").fetchone()[0])  # type: ignore[index]
    if not check_written(ctx, base, t.name):
        ctx.con.execute(f"DELETE FROM {ident(t.name)}")
        return None
    if t.name == "events" and n:
        sessions.everything = True
    return n


def rows_to_write(ctx: LoadContext, staged: str, *, materialised: bool) -> str:
    """The rows to write: filtered and skipped rows left out."""
    if materialised:
        ctx.con.execute(f"DELETE FROM {staged} WHERE NOT _keep OR _skip")
        return staged
    kept = temp_name("kept")
    ctx.con.execute(f"CREATE TEMP VIEW {kept} AS SELECT * FROM {staged} WHERE _keep AND NOT _skip")
    return kept


def create_customers(ctx: LoadContext, staged: str) -> int:
    """With unknown_customers = "create", add bare customers for ids not known yet (the
    "error" case is one of the checks)."""
    if not ctx.t.checks_customer or ctx.m.unknown_customers != "create" or ctx.problems.total:
        return 0
    time_col = ident(ctx.t.time_column or "ts")
    n = ctx.con.execute(
        f"INSERT INTO customers (customer_id, first_seen, source) "
        f"SELECT customer_id, min({time_col}), {lit('created by ' + (ctx.m.name or ctx.path.name))} "
        f"FROM {staged} WHERE customer_id IS NOT NULL "
        f"AND customer_id NOT IN (SELECT customer_id FROM customers) GROUP BY customer_id"
    ).fetchone()[0]  # type: ignore[index]
    return int(n)


def upsert(ctx: LoadContext, staged: str, total: int, sessions: SessionUpdate) -> tuple[int, int, int]:
    """Write the staged rows; (inserted, updated, unchanged)."""
    t = ctx.t
    # Named, not by position: a store made by an older version had its newer columns added at
    # the end (tools/data/schema_version.py), so its order is not the schema's.
    cols = ", ".join(ident(c) for c in t.column_names)
    if t.replace_on_key:  # dedupe may have removed rows since they were counted
        total = int(ctx.con.execute(f"SELECT count(*) FROM {staged}").fetchone()[0])  # type: ignore[index]
    existing = int(ctx.con.execute(f"SELECT count(*) FROM {ident(t.name)}").fetchone()[0])  # type: ignore[index]
    with ctx.watch("writing"):
        if existing == 0:
            n = ctx.con.execute(f"INSERT INTO {ident(t.name)} ({cols}) SELECT {cols} FROM {staged}").fetchone()[0]  # type: ignore[index]
            if t.name == "events" and n:
                sessions.everything = True
            return int(n), 0, 0
        if not t.replace_on_key:
            same = " AND ".join(
                f"e.{ident(k)} IS NOT DISTINCT FROM s.{ident(k)}" for k in t.key
            )
            n = ctx.con.execute(
                f"INSERT INTO {ident(t.name)} ({cols}) SELECT {', '.join('s.' + ident(c) for c in t.column_names)} "
                f"FROM {staged} s WHERE NOT EXISTS (SELECT 1 FROM {ident(t.name)} e WHERE {same})"
            ).fetchone()[0]  # type: ignore[index]
            if t.name == "events" and n:
                # Every session of the file, not only of the new rows: rebuilding a session
                # whose events did not change gives the same row, and the new rows cannot be
                # told from the old ones once inserted.
                sessions.add(ctx.con, staged, ctx.store.timezone)
            return int(n), 0, total - int(n)
        on = " AND ".join(f"e.{ident(k)} = s.{ident(k)}" for k in t.key)
        differs = " OR ".join(
            f"e.{ident(c)} IS DISTINCT FROM s.{ident(c)}"
            for c in t.column_names if c not in t.key and c != "source"
        )
        changed = temp_name("chg")
        ctx.con.execute(
            f"CREATE TEMP TABLE {changed} AS SELECT {', '.join('s.' + ident(k) for k in t.key)} "
            f"FROM {staged} s JOIN {ident(t.name)} e ON {on} WHERE {differs}"
        )
        matched = int(ctx.con.execute(
            f"SELECT count(*) FROM {staged} s WHERE EXISTS "
            f"(SELECT 1 FROM {ident(t.name)} e WHERE {on})"
        ).fetchone()[0])  # type: ignore[index]
        updated = int(ctx.con.execute(f"SELECT count(*) FROM {changed}").fetchone()[0])  # type: ignore[index]
        key_list = ", ".join(ident(k) for k in t.key)
        ctx.con.execute(
            f"DELETE FROM {ident(t.name)} WHERE ({key_list}) IN (SELECT ({key_list}) FROM {changed})"
            if len(t.key) > 1 else
            f"DELETE FROM {ident(t.name)} WHERE {key_list} IN (SELECT {key_list} FROM {changed})"
        )
        ctx.con.execute(
            f"INSERT INTO {ident(t.name)} ({cols}) SELECT {', '.join('s.' + ident(c) for c in t.column_names)} "
            f"FROM {staged} s WHERE NOT EXISTS (SELECT 1 FROM {ident(t.name)} e WHERE {on})"
        )
        return total - matched, updated, matched - updated
