"""Validated, all-or-nothing, idempotent ingest of CSV, Parquet and JSON-lines exports.

The work happens inside DuckDB as set operations: the file is read into a temporary table,
each journey column is computed from the mapping in one projection (with a bit per column
that failed to parse), every check is an aggregate over that staging table, and only when no
check fails are rows written, inside one transaction with the other loads of the same call.
Any problem rolls everything back, so the store is exactly as it was.

Idempotency: rows with a key (orders, surveys, tickets, customers) replace the stored row with
the same key only when something changed; events, which have no id in most exports, are added
only when no stored event has the same customer, time, touchpoint and session.

This module runs the steps of each load in order; the steps are their own modules:
read (files, encodings, delimiters, formats), staging (mapping columns, with convert for
types, dates and money), checks (the rules every row must pass) and write (upserts and the
derived sessions and first_touch tables). context holds what the steps of one load share.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from tools.core.environment import environment_problem
from tools.core.errors import IngestError, Problem
from tools.core.profile import BusinessProfile, owner_first
from tools.core.stages import TouchpointMap
from tools.core.text import counted
from tools.data import hints, profile_store
from tools.data.checks import NeedRowNumbers, check_rows, dedupe, drop_duplicates
from tools.data.context import LoadContext, Problems, Progress, drop_temps, lit
from tools.data.data_version import bump_data_version
from tools.data.derive import fold
from tools.data.erased import leave_out
from tools.data.mapping import Mapping, load_recipe
from tools.data.people import redact_stored_texts
from tools.data.read import read_source
from tools.data.schema import TABLES
from tools.data.staging import redact, stage
from tools.data.store import JourneyStore
from tools.data.threads import add_threads
from tools.data.write import SessionUpdate, create_customers, first_write, rows_to_write, upsert


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
    currencies: tuple[str, ...] = ()  # orders: the currencies of the amounts loaded
    erased: int = 0  # customers erased by `journeybot forget` whose rows were left out (tools/data/erased.py)
    erased_rows: int = 0

    def to_text(self) -> str:
        parts = [f"{self.inserted:,} new", f"{self.updated:,} updated", f"{self.unchanged:,} unchanged"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped")
        if self.customers_created:
            parts.append(f"{counted(self.customers_created, 'customer')} created")
        if self.erased:
            parts.append(erased_text(self.erased, self.erased_rows))
        rate = self.rows_read / self.seconds if self.seconds > 0 else 0
        text = (
            f"{self.table:<9} <- {Path(self.file).name}: {counted(self.rows_read, 'row')} read; "
            + ", ".join(parts)
            + f" ({self.seconds:.2f} s, {rate:,.0f} rows/s)"
        )
        return "\n".join([text, *(f"  note: {w}" for w in self.warnings)])


def erased_text(people: int, rows: int) -> str:
    """"1 erased customer left out (3 rows)": their rows are in the file, not in the store."""
    return f"{counted(people, 'erased customer')} left out ({counted(rows, 'row')})"


@dataclass(frozen=True)
class Load:
    path: Path
    mapping: Mapping


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
    allow_future: bool = False,
) -> list[IngestReport]:
    """Apply every load of a recipe in one transaction."""
    recipe, base = load_recipe(recipe_path)
    folder = Path(data_dir).resolve() if data_dir else base
    loads = [Load(folder / str(m.file), m.model_copy(update={"allow_future": True}) if recipe.allow_future else m)
             for m in recipe.load]
    profile = recipe.profile.given() if recipe.profile else None
    return ingest_loads(store, loads, touchpoints=touchpoints, progress=progress, base_dir=folder,
                        profile=profile, profile_source=f"recipe {Path(recipe_path).as_posix()}", fill_only=True,
                        allow_future=allow_future)


def ingest_loads(
    store: JourneyStore,
    loads: list[Load],
    *,
    touchpoints: TouchpointMap | None = None,
    progress: Progress | None = None,
    base_dir: Path | None = None,
    profile: dict[str, Any] | None = None,
    profile_source: str = "ingest",
    allow_future: bool = False,
    fill_only: bool = False,
) -> list[IngestReport]:
    """All loads succeed together or none is applied. `profile` sets business profile keys
    (a recipe's [profile]; with `fill_only`, only those the owner has not set themselves in the
    config or with `journeybot profile set`: theirs win) first, in the same transaction: the
    time zone timestamps without an offset are read in and the order statuses apply to these
    loads."""
    tpmap = touchpoints or TouchpointMap.default()
    reports: list[IngestReport] = []
    with store.write_lock, store.connect() as con:
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = false")
        con.begin()
        try:
            before = store.timezone
            if profile and fill_only:
                profile = owner_first(profile_store.load(con), profile)[0]
            try:
                business = profile_store.apply(con, profile, profile_source)
            except ValueError as exc:
                raise IngestError([Problem(profile_source, f"business profile: {exc}")]) from None
            con.execute(f"SET TimeZone = {lit(business.timezone)}")
            store.timezone = business.timezone  # the loads below read it
            sessions = SessionUpdate()
            if business.timezone != before:
                sessions.everything = True  # session days are cut in the new zone
            for load in loads:
                m = load.mapping.model_copy(update={"allow_future": True}) if allow_future else load.mapping
                ctx = LoadContext(
                    con, store, load.path, m, TABLES[m.table], tpmap, progress,
                    base_dir or load.path.parent, m.options.timezone or business.timezone,
                    profile=business,
                )
                reports.append(_run_load(ctx, sessions))
            sessions.apply(con, business.timezone)
            _adopt_currency(con, business, reports)
            if any(r.inserted or r.updated or r.customers_created for r in reports):
                bump_data_version(con)  # cached results of the data before this load are stale
            con.commit()
        except BaseException as exc:
            # A failed commit (a full disk) has already ended the transaction; rolling back
            # again would only hide the real cause behind "no transaction is active".
            with contextlib.suppress(duckdb.Error):
                con.rollback()
            store.timezone = before
            with contextlib.suppress(duckdb.Error):
                con.execute(f"SET TimeZone = {lit(before)}")
            problem = environment_problem(exc, store.path.parent if store.path else None)
            if problem is not None:
                raise problem from None
            raise
        finally:
            with contextlib.suppress(duckdb.Error):  # a connection a full disk invalidated
                drop_temps(con)
    store.reload_profile()
    return reports


def _adopt_currency(con: duckdb.DuckDBPyConnection, business: BusinessProfile,
                    reports: list[IngestReport]) -> None:
    """Orders that name one currency (a vendor export's currency column) set the profile's
    currency when nobody has: the data says what the money is, the default only assumed it."""
    seen = sorted({c for r in reports for c in r.currencies})
    if len(seen) != 1 or business.sources.get("currency", "default") != "default":
        return
    files = ", ".join(dict.fromkeys(Path(r.file).name for r in reports if r.currencies))
    with contextlib.suppress(ValueError):  # a code that is no ISO currency stays a note in describe
        profile_store.apply(con, {"currency": seen[0]}, f"the currency column of {files}")


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


# -- one load -----------------------------------------------------------------------------


def _run_load(ctx: LoadContext, sessions: SessionUpdate) -> IngestReport:
    """Events stream: checks run as one aggregate over a view of the file and rows go
    straight into the table, so 10 million rows never sit in memory twice. Keyed tables
    (and any load whose file has no row numbers when a check fails) are staged in a
    temporary table, which is what finding the offending rows needs."""
    uses_row = any("{_row" in t for t in ctx.m.templates.values()) or ctx.m.fold is not None
    free_text = any(c.free_text for c in ctx.t.columns)  # redaction updates staged rows
    # threads join their summary to rows by number
    if not ctx.t.replace_on_key and not uses_row and not free_text and ctx.m.threads is None:
        try:
            return _run(ctx, sessions, streaming=True)
        except NeedRowNumbers:
            ctx.problems = Problems()
            ctx.warnings = []
    return _run(ctx, sessions, streaming=False)


def _run(ctx: LoadContext, sessions: SessionUpdate, *, streaming: bool) -> IngestReport:
    # Timestamps without an offset are read in the source's zone; views evaluate lazily,
    # so the zone stays set for every statement of the load.
    ctx.con.execute(f"SET TimeZone = {lit(ctx.tz)}")
    try:
        return _run_in_zone(ctx, sessions, streaming=streaming)
    finally:
        with contextlib.suppress(duckdb.Error):  # an aborted transaction is rolled back anyway
            ctx.con.execute(f"SET TimeZone = {lit(ctx.store.timezone)}")


def _run_in_zone(ctx: LoadContext, sessions: SessionUpdate, *, streaming: bool) -> IngestReport:
    started = time.perf_counter()
    ctx.phase("reading", 0.0)
    src = read_source(ctx, ctx.path, ctx.m.options, ctx.file, streaming=streaming)
    if ctx.m.fold is not None:
        src = fold(ctx, src)
    if ctx.m.threads is not None:
        src = add_threads(ctx, src, ctx.m.threads)
    ctx.phase("checking", 0.0)
    base = stage(ctx, src, materialise=not streaming)
    # Erased customers stay erased, whatever old export or vendor sync brings them again; their
    # rows go before the checks, so a row of theirs neither loads nor fails the load.
    relation, erased, erased_rows = leave_out(ctx.con, base.relation, materialised=not streaming)
    base = dataclasses.replace(base, relation=relation)
    if not streaming:  # only tables without free text stream (see _run_load)
        redact(ctx, base.relation, src)
    # A duplicate rule, like a row filter, acts before the checks: the rows it leaves out
    # (an order's empty line-item rows) are not reported as problems.
    duplicates = drop_duplicates(ctx, base.relation)
    # A first load of plain events is written, then checked over the written rows (one read of
    # the file, not two); any other load, or one whose rows break a rule, is checked first.
    written = first_write(ctx, base, sessions, streaming=streaming)
    if written is None:
        counts = check_rows(ctx, base, numbered=src.numbered)
        counts["skipped"] += duplicates
        staged = rows_to_write(ctx, base.relation, materialised=not streaming)
        counts["skipped"] += dedupe(ctx, staged, base.source_of)
        created = create_customers(ctx, staged)
    else:
        counts = {"total": written, "filtered": 0, "skipped": duplicates, "kept": written}
        staged, created = base.relation, 0
    ctx.problems.raise_if_any()
    hints.record(ctx, base.raw_view)
    ctx.phase("writing", 0.0)
    currencies: tuple[str, ...] = ()
    if "currency" in ctx.t.column_names:
        currencies = tuple(r[0] for r in ctx.con.execute(
            f"SELECT DISTINCT currency FROM {staged} WHERE currency IS NOT NULL ORDER BY 1").fetchall())
    if written is None:
        inserted, updated, unchanged = upsert(ctx, staged, counts["kept"], sessions)
    else:
        inserted, updated, unchanged = written, 0, 0
    if ctx.t.name == "customers" and (inserted or updated):
        redacted = redact_stored_texts(ctx.con)
        if redacted:
            ctx.warnings.append(f"{redacted:,} stored survey or ticket texts named these customers; "
                                "the names were redacted")
    seconds = time.perf_counter() - started
    skipped = counts["filtered"] + counts["skipped"]
    # The duplicate rule deleted its rows before the checks counted: they were read (and are
    # reported as skipped), so "8,016 rows read ... 119 skipped" of a 8,135-row file adds up.
    read = counts["total"] + duplicates + erased_rows
    ctx.con.execute(
        "INSERT INTO ingest_log (loaded_at, \"table\", file, mapping, file_bytes, rows_read, inserted, updated, "
        "unchanged, skipped, seconds) VALUES (now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [ctx.t.name, ctx.file, ctx.m.name, ctx.path.stat().st_size, read,
         inserted, updated, unchanged, skipped, seconds],
    )
    ctx.phase("done", 1.0)
    return IngestReport(
        ctx.t.name, ctx.file, ctx.m.name, read, inserted, updated, unchanged,
        skipped, created, seconds, tuple(ctx.warnings), currencies, erased, erased_rows,
    )
