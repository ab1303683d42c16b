"""Sentiment of customer text: a score in [-1, 1] and a label per text, and aggregates.

The offline default averages two readers that fail differently:
- VADER, a rule-based lexicon (negation, intensifiers, "but"), and
- a logistic-regression head on the text's embedding (all-MiniLM-L6-v2), trained on short
  labelled review sentences written for this project (tools/data/sentiment_*.txt: food,
  service, delivery, checkout, products, films). It never saw any data set we report on.
The equal-weight blend was chosen by cross-validation on those sentences only (see
docs/BENCHMARKS.md). The head for the shipped model is stored in tools/data/sentiment_head.npz;
with any other embedder it is trained on first use from the same sentences.

Both readers understand English only. Texts detected as another language are left unscored
(score NaN, label "unscored") with a note, rather than given a confident wrong number; an
LLM classifier, when configured, scores every language. It comes in as a plain callable
(`classify(texts) -> scores in [-1, 1]`) so that tools/ needs no model SDK.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.embeddings import Embedder
from tools.errors import NoDataError
from tools.language import LANGUAGE_NAMES, detect_languages
from tools.periods import Period, previous_calendar
from tools.results import Provenance, ResultMixin
from tools.stages import Stage

if TYPE_CHECKING:
    from tools.feedback import FeedbackStore
    from tools.store import JourneyStore

Classifier = Callable[[list[str]], list[float]]
Label = Literal["positive", "neutral", "negative", "unscored"]

# |score| below this is neutral. The blend's scores cluster near 0 for factual sentences
# ("I ordered on Monday") and move past 0.2 for anything with an opinion in it.
NEUTRAL_BAND = 0.2
HEAD_C = 3.0  # regularisation of the head, chosen by cross-validation with the blend weight
BLEND_VADER = 0.5
ENGLISH_LIKE = ("en", "und")
METHOD_BLEND = "vader+embedding head"
METHOD_VADER = "vader"
METHOD_LLM = "llm"
METHOD_UNSCORED = "unscored"


def _data_file(name: str) -> Path:
    return Path(__file__).resolve().parent / "data" / name


def training_sentences() -> tuple[list[str], np.ndarray]:
    """The shipped labelled sentences: (texts, labels 1 = positive, 0 = negative)."""
    pos = [t for t in _data_file("sentiment_pos.txt").read_text(encoding="utf-8").splitlines() if t.strip()]
    neg = [t for t in _data_file("sentiment_neg.txt").read_text(encoding="utf-8").splitlines() if t.strip()]
    return pos + neg, np.array([1] * len(pos) + [0] * len(neg), dtype=np.int8)


# -- the two readers ------------------------------------------------------------------------

_VADER: Any = None
_VADER_LOCK = threading.Lock()


def _vader() -> Any:
    global _VADER
    with _VADER_LOCK:
        if _VADER is None:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            _VADER = SentimentIntensityAnalyzer()
        return _VADER


def vader_scores(texts: list[str]) -> np.ndarray:
    """VADER's compound score per text (a lexicon pass per text; there is no batch form)."""
    analyzer = _vader()
    return np.array([analyzer.polarity_scores(t)["compound"] for t in texts], dtype=np.float64)


@dataclass(frozen=True)
class SentimentHead:
    """A linear head on unit embedding vectors: p(positive) = sigmoid(v . coef + intercept)."""

    identity: str  # the embedder it was trained for
    coef: np.ndarray
    intercept: float

    def score(self, vectors: np.ndarray) -> np.ndarray:
        z = np.asarray(vectors, dtype=np.float64) @ self.coef + self.intercept
        return 2.0 / (1.0 + np.exp(-z)) - 1.0

    def save(self, path: Path) -> None:
        np.savez(path, identity=np.array(self.identity), coef=self.coef,
                 intercept=np.array(self.intercept))

    @classmethod
    def load(cls, path: Path) -> SentimentHead:
        with np.load(path, allow_pickle=False) as data:
            return cls(str(data["identity"]), data["coef"].astype(np.float64), float(data["intercept"]))


