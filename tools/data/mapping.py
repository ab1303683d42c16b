"""How an export's columns become journey columns, declared rather than coded.

A mapping names, for each journey column, where its value comes from: a source column, a
constant, a template over source columns, non-empty columns joined, the first non-empty of
several columns, or a lookup into another export or into a table already in the store (exports
reference each other by id). Value maps turn an export's codes into ours ("delivered" ->
"completed"), cases set a value from conditions on other columns ("Cancelled at" filled ->
"cancelled"), and row filters keep only the rows a load is about. A fold first turns several
rows of the file into one record (a shop export's line items into their order).

The features compose in one order, whatever order they are written in: fold, then the row
filters, then each column's value (source, value map, cases), then duplicate rules, and only
then the checks, so a row a filter or duplicate rule removes is never reported as a problem.

Mappings live in config ([mappings.NAME]), in recipe files (examples/, the vendor exports in
tools/data/vendors/), or come from command-line flags; no mapping is code, so none can run code.
A source column may be named by a pattern, `~regex` (case-insensitive, first match in the
header), for exports whose headers carry a question's wording.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tools.core.errors import IngestError, Problem
from tools.core.profile import OrderKind, ProfileSettings
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
    timezone_column: str | None = Field(
        default=None,
        description="column naming each row's time zone (IANA, or a label such as 'Pacific Time "
                    "(US & Canada)'); timestamps without an offset are read in it",
    )
    strip_guard: bool = Field(
        default=False,
        description="remove the ' that exporters put before numbers, + and = (e.g. '+44 7700, '10999) "
                    "so spreadsheets keep them as text",
    )
    newline: Literal["auto", "lf"] = Field(
        default="auto", description="'lf': only \\n ends a row, a carriage return inside a value is text")
    max_row_mb: float | None = Field(
        default=None, gt=0, le=1024, description="largest row the CSV reader takes, in MB (default 2)")


class LookupStep(BaseModel):
    """A further hop of a lookup: the value found so far is matched in another export (an
    order's item -> its product -> the product's category)."""

    model_config = ConfigDict(extra="forbid")

    file: str | None = Field(default=None, description="another export (relative path)")
    table: TableName | None = Field(default=None, description="or a journey table in the store")
    match: str = Field(description="column in this source that holds the value found so far")
    value: str = Field(description="column in this source to take instead")
    missing: Literal["drop", "keep"] = Field(
        default="drop", description="a value with no match here: drop it, or keep it as it was")
    options: ReadOptions = Field(default_factory=ReadOptions)

    @model_validator(mode="after")
    def _one_source(self) -> LookupStep:
        if (self.file is None) == (self.table is None):
            raise ValueError("a lookup needs exactly one of 'file' or 'table'")
        return self


class Lookup(BaseModel):
    """Take a value from another export or a store table by matching an id."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(description="column in this file holding the id to look up")
    file: str | None = Field(default=None, description="another export (relative path)")
    table: TableName | None = Field(default=None, description="or a journey table in the store")
    match: str = Field(description="column in the lookup source that holds the same id")
    value: str = Field(description="column in the lookup source to take")
    then: list[LookupStep] = Field(
        default_factory=list, description="further hops, each matching the value found so far")
    agg: Literal["first", "sum", "count", "min", "max", "list"] = Field(
        default="first", description="how several matches combine; 'list': distinct values, comma-separated")
    options: ReadOptions = Field(default_factory=ReadOptions)

    @model_validator(mode="after")
    def _one_source(self) -> Lookup:
        if (self.file is None) == (self.table is None):
            raise ValueError("a lookup needs exactly one of 'file' or 'table'")
        return self


AGGREGATES = ("sum", "count", "join", "min", "max", "first", "last")
_AGGREGATE = re.compile(r"^\s*(?P<fn>[a-z_]+)\s*\((?P<col>.+)\)\s*$")


