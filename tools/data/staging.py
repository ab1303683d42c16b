"""Staging: the file's columns mapped to the journey table's columns, converted to their types.

Each journey column is computed from the mapping (a source column, a constant, a template, a
concatenation, a lookup, a value map) in one projection over the file, with a bit per column
that had a value but could not be read, so the checks are aggregates over one relation.
Touchpoint and stage names are normalised over their distinct values, not per row, and
customer-written text is redacted before anything is compared or written.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from tools.core.errors import IngestError, Problem
from tools.core.pii import SQL_SCREEN, redact_series
from tools.core.pii_names import KnownNames
from tools.core.profile import ORDER_KINDS, BusinessProfile, OrderStatuses, normalize_status
from tools.core.stages import normalize_stage, normalize_touchpoint
from tools.data import derive
from tools.data.context import LoadContext, ident, lit, temp_name
from tools.data.convert import can_fail, convert
from tools.data.keys import customer_key_sql
from tools.data.mapping import Lookup, ReadOptions
from tools.data.people import known_names
from tools.data.profile_store import status_case
from tools.data.read import (
    Source,
    find_column,
    has_column,
    match_column,
    read_source,
    reader_message,
)
from tools.data.schema import TABLES


@dataclass(frozen=True)
class Staged:
    relation: str  # _row, _keep (row filters), _skip (skip_missing), the table's columns, _bad
    raw_view: str  # _row and each journey column's raw value (r_<column>), to show as "got"
    source_of: dict[str, str]  # journey column -> the file column (or lookup) it came from
    bits: dict[int, str]  # bit of _bad -> the column it flags as unreadable
    # The rows are neither filtered nor skipped (_keep always true, _skip always false) and no bit
    # of _bad can be set (every bit's column is read through a table of its distinct values,
    # which shows none unreadable): the checks can then run over the rows as written, without
    # these columns (tools/data/checks.py, check_written).
    plain: bool = False


def _raw_exprs(ctx: LoadContext, src: Source) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """SQL giving each journey column's raw value; which file column it came from; joins.

    Sources first (column, constant, template, concat, coalesce, after, lookup, a file column
    named like the journey column), then value maps, then cases, then the customer key, so
    the features compose in one order whatever order a mapping lists them in."""
    m = ctx.m
    raw: dict[str, str] = {}
    source_of: dict[str, str] = {}
    joins: list[str] = []
    for target, source in m.columns.items():
        if target in m.optional and not has_column(src, source):
            continue
        actual = find_column(ctx, src, source, f"mapping for {target!r}")
        raw[target] = f"s.{ident(actual)}"
        source_of[target] = actual
    for target, value in m.constants.items():
        raw[target] = lit(value)
    for target, template in m.templates.items():
        raw[target] = _template(ctx, src, template, target)
    for target, cols in m.concat.items():
        parts = [
            f"NULLIF(trim(CAST(s.{ident(find_column(ctx, src, c, f'concat for {target!r}'))} AS VARCHAR)), '')"
            for c in cols if not (target in m.optional and not has_column(src, c))
        ]
        if parts:
            raw[target] = f"NULLIF(concat_ws(' - ', {', '.join(parts)}), '')"
    for target, items in m.coalesce.items():
        expr = derive.coalesce_sql(ctx, src, target, items, _template)
        if expr is not None:
            raw[target] = expr
            source_of[target] = " or ".join(items)
    for target, after in m.after.items():
        raw[target] = derive.after_sql(ctx, src, target, after)
        source_of[target] = f"{after.start} + {after.minutes or after.hours}"
    for target, spec in m.extract.items():
        expr = derive.extract_sql(ctx, src, target, spec)
        if expr is not None:
            raw[target] = expr
            source_of[target] = ", ".join(spec.columns)
    for target, lookup in m.lookups.items():
        alias = f"lk{len(joins)}"
        table = _lookup_table(ctx, src, lookup, target)
        key = find_column(ctx, src, lookup.key, f"lookup for {target!r}")
        joins.append(
            f"LEFT JOIN {table} {alias} ON {alias}.k = trim(CAST(s.{ident(key)} AS VARCHAR))"
        )
        raw[target] = f"{alias}.v"
        source_of[target] = f"{lookup.value} via {lookup.key}"
    for col in ctx.t.columns:
        # A named mapping's name is the rows' source, even when the export has a column of
        # that name (Shopify's "Source" is the sales channel).
        if col.name in raw or col.name in m.cases or (col.name == "source" and m.name):
            continue
        actual = src.columns.get(col.name)
        if actual is not None:
            raw[col.name] = f"s.{ident(actual)}"
            source_of[col.name] = actual
    promise = ctx.profile.delivery_promise
    if ctx.t.name == "orders" and "promised_at" not in raw and isinstance(promise, str):
        # The profile names the column holding each order's promised date: it is promised_at.
        actual = match_column(src, promise)
        if actual is not None:
            raw["promised_at"] = f"s.{ident(actual)}"
            source_of["promised_at"] = actual
    if "source" not in raw:
        raw["source"] = lit(m.name or ctx.path.name)
    for target, table in m.values.items():
        if target in raw:
            value = f"trim(CAST({raw[target]} AS VARCHAR))"
            exact = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in table.items())
            folded = {k.strip().lower(): v for k, v in table.items()}
            loose = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in folded.items())
            raw[target] = (
                f"(CASE {value} {exact} ELSE (CASE lower({value}) {loose} "
                f"ELSE CAST({raw[target]} AS VARCHAR) END) END)"
            )
    for target, cases in m.cases.items():
        raw[target] = derive.cases_sql(ctx, src, target, cases, raw.get(target))
        source_of.setdefault(target, "cases on " + ", ".join(sorted({c for k in cases for c in k.when})))
    for target in m.email_keys:
        if target in raw:
            raw[target] = customer_key_sql(raw[target])
    if ctx.t.name == "orders":  # after value maps and cases, which may spell the status
        _order_status(ctx, raw)
    if ctx.t.name == "customers" and "attributes" not in raw:
        extra = _attribute_columns(ctx, src, source_of)
        if extra:
            pairs = ", ".join(f"{lit(c)}, s.{ident(c)}" for c in extra)
            raw["attributes"] = f"CAST(json_object({pairs}) AS VARCHAR)"
    return raw, source_of, joins


def _attribute_columns(ctx: LoadContext, src: Source, source_of: dict[str, str]) -> list[str]:
    """Customers' other columns, kept as JSON: those the mapping lists, else every unmapped one."""
    m = ctx.m
    if m.attributes:
        return [a for a in (match_column(src, c) for c in m.attributes) if a is not None]
    if (m.extra_columns or "attributes") != "attributes":
        return []
    used = {v.lower() for v in source_of.values()}
    return [c for c in src.types if c.lower() not in used and c.lower() not in ctx.t.column_names]


