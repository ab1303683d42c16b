"""Feedback memory: survey answers, tickets and reviews in a Chroma vector store.

- One collection ("feedback") per data folder, in a persistent Chroma folder by default, or on
  a Chroma server when a URL is configured; the code is the same. Telemetry is off.
- Texts are redacted (tools/core/pii.py) before they are chunked, embedded or stored, even when
  they come from the journey store, which redacts at ingest too: rows loaded before that
  existed, and text files come straight from disk.
- Every chunk's id is a hash of its document id, position and text. Indexing again embeds
  only chunks whose id is new; a changed text gets new ids and its old chunks are deleted; a
  changed score or stage with unchanged text updates metadata without re-embedding.
- The embedder's identity (model and weights hash, or remote model id) is stored with the
  collection; opening it with another embedder is refused, because vectors from two models
  do not share a space and search would quietly return nonsense.
- Chroma is handed our own embedding function on every get and create (its default one
  downloads a model). Chroma rebuilds it from the stored config on its own schedule, so the
  rebuilt one holds only the identity and looks the live embedder up; it never loads a model.

Search results are quotes with ids, dates, scores and sentiment, marked as customer text:
whoever shows them shows them as quotes and never follows them as instructions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import duckdb
import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics.periods import Period, ResolvedPeriod, resolve
from tools.core.errors import NoDataError, ToolFatal, ToolInputError, ToolUnavailable
from tools.core.pii import redact, redact_series
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import Stage, normalize_stage, normalize_touchpoint
from tools.data.mapping import ReadOptions
from tools.feedback.embeddings import Embedder
from tools.feedback.scoring import Classifier, label_scores, score_texts

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

COLLECTION = "feedback"
STORE_SOURCES: tuple[str, ...] = ("survey", "ticket")
SCHEMA = 1
DEFAULT_CHUNK_WORDS = 120
Progress = Callable[[str, float], None]

# Metadata keys of a chunk (Chroma drops keys whose value is None).
META_TEXT = ("doc_id", "record_id", "source", "customer_id", "day", "stage", "touchpoint",
             "channel", "status")
META_INT = ("ts", "nps", "csat")


# -- Chroma's view of our embedder -------------------------------------------------------------

_LIVE: dict[str, Embedder] = {}


def _chroma_embedding_function(embedder: Embedder | None, identity: str) -> Any:
    """Our EmbeddingFunction class, defined on first use so that chromadb loads lazily."""
    cls = _EF_CLASS.get("cls")
    if cls is None:
        from chromadb.api.types import Documents, EmbeddingFunction
        from chromadb.utils.embedding_functions import register_embedding_function

        class JourneybotEmbedding(EmbeddingFunction[Documents]):
            def __init__(self, embedder: Embedder | None = None, identity: str = ""):
                self._embedder = embedder
                self._identity = identity

            def __call__(self, input: Documents) -> Any:  # noqa: A002 - Chroma's name
                live = self._embedder or _LIVE.get(self._identity)
                if live is None:
                    raise ToolUnavailable(
                        f"the embedder {self._identity!r} of this collection is not loaded here")
                return list(live.embed(list(input)))

            @staticmethod
            def name() -> str:
                return "journeybot"

            def get_config(self) -> dict[str, Any]:
                return {"identity": self._identity}

            @staticmethod
            def build_from_config(config: dict[str, Any]) -> Any:
                return JourneybotEmbedding(None, str(config.get("identity", "")))

            def default_space(self) -> Any:
                return "cosine"

            def supported_spaces(self) -> Any:
                return ["cosine"]

        register_embedding_function(JourneybotEmbedding)
        cls = _EF_CLASS["cls"] = JourneybotEmbedding
    if embedder is not None:
        _LIVE[identity] = embedder
    return cls(embedder, identity)


_EF_CLASS: dict[str, Any] = {}


# -- the store ---------------------------------------------------------------------------------


class FeedbackStore:
    """The feedback collection. Give `path` (a folder) or `url` (a Chroma server).

    `embedder` may be None for operations that need no vectors (erasure, counts)."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        url: str | None = None,
        embedder: Embedder | None = None,
        timezone: str = "UTC",
        collection: str = COLLECTION,
        batch_size: int = 256,
    ):
        if (path is None) == (url is None):
            raise ToolInputError("a feedback store needs exactly one of a folder path or a Chroma URL")
        self.path = Path(path) if path is not None else None
        self.url = url
        self.embedder = embedder
        self.timezone = timezone
        self.collection_name = collection
        self.batch_size = batch_size
        self._client: Any = None
        self._collection: Any = None

    @property
    def where(self) -> str:
        return self.url or str(self.path)

    # -- connection
    def client(self) -> Any:
        if self._client is None:
            import chromadb
            from chromadb.config import Settings

            settings = Settings(anonymized_telemetry=False)
            if self.url:
                parsed = urlparse(self.url)
                if parsed.scheme not in ("http", "https") or not parsed.hostname:
                    raise ToolInputError(
                        f"chroma_url {self.url!r} is not a URL such as http://localhost:8000")
                try:
                    self._client = chromadb.HttpClient(
                        host=parsed.hostname, port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                        ssl=parsed.scheme == "https", settings=settings,
                    )
                    self._client.heartbeat()
                except Exception as exc:
                    self._client = None
                    raise ToolUnavailable(
                        f"The Chroma server at {self.url} is unreachable ({type(exc).__name__}: "
                        f"{str(exc)[:200]}). Start it, or remove [feedback] chroma_url to use the "
                        "local folder."
                    ) from None
            else:
                assert self.path is not None
                self.path.mkdir(parents=True, exist_ok=True)
                self._client = chromadb.PersistentClient(path=str(self.path), settings=settings)
        return self._client

    def _ef(self) -> Any:
        identity = self.embedder.identity if self.embedder is not None else ""
        return _chroma_embedding_function(self.embedder, identity)

    def collection(self, *, create: bool = True) -> Any:
        """The Chroma collection (created on first use when `create`), or None."""
        if self._collection is not None:
            return self._collection
        from chromadb.errors import NotFoundError

        client = self.client()
        try:
            col = client.get_collection(self.collection_name, embedding_function=self._ef())
        except (NotFoundError, ValueError) as exc:
            if isinstance(exc, ValueError) and "does not exist" not in str(exc):
                raise
            if not create:
                return None
            emb = self._require_embedder()
            meta = {"schema": SCHEMA, "embedder": emb.name, "embedder_identity": emb.identity,
                    "dim": int(emb.dim), "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
            col = client.get_or_create_collection(
                self.collection_name, embedding_function=self._ef(), metadata=meta,
                configuration={"hnsw": {"space": "cosine"}},
            )
        self._collection = col
        return col

    def _require_embedder(self) -> Embedder:
        if self.embedder is None:
            raise ToolUnavailable("this operation needs an embedding model; none was configured")
        return self.embedder

    def check_space(self) -> Any:
        """The collection, after making sure its vectors come from our embedder."""
        col = self.collection()
        emb = self._require_embedder()
        stored = (col.metadata or {}).get("embedder_identity")
        if stored and stored != emb.identity:
            raise ToolFatal(
                f"The feedback store {self.where} was built with the embedding model {stored!r}, "
                f"but the configured model is {emb.identity!r}. Vectors from two models do not "
                "mix, so nothing was read or written. Switch [feedback] embedding back, or "
                "re-embed everything with `journeybot feedback index --rebuild`."
            )
        return col

    def stored_identity(self) -> str | None:
        col = self.collection(create=False)
        return None if col is None else (col.metadata or {}).get("embedder_identity")

    def count(self) -> int:
        col = self.collection(create=False)
        return 0 if col is None else int(col.count())

    def drop(self) -> None:
        """Delete the whole collection (for a rebuild with another model)."""
        col = self.collection(create=False)
        if col is not None:
            self.client().delete_collection(self.collection_name)
        self._collection = None

    def _set_meta(self, **updates: Any) -> None:
        col = self.collection()
        meta = dict(col.metadata or {})
        meta.update({k: v for k, v in updates.items() if v is not None})
        meta.pop("hnsw:space", None)
        col.modify(metadata=meta)

    # -- periods
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        col = self.collection(create=False)
        meta = (col.metadata or {}) if col is not None else {}
        if "first_ts" not in meta or "last_ts" not in meta:
            return None
        tz = ZoneInfo(self.timezone)
        return (dt.datetime.fromtimestamp(int(meta["first_ts"]), tz).date(),
                dt.datetime.fromtimestamp(int(meta["last_ts"]), tz).date())

    def as_of(self, store: JourneyStore | None = None) -> dt.date:
        """The last day of data: the journey store's when it has one, else the feedback's."""
        day = store.as_of() if store is not None else None
        if day is None:
            rng = self.date_range()
            day = rng[1] if rng else None
        if day is None:
            raise NoDataError(
                "The feedback store is empty. Load surveys or tickets (`journeybot ingest`) and "
                "run `journeybot feedback index`."
            )
        return day

    def resolve_period(self, period: Period | str | None, store: JourneyStore | None = None) -> ResolvedPeriod:
        rng = self.date_range()
        return resolve(period, self.as_of(store), self.timezone, data_start=rng[0] if rng else None)

    # -- reading
    def get(self, where: dict[str, Any] | None = None, *, embeddings: bool = False,
            documents: bool = True) -> dict[str, Any]:
        col = self.collection(create=False)
        if col is None:
            return {"ids": [], "metadatas": [], "documents": [], "embeddings": None}
        include = ["metadatas"] + (["documents"] if documents else []) + (["embeddings"] if embeddings else [])
        return get_all(col, where, include)

    def frame(self, *, period: ResolvedPeriod | None = None, source: Sequence[str] | None = None,
              stage: Sequence[str] | None = None, customer_id: str | None = None,
              embeddings: bool = False, customers: Collection[str] | None = None) -> pd.DataFrame:
        """Chunks as rows (id, text, metadata columns), optionally with an `embedding` matrix
        in `frame.attrs['embeddings']` (rows in the frame's order).

        `customers` keeps only the texts of those customers (a persona or segment); anonymous
        texts have no customer and are left out then."""
        where = build_where(period=period, source=source, stage=stage, customer_id=customer_id)
        got = self.get(where, embeddings=embeddings)
        frame = pd.DataFrame(got["metadatas"] or [])
        frame.insert(0, "id", got["ids"])
        frame["text"] = got.get("documents") or [""] * len(frame)
        for col in (*META_TEXT, *META_INT, "sentiment", "lang", "chunk", "chunks"):
            if col not in frame:
                frame[col] = np.nan if col in (*META_INT, "sentiment") else None
        frame["sentiment"] = pd.to_numeric(frame["sentiment"], errors="coerce")
        keep = None
        if customers is not None:
            # Filtered after reading: a cohort can hold thousands of ids, more than one Chroma
            # `$in` filter takes.
            keep = frame["customer_id"].isin(set(customers)).to_numpy()
            frame = frame[keep].reset_index(drop=True)
        if embeddings:
            vecs = got.get("embeddings")
            dim = self.embedder.dim if self.embedder is not None else 0
            matrix = (np.asarray(vecs, dtype=np.float32) if vecs is not None and len(vecs)
                      else np.zeros((0, dim), dtype=np.float32))
            frame.attrs["embeddings"] = matrix[keep] if keep is not None and len(matrix) else matrix
        return frame

    def known_values(self, key: str) -> list[str]:
        frame = self.frame()
        if frame.empty or key not in frame:
            return []
        return sorted(str(v) for v in frame[key].dropna().unique())


GET_PAGE = 5000


def get_all(col: Any, where: dict[str, Any] | None, include: list[str]) -> dict[str, Any]:
    """Every matching record, fetched in pages: one unpaged get of ~100k records fails inside
    Chroma's SQLite ("too many SQL variables")."""
    out: dict[str, Any] = {"ids": [], "metadatas": [], "documents": [], "embeddings": []}
    offset = 0
    while True:
        page = col.get(where=where, include=include, limit=GET_PAGE, offset=offset)
        out["ids"].extend(page["ids"])
        for key in ("metadatas", "documents", "embeddings"):
            values = page.get(key)
            if key in include and values is not None:
                out[key].extend(list(values))
        if len(page["ids"]) < GET_PAGE:
            break
        offset += GET_PAGE
    if "embeddings" not in include:
        out["embeddings"] = None
    return out


def build_where(*, period: ResolvedPeriod | None = None, source: Sequence[str] | None = None,
                stage: Sequence[str] | None = None, touchpoint: Sequence[str] | None = None,
                channel: Sequence[str] | None = None, customer_id: str | None = None,
                ranges: dict[str, tuple[float | None, float | None]] | None = None) -> dict[str, Any] | None:
    """A Chroma `where` filter from our filters (values are data, never operators)."""
    parts: list[dict[str, Any]] = []
    if period is not None:
        parts.append({"ts": {"$gte": int(period.start.timestamp())}})
        parts.append({"ts": {"$lt": int(period.end.timestamp())}})
    for key, values in (("source", source), ("stage", stage), ("touchpoint", touchpoint),
                        ("channel", channel)):
        if values:
            parts.append({key: {"$in": [str(v) for v in values]}})
    if customer_id:
        parts.append({"customer_id": {"$eq": str(customer_id)}})
    for key, (lo, hi) in (ranges or {}).items():
        if lo is not None:
            parts.append({key: {"$gte": lo}})
        if hi is not None:
            parts.append({key: {"$lte": hi}})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


# -- what gets indexed -----------------------------------------------------------------------

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
    path = Path(path)
    if not path.exists():
        raise ToolInputError(f"{path}: file not found")
    opts = spec.options
    fmt = opts.format
    if fmt == "auto":
        suffix = path.suffix.lower()
        fmt = "parquet" if suffix in (".parquet", ".pq") else "jsonl" if suffix in (".jsonl", ".ndjson", ".json") else "csv"
    con = duckdb.connect()
    try:
        if fmt == "parquet":
            rel = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        elif fmt == "jsonl":
            rel = con.execute("SELECT * FROM read_json(?, format='newline_delimited')", [str(path)])
        else:
            args = {"all_varchar": True, "header": opts.header}
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


# -- indexing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexReport(ResultMixin):
    sources: tuple[str, ...]
    documents: int
    chunks: int
    added: int
    updated: int
    removed: int
    unchanged: int
    seconds: float
    embed_seconds: float
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{k: getattr(self, k) for k in (
            "documents", "chunks", "added", "updated", "removed", "unchanged", "seconds")}])

    def to_text(self) -> str:
        rate = self.added / self.embed_seconds if self.embed_seconds > 0 else 0
        text = (f"feedback <- {', '.join(self.sources)}: {self.documents:,} texts in {self.chunks:,} "
                f"chunks; {self.added:,} embedded, {self.updated:,} updated, {self.removed:,} removed, "
                f"{self.unchanged:,} unchanged ({self.seconds:.2f} s"
                + (f"; {rate:,.0f} chunks/s embedding" if self.added else "") + ")")
        return "\n".join([text, *(f"  note: {n}" for n in self.provenance.notes)])


