"""What gets indexed into the feedback store: survey answers and tickets from the journey store,
or any file of customer text mapped to feedback columns (`TextFile`), as one frame of documents
(DOC_COLUMNS, one row per text). tools/feedback/index.py redacts, chunks and writes them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.core.errors import ToolInputError
from tools.core.stages import normalize_stage, normalize_touchpoint
from tools.data.mapping import ReadOptions

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

STORE_SOURCES: tuple[str, ...] = ("survey", "ticket")

DOC_COLUMNS = ("doc_id", "record_id", "source", "customer_id", "ts", "text", "stage",
               "touchpoint", "channel", "status", "nps", "csat")


def documents_from_store(store: JourneyStore, sources: Sequence[str] = STORE_SOURCES) -> pd.DataFrame:
    """Survey answers and tickets with text, as feedback documents (one row per text)."""
    unknown = [s for s in sources if s not in STORE_SOURCES]
    if unknown:
        raise ToolInputError(f"Unknown store source(s) {unknown}; use {', '.join(STORE_SOURCES)}")
    parts = []
    if "survey" in sources:
        parts.append("""
            SELECT 'survey:' || survey_id AS doc_id, survey_id AS record_id, 'survey' AS source,
                   customer_id, epoch(ts) AS ts, text, stage, touchpoint, channel,
                   CAST(NULL AS VARCHAR) AS status, nps, csat
            FROM surveys WHERE nullif(trim(text), '') IS NOT NULL""")
    if "ticket" in sources:
        parts.append("""
            SELECT 'ticket:' || ticket_id, ticket_id, 'ticket', customer_id, epoch(created_at),
                   concat_ws(' - ', nullif(trim(subject), ''), nullif(trim(text), '')),
                   stage, touchpoint, channel, status, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER)
            FROM tickets WHERE coalesce(nullif(trim(text), ''), nullif(trim(subject), '')) IS NOT NULL""")
    if not parts:
        return pd.DataFrame(columns=list(DOC_COLUMNS))
    return store.query(" UNION ALL ".join(parts))


class TextFile(BaseModel):
    """Any file of customer text (reviews, chat logs, app-store comments) mapped to feedback
    columns. Only `text` is required; ids default to row numbers, dates to none."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1, max_length=40, description="name of the source, e.g. reviews")
    text: list[str] = Field(min_length=1, description="column(s) holding the text, joined with ' - '")
    id: str | None = Field(default=None, description="column with a stable id per row")
    ts: str | None = Field(default=None, description="column with the date or time")
    customer_id: str | None = Field(default=None, description="column with the customer id")
    channel: str | None = Field(default=None, description="column with the channel")
    stage: str | None = Field(default=None, description="column with the journey stage")
    touchpoint: str | None = Field(default=None, description="column with the touchpoint")
    csat: str | None = Field(default=None, description="column with a 1-5 score")
    nps: str | None = Field(default=None, description="column with a 0-10 score")
    options: ReadOptions = Field(default_factory=ReadOptions)

    @field_validator("source")
    @classmethod
    def _source_name(cls, v: str) -> str:
        name = normalize_touchpoint(v)
        if not name or name in STORE_SOURCES:
            raise ValueError(f"source {v!r} is reserved or empty; pick a name such as 'reviews'")
        return name