def _order_status(ctx: LoadContext, raw: dict[str, str]) -> None:
    """The export's status word is kept (normalised) in status_raw, and its kind (completed,
    pending, cancelled, returned) comes from the business profile's vocabulary. A word the
    vocabulary does not know stays as it is, so the check on status names it."""
    given = raw.get("status") or raw.get("status_raw")
    if given is None:
        return
    word = (f"nullif(trim(regexp_replace(lower(trim(CAST({given} AS VARCHAR))), '[\\s/-]+', '_', 'g'), '_'), '')")
    raw["status_raw"] = word
    raw["status"] = f"coalesce({status_case(_with_export_kinds(ctx), word)}, {word})"


def _with_export_kinds(ctx: LoadContext) -> BusinessProfile:
    """The profile with the export's own status meanings (the mapping's order_kinds) over the
    defaults; the words the owner put in the profile keep the kind the owner gave them."""
    if not ctx.m.order_kinds:
        return ctx.profile
    own = ctx.profile.order_statuses
    chosen = {k: [w for w in getattr(own, k)] for k in ORDER_KINDS}
    listed = {w for words in chosen.values() for w in words}
    for word, kind in ctx.m.order_kinds.items():
        if normalize_status(word) not in listed:
            chosen[kind].append(word)
    return ctx.profile.model_copy(update={"order_statuses": OrderStatuses(**chosen)})


