"""Re-embedding a feedback store whose vectors came from the same model in another precision.

Switching `[feedback] encoder_precision` (int8 <-> fp32) changes the vector space a little
(cosine about 0.99 per text, tools/feedback/embeddings_onnx.py), so a store never keeps vectors
of both: the next index run (`journeybot feedback index`, an ingest, serve's background
indexer) embeds every stored text again with the configured encoder and says so in its report.
Until then the store refuses searches with a plain message (FeedbackStore.check_space).

The texts are the ones stored (redacted chunks, with their metadata), so text files indexed
with `--file` keep their records, and a text erased before stays erased: nothing is read from
anywhere else. The copy is built beside the collection and swapped in the way an erasure's
rebuild is (tools/feedback/forget.py): a run killed half way leaves the old collection whole
(the half copy is deleted by the next run), or, killed after the old one was deleted, the copy
becomes the collection when the store is next opened. Sentiment scores in the metadata stay as
they were computed (the head's scores move by about 0.01 between precisions).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import numpy as np

from tools.feedback.store import GET_PAGE, FeedbackStore, rebuild_name


def reembed(fb: FeedbackStore, progress: Callable[[str, float], None] | None = None) -> int:
    """Embed every stored text again with `fb`'s embedder; returns the number of chunks."""
    emb = fb.require_embedder()
    client = fb.client()
    name, tmp = fb.collection_name, rebuild_name(fb.collection_name)
    col = fb.collection(create=False)
    if col is None:
        return 0
    total = int(col.count())
    meta = dict(col.metadata or {})
    meta.update(embedder=emb.name, embedder_identity=emb.identity, dim=int(emb.dim))
    meta.pop("encoder", None)  # set again below, to what embedded now
    meta.pop("hnsw:space", None)  # Chroma's own key; the space is in `configuration`
    with contextlib.suppress(Exception):
        client.delete_collection(tmp)  # a copy left by a run that died before the swap
    new = client.create_collection(tmp, embedding_function=fb._ef(emb.identity), metadata=meta,
                                   configuration={"hnsw": {"space": "cosine"}})
    done = offset = 0
    while True:
        page = col.get(include=["documents", "metadatas"], limit=GET_PAGE, offset=offset)
        ids = page["ids"]
        if ids:
            docs = [d or "" for d in page["documents"]]
            vectors = np.asarray(emb.embed(docs), dtype=np.float32)
            new.add(ids=ids, embeddings=vectors, documents=docs, metadatas=page["metadatas"])
            done += len(ids)
            if progress:
                progress("feedback: re-embedding", done / max(total, 1))
        if len(ids) < GET_PAGE:
            break
        offset += GET_PAGE
    runtime = getattr(emb, "runtime", "")
    if runtime:
        new.modify(metadata={**meta, "encoder": runtime})
    client.delete_collection(name)
    new.modify(name=name)
    fb._collection = None
    if fb.path is not None:  # the old vectors' folder, which Chroma leaves on disk
        from tools.feedback.forget import _drop_orphan_segments

        _drop_orphan_segments(fb)
    return done
