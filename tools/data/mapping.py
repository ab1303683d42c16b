"""How an export's columns become journey columns, declared rather than coded.

A mapping names, for each journey column, where its value comes from: a source column, a
constant, a template over source columns, non-empty columns joined, or a lookup into another
export or into a table already in the store (exports reference each other by id). Value maps
turn an export's codes into ours ("delivered" -> "completed"), and row filters keep only the
rows a load is about. Mappings live in config ([mappings.NAME]), in recipe files under
examples/, or come from command-line flags; no mapping is code, so none can run code.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tools.data.schema import TABLES

TableName = Literal["customers", "events", "orders", "surveys", "tickets"]


class ReadOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["auto", "csv", "parquet", "jsonl"] = "auto"
    delimiter: str | None = Field(default=None, description="CSV delimiter; sniffed if absent")
    quote: str | None = Field(default=None, description="CSV quote character; '' for none")
    encoding: Literal["utf-8", "latin-1", "utf-16"] = "utf-8"
    header: bool = True
    timestamp_format: str | None = Field(
        default=None, description="strftime format for timestamps, e.g. %d/%m/%Y %H:%M"
    )
    timezone: str | None = Field(
        default=None, description="time zone of timestamps without an offset; business zone if absent"
    )
    decimal_comma: bool = Field(default=False, description="amounts written as 12,50")


class Lookup(BaseModel):
    """Take a value from another export or a store table by matching an id."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(description="column in this file holding the id to look up")
    file: str | None = Field(default=None, description="another export (relative path)")
    table: TableName | None = Field(default=None, description="or a journey table in the store")
    match: str = Field(description="column in the lookup source that holds the same id")
    value: str = Field(description="column in the lookup source to take")
    agg: Literal["first", "sum", "count", "min", "max"] = "first"
    options: ReadOptions = Field(default_factory=ReadOptions)

    @model_validator(mode="after")
    def _one_source(self) -> Lookup:
        if (self.file is None) == (self.table is None):
            raise ValueError("a lookup needs exactly one of 'file' or 'table'")
        return self


class Mapping(BaseModel):
    """One load: one file into one table."""

    model_config = ConfigDict(extra="forbid")

    table: TableName
    name: str | None = Field(default=None, description="shown in messages and the source column")
    file: str | None = Field(default=None, description="file to load (recipes only)")
    columns: dict[str, str] = Field(default_factory=dict, description="journey column = source column")
    constants: dict[str, str | int | float | bool] = Field(default_factory=dict)
    templates: dict[str, str] = Field(
        default_factory=dict, description="journey column = '{src_a}-{src_b}'; {_row} is the row number"
    )
    concat: dict[str, list[str]] = Field(
        default_factory=dict, description="journey column = non-empty source columns joined"
    )
    lookups: dict[str, Lookup] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="journey column -> {export value: journey value}"
    )
    where: dict[str, str | list[str]] = Field(
        default_factory=dict, description="keep rows whose source column has one of these values"
    )
    where_not: dict[str, str | list[str]] = Field(
        default_factory=dict, description="drop rows whose source column has one of these values"
    )
    skip_missing: list[str] = Field(
        default_factory=list,
        description="journey columns whose empty value means 'skip this row', not an error",
    )
    duplicates: Literal["error", "first", "last"] = Field(
        default="error", description="what to do with two rows that share a key in one file"
    )
    unknown_customers: Literal["error", "create"] = Field(
        default="error", description="'create' adds a bare customer for ids not yet known"
    )
    extra_columns: Literal["ignore", "attributes"] | None = Field(
        default=None, description="customers: unmapped columns go to attributes (default)"
    )
    options: ReadOptions = Field(default_factory=ReadOptions)

    @model_validator(mode="after")
    def _check(self) -> Mapping:
        t = TABLES[self.table]
        known = set(t.column_names)
        sources = {
            "columns": self.columns,
            "constants": self.constants,
            "templates": self.templates,
            "concat": self.concat,
            "lookups": self.lookups,
        }
        seen: dict[str, str] = {}
        for kind, entries in sources.items():
            for target in entries:
                if target not in known:
                    raise ValueError(
                        f"{kind}: {target!r} is not a column of {self.table}; "
                        f"columns are {', '.join(t.column_names)}"
                    )
                if target in seen:
                    raise ValueError(f"{target!r} is given twice ({seen[target]} and {kind})")
                seen[target] = kind
        for target in list(self.values) + self.skip_missing:
            if target not in known:
                raise ValueError(f"{target!r} is not a column of {self.table}")
        return self

    @field_validator("where", "where_not")
    @classmethod
    def _listify(cls, v: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        return {k: ([x] if isinstance(x, str) else list(x)) for k, x in v.items()}


class Recipe(BaseModel):
    """Several loads applied together, all or nothing (e.g. a shop's whole export)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    data_dir: str | None = Field(default=None, description="where the files are, relative to the recipe")
    load: list[Mapping]

    @model_validator(mode="after")
    def _files(self) -> Recipe:
        for i, m in enumerate(self.load, 1):
            if not m.file:
                raise ValueError(f"load #{i} ({m.table}) has no 'file'")
        return self


def load_recipe(path: str | Path) -> tuple[Recipe, Path]:
    """Parse a recipe TOML file; returns it and the folder its files are relative to."""
    p = Path(path)
    with p.open("rb") as fh:
        data = tomllib.load(fh)
    recipe = Recipe.model_validate(data)
    base = (p.parent / recipe.data_dir).resolve() if recipe.data_dir else p.parent.resolve()
    return recipe, base