def _template(ctx: LoadContext, src: Source, template: str, target: str) -> str:
    import string

    pieces = []
    nth = False
    for text, field_name, _spec, _conv in string.Formatter().parse(template):
        if text:
            pieces.append(lit(text))
        if field_name is None:
            continue
        if field_name == "_nth":  # see below
            nth = True
        elif field_name == "_row":
            pieces.append("CAST(s._row AS VARCHAR)")
        else:
            actual = find_column(ctx, src, field_name, f"template for {target!r}")
            pieces.append(f"COALESCE(trim(CAST(s.{ident(actual)} AS VARCHAR)), '')")
    base = f"concat({', '.join(pieces) or lit('')})"
    if nth:
        # {_nth}: rows the rest of the template gives one id (two Google Forms answers sent in the
        # same second) are kept apart: the second is "-2", the third "-3", in file order; a row
        # alone gets nothing, so its id is the same as without {_nth}.
        w = f"(PARTITION BY {base} ORDER BY s._row)"
        base = f"concat({base}, CASE WHEN row_number() OVER {w} > 1 THEN '-' || row_number() OVER {w} END)"
    return f"NULLIF({base}, '')"


def _lookup_source(ctx: LoadContext, src_file: str | None, table: str | None, match: str,
                   value: str, options: ReadOptions, target: str) -> tuple[str, str, str, str]:
    """(relation, match column, value column, order column) of a lookup's source."""
    if table:
        ltable = TABLES[table]
        for c in (match, value):
            if c not in ltable.column_names:
                ctx.problems.add(Problem(ctx.file, f"lookup for {target!r}: {table} has no column {c!r}"))
                raise IngestError(ctx.problems.items, ctx.problems.total)
        # insertion order of the store table
        return ident(table), ident(match), ident(value), "rowid"
    path = (ctx.base_dir / str(src_file)).resolve()
    lsrc = read_source(ctx, path, options, str(path))
    return (lsrc.relation, ident(find_column(ctx, lsrc, match, f"lookup for {target!r} in {path.name}")),
            ident(find_column(ctx, lsrc, value, f"lookup for {target!r} in {path.name}")), "_row")


def _lookup_table(ctx: LoadContext, src: Source, lookup: Lookup, target: str) -> str:
    """A temp table (k, v): the looked-up value per id, through every further hop."""
    name = temp_name("lk")
    from_sql, match, value, order = _lookup_source(
        ctx, lookup.file, lookup.table, lookup.match, lookup.value, lookup.options, target)
    pairs = f"SELECT trim(CAST({match} AS VARCHAR)) AS k, {value} AS v, {order} AS o FROM {from_sql}"
    for step in lookup.then:
        rel, smatch, svalue, sorder = _lookup_source(
            ctx, step.file, step.table, step.match, step.value, step.options, target)
        hop = temp_name("hop")
        ctx.con.execute(
            f"CREATE TEMP TABLE {hop} AS SELECT trim(CAST({smatch} AS VARCHAR)) AS k, "
            f"first({svalue} ORDER BY {sorder}) AS v FROM {rel} GROUP BY 1"
        )
        found = "h.v" if step.missing == "drop" else "coalesce(CAST(h.v AS VARCHAR), CAST(p.v AS VARCHAR))"
        pairs = (f"SELECT p.k, {found} AS v, p.o FROM ({pairs}) p "
                 f"LEFT JOIN {hop} h ON h.k = trim(CAST(p.v AS VARCHAR))")
    agg = {
        "first": "first(v ORDER BY o)",
        "sum": "sum(TRY_CAST(v AS DOUBLE))",
        "count": "count(*)",
        "min": "min(v)",
        "max": "max(v)",
        # distinct non-empty values in a stable order, so reloading the same files compares equal
        "list": "NULLIF(string_agg(DISTINCT NULLIF(trim(CAST(v AS VARCHAR)), ''), ', ' "
                "ORDER BY NULLIF(trim(CAST(v AS VARCHAR)), '')), '')",
    }[lookup.agg]
    ctx.con.execute(f"CREATE TEMP TABLE {name} AS SELECT k, {agg} AS v FROM ({pairs}) GROUP BY 1")
    return name


