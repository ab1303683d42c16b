"""Operational state shared by the Slack app and the scheduler: claims on Slack event ids and
run keys, in the operational database (<data folder>/state.sqlite, or PostgreSQL with
`[state] url`; see tools/core/opsdb.py).

The one primitive everything builds on is `claim`: an atomic insert-if-absent that tells
exactly one caller "this is yours" (a Slack event to answer, a digest run to post), across
threads, processes and, with PostgreSQL, machines: the primary key decides, inside one
transaction, so two instances racing on one key cannot both win.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Column, Float, MetaData, String, Table, text

from tools.core.opsdb import OpsDB, as_db

METADATA = MetaData()
CLAIMS = Table(
    "claims", METADATA,
    Column("kind", String, primary_key=True),
    Column("key", String, primary_key=True),
    Column("owner", String),
    Column("claimed_at", Float),
)


class StateStore:
    """Claims in the operational database. `where`: an OpsDB, a database URL, a SQLite file
    path, or None (in memory, for tests)."""

    def __init__(self, where: OpsDB | Path | str | None):
        self.db = as_db(where)
        self.db.create(METADATA)

    @property
    def path(self) -> str:
        """Where the state lives (the URL; for a SQLite file, what opens the same file)."""
        return self.db.url

    def claim(self, kind: str, key: str, owner: str = "") -> bool:
        """True for exactly one caller per (kind, key), across threads, processes and instances."""
        with self.db.write() as con:
            cur = con.execute(
                text("INSERT INTO claims (kind, key, owner, claimed_at) VALUES (:kind, :key, :owner, :at) "
                     "ON CONFLICT (kind, key) DO NOTHING"),
                {"kind": kind, "key": key, "owner": owner, "at": time.time()})
        return cur.rowcount == 1

    def owner(self, kind: str, key: str) -> str | None:
        """Who claimed (kind, key), or None when nobody has."""
        with self.db.read() as con:
            return con.execute(text("SELECT owner FROM claims WHERE kind = :kind AND key = :key"),
                               {"kind": kind, "key": key}).scalar()

    def forget_claims_older_than(self, kind: str, seconds: float) -> int:
        with self.db.write() as con:
            cur = con.execute(text("DELETE FROM claims WHERE kind = :kind AND claimed_at < :t"),
                              {"kind": kind, "t": time.time() - seconds})
        return cur.rowcount
