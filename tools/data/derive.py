"""The mapping features that go beyond naming a column: folding rows into records, conditions
(cases and row filters), the first non-empty of several columns, a time some minutes after
another, the pseudonymous customer key, and a time zone named per row.

Each returns SQL over the file's relation `s` (staging puts it in one projection) or, for the
fold, a new relation that staging reads as if it were the file. Column names come from the
file's header (tools/data/read.py `find_column`), values are bound as SQL literals, and no
mapping text becomes SQL any other way.
"""

from __future__ import annotations

import re
import string
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tools.core.errors import IngestError, Problem
from tools.data.context import LoadContext, ident, lit, temp_name
from tools.data.convert import number_sql, timestamp_sql
from tools.data.mapping import After, Case, Extract, parse_aggregates
from tools.data.read import Source, find_column, has_column, match_column
from tools.data.zones import zone_for_label

_NUMERIC = re.compile(r"^(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)$")


def text(expr: str) -> str:
    """A value as trimmed text, NULL when empty."""
    return f"NULLIF(trim(CAST({expr} AS VARCHAR)), '')"


# -- conditions: cases and row filters -------------------------------------------------


def condition(ctx: LoadContext, src: Source, column: str, values: list[str], *, what: str,
              ignore_case: bool) -> str:
    """SQL true when the source column has one of `values`: "*" any non-empty value, "" an
    empty one, "<=0" / ">5" a number compared, anything else the text itself."""
    col = f"s.{ident(find_column(ctx, src, column, what))}"
    v = text(col)
    parts: list[str] = []
    plain: list[str] = []
    for value in values:
        m = _NUMERIC.match(value.strip())
        if value == "*":
            parts.append(f"{v} IS NOT NULL")
        elif value.strip() == "":
            parts.append(f"{v} IS NULL")
        elif m:
            parts.append(f"{number_sql(col, ctx.m.options)} {m[1]} {m[2]}")
        else:
            plain.append(value.strip())
    if plain:
        if ignore_case:
            parts.append(f"lower({v}) IN ({', '.join(lit(p.lower()) for p in plain)})")
        else:
            parts.append(f"{v} IN ({', '.join(lit(p) for p in plain)})")
    return "(" + " OR ".join(f"coalesce({p}, FALSE)" for p in parts) + ")"


def cases_sql(ctx: LoadContext, src: Source, target: str, cases: list[Case], fallback: str | None) -> str:
    whens = []
    for case in cases:
        if target in ctx.m.optional and not all(has_column(src, c) for c in case.when):
            continue  # an optional column's case about a column this export lacks
        conds = [condition(ctx, src, col, vals, what=f"cases for {target!r}", ignore_case=True)  # type: ignore[arg-type]
                 for col, vals in case.when.items()]
        whens.append(f"WHEN {' AND '.join(conds)} THEN {lit(case.value)}")
    if not whens:
        return fallback or "NULL"
    return f"(CASE {' '.join(whens)} ELSE {fallback or 'NULL'} END)"


def filters_sql(ctx: LoadContext, src: Source) -> list[str]:
    """Row filters; "" matches an empty cell, so `where_not = {Status = ""}` drops the empty
    line-item rows of an order export."""
    out = []
    for col, allowed in ctx.m.where.items():
        out.append(condition(ctx, src, col, list(allowed), what="where", ignore_case=False))
    for col, banned in ctx.m.where_not.items():
        out.append("NOT " + condition(ctx, src, col, list(banned), what="where_not", ignore_case=False))
    return out


# -- values built from several columns ------------------------------------------------


def coalesce_sql(ctx: LoadContext, src: Source, target: str, items: list[str], template: object) -> str | None:
    """The first non-empty of columns and '{templates}'. Columns missing from the file are
    passed over while another item can still give a value (a Square export without its
    Customer ID column falls back to the guest template); with none left, an optional target
    is skipped and a required one names the first missing column. `template` builds a
    template's SQL (staging's)."""
    parts = []
    what = f"coalesce for {target!r}"
    for item in items:
        if "{" in item:
            fields = [f for _, f, _, _ in string.Formatter().parse(item) if f and f != "_row"]
            if not all(has_column(src, f) for f in fields):
                continue
            # a template whose every field is empty ("guest-{Id}" without an Id) is no value
            filled = " OR ".join(f"{text(f's.{ident(find_column(ctx, src, f, what))}')} IS NOT NULL"
                                 for f in fields) or "TRUE"
            parts.append(f"CASE WHEN {filled} THEN {template(ctx, src, item, target)} END")  # type: ignore[operator]
        elif has_column(src, item):
            parts.append(text(f"s.{ident(find_column(ctx, src, item, what))}"))
    if not parts:
        if target in ctx.m.optional:
            return None
        first = items[0]
        fields = [f for _, f, _, _ in string.Formatter().parse(first) if f and f != "_row"] if "{" in first else [first]
        for f in fields:
            find_column(ctx, src, f, what)  # raises, naming the column the file lacks
        return None
    return f"coalesce({', '.join(parts)})"