def stage(ctx: LoadContext, src: Source, *, materialise: bool) -> Staged:
    """The staged rows, as a table (`materialise`) or as a view that streams the file."""
    raw, source_of, joins = _raw_exprs(ctx, src)
    missing = [c for c in ctx.t.required if c not in raw and c not in ("stage",)]
    if missing:
        have = ", ".join(repr(c) for c in src.types)
        for c in missing:
            ctx.problems.add(Problem(
                ctx.file,
                f"missing required column {c!r} for {ctx.t.name} "
                f"({ctx.t.column(c).description}); map it with --map {c}=<column in the file> "
                f"or a mapping in config. The file has: {have}",
                column=c,
            ))
        ctx.problems.raise_if_any()
    where = derive.filters_sql(ctx, src)
    zone = derive.zone_sql(ctx, src)
    if zone is not None:
        raw["_zone"] = zone
    inner = temp_name("raw")
    select = ", ".join(f"{expr} AS {ident('r_' + t)}" for t, expr in raw.items())
    keep = " AND ".join(where) if where else "TRUE"
    ctx.con.execute(
        f"CREATE TEMP VIEW {inner} AS SELECT s._row AS _row, ({keep}) AS _keep, {select} "
        f"FROM {src.relation} s {' '.join(joins)}"
    )
    types = {r[0]: str(r[1]) for r in ctx.con.execute(f"DESCRIBE {inner}").fetchall()}
    # Touchpoints are normalised over their distinct values, not per row.
    tp_join = ""
    tp_table = None
    if "touchpoint" in raw:
        tp_table = _touchpoint_table(ctx, inner)
        tp_join = f"LEFT JOIN {tp_table} tp ON tp.raw = CAST(r.{ident('r_touchpoint')} AS VARCHAR)"
    bad_stages = 0
    if "r_stage" in types:
        # Stage names are mapped over their distinct values too: a per-row CASE over every
        # spelling costs more than the rest of the load together.
        stage_table, bad_stages = _stage_table(ctx, inner, types["r_stage"].upper().startswith("VARCHAR"))
        tp_join += f" LEFT JOIN {stage_table} sm ON sm.raw = CAST(r.{ident('r_stage')} AS VARCHAR)"
    # Level 1 converts each raw value (v_<col>) and, where conversion can fail, notes whether
    # there was a value at all (p_<col>); level 2 assembles the columns and a bitmask of the
    # columns that had a value but could not be read, so each conversion runs once per row.
    level1: list[str] = ["r._row AS _row", "r._keep AS _keep"]
    final: list[str] = []
    bad_bits: list[str] = []
    bits: dict[int, str] = {}
    fallible: set[str] = set()
    if tp_table:
        level1 += ["tp.touchpoint AS tp_touchpoint", "tp.stage AS tp_stage", "tp.online AS tp_online"]
    for i, col in enumerate(ctx.t.columns):
        key = "r_" + col.name
        name = ident(col.name)
        if col.name == "touchpoint" and tp_table:
            final.append(f"tp_touchpoint AS {name}")
            continue
        if key not in types:
            if col.name == "stage" and tp_table:
                default = lit("post-purchase") if ctx.t.name == "tickets" else "NULL"
                final.append(f"COALESCE(tp_stage, {default}) AS {name}")
            elif col.name == "stage" and ctx.t.name == "tickets":
                final.append(f"'post-purchase' AS {name}")
            elif col.name == "online" and tp_table:
                final.append(f"tp_online AS {name}")
            else:
                final.append(f"CAST(NULL AS {col.sql_type}) AS {name}")
            continue
        rexpr = f"r.{ident(key)}"
        zone_ref = f"r.{ident('r__zone')}" if zone is not None and col.kind == "timestamp" else None
        converted = "sm.stage" if col.kind == "stage" else convert(col, rexpr, types[key], ctx.m.options, zone_ref)
        level1.append(f"{converted} AS {ident('v_' + col.name)}")
        value = ident("v_" + col.name)
        if col.name == "stage" and tp_table:
            final.append(f"COALESCE({value}, tp_stage) AS {name}")
        elif col.name == "online" and tp_table:
            final.append(f"COALESCE({value}, tp_online) AS {name}")
        else:
            final.append(f"{value} AS {name}")
        if can_fail(col, types[key]):
            present = ident("p_" + col.name)
            text = types[key].upper().startswith("VARCHAR")
            level1.append(
                (f"NULLIF(trim({rexpr}), '') IS NOT NULL" if text else f"{rexpr} IS NOT NULL")
                + f" AS {present}"
            )
            bits[i] = col.name
            fallible.add(col.name)
            bad_bits.append(f"(CASE WHEN {present} AND {value} IS NULL THEN {1 << i} ELSE 0 END)")
    bad = " + ".join(bad_bits) if bad_bits else "0"
    # Rows whose skip_missing column is empty (and not merely unreadable) are skipped.
    skip = " OR ".join(
        f"({ident('v_' + c)} IS NULL AND NOT coalesce({ident('p_' + c)}, FALSE))"
        if c in fallible else f"{ident('v_' + c)} IS NULL"
        for c in ctx.m.skip_missing if ("r_" + c) in types
    ) or "FALSE"
    staged = temp_name("stg")
    kind = "TABLE" if materialise else "VIEW"
    try:
        with ctx.watch("checking"):
            ctx.con.execute(
                f"CREATE TEMP {kind} {staged} AS SELECT _row, _keep, ({skip}) AS _skip, "
                f"{', '.join(final)}, CAST({bad} AS BIGINT) AS _bad FROM "
                f"(SELECT {', '.join(level1)} FROM {inner} r {tp_join})"
            )
    except duckdb.Error as exc:
        raise IngestError([Problem(ctx.file, reader_message(exc, "csv"))]) from None
    unread = set(bits.values()) - ({"stage"} if bad_stages == 0 else set())
    plain = not where and skip == "FALSE" and not unread
    return Staged(staged, inner, source_of, bits, plain)


