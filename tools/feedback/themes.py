"""Themes: what customers talk about, grouped by meaning, with size, mood, trend and quotes.

Texts of the period are clustered on their embeddings (tools/feedback/theme_clusters.py:
the number of themes follows the data rather than a fixed k). Each theme gets:
- a label an owner would write: the phrase most of its texts share (tools/feedback/theme_labels.py),
  or the model's label when a `labeler` is given; its most distinctive terms (class-based
  TF-IDF) are kept beside it,
- its size and share of the period's texts, its mean sentiment,
- a trend: texts of the previous period of the same length that sit as close to the theme's
  centre as its own members are counted, so "delivery complaints up from 4 to 31" is a fair
  comparison,
- two representative quotes (closest to the centre), redacted and marked as customer text.
The result and how it reads: tools/feedback/theme_result.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar, provenance_period
from tools.core.errors import NoDataError
from tools.core.results import Provenance
from tools.core.stages import Stage
from tools.core.text import counted
from tools.feedback.embeddings import normalize_rows
from tools.feedback.language import language_counts, resolve_undetermined, understood
from tools.feedback.places import place_cohort, texts_with_customer
from tools.feedback.scoring import ENGLISH_LIKE, NEUTRAL_BAND
from tools.feedback.search import Quote, quote_from_chunk
from tools.feedback.store import FeedbackStore
from tools.feedback.theme_clusters import closeness, cluster, documents, stop_words, top_terms
from tools.feedback.theme_labels import phrase_labels
from tools.feedback.theme_result import Labeler, Theme, ThemesResult
from tools.feedback.themes_unscored import unscored_words
from tools.feedback.thin_tail import few_texts

if TYPE_CHECKING:
    from tools.data.store import JourneyStore


class ThemesParams(BaseModel):
    """The main themes in what customers said in a period, with size, sentiment, trend and quotes.

    Use for "what are customers unhappy about this month?", "what do people talk about?",
    "any new complaints since last week?" (sentiment='negative' for complaints only)."""

    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="Which texts, by date; relative to the last day of data.")
    source: list[str] | None = Field(default=None, description="Only these sources: survey, ticket, or a text file's name.")
    stage: list[Stage] | None = Field(default=None, description="Only texts about these journey stages.")
    sentiment: Literal["all", "negative", "positive"] = Field(
        default="all", description="'negative' for complaints only, 'positive' for praise only.")
    max_themes: int = Field(default=6, ge=1, le=20, description="At most this many themes, largest first.")
    min_size: int = Field(default=3, ge=2, le=1000, description="Smallest number of texts that makes a theme.")
    compare: bool = Field(default=True, description="Count the previous period's texts per theme for the trend.")
    city: list[str] | None = Field(default=None, description="Only texts of customers living in these towns or cities.")
    region: list[str] | None = Field(default=None, description="Only texts of customers living in these regions.")


def themes(
    fb: FeedbackStore,
    params: ThemesParams,
    *,
    store: JourneyStore | None = None,
    labeler: Labeler | None = None,
    customers: Collection[str] | None = None,
) -> ThemesResult:
    """Cluster the period's customer texts into themes, largest first. `customers` (ids of a
    persona, segment or channel's customers, from the caller) keeps only their texts."""
    fb.check_space()
    as_of = fb.as_of(store)
    period = fb.resolve_period(params.period, store)
    place = place_cohort(store, params.city, params.region)
    if place:  # "what are customers in Leeds unhappy about?": their texts, said when there are none
        customers = place.within(customers)
    frame = fb.frame(period=period, source=params.source, stage=params.stage, embeddings=True,
                     customers=customers)
    if place and frame.empty:
        raise place.nothing_written(period.label, texts_with_customer(fb, period))
    docs, vectors = _select(frame, params.sentiment) if not frame.empty else (frame, np.zeros((0, 1)))
    docs, vectors, left_out = _readable(docs, vectors, fb.require_embedder())
    if len(docs) < params.min_size and left_out:
        raise NoDataError(f"No themes in {period.label}: {left_out}")
    if len(docs) < params.min_size:
        # Texts the offline model gives no score (Olist's Portuguese reviews) are neither
        # complaints nor praise: "only 0 negative texts" alone would hide that they are there.
        unscored = unscored_words(frame, params.sentiment, store.profile.numbers if store is not None else None)
        raise NoDataError(
            (f"No customer texts in {period.label}" if not len(docs) else
             f"Only {counted(len(docs), 'customer text')} in {period.label}")
            + (f" with {params.sentiment} sentiment" if params.sentiment != "all" else "") + unscored
            + f"; a theme needs at least {params.min_size}. "
            + (_latest_with_enough(fb, params, period, customers) or ("" if unscored else "Widen the period or lower min_size.")))
    labels = cluster(vectors)
    sizes = pd.Series(labels).value_counts()
    keep = [int(c) for c in sizes.index if sizes[c] >= params.min_size][: params.max_themes]
    languages = frozenset(str(x) for x in docs["lang"].dropna().unique())
    terms = top_terms(docs["text"], labels, keep, languages=languages)
    phrases = phrase_labels(docs["text"], labels, keep, stop_words(languages), terms,
                            weights=closeness(vectors, labels, keep))

    prev_docs, prev_vectors = _previous(fb, params, as_of, customers) if params.compare else (None, None)
    notes: list[str] = [place.note()] if place else []
    result: list[Theme] = []
    tz = fb.timezone
    for c in keep:
        members = np.flatnonzero(labels == c)
        centre = normalize_rows(vectors[members].mean(axis=0))[0]
        sims = vectors[members] @ centre
        order = members[np.argsort(-sims)]
        quotes = _representative(docs, frame, order, vectors, centre, tz)
        label = phrases[c]
        if labeler is not None:
            try:
                label = labeler(terms.get(c, []), [q.text for q in quotes]).strip() or label
            except Exception as exc:  # a model hiccup must not lose the themes
                notes.append(f"LLM labels unavailable ({type(exc).__name__}); labels are phrases from the texts")
                labeler = None
        previous = None
        trend = ""
        if prev_vectors is not None:
            floor = float(np.quantile(sims, 0.1)) if len(sims) > 1 else float(sims.min())
            previous = int((prev_vectors @ centre >= floor).sum()) if len(prev_vectors) else 0
            trend = _trend(len(members), previous)
        mood = docs["sentiment"].iloc[members]
        scored = max(int(mood.notna().sum()), 1)
        days = pd.to_datetime(docs["ts"].iloc[members], unit="s", utc=True).dt.tz_convert(tz).dt.date
        result.append(Theme(
            label=label, terms=terms.get(c, []), size=int(len(members)),
            share=float(len(members) / len(docs)),
            sentiment=None if mood.isna().all() else round(float(mood.mean()), 3),
            previous=previous, trend=trend,
            first_day=days.min() if days.notna().any() else None,
            last_day=days.max() if days.notna().any() else None,
            quotes=quotes,
            negative=float((mood <= -NEUTRAL_BAND).sum() / scored),
            positive=float((mood >= NEUTRAL_BAND).sum() / scored),
            tickets=float((docs["source"].iloc[members] == "ticket").mean()) if "source" in docs else 0.0,
        ))
    unassigned = int(len(docs) - sum(t.size for t in result))
    notes += few_texts(fb, period, len(docs), "themes are", source=params.source, stage=params.stage, customers=customers)
    if customers is not None:
        notes.append(f"only the texts of {len(customers):,} selected customers; anonymous texts are left out")
    prov = Provenance(
        tool="feedback_themes",
        definition=("customer texts clustered by meaning (agglomerative, average cosine linkage on "
                    f"{fb.require_embedder().name} embeddings); labels are the phrase most of a theme's "
                    "texts share and other themes' texts do not (its most distinctive words when none "
                    "is shared); trend counts previous-period texts as close to the theme's centre as "
                    "its own members"),
        params=params.model_dump(mode="json", exclude_none=True),
        filters={k: v for k, v in {"source": params.source, "stage": params.stage, "city": params.city, "region": params.region,
                                   "sentiment": None if params.sentiment == "all" else params.sentiment}.items() if v},
        **provenance_period(period, params),
        tables=("feedback",),
        row_counts={"feedback texts": int(len(docs)),
                    **({"previous period texts": int(len(prev_docs))} if prev_docs is not None else {})},
        notes=tuple(notes),
    )
    return ThemesResult(themes=result, texts=int(len(docs)), unassigned=unassigned, provenance=prov,
                        left_out=left_out)


