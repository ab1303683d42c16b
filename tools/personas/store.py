"""Where personas live in the journey database: drafts per conversation, saved versions, and
the `persona_members` view every analysis filters by.

- `persona_drafts` / `persona_draft_members`: the cards being drafted in one conversation (a
  Slack thread, the terminal), by position 1..n, so a thread can go on after a restart.
- `persona_draft_state`: which card "her" / "it" means in that conversation: the first (most
  revenue) right after a draft, then the one last edited.
- `personas` / `persona_saved_members`: every saved version (name, version 1, 2, ...); saving
  a name again adds a version.
- `persona_members(persona, customer_id)`: the latest saved version of each persona. Filters
  (`Filters.persona`) and breakdowns use only this view.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pandas as pd

from tools.data.store import JourneyStore

DDL = (
    """CREATE TABLE IF NOT EXISTS persona_drafts (
        conversation VARCHAR, position INTEGER, card VARCHAR, updated_at TIMESTAMPTZ,
        PRIMARY KEY (conversation, position))""",
    "CREATE TABLE IF NOT EXISTS persona_draft_members (conversation VARCHAR, position INTEGER, customer_id VARCHAR)",
    """CREATE TABLE IF NOT EXISTS persona_draft_state (
        conversation VARCHAR PRIMARY KEY, focus INTEGER, info VARCHAR, updated_at TIMESTAMPTZ)""",
    """CREATE TABLE IF NOT EXISTS personas (
        name VARCHAR, version INTEGER, saved_at TIMESTAMPTZ, conversation VARCHAR, card VARCHAR,
        PRIMARY KEY (name, version))""",
    "CREATE TABLE IF NOT EXISTS persona_saved_members (name VARCHAR, version INTEGER, customer_id VARCHAR)",
    """CREATE OR REPLACE VIEW persona_members AS
        SELECT m.name AS persona, m.customer_id
        FROM persona_saved_members m
        JOIN (SELECT name, max(version) AS version FROM personas GROUP BY name) latest
          ON m.name = latest.name AND m.version = latest.version""",
)

DRAFT_MEMBERS_SQL = "SELECT customer_id FROM persona_draft_members WHERE conversation = ? AND position = ?"
SAVED_MEMBERS_SQL = "SELECT customer_id FROM persona_saved_members WHERE name = ? AND version = ?"


def ensure_tables(store: JourneyStore) -> None:
    with store.connect() as con:
        for sql in DDL:
            con.execute(sql)


def write_draft(store: JourneyStore, conversation: str, cards: list[dict[str, Any]],
                members: pd.DataFrame, info: dict[str, Any]) -> None:
    """Replace the conversation's draft: cards by position (1..n) and members as a frame of
    (position, customer_id)."""
    ensure_tables(store)
    with store.connect() as con:
        con.begin()
        try:
            _clear(con, conversation)
            for position, card in enumerate(cards, start=1):
                con.execute("INSERT INTO persona_drafts (conversation, position, card, updated_at) VALUES (?, ?, ?, now())",
                            [conversation, position, json.dumps(card)])
            con.register("new_members", members[["position", "customer_id"]])
            con.execute("INSERT INTO persona_draft_members (conversation, position, customer_id) "
                        "SELECT ?, position, customer_id FROM new_members",
                        [conversation])
            con.unregister("new_members")
            con.execute("INSERT INTO persona_draft_state (conversation, focus, info, updated_at) VALUES (?, ?, ?, now())",
                        [conversation, 1 if cards else None, json.dumps(info)])
            con.commit()
        except Exception:
            con.rollback()
            raise


def _clear(con: duckdb.DuckDBPyConnection, conversation: str) -> None:
    for table in ("persona_drafts", "persona_draft_members", "persona_draft_state"):
        con.execute(f"DELETE FROM {table} WHERE conversation = ?", [conversation])


def read_draft(store: JourneyStore, conversation: str) -> tuple[list[dict[str, Any]], int | None, dict[str, Any]]:
    """(cards by position, the position in focus, info) of a conversation; empty if none."""
    ensure_tables(store)
    cards = store.query("SELECT card FROM persona_drafts WHERE conversation = ? ORDER BY position",
                        [conversation])
    state = store.query("SELECT focus, info FROM persona_draft_state WHERE conversation = ?", [conversation])
    focus = int(state["focus"].iloc[0]) if not state.empty and pd.notna(state["focus"].iloc[0]) else None
    info = json.loads(state["info"].iloc[0]) if not state.empty and state["info"].iloc[0] else {}
    return [json.loads(c) for c in cards["card"]], focus, info


def update_card(con: duckdb.DuckDBPyConnection, conversation: str, position: int, card: dict[str, Any]) -> None:
    con.execute("UPDATE persona_drafts SET card = ?, updated_at = now() WHERE conversation = ? AND position = ?",
                [json.dumps(card), conversation, position])


def set_focus(con: duckdb.DuckDBPyConnection, conversation: str, position: int) -> None:
    con.execute("UPDATE persona_draft_state SET focus = ?, updated_at = now() WHERE conversation = ?",
                [position, conversation])


def merge_members(con: duckdb.DuckDBPyConnection, conversation: str, keep: int, drop: int) -> None:
    """Members of `drop` join `keep` (once each); later positions move up by one."""
    con.execute("""INSERT INTO persona_draft_members (conversation, position, customer_id)
                   SELECT ?, ?, customer_id FROM persona_draft_members
                   WHERE conversation = ? AND position = ?
                     AND customer_id NOT IN (SELECT customer_id FROM persona_draft_members
                                             WHERE conversation = ? AND position = ?)""",
                [conversation, keep, conversation, drop, conversation, keep])
    con.execute("DELETE FROM persona_draft_members WHERE conversation = ? AND position = ?", [conversation, drop])
    con.execute("DELETE FROM persona_drafts WHERE conversation = ? AND position = ?", [conversation, drop])
    for table in ("persona_draft_members", "persona_drafts"):
        con.execute(f"UPDATE {table} SET position = position - 1 WHERE conversation = ? AND position > ?",
                    [conversation, drop])


def keep_members(con: duckdb.DuckDBPyConnection, conversation: str, position: int,
                 cohort_sql: str, params: list[Any]) -> None:
    """Keep only the members of a draft card that the cohort subquery selects."""
    con.execute(f"""DELETE FROM persona_draft_members WHERE conversation = ? AND position = ?
                    AND customer_id NOT IN ({cohort_sql})""", [conversation, position, *params])


def replace_members(con: duckdb.DuckDBPyConnection, conversation: str, position: int,
                    cohort_sql: str, params: list[Any]) -> None:
    """Make a draft card's members exactly the customers the cohort subquery selects."""
    con.execute("DELETE FROM persona_draft_members WHERE conversation = ? AND position = ?",
                [conversation, position])
    con.execute(f"""INSERT INTO persona_draft_members (conversation, position, customer_id)
                    SELECT DISTINCT ?, ?, customer_id FROM ({cohort_sql}) c""", [conversation, position, *params])


