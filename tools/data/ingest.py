"""Validated, all-or-nothing, idempotent ingest of CSV, Parquet and JSON-lines exports.

The work happens inside DuckDB as set operations: the file is read into a temporary table,
each journey column is computed from the mapping in one projection (with a bit per column
that failed to parse), every check is an aggregate over that staging table, and only when no
check fails are rows written, inside one transaction with the other loads of the same call.
Any problem rolls everything back, so the store is exactly as it was.

Idempotency: rows with a key (orders, surveys, tickets, customers) replace the stored row with
the same key only when something changed; events, which have no id in most exports, are added
only when no stored event has the same customer, time, touchpoint and session.
"""

from __future__ import annotations

import codecs
import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from tools.core.errors import IngestError, Problem
from tools.core.pii import redact_series
from tools.core.stages import TouchpointMap, normalize_stage, normalize_touchpoint
from tools.data import first_touch, session_table
from tools.data.mapping import Lookup, Mapping, ReadOptions, load_recipe
from tools.data.schema import TABLES, Column, Table
from tools.data.store import JourneyStore

MAX_EXAMPLES = 5  # example rows shown per kind of problem
MAX_PROBLEMS = 20

Progress = Callable[[str, float], None]  # (phase, fraction 0..1 of that phase)


@dataclass(frozen=True)
class IngestReport:
    table: str
    file: str
    mapping: str | None
    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    skipped: int
    customers_created: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()

    def to_text(self) -> str:
        parts = [f"{self.inserted:,} new", f"{self.updated:,} updated", f"{self.unchanged:,} unchanged"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped")
        if self.customers_created:
            parts.append(f"{self.customers_created:,} customers created")
        rate = self.rows_read / self.seconds if self.seconds > 0 else 0
        text = (
            f"{self.table:<9} <- {Path(self.file).name}: {self.rows_read:,} rows read; "
            + ", ".join(parts)
            + f" ({self.seconds:.2f} s, {rate:,.0f} rows/s)"
        )
        return "\n".join([text, *(f"  note: {w}" for w in self.warnings)])


@dataclass(frozen=True)
class Load:
    path: Path
    mapping: Mapping


@dataclass
class _Problems:
    items: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, problem: Problem, count: int = 1) -> None:
        self.total += count
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(problem)

    def raise_if_any(self) -> None:
        if self.total:
            raise IngestError(self.items, self.total)


# -- public entry points ------------------------------------------------------------------


