"""How customer texts become themes: one vector per text, clusters by meaning, and the words
that set each cluster apart (tools/feedback/themes.py puts them together).

Clustering is agglomerative, average linkage on cosine distance, so the number of themes
follows the data rather than a fixed k; large periods are first reduced to micro-clusters with
k-means. A cluster's distinctive terms are class-based TF-IDF over word 1-2 grams.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from tools.feedback.embeddings import normalize_rows
from tools.feedback.language import STOP_WORDS

# Average-linkage cosine distance at which two groups stop merging: members of a theme are on
# average at least this similar (1 - threshold). Tuned on paraphrased complaints: closer
# merges unrelated complaints, further splits one incident by wording.
MERGE_DISTANCE = 0.62
DIRECT_LIMIT = 2500  # above this many texts, cluster k-means centres instead of texts
_PLACEHOLDERS = re.compile(r"\[(?:email|phone|card)\]")
# Greetings and filler of support messages say nothing about the theme.
_FILLER = ("hi", "hiya", "hello", "thanks", "thank", "cheers", "please", "got", "get", "just",
           "really", "bit", "lot", "ref", "regards", "kind", "many", "sorry", "say", "morning")


def documents(frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
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
def stop_words(languages: frozenset[str] = frozenset()) -> list[str]:
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
    vec = CountVectorizer(stop_words=stop_words(languages), ngram_range=(1, 2), token_pattern=r"(?u)\b[^\W\d_]{3,}\b", binary=True,
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


def closeness(vectors: np.ndarray, labels: np.ndarray, keep: list[int]) -> np.ndarray:
    """Per text, how close it sits to its theme's centre (cosine, raised to the 4th power so
    the typical texts count most); 1 for texts of themes not shown."""
    weights = np.ones(len(labels))
    for c in keep:
        members = labels == c
        centre = normalize_rows(vectors[members].mean(axis=0))[0]
        weights[members] = np.clip(vectors[members] @ centre, 0.0, None) ** 4
    return weights