def after_sql(ctx: LoadContext, src: Source, target: str, after: After) -> str:
    start = text(f"s.{ident(find_column(ctx, src, after.start, f'after for {target!r}'))}")
    column = after.minutes or after.hours
    unit = 60 if after.minutes else 3600
    amount = number_sql(f"s.{ident(find_column(ctx, src, str(column), f'after for {target!r}'))}",
                        ctx.m.options)
    return (f"({timestamp_sql(start, ctx.m.options)} + "
            f"to_seconds(CAST(round({amount} * {unit}) AS BIGINT)))")


def extract_sql(ctx: LoadContext, src: Source, target: str, spec: Extract) -> str | None:
    """Every match of the pattern in the named columns (in header order), joined, summed or
    counted; None when the export has none of the columns and the target is optional."""
    columns: list[str] = []
    for name in spec.columns:
        if name.startswith("~"):
            pattern = re.compile(name[1:], re.IGNORECASE)
            columns += [c for c in src.types if pattern.search(c) and c not in columns]
        elif not ((target in ctx.m.optional or spec.subtracted_from) and not has_column(src, name)):
            columns.append(find_column(ctx, src, name, f"extract for {target!r}"))
    base = None
    if spec.subtracted_from:
        col = f"s.{ident(find_column(ctx, src, spec.subtracted_from, f'extract for {target!r}'))}"
        base = number_sql(col, ctx.m.options)
        if not columns:  # no cells to take away (an export without its refund column)
            return base
    if not columns:
        if target in ctx.m.optional:
            return None
        _fail(ctx, f"extract for {target!r}: no column of the file matches {', '.join(spec.columns)}")
    lists = [f"regexp_extract_all(coalesce(CAST(s.{ident(c)} AS VARCHAR), ''), {lit(spec.pattern)}, 1)"
             for c in columns]
    found = f"list_filter(flatten([{', '.join(lists)}]), lambda x: trim(x) <> '')"
    if spec.combine == "sum":
        total = f"list_sum(list_transform({found}, lambda x: TRY_CAST(trim(x) AS DOUBLE)))"
        # rounded: a total less refunds that took it all back must be 0, not float dust
        return total if base is None else f"round({base} - coalesce({total}, 0), 9)"
    if spec.combine == "count":
        return f"NULLIF(len({found}), 0)"
    return f"NULLIF(array_to_string(list_transform({found}, lambda x: trim(x)), ', '), '')"


# -- folding rows into records ---------------------------------------------------------