def ingest_file(
    store: JourneyStore,
    table: str,
    path: str | Path,
    mapping: Mapping | None = None,
    *,
    touchpoints: TouchpointMap | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Load one export into one table. Raises IngestError and writes nothing on bad input."""
    if table not in TABLES:
        raise IngestError([Problem(str(path), f"unknown table {table!r}; tables are {', '.join(TABLES)}")])
    m = mapping or Mapping(table=table)  # type: ignore[arg-type]
    if m.table != table:
        raise IngestError([Problem(str(path), f"the mapping is for {m.table}, not {table}")])
    return ingest_loads(store, [Load(Path(path), m)], touchpoints=touchpoints, progress=progress)[0]


def ingest_recipe(
    store: JourneyStore,
    recipe_path: str | Path,
    *,
    data_dir: str | Path | None = None,
    touchpoints: TouchpointMap | None = None,
    progress: Progress | None = None,
) -> list[IngestReport]:
    """Apply every load of a recipe in one transaction."""
    recipe, base = load_recipe(recipe_path)
    folder = Path(data_dir).resolve() if data_dir else base
    loads = [Load(folder / str(m.file), m) for m in recipe.load]
    return ingest_loads(store, loads, touchpoints=touchpoints, progress=progress, base_dir=folder)


def ingest_loads(
    store: JourneyStore,
    loads: list[Load],
    *,
    touchpoints: TouchpointMap | None = None,
    progress: Progress | None = None,
    base_dir: Path | None = None,
) -> list[IngestReport]:
    """All loads succeed together or none is applied."""
    tpmap = touchpoints or TouchpointMap.default()
    reports: list[IngestReport] = []
    with store.connect() as con:
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = false")
        con.begin()
        try:
            sessions = _SessionUpdate()
            for i, load in enumerate(loads):
                runner = _LoadRunner(con, store, load, tpmap, progress, i, base_dir, sessions)
                reports.append(runner.run())
            sessions.apply(con, store.timezone)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        finally:
            _drop_temps(con)
    return reports


def folder_loads(folder: str | Path) -> list[Load]:
    """Files named after the journey tables (customers.csv, events.parquet, ...) in load order.

    Customers come first so that orders, surveys and tickets can refer to them."""
    base = Path(folder)
    loads = []
    for table in ("customers", "events", "orders", "surveys", "tickets"):
        for suffix in (".parquet", ".csv", ".jsonl"):
            candidate = base / f"{table}{suffix}"
            if candidate.exists():
                loads.append(Load(candidate, Mapping(table=table)))  # type: ignore[arg-type]
                break
    return loads


# -- the work -----------------------------------------------------------------------------


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


_TRUE = ("true", "t", "yes", "y", "1")
_FALSE = ("false", "f", "no", "n", "0")

_temp_counter = 0


def _temp_name(prefix: str) -> str:
    global _temp_counter
    _temp_counter += 1
    return f"_jb_{prefix}_{_temp_counter}"


def _drop_temps(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_name LIKE '\\_jb\\_%' ESCAPE '\\'"
    ).fetchall()
    for name, kind in rows:
        what = "VIEW" if "VIEW" in str(kind).upper() else "TABLE"
        con.execute(f"DROP {what} IF EXISTS {_ident(name)}")


class _SessionUpdate:
    """Which sessions (and customers' first events) the loads of one call changed; rebuilt
    before the call commits, so the sessions and first_touch tables move with the events (and
    roll back with them)."""

    def __init__(self) -> None:
        self.everything = False
        self.keys: str | None = None
        self.customers: str | None = None

    def add(self, con: duckdb.DuckDBPyConnection, staged: str, timezone: str) -> None:
        if self.everything:
            return
        if self.keys is None:
            self.keys, self.customers = _temp_name("sesskeys"), _temp_name("firstcust")
            con.execute(f"CREATE TEMP TABLE {self.keys} AS {session_table.keys_sql(staged, timezone)}")
            con.execute(f"CREATE TEMP TABLE {self.customers} AS {first_touch.customers_sql(staged)}")
        else:
            con.execute(f"INSERT INTO {self.keys} {session_table.keys_sql(staged, timezone)}")
            con.execute(f"INSERT INTO {self.customers} {first_touch.customers_sql(staged)}")

    def apply(self, con: duckdb.DuckDBPyConnection, timezone: str) -> None:
        if self.everything:
            # A first load: one grouping of all events beats looking up every key.
            session_table.rebuild(con, timezone)
            first_touch.rebuild(con)
        elif self.keys is not None and self.customers is not None:
            session_table.refresh(con, self.keys)
            first_touch.refresh(con, self.customers)


@dataclass(frozen=True)
class _Check:
    condition: str  # SQL over the staged columns, true for a bad row
    column: str | None
    expected: str | None
    message: str
    raw_col: str | None = None  # whose raw value to show as "got"
    kind: str = "row"


class _NeedRowNumbers(Exception):
    """A check failed while streaming a file without row numbers: stage it and look again."""


@dataclass
class _Source:
    relation: str  # SQL relation over the file with a 1-based `_row` column
    columns: dict[str, str]  # lower-case name -> actual name
    types: dict[str, str]  # actual name -> DuckDB type
    numbered: bool  # whether _row holds the file's row numbers


class _LoadRunner:
    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        store: JourneyStore,
        load: Load,
        tpmap: TouchpointMap,
        progress: Progress | None,
        index: int,
        base_dir: Path | None,
        sessions: _SessionUpdate | None = None,
    ):
        self.con = con
        self.sessions = sessions or _SessionUpdate()
        self.store = store
        self.load = load
        self.m = load.mapping
        self.t: Table = TABLES[self.m.table]
        self.tpmap = tpmap
        self.progress = progress
        self.index = index
        self.base_dir = base_dir or load.path.parent
        self.file = str(load.path)
        self.problems = _Problems()
        self.warnings: list[str] = []
        self.tz = self.m.options.timezone or store.timezone

    # ---- orchestration
    def run(self) -> IngestReport:
        """Events stream: checks run as one aggregate over a view of the file and rows go
        straight into the table, so 10 million rows never sit in memory twice. Keyed tables
        (and any load whose file has no row numbers when a check fails) are staged in a
        temporary table, which is what finding the offending rows needs."""
        uses_row = any("{_row" in t for t in self.m.templates.values())
        free_text = any(c.free_text for c in self.t.columns)  # redaction updates staged rows
        if not self.t.replace_on_key and not uses_row and not free_text:
            try:
                return self._run(streaming=True)
            except _NeedRowNumbers:
                self.problems = _Problems()
                self.warnings = []
        return self._run(streaming=False)

    def _run(self, *, streaming: bool) -> IngestReport:
        # Timestamps without an offset are read in the source's zone; views evaluate lazily,
        # so the zone stays set for every statement of the load.
        self.con.execute(f"SET TimeZone = {_lit(self.tz)}")
        try:
            return self._run_in_zone(streaming=streaming)
        finally:
            with contextlib.suppress(duckdb.Error):  # an aborted transaction is rolled back anyway
                self.con.execute(f"SET TimeZone = {_lit(self.store.timezone)}")

    def _run_in_zone(self, *, streaming: bool) -> IngestReport:
        started = time.perf_counter()
        self._phase("reading", 0.0)
        src = self._read(self.load.path, self.m.options, self.file, streaming=streaming)
        self.numbered = src.numbered
        self._phase("checking", 0.0)
        base = self._stage(src, materialise=not streaming)
        if not streaming:  # only tables without free text stream (see run)
            self._redact(base)
        counts = self._check(base, streaming=streaming)
        staged = self._kept(base, materialised=not streaming)
        self._dedupe(staged)
        created = self._customers(staged)
        self.problems.raise_if_any()
        self._phase("writing", 0.0)
        inserted, updated, unchanged = self._write(staged, counts["kept"])
        seconds = time.perf_counter() - started
        skipped = counts["filtered"] + counts["skipped"]
        self.con.execute(
            "INSERT INTO ingest_log VALUES (now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [self.t.name, self.file, self.m.name, self.load.path.stat().st_size, counts["total"],
             inserted, updated, unchanged, skipped, seconds],
        )
        self._phase("done", 1.0)
        return IngestReport(
            self.t.name, self.file, self.m.name, counts["total"], inserted, updated, unchanged,
            skipped, created, seconds, tuple(self.warnings),
        )

    def _phase(self, name: str, fraction: float) -> None:
        if self.progress:
            self.progress(f"{self.t.name}: {name}", fraction)

    @contextmanager
    def _watch(self, phase: str) -> Iterator[None]:
        """Report DuckDB's own progress of a long statement."""
        if not self.progress:
            yield
            return
        stop = threading.Event()

        def poll() -> None:
            while not stop.wait(0.2):
                try:
                    pct = self.con.query_progress()
                except Exception:  # connection busy or closed: progress is best effort
                    return
                if pct >= 0:
                    self._phase(phase, min(pct / 100.0, 1.0))

        thread = threading.Thread(target=poll, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    # ---- reading
    def _read(self, path: Path, opts: ReadOptions, label: str, *, streaming: bool = False) -> _Source:
        fmt = _precheck(path, opts, label)
        name = _temp_name("src")
        # Text files have no row numbers unless copied into a table; the streaming path reads
        # them in place and comes back for the numbers only if a check fails.
        kind = "VIEW" if streaming else "TABLE"
        try:
            with self._watch("reading"):
                if fmt == "parquet":
                    # Parquet is typed and numbers its rows itself: read it in place, once,
                    # during staging, instead of copying it into a table first.
                    reader = f"read_parquet({_lit(str(path))}, file_row_number=true)"
                    self.con.execute(
                        f"CREATE TEMP VIEW {name} AS SELECT file_row_number + 1 AS _row, "
                        f"* EXCLUDE (file_row_number) FROM {reader}"
                    )
                elif fmt == "jsonl":
                    self.con.execute(
                        f"CREATE TEMP {kind} {name} AS SELECT * FROM "
                        f"read_json({_lit(str(path))}, format='newline_delimited')"
                    )
                else:
                    args = ["all_varchar=true", f"header={'true' if opts.header else 'false'}"]
                    if opts.delimiter:
                        args.append(f"delim={_lit(opts.delimiter)}")
                    if opts.quote is not None:
                        args.append(f"quote={_lit(opts.quote)}")
                    if opts.encoding != "utf-8":
                        args.append(f"encoding={_lit(opts.encoding)}")
                    self.con.execute(
                        f"CREATE TEMP {kind} {name} AS SELECT * FROM "
                        f"read_csv({_lit(str(path))}, {', '.join(args)})"
                    )
                # Touch the file now so that a file DuckDB cannot read fails here, named.
                self.con.execute(f"SELECT * FROM {name} LIMIT 1").fetchall()
        except duckdb.Error as exc:
            raise IngestError([Problem(label, _reader_message(exc, fmt))]) from None
        if fmt != "parquet":
            table = name
            name = _temp_name("srcv")
            if streaming:
                row = "CAST(NULL AS BIGINT)"
            else:
                # Rows of a table created in an open transaction are numbered from a large
                # offset, in insertion order, which is file order: the row number is relative.
                first = self.con.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0] or 0  # type: ignore[index]
                row = f"rowid - {int(first)} + 1"
            self.con.execute(f"CREATE TEMP VIEW {name} AS SELECT {row} AS _row, * FROM {table}")
        desc = self.con.execute(f"DESCRIBE {name}").fetchall()
        types = {row[0]: str(row[1]) for row in desc if row[0] != "_row"}
        if not self.con.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchall():
            raise IngestError([Problem(label, "the file has a header but no data rows")])
        if fmt == "csv" and len(types) == 1:
            only = next(iter(types))
            for sep, word in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes"), (",", "commas")):
                if sep in only and sep != (opts.delimiter or ","):
                    raise IngestError([Problem(
                        label,
                        f"found a single column {only[:60]!r}: the file looks separated by {word}"
                        + (f", not {opts.delimiter!r}" if opts.delimiter else "")
                        + f". Set the delimiter to {sep!r} (--delimiter or options.delimiter).",
                    )])
        return _Source(name, {c.strip().lower(): c for c in types}, types, numbered=not (streaming and fmt != "parquet"))

    def _col(self, src: _Source, name: str, what: str) -> str:
        actual = src.columns.get(name.strip().lower())
        if actual is None:
            found = ", ".join(repr(c) for c in src.types) or "none"
            self.problems.add(Problem(
                self.file, f"{what}: column {name!r} is not in the file; its columns are {found}"
            ))
            raise IngestError(self.problems.items, self.problems.total)
        return actual

    # ---- staging
    def _raw_exprs(self, src: _Source) -> tuple[dict[str, str], dict[str, str], list[str]]:
        """SQL giving each journey column's raw value; which file column it came from; joins."""
        m = self.m
        raw: dict[str, str] = {}
        source_of: dict[str, str] = {}
        joins: list[str] = []
        for target, source in m.columns.items():
            actual = self._col(src, source, f"mapping for {target!r}")
            raw[target] = f"s.{_ident(actual)}"
            source_of[target] = actual
        for target, value in m.constants.items():
            raw[target] = _lit(value)
        for target, template in m.templates.items():
            raw[target] = self._template(src, template, target)
        for target, cols in m.concat.items():
            parts = [
                f"NULLIF(trim(CAST(s.{_ident(self._col(src, c, f'concat for {target!r}'))} AS VARCHAR)), '')"
                for c in cols
            ]
            raw[target] = f"NULLIF(concat_ws(' - ', {', '.join(parts)}), '')"
        for target, lookup in m.lookups.items():
            alias = f"lk{len(joins)}"
            table = self._lookup_table(src, lookup, target)
            key = self._col(src, lookup.key, f"lookup for {target!r}")
            joins.append(
                f"LEFT JOIN {table} {alias} ON {alias}.k = trim(CAST(s.{_ident(key)} AS VARCHAR))"
            )
            raw[target] = f"{alias}.v"
            source_of[target] = f"{lookup.value} via {lookup.key}"
        for col in self.t.columns:
            if col.name in raw:
                continue
            actual = src.columns.get(col.name)
            if actual is not None:
                raw[col.name] = f"s.{_ident(actual)}"
                source_of[col.name] = actual
        if "source" not in raw:
            raw["source"] = _lit(m.name or self.load.path.name)
        for target, table in m.values.items():
            if target in raw:
                cases = " ".join(f"WHEN {_lit(k)} THEN {_lit(v)}" for k, v in table.items())
                raw[target] = (
                    f"(CASE trim(CAST({raw[target]} AS VARCHAR)) {cases} "
                    f"ELSE CAST({raw[target]} AS VARCHAR) END)"
                )
        if self.t.name == "customers" and (m.extra_columns or "attributes") == "attributes" \
                and "attributes" not in raw:
            used = {v.lower() for v in source_of.values()}
            extra = [c for c in src.types if c.lower() not in used and c.lower() not in self.t.column_names]
            if extra:
                pairs = ", ".join(f"{_lit(c)}, s.{_ident(c)}" for c in extra)
                raw["attributes"] = f"CAST(json_object({pairs}) AS VARCHAR)"
        return raw, source_of, joins

    def _template(self, src: _Source, template: str, target: str) -> str:
        import string

        pieces = []
        for text, field_name, _spec, _conv in string.Formatter().parse(template):
            if text:
                pieces.append(_lit(text))
            if field_name is None:
                continue
            if field_name == "_row":
                pieces.append("CAST(s._row AS VARCHAR)")
            else:
                actual = self._col(src, field_name, f"template for {target!r}")
                pieces.append(f"COALESCE(trim(CAST(s.{_ident(actual)} AS VARCHAR)), '')")
        return f"NULLIF(concat({', '.join(pieces) or _lit('')}), '')"

    def _lookup_table(self, src: _Source, lookup: Lookup, target: str) -> str:
        name = _temp_name("lk")
        if lookup.table:
            ltable = TABLES[lookup.table]
            for c in (lookup.match, lookup.value):
                if c not in ltable.column_names:
                    self.problems.add(Problem(self.file, f"lookup for {target!r}: {lookup.table} has no column {c!r}"))
                    raise IngestError(self.problems.items, self.problems.total)
            from_sql, match, value = _ident(lookup.table), _ident(lookup.match), _ident(lookup.value)
            order = "rowid"  # insertion order of the store table
        else:
            path = (self.base_dir / str(lookup.file)).resolve()
            lsrc = self._read(path, lookup.options, str(path))
            from_sql = lsrc.relation
            match = _ident(self._col(lsrc, lookup.match, f"lookup for {target!r} in {path.name}"))
            value = _ident(self._col(lsrc, lookup.value, f"lookup for {target!r} in {path.name}"))
            order = "_row"
        agg = {
            "first": f"first({value} ORDER BY {order})",
            "sum": f"sum(TRY_CAST({value} AS DOUBLE))",
            "count": "count(*)",
            "min": f"min({value})",
            "max": f"max({value})",
        }[lookup.agg]
        self.con.execute(
            f"CREATE TEMP TABLE {name} AS SELECT trim(CAST({match} AS VARCHAR)) AS k, {agg} AS v "
            f"FROM {from_sql} GROUP BY 1"
        )
        return name

    def _filters(self, src: _Source) -> list[str]:
        out = []
        for col, allowed in self.m.where.items():
            actual = self._col(src, col, "where")
            vals = ", ".join(_lit(v) for v in allowed)
            out.append(f"trim(CAST(s.{_ident(actual)} AS VARCHAR)) IN ({vals})")
        for col, banned in self.m.where_not.items():
            actual = self._col(src, col, "where_not")
            vals = ", ".join(_lit(v) for v in banned)
            out.append(
                f"(s.{_ident(actual)} IS NULL OR trim(CAST(s.{_ident(actual)} AS VARCHAR)) NOT IN ({vals}))"
            )
        return out

    def _stage(self, src: _Source, *, materialise: bool) -> str:
        raw, source_of, joins = self._raw_exprs(src)
        missing = [c for c in self.t.required if c not in raw and c not in ("stage",)]
        if missing:
            have = ", ".join(repr(c) for c in src.types)
            for c in missing:
                self.problems.add(Problem(
                    self.file,
                    f"missing required column {c!r} for {self.t.name} "
                    f"({self.t.column(c).description}); map it with --map {c}=<column in the file> "
                    f"or a mapping in config. The file has: {have}",
                    column=c,
                ))
            self.problems.raise_if_any()
        where = self._filters(src)
        inner = _temp_name("raw")
        select = ", ".join(f"{expr} AS {_ident('r_' + t)}" for t, expr in raw.items())
        keep = " AND ".join(where) if where else "TRUE"
        self.con.execute(
            f"CREATE TEMP VIEW {inner} AS SELECT s._row AS _row, ({keep}) AS _keep, {select} "
            f"FROM {src.relation} s {' '.join(joins)}"
        )
        types = {r[0]: str(r[1]) for r in self.con.execute(f"DESCRIBE {inner}").fetchall()}
        # Touchpoints are normalised over their distinct values, not per row.
        tp_join = ""
        tp_table = None
        if "touchpoint" in raw:
            tp_table = self._touchpoint_table(inner)
            tp_join = f"LEFT JOIN {tp_table} tp ON tp.raw = CAST(r.{_ident('r_touchpoint')} AS VARCHAR)"
        if "r_stage" in types:
            # Stage names are mapped over their distinct values too: a per-row CASE over every
            # spelling costs more than the rest of the load together.
            stage_table = self._stage_table(inner)
            tp_join += f" LEFT JOIN {stage_table} sm ON sm.raw = CAST(r.{_ident('r_stage')} AS VARCHAR)"
        # Level 1 converts each raw value (v_<col>) and, where conversion can fail, notes whether
        # there was a value at all (p_<col>); level 2 assembles the columns and a bitmask of the
        # columns that had a value but could not be read, so each conversion runs once per row.
        level1: list[str] = ["r._row AS _row", "r._keep AS _keep"]
        final: list[str] = []
        bad_bits: list[str] = []
        self.bits: dict[int, str] = {}
        fallible: set[str] = set()
        if tp_table:
            level1 += ["tp.touchpoint AS tp_touchpoint", "tp.stage AS tp_stage", "tp.online AS tp_online"]
        for i, col in enumerate(self.t.columns):
            key = "r_" + col.name
            name = _ident(col.name)
            if col.name == "touchpoint" and tp_table:
                final.append(f"tp_touchpoint AS {name}")
                continue
            if key not in types:
                if col.name == "stage" and tp_table:
                    default = _lit("post-purchase") if self.t.name == "tickets" else "NULL"
                    final.append(f"COALESCE(tp_stage, {default}) AS {name}")
                elif col.name == "stage" and self.t.name == "tickets":
                    final.append(f"'post-purchase' AS {name}")
                elif col.name == "online" and tp_table:
                    final.append(f"tp_online AS {name}")
                else:
                    final.append(f"CAST(NULL AS {col.sql_type}) AS {name}")
                continue
            rexpr = f"r.{_ident(key)}"
            converted = "sm.stage" if col.kind == "stage" else _convert(col, rexpr, types[key], self.m.options)
            level1.append(f"{converted} AS {_ident('v_' + col.name)}")
            value = _ident("v_" + col.name)
            if col.name == "stage" and tp_table:
                final.append(f"COALESCE({value}, tp_stage) AS {name}")
            elif col.name == "online" and tp_table:
                final.append(f"COALESCE({value}, tp_online) AS {name}")
            else:
                final.append(f"{value} AS {name}")
            if _can_fail(col, types[key]):
                present = _ident("p_" + col.name)
                text = types[key].upper().startswith("VARCHAR")
                level1.append(
                    (f"NULLIF(trim({rexpr}), '') IS NOT NULL" if text else f"{rexpr} IS NOT NULL")
                    + f" AS {present}"
                )
                self.bits[i] = col.name
                fallible.add(col.name)
                bad_bits.append(f"(CASE WHEN {present} AND {value} IS NULL THEN {1 << i} ELSE 0 END)")
        bad = " + ".join(bad_bits) if bad_bits else "0"
        # Rows whose skip_missing column is empty (and not merely unreadable) are skipped.
        skip = " OR ".join(
            f"({_ident('v_' + c)} IS NULL AND NOT coalesce({_ident('p_' + c)}, FALSE))"
            if c in fallible else f"{_ident('v_' + c)} IS NULL"
            for c in self.m.skip_missing if ("r_" + c) in types
        ) or "FALSE"
        staged = _temp_name("stg")
        kind = "TABLE" if materialise else "VIEW"
        try:
            with self._watch("checking"):
                self.con.execute(
                    f"CREATE TEMP {kind} {staged} AS SELECT _row, _keep, ({skip}) AS _skip, "
                    f"{', '.join(final)}, CAST({bad} AS BIGINT) AS _bad FROM "
                    f"(SELECT {', '.join(level1)} FROM {inner} r {tp_join})"
                )
        except duckdb.Error as exc:
            raise IngestError([Problem(self.file, _reader_message(exc, "csv"))]) from None
        self.source_of = source_of
        self.raw_view = inner
        return staged

    def _stage_table(self, inner: str) -> str:
        values = [r[0] for r in self.con.execute(
            f"SELECT DISTINCT CAST(r_stage AS VARCHAR) FROM {inner} WHERE r_stage IS NOT NULL"
        ).fetchall()]
        name = _temp_name("sm")
        self.con.execute(f"CREATE TEMP TABLE {name} (raw VARCHAR, stage VARCHAR)")
        rows = [(v, normalize_stage(v)) for v in values if v.strip()]
        if rows:
            self.con.executemany(f"INSERT INTO {name} VALUES (?, ?)", rows)
        return name

    def _redact(self, staged: str) -> None:
        """Replace emails, phone numbers and card numbers in customer-written columns before
        anything is compared or written, so the store never holds them and an unchanged file
        still compares equal (redacted against redacted)."""
        for col in self.t.columns:
            if not col.free_text:
                continue
            name = _ident(col.name)
            # Only values with a digit or an @ can hold something to redact.
            frame = self.con.execute(
                f"SELECT _row, {name} AS v FROM {staged} WHERE regexp_matches({name}, '[0-9@]')"
            ).df()
            if frame.empty:
                continue
            frame["r"] = redact_series(frame["v"])
            frame = frame.loc[frame["r"] != frame["v"], ["_row", "r"]]
            if frame.empty:
                continue
            view = _temp_name("pii")
            self.con.register(view, frame)
            try:
                self.con.execute(f"UPDATE {staged} SET {name} = p.r FROM {view} p WHERE {staged}._row = p._row")
            finally:
                self.con.unregister(view)

    def _touchpoint_table(self, inner: str) -> str:
        values = [
            r[0] for r in self.con.execute(
                f"SELECT DISTINCT CAST(r_touchpoint AS VARCHAR) FROM {inner} WHERE r_touchpoint IS NOT NULL"
            ).fetchall()
        ]
        rows = []
        for v in values:
            norm = normalize_touchpoint(v)
            info = self.tpmap.lookup(norm)
            rows.append((v, norm or None, info.stage if info else None, info.online if info else None))
        name = _temp_name("tp")
        self.con.execute(
            f"CREATE TEMP TABLE {name} (raw VARCHAR, touchpoint VARCHAR, stage VARCHAR, online BOOLEAN)"
        )
        if rows:
            self.con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?, ?)", rows)
        return name

    # ---- checks
    def _checks(self) -> list[_Check]:
        """Every row-level rule of the table, as SQL conditions over the staged columns."""
        checks: list[_Check] = []
        for i, name in self.bits.items():
            col = self.t.columns[i]
            checks.append(_Check(f"(_bad & {1 << i}) <> 0", name, col.expected,
                                 "could not read this value", raw_col=name))
        for col in self.t.columns:
            name = _ident(col.name)
            if col.required and col.name not in ("stage", "touchpoint"):
                i = self.t.column_names.index(col.name)
                checks.append(_Check(f"{name} IS NULL AND (_bad & {1 << i}) = 0", col.name,
                                     col.expected, "a required value is empty"))
            if col.min is not None:
                checks.append(_Check(f"{name} < {col.min}", col.name, col.expected,
                                     "value out of range", raw_col=col.name))
            if col.max is not None:
                checks.append(_Check(f"{name} > {col.max}", col.name, col.expected,
                                     "value out of range", raw_col=col.name))
            if col.choices:
                allowed = ", ".join(_lit(c) for c in col.choices)
                checks.append(_Check(
                    f"{name} IS NOT NULL AND {name} NOT IN ({allowed})", col.name,
                    col.expected + " (map other codes with values.<column>)", "unknown value",
                    raw_col=col.name,
                ))
        if self.t.name == "events":
            checks.append(_Check("touchpoint IS NULL", "touchpoint", "a touchpoint name",
                                 "a required value is empty"))
            checks.append(_Check("stage IS NULL AND touchpoint IS NOT NULL", "touchpoint", None,
                                 "", kind="unknown_touchpoint"))
        if self.t.one_of:
            cond = " AND ".join(f"{_ident(c)} IS NULL" for c in self.t.one_of) + " AND _bad = 0"
            checks.append(_Check(cond, None, None, f"the row has none of {', '.join(self.t.one_of)}"))
        for earlier, later in self.t.ordered:
            checks.append(_Check(f"{_ident(later)} < {_ident(earlier)}", later,
                                 f"a time after {earlier}", f"{later} is before {earlier}",
                                 raw_col=later))
        if self.t.checks_customer and self.m.unknown_customers == "error":
            checks.append(_Check(
                "customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM customers)",
                "customer_id", "a customer_id that exists in customers",
                "unknown customer (load the customers export first, or set unknown_customers = "
                "\"create\" / --create-customers)", raw_col="customer_id",
            ))
        return checks

    def _check(self, staged: str, *, streaming: bool) -> dict[str, int]:
        """One pass over the staged rows counts every rule's violations; examples with row
        numbers are fetched only for rules that failed."""
        checks = self._checks()
        live = "_keep AND NOT _skip"
        # count_if over plain expressions (not FILTER clauses): DuckDB then computes the
        # shared conversions once per row instead of once per check.
        aggs = ["count(*)", "count_if(NOT _keep)", "count_if(_keep AND _skip)"]
        aggs += [f"count_if({live} AND ({c.condition}))" for c in checks]
        with self._watch("checking"):
            row = self.con.execute(f"SELECT {', '.join(aggs)} FROM {staged}").fetchone()
        assert row is not None
        total, filtered, skipped, *violations = (int(v or 0) for v in row)  # count_if of no rows is NULL
        failed = [(c, n) for c, n in zip(checks, violations, strict=True) if n]
        if failed and not self.numbered:
            raise _NeedRowNumbers()
        for check, n in failed:
            if check.kind == "unknown_touchpoint":
                self._unknown_touchpoints(staged)
            else:
                self._examples(staged, f"{live} AND ({check.condition})", n, check)
        return {"total": total, "filtered": filtered, "skipped": skipped,
                "kept": total - filtered - skipped}

    def _examples(self, staged: str, condition: str, count: int, check: _Check) -> None:
        got_sql = f"CAST(v.{_ident('r_' + check.raw_col)} AS VARCHAR)" if check.raw_col else "NULL"
        # The condition names staged columns; select the failing rows first, then their raw values.
        rows = self.con.execute(
            f"SELECT st._row, {got_sql} FROM (SELECT _row FROM {staged} WHERE {condition} "
            f"ORDER BY _row LIMIT {MAX_EXAMPLES}) st JOIN {self.raw_view} v ON v._row = st._row "
            "ORDER BY st._row"
        ).fetchall()
        shown_col = self.source_of.get(check.column, check.column) if check.column else None
        for row, got in rows:
            self.problems.add(Problem(self.file, check.message, int(row), shown_col, check.expected,
                                      None if got is None else str(got)))
        self.problems.total += count - len(rows)

    def _unknown_touchpoints(self, staged: str) -> None:
        unknown = self.con.execute(
            f"SELECT touchpoint, count(*), min(_row) FROM {staged} "
            "WHERE _keep AND NOT _skip AND stage IS NULL AND touchpoint IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        for tp, n, first_row in unknown:
            self.problems.add(Problem(
                self.file,
                f"touchpoint {tp!r} ({n:,} rows) has no journey stage: add it under "
                f"[touchpoints] in config (e.g. {tp} = {{ stage = \"consideration\", "
                "online = true }) or map a stage column",
                row=int(first_row), column=self.source_of.get("touchpoint", "touchpoint"),
            ), count=int(n))

    def _kept(self, staged: str, *, materialised: bool) -> str:
        """The rows to write: filtered and skipped rows left out."""
        if materialised:
            self.con.execute(f"DELETE FROM {staged} WHERE NOT _keep OR _skip")
            return staged
        kept = _temp_name("kept")
        self.con.execute(f"CREATE TEMP VIEW {kept} AS SELECT * FROM {staged} WHERE _keep AND NOT _skip")
        return kept

    def _dedupe(self, staged: str) -> None:
        if not self.t.replace_on_key:
            return
        key = ", ".join(_ident(k) for k in self.t.key)
        data_cols = [c for c in self.t.column_names if c not in ("source",)]
        dupes = self.con.execute(
            f"SELECT {key}, count(*) AS n, count(DISTINCT ({', '.join(_ident(c) for c in data_cols)})) AS variants, "
            f"list(_row ORDER BY _row) AS rows FROM {staged} GROUP BY {key} HAVING count(*) > 1 "
            f"ORDER BY min(_row)"
        ).fetchall()
        if not dupes:
            return
        conflicting = [d for d in dupes if d[-2] > 1]
        if conflicting and self.m.duplicates == "error":
            for d in conflicting[:MAX_EXAMPLES]:
                rows = d[-1]
                self.problems.add(Problem(
                    self.file,
                    f"{' + '.join(self.t.key)} {d[0]!r} appears in rows {', '.join(map(str, rows[:5]))} "
                    "with different values; keep one, or set duplicates = \"last\" in the mapping",
                    row=int(rows[1]), column=self.source_of.get(self.t.key[0], self.t.key[0]),
                ))
            if len(conflicting) > MAX_EXAMPLES:
                self.problems.total += len(conflicting) - MAX_EXAMPLES
            return
        pick = "max" if self.m.duplicates == "last" else "min"
        self.con.execute(
            f"DELETE FROM {staged} WHERE _row NOT IN (SELECT {pick}(_row) FROM {staged} GROUP BY {key})"
        )
        if conflicting:
            self.warnings.append(
                f"{len(conflicting):,} {self.t.key[0]} values appeared more than once; kept the "
                f"{'last' if pick == 'max' else 'first'} row of each"
            )

    def _customers(self, staged: str) -> int:
        """With unknown_customers = "create", add bare customers for ids not known yet (the
        "error" case is one of the checks)."""
        if not self.t.checks_customer or self.m.unknown_customers != "create" or self.problems.total:
            return 0
        time_col = _ident(self.t.time_column or "ts")
        n = self.con.execute(
            f"INSERT INTO customers (customer_id, first_seen, source) "
            f"SELECT customer_id, min({time_col}), {_lit('created by ' + (self.m.name or self.load.path.name))} "
            f"FROM {staged} WHERE customer_id IS NOT NULL "
            f"AND customer_id NOT IN (SELECT customer_id FROM customers) GROUP BY customer_id"
        ).fetchone()[0]  # type: ignore[index]
        return int(n)

    # ---- writing
    def _write(self, staged: str, total: int) -> tuple[int, int, int]:
        t = self.t
        cols = ", ".join(_ident(c) for c in t.column_names)
        if t.replace_on_key:  # dedupe may have removed rows since they were counted
            total = int(self.con.execute(f"SELECT count(*) FROM {staged}").fetchone()[0])  # type: ignore[index]
        existing = int(self.con.execute(f"SELECT count(*) FROM {_ident(t.name)}").fetchone()[0])  # type: ignore[index]
        with self._watch("writing"):
            if existing == 0:
                n = self.con.execute(f"INSERT INTO {_ident(t.name)} SELECT {cols} FROM {staged}").fetchone()[0]  # type: ignore[index]
                if t.name == "events" and n:
                    self.sessions.everything = True
                return int(n), 0, 0
            if not t.replace_on_key:
                same = " AND ".join(
                    f"e.{_ident(k)} IS NOT DISTINCT FROM s.{_ident(k)}" for k in t.key
                )
                n = self.con.execute(
                    f"INSERT INTO {_ident(t.name)} SELECT {', '.join('s.' + _ident(c) for c in t.column_names)} "
                    f"FROM {staged} s WHERE NOT EXISTS (SELECT 1 FROM {_ident(t.name)} e WHERE {same})"
                ).fetchone()[0]  # type: ignore[index]
                if t.name == "events" and n:
                    # Every session of the file, not only of the new rows: rebuilding a session
                    # whose events did not change gives the same row, and the new rows cannot be
                    # told from the old ones once inserted.
                    self.sessions.add(self.con, staged, self.store.timezone)
                return int(n), 0, total - int(n)
            on = " AND ".join(f"e.{_ident(k)} = s.{_ident(k)}" for k in t.key)
            differs = " OR ".join(
                f"e.{_ident(c)} IS DISTINCT FROM s.{_ident(c)}"
                for c in t.column_names if c not in t.key and c != "source"
            )
            changed = _temp_name("chg")
            self.con.execute(
                f"CREATE TEMP TABLE {changed} AS SELECT {', '.join('s.' + _ident(k) for k in t.key)} "
                f"FROM {staged} s JOIN {_ident(t.name)} e ON {on} WHERE {differs}"
            )
            matched = int(self.con.execute(
                f"SELECT count(*) FROM {staged} s WHERE EXISTS "
                f"(SELECT 1 FROM {_ident(t.name)} e WHERE {on})"
            ).fetchone()[0])  # type: ignore[index]
            updated = int(self.con.execute(f"SELECT count(*) FROM {changed}").fetchone()[0])  # type: ignore[index]
            key_list = ", ".join(_ident(k) for k in t.key)
            self.con.execute(
                f"DELETE FROM {_ident(t.name)} WHERE ({key_list}) IN (SELECT ({key_list}) FROM {changed})"
                if len(t.key) > 1 else
                f"DELETE FROM {_ident(t.name)} WHERE {key_list} IN (SELECT {key_list} FROM {changed})"
            )
            self.con.execute(
                f"INSERT INTO {_ident(t.name)} SELECT {', '.join('s.' + _ident(c) for c in t.column_names)} "
                f"FROM {staged} s WHERE NOT EXISTS (SELECT 1 FROM {_ident(t.name)} e WHERE {on})"
            )
            return total - matched, updated, matched - updated


# -- conversions --------------------------------------------------------------------------


_INTEGER_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                  "UINTEGER", "UBIGINT")
_NUMERIC_TYPES = (*_INTEGER_TYPES, "FLOAT", "DOUBLE", "DECIMAL")


def _can_fail(col: Column, src_type: str) -> bool:
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


def _convert(col: Column, expr: str, src_type: str, opts: ReadOptions) -> str:
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
            return f"CAST(TRY_STRPTIME({s}, {_lit(opts.timestamp_format)}) AS TIMESTAMPTZ)"
        return f"TRY_CAST({s} AS TIMESTAMPTZ)"
    if kind == "bool":
        if t == "BOOLEAN":
            return expr
        trues = ", ".join(_lit(v) for v in _TRUE)
        falses = ", ".join(_lit(v) for v in _FALSE)
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


# -- file checks --------------------------------------------------------------------------


def _precheck(path: Path, opts: ReadOptions, label: str) -> str:
    """Cheap checks before DuckDB reads the file; returns the format to read it as."""
    if not path.exists():
        raise IngestError([Problem(label, "file not found")])
    if path.is_dir():
        raise IngestError([Problem(label, "this is a folder, not a file")])
    size = path.stat().st_size
    if size == 0:
        raise IngestError([Problem(label, "the file is empty (0 bytes)")])
    with path.open("rb") as fh:
        head = fh.read(65536)
    fmt = opts.format
    suffix = path.suffix.lower()
    if fmt == "auto":
        if head[:4] == b"PAR1" or suffix in (".parquet", ".pq"):
            fmt = "parquet"
        elif suffix in (".jsonl", ".ndjson", ".json"):
            fmt = "jsonl"
        else:
            fmt = "csv"
    if fmt == "parquet":
        if head[:4] != b"PAR1":
            raise IngestError([Problem(label, "not a Parquet file (it does not start with PAR1)")])
        return fmt
    if head[:4] == b"PK\x03\x04":
        raise IngestError([Problem(
            label, "this is a zip or Excel workbook, not CSV text; save the sheet as CSV first")])
    if opts.encoding == "utf-16":
        return fmt
    if b"\x00" in head:
        raise IngestError([Problem(
            label, "the file is binary (it contains NUL bytes), not CSV or JSON text")])
    if not head.strip():
        raise IngestError([Problem(label, "the file is empty (only blank space)")])
    if opts.encoding == "utf-8":
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            decoder.decode(head.removeprefix(codecs.BOM_UTF8), final=False)
        except UnicodeDecodeError as exc:
            raise IngestError([Problem(
                label,
                f"the file is not UTF-8 text (byte 0x{head[exc.start]:02x} at offset {exc.start}); "
                "if it came from Excel, set options.encoding = \"latin-1\" or pass --encoding latin-1",
            )]) from None
    return fmt


def _reader_message(exc: Exception, fmt: str) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    for prefix in ("Invalid Input Error: ", "Conversion Error: ", "IO Error: ", "Binder Error: "):
        first = first.removeprefix(prefix)
    detail = ""
    for line in text.splitlines():
        if line.strip().lower().startswith(("line:", "original line:")) or "line" in line.lower()[:12]:
            detail = " (" + line.strip()[:160] + ")"
            break
    what = {"csv": "CSV", "jsonl": "JSON lines", "parquet": "Parquet"}.get(fmt, fmt)
    return f"could not read the file as {what}: {first[:300]}{detail}"