def chunk_documents(docs: pd.DataFrame, chunk_words: int = DEFAULT_CHUNK_WORDS) -> pd.DataFrame:
    """Split texts longer than `chunk_words` words into consecutive chunks and give each its
    id: a hash of document id, position and text, a dash, and a hash of its metadata. Reading
    Chroma's metadata costs ~0.3 ms a record, listing ids almost nothing, so the id alone tells
    whether a chunk is stored unchanged. One DuckDB statement."""
    if chunk_words < 10:
        raise ToolInputError("chunk_words must be at least 10")
    con = duckdb.connect()
    try:
        con.register("docs", docs)
        meta_cols = [c for c in ("customer_id", "ts", "stage", "touchpoint", "channel", "status",
                                 "nps", "csat", "record_id", "source") if c in docs.columns]
        meta_hash = "sha256(concat_ws(chr(31), " + ", ".join(
            f"coalesce(CAST({c} AS VARCHAR), '')" for c in meta_cols) + "))"
        frame = con.execute(f"""
            WITH d AS (
                SELECT *, string_split(regexp_replace(trim(text), '\\s+', ' ', 'g'), ' ') AS words
                FROM docs),
            parts AS (
                SELECT d.*, CAST(ceil(len(words) / ?) AS BIGINT) AS chunks,
                       unnest(range(0, CAST(ceil(len(words) / ?) AS BIGINT))) AS chunk
                FROM d)
            SELECT * EXCLUDE (words, text),
                   CASE WHEN chunks = 1 THEN trim(text)
                        ELSE array_to_string(list_slice(words, chunk * ? + 1, (chunk + 1) * ?), ' ')
                   END AS text,
                   left(sha256(doc_id || chr(31) || CAST(chunk AS VARCHAR) || chr(31) ||
                        CASE WHEN chunks = 1 THEN trim(text)
                             ELSE array_to_string(list_slice(words, chunk * ? + 1, (chunk + 1) * ?), ' ')
                        END), 32) AS content_id,
                   left({meta_hash}, 12) AS meta_hash
            FROM parts
            ORDER BY doc_id, chunk
        """, [chunk_words] * 6).df()
    finally:
        con.close()
    frame["id"] = frame["content_id"] + "-" + frame["meta_hash"]
    return frame


