"""Themes: what customers talk about, grouped by meaning, with size, mood, trend and quotes.

Texts of the period are clustered on their embeddings (agglomerative, average linkage on
cosine distance, so the number of themes follows the data rather than a fixed k; large
periods are first reduced to micro-clusters with k-means). Each theme gets:
- a label an owner would write: the phrase most of its texts share (tools/feedback/theme_labels.py),
  or the model's label when a `labeler` is given; its most distinctive terms (class-based
  TF-IDF) are kept beside it,
- its size and share of the period's texts, its mean sentiment,
- a trend: texts of the previous period of the same length that sit as close to the theme's
  centre as its own members are counted, so "delivery complaints up from 4 to 31" is a fair
  comparison,
- two representative quotes (closest to the centre), redacted and marked as customer text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar, provenance_period
from tools.core.errors import NoDataError
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import Stage
from tools.core.text import counted
from tools.feedback.embeddings import normalize_rows
from tools.feedback.language import STOP_WORDS, language_counts, resolve_undetermined, understood
from tools.feedback.places import place_cohort, texts_with_customer
from tools.feedback.scoring import ENGLISH_LIKE, NEUTRAL_BAND
from tools.feedback.search import Quote, quote_from_chunk
from tools.feedback.store import FeedbackStore
from tools.feedback.theme_labels import phrase_labels

if TYPE_CHECKING:
    from tools.data.store import JourneyStore

Labeler = Callable[[list[str], list[str]], str]  # (top terms, sample quotes) -> short label
TICKETS_TONE = "support tickets, tone not judged"
TICKETS_NOTE = ("Support tickets are written politely (\"Hi, ... thanks!\"), which a sentiment score reads as "
                "positive even when they complain, so their tone is not judged: read the quotes.")

# Average-linkage cosine distance at which two groups stop merging: members of a theme are on
# average at least this similar (1 - threshold). Tuned on paraphrased complaints: closer
# merges unrelated complaints, further splits one incident by wording.
MERGE_DISTANCE = 0.62
# Below this many texts the period before is too small a base for a percentage change.
SMALL_BASE = 30
DIRECT_LIMIT = 2500  # above this many texts, cluster k-means centres instead of texts
_PLACEHOLDERS = re.compile(r"\[(?:email|phone|card)\]")
# Greetings and filler of support messages say nothing about the theme.
_FILLER = ("hi", "hiya", "hello", "thanks", "thank", "cheers", "please", "got", "get", "just",
           "really", "bit", "lot", "ref", "regards", "kind", "many", "sorry", "say", "morning")


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


@dataclass(frozen=True)
class Theme:
    label: str
    terms: list[str]
    size: int
    share: float  # of the period's texts
    sentiment: float | None
    previous: int | None  # texts of the previous period close to this theme
    trend: str  # new, rising, falling, steady, or "" without comparison
    first_day: dt.date | None
    last_day: dt.date | None
    quotes: list[Quote]
    negative: float = 0.0  # share of its scored texts that read negative (below -NEUTRAL_BAND)
    positive: float = 0.0
    tickets: float = 0.0  # share of its texts that are support tickets

    def tone(self) -> str:
        """How the theme reads, in words. Support tickets are requests and complaints written
        politely ("Hi, ... Thanks!"), which a sentiment score reads as positive, so a theme of
        tickets is never called positive: it says so instead of showing the score."""
        if self.sentiment is None:
            return "tone not scored"
        if self.negative >= 0.5 or self.sentiment <= -NEUTRAL_BAND:
            return "mostly negative"
        if self.tickets >= 0.5:
            return TICKETS_TONE
        if self.positive >= 0.6 and self.negative < 0.2:
            return "mostly positive"
        return "mixed"

    def change_text(self) -> str:
        if self.previous is None:
            return ""
        if self.previous == 0:
            return "new (none the period before)"
        if self.previous < SMALL_BASE:
            # +525% on a base of 4 texts reads as alarming; the two counts say it plainly
            return f"{self.trend}: {self.previous:,} -> {self.size:,}"
        pct = (self.size - self.previous) / self.previous
        return f"{self.trend}: {self.previous:,} -> {self.size:,} ({pct:+.0%})"


@dataclass(frozen=True)
class ThemesResult(ResultMixin):
    themes: list[Theme]
    texts: int
    unassigned: int
    provenance: Provenance = field(repr=False)
    left_out: str = ""  # texts in languages the embedding model does not understand, said plainly

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "label": t.label, "size": t.size, "share": t.share, "tone": t.tone(), "sentiment": t.sentiment,
            "negative": t.negative, "tickets": t.tickets,
            "previous": t.previous, "trend": t.trend, "first_day": t.first_day, "last_day": t.last_day,
            "quote_1": t.quotes[0].id if t.quotes else None,
            "quote_2": t.quotes[1].id if len(t.quotes) > 1 else None,
        } for t in self.themes])

    def to_text(self, details: bool = False) -> str:
        lines = [f"{len(self.themes)} themes in {self.texts:,} customer texts "
                 f"({self.provenance.period_label}); quotes are customer text, redacted:"]
        if self.left_out:
            lines.insert(1, self.left_out)
        for i, t in enumerate(self.themes, 1):
            mood = t.tone()
            if details:
                mood += "; sentiment " + ("n/a" if t.sentiment is None else f"{t.sentiment:+.2f}") + \
                    f", {t.negative:.0%} negative; words: {' / '.join(t.terms[:4])}"
            days = f"{t.first_day} to {t.last_day}" if t.first_day else "undated"
            lines.append(f"{i}. {t.label} - {t.size:,} texts ({t.share:.0%}), {mood}, {days}"
                         + (f"; {t.change_text()}" if t.change_text() else ""))
            for q in t.quotes:
                lines.append(f'   "{_short(q.text)}" ({q.citation()})')
        if self.unassigned:
            lines.append(f"{self.unassigned:,} texts fit no theme of {self.provenance.params.get('min_size')}+ texts.")
        if any(t.tone() == TICKETS_TONE for t in self.themes):
            lines.append(TICKETS_NOTE)
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


# -- steps -------------------------------------------------------------------------------------


def _documents(frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per text: chunks joined in order, the mean of their vectors, mean sentiment."""
    vectors = frame.attrs.get("embeddings")
    frame = frame.assign(_pos=np.arange(len(frame))).sort_values(["doc_id", "chunk"])
    grouped = frame.groupby("doc_id", sort=False)
    if "lang" not in frame:
        frame = frame.assign(lang=None)
    docs = grouped.agg(
        text=("text", " ".join), sentiment=("sentiment", "mean"), ts=("ts", "first"),
        meta_first=("_pos", "first"), source=("source", "first"), lang=("lang", "first"),
    ).reset_index()
    codes = grouped.ngroup().to_numpy()
    sums = np.zeros((len(docs), vectors.shape[1]), dtype=np.float64)
    np.add.at(sums, codes, vectors[frame["_pos"].to_numpy()])
    return docs, normalize_rows(sums)


