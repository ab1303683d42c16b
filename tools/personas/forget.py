"""Erasure in persona cards: quotes of a forgotten customer leave every draft and saved card.

Members (persona_draft_members, persona_saved_members) are rows with a customer_id and go with
the journey store's `delete_customer`; the cards are JSON documents holding up to two quotes
per pain point, each with its source ("survey S123") and the (clipped) text.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from tools.data.store import JourneyStore
from tools.personas.store import ensure_tables

_CARD_COLUMNS = (("persona_drafts", "card", ("conversation", "position")),
                 ("personas", "card", ("name", "version")),
                 ("persona_draft_state", "info", ("conversation",)))


def _is_theirs(quote: dict[str, Any], sources: Collection[str], texts: Collection[str]) -> bool:
    if quote.get("source") in sources:
        return True
    text = str(quote.get("text", "")).removesuffix("...").strip()
    return bool(text) and any(text in t or t in text for t in texts)


def _scrub(value: Any, sources: Collection[str], texts: Collection[str]) -> tuple[Any, int]:
    """The JSON value without the customer's quotes, and how many were removed."""
    if isinstance(value, list):
        kept, removed = [], 0
        for item in value:
            if isinstance(item, dict) and "text" in item and "source" in item and _is_theirs(item, sources, texts):
                removed += 1
                continue
            item, n = _scrub(item, sources, texts)
            kept.append(item)
            removed += n
        return kept, removed
    if isinstance(value, dict):
        out, removed = {}, 0
        for k, v in value.items():
            out[k], n = _scrub(v, sources, texts)
            removed += n
        return out, removed
    return value, 0


def forget_quotes(store: JourneyStore, record_ids: Collection[tuple[str, str]], texts: Collection[str]) -> int:
    """Remove the quotes of these records ((kind, id) such as ("survey", "S123")) or with these
    texts from every persona card, draft or saved; returns the number of quotes removed."""
    ensure_tables(store)
    sources = {f"{kind} {rid}" for kind, rid in record_ids}
    wanted = [t for t in texts if len(t.strip()) >= 12]
    removed = 0
    with store.connect() as con:
        con.begin()
        try:
            for table, column, key in _CARD_COLUMNS:
                rows = con.execute(f'SELECT {", ".join(key)}, "{column}" FROM "{table}" '
                                   f'WHERE "{column}" IS NOT NULL').fetchall()
                for row in rows:  # a handful of cards
                    card, n = _scrub(json.loads(row[-1]), sources, wanted)
                    if n:
                        where = " AND ".join(f'"{k}" = ?' for k in key)
                        con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}',
                                    [json.dumps(card), *row[:-1]])
                        removed += n
            con.commit()
        except Exception:
            con.rollback()
            raise
    return removed
