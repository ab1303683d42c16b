"""How stable are feedback themes by themselves? fp32 against itself, and int8 against fp32.

    JOURNEYBOT_SHARED_DIR=../shared .venv/bin/python bench/themes_stability.py [--torch]

int8's 30-day themes on the sample grouped differently from fp32's (adjusted Rand index 0.78,
bench/encoder_int8.py). This asks whether that is int8 or the clustering: the same fp32 texts
are clustered again under changes a user would never notice, and each grouping is compared
with the unperturbed one:
- the texts in another order (5 shuffles, labels mapped back),
- one text fewer (10 random drops) or one more (10 texts of the day before the window),
- the window moved a day (30 days ending the day before) or a day shorter (29 days),
- torch's fp32 vectors instead of onnxruntime's (cosine 0.9999995; `--torch`, real texts only),
- int8's vectors for the same texts, and, to tell int8's own change from any change of that
  size, fp32's vectors moved in a random direction by exactly int8's cosine, text by text.
On the sample (the `feedback themes` pipeline on a store built by each precision: last 30 days)
and on real texts (1,000 UCI reviews, 1,000 English Twitter support tweets; no dates, so the
"window" is a random 29/30 of the texts and "one more" a text from outside the set).

Measures, each on the texts both groupings share: adjusted Rand index of the clusters; what the
user sees, the 8 largest themes of the base: how many come back (a theme of the other grouping
with Jaccard >= 0.5 of its texts), of those how many under the same label, the mean overlap
of their 4 top terms and of their 2 quotes, and the mean size change.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "themes_stability"
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from bench.common import table  # noqa: E402

SHARED = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "data" / "external"
TOP = 8


def view(docs: pd.DataFrame, vectors: np.ndarray, labels: np.ndarray) -> list[dict]:
    """The TOP largest themes as `feedback themes` shows them: label, terms, size, member ids."""
    from tools.feedback.theme_clusters import closeness, stop_words, top_terms
    from tools.feedback.theme_labels import phrase_labels

    sizes = pd.Series(labels).value_counts()
    keep = [int(c) for c in sizes.index if sizes[c] >= 3][:TOP]
    terms = top_terms(docs["text"], labels, keep)
    phrases = phrase_labels(docs["text"], labels, keep, stop_words(), terms,
                            weights=closeness(vectors, labels, keep))
    ids = docs["doc_id"].to_numpy()
    out = []
    for c in keep:
        members = np.flatnonzero(labels == c)
        centre = vectors[members].mean(axis=0)
        # the two quotes shown: the texts nearest the centre (exact repeats aside, as themes does)
        order = members[np.argsort(-(vectors[members] @ centre), kind="stable")]
        quotes = list(dict.fromkeys(str(docs["text"].iloc[i]).lower() for i in order))[:2]
        out.append({"label": phrases[c], "terms": terms.get(c, []), "size": int(sizes[c]),
                    "ids": frozenset(ids[members]), "quotes": quotes})
    return out


def compare(base: tuple, other: tuple) -> dict:
    """ARI on shared texts, and the base's top themes found again in the other grouping."""
    from sklearn.metrics import adjusted_rand_score

    (bd, bv, bl), (od, ov, ol) = base, other
    shared = pd.Index(bd["doc_id"]).intersection(pd.Index(od["doc_id"]))
    a = bl[pd.Index(bd["doc_id"]).get_indexer(shared)]
    b = ol[pd.Index(od["doc_id"]).get_indexer(shared)]
    ari = adjusted_rand_score(a, b)
    got = view(od, ov, ol)
    found, same_label, term_overlap, size_change, quotes = 0, 0, [], [], []
    for t in view(bd, bv, bl):
        best = max(got, key=lambda g: len(t["ids"] & g["ids"]) / len(t["ids"] | g["ids"]), default=None)
        if best is None or len(t["ids"] & best["ids"]) / len(t["ids"] | best["ids"]) < 0.5:
            continue
        found += 1
        same_label += int(best["label"] == t["label"])
        term_overlap.append(len(set(t["terms"]) & set(best["terms"])) / max(len(t["terms"]), 1))
        size_change.append(abs(best["size"] - t["size"]))
        quotes.append(len(set(t["quotes"]) & set(best["quotes"])) / max(len(t["quotes"]), 1))
    return {"ari": ari, "found": found, "same_label": same_label,
            "terms": float(np.mean(term_overlap)) if term_overlap else 0.0,
            "size": float(np.mean(size_change)) if size_change else 0.0,
            "quotes": float(np.mean(quotes)) if quotes else 0.0}


