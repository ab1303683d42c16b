"""Theme labels an owner would write: a short phrase taken from the customers' own texts.

A theme of texts saying "I was charged the wrong price at the till" is labelled "Charged the
wrong price", not "fixed / charged wrong / wrong price". Candidates are runs of 2 to 5 words
inside one clause of a text (a ticket's subject line is a clause of its own), that neither
start nor end with a filler word. Each theme takes the candidate that the most of its texts
say and the fewest texts of other themes say, longer phrases winning over their parts when
about as many texts say them. The label keeps the customers' spelling, first letter raised.
When no phrase is shared by a tenth of a theme's texts, a phrase two of them share that holds
one of its distinctive words is taken; when not even that, "About <its most distinctive word>".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

# Clauses end at sentence punctuation and at the " - " between a ticket's subject and body.
_CLAUSES = re.compile(r"(?:[.!?;:,()\n\"]+|\s[-–—]\s)")
_WORD = re.compile(r"[a-z][a-z']*")
_PLACEHOLDERS = re.compile(r"\[(?:email|phone|card|name|address)\]", re.I)
MIN_WORDS, MAX_WORDS = 2, 7
TYPICAL = 5  # the label comes from one of this many texts closest to the theme's centre
# Words that make a weak start or end of a label besides the stop words ("like supermarket bread").
_EDGE = frozenset({"like", "really", "also", "still", "even", "though", "however", "quick", "feedback", "usually"})


def _clauses(text: str) -> list[list[str]]:
    clean = _PLACEHOLDERS.sub(" ", str(text)).lower().replace("’", "'")
    return [words for part in _CLAUSES.split(clean) if (words := _WORD.findall(part))]


def _phrases(text: str, stop: frozenset[str]) -> set[str]:
    """The candidate phrases of one text (each counted once per text)."""
    out: set[str] = set()
    for words in _clauses(text):
        for n in range(MIN_WORDS, MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                run = words[i:i + n]
                if _weak(run[0], stop) or _weak(run[-1], stop) or run[-1].endswith("'s"):
                    continue
                out.add(" ".join(run))
    return out


def _weak(word: str, stop: frozenset[str]) -> bool:
    return word in stop or word in _EDGE or len(word) < 3 or word.endswith("'")


def _tails(text: str, stop: frozenset[str]) -> set[str]:
    """Candidate phrases that end where their clause ends: they read complete."""
    out: set[str] = set()
    for words in _clauses(text):
        for n in range(MIN_WORDS, min(MAX_WORDS, len(words)) + 1):
            run = words[-n:]
            if not _weak(run[0], stop) and not _weak(run[-1], stop):
                out.add(" ".join(run))
    return out


def _whole(text: str, stop: frozenset[str]) -> set[str]:
    """Clauses that are a candidate phrase in full: a ticket's subject, a short sentence."""
    return {" ".join(w) for w in _clauses(text) if MIN_WORDS <= len(w) <= MAX_WORDS + 1
            and not _weak(w[0], stop) and not _weak(w[-1], stop)}


