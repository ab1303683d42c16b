"""SQL that turns an export's raw value into a journey column's type: dates and times, money
(currency signs, thousands separators, decimal commas), whole numbers, yes/no, codes.

A value that cannot be read becomes NULL here; staging notes that the value was there, and the
checks report it as "could not read this value" with the row and what was expected.
"""

from __future__ import annotations

from tools.data.context import lit
from tools.data.hints import DECIMAL_COMMA
from tools.data.mapping import ReadOptions
from tools.data.schema import Column

_SIGN_BEFORE = r"^(-?)\s*(?:[A-Z]{3}|[A-Z]{0,2}\$|[£€¥₹₩₽₺₪₫฿]|kr|zł)\s*"
_SIGN_AFTER = r"\s*(?:[A-Z]{3}|[£€¥₹₩₽₺₪₫฿$]|kr|zł)$"

_TRUE = ("true", "t", "yes", "y", "1")
_FALSE = ("false", "f", "no", "n", "0")

_INTEGER_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                  "UINTEGER", "UBIGINT")
_NUMERIC_TYPES = (*_INTEGER_TYPES, "FLOAT", "DOUBLE", "DECIMAL")


def can_fail(col: Column, src_type: str) -> bool:
    """Whether converting this source type to the column's type can fail on a value."""
    t = src_type.upper()
    if col.kind in ("text", "id", "json"):
        return False
    if col.kind == "stage" or t.startswith("VARCHAR"):
        return True
    if col.kind == "timestamp":
        return not (t.startswith("TIMESTAMP") or t == "DATE")
    if col.kind == "int":
        return not t.startswith(_INTEGER_TYPES)
    if col.kind == "float":
        return not t.startswith(_NUMERIC_TYPES)
    if col.kind == "bool":
        return t != "BOOLEAN"
    return True


def timestamp_sql(s: str, opts: ReadOptions, zone: str | None = None) -> str:
    """A text timestamp (already trimmed, NULL when empty) as TIMESTAMPTZ.

    Offsets are honoured however they are written: `+02:00`, `+0200`, `Z`, and with a space
    before them as Shopify and Zendesk write them (`2025-05-12 14:36:00 +0200`), which DuckDB's
    own cast does not read. Without an offset the time is read in the load's zone, or in
    `zone` (SQL giving an IANA name per row, from options.timezone_column)."""
    if opts.timestamp_format:
        if zone is not None:
            return f"timezone({zone}, TRY_STRPTIME({s}, {lit(opts.timestamp_format)})::TIMESTAMP)"
        return f"CAST(TRY_STRPTIME({s}, {lit(opts.timestamp_format)}) AS TIMESTAMPTZ)"
    if zone is not None:
        return f"timezone({zone}, TRY_CAST({s} AS TIMESTAMP))"
    spaced = f"regexp_replace({s}, '\\s+([+-]\\d{{2}}):?(\\d{{2}})$', '\\1\\2')"
    return f"coalesce(TRY_CAST({s} AS TIMESTAMPTZ), TRY_CAST({spaced} AS TIMESTAMPTZ))"


def number_sql(expr: str, opts: ReadOptions) -> str:
    """A text amount as DOUBLE; NULL when unreadable. Money signs and codes before or after the
    number go (£1,234.50, R$ 12,50, 12,50 €, EUR 12.50, kr 1 234,50); a sign before the currency
    symbol is kept (Square writes refunds as -$7.20). Without decimal_comma, an amount written
    with one (12,50) is unreadable rather than silently 1250: the check says what was expected."""
    s = f"NULLIF(trim(CAST({expr} AS VARCHAR)), '')"
    unsigned = (f"regexp_replace(regexp_replace({s}, {lit(_SIGN_BEFORE)}, '\\1'), "
                f"{lit(_SIGN_AFTER)}, '')")
    # Spaces (also no-break and narrow no-break) group thousands in many locales.
    bare = f"regexp_replace({unsigned}, '[ \u00a0\u202f]', '', 'g')"
    if opts.decimal_comma:
        return f"TRY_CAST(replace(replace({bare}, '.', ''), ',', '.') AS DOUBLE)"
    cleaned = f"(CASE WHEN regexp_matches({s}, {lit(DECIMAL_COMMA)}) THEN NULL ELSE replace({bare}, ',', '') END)"
    # Plain numbers (most values) are read without the regular expressions.
    return f"coalesce(TRY_CAST({s} AS DOUBLE), TRY_CAST({cleaned} AS DOUBLE))"


def convert(col: Column, expr: str, src_type: str, opts: ReadOptions, zone: str | None = None) -> str:
    """SQL turning a raw value into the column's type; NULL where it cannot be read."""
    t = src_type.upper()
    is_text = t == "VARCHAR" or t.startswith("VARCHAR")
    s = f"NULLIF(trim(CAST({expr} AS VARCHAR)), '')"
    kind = col.kind
    if kind in ("id", "text", "json"):
        if col.code:
            return f"lower(replace(replace({s}, ' ', '_'), '-', '_'))"
        if col.upper:
            return f"upper({s})"
        if t in ("DOUBLE", "FLOAT") and kind == "id":
            return (f"(CASE WHEN {expr} = trunc({expr}) THEN CAST(CAST({expr} AS BIGINT) AS VARCHAR) "
                    f"ELSE CAST({expr} AS VARCHAR) END)")
        return s
    if kind == "timestamp":
        if "TIMESTAMP WITH TIME ZONE" in t:
            return expr
        if t.startswith("TIMESTAMP") or t == "DATE":
            return f"CAST({expr} AS TIMESTAMPTZ)"
        return timestamp_sql(s, opts, zone)
    if kind == "bool":
        if t == "BOOLEAN":
            return expr
        trues = ", ".join(lit(v) for v in _TRUE)
        falses = ", ".join(lit(v) for v in _FALSE)
        return f"(CASE WHEN lower({s}) IN ({trues}) THEN TRUE WHEN lower({s}) IN ({falses}) THEN FALSE END)"
    # numbers
    if is_text:
        number = number_sql(expr, opts)
    elif t == "BOOLEAN":
        number = f"CAST({expr} AS DOUBLE)"
    else:
        number = f"TRY_CAST({expr} AS DOUBLE)"
    if kind == "float":
        return f"(CASE WHEN isfinite({number}) THEN {number} END)"
    return f"(CASE WHEN {number} = round({number}) AND abs({number}) < 2147483647 THEN CAST({number} AS INTEGER) END)"