def grouping(docs: pd.DataFrame, vectors: np.ndarray) -> tuple:
    from tools.feedback.theme_clusters import cluster

    return docs.reset_index(drop=True), vectors, cluster(vectors)


def summarise(name: str, corpus: str, results: list[dict]) -> dict:
    ari = np.array([r["ari"] for r in results])
    return {"corpus": corpus, "change": name, "runs": len(results),
            "ARI least / median": f"{ari.min():.3f} / {np.median(ari):.3f}",
            f"top {TOP} themes back (least / median)": f"{min(r['found'] for r in results)} / {np.median([r['found'] for r in results]):.0f}",
            "same label (median)": f"{np.median([r['same_label'] for r in results]):.0f}",
            "top terms shared": f"{np.mean([r['terms'] for r in results]):.2f}",
            "quotes kept": f"{np.mean([r['quotes'] for r in results]):.2f}",
            "size change (mean)": f"{np.mean([r['size'] for r in results]):.1f}"}


def perturbations(corpus: str, base_docs: pd.DataFrame, base_vec: np.ndarray, extra: tuple,
                  windows: dict[str, tuple], others: dict[str, tuple]) -> list[dict]:
    """Rows for one corpus: `extra` (docs, vectors) are texts from outside the base to add one
    of; `windows` other windows' (docs, vectors); `others` the same docs' vectors of another
    encoder."""
    rng = np.random.default_rng(0)
    base = grouping(base_docs, base_vec)
    n = len(base_docs)
    rows = []
    shuffles = []
    for _ in range(5):
        p = rng.permutation(n)
        shuffles.append(compare(base, grouping(base_docs.iloc[p], base_vec[p])))
    rows.append(summarise("texts in another order", corpus, shuffles))
    drops = []
    for i in rng.choice(n, size=10, replace=False):
        keep = np.arange(n) != i
        drops.append(compare(base, grouping(base_docs[keep], base_vec[keep])))
    rows.append(summarise("one text fewer", corpus, drops))
    adds = []
    ed, ev = extra
    for i in rng.choice(len(ed), size=min(10, len(ed)), replace=False):
        adds.append(compare(base, grouping(pd.concat([base_docs, ed.iloc[[i]]]), np.vstack([base_vec, ev[i:i + 1]]))))
    rows.append(summarise("one text more", corpus, adds))
    for name, (wd, wv) in windows.items():
        rows.append(summarise(name, corpus, [compare(base, grouping(wd, wv))]))
    for name, vec in others.items():
        rows.append(summarise(name, corpus, [compare(base, grouping(base_docs, vec))]))
        # The same per-text cosine to fp32 as `vec`, in a random direction: does the clustering
        # amplify any small change of the vectors, or is it this encoder's?
        cos = np.clip(np.sum(vec * base_vec, axis=1, keepdims=True), -1.0, 1.0)
        noisy = []
        for _ in range(5):
            u = rng.standard_normal(base_vec.shape)
            u -= np.sum(u * base_vec, axis=1, keepdims=True) * base_vec
            u /= np.linalg.norm(u, axis=1, keepdims=True)
            noisy.append(compare(base, grouping(base_docs, cos * base_vec + np.sqrt(1 - cos**2) * u)))
        rows.append(summarise(f"random change, {name.split()[0]}'s cosine", corpus, noisy))
    return rows


def sample_rows(embs: dict) -> list[dict]:
    from bench.feedback import sample_docs
    from tools.analytics.periods import Period
    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore
    from tools.feedback.themes import _readable, _select

    docs, store = sample_docs()
    stores = {}
    for key, emb in embs.items():
        fb = FeedbackStore(OUT / f"chroma_{key}_{time.time_ns()}", embedder=emb, timezone="Europe/London")
        index_documents(fb, docs, sources=["survey", "ticket"])
        stores[key] = fb

    def window(fb, start=None, end=None, name="last_30_days"):
        period = fb.resolve_period(Period(name=name) if start is None else Period(start=start, end=end), store)
        d, v = _select(fb.frame(period=period, embeddings=True), "all")
        d, v, _ = _readable(d, v, fb.require_embedder())
        return d, v, period

    fb = stores["fp32"]
    bd, bv, period = window(fb)
    first, last = period.first_day, period.last_day
    day = dt.timedelta(days=1)
    pd_, pv, _ = window(fb, first - 8 * day, first - day)  # texts just before the window
    windows = {"window a day earlier (30 days)": window(fb, first - day, last - day)[:2],
               "window a day shorter (29 days)": window(fb, first + day, last)[:2]}
    others = {}
    for key in embs:
        if key == "fp32":
            continue
        od, ov, _ = window(stores[key])
        ov = ov[pd.Index(od["doc_id"]).get_indexer(bd["doc_id"])]
        others[f"{key} vectors, same texts"] = ov
    print(f"sample: {len(bd)} texts in {period.label}", flush=True)
    rows = perturbations("sample, last 30 days", bd, bv, (pd_, pv), windows, others)
    truth = [subject_row(key, name, *window(fb_, name=name)[:2]) for name in ("last_30_days", "last_90_days")
             for key, fb_ in stores.items()]
    return rows, truth