def _stage_table(ctx: LoadContext, inner: str, text: bool) -> tuple[str, int]:
    """The table of each distinct stage spelling and its stage, and how many spellings no stage
    has: the rows with one of those are the ones the stage bit of _bad flags."""
    values = [r[0] for r in ctx.con.execute(
        f"SELECT DISTINCT CAST(r_stage AS VARCHAR) FROM {inner} WHERE r_stage IS NOT NULL"
    ).fetchall()]
    name = temp_name("sm")
    ctx.con.execute(f"CREATE TEMP TABLE {name} (raw VARCHAR, stage VARCHAR)")
    # Blank spellings too, with no stage: the join gives them NULL either way, and the count
    # below then judges every spelling the file has, in SQL, as the per-row bit does.
    rows = [(v, normalize_stage(v) if v.strip() else None) for v in values]
    if rows:
        ctx.con.executemany(f"INSERT INTO {name} VALUES (?, ?)", rows)
    present = "NULLIF(trim(raw), '') IS NOT NULL" if text else "TRUE"
    bad = ctx.con.execute(f"SELECT count(*) FROM {name} WHERE stage IS NULL AND {present}").fetchone()
    return name, int(bad[0]) if bad else 0


def redact(ctx: LoadContext, staged: str, src: Source | None = None) -> None:
    """Replace contact, payment and place details, and the names of customers the store knows,
    in customer-written columns before anything is compared or written, so the store never
    holds them and an unchanged file still compares equal (redacted against redacted). A load's
    `names` columns (a help desk's Customer Name) add the name each row gives to what is known,
    for that load only: the name is never stored, its texts are."""
    columns = [c for c in ctx.t.columns if c.free_text]
    if not columns:
        return
    names = known_names(ctx.con)
    who = "customer_id" if "customer_id" in ctx.t.column_names else "NULL"
    rows = _row_names(ctx, src) if src is not None and ctx.m.names else None
    if rows is not None:
        names = names.merged(rows)
    for col in columns:
        name = ident(col.name)
        # Without known names only values with a digit or an @, or that introduce a name ("my
        # name is ..."), can hold something to redact.
        screen = f"{name} IS NOT NULL" if names else f"regexp_matches({name}, {lit(SQL_SCREEN)})"
        frame = ctx.con.execute(f"SELECT _row, {name} AS v, {who} AS c FROM {staged} WHERE {screen}").df()
        if frame.empty:
            continue
        ids = frame["c"]
        if rows is not None:  # a row that names its customer is redacted with that name
            key = "row:" + frame["_row"].astype(str)
            ids = key.where(key.isin(list(rows.own)), frame["c"])
        frame["r"] = redact_series(frame["v"].astype(object), names, ids)
        frame = frame.loc[frame["r"] != frame["v"], ["_row", "r"]]
        if frame.empty:
            continue
        view = temp_name("pii")
        ctx.con.register(view, frame)
        try:
            ctx.con.execute(f"UPDATE {staged} SET {name} = p.r FROM {view} p WHERE {staged}._row = p._row")
        finally:
            ctx.con.unregister(view)


