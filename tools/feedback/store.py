"""The feedback store: survey answers, tickets and reviews in a Chroma vector store.

- One collection ("feedback") per data folder, in a persistent Chroma folder by default, or on
  a Chroma server when a URL is configured; the code is the same. Telemetry is off.
- The embedder's identity (model and weights hash, or remote model id) is stored with the
  collection; opening it with another embedder is refused, because vectors from two models
  do not share a space and search would quietly return nonsense.
- Chroma is handed our own embedding function on every get and create (its default one
  downloads a model). Chroma rebuilds it from the stored config on its own schedule, so the
  rebuilt one holds only the identity and looks the live embedder up; it never loads a model.
- `build_where` turns our filters into a Chroma `where`; `matches` evaluates the same filter
  in Python, so the two change together.

Writing is in tools/feedback/index.py, search in search.py, erasure in forget.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from tools.analytics.periods import Period, ResolvedPeriod, resolve
from tools.core.errors import NoDataError, ToolFatal, ToolInputError, ToolUnavailable
from tools.feedback.embeddings import Embedder

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

COLLECTION = "feedback"
SCHEMA = 1


def rebuild_name(name: str) -> str:
    """The name of the copy an erasure builds before it replaces the collection."""
    return f"{name}-rebuild"[:63]

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



# "<model>[ int8| accents folded] sha256:<hash>": the tag (a precision, or how texts are prepared
# before the same weights see them) is the only part that may differ, so a store of the older
# tag is embedded again by the next index run instead of refusing every question until the owner
# runs a rebuild. Here, not in reembed.py, because reembed imports forget, which imports this module.
_TAG = re.compile(r" (int8|fp32|accents folded)(?= sha256:)")


def same_model(stored: str, configured: str) -> bool:
    """Both identities name the same weights, in any precision (a re-embed, not a new model)."""
    return stored != configured and _TAG.sub("", stored) == _TAG.sub("", configured)

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

    def _ef(self, identity: str | None = None) -> Any:
        """Our embedding function for Chroma; `identity` names the collection's model when no
        embedder is loaded (erasure copies vectors without embedding anything)."""
        if identity is None:
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
            if self._finish_rebuild():
                return self.collection(create=create)
            if not create:
                return None
            emb = self.require_embedder()
            meta = {"schema": SCHEMA, "embedder": emb.name, "embedder_identity": emb.identity,
                    "dim": int(emb.dim), "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
            col = client.get_or_create_collection(
                self.collection_name, embedding_function=self._ef(), metadata=meta,
                configuration={"hnsw": {"space": "cosine"}},
            )
        self._collection = col
        return col

    def _finish_rebuild(self) -> bool:
        """An erasure that rebuilt the collection (tools/feedback/forget.py) and died between
        deleting the old one and renaming the copy: the copy becomes the collection."""
        from chromadb.errors import NotFoundError

        try:
            copy = self.client().get_collection(rebuild_name(self.collection_name), embedding_function=self._ef())
        except (NotFoundError, ValueError):
            return False
        copy.modify(name=self.collection_name)
        return True

    def require_embedder(self) -> Embedder:
        if self.embedder is None:
            raise ToolUnavailable("this operation needs an embedding model; none was configured")
        return self.embedder

    def check_space(self) -> Any:
        """The collection, after making sure its vectors come from our embedder."""
        col = self.collection()
        emb = self.require_embedder()
        stored = (col.metadata or {}).get("embedder_identity")
        if stored and stored != emb.identity:
            if same_model(stored, emb.identity):
                raise ToolFatal(
                    f"The feedback store {self.where} holds vectors of {stored.split(' sha256:')[0]}, "
                    f"but the configured encoder is {emb.identity.split(' sha256:')[0]} "
                    "([feedback] encoder_precision, or a newer journeybot's text handling). The two do "
                    "not mix, so nothing was read or "
                    "written: the next index run embeds every stored text again (`journeybot "
                    "feedback index`; serve does it in the background), or set the precision back."
                )
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

    def set_meta(self, **updates: Any) -> None:
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
        """The last day of customer texts: the last day with survey answers or tickets in the
        journey store when it has them (not the last order or web visit: reviews may run weeks
        past the last order), else the feedback store's own."""
        days = [d for d in (store.as_of("surveys"), store.as_of("tickets")) if d] if store is not None else []
        day = max(days) if days else None
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
        granularity = "time"
        if store is not None:  # answers dated by month only are read in months
            spans = [s for s in (store.span("surveys"), store.span("tickets")) if s.has_data]
            if spans and all(s.granularity == "month" for s in spans):
                granularity = "month"
        return resolve(period, self.as_of(store), self.timezone, data_start=rng[0] if rng else None,
                       granularity=granularity)

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


# -- filters ---------------------------------------------------------------------------------


def build_where(*, period: ResolvedPeriod | None = None, source: Sequence[str] | None = None,
                stage: Sequence[str] | None = None, touchpoint: Sequence[str] | None = None,
                channel: Sequence[str] | None = None, customer_id: str | None = None,
                ranges: dict[str, tuple[float | None, float | None]] | None = None,
                customers: Collection[str] | None = None) -> dict[str, Any] | None:
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
    if customers is not None:  # the customers of a place: none there matches no text
        parts.append({"customer_id": {"$in": sorted(str(c) for c in customers) or [""]}})
    for key, (lo, hi) in (ranges or {}).items():
        if lo is not None:
            parts.append({key: {"$gte": lo}})
        if hi is not None:
            parts.append({key: {"$lte": hi}})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


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
