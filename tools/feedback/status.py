"""How much of the journey store's survey and ticket text the feedback store holds.

Answers about feedback are given from what is indexed; when that is not everything, they say
how much is ("1,200 of 1,655 texts are indexed so far"). The count is made the way indexing
decides what to embed: the texts are redacted and chunked, and a text counts as indexed when
every one of its chunks' words is stored (a text whose scores or stage changed since is still
searchable, so it counts). Listing the stored ids is cheap; no vector is read or computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from tools.core.money import NumberFormat
from tools.feedback.documents import DOC_COLUMNS, STORE_SOURCES, documents_from_store
from tools.feedback.index import (
    DEFAULT_CHUNK_WORDS,
    chunk_documents,
    prepare_documents,
    store_names,
    stored_ids,
)
from tools.feedback.store import FeedbackStore

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

INDEX_COMMAND = "journeybot feedback index"


@dataclass(frozen=True)
class IndexStatus:
    texts: int  # survey answers and tickets with text in the journey store
    indexed: int  # of those, the ones whose words are all in the feedback store
    stored: int  # chunks in the feedback store, from any source (text files too)

    @property
    def pending(self) -> int:
        return self.texts - self.indexed

    @property
    def complete(self) -> bool:
        return self.pending == 0

    def note(self, reading: bool, numbers: NumberFormat | None = None) -> str | None:
        """What an answer from this store says about its coverage (None when complete).
        `reading`: the rest is being indexed right now (serve's background indexer); `numbers`:
        how the business writes counts (its profile), English grouping when not given."""
        if self.complete:
            return None
        n = (numbers or NumberFormat()).number
        rest = ("the rest are being read" if reading
                else f"run `{INDEX_COMMAND}` to read the rest")
        return f"{n(self.indexed)} of {n(self.texts)} texts are indexed so far; {rest}."

    def nothing_indexed(self, reading: bool, numbers: NumberFormat | None = None) -> str:
        """Why there is no answer yet: texts are loaded, none is indexed."""
        n = (numbers or NumberFormat()).number
        then = (f"they are being read now; ask again in a minute (progress is in the log), "
                f"or run `{INDEX_COMMAND}`" if reading
                else f"run `{INDEX_COMMAND}` to read them")
        return f"None of the {n(self.texts)} survey and ticket texts is indexed yet; {then}."


def store_documents(store: JourneyStore, sources: Sequence[str] = STORE_SOURCES) -> pd.DataFrame:
    """The journey store's texts of `sources` as indexing sees them: redacted (customer names
    included), one row per text."""
    return prepare_documents(documents_from_store(store, sources), store_names(store))


def store_chunks(store: JourneyStore, sources: Sequence[str] = STORE_SOURCES,
                 chunk_words: int = DEFAULT_CHUNK_WORDS, *, docs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The chunks indexing embeds for the journey store's texts (one row per chunk: its id,
    content id, document id and text); `docs` when `store_documents` was already called."""
    docs = store_documents(store, sources) if docs is None else docs
    return chunk_documents(docs[list(DOC_COLUMNS)], chunk_words)


def index_status(fb: FeedbackStore, store: JourneyStore, *, sources: Sequence[str] = STORE_SOURCES,
                 chunk_words: int = DEFAULT_CHUNK_WORDS) -> IndexStatus:
    """Texts of `sources` in the journey store, and how many of them the feedback store holds."""
    docs = store_documents(store, sources)
    col = fb.collection(create=False)
    if col is None or docs.empty:
        return IndexStatus(texts=int(len(docs)), indexed=0, stored=0 if col is None else int(col.count()))
    chunks = store_chunks(store, sources, chunk_words, docs=docs)
    # A stored id is "<content hash>-<metadata hash>": the content half says the words are there.
    stored_content = {i[:32] for i in stored_ids(col, sources, None)}
    whole = chunks["content_id"].isin(stored_content).groupby(chunks["doc_id"]).all()
    return IndexStatus(texts=int(len(docs)), indexed=int(whole.sum()), stored=int(col.count()))
