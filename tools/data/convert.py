"""SQL that turns an export's raw value into a journey column's type: dates and times, money
(currency signs, thousands separators, decimal commas), whole numbers, yes/no, codes.

A value that cannot be read becomes NULL here; staging notes that the value was there, and the
checks report it as "could not read this value" with the row and what was expected.
"""

from __future__ import annotations

from tools.data.context import lit
from tools.data.mapping import ReadOptions
from tools.data.schema import Column

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


def convert(col: Column, expr: str, src_type: str, opts: ReadOptions) -> str:
    """SQL turning a raw value into the column's type; NULL where it cannot be read."""
    t = src_type.upper()
    is_text = t == "VARCHAR" or t.startswith("VARCHAR")
    s = f"NULLIF(trim(CAST({expr} AS VARCHAR)), '')"
    kind = col.kind
    if kind in ("id", "text", "json"):
        if col.code:
            return f"lower(replace(replace({s}, ' ', '_'), '-', '_'))"
        if t in ("DOUBLE", "FLOAT") and kind == "id":
            return (f"(CASE WHEN {expr} = trunc({expr}) THEN CAST(CAST({expr} AS BIGINT) AS VARCHAR) "
                    f"ELSE CAST({expr} AS VARCHAR) END)")
        return s
    if kind == "timestamp":
        if "TIMESTAMP WITH TIME ZONE" in t:
            return expr
        if t.startswith("TIMESTAMP") or t == "DATE":
            return f"CAST({expr} AS TIMESTAMPTZ)"
        if opts.timestamp_format:
            return f"CAST(TRY_STRPTIME({s}, {lit(opts.timestamp_format)}) AS TIMESTAMPTZ)"
        return f"TRY_CAST({s} AS TIMESTAMPTZ)"
    if kind == "bool":
        if t == "BOOLEAN":
            return expr
        trues = ", ".join(lit(v) for v in _TRUE)
        falses = ", ".join(lit(v) for v in _FALSE)
        return f"(CASE WHEN lower({s}) IN ({trues}) THEN TRUE WHEN lower({s}) IN ({falses}) THEN FALSE END)"
    # numbers
    if is_text:
        cleaned = f"ltrim({s}, '£$€ ')"
        if opts.decimal_comma:
            cleaned = f"replace(replace({cleaned}, '.', ''), ',', '.')"
        else:
            cleaned = f"replace({cleaned}, ',', '')"
        number = f"TRY_CAST({cleaned} AS DOUBLE)"
    elif t == "BOOLEAN":
        number = f"CAST({expr} AS DOUBLE)"
    else:
        number = f"TRY_CAST({expr} AS DOUBLE)"
    if kind == "float":
        return f"(CASE WHEN isfinite({number}) THEN {number} END)"
    return f"(CASE WHEN {number} = round({number}) AND abs({number}) < 2147483647 THEN CAST({number} AS INTEGER) END)"
