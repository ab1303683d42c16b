"""What a search by tone cannot see: texts with no sentiment score. The offline reader scores
English only, so Olist's Portuguese reviews have none, and "quotes about late delivery"
(complaints only) searched the few English reviews and showed "The end", a 5-star review, with
no word of the 4,000 Portuguese ones left out. The note counts them, by language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tools.core.money import NumberFormat
from tools.feedback.language import LANGUAGE_NAMES

if TYPE_CHECKING:
    import pandas as pd

    from tools.analytics.periods import ResolvedPeriod
    from tools.feedback.store import FeedbackStore


def unscored_by_language(frame: pd.DataFrame, numbers: NumberFormat | None = None) -> tuple[int, int, str] | None:
    """(texts with no sentiment score, texts in all, "Portuguese 400, Spanish 4") over chunks
    (doc_id, sentiment, lang), or None when every text has a score. Shared by this note and the
    themes' (tools/feedback/themes_unscored.py)."""
    chunks = frame[["doc_id", "sentiment", "lang"]].copy()
    chunks.attrs = {}  # a chunk frame's embedding matrix rides in attrs, and pandas compares attrs when it groups
    per_text = chunks.groupby("doc_id").agg(sentiment=("sentiment", "mean"), lang=("lang", "first"))
    unscored = per_text[per_text.sentiment.isna()]
    if unscored.empty:
        return None
    langs = unscored.lang.fillna("").map(lambda c: LANGUAGE_NAMES.get(c, c or "unknown")).value_counts()
    n = (numbers or NumberFormat()).number
    return len(unscored), len(per_text), ", ".join(f"{name} {n(k)}" for name, k in langs.items())


def unscored_left_out(fb: FeedbackStore, params: Any, period: ResolvedPeriod | None,
                      numbers: NumberFormat | None = None) -> str:
    """A note when the search keeps only some tones and texts in its scope have no sentiment
    score, else "". `params` are tools/feedback/search.py's SearchParams (not imported: search
    imports this); `numbers`: how the business writes counts (English grouping when not given)."""
    if params.min_sentiment is None and params.max_sentiment is None:
        return ""
    frame = fb.frame(period=period, source=params.source, stage=params.stage, customer_id=params.customer_id)
    if frame.empty:
        return ""
    counted = unscored_by_language(frame, numbers)
    if counted is None:
        return ""
    unscored, texts, by_lang = counted
    n = (numbers or NumberFormat()).number
    tone = "negative" if params.max_sentiment is not None and params.max_sentiment < 0 else "that tone of"
    return (f"{n(unscored)} of the {n(texts)} texts have no sentiment score ({by_lang}): the "
            f"offline reader scores English only, so this search for {tone} texts leaves them out. "
            "Ask without the tone, or by review score (\"quotes about late delivery with 1 or 2 stars\"), "
            "to include them")