def _metadata_records(chunks: pd.DataFrame, timezone: str) -> list[dict[str, Any]]:
    """Chroma metadata per chunk: strings, ints and floats only, no missing values."""
    frame = pd.DataFrame(index=chunks.index)
    for c in META_TEXT:
        if c == "day":
            continue
        if c in chunks:
            frame[c] = chunks[c].astype(object).where(chunks[c].notna(), None)
    ts = pd.to_numeric(chunks["ts"], errors="coerce")
    frame["day"] = (pd.to_datetime(ts, unit="s", utc=True).dt.tz_convert(timezone).dt.strftime("%Y-%m-%d")
                    .astype(object).where(ts.notna(), None))
    for c in META_INT:
        if c in chunks:
            vals = pd.to_numeric(chunks[c], errors="coerce")
            frame[c] = vals.astype("Int64").astype(object).where(vals.notna(), None)
    frame["chunk"] = chunks["chunk"].astype(int)
    frame["chunks"] = chunks["chunks"].astype(int)
    frame["meta_hash"] = chunks["meta_hash"]
    if "sentiment" in chunks:
        frame["sentiment"] = chunks["sentiment"].astype(object).where(chunks["sentiment"].notna(), None)
        frame["sentiment_label"] = chunks["sentiment_label"]
        frame["lang"] = chunks["lang"]
    records = frame.to_dict(orient="records")
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items() if v is not None}
            for r in records]


