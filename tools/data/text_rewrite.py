"""Rewriting the stored survey and ticket texts in place with a redactor: the names the store
learnt after the texts were loaded (tools/data/people.py) and rules added after they were
redacted (tools/data/stored_redaction.py) both come down to this one pass."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

# (texts, their customers) -> the texts redacted
Redactor = Callable[[pd.Series, pd.Series], pd.Series]


def rewrite_free_texts(con: duckdb.DuckDBPyConnection, redact: Redactor, screen: str | None = None) -> int:
    """Run `redact` over every free-text column of surveys and tickets (only the rows whose text
    matches the SQL regex `screen`, when given) and write back the texts it changed. Returns how
    many texts changed."""
    from tools.data.schema import TABLES

    changed = 0
    for table in ("surveys", "tickets"):
        t = TABLES[table]
        key = t.key[0]
        for col in (c.name for c in t.columns if c.free_text):
            where = f'"{col}" IS NOT NULL' + (f' AND regexp_matches("{col}", ?)' if screen else "")
            frame = con.execute(f'SELECT "{key}" AS k, "{col}" AS v, customer_id AS c FROM "{table}" WHERE {where}',
                                [screen] if screen else []).df()
            if frame.empty:
                continue
            frame["r"] = redact(frame["v"].astype(object), frame["c"])
            frame = frame.loc[frame["r"] != frame["v"], ["k", "r"]]
            if frame.empty:
                continue
            con.register("_jb_rewritten", frame)
            try:
                con.execute(f'UPDATE "{table}" SET "{col}" = p.r FROM _jb_rewritten p WHERE "{table}"."{key}" = p.k')
            finally:
                con.unregister("_jb_rewritten")
            changed += len(frame)
    return changed
