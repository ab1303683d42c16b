"""What every tool returns besides its numbers: how they were computed.

A result is a frozen dataclass with a `provenance` field and three renderings: `to_text()`
for a terminal or a Slack message, `to_frame()` for the rows behind the numbers, and
`to_dict()` for JSON. The agent quotes provenance so that every number in an answer can be
traced to a tool call with its arguments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import math
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from tools.core.text import in_words

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Provenance:
    tool: str
    definition: str  # in words: what was counted and how
    params: dict[str, Any] = field(default_factory=dict)  # the validated arguments
    filters: dict[str, Any] = field(default_factory=dict)  # channel=instagram, segment=...
    period_start: dt.datetime | None = None
    period_end: dt.datetime | None = None  # exclusive
    period_label: str | None = None  # "last 30 days (2026-10-17 to 2026-11-15)"
    tables: tuple[str, ...] = ()
    row_counts: dict[str, int] = field(default_factory=dict)  # rows read per table
    notes: tuple[str, ...] = ()  # caveats: small samples, missing columns, ...
    # A period named relative to now ("last_30_days") as the tool resolved it: its name, the day it
    # was counted back from (the data's last day) and whether the caller left the period out and
    # the tool's default was used (tools/analytics/periods.provenance_period).
    period_name: str | None = None
    period_anchor: dt.date | None = None
    period_defaulted: bool = False

    def call_signature(self) -> str:
        """`funnel(period=last 30 days; filters=channel instagram)`, for context lines (a digest's
        "From ..."): the arguments in words, as bot/agent/tools.signature writes a call."""
        parts = [f"{k}={text}" for k, v in self.params.items() if (text := in_words(v))]
        return f"{self.tool}({'; '.join(parts)})"

    def to_text(self, details: bool = False) -> str:
        """Period, filters and caveats; with `details`, also how it was computed (the method)
        and the rows read, which a shop owner rarely needs and a checker always does."""
        lines = [f"How: {self.definition}"] if details else []
        if self.period_label:
            lines.append(f"Period: {self.period_label}")
        if self.filters:
            lines.append("Filters: " + in_words(self.filters))
        if self.row_counts and details:
            lines.append("Rows read: " + ", ".join(f"{k} {v:,}" for k, v in self.row_counts.items()))
        lines.extend(f"Note: {n}" for n in self.notes)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(dataclasses.asdict(self))


def text_of(result: Any, details: bool = False) -> str:
    """A result's text in plain words, or with the statistics and methods behind it (`details`),
    for results whose to_text takes `details`; others have one text for both."""
    to_text = result.to_text
    try:
        takes = "details" in inspect.signature(to_text).parameters
    except (TypeError, ValueError):
        takes = False
    return to_text(details=details) if takes else to_text()


@runtime_checkable
class ToolResult(Protocol):
    provenance: Provenance

    def to_text(self) -> str: ...

    def to_frame(self) -> pd.DataFrame: ...

    def to_dict(self) -> dict[str, Any]: ...


def to_jsonable(value: Any) -> Any:
    """Dataclasses, pydantic models (rules, params), frames, timestamps and numpy scalars ->
    plain JSON values."""
    dump = getattr(value, "model_dump", None)
    if callable(dump) and not isinstance(value, type):
        return to_jsonable(dump(mode="json"))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # JSON_NAMES: a result that keeps a table as typed rows under a new field name (e.g.
        # FunnelResult.step_rows) still writes it under the name scripts know ("steps").
        names = getattr(value, "JSON_NAMES", {})
        return {names.get(f.name, f.name): to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    # A frame, Timestamp or NA can only exist once pandas is loaded: results of short commands
    # hold plain values, and their JSON must not cost a pandas import (tests/bot/test_cli_start.py).
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(value, pd.DataFrame):
        return [to_jsonable(r) for r in value.to_dict(orient="records")]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (dt.datetime, dt.date)):  # pandas' Timestamp is a datetime
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # and its Timedelta a timedelta
        return value.total_seconds()
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if pd is not None and (value is pd.NA or value is pd.NaT):
        return None
    return value


@dataclass(frozen=True)
class Attachment:
    """A file a result offers besides its text (a picture, a spreadsheet). A result with an
    `attachments() -> list[Attachment]` method gets its files posted with the answer in Slack."""

    filename: str
    content: bytes = field(repr=False)
    title: str


class ResultMixin:
    """Default to_dict for result dataclasses."""

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)
