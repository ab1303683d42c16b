"""Checking the staged rows: types, required values, ranges, codes, stages, time order, known
customers and duplicate keys, each rule an SQL condition over the staged columns.

One aggregate counts every rule's violations in a single pass; example rows, with their row
numbers and the raw value that was there, are fetched only for the rules that failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.core.errors import Problem, shown_value
from tools.data.context import MAX_EXAMPLES, LoadContext, ident, lit
from tools.data.spans import FUTURE_GRACE
from tools.data.staging import Staged


@dataclass(frozen=True)
class _Check:
    condition: str  # SQL over the staged columns, true for a bad row
    column: str | None
    expected: str | None
    message: str
    raw_col: str | None = None  # whose raw value to show as "got"
    kind: str = "row"
    hint: str | None = None  # the usual cause and the fix ({column}), said with the first example


# Exports of a shape the schema refuses for a common reason: the reason and the mapping that loads
# them, said once with the first failing row rather than leaving the owner with "out of range".
_REFUND_ROWS = ("a negative {column} is usually a refund row: leave such rows out with "
                "where_not = {{ \"{column}\" = \"<0\" }} in a [mappings.NAME] of the config "
                "(docs/SOURCES.md), and give refunded orders the status refunded")
_ANONYMOUS_VISITS = ("events without a customer are usually anonymous web visits: map customer_id to "
                     "a visitor, cookie or session id column (--map customer_id=\"Client ID\"), or leave "
                     "them out with skip_missing = [\"customer_id\"] in a [mappings.NAME] of the config "
                     "(docs/SOURCES.md)")


class NeedRowNumbers(Exception):
    """A check failed while streaming a file without row numbers: stage it and look again."""


def _checks(ctx: LoadContext, bits: dict[int, str]) -> list[_Check]:
    """Every row-level rule of the table, as SQL conditions over the staged columns."""
    checks: list[_Check] = []
    for i, name in bits.items():
        col = ctx.t.columns[i]
        checks.append(_Check(f"(_bad & {1 << i}) <> 0", name, col.expected,
                             "could not read this value", raw_col=name))
    for col in ctx.t.columns:
        name = ident(col.name)
        if col.required and col.name not in ("stage", "touchpoint"):
            i = ctx.t.column_names.index(col.name)
            anonymous = ctx.t.name == "events" and col.name == "customer_id"
            checks.append(_Check(f"{name} IS NULL AND (_bad & {1 << i}) = 0", col.name,
                                 col.expected, "a required value is empty",
                                 hint=_ANONYMOUS_VISITS if anonymous else None))
        if col.min is not None:
            refund = ctx.t.name == "orders" and col.name == "amount"
            checks.append(_Check(f"{name} < {col.min}", col.name, col.expected,
                                 "value out of range", raw_col=col.name,
                                 hint=_REFUND_ROWS if refund else None))
        if col.max is not None:
            checks.append(_Check(f"{name} > {col.max}", col.name, col.expected,
                                 "value out of range", raw_col=col.name))
        if col.choices and ctx.t.name == "orders" and col.name == "status":
            allowed = ", ".join(lit(c) for c in col.choices)
            checks.append(_Check(
                f"{name} IS NOT NULL AND {name} NOT IN ({allowed})", col.name,
                "an order status the business profile knows; say what it means under "
                "[business.order_statuses] in the config or [profile.order_statuses] in the recipe, "
                "e.g. pending = [\"awaiting_pickup\"] (kinds: completed, pending, cancelled, returned)",
                "unknown order status", raw_col=col.name,
            ))
        elif col.choices:
            allowed = ", ".join(lit(c) for c in col.choices)
            checks.append(_Check(
                f"{name} IS NOT NULL AND {name} NOT IN ({allowed})", col.name,
                col.expected + " (map other codes with values.<column>)", "unknown value",
                raw_col=col.name,
            ))
    if ctx.t.name == "events":
        checks.append(_Check("touchpoint IS NULL", "touchpoint", "a touchpoint name",
                             "a required value is empty"))
        checks.append(_Check("stage IS NULL AND touchpoint IS NOT NULL", "touchpoint", None,
                             "", kind="unknown_touchpoint"))
    if ctx.t.one_of:
        cond = " AND ".join(f"{ident(c)} IS NULL" for c in ctx.t.one_of) + " AND _bad = 0"
        checks.append(_Check(cond, None, None, f"the row has none of {', '.join(ctx.t.one_of)}"))
    if not ctx.m.allow_future:
        # A row dated after it was loaded (plus a day for time zones and late-night exports)
        # would become "today" for every relative period: one 2099 row and last month is in 2099.
        cap = lit((ctx.loaded_at + FUTURE_GRACE).isoformat())
        for col in ctx.t.columns:
            # A promised delivery date lies ahead for every open order, and no period ends on it.
            if col.kind == "timestamp" and col.name != "promised_at":
                checks.append(_Check(
                    f"{ident(col.name)} > CAST({cap} AS TIMESTAMPTZ)", col.name,
                    f"a time no later than {(ctx.loaded_at + FUTURE_GRACE):%Y-%m-%d %H:%M} (a day after "
                    "loading); if the file is meant to hold future dates (bookings, estimated deliveries), "
                    "load it with --allow-future or allow_future = true in the mapping or recipe",
                    "dated in the future", raw_col=col.name))
    for earlier, later in ctx.t.ordered:
        checks.append(_Check(f"{ident(later)} < {ident(earlier)}", later,
                             f"a time after {earlier}", f"{later} is before {earlier}",
                             raw_col=later))
    if ctx.t.checks_customer and ctx.m.unknown_customers == "error":
        checks.append(_Check(
            "customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM customers)",
            "customer_id", "a customer_id that exists in customers",
            "unknown customer (load the customers export first, or set unknown_customers = "
            "\"create\" / --create-customers)", raw_col="customer_id",
        ))
    return checks


def check_rows(ctx: LoadContext, staged: Staged, *, numbered: bool) -> dict[str, int]:
    """One pass over the staged rows counts every rule's violations; examples with row
    numbers are fetched only for rules that failed."""
    checks = _checks(ctx, staged.bits)
    live = "_keep AND NOT _skip"
    # count_if over plain expressions (not FILTER clauses): DuckDB then computes the
    # shared conversions once per row instead of once per check.
    aggs = ["count(*)", "count_if(NOT _keep)", "count_if(_keep AND _skip)"]
    aggs += [f"count_if({live} AND ({c.condition}))" for c in checks]
    with ctx.watch("checking"):
        row = ctx.con.execute(f"SELECT {', '.join(aggs)} FROM {staged.relation}").fetchone()
    assert row is not None
    total, filtered, skipped, *violations = (int(v or 0) for v in row)  # count_if of no rows is NULL
    failed = [(c, n) for c, n in zip(checks, violations, strict=True) if n]
    if failed and not numbered:
        raise NeedRowNumbers()
    for check, n in failed:
        if check.kind == "unknown_touchpoint":
            _unknown_touchpoints(ctx, staged)
        else:
            _examples(ctx, staged, f"{live} AND ({check.condition})", n, check)
    return {"total": total, "filtered": filtered, "skipped": skipped,
            "kept": total - filtered - skipped}


def check_written(ctx: LoadContext, staged: Staged, table: str) -> bool:
    """Whether the rows just written into `table` (empty before this load) pass every rule.

    For a plain load (Staged.plain: nothing filtered or skipped, no value unreadable) the rules
    are conditions on the columns as stored, so one aggregate over the written table answers
    them, and a clean first load reads the file once instead of twice (the check pass was a
    scan of the whole file with every conversion). The same conditions as check_rows, over the
    same values: the caller deletes the rows and runs check_rows when this says no, so the
    problems are reported exactly as before."""
    checks = _checks(ctx, staged.bits)
    rows = f"(SELECT *, CAST(0 AS BIGINT) AS _bad, TRUE AS _keep, FALSE AS _skip FROM {ident(table)})"
    aggs = [f"count_if({c.condition})" for c in checks] or ["0"]
    # Not watched for progress: it reads the stored columns (validity masks and statistics for
    # most rules) in a blink, and the bar is then on "writing".
    row = ctx.con.execute(f"SELECT {' + '.join(f'coalesce({a}, 0)' for a in aggs)} FROM {rows}").fetchone()
    return not (row and row[0])


def _examples(ctx: LoadContext, staged: Staged, condition: str, count: int, check: _Check) -> None:
    got_sql = f"CAST(v.{ident('r_' + check.raw_col)} AS VARCHAR)" if check.raw_col else "NULL"
    # The condition names staged columns; select the failing rows first, then their raw values.
    rows = ctx.con.execute(
        f"SELECT st._row, {got_sql} FROM (SELECT _row FROM {staged.relation} WHERE {condition} "
        f"ORDER BY _row LIMIT {MAX_EXAMPLES}) st JOIN {staged.raw_view} v ON v._row = st._row "
        "ORDER BY st._row"
    ).fetchall()
    shown_col = staged.source_of.get(check.column, check.column) if check.column else None
    for k, (row, got) in enumerate(rows):
        expected = check.expected
        if check.hint and k == 0:
            expected = f"{expected} ({check.hint.format(column=shown_col)})"
        ctx.problems.add(Problem(ctx.file, check.message, int(row), shown_col, expected,
                                  None if got is None else str(got)))
    ctx.problems.total += count - len(rows)


def _unknown_touchpoints(ctx: LoadContext, staged: Staged) -> None:
    unknown = ctx.con.execute(
        f"SELECT touchpoint, count(*), min(_row) FROM {staged.relation} "
        "WHERE _keep AND NOT _skip AND stage IS NULL AND touchpoint IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC"
    ).fetchall()
    for tp, n, first_row in unknown:
        ctx.problems.add(Problem(
            ctx.file,
            f"touchpoint {tp!r} ({n:,} rows) has no journey stage: add it under "
            f"[touchpoints] in config (e.g. {tp} = {{ stage = \"consideration\", "
            "online = true }) or map a stage column",
            row=int(first_row), column=staged.source_of.get("touchpoint", "touchpoint"),
        ), count=int(n))


def drop_duplicates(ctx: LoadContext, staged: str) -> int:
    """With duplicates = "first" or "last", leave out every other row sharing a key before the
    rows are checked; returns how many rows were left out. Only rows the filters keep compete,
    and rows without a key stay for the checks to report."""
    if not ctx.t.replace_on_key or ctx.m.duplicates == "error":
        return 0
    key = ", ".join(ident(k) for k in ctx.t.key)
    present = " AND ".join(f"{ident(k)} IS NOT NULL" for k in ctx.t.key)
    live = f"_keep AND NOT _skip AND {present}"
    data_cols = ", ".join(ident(c) for c in ctx.t.column_names if c != "source")
    conflicting = int(ctx.con.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {staged} WHERE {live} GROUP BY {key} "
        f"HAVING count(DISTINCT ({data_cols})) > 1)"
    ).fetchone()[0])  # type: ignore[index]
    pick = "max" if ctx.m.duplicates == "last" else "min"
    removed = ctx.con.execute(
        f"DELETE FROM {staged} WHERE {live} AND _row NOT IN "
        f"(SELECT {pick}(_row) FROM {staged} WHERE {live} GROUP BY {key})"
    ).fetchone()
    n = int(removed[0]) if removed else 0
    if conflicting:
        ctx.warnings.append(
            f"{conflicting:,} {ctx.t.key[0]} values appeared more than once with different values; "
            f"kept the {'last' if pick == 'max' else 'first'} row of each"
        )
    return n


def dedupe(ctx: LoadContext, staged: str, source_of: dict[str, str]) -> int:
    """Rows with the same key: a problem when they differ (unless the mapping says which to
    keep), otherwise all but one left out; returns how many were left out (the report counts
    them as skipped and says why, so rows read always add up)."""
    if not ctx.t.replace_on_key:
        return 0
    key = ", ".join(ident(k) for k in ctx.t.key)
    data_cols = [c for c in ctx.t.column_names if c not in ("source",)]
    dupes = ctx.con.execute(
        f"SELECT {key}, count(*) AS n, count(DISTINCT ({', '.join(ident(c) for c in data_cols)})) AS variants, "
        f"list(_row ORDER BY _row) AS rows FROM {staged} GROUP BY {key} HAVING count(*) > 1 "
        f"ORDER BY min(_row)"
    ).fetchall()
    if not dupes:
        return 0
    conflicting = [d for d in dupes if d[-2] > 1]
    if conflicting and ctx.m.duplicates == "error":
        for d in conflicting[:MAX_EXAMPLES]:
            rows = d[-1]
            ctx.problems.add(Problem(
                ctx.file,
                f"{' + '.join(ctx.t.key)} {shown_value(str(d[0]))!r} appears in rows {', '.join(map(str, rows[:5]))} "
                "with different values; keep one, or set duplicates = \"last\" in the mapping",
                row=int(rows[1]), column=source_of.get(ctx.t.key[0], ctx.t.key[0]),
            ))
        if len(conflicting) > MAX_EXAMPLES:
            ctx.problems.total += len(conflicting) - MAX_EXAMPLES
        return 0
    pick = "max" if ctx.m.duplicates == "last" else "min"
    removed = ctx.con.execute(
        f"DELETE FROM {staged} WHERE _row NOT IN (SELECT {pick}(_row) FROM {staged} GROUP BY {key})"
    ).fetchone()
    n = int(removed[0]) if removed else 0
    repeats = n - sum(d[1] - 1 for d in conflicting)
    if repeats:
        ctx.warnings.append(
            f"{repeats:,} rows repeated another row's {' + '.join(ctx.t.key)} with the same values; "
            "each was loaded once")
    if conflicting:
        ctx.warnings.append(
            f"{len(conflicting):,} {ctx.t.key[0]} values appeared more than once; kept the "
            f"{'last' if pick == 'max' else 'first'} row of each"
        )
    return n