def fold(ctx: LoadContext, src: Source) -> Source:
    """The file with the rows of each record folded into one (see `Fold` in mapping.py).
    A record's row number is that of its first row, so problems point at it."""
    f = ctx.m.fold
    assert f is not None
    by = [f"s.{ident(find_column(ctx, src, c, 'fold by'))}" for c in f.by]
    prefer = [condition(ctx, src, c, list(v), what="fold prefer", ignore_case=True)  # type: ignore[arg-type]
              for c, v in f.prefer.items()]
    pref = " AND ".join(prefer) if prefer else "FALSE"
    keep = " AND ".join(condition(ctx, src, c, list(v), what="fold where", ignore_case=True)  # type: ignore[arg-type]
                        for c, v in f.where.items()) or "TRUE"
    # Rows with an empty key are records of their own (the checks then say what is missing).
    key = f"concat_ws(chr(31), {', '.join(text(b) for b in by)})"
    grouping = f"CASE WHEN {' AND '.join(f'{text(b)} IS NULL' for b in by)} THEN '#' || s._row ELSE {key} END"
    order = "ORDER BY _pref DESC, _row"
    selects = ["min(_row) AS _row"]
    for col in src.types:
        c = ident(col)
        selects.append(f"first({c} {order}) FILTER (WHERE {text(c)} IS NOT NULL) AS {c}")
    for name, spec in f.columns.items():
        if name.strip().lower() in src.columns:
            _fail(ctx, f"fold: the new column {name!r} is already a column of the file")
        terms = parse_aggregates(spec)
        if name in f.optional and any(match_column(src, column) is None for _, _, column in terms):
            selects.append(f"CAST(NULL AS VARCHAR) AS {ident(name)}")
            continue
        sqls = [_aggregate_sql(ctx, src, fn, column, name, order, numeric=len(terms) > 1)
                for _, fn, column in terms]
        if len(terms) == 1:
            selects.append(f"{sqls[0]} AS {ident(name)}")
            continue
        # The first term decides whether there is a value; a missing refund is no refund.
        expr = sqls[0] + "".join(f" {'+' if sign > 0 else '-'} coalesce({sql}, 0)"
                                 for (sign, _, _), sql in zip(terms[1:], sqls[1:], strict=True))
        selects.append(f"round({expr}, 9) AS {ident(name)}")
    name = temp_name("fold")
    ctx.con.execute(
        f"CREATE TEMP TABLE {name} AS SELECT {', '.join(selects)} FROM "
        f"(SELECT s.*, ({pref}) AS _pref, {grouping} AS _grp FROM {src.relation} s WHERE {keep}) GROUP BY _grp"
    )
    types = {r[0]: str(r[1]) for r in ctx.con.execute(f"DESCRIBE {name}").fetchall() if r[0] != "_row"}
    return Source(name, {c.strip().lower(): c for c in types}, types, numbered=src.numbered)


def _aggregate_sql(ctx: LoadContext, src: Source, fn: str, column: str, name: str, order: str, *,
                   numeric: bool) -> str:
    c = ident(find_column(ctx, src, column, f"fold column {name!r}"))
    value = text(c)
    number = number_sql(c, ctx.m.options)
    if numeric:  # a term of a sum or difference: every aggregate as a number
        return {"sum": f"sum({number})", "count": f"count({value})", "min": f"min({number})",
                "max": f"max({number})", "first": f"first({number} {order}) FILTER (WHERE {number} IS NOT NULL)",
                "last": f"last({number} {order}) FILTER (WHERE {number} IS NOT NULL)"}[fn]
    return {
        # Rounded: money summed as doubles leaves float dust, and a sale plus its full refund
        # (9.80 + 4.00 - 9.80 - 4.00) must be 0, not -2.7e-15 that an amount check refuses.
        "sum": f"round(sum({number}), 9)",
        "count": f"count({value})",
        "join": f"string_agg({value}, ', ' ORDER BY _row)",
        "min": f"coalesce(CAST(min({number}) AS VARCHAR), min({value}))",
        "max": f"coalesce(CAST(max({number}) AS VARCHAR), max({value}))",
        "first": f"first({c} {order}) FILTER (WHERE {value} IS NOT NULL)",
        "last": f"last({c} {order}) FILTER (WHERE {value} IS NOT NULL)",
    }[fn]


# -- the time zone of each row ---------------------------------------------------------


def zone_sql(ctx: LoadContext, src: Source) -> str | None:
    """SQL giving each row's IANA zone from options.timezone_column, over the distinct values
    of that column (a handful), or None when the option is not set."""
    column = ctx.m.options.timezone_column
    if not column:
        return None
    actual = find_column(ctx, src, column, "options.timezone_column")
    values = [r[0] for r in ctx.con.execute(
        f"SELECT DISTINCT {text(ident(actual))} FROM {src.relation} WHERE {text(ident(actual))} IS NOT NULL"
    ).fetchall()]
    whens = []
    for label in values:
        zone = _zone(label)
        if zone is None:
            _fail(ctx, f"options.timezone_column: {label!r} in column {actual!r} is not a time zone "
                       "journeybot knows (an IANA name such as America/Los_Angeles, or a label such "
                       "as 'Pacific Time (US & Canada)')")
        whens.append(f"WHEN {lit(label)} THEN {lit(zone)}")
    fallback = lit(ctx.tz)
    if not whens:
        return fallback
    return f"(CASE {text(f's.{ident(actual)}')} {' '.join(whens)} ELSE {fallback} END)"


def _zone(label: str) -> str | None:
    try:
        ZoneInfo(label)
        return label
    except (ZoneInfoNotFoundError, ValueError):
        return zone_for_label(label)


def _fail(ctx: LoadContext, message: str) -> None:
    ctx.problems.add(Problem(ctx.file, message))
    raise IngestError(ctx.problems.items, ctx.problems.total)