def index_documents(
    fb: FeedbackStore,
    docs: pd.DataFrame,
    *,
    sources: Sequence[str],
    prune: bool = True,
    chunk_words: int = DEFAULT_CHUNK_WORDS,
    classify: Classifier | None = None,
    progress: Progress | None = None,
) -> IndexReport:
    """Bring the collection in line with `docs` for the given sources.

    `prune` removes chunks of those sources whose document is no longer in `docs` (a full
    sync); without it only documents in `docs` are touched."""
    started = time.perf_counter()
    col = fb.check_space()
    emb = fb._require_embedder()
    notes: list[str] = []
    docs = docs.copy()
    for c in DOC_COLUMNS:
        if c not in docs:
            docs[c] = None
    docs["text"] = redact_series(docs["text"].astype(object))
    docs = docs[docs["text"].notna() & (docs["text"].astype(str).str.strip() != "")]
    if docs["doc_id"].duplicated().any():
        dupes = docs.loc[docs["doc_id"].duplicated(), "doc_id"].head(3).tolist()
        raise ToolInputError(f"document ids must be unique; repeated: {dupes}")
    chunks = chunk_documents(docs[list(DOC_COLUMNS)], chunk_words)

    def phase(name: str, fraction: float) -> None:
        if progress:
            progress(f"feedback: {name}", fraction)

    phase("comparing", 0.0)
    stored = pd.Series(_stored_ids(col, sources, None if prune else docs["doc_id"].tolist()), dtype=object)
    stored_content = stored.str.slice(0, 32)
    stored_set = set(stored)
    is_same = np.fromiter((i in stored_set for i in chunks["id"]), bool, len(chunks))
    content_set = set(stored_content)
    is_moved = ~is_same & np.fromiter((c in content_set for c in chunks["content_id"]), bool, len(chunks))
    new = chunks[~is_same & ~is_moved]
    changed_meta = chunks[is_moved]  # same text, other scores or stage: keep the vector
    wanted = set(chunks["id"])
    stale = stored[~stored.isin(wanted)].tolist()

    embed_seconds = 0.0
    if len(new):
        step = max(fb.batch_size, 1)
        texts = new["text"].tolist()
        # Each batch is written to Chroma while the next one is embedded (the model releases
        # the GIL): the writes then cost little on top of the model. One write at a time, in
        # order; the last one is waited for before the function returns.
        with ThreadPoolExecutor(max_workers=1) as writer:
            pending: Future | None = None
            for start in range(0, len(new), step):
                part = new.iloc[start:start + step].copy()
                t0 = time.perf_counter()
                vectors = emb.embed(texts[start:start + step])
                embed_seconds += time.perf_counter() - t0
                scored = score_texts(part["text"].tolist(), embedder=emb, vectors=vectors, classify=classify)
                part["sentiment"] = scored["score"].to_numpy()
                part["sentiment_label"] = scored["label"].to_numpy()
                part["lang"] = scored["lang"].to_numpy()
                if pending is not None:
                    pending.result()  # raises a failed write here, before more is written
                pending = writer.submit(col.upsert, ids=part["id"].tolist(), embeddings=vectors,
                                        documents=part["text"].tolist(),
                                        metadatas=_metadata_records(part, fb.timezone))
                phase("embedding", min(1.0, (start + len(part)) / len(new)))
            if pending is not None:
                pending.result()
    if len(changed_meta):
        old_ids = stored[stored_content.isin(set(changed_meta["content_id"]))].tolist()
        for start in range(0, len(old_ids), 1000):
            got = col.get(ids=old_ids[start:start + 1000], include=["embeddings", "metadatas"])
            by_content = {i[:32]: (v, m) for i, v, m in zip(got["ids"], got["embeddings"], got["metadatas"], strict=True)}
            part = changed_meta[changed_meta["content_id"].isin(set(by_content))]
            records = _metadata_records(part, fb.timezone)
            for rec, cid in zip(records, part["content_id"], strict=True):
                prev = by_content[cid][1]
                for key in ("sentiment", "sentiment_label", "lang"):
                    if key in prev:
                        rec[key] = prev[key]
            col.upsert(ids=part["id"].tolist(), documents=part["text"].tolist(), metadatas=records,
                       embeddings=np.asarray([by_content[c][0] for c in part["content_id"]], dtype=np.float32))
    if stale:
        for start in range(0, len(stale), 1000):
            col.delete(ids=stale[start:start + 1000])
    ts = pd.to_numeric(docs["ts"], errors="coerce").dropna()
    if len(ts):
        meta = col.metadata or {}
        first = int(ts.min()) if "first_ts" not in meta else min(int(ts.min()), int(meta["first_ts"]))
        last = int(ts.max()) if "last_ts" not in meta else max(int(ts.max()), int(meta["last_ts"]))
        fb._set_meta(first_ts=first, last_ts=last)
    undated = int(pd.to_numeric(docs["ts"], errors="coerce").isna().sum())
    if undated:
        notes.append(f"{undated:,} texts have no date; period filters never match them")
    phase("done", 1.0)
    seconds = time.perf_counter() - started
    prov = Provenance(
        tool="index_feedback",
        definition="texts redacted, chunked, embedded and stored with their metadata; ids are "
                   "content hashes, so unchanged texts are not embedded again",
        params={"sources": list(sources), "prune": prune, "chunk_words": chunk_words,
                "embedder": emb.identity},
        tables=("surveys", "tickets") if set(sources) <= set(STORE_SOURCES) else (),
        row_counts={"texts": int(len(docs))}, notes=tuple(notes),
    )
    return IndexReport(
        sources=tuple(sources), documents=int(len(docs)), chunks=int(len(chunks)), added=int(len(new)),
        updated=int(len(changed_meta)), removed=int(len(stale) - len(changed_meta)),
        unchanged=int(is_same.sum()), seconds=seconds, embed_seconds=embed_seconds,
        provenance=prov,
    )


