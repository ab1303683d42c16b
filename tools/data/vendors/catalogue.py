"""The vendor export recipes and recognising an export from its header row.

Each recipe is a TOML file beside this module: who makes the export and where the owner
downloads it, the columns that identify it (`[recognise] columns`, every one must be in the
header; `~regex` matches a header by pattern), and one or more loads, each a `Mapping` applied
to the export itself. An export is recognised as the recipe whose identifying columns are all
there, the most specific (most columns) winning; one that matches most but not all of a
recipe's columns is named as a near miss, so the message can say what is missing. A load that
needs a column the vendor writes only while a feature is on (`[needs.LOAD]`: Zendesk's
Satisfaction Score, Help Scout's Rating) is left out with a note when the column is not there,
and a recipe's `note` is said on every load (what the export cannot answer).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from tools.core.errors import IngestError, Problem
from tools.data.mapping import Mapping
from tools.data.vendors import documents

FOLDER = Path(__file__).resolve().parent
HEADER_BYTES = 256 * 1024


class Recognise(BaseModel):
    model_config = ConfigDict(extra="forbid")

    columns: list[str] = Field(min_length=2, description="header names (or ~patterns) that must all be there")


class Unless(BaseModel):
    """A load the vendor's export carries only when a feature is switched on (Zendesk writes
    Satisfaction Score only while CSAT is on): without `column` the load is left out and
    `note` says so, instead of the whole export failing."""

    model_config = ConfigDict(extra="forbid")

    column: str = Field(description="the header (or ~pattern) that must be in the file for the load to run")
    note: str = Field(description="what the owner is told when it is not: what was not loaded and why")


class VendorRecipe(BaseModel):
    """One vendor export: how to recognise it and what it loads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    vendor: str
    title: str = Field(description="what the owner calls the file, e.g. 'Shopify orders export'")
    how: str = Field(description="where in the vendor's tool the owner downloads it")
    description: str = ""
    recognise: Recognise
    load: list[Mapping] = Field(min_length=1)
    note: str = Field(default="", description="said every time the export is loaded: what it cannot "
                      "answer (Toast's orders file has no refunds)")
    needs: dict[str, Unless] = Field(
        default_factory=dict, description="load name -> the column it needs; without it the load is "
        "skipped with a note (an optional feature of the vendor that is switched off)")
    resolve: Literal["form_questions"] | None = Field(
        default=None, description="'form_questions': the load's columns are the owner's own questions, "
        "read from each question's wording and answers when the file is loaded (tools/data/vendors/forms.py)")

    @field_validator("load")
    @classmethod
    def _no_files(cls, v: list[Mapping]) -> list[Mapping]:
        for m in v:
            if m.file:
                raise ValueError("a vendor recipe loads the export it recognised; its loads name no file")
        return v

    @field_validator("needs")
    @classmethod
    def _needs_named_loads(cls, v: dict[str, Unless], info: ValidationInfo) -> dict[str, Unless]:
        names = {m.name for m in info.data.get("load", [])}
        unknown = sorted(set(v) - names)
        if unknown:
            raise ValueError(f"needs names no load of this recipe: {', '.join(unknown)}")
        return v

    @property
    def tables(self) -> list[str]:
        return [m.table for m in self.load]

    def loads_for(self, header: list[str]) -> tuple[list[Mapping], list[str]]:
        """The loads this header can feed, and a note for each left out."""
        loads, notes = [], []
        for m in self.load:
            need = self.needs.get(m.name or "")
            if need is not None and _match(header, need.column) is None:
                notes.append(need.note)
            else:
                loads.append(m)
        return loads, notes


@dataclass(frozen=True)
class Recognition:
    recipe: VendorRecipe
    matched: tuple[str, ...]  # the header's own spelling of each identifying column found
    missing: tuple[str, ...]  # identifying columns not in the header

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def share(self) -> float:
        total = len(self.matched) + len(self.missing)
        return len(self.matched) / total if total else 0.0


@cache
def vendor_recipes() -> tuple[VendorRecipe, ...]:
    """Every built-in recipe, by name."""
    out = []
    for path in sorted(FOLDER.glob("*.toml")):
        with path.open("rb") as fh:
            out.append(VendorRecipe.model_validate(tomllib.load(fh)))
    return tuple(out)


def recipe_named(name: str) -> VendorRecipe:
    for recipe in vendor_recipes():
        if recipe.name == name:
            return recipe
    known = ", ".join(r.name for r in vendor_recipes())
    raise IngestError([Problem(name, f"no built-in recipe named {name!r}; recipes are {known}")])


def _match(header: list[str], name: str) -> str | None:
    if name.startswith("~"):
        pattern = re.compile(name[1:], re.IGNORECASE)
        return next((h for h in header if pattern.search(h)), None)
    wanted = name.strip().lower()
    return next((h for h in header if h.strip().lower() == wanted), None)


def recognitions(header: list[str]) -> list[Recognition]:
    """How well the header matches each recipe, best first."""
    out = []
    for recipe in vendor_recipes():
        found = [(c, _match(header, c)) for c in recipe.recognise.columns]
        out.append(Recognition(recipe, tuple(h for _, h in found if h is not None),
                               tuple(c for c, h in found if h is None)))
    return sorted(out, key=lambda r: (r.complete, r.share, len(r.matched)), reverse=True)


def recognise(header: list[str]) -> Recognition | None:
    """The recipe this header is an export of, or None."""
    best = recognitions(header)
    return best[0] if best and best[0].complete else None


def near_misses(header: list[str], *, at_least: float = 0.6) -> list[Recognition]:
    return [r for r in recognitions(header) if not r.complete and r.share >= at_least]


def read_header(path: str | Path) -> list[str]:
    """The column names of a CSV (any common delimiter, UTF-8 or Latin-1, with or without a
    BOM) or of a JSON-lines file's first record; [] when the file has none we can read."""
    p = Path(path)
    with p.open("rb") as fh:
        head = fh.read(HEADER_BYTES)
    if not head.strip():
        return []
    text = _decode(head)
    if p.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        # one JSON document holding a list of records (Google Takeout's reviews.json)
        columns = documents.header(p)
        if columns is not None:
            return columns
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        try:
            record = json.loads(first)
        except (json.JSONDecodeError, RecursionError):  # not JSON, or nested past Python's reader
            return []
        return [str(k) for k in record] if isinstance(record, dict) else []
    delimiter = sniff_delimiter(text)
    try:
        row = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    except (StopIteration, csv.Error):
        return []
    return [c.strip() for c in row]


def sniff_delimiter(text: str) -> str:
    first_line = text.splitlines()[0] if text else ""
    return max((",", ";", "\t", "|"), key=first_line.count)


def read_head(path: str | Path) -> str:
    """The file's first HEADER_BYTES as text (BOM dropped, UTF-8 or Latin-1)."""
    with Path(path).open("rb") as fh:
        return _decode(fh.read(HEADER_BYTES))


def _decode(head: bytes) -> str:
    head = head.removeprefix(codecs.BOM_UTF8)
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return head.decode("latin-1")
