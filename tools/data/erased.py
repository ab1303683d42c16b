"""The erasure ledger: the people `journeybot forget` erased, kept out of every later load.

An owner's old export still holds an erased customer, and so does the vendor a source syncs
from; loading either again would bring the customer back. So the journey store keeps, in
the table `erased_people`, a salted SHA-256 of each erased customer id (never the id
itself), and every load (`journeybot ingest`, inbox, URL and API syncs: all go through
tools/data/ingest.py) leaves out the rows of those customers, and says so ("1 erased customer
left out"). Vendor exports keyed by email become customers under the key of the address
(tools/data/keys.py), so an erased email-keyed customer stays out too.

The salt is random per store and kept in its `meta` table: it makes the hashes useless
against another store and against precomputed tables; it does not make a short id secret
from whoever holds the file (nothing stored beside the hash could). The ledger lives in the
journey store so it travels with it (published versions, compaction, backups).
"""

from __future__ import annotations

import hashlib
import itertools
import secrets
from collections.abc import Iterable

import duckdb

TABLE = "erased_people"
_SALT_KEY = "erasure_salt"
_NAMES = itertools.count(1)
CREATE_SQL = f"CREATE TABLE IF NOT EXISTS {TABLE} (hash VARCHAR PRIMARY KEY, erased_at TIMESTAMPTZ)"


def remember(con: duckdb.DuckDBPyConnection, customer_id: str) -> None:
    """Inside the erasure's transaction: the customer joins the ledger (once)."""
    con.execute(CREATE_SQL)
    salt = _salt(con, create=True)
    con.execute(f"INSERT INTO {TABLE} (hash, erased_at) VALUES (sha256($s || $c), now()) ON CONFLICT (hash) DO NOTHING",
                {"s": salt, "c": customer_id})


def is_erased(con: duckdb.DuckDBPyConnection, customer_id: str) -> bool:
    salt = _salt(con)
    if salt is None or not _has_ledger(con):
        return False
    return con.execute(f"SELECT count(*) FROM {TABLE} WHERE hash = sha256($s || $c)",
                       {"s": salt, "c": customer_id}).fetchone()[0] > 0  # type: ignore[index]


def among(con: duckdb.DuckDBPyConnection, customer_ids: Iterable[str]) -> set[str]:
    """Which of these customer ids were erased (for loads that do not go through ingest: a
    text file indexed into the feedback store)."""
    salt = _salt(con)
    ids = sorted({str(c) for c in customer_ids if c is not None and str(c).strip()})
    if salt is None or not ids or not _has_ledger(con):
        return set()
    hashed = {hashlib.sha256((salt + c).encode("utf-8")).hexdigest(): c for c in ids}
    found = con.execute(f"SELECT hash FROM {TABLE} WHERE hash IN (SELECT unnest($h))", {"h": list(hashed)}).fetchall()
    return {hashed[h] for (h,) in found}


def leave_out(con: duckdb.DuckDBPyConnection, staged: str, *, materialised: bool) -> tuple[str, int, int]:
    """The rows of `staged` without erased customers: (relation, customers left out, rows left
    out). Each distinct customer id is hashed once; with nobody erased nothing is read."""
    salt = _salt(con)
    if salt is None or not _has_ledger(con) or not con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]:  # type: ignore[index]
        return staged, 0, 0
    found = temp_name("erased")
    con.execute(f"CREATE TEMP TABLE {found} AS SELECT customer_id FROM (SELECT DISTINCT customer_id FROM {staged} "
                f"WHERE customer_id IS NOT NULL) WHERE sha256($s || customer_id) IN (SELECT hash FROM {TABLE})",
                {"s": salt})
    people = con.execute(f"SELECT count(*) FROM {found}").fetchone()[0]  # type: ignore[index]
    if not people:
        return staged, 0, 0
    theirs = f"customer_id IN (SELECT customer_id FROM {found})"
    if materialised:
        rows = con.execute(f"SELECT count(*) FROM {staged} WHERE {theirs}").fetchone()[0]  # type: ignore[index]
        con.execute(f"DELETE FROM {staged} WHERE {theirs}")
        return staged, int(people), int(rows)
    rows = con.execute(f"SELECT count(*) FROM {staged} WHERE {theirs}").fetchone()[0]  # type: ignore[index]
    kept = temp_name("unerased")
    con.execute(f"CREATE TEMP VIEW {kept} AS SELECT * FROM {staged} WHERE customer_id IS NULL OR NOT ({theirs})")
    return kept, int(people), int(rows)


def temp_name(prefix: str) -> str:
    # Named like tools/data/context.temp_name ("_jb_..."), so a load's clean-up drops them too;
    # this module cannot import it (the store imports this module, and context the store).
    return f"_jb_{prefix}_e{next(_NAMES)}"


def _salt(con: duckdb.DuckDBPyConnection, *, create: bool = False) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [_SALT_KEY]).fetchone()
    if row is None and create:
        salt = secrets.token_hex(16)
        con.execute("INSERT INTO meta VALUES (?, ?)", [_SALT_KEY, salt])
        return salt
    return row[0] if row else None


def _has_ledger(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                            [TABLE]).fetchone()[0])  # type: ignore[index]