def train_head(embedder: Embedder) -> SentimentHead:
    """Fit the head on the shipped sentences with this embedder's vectors."""
    from sklearn.linear_model import LogisticRegression

    texts, labels = training_sentences()
    vectors = embedder.embed(texts)
    model = LogisticRegression(C=HEAD_C, max_iter=5000).fit(vectors, labels)
    return SentimentHead(embedder.identity, model.coef_[0].astype(np.float64), float(model.intercept_[0]))


SHIPPED_HEAD = "sentiment_head.npz"
_HEADS: dict[str, SentimentHead] = {}
_HEADS_LOCK = threading.Lock()


def head_for(embedder: Embedder) -> SentimentHead:
    """The shipped head when it matches the embedder, else one trained now (once per process)."""
    identity = embedder.identity
    with _HEADS_LOCK:
        if identity not in _HEADS:
            shipped = _data_file(SHIPPED_HEAD)
            head = SentimentHead.load(shipped) if shipped.exists() else None
            _HEADS[identity] = head if head is not None and head.identity == identity else train_head(embedder)
        return _HEADS[identity]


# -- scoring ---------------------------------------------------------------------------------


def label_scores(scores: pd.Series | np.ndarray) -> pd.Series:
    s = pd.Series(scores, dtype="float64")
    out = pd.Series("neutral", index=s.index, dtype=object)
    out[s >= NEUTRAL_BAND] = "positive"
    out[s <= -NEUTRAL_BAND] = "negative"
    out[s.isna()] = "unscored"
    return out


def score_texts(
    texts: list[str] | pd.Series,
    *,
    embedder: Embedder | None = None,
    vectors: np.ndarray | None = None,
    classify: Classifier | None = None,
    languages: pd.Series | None = None,
) -> pd.DataFrame:
    """Columns score, label, lang, method; one row per text, in order.

    `vectors` (the texts' embeddings, if already computed) saves embedding them again.
    Without an embedder or vectors the default is VADER alone."""
    series = pd.Series(list(texts), dtype=object).fillna("").astype(str)
    n = len(series)
    lang = (languages.reset_index(drop=True) if languages is not None else detect_languages(series))
    score = np.full(n, np.nan)
    method = np.full(n, METHOD_UNSCORED, dtype=object)
    if n == 0:
        return pd.DataFrame({"score": score, "label": [], "lang": [], "method": []})
    got = None
    if classify is not None:
        try:
            got = np.asarray(classify(series.tolist()), dtype=np.float64)
        except Exception:  # a model that is down or answers nonsense must not stop indexing
            got = None
        if got is not None and got.shape != (n,):
            got = None
    if got is not None:
        score = np.clip(got, -1.0, 1.0)
        method[:] = METHOD_LLM
    else:
        english = lang.isin(ENGLISH_LIKE).to_numpy()
        if english.any():
            idx = np.flatnonzero(english)
            v = vader_scores(series.iloc[idx].tolist())
            if vectors is None and embedder is not None:
                vectors_en = embedder.embed(series.iloc[idx].tolist())
            elif vectors is not None:
                vectors_en = np.asarray(vectors)[idx]
            else:
                vectors_en = None
            if vectors_en is not None and embedder is not None:
                h = head_for(embedder).score(vectors_en)
                score[idx] = BLEND_VADER * v + (1 - BLEND_VADER) * h
                method[idx] = METHOD_BLEND
            else:
                score[idx] = v
                method[idx] = METHOD_VADER
    return pd.DataFrame({
        "score": score,
        "label": label_scores(score).to_numpy(),
        "lang": lang.to_numpy(),
        "method": method,
    })


def unscored_note(frame: pd.DataFrame) -> str | None:
    """A caveat naming the languages the offline model skipped, or None."""
    skipped = frame[frame["method"] == METHOD_UNSCORED]
    if skipped.empty:
        return None
    by_lang = skipped["lang"].value_counts()
    langs = ", ".join(f"{LANGUAGE_NAMES.get(k, k)} {v:,}" for k, v in by_lang.items())
    return (
        f"{len(skipped):,} of {len(frame):,} texts are not in English ({langs}) and have no "
        "sentiment score: the offline model reads English only. Configure an LLM model to "
        "score other languages."
    )


