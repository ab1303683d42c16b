"""What goes into the feedback store: documents (tools/feedback/documents.py: from the journey
store or a text file) redacted, chunked, embedded, scored and written.

- Texts are redacted (tools/core/pii.py) before they are chunked, embedded or stored, even when
  they come from the journey store, which redacts at ingest too: rows loaded before that
  existed, and text files come straight from disk.
- Every chunk's id is a hash of its document id, position and text. Indexing again embeds
  only chunks whose id is new; a changed text gets new ids and its old chunks are deleted; a
  changed score or stage with unchanged text updates metadata without re-embedding.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import pandas as pd

from tools.core.errors import ToolInputError
from tools.core.pii import redact_series
from tools.core.pii_names import KnownNames
from tools.core.results import Provenance, ResultMixin
from tools.feedback.documents import (
    DOC_COLUMNS,
    STORE_SOURCES,
    TextFile,
    documents_from_file,
    documents_from_store,
)
from tools.feedback.language import detect_languages, resolve_undetermined
from tools.feedback.reembed import reembed
from tools.feedback.scoring import Classifier, score_texts
from tools.feedback.store import META_INT, META_TEXT, FeedbackStore, build_where, same_model

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

DEFAULT_CHUNK_WORDS = 120
Progress = Callable[[str, float], None]


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


def metadata_records(chunks: pd.DataFrame, timezone: str) -> list[dict[str, Any]]:
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
            # floor: Google's review times carry milliseconds, and an Int64 cast refuses 1.5
            vals = np.floor(pd.to_numeric(chunks[c], errors="coerce"))
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


def prepare_documents(docs: pd.DataFrame, names: KnownNames | None = None) -> pd.DataFrame:
    """Documents as they are indexed: every column present, texts redacted (with `names`),
    empty ones dropped, ids unique. Indexing and `index_status` both start here, so they
    agree on ids."""
    docs = docs.copy()
    for c in DOC_COLUMNS:
        if c not in docs:
            docs[c] = None
    docs["text"] = redact_series(docs["text"].astype(object), names, docs["customer_id"])
    docs = docs[docs["text"].notna() & (docs["text"].astype(str).str.strip() != "")]
    if docs["doc_id"].duplicated().any():
        dupes = docs.loc[docs["doc_id"].duplicated(), "doc_id"].head(3).tolist()
        raise ToolInputError(f"document ids must be unique; repeated: {dupes}")
    return docs


def index_documents(
    fb: FeedbackStore,
    docs: pd.DataFrame,
    *,
    sources: Sequence[str],
    prune: bool = True,
    chunk_words: int = DEFAULT_CHUNK_WORDS,
    classify: Classifier | None = None,
    progress: Progress | None = None,
    names: KnownNames | None = None,
    embed_ahead: bool = True,
) -> IndexReport:
    """Bring the collection in line with `docs` for the given sources.

    `prune` removes chunks of those sources whose document is no longer in `docs` (a full
    sync); without it only documents in `docs` are touched. `names` (the customers the
    journey store knows, tools/data/people.py) are redacted with the other details.
    `embed_ahead=False` embeds each batch only after the previous one is scored (slower; the
    order before the pipeline, kept for bench/feedback.py's comparison in one run)."""
    started = time.perf_counter()
    emb = fb.require_embedder()
    notes: list[str] = []
    stored_identity = fb.stored_identity()
    if stored_identity and same_model(stored_identity, emb.identity):
        # The encoder's precision changed ([feedback] encoder_precision): every stored text is
        # embedded again first, so the store never holds vectors of both.
        if progress:
            progress("feedback: re-embedding", 0.0)
        again = reembed(fb, progress)
        notes.append(f"the store's {again:,} texts were embedded with {stored_identity.split(' sha256:')[0]}; "
                     f"they were all embedded again with {emb.identity.split(' sha256:')[0]}, "
                     "the configured encoder (vectors of the two do not mix)")
    col = fb.check_space()
    docs = prepare_documents(docs, names)
    chunks = chunk_documents(docs[list(DOC_COLUMNS)], chunk_words)

    def phase(name: str, fraction: float) -> None:
        if progress:
            progress(f"feedback: {name}", fraction)

    phase("comparing", 0.0)
    stored = pd.Series(stored_ids(col, sources, None if prune else docs["doc_id"].tolist()), dtype=object)
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
        phase("embedding", 0.0)  # the first batch also loads the model: seconds under this label
        step = max(fb.batch_size, 1)
        texts = new["text"].tolist()
        # The model always has the next batch: batch n+1 is embedded on its own thread (the
        # model releases the GIL, or runs in a child process under serve) while batch n is
        # scored and its metadata built here, and batch n is written to Chroma on a third. So
        # the model waits for nothing but itself: VADER, metadata and writes (about a fifth of
        # an ingest's time when they ran in between) overlap it. One write at a time, in
        # order; the last one is waited for before the function returns.
        seconds: list[float] = []

        def embed(batch: list[str]) -> np.ndarray:
            t0 = time.perf_counter()
            vectors = emb.embed(batch)
            seconds.append(time.perf_counter() - t0)
            return vectors

        with ThreadPoolExecutor(max_workers=1) as writer, ThreadPoolExecutor(max_workers=1) as encoder:
            pending: Future | None = None
            ahead: Future = encoder.submit(embed, texts[:step])
            # Languages over the whole batch of new texts, so a short "ok" among Portuguese
            # reviews is read as Portuguese (left unscored offline), not scored as English;
            # detected while the model embeds the first batch (they are needed only to score).
            # 2,000 texts at a time: every word of every text becomes a Python string meanwhile
            # (20 MB more at the peak of a serve indexing the 1M store's 16,528 texts at once,
            # issue 22); each text's language depends on its own words only.
            langs = resolve_undetermined(pd.concat(
                [detect_languages(new["text"].iloc[i:i + 2000]) for i in range(0, len(new), 2000)],
                ignore_index=True))
            for start in range(0, len(new), step):
                part = new.iloc[start:start + step].copy()
                vectors = ahead.result()
                following = texts[start + step:start + 2 * step]
                if following and embed_ahead:
                    ahead = encoder.submit(embed, following)
                scored = score_texts(part["text"].tolist(), embedder=emb, vectors=vectors, classify=classify,
                                     languages=langs.iloc[start:start + step])
                part["sentiment"] = scored["score"].to_numpy()
                part["sentiment_label"] = scored["label"].to_numpy()
                part["lang"] = scored["lang"].to_numpy()
                if pending is not None:
                    pending.result()  # raises a failed write here, before more is written
                pending = writer.submit(col.upsert, ids=part["id"].tolist(), embeddings=vectors,
                                        documents=part["text"].tolist(),
                                        metadatas=metadata_records(part, fb.timezone))
                if following and not embed_ahead:  # the model waited for the scoring (a benchmark's "before")
                    ahead = encoder.submit(embed, following)
                phase("embedding", min(1.0, (start + len(part)) / len(new)))
            if pending is not None:
                pending.result()
        embed_seconds = sum(seconds)
    if len(changed_meta):
        old_ids = stored[stored_content.isin(set(changed_meta["content_id"]))].tolist()
        for start in range(0, len(old_ids), 1000):
            got = col.get(ids=old_ids[start:start + 1000], include=["embeddings", "metadatas"])
            by_content = {i[:32]: (v, m) for i, v, m in zip(got["ids"], got["embeddings"], got["metadatas"], strict=True)}
            part = changed_meta[changed_meta["content_id"].isin(set(by_content))]
            records = metadata_records(part, fb.timezone)
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
        fb.set_meta(first_ts=first, last_ts=last)
    # Which runtime embedded (onnxruntime or torch: the same vectors within 0.999 cosine, one
    # identity); kept with the collection, and said plainly when torch stood in for onnxruntime.
    runtime = getattr(emb, "runtime", None) if len(new) else None
    if runtime:
        fb.set_meta(encoder=runtime)
        if getattr(emb, "runtime_note", ""):
            notes.append(f"embedded with {runtime}: {emb.runtime_note}")
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
                "embedder": emb.identity, "encoder": runtime},
        tables=("surveys", "tickets") if set(sources) <= set(STORE_SOURCES) else (),
        row_counts={"texts": int(len(docs))}, notes=tuple(notes),
    )
    return IndexReport(
        sources=tuple(sources), documents=int(len(docs)), chunks=int(len(chunks)), added=int(len(new)),
        updated=int(len(changed_meta)), removed=int(len(stale) - len(changed_meta)),
        unchanged=int(is_same.sum()), seconds=seconds, embed_seconds=embed_seconds,
        provenance=prov,
    )


