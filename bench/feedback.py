"""Feedback memory: embedding throughput, ingest overhead, re-ingest, query latency at 100k
texts, peak memory, and sentiment accuracy on real labelled data.

    .venv/bin/python bench/feedback.py                   # everything (~10-20 min on 2 cores)
    .venv/bin/python bench/feedback.py --skip-scale      # no 100k collection
    .venv/bin/python bench/feedback.py --skip-accuracy   # no sentiment accuracy
    .venv/bin/python bench/feedback.py --skip-scale --skip-accuracy   # onnxruntime vs torch
    .venv/bin/python bench/feedback.py --skip-scale --skip-accuracy --runtime onnx --compare-ahead
    .venv/bin/python bench/feedback.py --skip-scale --skip-accuracy --runtime precisions   # int8 vs fp32
    .venv/bin/python bench/feedback.py --skip-throughput --skip-scale --skip-accuracy --runtime onnx --cpu-split
    .venv/bin/python bench/feedback.py --skip-throughput --skip-scale --skip-accuracy --runtime int8 \
        --compare-batches --sample-texts 500      # small ingests: the pipeline's batch size

- Throughput: the raw model (`LocalEmbedder.embed` on the sample's survey and ticket texts)
  against the whole ingest of the same texts into an empty store (redaction, chunking,
  hashing, embedding, sentiment, Chroma writes). Ratio = ingest texts/s / raw texts/s. Both
  runtimes of the model (onnxruntime and torch, `--runtime`) alternate in one run.
- Re-ingest: the same ingest again; nothing changed, so nothing is embedded.
- 100k texts: 100,000 documents built from the sample's texts (each with its own id, date and
  customer) whose vectors are the real MiniLM vector of the base text plus small Gaussian
  noise, written straight into Chroma with the ids and metadata ingest would give them. That
  skips 100k real embeddings (tens of minutes here) while keeping the index the size it
  would be. Query latency is `search()` end to end: the real model embeds the query, Chroma
  searches with and without metadata filters, quotes are assembled. Re-ingest at 100k runs
  the real `index_documents` over those documents (all unchanged).
- Sentiment: the offline default on the UCI labelled sentences (each file and overall) and on
  Olist reviews (1-2 negative, 4-5 positive), with its parts (VADER alone, head alone) for
  comparison, and the cross-validation on the shipped training sentences that chose the blend.
Peak memory is the process's ru_maxrss after each step.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "feedback"
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from bench.common import peak_rss_mb, table  # noqa: E402

SHARED = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "data" / "external"


def sample_docs() -> tuple[pd.DataFrame, object]:
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore
    from tools.feedback.index import documents_from_store

    folder = OUT / "sample"
    if not (folder / "tickets.csv").exists():
        generate_sample(folder, SampleSpec())
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    return documents_from_store(store), store


def throughput(embedders: dict, ahead: tuple[bool, ...] = (True,), limit: int = 0) -> tuple[list[dict], pd.DataFrame]:
    """Raw model and whole ingest for each runtime (onnxruntime, torch), alternated in one run;
    with `ahead=(False, True)` each ingest runs both ways (the model embedding each batch only
    after the previous one was scored, then always one batch ahead), also alternated."""
    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore

    docs, _ = sample_docs()
    if limit:  # fewer texts for a run under heavy load: every step stays alternated
        docs = docs.head(limit)
    texts = docs["text"].tolist()
    for emb in embedders.values():
        emb.embed(texts[:64])  # load and warm up (the ONNX export, once, happens here)
    # chromadb's import (about 2 s, once per process) is start-up, like the model's load: not
    # part of the per-text cost this compares.
    import chromadb  # noqa: F401
    rows = []
    # The model's speed alone varies by 15% from run to run on a shared 2-core machine: raw and
    # whole-ingest runs alternate, three of each per runtime, and the medians are compared.
    raws: dict[str, list[float]] = {k: [] for k in embedders}
    firsts: dict[tuple[str, bool], list] = {(k, a): [] for k in embedders for a in ahead}
    for i in range(3):
        for key, emb in embedders.items():
            t0 = time.perf_counter()
            emb.embed(texts)
            raws[key].append(time.perf_counter() - t0)
            for way in ahead:
                # A folder per run: Chroma keeps a client per path open, so one cannot be wiped and reused.
                folder = OUT / f"chroma_sample_{key}_{i}_{int(way)}"
                shutil.rmtree(folder, ignore_errors=True)
                fb = FeedbackStore(folder, embedder=emb, timezone="Europe/London")
                firsts[(key, way)].append(index_documents(fb, docs, sources=["survey", "ticket"],
                                                          embed_ahead=way))
    speed = {}
    for key, emb in embedders.items():
        raw = float(np.median(raws[key]))
        speed[key] = len(texts) / raw
        rows.append({"step": f"{emb.runtime}: raw model, {len(texts):,} sample texts (median of 3)",
                     "seconds": raw, "texts_per_s": len(texts) / raw, "peak_mb": peak_rss_mb()})
        for way in ahead:
            first = sorted(firsts[(key, way)], key=lambda r: r.seconds)[1]
            how = "" if len(ahead) == 1 else (", model one batch ahead" if way else ", model waits for scoring")
            rows.append({"step": f"{emb.runtime}: whole ingest into an empty store{how} (median of 3)",
                         "seconds": first.seconds, "texts_per_s": first.documents / first.seconds,
                         "peak_mb": peak_rss_mb()})
            rows.append({"step": f"{emb.runtime}: ingest / raw throughput{how} (aim >= 0.8)",
                         "seconds": (first.documents / first.seconds) / (len(texts) / raw)})
    if "torch" in speed and "onnx" in speed:
        rows.append({"step": "onnxruntime / torch raw texts/s", "seconds": speed["onnx"] / speed["torch"]})
    if "int8" in speed and "onnx" in speed:
        rows.append({"step": "int8 / fp32 (onnxruntime) raw texts/s", "seconds": speed["int8"] / speed["onnx"]})
    key = next(iter(embedders))
    fb = FeedbackStore(OUT / f"chroma_sample_{key}_2_{int(ahead[-1])}", embedder=embedders[key], timezone="Europe/London")
    again = index_documents(fb, docs, sources=["survey", "ticket"])
    first = sorted(firsts[(key, ahead[-1])], key=lambda r: r.seconds)[1]
    rows.append({"step": "re-ingest, nothing changed", "seconds": again.seconds,
                 "texts_per_s": again.documents / again.seconds, "peak_mb": peak_rss_mb()})
    rows.append({"step": "re-ingest / first ingest time (aim <= 0.05)", "seconds": again.seconds / first.seconds})
    return rows, docs


def compare_batches(emb, docs: pd.DataFrame, rounds: int = 5, sizes: tuple[int, ...] = (256, 64)) -> list[dict]:
    """Ingest / raw with the pipeline's batches of each size (`FeedbackStore.batch_size`; 256
    is the default, two batches for 500 texts), alternated with the raw model in one process,
    `rounds` times, medians. Also the seconds of each ingest the model was not embedding (wall
    minus the model's own seconds: what the pipeline leaves in the open) and the model's own
    seconds (smaller batches leave less in the open but cost the model more)."""
    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore

    texts = docs["text"].tolist()
    emb.embed(texts[:64])
    import chromadb  # noqa: F401  (start-up, as in throughput())
    raw: list[float] = []
    got: dict[int, list] = {k: [] for k in sizes}
    for i in range(rounds):
        t0 = time.perf_counter()
        emb.embed(texts)
        raw.append(time.perf_counter() - t0)
        for size in sizes:
            folder = OUT / f"chroma_batches_{i}_{size}"
            shutil.rmtree(folder, ignore_errors=True)
            fb = FeedbackStore(folder, embedder=emb, timezone="Europe/London", batch_size=size)
            got[size].append(index_documents(fb, docs, sources=["survey", "ticket"]))
    r = statistics.median(raw)
    rows = [{"step": f"{emb.runtime}: raw model, {len(texts):,} texts in one call (median of {rounds})", "seconds": r}]
    for size, reports in got.items():
        wall = statistics.median(x.seconds for x in reports)
        rows += [{"step": f"whole ingest, {size} texts a batch", "seconds": wall},
                 {"step": "  the model embedding", "seconds": statistics.median(x.embed_seconds for x in reports)},
                 {"step": "  the model idle (wall - embedding)",
                  "seconds": statistics.median(x.seconds - x.embed_seconds for x in reports)},
                 {"step": "  ingest / raw (aim >= 0.8)", "seconds": r / wall}]
    return rows


def cpu_split(emb, docs: pd.DataFrame) -> list[dict]:
    """CPU-seconds of the model against the rest of an ingest (the same texts; an embedder that
    hands back the model's vectors at once stands in for it), three rounds, medians. CPU time
    hardly moves with the machine's load, so this bounds ingest / raw where the texts/s ratio
    of a loaded machine cannot: when the model keeps the cores busy, the rest must share them."""
    import resource

    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    texts = docs["text"].tolist()
    known = dict(zip(texts, emb.embed(texts), strict=True))

    class Instant:  # the model's own vectors, without the model's work
        name, identity, dim, languages = emb.name, emb.identity, emb.dim, emb.languages
        runtime, runtime_note = emb.runtime, ""

        def embed(self, batch: list[str]) -> np.ndarray:
            return np.stack([known[t] for t in batch])

    model, rest = [], []
    for i in range(3):
        c = cpu()
        emb.embed(texts)
        model.append(cpu() - c)
        folder = OUT / f"chroma_cpu_{i}"
        shutil.rmtree(folder, ignore_errors=True)
        fb = FeedbackStore(folder, embedder=Instant(), timezone="Europe/London")
        c = cpu()
        index_documents(fb, docs, sources=["survey", "ticket"])
        rest.append(cpu() - c)
    m, r = statistics.median(model), statistics.median(rest)
    return [{"step": f"{emb.runtime}: the model, CPU-seconds for {len(texts):,} texts (median of 3)", "seconds": m},
            {"step": "the rest of an ingest, CPU-seconds (median of 3)", "seconds": r},
            {"step": "ingest / raw when the CPU is the limit, model / (model + rest) (aim >= 0.8)",
             "seconds": m / (m + r)}]


def scale(emb, base_docs: pd.DataFrame, n: int, queries: int) -> list[dict]:
    from tools.analytics.periods import Period
    from tools.feedback.index import chunk_documents, index_documents, metadata_records
    from tools.feedback.scoring import score_texts
    from tools.feedback.search import SearchParams, search
    from tools.feedback.store import FeedbackStore

    rng = np.random.default_rng(0)
    base = base_docs.reset_index(drop=True)
    base_vectors = emb.embed(base["text"].tolist())
    base_scores = score_texts(base["text"].tolist(), embedder=emb, vectors=base_vectors)
    pick = rng.integers(0, len(base), n)
    start = pd.Timestamp("2026-05-20", tz="UTC").timestamp()
    docs = pd.DataFrame({
        "doc_id": [f"survey:B{i}" for i in range(n)], "record_id": [f"B{i}" for i in range(n)],
        "source": "survey", "customer_id": [f"C{i % 30000}" for i in range(n)],
        "ts": start + rng.integers(0, 180 * 86400, n), "text": base["text"].to_numpy()[pick],
        "stage": base["stage"].to_numpy()[pick], "touchpoint": base["touchpoint"].to_numpy()[pick],
        "channel": base["channel"].to_numpy()[pick], "status": None,
        "nps": base["nps"].to_numpy()[pick], "csat": base["csat"].to_numpy()[pick],
    })
    chunks = chunk_documents(docs, 10_000)  # one chunk per text, with the ids ingest would give
    order = chunks["record_id"].str[1:].astype(int).to_numpy()
    vectors = base_vectors[pick[order]] + rng.normal(0, 0.02, (n, base_vectors.shape[1])).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chunks["sentiment"] = base_scores["score"].to_numpy()[pick[order]]
    chunks["sentiment_label"] = base_scores["label"].to_numpy()[pick[order]]
    chunks["lang"] = base_scores["lang"].to_numpy()[pick[order]]
    folder = OUT / "chroma_100k"
    shutil.rmtree(folder, ignore_errors=True)
    fb = FeedbackStore(folder, embedder=emb, timezone="Europe/London")
    col = fb.check_space()
    t0 = time.perf_counter()
    step = 5000
    for i in range(0, n, step):
        part = chunks.iloc[i:i + step]
        col.upsert(ids=part["id"].tolist(), embeddings=vectors[i:i + step], documents=part["text"].tolist(),
                   metadatas=metadata_records(part, fb.timezone))
    fb.set_meta(first_ts=int(docs["ts"].min()), last_ts=int(docs["ts"].max()))
    write = time.perf_counter() - t0
    rows = [{"step": f"write {n:,} precomputed vectors to Chroma", "seconds": write,
             "texts_per_s": n / write, "peak_mb": peak_rss_mb()}]
    words = ["late delivery", "card declined at checkout", "friendly staff", "stale bread", "pickup wait",
             "prices too high", "cake damaged in the box", "lovely croissants", "website error", "refund"]
    cases = {
        "search, no filter": {},
        "search, last 30 days": {"period": Period(name="last_30_days")},
        "search, surveys with CSAT <= 2": {"source": ["survey"], "max_csat": 2},
    }
    for name, extra in cases.items():
        times = []
        for q in range(queries):
            t = time.perf_counter()
            search(fb, SearchParams(query=words[q % len(words)], limit=8, **extra))
            times.append(time.perf_counter() - t)
        times.sort()
        rows.append({"step": f"{name}: p50 / p95 ms", "seconds": statistics.median(times),
                     "p50_ms": 1000 * statistics.median(times),
                     "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))], "peak_mb": peak_rss_mb()})
    t = time.perf_counter()
    emb.embed(["late delivery"])
    rows.append({"step": "of which: embedding one query", "p50_ms": 1000 * (time.perf_counter() - t)})
    again = index_documents(fb, docs, sources=["survey"])
    rows.append({"step": f"re-ingest {n:,} unchanged texts ({again.added} embedded)",
                 "seconds": again.seconds, "texts_per_s": n / again.seconds, "peak_mb": peak_rss_mb()})
    return rows


def read_uci(name: str) -> tuple[list[str], np.ndarray]:
    lines = (SHARED / "uci_sentiment_labelled" / name).read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.rsplit("\t", 1) for line in lines if "\t" in line]
    return [r[0].strip() for r in rows], np.array([int(r[1]) for r in rows])


def accuracy(emb) -> tuple[list[dict], list[dict], list[dict]]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from tools.feedback.scoring import (
        BLEND_VADER,
        HEAD_C,
        head_for,
        score_texts,
        training_sentences,
        vader_scores,
    )

    head = head_for(emb)
    uci_rows = []
    totals = {"vader": 0, "head": 0, "blend": 0, "n": 0}
    for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
        texts, labels = read_uci(name)
        vectors = emb.embed(texts)
        v = vader_scores(texts)
        h = head.score(vectors)
        blend = score_texts(texts, embedder=emb, vectors=vectors)["score"].to_numpy()
        row = {"set": name.split("_")[0], "sentences": len(texts)}
        for key, scores in (("vader", v), ("head", h), ("blend", blend)):
            hits = int(((scores >= 0) == (labels == 1)).sum())
            row[key] = hits / len(texts)
            totals[key] += hits
        totals["n"] += len(texts)
        uci_rows.append(row)
    uci_rows.append({"set": "overall", "sentences": totals["n"],
                     **{k: totals[k] / totals["n"] for k in ("vader", "head", "blend")}})

    reviews = pd.read_csv(SHARED / "olist_sample" / "olist_order_reviews_dataset.csv")
    text = reviews["review_comment_title"].fillna("").str.cat(reviews["review_comment_message"].fillna(""), sep=" - ")
    text = text.str.strip(" -")
    keep = (text != "") & (reviews["review_score"] != 3)
    texts, labels = text[keep].tolist(), (reviews.loc[keep, "review_score"] >= 4).to_numpy()
    frame = score_texts(texts, embedder=emb)
    scored = frame["score"].notna().to_numpy()
    langs = frame["lang"].value_counts()
    forced_vectors = emb.embed(texts)
    forced = BLEND_VADER * vader_scores(texts) + (1 - BLEND_VADER) * head.score(forced_vectors)
    olist_rows = [
        {"measure": "reviews with text, score 1-2 or 4-5", "value": len(texts)},
        {"measure": "detected language", "value": ", ".join(f"{k} {v:,}" for k, v in langs.items())},
        {"measure": "scored by the default (English or undetermined)", "value": f"{scored.mean():.1%}"},
        {"measure": "accuracy on those scored", "value": f"{((frame['score'][scored] >= 0).to_numpy() == labels[scored]).mean():.3f}" if scored.any() else "n/a"},
        {"measure": "accuracy if forced to score everything (not what the default does)",
         "value": f"{((forced >= 0) == labels).mean():.3f}"},
        {"measure": "accuracy of VADER alone, forced", "value": f"{((vader_scores(texts) >= 0) == labels).mean():.3f}"},
    ]

    train, y = training_sentences()
    x = emb.embed(train)
    v = vader_scores(train)
    cv_rows = []
    for weight in (0.0, 0.25, 0.5, 0.75, 1.0):
        oof = np.zeros(len(y))
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
            model = LogisticRegression(C=HEAD_C, max_iter=5000).fit(x[tr], y[tr])
            oof[te] = 2 * model.predict_proba(x[te])[:, 1] - 1
        blend = weight * v + (1 - weight) * oof
        cv_rows.append({"vader_weight": weight, "cv_accuracy": float(((blend >= 0) == (y == 1)).mean())})
    return uci_rows, olist_rows, cv_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=100_000, help="size of the scale test")
    parser.add_argument("--queries", type=int, default=40, help="queries per latency case")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--runtime", choices=["both", "onnx", "torch", "int8", "precisions"], default="both",
                        help="the offline model's runtime(s) for the throughput rows: both = onnxruntime "
                             "fp32 and torch; precisions = onnxruntime fp32 and int8, alternated")
    parser.add_argument("--compare-ahead", action="store_true",
                        help="each ingest both ways: the model waiting for each batch's scoring "
                             "(before) and one batch ahead (after), alternated")
    parser.add_argument("--compare-batches", action="store_true",
                        help="ingest / raw with pipeline batches of 256 and 64 texts, alternated")
    parser.add_argument("--cpu-split", action="store_true",
                        help="also the model's CPU-seconds against the rest of an ingest's")
    parser.add_argument("--sample-texts", type=int, default=0,
                        help="throughput, --compare-batches and --cpu-split on the sample's first N texts only "
                             "(default: all 1,655)")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-accuracy", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    from tools.feedback.embeddings import LocalEmbedder

    runtimes = {"both": ["onnx", "torch"], "precisions": ["onnx", "int8"]}.get(args.runtime, [args.runtime])
    # "onnx" and "torch" are fp32 (the default, the vectors every store had before int8); "int8" the option.
    embedders = {r: LocalEmbedder(runtime="onnx" if r == "int8" else r,
                                  precision="int8" if r == "int8" else "fp32") for r in runtimes}
    emb = embedders[runtimes[0]]
    print(f"model: {emb.identity}; cores: {os.cpu_count()}; load average at start: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    if args.skip_throughput:
        docs, _ = sample_docs()
    else:
        rows, docs = throughput(embedders, (False, True) if args.compare_ahead else (True,), args.sample_texts)
        print("### Embedding and ingest (sample data, default spec)\n", flush=True)
        print(table(rows, ["step", "seconds", "texts_per_s", "peak_mb"]), flush=True)
    if args.compare_batches:
        print("\n### Pipeline batches of 256 and 64 texts, alternated\n")
        print(table(compare_batches(emb, docs.head(args.sample_texts) if args.sample_texts else docs), ["step", "seconds"]), flush=True)
    if args.cpu_split:
        print("\n### CPU time: the model and the rest of an ingest\n")
        print(table(cpu_split(emb, docs.head(args.sample_texts) if args.sample_texts else docs), ["step", "seconds"]), flush=True)
    if not args.skip_scale:
        print(f"\n### {args.texts:,} texts\n")
        print(table(scale(emb, docs, args.texts, args.queries), ["step", "seconds", "texts_per_s", "p50_ms", "p95_ms", "peak_mb"]), flush=True)
    if not args.skip_accuracy:
        uci, olist, cv = accuracy(emb)
        print("\n### Sentiment accuracy, UCI labelled sentences (sign of the score vs the label)\n")
        print(table(uci, ["set", "sentences", "vader", "head", "blend"]))
        print("\n### Olist reviews (Portuguese), 1-2 negative, 4-5 positive\n")
        print(table(olist, ["measure", "value"]))
        print("\n### 5-fold cross-validation on the shipped training sentences (how the blend was chosen)\n")
        print(table(cv, ["vader_weight", "cv_accuracy"]))
    print(f"\npeak memory: {peak_rss_mb():,.0f} MB; load average at end: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