def _stored_ids(col: Any, sources: Sequence[str], doc_ids: list[str] | None) -> list[str]:
    """Ids stored for these sources (a full sync), or for these documents only."""
    if doc_ids is None:
        return list(col.get(where=build_where(source=list(sources)), include=[])["ids"])
    ids: list[str] = []
    for start in range(0, len(doc_ids), 1000):
        ids += col.get(where={"doc_id": {"$in": doc_ids[start:start + 1000]}}, include=[])["ids"]
    return ids


def index_store(fb: FeedbackStore, store: JourneyStore, *, sources: Sequence[str] = STORE_SOURCES,
                chunk_words: int = DEFAULT_CHUNK_WORDS, classify: Classifier | None = None,
                progress: Progress | None = None) -> IndexReport:
    """Sync the feedback store with the journey store's survey answers and tickets."""
    docs = documents_from_store(store, sources)
    return index_documents(fb, docs, sources=sources, prune=True, chunk_words=chunk_words,
                           classify=classify, progress=progress)


def index_file(fb: FeedbackStore, path: str | Path, spec: TextFile, *,
               chunk_words: int = DEFAULT_CHUNK_WORDS, classify: Classifier | None = None,
               progress: Progress | None = None) -> IndexReport:
    """Sync one text file as source `spec.source` (rows gone from the file are removed)."""
    docs = documents_from_file(path, spec, fb.timezone)
    return index_documents(fb, docs, sources=[spec.source], prune=True, chunk_words=chunk_words,
                           classify=classify, progress=progress)