# -- aggregates --------------------------------------------------------------------------------

GroupBy = Literal["stage", "touchpoint", "channel", "source", "day", "week", "month"]


class SentimentParams(BaseModel):
    """How customers feel, by journey stage, touchpoint, channel, source or over time.

    Use for "how do people feel about delivery?", "is sentiment getting worse this month?",
    "which stage gets the most negative feedback?". Reads the feedback store (run
    `journeybot feedback index` after loading surveys or tickets)."""

    by: GroupBy = Field(default="stage", description="Group texts by this: a journey dimension or a time bucket.")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="Which texts, by their date; relative to the last day of data.")
    source: list[str] | None = Field(default=None, description="Only these sources, e.g. ['survey', 'ticket'].")
    stage: list[Stage] | None = Field(default=None, description="Only texts about these journey stages.")
    compare: bool = Field(default=True, description="Add the previous period's mean for each group.")
    min_texts: int = Field(default=1, ge=1, le=1000, description="Hide groups with fewer scored texts.")


@dataclass(frozen=True)
class SentimentResult(ResultMixin):
    by: str
    groups: pd.DataFrame  # group, texts, scored, mean, positive, negative, previous_mean, change
    overall_mean: float | None
    texts: int
    scored: int
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    def to_text(self) -> str:
        lines = [f"Sentiment by {self.by} ({self.provenance.period_label}): "
                 f"{self.scored:,} of {self.texts:,} texts scored"
                 + (f", mean {self.overall_mean:+.2f}" if self.overall_mean is not None else "")]
        lines.append(f"  {'group':<22} {'texts':>6} {'mean':>6} {'pos':>5} {'neg':>5}  vs before")
        for r in self.groups.itertuples():
            before = "" if pd.isna(r.previous_mean) else f"{r.previous_mean:+.2f} ({r.change:+.2f})"
            mean = "   n/a" if pd.isna(r.mean) else f"{r.mean:+6.2f}"
            lines.append(f"  {str(r.group):<22} {r.texts:>6,} {mean} {r.positive:>5.0%} "
                         f"{r.negative:>5.0%}  {before}")
        lines.append("Scores run from -1 (very negative) to +1 (very positive); "
                     f"pos/neg are shares of scored texts beyond ±{NEUTRAL_BAND}.")
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


def _bucket(frame: pd.DataFrame, by: str, tz: str) -> pd.Series:
    if by in ("day", "week", "month"):
        local = pd.to_datetime(frame["ts"], unit="s", utc=True).dt.tz_convert(tz)
        if by == "day":
            return local.dt.strftime("%Y-%m-%d")
        if by == "week":
            monday = local.dt.normalize() - pd.to_timedelta(local.dt.day_of_week, unit="D")
            return "week of " + monday.dt.strftime("%Y-%m-%d")
        return local.dt.strftime("%Y-%m")
    return frame[by].fillna("(unknown)").astype(str)


def _per_document(frame: pd.DataFrame) -> pd.DataFrame:
    """Chunks of one long text count once: the text's score is its chunks' mean."""
    if frame.empty:
        return frame
    agg = {c: "first" for c in frame.columns if c not in ("doc_id", "sentiment")}
    agg["sentiment"] = "mean"
    return frame.groupby("doc_id", as_index=False, sort=False).agg(agg)