def _readable(docs: pd.DataFrame, vectors: np.ndarray, embedder: object) -> tuple[pd.DataFrame, np.ndarray, str]:
    """The texts whose language the embedding model understands, and a plain sentence about
    the others ("" when none is left out). Texts in other languages would still get vectors,
    but close by shared spelling, not meaning: one big theme labelled with function words."""
    known = understood(embedder)
    if known is None or docs.empty:
        return docs, vectors, ""
    langs = resolve_undetermined(docs["lang"].fillna("und"))
    ok = (langs.isin(known) | langs.isin(ENGLISH_LIKE)).to_numpy() if "en" in known else langs.isin(known).to_numpy()
    if ok.all():
        return docs, vectors, ""
    out = langs[~ok]
    name = getattr(embedder, "name", "the embedding model")
    text = (f"{len(out):,} of {len(docs):,} texts are in a language the offline reader ({name}) does not "
            f"understand ({language_counts(out)}); they form no themes, rather than themes of look-alike "
            "words. Configure a multilingual embedding ([feedback] embedding = \"multilingual\", offline, or "
            "\"openai\") and run `journeybot feedback index --rebuild` to include them.")
    return docs[ok].reset_index(drop=True), vectors[ok], text


def _latest_with_enough(fb: FeedbackStore, params: ThemesParams, period: ResolvedPeriod,
                        customers: Collection[str] | None) -> str:
    """'The latest 30 days with 3 or more are 2018-07-24 to 2018-08-22: ask about that period.'
    (the same length, ending on the last day with such a text before the period), or '' when
    no earlier stretch has enough. Olist's last 30 days held no negative review, and the answer
    only said to widen the period."""
    frame = fb.frame(source=params.source, stage=params.stage, customers=customers)
    if frame.empty:
        return ""
    docs = frame.groupby("doc_id").agg(sentiment=("sentiment", "mean"), ts=("ts", "first"))
    docs = docs[_of_mood(docs["sentiment"], params.sentiment)]
    ts = pd.to_numeric(docs["ts"], errors="coerce").dropna()
    local = pd.to_datetime(ts, unit="s", utc=True).dt.tz_convert(fb.timezone).dt.tz_localize(None)
    ordinals = np.sort(local.to_numpy().astype("datetime64[D]").astype(np.int64))  # days since 1970
    ordinals = ordinals[ordinals < np.datetime64(period.first_day, "D").astype(np.int64)]
    if not len(ordinals):
        return ""
    # Each day with a text is a candidate last day; the texts in the span of the period's length
    # ending on it are counted with two binary searches over the sorted days.
    ends = np.unique(ordinals)
    counts = (np.searchsorted(ordinals, ends, side="right")
              - np.searchsorted(ordinals, ends - (period.days - 1), side="left"))
    enough = ends[counts >= params.min_size]
    if not len(enough):
        return ""
    last = np.datetime64(int(enough[-1]), "D").astype(dt.date)
    first = last - dt.timedelta(days=period.days - 1)
    if period.days == 1:
        return f"The latest day with {params.min_size} or more is {last}: ask about that day."
    return (f"The latest {period.days} days with {params.min_size} or more are {first} to {last}: "
            "ask about that period.")


