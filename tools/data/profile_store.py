"""The business profile kept in the journey store (the `meta` table), so it travels with the
data folder: a copy of journey.duckdb opened anywhere shows money in the same currency and cuts
days in the same zone.

The profile is stored as the keys someone set and where each came from (config, a recipe,
`journeybot profile set`, the data itself). Setting the order statuses re-maps the stored
orders' kinds from their raw statuses in the same transaction, so counts follow at once.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from tools.core.profile import ORDER_KINDS, BusinessProfile, normalize_status

KEY = "profile"


def load(con: duckdb.DuckDBPyConnection) -> BusinessProfile:
    """The stored profile (defaults for keys nobody set)."""
    body = stored_json(con)
    if not body:
        return BusinessProfile()
    data = json.loads(body)
    return BusinessProfile.build(data.get("values", {}), data.get("sources", {}))


def stored_json(con: duckdb.DuckDBPyConnection) -> str | None:
    """The stored profile as kept: the store compares it to notice another process's change."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
    return row[0] if row else None


def save(con: duckdb.DuckDBPyConnection, profile: BusinessProfile) -> None:
    body = json.dumps({"values": profile.stored(),
                       "sources": {k: v for k, v in profile.sources.items() if v != "default"}},
                      sort_keys=True, ensure_ascii=False)
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [KEY, body])


def apply(con: duckdb.DuckDBPyConnection, updates: dict[str, Any] | None, source: str) -> BusinessProfile:
    """Merge `updates` into the stored profile and keep the result; when the order statuses
    change, the stored orders' kinds follow. The caller holds the transaction."""
    before = load(con)
    if not updates:
        return before
    after = before.with_updates(updates, source)
    if after.stored() != before.stored() or after.sources != before.sources:
        save(con, after)
    old, new = before.vocabulary(), after.vocabulary()
    # a word the owner names moves even when its default kind is the same (an export may have
    # given it another kind at load: a recipe's order_kinds)
    named = {w for w, _ in _named(before) ^ _named(after)}
    changed = sorted(w for w in old.keys() | new.keys() if old.get(w) != new.get(w) or w in named)
    if changed:
        remap_orders(con, after, changed)
    return after


def _named(profile: BusinessProfile) -> set[tuple[str, str]]:
    return {(w, k) for k in ORDER_KINDS for w in getattr(profile.order_statuses, k)}


def status_case(profile: BusinessProfile, column: str) -> str:
    """SQL giving the kind of a normalised raw status in `column` (NULL for unknown words).
    Words are constants of the profile, validated as plain words, and quoted here."""
    by_kind: dict[str, list[str]] = {k: [] for k in ORDER_KINDS}
    for word, kind in profile.vocabulary().items():
        by_kind[kind].append(word)
    whens = " ".join(
        f"WHEN {column} IN ({', '.join(_lit(w) for w in sorted(words))}) THEN '{kind}'"
        for kind, words in by_kind.items() if words)
    return f"(CASE WHEN {column} IS NULL THEN 'completed' {whens} END)"


def remap_orders(con: duckdb.DuckDBPyConnection, profile: BusinessProfile, words: list[str] | None = None) -> None:
    """Give stored orders the kind their raw status has in `profile`: those whose word is in
    `words` (the words whose kind changed), else every order. Only the changed words move, so a
    kind an export gave its own word at load (a recipe's order_kinds: Shopify's
    partially_refunded is a sale) is not undone by an unrelated change to the profile. Orders
    whose raw word the profile no longer knows keep their kind."""
    only = "" if words is None else f" AND status_raw IN ({', '.join(_lit(w) for w in words)})"
    con.execute(f"UPDATE orders SET status = coalesce({status_case(profile, 'status_raw')}, status) "
                f"WHERE status_raw IS NOT NULL{only}")


def raw_statuses(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """(raw status, kind, orders) for every raw status stored, most orders first."""
    rows = con.execute(
        "SELECT coalesce(status_raw, '(none)'), coalesce(status, 'completed'), count(*) FROM orders "
        "GROUP BY ALL ORDER BY 3 DESC, 1").fetchall()
    return [(str(r), str(k), int(n)) for r, k, n in rows]


def _lit(word: str) -> str:
    return "'" + normalize_status(word).replace("'", "''") + "'"
