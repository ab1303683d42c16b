"""What an export says about the business, noted while it is loaded: the UTC offsets its
timestamps carry (or that they carry none and were read in the business zone), the money
symbols or codes and decimal commas in its amounts. `journeybot describe` turns these notes into
suggestions for the business profile (tools/analytics/profile_hints.py); nothing here changes
what is loaded.

Only text columns are looked at (typed Parquet values carry no symbols), and only the first
rows of a file: a suggestion needs a few thousand values, not ten million.
"""

from __future__ import annotations

import duckdb

from tools.data.context import LoadContext, ident, lit

SAMPLE_ROWS = 20_000

CREATE_SQL = """CREATE TABLE IF NOT EXISTS ingest_hints (
    loaded_at TIMESTAMPTZ, "table" VARCHAR, file VARCHAR, "column" VARCHAR,
    kind VARCHAR,      -- offset | no_offset | money_sign | decimal_comma
    value VARCHAR,     -- offset: '-03:00 2018-10-01' (the offset and the first day it was seen on);
                       -- no_offset: the zone they were read in; money_sign: 'R$', 'EUR'; decimal_comma: 'yes' 
    rows BIGINT        -- how many of the sampled values
)"""

_OFFSET = r"(Z|UTC|GMT|[+-][0-9]{2}:?[0-9]{2})$"
# A sign or code before or after the number: R$ 12,50 / 12,50 € / EUR 12.50 / 12.50 USD
_SIGN_BEFORE = r"^-?\s*([A-Z]{3}|[A-Z]{0,2}\$|[£€¥₹₩₽₺₪₫฿]|kr|zł)"
_SIGN_AFTER = r"([A-Z]{3}|[£€¥₹₩₽₺₪₫฿$]|kr|zł)$"
DECIMAL_COMMA = "^[^0-9,.]*-?[0-9]+([. \u00a0\u202f][0-9]{3})*,[0-9]{1,2}[^0-9,.]*$"


def record(ctx: LoadContext, raw_view: str) -> None:
    """Note the offsets, money signs and decimal commas of this load's text columns (a file
    loaded again replaces its notes)."""
    raw_types = {str(r[0]): str(r[1]) for r in ctx.con.execute(f"DESCRIBE {raw_view}").fetchall()}
    parts: list[str] = []
    for col in ctx.t.columns:
        key = "r_" + col.name
        if not raw_types.get(key, "").upper().startswith("VARCHAR"):
            continue
        v = f"trim(CAST({ident(key)} AS VARCHAR))"
        if col.kind == "timestamp":
            found = f"regexp_extract({v}, {lit(_OFFSET)}, 1)"
            # An offset is judged against the zone on the day it was written (summer or winter).
            parts.append(
                f"SELECT col, kind, value || CASE WHEN kind = 'offset' THEN ' ' || min(d) ELSE '' END AS value, count(*) AS n "
                f"FROM (SELECT {lit(col.name)} AS col, "
                f"CASE WHEN {found} = '' THEN 'no_offset' ELSE 'offset' END AS kind, "
                f"CASE WHEN {found} = '' THEN {lit(ctx.tz)} ELSE {found} END AS value, left({v}, 10) AS d "
                f"FROM sample WHERE {ident(key)} IS NOT NULL AND {v} <> '') GROUP BY col, kind, value")
        elif col.kind == "float":
            sign = f"coalesce(nullif(regexp_extract({v}, {lit(_SIGN_BEFORE)}, 1), ''), " \
                   f"nullif(regexp_extract({v}, {lit(_SIGN_AFTER)}, 1), ''))"
            parts.append(
                f"SELECT {lit(col.name)} AS col, 'money_sign' AS kind, {sign} AS value, count(*) AS n FROM sample "
                f"WHERE {sign} IS NOT NULL GROUP BY ALL")
            parts.append(
                f"SELECT {lit(col.name)}, 'decimal_comma', 'yes', count(*) FROM sample "
                f"WHERE regexp_matches({v}, {lit(DECIMAL_COMMA)}) HAVING count(*) > 0")
    if not parts:
        return
    ctx.con.execute(CREATE_SQL)
    ctx.con.execute('DELETE FROM ingest_hints WHERE "table" = ? AND file = ?', [ctx.t.name, ctx.file])
    ctx.con.execute(
        f"INSERT INTO ingest_hints (loaded_at, \"table\", file, \"column\", kind, value, rows) "
        f"WITH sample AS (SELECT * FROM {raw_view} LIMIT {SAMPLE_ROWS}) "
        f"SELECT now(), {lit(ctx.t.name)}, {lit(ctx.file)}, col, kind, value, n FROM ("
        + " UNION ALL ".join(parts) + ")")


def read(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str, str, int]]:
    """(table, file, column, kind, value, rows) of every load, most rows first."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ingest_hints'"
                         ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = con.execute('SELECT "table", file, "column", kind, value, sum(rows) FROM ingest_hints '
                       "GROUP BY ALL ORDER BY 6 DESC").fetchall()
    return [(str(t), str(f), str(c), str(k), str(v), int(n)) for t, f, c, k, v, n in rows]