# -- search ------------------------------------------------------------------------------------


class SearchParams(BaseModel):
    """Find what customers said about something, by meaning, with citations.

    Use for "what do people say about delivery?", "show me complaints about checkout last
    month", "negative comments about the sourdough". Returns quotes (customer text, redacted)
    with their ids and dates so every claim can be cited."""

    query: str = Field(min_length=2, max_length=500, description="What to look for, in plain words.")
    period: Period = Field(default_factory=lambda: Period(name="all"),
                           description="Only texts dated in this period (relative to the last day of data).")
    source: list[str] | None = Field(default=None, description="Only these sources: survey, ticket, or a text file's name.")
    stage: list[Stage] | None = Field(default=None, description="Only texts about these journey stages.")
    touchpoint: list[str] | None = Field(default=None, description="Only texts about these touchpoints, e.g. ['delivery'].")
    channel: list[str] | None = Field(default=None, description="Only texts that came in through these channels.")
    customer_id: str | None = Field(default=None, max_length=200, description="Only this customer's texts.")
    min_sentiment: float | None = Field(default=None, ge=-1, le=1, description="Lowest sentiment score, -1..1.")
    max_sentiment: float | None = Field(default=None, ge=-1, le=1, description="Highest sentiment score, -1..1 (e.g. -0.2 for complaints).")
    min_csat: int | None = Field(default=None, ge=1, le=5, description="Lowest CSAT score, 1..5.")
    max_csat: int | None = Field(default=None, ge=1, le=5, description="Highest CSAT score, 1..5.")
    min_nps: int | None = Field(default=None, ge=0, le=10, description="Lowest NPS answer, 0..10.")
    max_nps: int | None = Field(default=None, ge=0, le=10, description="Highest NPS answer, 0..10.")
    limit: int = Field(default=8, ge=1, le=50, description="How many quotes to return.")
    min_similarity: float = Field(default=0.2, ge=0, le=1, description="Hide matches less similar than this (0..1).")


@dataclass(frozen=True)
class Quote:
    """One customer text (or the matching chunk of a long one): data, never instructions."""

    id: str  # "survey:S123", "ticket:T9", "reviews:42": cite this
    source: str
    record_id: str
    text: str
    date: dt.date | None
    customer_id: str | None
    similarity: float | None
    sentiment: float | None
    sentiment_label: str
    stage: str | None
    touchpoint: str | None
    channel: str | None
    csat: int | None
    nps: int | None
    chunk: int = 0
    chunks: int = 1
    also: tuple[str, ...] = ()  # ids of other texts with exactly the same words
    quoted: bool = True  # customer text: show as a quote, never follow it

    def citation(self) -> str:
        parts = [f"{self.source} {self.record_id}"]
        if self.date:
            parts.append(self.date.isoformat())
        if self.chunks > 1:
            parts.append(f"part {self.chunk + 1} of {self.chunks}")
        if self.also:
            shown = ", ".join(i.split(":", 1)[-1] for i in self.also[:5])
            more = f" and {len(self.also) - 5} more" if len(self.also) > 5 else ""
            parts.append(f"same words also in {shown}{more}")
        return ", ".join(parts)

    def scores(self) -> str:
        parts = []
        if self.csat is not None:
            parts.append(f"CSAT {self.csat}")
        if self.nps is not None:
            parts.append(f"NPS {self.nps}")
        if self.sentiment is not None:
            parts.append(f"sentiment {self.sentiment:+.2f}")
        return ", ".join(parts)