def subject_row(key: str, period: str, docs: pd.DataFrame, vectors: np.ndarray) -> dict:
    """A rough check of which grouping is better, not just different: the sample's tickets
    carry the subject their generator wrote for their topic; how pure the themes are in it
    (homogeneity: 1 when no theme mixes subjects) and how whole (completeness)."""
    from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

    from bench.feedback import OUT as SAMPLE_OUT
    from tools.feedback.theme_clusters import cluster

    tickets = pd.read_csv(SAMPLE_OUT / "sample" / "tickets.csv", usecols=["ticket_id", "subject"])
    subject = docs["doc_id"].map(dict(zip("ticket:" + tickets["ticket_id"], tickets["subject"], strict=True)))
    mask = subject.notna().to_numpy()
    labels = cluster(vectors)[mask]
    h, c, _ = homogeneity_completeness_v_measure(subject[mask], labels)
    return {"period": period, "vectors": key, "tickets": int(mask.sum()), "subjects": int(subject[mask].nunique()),
            "ARI to subject": f"{adjusted_rand_score(subject[mask], labels):.3f}",
            "homogeneity": f"{h:.3f}", "completeness": f"{c:.3f}"}


def real_rows(embs: dict) -> list[dict]:
    from tools.feedback.language import detect_languages

    uci: list[str] = []
    for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
        lines = (SHARED / "uci_sentiment_labelled" / name).read_text(encoding="utf-8", errors="replace").splitlines()
        uci += [line.rsplit("\t", 1)[0] for line in lines]
    tweets = pd.read_csv(SHARED / "twcs_sample" / "twcs.csv", usecols=["text", "inbound"], nrows=20000)
    tweets = tweets[tweets["inbound"].astype(str).str.lower() == "true"]["text"].astype(str).tolist()
    langs = detect_languages(pd.Series(tweets)).to_numpy()
    tweets = [t for t, lang in zip(tweets, langs, strict=True) if lang == "en"]
    rng = np.random.default_rng(1)
    rows = []
    for corpus, texts in (("UCI reviews", uci), ("Twitter support (en)", tweets)):
        pick = rng.choice(len(texts), size=1010, replace=False)
        chosen = [texts[i] for i in pick]
        vec = {k: e.embed(chosen) for k, e in embs.items()}
        docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(chosen))], "text": chosen})
        base_d, base_v = docs.iloc[:1000], vec["fp32"][:1000]
        extra = (docs.iloc[1000:], vec["fp32"][1000:])
        keep = np.sort(rng.choice(1000, size=967, replace=False))  # 29/30 of the texts
        windows = {"a random 29/30 of the texts": (base_d.iloc[keep], base_v[keep])}
        others = {f"{k} vectors, same texts": v[:1000] for k, v in vec.items() if k != "fp32"}
        print(f"{corpus}: 1000 texts", flush=True)
        rows += perturbations(corpus, base_d, base_v, extra, windows, others)
    return rows


def main() -> None:
    from tools.feedback.embeddings import LocalEmbedder

    OUT.mkdir(parents=True, exist_ok=True)
    embs = {"fp32": LocalEmbedder(runtime="onnx", precision="fp32"),
            "int8": LocalEmbedder(runtime="onnx", precision="int8")}
    if "--torch" in sys.argv:
        embs["torch fp32"] = LocalEmbedder(runtime="torch")
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    sample, truth = sample_rows({k: v for k, v in embs.items() if k != "torch fp32"})
    rows = real_rows(embs) + sample
    print()
    print(table(rows, list(rows[0])))
    print("\n### The sample's tickets against the subject their generator wrote\n")
    print(table(truth, list(truth[0])))
    print(f"\nload average at end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
