"""TF-IDF similarity of a question to stored phrasings, with numpy alone.

The planner compares every question with the tools' example phrasings (bot/agent/ranking.py).
It used scikit-learn's `TfidfVectorizer`, which brings scipy and scikit-learn into every
process that answers a question: about 70 MB of a server's memory and a second of start-up
for two small vectorisers. This module computes the same numbers the same way (tests compare
it with scikit-learn on every phrasing and every question bank):

- words: `(?u)\\b\\w\\w+\\b` tokens of the lower-cased text, unigrams and bigrams;
- chars: 3- to 5-character n-grams inside each space-padded word (scikit-learn's `char_wb`);
- counts made sublinear (1 + ln tf), times the smoothed idf ln((1 + n) / (1 + df)) + 1, then
  each row scaled to unit length; terms never seen in the phrasings are ignored.

The fitted matrix is kept by term (an inverted index), so a question costs a lookup of its
own few hundred n-grams, not a pass over the vocabulary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from bot.agent.patterns import lazy

_TOKEN = lazy(r"(?u)\b\w\w+\b")
_SPACES = lazy(r"\s\s+")


def word_ngrams(text: str) -> list[str]:
    """Unigrams and bigrams of word tokens (scikit-learn's word analyzer, ngram_range (1, 2))."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [" ".join(tokens[i:i + 2]) for i in range(len(tokens) - 1)]


def char_wb_ngrams(text: str, low: int = 3, high: int = 5) -> list[str]:
    """Character n-grams within space-padded words (scikit-learn's `char_wb` analyzer)."""
    out: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        w = f" {word} "
        for n in range(low, high + 1):
            if len(w) <= n:  # a word shorter than n counts once, whole
                out.append(w)
                break
            out.extend(w[i:i + n] for i in range(len(w) - n + 1))
    return out


class TfidfIndex:
    """One analyzer's TF-IDF rows of the fitted texts; `similarity(text)` is the cosine of a
    text's row with each of them."""

    def __init__(self, texts: Sequence[str], analyzer: Callable[[str], list[str]]):
        self.analyzer = analyzer
        counts = [Counter(analyzer(t)) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        self.vocabulary: dict[str, int] = {term: i for i, term in enumerate(sorted(df))}
        n = len(texts)
        self.idf = np.log((1 + n) / (1 + np.array([df[t] for t in sorted(df)], dtype=np.float64))) + 1
        self.n_rows = n
        # Row-major first (to normalise each row), then regrouped by term for lookups.
        rows, cols, vals = [], [], []
        for r, c in enumerate(counts):
            if not c:
                continue
            ids = np.fromiter((self.vocabulary[t] for t in c), np.int64, len(c))
            w = (1 + np.log(np.fromiter(c.values(), np.float64, len(c)))) * self.idf[ids]
            w /= np.linalg.norm(w)
            rows.append(np.full(len(c), r, np.int64))
            cols.append(ids)
            vals.append(w)
        row = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        col = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        val = np.concatenate(vals) if vals else np.zeros(0, np.float64)
        order = np.argsort(col, kind="stable")
        self._rows, self._vals = row[order], val[order]
        self._starts = np.searchsorted(col[order], np.arange(len(self.vocabulary) + 1))

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(term ids, unit-length weights) of a text; terms outside the vocabulary dropped."""
        c = Counter(t for t in self.analyzer(text) if t in self.vocabulary)
        if not c:
            return np.zeros(0, np.int64), np.zeros(0, np.float64)
        ids = np.fromiter((self.vocabulary[t] for t in c), np.int64, len(c))
        w = (1 + np.log(np.fromiter(c.values(), np.float64, len(c)))) * self.idf[ids]
        return ids, w / np.linalg.norm(w)

    def similarity(self, text: str) -> np.ndarray:
        """Cosine of `text` with each fitted text (0 where no term is shared)."""
        ids, w = self.vector(text)
        if not len(ids):
            return np.zeros(self.n_rows)
        spans = [np.arange(self._starts[i], self._starts[i + 1]) for i in ids]
        at = np.concatenate(spans)
        weight = np.repeat(w, [len(s) for s in spans])
        return np.bincount(self._rows[at], weights=self._vals[at] * weight, minlength=self.n_rows)
