"""Erasure in the feedback store: a customer's texts leave the collection, Chroma's write-ahead
log and the bytes of its files.

Deleting records through the Chroma API is not enough on its own:
- Chroma keeps every write in a queue (`embeddings_queue` in chroma.sqlite3: id, metadata and
  the full text) until the vector index has persisted past it, which by default happens only
  every 1,000 writes. The delete is therefore made with the index's sync threshold lowered to
  its minimum, so the index persists at once and Chroma purges the queue up to that point;
  the threshold is then put back. A small collection whose index has never been written to
  disk keeps its queue anyway: then the collection is rebuilt (every other record copied
  with its vector into a new collection, the old one deleted with its queue and folder).
- SQLite keeps deleted rows in free pages, and the full-text index keeps deleted terms in its
  segments, until they are rewritten. `compact_folder` merges the full-text index and VACUUMs
  the file with secure_delete on.
A Chroma server (`chroma_url`) gets the same API calls; its files are the server's to compact
(`chroma vacuum --path ...` on that host).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from tools.core.errors import NoDataError, ToolInputError, ToolUnavailable
from tools.core.files import shred
from tools.core.results import Provenance, ResultMixin
from tools.feedback.store import GET_PAGE, FeedbackStore, rebuild_name

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

_DEFAULT_BATCH = 100
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class FeedbackErasure:
    chunks: int
    texts: int
    documents: tuple[str, ...]  # the chunk texts removed (what to look for elsewhere)
    records: tuple[tuple[str, str], ...]  # (source, record id) of the texts removed


def forget_texts(fb: FeedbackStore, customer_id: str) -> FeedbackErasure:
    """Delete every chunk tagged with the customer and purge Chroma's write-ahead queue."""
    got = fb.get({"customer_id": {"$eq": customer_id}}, documents=True)
    ids = got["ids"]
    if not ids:
        return FeedbackErasure(0, 0, (), ())
    metas = got["metadatas"]
    col = fb.collection(create=False)
    hnsw = _hnsw_settings(col)
    _set_hnsw(col, sync_threshold=2, batch_size=2)
    try:
        for start in range(0, len(ids), 1000):
            col.delete(ids=ids[start:start + 1000])
    finally:
        _set_hnsw(col, **hnsw)
    if fb.path is not None and _queued(fb.path, ids):
        rebuild(fb)
    records = tuple(dict.fromkeys((str(m.get("source")), str(m.get("record_id"))) for m in metas))
    texts = len({m.get("doc_id") for m in metas})
    return FeedbackErasure(len(ids), texts, tuple(dict.fromkeys(d for d in got["documents"] if d)), records)


def _hnsw_settings(col: Any) -> dict[str, int]:
    config = (getattr(col, "configuration_json", None) or {}).get("hnsw") or {}
    sync = int(config.get("sync_threshold") or 1000)
    return {"sync_threshold": sync, "batch_size": min(int(config.get("batch_size") or _DEFAULT_BATCH), sync)}


def _set_hnsw(col: Any, **settings: int) -> None:
    try:
        col.modify(configuration={"hnsw": settings})
    except Exception:  # an older or remote Chroma without the setting: the queue is purged on its schedule
        pass


def _queued(folder: Path, ids: list[str]) -> bool:
    """True when Chroma's write-ahead queue still holds any of these record ids."""
    db = folder / "chroma.sqlite3"
    if not db.exists():
        return False
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ",".join("?" * len(part))
            if con.execute(f"SELECT 1 FROM embeddings_queue WHERE id IN ({marks}) LIMIT 1", part).fetchone():
                return True
        return False
    except sqlite3.Error:  # another Chroma layout: nothing to look at
        return False
    finally:
        con.close()


