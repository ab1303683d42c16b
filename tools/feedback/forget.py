"""Erasure: forget one customer in the journey store and the feedback store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Provenance, ResultMixin
from tools.feedback.store import FeedbackStore

if TYPE_CHECKING:
    from tools.data.store import JourneyStore


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
