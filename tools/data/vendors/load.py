"""Loading a vendor export as it was downloaded: recognise it, apply its recipe's loads in one
transaction (all or nothing, idempotent like every ingest), and say what was recognised."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from tools.core.errors import IngestError, Problem
from tools.core.profile import ORDER_KINDS
from tools.core.stages import TouchpointMap
from tools.data.context import Progress
from tools.data.ingest import IngestReport, Load, ingest_loads
from tools.data.mapping import ReadOptions
from tools.data.read import precheck
from tools.data.store import JourneyStore
from tools.data.vendors import documents
from tools.data.vendors.catalogue import (
    Recognition,
    VendorRecipe,
    near_misses,
    read_head,
    read_header,
    recipe_named,
    recognise,
    sniff_delimiter,
)
from tools.data.vendors.forms import read_form
from tools.data.vendors.unknown import describe_unknown


@dataclass(frozen=True)
class ExportReport:
    """What was recognised and what each of its loads did."""

    recipe: VendorRecipe
    file: str
    reports: tuple[IngestReport, ...]
    recognised: bool  # False when the recipe was named rather than recognised
    notes: tuple[str, ...] = ()  # how the file's own columns were read (a form's questions)

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted({c for r in self.reports for c in r.currencies}))

    def headline(self) -> str:
        how = "Recognised" if self.recognised else "Loaded as"
        # the tables actually loaded: a load the file cannot feed (CSAT off) is left out
        tables = " and ".join(dict.fromkeys([r.table for r in self.reports] or self.recipe.tables))
        money = f"; amounts in {', '.join(self.currencies)}" if self.currencies else ""
        article = "an" if self.recipe.title[:1].upper() in "AEIOU" else "a"
        return (f"{how} {Path(self.file).name} as {article} {self.recipe.title} ({self.recipe.vendor}): "
                f"loading {tables}{money}.")

    def to_text(self) -> str:
        return "\n".join([self.headline(), *self.notes, *(r.to_text() for r in self.reports)])


def recognise_file(path: str | Path) -> Recognition:
    """The recipe an export matches, or an IngestError that says what it looked like."""
    p = Path(path)
    encoding = None
    try:
        precheck(p, ReadOptions(), str(p))
    except IngestError as exc:
        # A file no recipe knows is often a Latin-1 CSV saved by Excel: say what it is and how
        # to map it (with the encoding) rather than only that it is not UTF-8.
        if "not UTF-8" not in str(exc) or recognise(read_header(p)) is not None:
            raise
        precheck(p, ReadOptions(encoding="latin-1"), str(p))
        encoding = "latin-1"
    header = read_header(p)
    found = recognise(header)
    if found is not None:
        return found
    near = near_misses(header)
    if near:
        r = near[0]
        article = "an" if r.recipe.title[:1].upper() in "AEIOU" else "a"
        message = (f"this looks like {article} {r.recipe.title} ({r.recipe.vendor}) but the header lacks "
                   f"{', '.join(repr(c) for c in r.missing)}; download it again from "
                   f"{r.recipe.how}, or load it with a mapping (journeybot ingest TABLE FILE --map ...)")
    elif p.suffix.lower() in (".jsonl", ".ndjson", ".json", ".parquet"):
        shown = ", ".join(repr(h) for h in header[:12]) + (" ..." if len(header) > 12 else "")
        message = (f"not an export journeybot recognises (columns: {shown or 'none'}); name the table "
                   "and map its columns (journeybot ingest TABLE FILE --map ...), or see "
                   "docs/SOURCES.md for the exports that load as they are")
    else:
        text = read_head(p)
        message = describe_unknown(p, header, text, sniff_delimiter(text), encoding=encoding)
    raise IngestError([Problem(str(p), message)])


def ingest_export(
    store: JourneyStore,
    path: str | Path,
    *,
    recipe: str | None = None,
    name: str | None = None,
    touchpoints: TouchpointMap | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Load a vendor export with the recipe it is recognised as (or the one named). `name`
    replaces the recipe's own names in the rows' source column (a configured source's name)."""
    p = Path(path)
    if recipe is not None:
        chosen, recognised = recipe_named(recipe), False
    else:
        chosen, recognised = recognise_file(p).recipe, True
    chosen_loads, notes = chosen.loads_for(read_header(p))
    notes = [n for n in (chosen.note, *notes) if n]
    with documents.as_rows(p, store.temp_directory) as rows:
        source = rows or p  # a JSON document of records is loaded as its rows
        loads = []
        for m in chosen_loads:
            mapping = m.model_copy(update={"name": name}) if name else m
            if chosen.resolve == "form_questions":
                reading = read_form(p, mapping, store.profile.locale, store.profile.timezone)
                mapping, notes = reading.mapping, [*notes, *reading.notes]
            loads.append(Load(source, mapping))
        try:
            reports = ingest_loads(store, loads, touchpoints=touchpoints, progress=progress)
        except IngestError as exc:
            if rows is None:
                raise
            # name the owner's file, not the rows made from it (row n is its n-th record)
            raise IngestError([dataclasses.replace(q, file=q.file.replace(str(rows), str(p)))
                               for q in exc.problems], exc.total) from None
    if rows is not None:
        reports = [dataclasses.replace(r, file=str(p)) for r in reports]
    notes += [n for r in reports if r.table == "orders" and (n := statuses_note(store, r.mapping))]
    return ExportReport(chosen, str(p), tuple(reports), recognised, tuple(notes))


def statuses_note(store: JourneyStore, source: str | None) -> str:
    """How the export's own order statuses were counted, so a word read as another kind is
    never silent: "Order statuses, as counted: completed = paid 53, partially refunded 5; ..."."""
    if not source:
        return ""
    rows = store.query(
        "SELECT status, status_raw, count(*) AS n FROM orders WHERE source = ? AND status_raw IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, status_raw", [source])
    if rows.empty:
        return ""
    kinds = []
    for kind in (*ORDER_KINDS, *sorted(set(rows["status"]) - set(ORDER_KINDS))):
        words = rows[rows["status"] == kind]
        if words.empty:
            continue
        listed = ", ".join(f"{w.replace('_', ' ')} {n:,}" for w, n in zip(words["status_raw"], words["n"], strict=True))
        kinds.append(f"{kind} = {listed}")
    return "Order statuses, as counted: " + "; ".join(kinds) + "."
