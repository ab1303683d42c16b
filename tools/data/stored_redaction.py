"""Stored survey and ticket texts redacted again when the redaction rules grow.

Texts are redacted as they are loaded (tools/data/staging.py), so a rule added later ("Regards,
Priya S.", "I'm Maria" at the end of a message) would leave the names in texts loaded before it
until they were loaded again. The store remembers which rules its texts were redacted by; on
the first open after they change, the stored texts that the screen says may hold something are
redacted once more, in place. The feedback store follows at its next index run, as for any
changed text (its quotes are redacted again on the way out meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

# Bumped when tools/core/pii.py redacts more: stores redacted by an older version are redone.
# 2: names a message ends on, after a sign-off or a bare "I am" (tools/core/pii_signoff.py).
# 3: Brazilian CPFs and phone numbers (tools/core/pii_br.py), Portuguese sign-offs ("Att,").
# 4: gamer tags and account names given away, quoted tweets' @handles (tools/core/pii_handles.py).
VERSION = "4"
KEY = "redaction"


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
    return row is not None and row[0] == VERSION


def redo(con: duckdb.DuckDBPyConnection) -> int:
    """Redact the stored texts again by the current rules, mark the store as redacted by them,
    and return how many texts changed (the caller bumps the data version when any did)."""
    from tools.core.pii import SQL_SCREEN, redact_series  # pandas only when there is work to do
    from tools.data.text_rewrite import rewrite_free_texts

    changed = rewrite_free_texts(con, lambda texts, customers: redact_series(texts, None, customers), SQL_SCREEN)
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [KEY, VERSION])
    return changed


def bring_up_to_date(con: duckdb.DuckDBPyConnection, bump: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """On opening a store (inside the transaction that sets its schema up): when its texts were
    redacted by older rules, redo them, calling `bump` (the store's data version) when any changed."""
    if not is_current(con) and redo(con):
        bump(con)