def _summarise(frame: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    s = frame["sentiment"]
    g = pd.DataFrame({
        "group": key.to_numpy(),
        "scored": s.notna().to_numpy(),
        "sentiment": s.to_numpy(),
        "pos": (s >= NEUTRAL_BAND).to_numpy(),
        "neg": (s <= -NEUTRAL_BAND).to_numpy(),
    }).groupby("group")
    out = pd.DataFrame({
        "texts": g.size(),
        "scored": g["scored"].sum(),
        "mean": g["sentiment"].mean(),
        "positive_n": g["pos"].sum(),
        "negative_n": g["neg"].sum(),
    })
    denom = out["scored"].where(out["scored"] > 0)
    out["positive"] = (out["positive_n"] / denom).fillna(0.0)
    out["negative"] = (out["negative_n"] / denom).fillna(0.0)
    return out.drop(columns=["positive_n", "negative_n"])


def sentiment_summary(
    fb: FeedbackStore, params: SentimentParams, *, store: JourneyStore | None = None,
    customers: Collection[str] | None = None,
) -> SentimentResult:
    """Mean sentiment and shares of positive and negative texts per group, with the change
    against the previous period of the same length. `customers` (ids of a persona, segment or
    channel's customers, from the caller) keeps only their texts."""
    as_of = fb.as_of(store)
    period = fb.resolve_period(params.period, store)
    frame = fb.frame(period=period, source=params.source, stage=params.stage, customers=customers)
    if frame.empty:
        raise NoDataError(
            f"No customer texts in {period.label}"
            + (f" for source {params.source}" if params.source else "")
            + ". Widen the period, or index feedback with `journeybot feedback index`."
        )
    docs = _per_document(frame)
    table = _summarise(docs, _bucket(docs, params.by, fb.timezone))
    table = table[table["scored"] >= params.min_texts]
    table["previous_mean"] = np.nan
    # "all" and open-ended periods have no previous period to compare with.
    comparable = params.period.name not in (None, "all") or params.period.start is not None
    if params.compare and comparable and params.by not in ("day", "week", "month"):
        prev = previous_calendar(params.period, as_of, fb.timezone)
        before = _per_document(fb.frame(period=prev, source=params.source, stage=params.stage,
                                        customers=customers))
        if not before.empty:
            prev_table = _summarise(before, _bucket(before, params.by, fb.timezone))
            table["previous_mean"] = prev_table["mean"].reindex(table.index)
    table["change"] = table["mean"] - table["previous_mean"]
    table = table.sort_values(["mean", "texts"], ascending=[True, False]) \
        if params.by not in ("day", "week", "month") else table.sort_index()
    table = table.reset_index(names="group")
    scored = docs["sentiment"].notna()
    notes = [n for n in [_unscored_frame_note(docs)] if n]
    if len(docs) < 30:
        notes.append(f"only {len(docs)} texts: treat differences as anecdotes, not trends")
    if customers is not None:
        notes.append(f"only the texts of {len(customers):,} selected customers; anonymous texts are left out")
    prov = Provenance(
        tool="feedback_sentiment",
        definition=("mean sentiment score per text (offline: VADER and an embedding head, English "
                    "only; long texts averaged over their chunks), grouped by " + params.by),
        params=params.model_dump(mode="json"),
        period_start=period.start, period_end=period.end, period_label=period.label,
        tables=("feedback",), row_counts={"feedback texts": int(len(docs))}, notes=tuple(notes),
    )
    return SentimentResult(
        by=params.by, groups=table, texts=int(len(docs)), scored=int(scored.sum()),
        overall_mean=float(docs["sentiment"].mean()) if scored.any() else None, provenance=prov,
    )


def _unscored_frame_note(docs: pd.DataFrame) -> str | None:
    if "lang" not in docs:
        return None
    frame = pd.DataFrame({"lang": docs["lang"], "method": np.where(docs["sentiment"].isna(),
                                                                   METHOD_UNSCORED, "scored")})
    return unscored_note(frame)


def customer_sentiment(frame: pd.DataFrame) -> pd.Series:
    """customer_id -> mean sentiment of that customer's texts (chunks of a text weigh as one
    text each), from a feedback frame (`FeedbackStore.frame()`); anonymous and unscored texts
    are left out."""
    known = frame[frame["customer_id"].notna() & frame["sentiment"].notna()]
    return known.groupby("customer_id")["sentiment"].mean().rename("sentiment")
