"""What a vendor connector hands the sync: pages of journey rows, each with the cursor to save
once the page is in the journey store.

A connector (tools/sources/shopify.py, zendesk.py, typeform.py) knows its vendor's paths,
pagination and incremental parameters, and turns the vendor's JSON into rows named like the
journey table's columns; the sync (tools/sources/sync.py) loads each page through the same
validated ingest as a file, then saves the cursor. The cursor after a page therefore never
runs ahead of what was written, and a sync that dies resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from tools.sources.http import Client
from tools.sources.spec import SourceSpec


@dataclass(frozen=True)
class Batch:
    table: str
    rows: pd.DataFrame  # columns named as the journey table's
    mapping: dict[str, Any] = field(default_factory=dict)  # extra Mapping fields (lookups...)


@dataclass(frozen=True)
class Page:
    batches: tuple[Batch, ...]
    cursor: dict[str, Any]  # the whole cursor once this page is stored
    newest: dt.datetime | None  # the newest record time in the page (for freshness)
    records: int


class Connector(Protocol):
    vendor: str

    def headers(self, spec: SourceSpec, token: str, secrets: dict[str, str]) -> dict[str, str]: ...

    def probe(self, client: Client, spec: SourceSpec) -> str: ...

    def pages(self, client: Client, spec: SourceSpec, cursor: dict[str, Any]) -> Iterator[Page]: ...


_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?([a-z]+)"?')


def next_link(header: str | None) -> str | None:
    """The rel="next" address of an RFC 8288 Link header (Shopify's pagination)."""
    for url, rel in _LINK.findall(header or ""):
        if rel == "next":
            return url
    return None


def newest(values: pd.Series) -> dt.datetime | None:
    """The latest of ISO timestamps (with offsets), as UTC."""
    stamps = pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601").dropna()
    return stamps.max().to_pydatetime() if not stamps.empty else None


def iso_utc(value: dt.datetime | dt.date) -> str:
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def field_of(frame: pd.DataFrame, column: str, key: str | None = None) -> pd.Series:
    """A column of JSON records (missing: None); with `key`, that key of a nested object."""
    col = frame[column] if column in frame.columns else pd.Series(None, index=frame.index, dtype="object")
    if key is None:
        return col.astype("object").where(col.notna(), None)
    return col.map(lambda v: v.get(key) if isinstance(v, dict) else None)


def items_of(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column of JSON lists (missing or null: an empty list)."""
    col = frame[column] if column in frame.columns else pd.Series(None, index=frame.index, dtype="object")
    return col.map(lambda v: v if isinstance(v, list) else [])
