"""A feedback search with no topic ("show me angry customers", "the nicest things people wrote"):
the texts of the period ranked by tone, not by meaning. It searched the literal word "feedback"
before, which ranks texts by how much they sound like the word, not by how upset they are.

A text's tone is its customer's own score where it has one (a review's stars, a survey's CSAT
or NPS: a fact the customer gave), else the sentiment read from its words (a statistic, and
English only offline: Olist's Portuguese reviews have none, but their stars rank them). With
`max_sentiment` the most negative come first and only negative ones are kept, with
`min_sentiment` the most positive; with neither, the newest. Ties go to the more negative (or
positive) words, then the newest text. Quotes are redacted as every search's are."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from tools.core.results import Provenance
from tools.feedback.places import texts_with_customer
from tools.feedback.scoring import NEUTRAL_BAND
from tools.feedback.store import build_where

if TYPE_CHECKING:
    from collections.abc import Callable

    from tools.data.store import JourneyStore
    from tools.feedback.store import FeedbackStore

# `params` below are tools/feedback/search.py's SearchParams and quotes its Quote, not imported:
# search imports this module

_CSAT_TONE = {1: -1.0, 2: -0.5, 3: 0.0, 4: 0.5, 5: 1.0}


def direction(params: Any) -> str:
    """negative, positive or newest: what a search with no topic lists first."""
    if params.max_sentiment is not None and (params.max_sentiment < 0 or params.min_sentiment is None):
        return "negative"
    return "positive" if params.min_sentiment is not None else "newest"


def score_tone(csat: pd.Series, nps: pd.Series) -> pd.Series:
    """A customer's own score on the sentiment scale (-1..1): CSAT 1 is -1, 3 neutral, 5 +1; NPS
    detractors (0-6) below zero down to -1 at 0, passives (7-8) neutral, promoters 0.5 and 1."""
    from_csat = pd.to_numeric(csat, errors="coerce").round().map(_CSAT_TONE)
    n = pd.to_numeric(nps, errors="coerce")
    from_nps = pd.Series(np.select([n <= 6, n <= 8, n > 8], [(n - 7) / 7, 0.0, (n - 8) / 2], np.nan), index=n.index)
    return from_csat.fillna(from_nps.where(n.notna()))


def by_tone(fb: FeedbackStore, params: Any, store: JourneyStore | None, quote_from_chunk: Callable[..., Any], *,
            period: Any, touchpoints: list[str] | None, channels: list[str] | None, place: Any,
            filters: dict[str, Any]) -> tuple[list[Any], Provenance, str]:
    """(quotes, provenance, direction) for search() to make its result of, with the period, the
    normalised touchpoints and channels, the place cohort and the filters search() read."""
    # the stars and NPS asked for filter as in any search; the tone bounds apply to the tone below
    where = build_where(period=period, source=params.source, stage=params.stage, touchpoint=touchpoints,
                        channel=channels, customer_id=params.customer_id,
                        ranges={"csat": (params.min_csat, params.max_csat), "nps": (params.min_nps, params.max_nps)},
                        customers=place.ids if place else None)
    got = fb.get(where)
    chunks = pd.DataFrame(got["metadatas"] or [])
    if chunks.empty and place:
        raise place.nothing_written(period.label if period else "all data", texts_with_customer(fb, period))
    chunks["text"] = got.get("documents") or [""] * len(chunks)
    chunks["meta"] = list(got["metadatas"] or [])  # as stored: a quote reads its own fields
    for col in ("doc_id", "sentiment", "csat", "nps", "ts", "chunk"):
        if col not in chunks:
            chunks[col] = np.nan
    chunks["sentiment"] = pd.to_numeric(chunks["sentiment"], errors="coerce")
    way = direction(params)
    texts = _per_text(chunks, way)
    scope = len(texts)
    lo, hi = params.min_sentiment, params.max_sentiment
    kept = texts[texts.tone.notna()] if way != "newest" else texts
    if lo is not None:
        kept = kept[kept.tone >= lo]
    if hi is not None:
        kept = kept[kept.tone <= hi]
    ascending = {"negative": [True, True, False], "positive": [False, False, False], "newest": [False, False, False]}[way]
    keys = ["tone", "sentiment", "ts"] if way != "newest" else ["ts", "tone", "sentiment"]
    kept = kept.sort_values(keys, ascending=ascending, na_position="last")
    # one quote per wording, the other texts saying it cited with it (as a search does)
    kept = kept.assign(words=kept.text.map(lambda t: " ".join(str(t).lower().split())))
    also = kept.groupby("words", sort=False).doc_id.agg(list)
    top = kept.drop_duplicates("words").head(params.limit)
    quotes = [dataclasses.replace(quote_from_chunk(row.meta, row.text, None, fb.timezone),
                                  also=tuple(also[row.words][1:]))
              for row in top.itertuples()]
    label = period.label if period else "all data"
    bound = hi if way == "negative" else lo
    strong = (int((kept.tone <= -NEUTRAL_BAND).sum()) if way == "negative"
              else int((kept.tone >= NEUTRAL_BAND).sum()) if way == "positive" else None)
    notes = [_how(way, len(kept), scope, int(texts.tone.isna().sum()), store, bound, strong)]
    if place:
        notes.insert(0, place.note())
    prov = Provenance(
        tool="feedback_search",
        definition=("no topic was given, so texts are ranked by tone, not by meaning: a text's tone is its "
                    "customer's own score where it has one (CSAT 1 = -1, 3 = 0, 5 = +1; NPS 0-6 below zero, "
                    "7-8 neutral, 9-10 above) else the sentiment of its words; ties go to the words' sentiment, "
                    "then the newest; one quote per text; texts are redacted"),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=filters,
        period_start=period.start if period else None, period_end=period.end if period else None,
        period_label=label, tables=("feedback",), row_counts={"feedback chunks": len(chunks)},
        notes=tuple(n for n in notes if n),
    )
    return quotes, prov, way


def _per_text(chunks: pd.DataFrame, way: str) -> pd.DataFrame:
    """One row per text: its tone, its words' mean sentiment, when, and the chunk to quote (the
    most negative part of a long text for the negative list, the most positive for the positive)."""
    order = chunks.sort_values(["doc_id", "sentiment", "chunk"], ascending=[True, way != "positive", True],
                               na_position="last")
    shown = order.drop_duplicates("doc_id").set_index("doc_id")
    per = chunks.groupby("doc_id").agg(sentiment=("sentiment", "mean"), csat=("csat", "first"),
                                       nps=("nps", "first"), ts=("ts", "max"))
    per["tone"] = score_tone(per.csat, per.nps).fillna(per.sentiment)
    per["text"], per["meta"] = shown.text, shown.meta
    return per.reset_index()


def _how(way: str, kept: int, scope: int, untoned: int, store: Any, bound: float | None = None,
         strong: int | None = None) -> str:
    n = store.profile.numbers.number if store is not None else (lambda v: f"{v:,}")
    if way == "newest":
        return f"no topic or tone was given, so these are the newest of the {n(scope)} texts"
    said = (f"no topic was given, so these are ranked by tone, most {way} first: {n(kept)} of the {n(scope)} texts "
            f"in scope are {way} (by the customer's own score where given, else the words' sentiment)")
    if bound is not None and abs(bound) < NEUTRAL_BAND and strong is not None:
        # The sentiment breakdown calls a text negative only beyond the neutral band: without the
        # bound said, "1,256 negative" here and "34% negative (1,021)" there read as a contradiction.
        edge = f"{'-' if way == 'negative' else '+'}{NEUTRAL_BAND:.1f}"
        further = "lower" if way == "negative" else "higher"
        said += (f"; {way} here means a tone of {bound:+.2f} or {further}, a wider net than the sentiment "
                 f"breakdown's {edge} or {further}, which {n(strong)} of them reach")
    if untoned:
        said += f"; {n(untoned)} with neither a score nor a sentiment score (the offline reader scores English only) are left out"
    return said