def cluster(vectors: np.ndarray, *, distance: float = MERGE_DISTANCE, seed: int = 0) -> np.ndarray:
    """Cluster label per row (unit vectors); the number of clusters follows the data."""
    from sklearn.cluster import AgglomerativeClustering, KMeans

    n = len(vectors)
    if n < 2:
        return np.zeros(n, dtype=int)
    if n <= DIRECT_LIMIT:
        model = AgglomerativeClustering(n_clusters=None, distance_threshold=distance,
                                        metric="cosine", linkage="average")
        return model.fit_predict(vectors)
    k = min(400, max(50, n // 20))
    micro = KMeans(n_clusters=k, n_init=1, random_state=seed).fit(vectors)
    centres = normalize_rows(micro.cluster_centers_)
    top = AgglomerativeClustering(n_clusters=None, distance_threshold=distance,
                                  metric="cosine", linkage="average").fit_predict(centres)
    return top[micro.labels_]


@functools.lru_cache(maxsize=8)
def _stop_words(languages: frozenset[str] = frozenset()) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS).union(_FILLER)
    for lang in languages:
        words |= STOP_WORDS.get(lang, frozenset())
    return sorted(words)



def top_terms(texts: pd.Series, labels: np.ndarray, wanted: list[int], n: int = 4,
              languages: frozenset[str] = frozenset()) -> dict[int, list[str]]:
    """The most distinctive terms per cluster (class-based TF-IDF over word 1-2 grams)."""
    from sklearn.feature_extraction.text import CountVectorizer

    clean = (texts.fillna("").str.replace(_PLACEHOLDERS, " ", regex=True)
             .str.replace(r"\b\w+n[’']t\b", " ", regex=True)  # "hasn't" would leave "hasn"
             .str.replace(r"[’']\w+", "", regex=True))
    # binary: a term counts once per text, so what many texts say beats one verbose text.
    vec = CountVectorizer(stop_words=_stop_words(languages), ngram_range=(1, 2), token_pattern=r"(?u)\b[^\W\d_]{3,}\b", binary=True,
                          min_df=2 if len(clean) >= 20 else 1)
    try:
        counts = vec.fit_transform(clean)
    except ValueError:  # nothing but stop words
        return {c: [] for c in wanted}
    vocab = np.asarray(vec.get_feature_names_out())
    classes, inverse = np.unique(labels, return_inverse=True)
    from scipy.sparse import csr_matrix

    member = csr_matrix((np.ones(len(labels)), (inverse, np.arange(len(labels)))),
                        shape=(len(classes), len(labels)))
    per_class = np.asarray((member @ counts).todense(), dtype=np.float64)
    tf = per_class / np.maximum(per_class.sum(axis=1, keepdims=True), 1.0)
    avg_words = per_class.sum() / max(len(classes), 1)
    idf = np.log(1.0 + avg_words / np.maximum(per_class.sum(axis=0), 1.0))
    score = tf * idf
    out: dict[int, list[str]] = {}
    for c in wanted:
        row = score[int(np.searchsorted(classes, c))]
        order = np.argsort(-row)
        terms: list[str] = []
        for j in order[: n * 6]:
            if row[j] <= 0:
                break
            term = str(vocab[j])
            # A bigram says more than its words; skip words already inside a chosen bigram
            # and bigrams whose words were both chosen.
            if any(term in t.split() for t in terms if " " in t) or \
                    (" " in term and all(w in terms for w in term.split())):
                continue
            terms = [t for t in terms if not (" " in term and t in term.split())] + [term]
            if len(terms) == n:
                break
        out[c] = terms
    return out


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
        unscored = int(frame.groupby("doc_id")["sentiment"].mean().isna().sum()) if not frame.empty else 0
        raise NoDataError(
            (f"No customer texts in {period.label}" if not len(docs) else
             f"Only {counted(len(docs), 'customer text')} in {period.label}")
            + (f" with {params.sentiment} sentiment" if params.sentiment != "all" else "")
            + (f" ({unscored} more have no sentiment score: not in a language the offline reader scores)"
               if params.sentiment != "all" and unscored else "")
            + f"; a theme needs at least {params.min_size}. "
            + (_latest_with_enough(fb, params, period, customers) or "Widen the period or lower min_size."))
    labels = cluster(vectors)
    sizes = pd.Series(labels).value_counts()
    keep = [int(c) for c in sizes.index if sizes[c] >= params.min_size][: params.max_themes]
    languages = frozenset(str(x) for x in docs["lang"].dropna().unique())
    terms = top_terms(docs["text"], labels, keep, languages=languages)
    phrases = phrase_labels(docs["text"], labels, keep, _stop_words(languages), terms,
                            weights=_closeness(vectors, labels, keep))

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
    if len(docs) < 30:
        notes.append(f"only {len(docs)} texts: themes are anecdotes, not trends")
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


def _closeness(vectors: np.ndarray, labels: np.ndarray, keep: list[int]) -> np.ndarray:
    """Per text, how close it sits to its theme's centre (cosine, raised to the 4th power so
    the typical texts count most); 1 for texts of themes not shown."""
    weights = np.ones(len(labels))
    for c in keep:
        members = labels == c
        centre = normalize_rows(vectors[members].mean(axis=0))[0]
        weights[members] = np.clip(vectors[members] @ centre, 0.0, None) ** 4
    return weights


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
    if params.sentiment == "negative":
        docs = docs[docs["sentiment"] <= -NEUTRAL_BAND]
    elif params.sentiment == "positive":
        docs = docs[docs["sentiment"] >= NEUTRAL_BAND]
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
    docs, vectors = _documents(frame)
    if sentiment == "negative":
        mask = (docs["sentiment"] <= -NEUTRAL_BAND).to_numpy()
    elif sentiment == "positive":
        mask = (docs["sentiment"] >= NEUTRAL_BAND).to_numpy()
    else:
        mask = np.ones(len(docs), dtype=bool)
    return docs[mask].reset_index(drop=True), vectors[mask]


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