def stored_ids(col: Any, sources: Sequence[str], doc_ids: list[str] | None) -> list[str]:
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
                           classify=classify, progress=progress, names=store_names(store))


def index_file(fb: FeedbackStore, path: str | Path, spec: TextFile, *,
               chunk_words: int = DEFAULT_CHUNK_WORDS, classify: Classifier | None = None,
               progress: Progress | None = None, store: JourneyStore | None = None) -> IndexReport:
    """Sync one text file as source `spec.source` (rows gone from the file are removed); the
    names of the customers `store` knows are redacted from its texts."""
    docs = documents_from_file(path, spec, fb.timezone)
    gone: set[str] = set()
    if store is not None:  # customers erased by `journeybot forget` stay out (tools/data/erased.py)
        from tools.data.erased import among

        with store.connect() as con:
            gone = among(con, docs["customer_id"].dropna().unique())
        docs = docs[~docs["customer_id"].isin(gone)].reset_index(drop=True)
    report = index_documents(fb, docs, sources=[spec.source], prune=True, chunk_words=chunk_words,
                             classify=classify, progress=progress,
                             names=store_names(store) if store is not None else None)
    if not gone:
        return report
    note = f"{len(gone):,} erased customer{'s' if len(gone) != 1 else ''} left out"
    return dataclasses.replace(report, provenance=dataclasses.replace(
        report.provenance, notes=(*report.provenance.notes, note)))


def store_names(store: JourneyStore) -> KnownNames:
    """The names of the customers the journey store knows (redacted from every text)."""
    from tools.data.people import known_names

    with store.connect() as con:
        return known_names(con)