def _row_names(ctx: LoadContext, src: Source) -> KnownNames | None:
    """The customer's name as each row of the file gives it (`names` of the load), keyed
    "row:<_row>"; None when the file has none of those columns or no names in them."""
    cols = [a for a in (match_column(src, c) for c in ctx.m.names) if a is not None]
    if not cols:
        return None
    parts = [f"CAST(s.{ident(c)} AS VARCHAR)" for c in cols[:2]]
    nobody = [f"NOT {derive.condition(ctx, src, c, list(v), what='names_where_not', ignore_case=True)}"
              for c, v in ctx.m.names_where_not.items() if has_column(src, c)]
    named = " AND ".join([f"coalesce({', '.join(parts)}) IS NOT NULL", *nobody])
    frame = ctx.con.execute(f"SELECT s._row, {', '.join(parts)} FROM {src.relation} s WHERE {named}").fetchall()
    if not frame:
        return None
    if len(cols) == 1:
        people = ((f"row:{r[0]}", None, None, r[1]) for r in frame)
    else:
        people = ((f"row:{r[0]}", r[1], r[2], None) for r in frame)
    return KnownNames.from_people(people)


def _touchpoint_table(ctx: LoadContext, inner: str) -> str:
    values = [
        r[0] for r in ctx.con.execute(
            f"SELECT DISTINCT CAST(r_touchpoint AS VARCHAR) FROM {inner} WHERE r_touchpoint IS NOT NULL"
        ).fetchall()
    ]
    rows = []
    for v in values:
        norm = normalize_touchpoint(v)
        info = ctx.tpmap.lookup(norm)
        rows.append((v, norm or None, info.stage if info else None, info.online if info else None))
    name = temp_name("tp")
    ctx.con.execute(
        f"CREATE TEMP TABLE {name} (raw VARCHAR, touchpoint VARCHAR, stage VARCHAR, online BOOLEAN)"
    )
    if rows:
        ctx.con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?, ?)", rows)
    return name