def save_version(store: JourneyStore, name: str, card: dict[str, Any], conversation: str, position: int) -> int:
    """Save a draft card under `name` as its next version; returns the version number."""
    ensure_tables(store)
    with store.connect() as con:
        con.begin()
        try:
            version = int(con.execute("SELECT coalesce(max(version), 0) + 1 FROM personas WHERE name = ?",
                                      [name]).fetchone()[0])  # type: ignore[index]
            con.execute("INSERT INTO personas (name, version, saved_at, conversation, card) VALUES (?, ?, now(), ?, ?)",
                        [name, version, conversation, json.dumps(card)])
            con.execute("INSERT INTO persona_saved_members (name, version, customer_id) "
                        f"SELECT ?, ?, customer_id FROM ({DRAFT_MEMBERS_SQL})",
                        [name, version, conversation, position])
            con.commit()
        except Exception:
            con.rollback()
            raise
    return version


def saved_name(store: JourneyStore, wanted: str) -> str | None:
    """The stored spelling of a saved persona's name (names match case-insensitively)."""
    ensure_tables(store)
    return store.scalar("SELECT name FROM personas WHERE lower(name) = lower(?) LIMIT 1", [wanted.strip()])


def saved_list(store: JourneyStore) -> pd.DataFrame:
    """One row per saved persona: name, latest version, versions, saved_at, members, card."""
    ensure_tables(store)
    return store.query("""
        SELECT p.name, p.version, v.versions, p.saved_at, p.card,
               (SELECT count(*) FROM persona_saved_members m WHERE m.name = p.name AND m.version = p.version) AS members
        FROM personas p
        JOIN (SELECT name, max(version) AS version, count(*) AS versions FROM personas GROUP BY name) v
          ON p.name = v.name AND p.version = v.version
        ORDER BY p.saved_at, p.name""")


def saved_card(store: JourneyStore, name: str, version: int | None = None) -> tuple[dict[str, Any], int] | None:
    ensure_tables(store)
    df = store.query(
        "SELECT card, version FROM personas WHERE name = ? AND (? IS NULL OR version = ?) "
        "ORDER BY version DESC LIMIT 1", [name, version, version])
    if df.empty:
        return None
    return json.loads(df["card"].iloc[0]), int(df["version"].iloc[0])


def versions(store: JourneyStore, name: str) -> list[int]:
    ensure_tables(store)
    df = store.query("SELECT version FROM personas WHERE name = ? ORDER BY version", [name])
    return [int(v) for v in df["version"]]