def _select(frame: pd.DataFrame, sentiment: str) -> tuple[pd.DataFrame, np.ndarray]:
    docs, vectors = documents(frame)
    mask = _of_mood(docs["sentiment"], sentiment).to_numpy()
    return docs[mask].reset_index(drop=True), vectors[mask]


def _of_mood(sentiment: pd.Series, wanted: str) -> pd.Series:
    """Which texts have the `wanted` sentiment ("all", "negative" or "positive")."""
    if wanted == "negative":
        return sentiment <= -NEUTRAL_BAND
    if wanted == "positive":
        return sentiment >= NEUTRAL_BAND
    return pd.Series(True, index=sentiment.index)


def _previous(fb: FeedbackStore, params: ThemesParams, as_of: dt.date,
              customers: Collection[str] | None = None
              ) -> tuple[pd.DataFrame | None, np.ndarray | None]:
    if params.period.name in (None, "all") and params.period.start is None:
        return None, None
    prev: ResolvedPeriod = previous_calendar(params.period, as_of, fb.timezone)
    frame = fb.frame(period=prev, source=params.source, stage=params.stage, embeddings=True,
                     customers=customers)
    if frame.empty:
        return frame, np.zeros((0, fb.require_embedder().dim), dtype=np.float32)
    docs, vectors = _select(frame, params.sentiment)
    docs, vectors, _ = _readable(docs, vectors, fb.require_embedder())
    return docs, vectors


def _trend(now: int, before: int) -> str:
    if before == 0:
        return "new"
    change = (now - before) / before
    if change >= 0.25:
        return "rising"
    if change <= -0.25:
        return "falling"
    return "steady"


def _representative(docs: pd.DataFrame, frame: pd.DataFrame, order: np.ndarray, vectors: np.ndarray,
                    centre: np.ndarray, tz: str) -> list[Quote]:
    """The two texts closest to the theme's centre, skipping exact repeats."""
    quotes: list[Quote] = []
    seen: set[str] = set()
    for i in order:
        text = " ".join(str(docs["text"].iloc[i]).split())
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        meta = frame.iloc[int(docs["meta_first"].iloc[i])].to_dict()
        meta = {k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in meta.items()}
        meta["chunk"], meta["chunks"] = 0, 1
        quotes.append(quote_from_chunk(meta, text, round(float(vectors[i] @ centre), 4), tz))
        if len(quotes) == 2:
            break
    return quotes