def phrase_labels(texts: pd.Series, labels: np.ndarray, wanted: Iterable[int], stop: Iterable[str],
                  fallback: dict[int, list[str]] | None = None, weights: np.ndarray | None = None) -> dict[int, str]:
    """A label per wanted cluster: the phrase most of its texts share and few others say.
    `weights` (one per text) count the texts near a theme's centre more, so that the label
    agrees with the quotes shown: a theme of late deliveries with a few "arrived exactly when
    promised" among them is labelled by the late ones."""
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import CountVectorizer

    stops = frozenset(stop)
    wanted = [int(c) for c in wanted]
    out = {c: _fallback(c, fallback, _typical(texts, labels, c, weights)) for c in wanted}
    if not len(texts):
        return out
    vec = CountVectorizer(analyzer=lambda t: sorted(_phrases(t, stops) | _whole(t, stops)), binary=True, min_df=2)
    raw = texts.fillna("").astype(str)
    try:
        counts = vec.fit_transform(raw)
    except ValueError:  # no phrase said twice
        return out
    whole = CountVectorizer(analyzer=lambda t: sorted(_whole(t, stops)), binary=True,
                            vocabulary=vec.vocabulary_).fit_transform(raw)
    tails = CountVectorizer(analyzer=lambda t: sorted(_tails(t, stops)), binary=True,
                            vocabulary=vec.vocabulary_).fit_transform(raw)
    vocab = np.asarray(vec.get_feature_names_out())
    lengths = np.array([p.count(" ") + 1 for p in vocab], dtype=np.float64)
    classes, inverse = np.unique(labels, return_inverse=True)
    rows = (inverse, np.arange(len(labels)))
    member = csr_matrix((np.ones(len(labels)), rows), shape=(len(classes), len(labels)))
    weighted = csr_matrix((np.ones(len(labels)) if weights is None else np.asarray(weights, dtype=np.float64), rows),
                          shape=(len(classes), len(labels)))
    texts_saying = np.asarray((member @ counts).todense(), dtype=np.float64)  # texts per class saying it
    per_class = np.asarray((weighted @ counts).todense(), dtype=np.float64)  # ... weighted by closeness
    as_clause = np.asarray((weighted @ whole).todense(), dtype=np.float64)  # ... as a whole clause
    at_end = np.asarray((weighted @ tails).todense(), dtype=np.float64)  # ... ending a clause
    everywhere = texts_saying.sum(axis=0)
    sizes = np.bincount(inverse, minlength=len(classes)).astype(np.float64)
    weight_sizes = np.asarray(weighted.sum(axis=1)).ravel()
    for c in wanted:
        k = int(np.searchsorted(classes, c))
        said = per_class[k]
        coverage = said / max(weight_sizes[k], 1e-9)
        exclusive = np.divide(texts_saying[k], everywhere, out=np.zeros_like(said), where=everywhere > 0)
        # Each extra word is worth about 12% of coverage: "charged the wrong price" (8 of 10
        # texts) beats "wrong price" (9 of 10), but not a phrase half as many texts say.
        # A phrase customers write as a clause of its own (a subject line, "Good value.") is a
        # label already; a run of words cut out of a longer sentence is less of one.
        clause = np.divide(as_clause[k], said, out=np.zeros_like(said), where=said > 0) * (lengths <= 4)
        ends = np.divide(at_end[k], said, out=np.zeros_like(said), where=said > 0)
        score = (coverage * np.sqrt(exclusive) * (1.0 + 0.08 * (np.minimum(lengths, 5) - MIN_WORDS))
                 * (1.0 + 1.0 * clause) * (1.0 + 0.3 * ends))
        loose = score * (texts_saying[k] >= 2.0)  # a phrase fewer texts share, if none is shared wider
        score[texts_saying[k] < max(2.0, 0.1 * sizes[k])] = 0.0
        if score.max() <= 0:
            terms = set((fallback or {}).get(c) or [])
            score = loose * np.array([any(t in p.split() or t == p for t in terms) for p in vocab])
        if weights is not None:
            # The label is said by one of the theme's most typical texts, the ones quoted with it.
            members = np.flatnonzero(labels == c)
            typical = members[np.argsort(-np.asarray(weights)[members], kind="stable")[:TYPICAL]]
            in_typical = np.asarray(counts[typical].sum(axis=0)).ravel() > 0
            if (score * in_typical).max() > 0:
                score = score * in_typical
        best = int(np.argmax(score))
        if score[best] > 0:
            out[c] = _as_written(str(vocab[best]), texts[labels == c])
    return out


def _as_written(phrase: str, texts: pd.Series) -> str:
    """The phrase as a customer wrote it (their capitals, apostrophes), first letter raised."""
    pattern = re.compile(r"\b" + r"[^\w']+".join(re.escape(w) for w in phrase.split()) + r"\b", re.I)
    for text in texts.astype(str):
        found = pattern.search(text.replace("’", "'"))
        if found:
            shown = re.sub(r"\bi\b", "I", " ".join(found.group(0).split()))
            return shown[:1].upper() + shown[1:]
    return phrase[:1].upper() + phrase[1:]


def _typical(texts: pd.Series, labels: np.ndarray, c: int, weights: np.ndarray | None) -> list[str]:
    """The theme's texts nearest its centre (the ones quoted with it), lower-cased."""
    members = np.flatnonzero(np.asarray(labels) == c)
    if weights is not None:
        members = members[np.argsort(-np.asarray(weights)[members], kind="stable")]
    return [str(t).lower().replace("’", "'") for t in texts.iloc[members[:TYPICAL]]]


def _fallback(c: int, fallback: dict[int, list[str]] | None, typical: list[str] | None = None) -> str:
    """When the texts share no phrase at all: what they are about, in the customers' word, one
    that the quoted texts say (a theme of Comcast and Verizon tweets quoting Comcast ones is
    not labelled "About verizon")."""
    terms = (fallback or {}).get(c) or []
    # the distinctive word the most of the quoted texts say (ties: the more distinctive)
    said = {t: sum(bool(re.search(rf"\b{re.escape(t)}\b", x)) for x in typical or []) for t in terms}
    terms = sorted(terms, key=lambda t: -said[t]) if any(said.values()) else terms
    return f"About {terms[0]}" if terms else "Texts with no word in common"