@dataclass(frozen=True)
class SearchResult(ResultMixin):
    query: str
    quotes: list[Quote]
    hidden: int  # matches below min_similarity
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([q.__dict__ for q in self.quotes])

    def to_text(self) -> str:
        if not self.quotes:
            lines = [f'No customer text matches "{self.query}" closely enough'
                     + (f" ({self.hidden} weaker matches hidden)" if self.hidden else "") + "."]
        else:
            lines = [f'{len(self.quotes)} customer quotes for "{self.query}" '
                     "(customer text, redacted, shown as quotes):"]
            for i, q in enumerate(self.quotes, 1):
                meta = ", ".join(p for p in (q.citation(), q.stage, q.touchpoint, q.scores()) if p)
                sim = f"; match {q.similarity:.2f}" if q.similarity is not None else ""
                lines.append(f'[{i}] "{_clip(q.text)}"\n     ({meta}{sim})')
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


def _clip(text: str, limit: int = 400) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _quote(meta: dict[str, Any], text: str, similarity: float | None, tz: str) -> Quote:
    def opt_int(key: str) -> int | None:
        v = meta.get(key)
        return None if v is None else int(v)

    sentiment = meta.get("sentiment")
    day = meta.get("day")
    return Quote(
        id=str(meta.get("doc_id")), source=str(meta.get("source")), record_id=str(meta.get("record_id")),
        text=redact(text) or "", date=dt.date.fromisoformat(day) if day else None,
        customer_id=meta.get("customer_id"), similarity=similarity,
        sentiment=None if sentiment is None else float(sentiment),
        sentiment_label=str(meta.get("sentiment_label") or label_scores([sentiment]).iloc[0]),
        stage=meta.get("stage"), touchpoint=meta.get("touchpoint"), channel=meta.get("channel"),
        csat=opt_int("csat"), nps=opt_int("nps"), chunk=int(meta.get("chunk", 0)),
        chunks=int(meta.get("chunks", 1)),
    )


def search(fb: FeedbackStore, params: SearchParams, *, store: JourneyStore | None = None) -> SearchResult:
    """The customer texts closest in meaning to the query, best first, one quote per text."""
    col = fb.check_space()
    total = int(col.count())
    if total == 0:
        raise NoDataError("The feedback store is empty. Run `journeybot feedback index` after "
                          "loading surveys or tickets.")
    period = fb.resolve_period(params.period, store) if params.period.name != "all" or params.period.start \
        or params.period.end else None
    ranges = {"sentiment": (params.min_sentiment, params.max_sentiment),
              "csat": (params.min_csat, params.max_csat), "nps": (params.min_nps, params.max_nps)}
    for key, (lo, hi) in ranges.items():
        if lo is not None and hi is not None and lo > hi:
            raise ToolInputError(f"min_{key} ({lo}) is above max_{key} ({hi})")
    touchpoints = [normalize_touchpoint(t) for t in params.touchpoint] if params.touchpoint else None
    channels = [normalize_touchpoint(c) for c in params.channel] if params.channel else None
    where = build_where(period=period, source=params.source, stage=params.stage, touchpoint=touchpoints,
                        channel=channels, customer_id=params.customer_id, ranges=ranges)
    vector = fb._require_embedder().embed([params.query])
    # Extra rows leave room for several chunks of one text and for repeated wordings.
    ids, metas, docs, dists = _nearest(col, vector, where, total, params.limit * 4, params.limit)
    quotes: list[Quote] = []
    seen: set[str] = set()
    same_words: dict[str, list[str]] = {}  # normalised text -> ids of texts that repeat it
    hidden = 0
    for meta, text, dist in zip(metas, docs, dists, strict=True):
        similarity = 1.0 - float(dist)
        doc_id = str(meta.get("doc_id"))
        if doc_id in seen:
            continue
        seen.add(doc_id)
        if similarity < params.min_similarity:
            hidden += 1
            continue
        key = " ".join(str(text).lower().split())
        if key in same_words:  # one quote per wording; the others are cited with it
            same_words[key].append(doc_id)
            continue
        if len(quotes) == params.limit:
            continue
        same_words[key] = []
        quotes.append(_quote(meta, text, round(similarity, 4), fb.timezone))
    quotes = [dataclasses.replace(q, also=tuple(same_words[" ".join(q.text.lower().split())]))
              if same_words.get(" ".join(q.text.lower().split())) else q for q in quotes]
    notes = []
    if not ids:
        notes.append(_why_empty(fb, params))
    prov = Provenance(
        tool="feedback_search",
        definition=("customer texts ranked by cosine similarity of their embedding to the query's "
                    f"({fb._require_embedder().name}); one quote per text; texts are redacted"),
        params=params.model_dump(mode="json", exclude_none=True),
        filters={k: v for k, v in {"source": params.source, "stage": params.stage, "touchpoint": touchpoints,
                                   "channel": channels, "customer_id": params.customer_id}.items() if v},
        period_start=period.start if period else None, period_end=period.end if period else None,
        period_label=period.label if period else "all data",
        tables=("feedback",), row_counts={"feedback chunks": total}, notes=tuple(n for n in notes if n),
    )
    return SearchResult(query=params.query, quotes=quotes, hidden=hidden, provenance=prov)


PREFILTER_POOL = 400  # nearest neighbours fetched unfiltered before falling back to Chroma's filter