def parse_aggregate(text: str) -> tuple[str, str]:
    """'sum(Lineitem quantity)' -> ('sum', 'Lineitem quantity')."""
    m = _AGGREGATE.match(text)
    if not m or m["fn"] not in AGGREGATES:
        raise ValueError(f"{text!r} should be one of {', '.join(a + '(column)' for a in AGGREGATES)}")
    return m["fn"], m["col"].strip()


# Between two aggregates only: "sum(Total) - sum(Refunded Amount)"; a column name may hold a '-'.
_TERMS = re.compile(r"(?<=\))\s*([+-])\s*(?=[a-z_]+\s*\()")


def parse_aggregates(text: str) -> list[tuple[int, str, str]]:
    """'sum(Total) - sum(Refunded Amount)' -> [(1, 'sum', 'Total'), (-1, 'sum', 'Refunded Amount')]:
    what an order kept is what was paid less what was refunded, both in the export."""
    parts = _TERMS.split(text)
    terms = [(1, *parse_aggregate(parts[0]))]
    for sign, term in zip(parts[1::2], parts[2::2], strict=True):
        terms.append((1 if sign == "+" else -1, *parse_aggregate(term)))
    if len(terms) > 1 and any(fn == "join" for _, fn, _ in terms):
        raise ValueError(f"{text!r}: join() makes text; only numbers are added or taken away")
    return terms