def documents_from_file(path: str | Path, spec: TextFile, timezone: str = "UTC") -> pd.DataFrame:
    """Read a CSV, Parquet or JSON-lines file of customer text into feedback documents."""
    from tools.data.read import line_limit, precheck

    path = Path(path)
    opts = spec.options
    fmt = precheck(path, opts, str(path))  # missing, empty, binary, Excel, UTF-16 or not UTF-8: said plainly
    con = duckdb.connect()
    try:
        if fmt == "parquet":
            rel = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        elif fmt == "jsonl":
            rel = con.execute("SELECT * FROM read_json(?, format='newline_delimited')", [str(path)])
        else:
            args = {"all_varchar": True, "header": opts.header, "max_line_size": line_limit(path)}
            if opts.delimiter:
                args["delim"] = opts.delimiter
            if opts.quote is not None:
                args["quote"] = opts.quote
            if opts.encoding != "utf-8":
                args["encoding"] = opts.encoding
            rel = con.read_csv(str(path), **args)  # type: ignore[arg-type]
            rel = con.execute("SELECT * FROM rel")
        raw = rel.df()
    except duckdb.Error as exc:
        raise ToolInputError(f"{path}: could not read the file as {fmt}: {str(exc).splitlines()[0][:300]}") from None
    finally:
        con.close()
    columns = {c.strip().lower(): c for c in raw.columns}

    def col(name: str | None, what: str) -> pd.Series | None:
        if name is None:
            return None
        actual = columns.get(name.strip().lower())
        if actual is None:
            raise ToolInputError(
                f"{path}: column {name!r} (for {what}) is not in the file; its columns are "
                + ", ".join(repr(c) for c in raw.columns))
        return raw[actual]

    texts = [col(c, "text").astype("string").str.strip() for c in spec.text]  # type: ignore[union-attr]
    text = texts[0]
    for more in texts[1:]:
        text = text.where(more.isna() | (more == ""), text.fillna("").str.cat(more, sep=" - ").str.strip(" -"))
    ids = col(spec.id, "id")
    record_id = (ids.astype("string").str.strip() if ids is not None
                 else pd.Series(np.arange(1, len(raw) + 1), dtype="string"))
    if record_id.isna().any() or record_id.duplicated().any():
        bad = int(record_id.isna().sum() + record_id.duplicated().sum())
        raise ToolInputError(f"{path}: column {spec.id!r} must hold a unique id on every row; {bad} rows do not")
    ts_raw = col(spec.ts, "ts")
    if ts_raw is not None:
        ts = pd.to_datetime(ts_raw, errors="coerce", format="mixed")
        if ts.dt.tz is None:
            ts = ts.dt.tz_localize(opts.timezone or timezone, ambiguous="NaT", nonexistent="NaT")
        unreadable = ts.isna() & ts_raw.notna()
        if unreadable.any():
            row = int(np.flatnonzero(unreadable.to_numpy())[0]) + 1
            raise ToolInputError(f"{path}, row {row}, column {spec.ts!r}: could not read "
                                 f"{str(ts_raw.iloc[row - 1])[:40]!r} as a date or time")
        epoch = (ts - pd.Timestamp("1970-01-01", tz="UTC")) // pd.Timedelta(seconds=1)
    else:
        epoch = pd.Series(np.nan, index=raw.index)

    def ints(name: str | None, lo: int, hi: int) -> pd.Series:
        s = col(name, name or "")
        if s is None:
            return pd.Series(np.nan, index=raw.index)
        num = pd.to_numeric(s, errors="coerce")
        bad = (num.notna() & ((num < lo) | (num > hi))) | (num.isna() & s.notna() & (s.astype(str).str.strip() != ""))
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0]) + 1
            raise ToolInputError(f"{path}, row {row}, column {name!r}: expected a whole number from {lo} to {hi}")
        return num

    stage = col(spec.stage, "stage")
    if stage is not None:
        stage = stage.astype("string").map(lambda v: normalize_stage(v) if isinstance(v, str) else None)
    tp = col(spec.touchpoint, "touchpoint")
    ch = col(spec.channel, "channel")
    out = pd.DataFrame({
        "doc_id": spec.source + ":" + record_id,
        "record_id": record_id,
        "source": spec.source,
        "customer_id": col(spec.customer_id, "customer_id"),
        "ts": epoch,
        "text": text,
        "stage": stage,
        "touchpoint": tp.astype("string").str.strip().str.lower().str.replace(r"[\s\-/]+", "_", regex=True) if tp is not None else None,
        "channel": ch.astype("string").str.strip().str.lower().str.replace(r"[\s\-]+", "_", regex=True) if ch is not None else None,
        "status": None,
        "nps": ints(spec.nps, 0, 10),
        "csat": ints(spec.csat, 1, 5),
    })
    return out[out["text"].notna() & (out["text"] != "")].reset_index(drop=True)