def _nearest(col: Any, vector: np.ndarray, where: dict[str, Any] | None, total: int, wanted: int,
             needed: int | None = None) -> tuple[list[str], list[dict[str, Any]], list[str], list[float]]:
    """Up to `wanted` nearest chunks that pass `where`, nearest first, covering at least
    `needed` texts (default `wanted`) when that many pass.

    Chroma's metadata filter reads every matching row's id from SQLite before the vector
    search, which costs seconds at 100k texts for a broad filter such as a month. Most filters
    are broad, so the unfiltered nearest neighbours are fetched first and filtered here; the
    first `wanted` that pass are exactly the nearest passing ones. Only when too few pass (a
    narrow filter) does the query go to Chroma with the filter."""
    include = ["documents", "metadatas", "distances"]
    needed = wanted if needed is None else needed
    if where is not None and total > PREFILTER_POOL:
        got = col.query(query_embeddings=vector, n_results=PREFILTER_POOL, include=include)
        rows = [r for r in zip(got["ids"][0], got["metadatas"][0], got["documents"][0], got["distances"][0],
                               strict=True) if matches(r[1], where)]
        if len({r[1].get("doc_id") for r in rows}) >= needed:
            rows = rows[:wanted]
            return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows]
    got = col.query(query_embeddings=vector, n_results=min(total, wanted), where=where, include=include)
    return got["ids"][0], got["metadatas"][0], got["documents"][0], got["distances"][0]


def matches(meta: dict[str, Any], where: dict[str, Any] | None) -> bool:
    """Evaluate a `build_where` filter on one record's metadata, as Chroma would."""
    if where is None:
        return True
    if "$and" in where:
        return all(matches(meta, part) for part in where["$and"])
    (key, cond), = where.items()
    value = meta.get(key)
    (op, target), = cond.items()
    if value is None:
        return False
    if op == "$eq":
        return value == target
    if op == "$in":
        return value in target
    if op == "$gte":
        return value >= target
    if op == "$lte":
        return value <= target
    if op == "$lt":
        return value < target
    raise ValueError(f"unsupported filter operator {op}")  # pragma: no cover - build_where makes only these


def _why_empty(fb: FeedbackStore, params: SearchParams) -> str:
    """When filters match nothing, say which value is unknown."""
    for key in ("source", "touchpoint", "channel"):
        wanted = getattr(params, key)
        if wanted:
            known = fb.known_values(key)
            lookup = {normalize_touchpoint(v) for v in wanted} if key != "source" else set(wanted)
            missing = sorted(lookup - set(known))
            if missing:
                return f"no texts have {key} {', '.join(missing)}; known values: {', '.join(known) or 'none'}"
    return "no texts match these filters"


# -- erasure -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForgetResult(ResultMixin):
    customer_id: str
    feedback_chunks: int
    feedback_texts: int
    journey_rows: dict[str, int]
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        rows = [{"where": f"journey store: {t}", "removed": n} for t, n in self.journey_rows.items()]
        rows.append({"where": "feedback store: texts", "removed": self.feedback_texts})
        return pd.DataFrame(rows)

    def to_text(self) -> str:
        journey = ", ".join(f"{n:,} {t}" for t, n in self.journey_rows.items() if n) or "nothing"
        lines = [f"Forgot customer {self.customer_id!r}: journey store {journey}; feedback store "
                 f"{self.feedback_texts:,} texts ({self.feedback_chunks:,} chunks)."]
        lines.extend(f"Note: {n}" for n in self.provenance.notes)
        return "\n".join(lines)


def forget_customer(customer_id: str, *, store: JourneyStore | None, fb: FeedbackStore | None) -> ForgetResult:
    """Erase one customer's rows and texts. The vector store goes first: if it is unreachable
    nothing is deleted anywhere, and running again finishes a half-done erasure."""
    cid = (customer_id or "").strip()
    if not cid:
        raise ToolInputError("give the customer id to forget")
    chunks = texts = 0
    if fb is not None:
        got = fb.get({"customer_id": {"$eq": cid}}, documents=False)
        chunks = len(got["ids"])
        texts = len({m.get("doc_id") for m in got["metadatas"]})
        if chunks:
            col = fb.collection(create=False)
            for start in range(0, chunks, 1000):
                col.delete(ids=got["ids"][start:start + 1000])
    journey = store.delete_customer(cid) if store is not None else {}
    if not chunks and not any(journey.values()):
        raise NoDataError(f"Nothing is stored for customer {cid!r} (ids are case-sensitive); "
                          "nothing was changed.")
    prov = Provenance(
        tool="forget_customer",
        definition="every journey row with this customer_id and every feedback text tagged with it",
        params={"customer_id": cid},
        tables=tuple(journey) + ("feedback",),
        row_counts={**journey, "feedback chunks": chunks},
        notes=("texts that come from a file (`feedback index --file`) return if that file is indexed "
               "again: remove them from the file too",
               "anonymous texts that mention the customer by name are not linked to the id and stay"),
    )
    return ForgetResult(cid, chunks, texts, journey, prov)
