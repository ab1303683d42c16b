"""What themes by tone say when most texts have no tone. The offline reader scores English only,
so "the main complaints" over Olist's Portuguese reviews found "no customer texts with negative
sentiment (404 more have no sentiment score ...)" and told the owner to widen the period, which
finds none either: the texts are there, unscored. The answer counts them by language and says
what works on them: quotes asked by review score."""

from __future__ import annotations

import pandas as pd

from tools.core.money import NumberFormat
from tools.feedback.tone_unseen import unscored_by_language


def unscored_words(frame: pd.DataFrame, sentiment: str, numbers: NumberFormat | None = None) -> str:
    """' (404 more have no sentiment score: Portuguese 400, ...)' with what to ask instead, or ''
    when the themes are not asked by tone or every text is scored. `frame`: the period's chunks
    (doc_id, sentiment, lang)."""
    if sentiment == "all" or frame.empty:
        return ""
    counted = unscored_by_language(frame, numbers)
    if counted is None:
        return ""
    unscored, _, by_lang = counted
    n = (numbers or NumberFormat()).number
    return (f" ({n(unscored)} more have no sentiment score: {by_lang}; the offline reader scores English "
            f"only, so to it they are neither complaints nor praise, in any period. Ask for their quotes by "
            "review score instead (\"quotes with 1 or 2 stars\", \"what did 1-star reviews say about delivery\"))")