class Fold(BaseModel):
    """Rows of the file that share `by` become one record (line items into their order).

    Each column of the record takes the first non-empty value of its group, in file order
    (rows matching `prefer` first); `columns` adds aggregates as new columns the mapping can
    use like the file's own: {"Items" = "sum(Lineitem quantity)", "Products" =
    "join(Lineitem name)"}. Sums read money like amounts do ($1,234.50, -$7.20).

    `where` keeps only the rows that match before folding (the others are left out), for an
    event log whose purchase events make the orders: {"event_type" = "purchase"}. The
    mapping's own `where` acts on the folded records."""

    model_config = ConfigDict(extra="forbid")

    by: list[str] = Field(min_length=1, description="columns whose shared value makes one record")
    prefer: dict[str, str | list[str]] = Field(
        default_factory=dict, description="rows whose column has one of these values give the record's values")
    columns: dict[str, str] = Field(default_factory=dict, description="new column = 'aggregate(column)', "
                                    "or aggregates added and taken away: 'sum(Total) - sum(Refunded Amount)'")
    where: dict[str, str | list[str]] = Field(
        default_factory=dict, description="only rows whose column has one of these values are folded")
    optional: list[str] = Field(
        default_factory=list, description="new columns left empty when a column they add up is not in the "
        "file (an export without Stripe's converted amounts), for a coalesce to fall back on another")

    @field_validator("by", mode="before")
    @classmethod
    def _by_list(cls, v: str | list[str]) -> list[str]:
        return [v] if isinstance(v, str) else v

    @field_validator("prefer", "where")
    @classmethod
    def _prefer_lists(cls, v: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        return {k: ([x] if isinstance(x, str) else list(x)) for k, x in v.items()}

    @field_validator("columns")
    @classmethod
    def _aggregates(cls, v: dict[str, str]) -> dict[str, str]:
        for text in v.values():
            parse_aggregates(text)
        return v


class Case(BaseModel):
    """`value` when every condition of `when` holds. A condition names a source column and its
    value(s): "*" any non-empty value, "" empty, "<=0" / ">5" / "<" / ">=" a number, else the
    exact text (case ignored)."""

    model_config = ConfigDict(extra="forbid")

    when: dict[str, str | list[str]] = Field(min_length=1)
    value: str | int | float | bool

    @field_validator("when")
    @classmethod
    def _listify(cls, v: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        return {k: ([x] if isinstance(x, str) else list(x)) for k, x in v.items()}


class After(BaseModel):
    """A time some minutes or hours after another: Zendesk's "First reply time in minutes"
    after "Created at" is when the first reply went out."""

    model_config = ConfigDict(extra="forbid")

    start: str = Field(description="source column with the starting timestamp")
    minutes: str | None = Field(default=None, description="source column with the minutes after it")
    hours: str | None = Field(default=None, description="or the hours after it")

    @model_validator(mode="after")
    def _one(self) -> After:
        if (self.minutes is None) == (self.hours is None):
            raise ValueError("'after' needs exactly one of 'minutes' or 'hours'")
        return self


class Extract(BaseModel):
    """Values pulled out of cells by a pattern: WooCommerce's line_item_1..N cells
    ("name:Earl Grey|quantity:2|..."), Square's descriptions ("Flat Fix x 2, Tube x 1")."""

    model_config = ConfigDict(extra="forbid")

    columns: list[str] = Field(min_length=1, description="source columns; ~regex takes every column it matches")
    pattern: str = Field(description="regular expression with one group: the value to take, every match")
    combine: Literal["join", "sum", "count"] = Field(default="join", description="values joined with ', ', "
                                                     "summed as numbers, or counted")
    subtracted_from: str | None = Field(
        default=None, description="'sum' only: the value is this column less the sum found (WooCommerce's "
        "order_total less the refund amounts in refund_items); the column alone when the cells are missing")

    @model_validator(mode="after")
    def _subtract_sums(self) -> Extract:
        if self.subtracted_from and self.combine != "sum":
            raise ValueError("'subtracted_from' takes the sum of the values found: set combine = \"sum\"")
        return self

    @field_validator("columns", mode="before")
    @classmethod
    def _list(cls, v: str | list[str]) -> list[str]:
        return [v] if isinstance(v, str) else v

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, v: str) -> str:
        try:
            compiled = re.compile(v)
        except re.error as exc:
            raise ValueError(f"pattern {v!r} is not a regular expression: {exc}") from None
        if compiled.groups != 1:
            raise ValueError(f"pattern {v!r} needs exactly one (group): the value to take")
        return v
class Threads(BaseModel):
    """Conversations rebuilt from reply links (support tweets, e-mails with In-Reply-To,
    helpdesk comments): each message names the one it answers, and the thread is everything
    that hangs from a message that answers nothing in the file. The load can then read, per
    row: _thread (the first message's id), _starts_thread (true for a thread's first message
    when a customer wrote it), _first_reply_at (the business's first answer after it),
    _resolved_at (the thread's last message, when the business wrote it: it had the last
    word), _status ("resolved" then, else "open"), _messages and _replied_by (who answered
    first)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="column with each message's id")
    reply_to: str = Field(description="column with the id of the message it answers (empty: none)")
    time: str = Field(description="column with when the message was written")
    author: str | None = Field(default=None, description="column with who wrote it")
    business: dict[str, str | list[str]] = Field(
        description="which messages the business wrote: column = value(s), e.g. inbound = \"False\"")

    @field_validator("business")
    @classmethod
    def _listify(cls, v: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        if not v:
            raise ValueError("business needs a column and the value(s) that mark the business's messages")
        return {k: ([x] if isinstance(x, str) else list(x)) for k, x in v.items()}


THREAD_COLUMNS = ("_thread", "_starts_thread", "_first_reply_at", "_resolved_at", "_status",
                  "_messages", "_replied_by")


class Mapping(BaseModel):
    """One load: one file into one table."""

    model_config = ConfigDict(extra="forbid")

    table: TableName
    name: str | None = Field(default=None, description="shown in messages and the source column")
    file: str | None = Field(default=None, description="file to load (recipes only)")
    columns: dict[str, str] = Field(default_factory=dict, description="journey column = source column")
    constants: dict[str, str | int | float | bool] = Field(default_factory=dict)
    templates: dict[str, str] = Field(
        default_factory=dict, description="journey column = '{src_a}-{src_b}'; {_row} is the row number; {_nth} is "
                                      "'-2', '-3' for later rows the rest of the template gives the same id"
    )
    concat: dict[str, list[str]] = Field(
        default_factory=dict, description="journey column = non-empty source columns joined"
    )
    coalesce: dict[str, list[str]] = Field(
        default_factory=dict,
        description="journey column = the first non-empty of these source columns or '{templates}'",
    )
    after: dict[str, After] = Field(default_factory=dict, description="journey column = a time after another")
    extract: dict[str, Extract] = Field(default_factory=dict, description="journey column = values found in cells")
    lookups: dict[str, Lookup] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="journey column -> {export value: journey value}; exact match first, then case ignored",
    )
    cases: dict[str, list[Case]] = Field(
        default_factory=dict,
        description="journey column -> conditions on source columns, the first that holds sets the value",
    )
    order_kinds: dict[str, OrderKind] = Field(
        default_factory=dict,
        description="orders: what this export's own status words mean, where it differs from the business "
                    "profile's defaults (Shopify's partially_refunded is a sale, counted at what it kept); "
                    "a word the owner sets in the profile still wins")
    fold: Fold | None = Field(default=None, description="several rows of the file into one record first")
    email_keys: list[str] = Field(
        default_factory=list,
        description="journey columns whose email addresses become a pseudonymous customer key "
                    "(tools/data/keys.py), so exports from different tools meet on one customer",
    )
    optional: list[str] = Field(
        default_factory=list,
        description="journey columns left empty when their source column is not in the file",
    )
    attributes: list[str] = Field(
        default_factory=list,
        description="customers: the source columns kept as attributes (default: every unmapped column)",
    )
    names: list[str] = Field(
        default_factory=list,
        description="source columns naming the row's customer (one: the full name; two: first and last), "
                    "read only to redact that name from the row's texts, never stored",
    )
    names_where_not: dict[str, str | list[str]] = Field(
        default_factory=dict,
        description="rows whose source column has one of these values name nobody (Google's anonymous "
                    "reviewers: 'A Google User' is no one's name, and 'Google' in their texts stays)",
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
    allow_future: bool = Field(
        default=False, description="keep rows dated more than a day after they are loaded (bookings, "
        "estimated delivery dates); they never count as the last day of data. Refused otherwise.")
    threads: Threads | None = Field(default=None, description="rebuild conversations from reply links")
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
            "coalesce": self.coalesce,
            "after": self.after,
            "extract": self.extract,
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
        for target in list(self.values) + list(self.cases) + self.skip_missing + self.email_keys \
                + self.optional:
            if target not in known:
                raise ValueError(f"{target!r} is not a column of {self.table}")
        if self.order_kinds and self.table != "orders":
            raise ValueError("'order_kinds' is for the orders table")
        if self.attributes and self.table != "customers":
            raise ValueError("'attributes' is for the customers table")
        return self

    @field_validator("where", "where_not", "names_where_not")
    @classmethod
    def _listify(cls, v: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        return {k: ([x] if isinstance(x, str) else list(x)) for k, x in v.items()}


class Recipe(BaseModel):
    """Several loads applied together, all or nothing (e.g. a shop's whole export)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    data_dir: str | None = Field(default=None, description="where the files are, relative to the recipe")
    allow_future: bool = Field(default=False, description="allow_future for every load of the recipe")
    profile: ProfileSettings | None = Field(
        default=None, description="the business profile of this data (currency, time zone, locale, "
        "order statuses), kept in the store when the recipe is loaded")
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
    try:
        with p.open("rb") as fh:
            data = tomllib.load(fh)
        recipe = Recipe.model_validate(data)
    except tomllib.TOMLDecodeError as exc:
        raise IngestError([Problem(str(p), f"not valid TOML: {exc}")]) from None
    except ValidationError as exc:
        raise IngestError([
            Problem(str(p), f"{'.'.join(str(x) for x in e['loc']) or 'the recipe'}: {e['msg']}")
            for e in exc.errors()]) from None
    base = (p.parent / recipe.data_dir).resolve() if recipe.data_dir else p.parent.resolve()
    return recipe, base
