"""The int8 encoder against fp32: the same answers? (issue 22, phase H)

    JOURNEYBOT_SHARED_DIR=../shared .venv/bin/python bench/encoder_int8.py

Both are the packaged all-MiniLM-L6-v2 through onnxruntime: fp32 is the ONNX export every
store had until now, int8 its dynamic quantisation (tools/feedback/embeddings_onnx.py). On real
texts (the sample's survey and ticket texts, UCI reviews, Twitter support tweets, Portuguese
Olist reviews):
- cosine of each int8 vector to its fp32 twin (least, 1st percentile, median), per corpus;
- feedback search: the top-5 texts for owner-style queries over each corpus, overlap per query;
- every text as a query against its corpus: top-5 neighbour overlap (a harsh measure: near ties);
- themes: `feedback themes` on the sample (last 30 and 90 days) from a store built by each
  encoder: labels and sizes side by side, and the adjusted Rand index of the texts' clusters;
- the planner's nearest-phrasing fallback: the vote (tool, and above THRESHOLD or not) for
  every question of the tuning and blind banks (blind6 never), with each precision;
- sentiment labels of the sample texts (the blend with each precision's head).
Sizes of the model files and each session's resident memory once loaded (a fresh process each).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "encoder_int8"
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from bench.common import table  # noqa: E402

SHARED = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "data" / "external"
BANKS = ("questions.yaml", "questions_paraphrases.yaml", "questions_heldout.yaml", "questions_fresh.yaml",
         "questions_blind2.yaml", "questions_blind3.yaml", "questions_blind4.yaml", "questions_blind5.yaml")
QUERIES = ("the delivery was late", "parcel arrived damaged", "rude or unhelpful staff",
           "card declined at checkout", "refund still not received", "great food, will come back",
           "too expensive for what you get", "could not log in to my account", "the app keeps crashing",
           "waited too long in the queue", "wrong item in my order", "battery stopped working")


def corpora() -> dict[str, list[str]]:
    from bench.feedback import sample_docs

    docs, _ = sample_docs()
    uci: list[str] = []
    for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
        lines = (SHARED / "uci_sentiment_labelled" / name).read_text(encoding="utf-8", errors="replace").splitlines()
        uci += [line.rsplit("\t", 1)[0] for line in lines[:500]]
    tweets = pd.read_csv(SHARED / "twcs_sample" / "twcs.csv", usecols=["text"], nrows=1500)["text"].astype(str)
    olist = pd.read_csv(SHARED / "olist_sample" / "olist_order_reviews_dataset.csv",
                        usecols=["review_comment_message"]).dropna()["review_comment_message"].head(1000)
    said = docs["text"].dropna().astype(str)
    return {"sample surveys+tickets": said[said.str.strip() != ""].tolist(), "UCI reviews (en)": uci,
            "Twitter support (en+)": tweets.tolist(), "Olist reviews (pt)": olist.tolist()}


def top5(vectors: np.ndarray, queries: np.ndarray) -> np.ndarray:
    return np.argsort(-(queries @ vectors.T), axis=1)[:, :5]


def overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.array([len(set(x) & set(y)) / 5 for x, y in zip(a, b, strict=True)])


def vectors_rows(embs: dict, texts: dict[str, list[str]]) -> tuple[list[dict], dict]:
    rows, kept = [], {}
    for name, items in texts.items():
        v = {k: e.embed(items) for k, e in embs.items()}
        kept[name] = v
        cos = np.sum(v["int8"] * v["fp32"], axis=1)
        q = {k: e.embed(list(QUERIES)) for k, e in embs.items()}
        search = overlap(top5(v["fp32"], q["fp32"]), top5(v["int8"], q["int8"]))
        # Every text as a query (itself left out): near ties make this the harshest measure.
        self_f = v["fp32"] @ v["fp32"].T
        self_i = v["int8"] @ v["int8"].T
        np.fill_diagonal(self_f, -9)
        np.fill_diagonal(self_i, -9)
        each = overlap(np.argsort(-self_f, axis=1)[:, :5], np.argsort(-self_i, axis=1)[:, :5])
        rows.append({"texts": name, "n": len(items), "least cosine": f"{cos.min():.4f}",
                     "1st pct": f"{np.percentile(cos, 1):.4f}", "median": f"{np.median(cos):.4f}",
                     "search top-5 overlap (12 queries)": f"{search.mean():.2f} (least {search.min():.1f})",
                     "each text's top-5 overlap": f"{each.mean():.2f}"})
    return rows, kept


def themes_rows(embs: dict) -> list[dict]:
    from sklearn.metrics import adjusted_rand_score

    from bench.feedback import sample_docs
    from tools.analytics.periods import Period
    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore
    from tools.feedback.theme_clusters import cluster
    from tools.feedback.themes import ThemesParams, themes

    docs, store = sample_docs()
    stores = {}
    for key, emb in embs.items():
        folder = OUT / f"chroma_{key}_{time.time_ns()}"
        fb = FeedbackStore(folder, embedder=emb, timezone="Europe/London")
        index_documents(fb, docs, sources=["survey", "ticket"])
        stores[key] = fb
    rows = []
    for period in ("last_30_days", "last_90_days"):
        got = {k: themes(fb, ThemesParams(period=Period(name=period), max_themes=8), store=store)
               for k, fb in stores.items()}
        for i in range(max(len(g.themes) for g in got.values())):
            row = {"period": period, "#": i + 1}
            for k, g in got.items():
                t = g.themes[i] if i < len(g.themes) else None
                row[k] = f"{t.label} ({t.size})" if t else "-"
            rows.append(row)
        frames = {k: fb.frame(period=fb.resolve_period(Period(name=period), store), embeddings=True)
                  for k, fb in stores.items()}
        ids = sorted(set(frames["fp32"]["id"]) & set(frames["int8"]["id"]))
        labels = {}
        for k, f in frames.items():
            vec = np.asarray(f.attrs["embeddings"])[pd.Index(f["id"]).get_indexer(ids)]
            labels[k] = cluster(vec)
        rows.append({"period": period, "#": "ARI", "fp32": f"{adjusted_rand_score(labels['fp32'], labels['int8']):.3f}",
                     "int8": f"{len(set(labels['fp32']))} vs {len(set(labels['int8']))} clusters of {len(ids)} chunks"})
    return rows


def fallback_rows(embs: dict) -> tuple[list[dict], list[str]]:
    import yaml

    from bot.agent.similar import EXEMPLARS, THRESHOLD, Exemplars
    from tools.feedback.embeddings_onnx import cache_root

    banks = {k: Exemplars(EXEMPLARS, e, cache_root()) for k, e in embs.items()}
    questions = []
    for name in BANKS:
        questions += [str(i["q"]) for i in yaml.safe_load((ROOT / "tests" / name).read_text())]
    qv = {k: e.embed(questions) for k, e in embs.items()}
    votes = {k: [banks[k].vote_vector(v) for v in qv[k]] for k in embs}
    changed, crossed, lines = 0, 0, []
    sims = []
    for q, a, b in zip(questions, votes["fp32"], votes["int8"], strict=True):
        sims.append(b.similarity - a.similarity)
        above = (a.similarity >= THRESHOLD, b.similarity >= THRESHOLD)
        if a.tool != b.tool and (above[0] or above[1]):
            changed += 1
            lines.append(f"{q!r}: fp32 {a.tool} {a.similarity:.3f} -> int8 {b.tool} {b.similarity:.3f}")
        elif above[0] != above[1]:
            crossed += 1
            lines.append(f"{q!r}: {a.tool} {a.similarity:.3f} -> {b.similarity:.3f} (threshold {THRESHOLD})")
    d = np.abs(np.array(sims))
    rows = [{"measure": "bank questions voted (tuning and blind banks, not blind6)", "value": len(questions)},
            {"measure": "winner changed (either above the threshold)", "value": changed},
            {"measure": "same winner, crossed the threshold", "value": crossed},
            {"measure": "|winner similarity change| median / max", "value": f"{np.median(d):.4f} / {d.max():.4f}"}]
    return rows, lines


def sentiment_rows(embs: dict, texts: list[str]) -> list[dict]:
    from tools.feedback.scoring import score_texts

    got = {k: score_texts(texts, embedder=e) for k, e in embs.items()}
    a, b = got["fp32"], got["int8"]
    scored = a["label"] != "unscored"
    return [{"measure": "sample texts scored", "value": int(scored.sum())},
            {"measure": "same label (positive/neutral/negative)", "value": f"{(a['label'] == b['label'])[scored].mean():.4f}"},
            {"measure": "|score change| median / max",
             "value": f"{np.median(np.abs(a['score'] - b['score'])[scored]):.4f} / {np.max(np.abs(a['score'] - b['score'])[scored]):.4f}"}]


LOADED = """
import sys, numpy as np
sys.path.insert(0, {root!r})
from tools.feedback.embeddings import LocalEmbedder
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6
base = rss()
e = LocalEmbedder(runtime="onnx", precision={p!r})
e.embed(["warm up"])
loaded = rss()
texts = [l.rsplit(chr(9), 1)[0] for l in open({uci!r}, encoding="utf-8", errors="replace").read().splitlines()]
e.embed(texts)
# VmHWM, not ru_maxrss: the latter keeps the forking parent's size across exec.
hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024
print(f"{{base:.0f}} {{loaded:.0f}} {{rss():.0f}} {{hwm:.0f}}")
"""


def memory_rows() -> list[dict]:
    from tools.feedback.embeddings import LocalEmbedder
    from tools.feedback.embeddings_onnx import cache_root, onnx_file

    sha = LocalEmbedder()._weights_sha()
    rows = []
    uci = str(SHARED / "uci_sentiment_labelled" / "yelp_labelled.txt")
    for _ in range(2):  # alternated, twice
        for p in ("fp32", "int8"):
            out = subprocess.run([sys.executable, "-c", LOADED.format(root=str(ROOT), p=p, uci=uci)],
                                 capture_output=True, text=True, check=True).stdout.split()
            rows.append({"precision": p, "file MB": round(onnx_file(cache_root(), "all-MiniLM-L6-v2", sha, p).stat().st_size / 1e6, 1),
                         "RSS before MB": out[0], "loaded MB": out[1], "after 1,000 texts MB": out[2], "peak MB": out[3]})
    return rows


def main() -> None:
    from tools.feedback.embeddings import LocalEmbedder

    OUT.mkdir(parents=True, exist_ok=True)
    embs = {"fp32": LocalEmbedder(runtime="onnx", precision="fp32"),
            "int8": LocalEmbedder(runtime="onnx", precision="int8")}
    for e in embs.values():
        e.embed(["warm up"])
    print(f"{embs['fp32'].runtime} vs {embs['int8'].runtime}; load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}\n", flush=True)
    texts = corpora()
    rows, _ = vectors_rows(embs, texts)
    print("### Vectors and nearest texts\n")
    print(table(rows, list(rows[0])), flush=True)
    print("\n### Sentiment (offline blend, each precision's own head)\n")
    print(table(sentiment_rows(embs, texts["sample surveys+tickets"]), ["measure", "value"]), flush=True)
    print("\n### Themes on the sample (feedback themes, a store built by each)\n")
    print(table(themes_rows(embs), ["period", "#", "fp32", "int8"]), flush=True)
    rows, lines = fallback_rows(embs)
    print("\n### The planner's nearest-phrasing fallback, every bank question\n")
    print(table(rows, ["measure", "value"]))
    for line in lines:
        print(f"  {line}")
    print("\n### Model file and memory (a fresh process each, alternated)\n", flush=True)
    print(table(memory_rows(), ["precision", "file MB", "RSS before MB", "loaded MB", "after 1,000 texts MB", "peak MB"]))
    print(f"\nload average at end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