def rebuild(fb: FeedbackStore) -> None:
    """Copy every record (with its vector: nothing is embedded again) into a new collection,
    delete the old one with its queue, and give the new one the old name. A run killed half
    way is finished the next time the store is opened (FeedbackStore.collection)."""
    client = fb.client()
    name, tmp = fb.collection_name, rebuild_name(fb.collection_name)
    col = fb.collection(create=False)
    if col is None:
        return
    identity = (col.metadata or {}).get("embedder_identity", "")
    ef = fb._ef(identity)
    with contextlib.suppress(Exception):
        client.delete_collection(tmp)  # a copy left by a run that died before the swap
    new = client.create_collection(tmp, embedding_function=ef, metadata=dict(col.metadata or {}),
                                   configuration={"hnsw": {"space": "cosine"}})
    offset = 0
    while True:
        page = col.get(include=["embeddings", "documents", "metadatas"], limit=GET_PAGE, offset=offset)
        if page["ids"]:
            new.add(ids=page["ids"], embeddings=page["embeddings"], documents=page["documents"],
                    metadatas=page["metadatas"])
        if len(page["ids"]) < GET_PAGE:
            break
        offset += GET_PAGE
    client.delete_collection(name)
    new.modify(name=name)
    fb._collection = None
    _drop_orphan_segments(fb)


def _drop_orphan_segments(fb: FeedbackStore) -> None:
    """Delete segment folders of deleted collections (their vectors) that Chroma left on disk."""
    assert fb.path is not None
    con = sqlite3.connect(f"file:{fb.path / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=30)
    try:
        live = {r[0] for r in con.execute("SELECT id FROM segments").fetchall()}
    except sqlite3.Error:
        return
    finally:
        con.close()
    for folder in fb.path.iterdir():
        if folder.is_dir() and _UUID.fullmatch(folder.name) and folder.name not in live:
            for f in folder.iterdir():
                shred(f)
            folder.rmdir()


def compact_folder(fb: FeedbackStore, *, timeout: float = 30.0) -> str | None:
    """Merge the full-text index and VACUUM chroma.sqlite3 (local folder only), so deleted texts
    leave no bytes in the file. Returns a note when that could not be done."""
    if fb.path is None:
        return (f"the Chroma server at {fb.url} compacts its own files; run `chroma vacuum` there to "
                "remove the deleted texts' bytes from its disk")
    db = fb.path / "chroma.sqlite3"
    if not db.exists():
        return None
    deadline = time.monotonic() + timeout
    while True:
        con = sqlite3.connect(str(db), timeout=timeout, isolation_level=None)
        try:
            con.execute("PRAGMA secure_delete = ON")
            has_fts = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'embedding_fulltext_search'"
                                  ).fetchone()[0]
            if has_fts:
                con.execute("INSERT INTO embedding_fulltext_search(embedding_fulltext_search) VALUES ('optimize')")
            con.execute("VACUUM")
            return None
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise ToolUnavailable(f"Could not compact {db} ({exc}); the texts are deleted but their old "
                                      "bytes may remain in the file until it is compacted.") from exc
            time.sleep(0.2)
        finally:
            con.close()


# -- the older, two-store entry point (tests and the feedback tools use it) ------------------


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
    """Erase one customer's rows and texts from the journey and feedback stores (without
    compacting files: `journeybot forget` does that, and every other store, through
    tools/privacy/erase.py). The vector store goes first: if it is unreachable nothing is
    deleted anywhere, and running again finishes a half-done erasure."""
    cid = (customer_id or "").strip()
    if not cid:
        raise ToolInputError("give the customer id to forget")
    gone = forget_texts(fb, cid) if fb is not None else FeedbackErasure(0, 0, (), ())
    journey = store.delete_customer(cid) if store is not None else {}
    if not gone.chunks and not any(journey.values()):
        raise NoDataError(f"Nothing is stored for customer {cid!r} (ids are case-sensitive); "
                          "nothing was changed.")
    prov = Provenance(
        tool="forget_customer",
        definition="every journey row with this customer_id and every feedback text tagged with it",
        params={"customer_id": cid},
        tables=tuple(journey) + ("feedback",),
        row_counts={**journey, "feedback chunks": gone.chunks},
        notes=("texts that come from a file (`feedback index --file`) return if that file is indexed "
               "again: remove them from the file too",
               "anonymous texts that mention the customer by name are not linked to the id and stay"),
    )
    return ForgetResult(cid, gone.chunks, gone.texts, journey, prov)
