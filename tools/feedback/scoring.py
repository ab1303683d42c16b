"""Sentiment of customer text: a score in [-1, 1] and a label per text.

The offline default averages two readers that fail differently:
- VADER, a rule-based lexicon (negation, intensifiers, "but"), and
- a logistic-regression head on the text's embedding (all-MiniLM-L6-v2), trained on short
  labelled review sentences written for this project (tools/feedback/sentiment_data/sentiment_*.txt: food,
  service, delivery, checkout, products, films). It never saw any data set we report on.
The equal-weight blend was chosen by cross-validation on those sentences only (see
docs/BENCHMARKS.md). The heads for the shipped model (fp32 and int8) are stored in tools/feedback/sentiment_data/;
with any other embedder it is trained on first use from the same sentences.

Both readers understand English only. Texts detected as another language are left unscored
(score NaN, label "unscored") with a note, rather than given a confident wrong number; an
LLM classifier, when configured, scores every language, and so does the head on a multilingual
embedding (`[feedback] embedding = "multilingual"`), whose space puts other languages next to
the English sentences it was trained on. It comes in as a plain callable
(`classify(texts) -> scores in [-1, 1]`) so that tools/ needs no model SDK.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from tools.feedback.embeddings import Embedder
from tools.feedback.language import LANGUAGE_NAMES, detect_languages, understood

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
METHOD_HEAD = "embedding head"  # other languages, with a multilingual embedding


def data_file(name: str) -> Path:
    """A file shipped with the sentiment model, in tools/feedback/sentiment_data/."""
    return Path(__file__).resolve().parent / "sentiment_data" / name


def training_sentences() -> tuple[list[str], np.ndarray]:
    """The shipped labelled sentences: (texts, labels 1 = positive, 0 = negative)."""
    pos = [t for t in data_file("sentiment_pos.txt").read_text(encoding="utf-8").splitlines() if t.strip()]
    neg = [t for t in data_file("sentiment_neg.txt").read_text(encoding="utf-8").splitlines() if t.strip()]
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


# One head per shipped model's identity: fp32 (torch and onnxruntime), and the int8 file's,
# trained the same way on its own vectors.
SHIPPED_HEADS = ("sentiment_head.npz", "sentiment_head_int8.npz")
SHIPPED_HEAD = SHIPPED_HEADS[0]
_HEADS: dict[str, SentimentHead] = {}
_HEADS_LOCK = threading.Lock()


def head_for(embedder: Embedder) -> SentimentHead:
    """The shipped head when it matches the embedder, else one trained now (once per process)."""
    identity = embedder.identity
    with _HEADS_LOCK:
        if identity not in _HEADS:
            heads = (SentimentHead.load(data_file(n)) for n in SHIPPED_HEADS if data_file(n).exists())
            _HEADS[identity] = next((h for h in heads if h.identity == identity), None) or train_head(embedder)
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
        # A multilingual embedding (one that says which languages it reads, or all) lets the
        # head, trained on English sentences, score other languages too: their vectors sit in
        # the same space. VADER reads English only, so there the head scores alone.
        known = understood(embedder) if embedder is not None else frozenset()
        others = ~english & ((lang != "xx").to_numpy() if known is None else lang.isin(known or ()).to_numpy())
        if others.any() and embedder is not None:
            idx = np.flatnonzero(others)
            v_other = np.asarray(vectors)[idx] if vectors is not None else embedder.embed(series.iloc[idx].tolist())
            score[idx] = head_for(embedder).score(v_other)
            method[idx] = METHOD_HEAD
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
        "sentiment score: the offline model reads English only. Configure an LLM model, or the "
        "offline multilingual embedding ([feedback] embedding = \"multilingual\"), to score them."
    )
