"""Time to the first answer about feedback on freshly loaded data: embedding inside the answer
(main before issue 22) against embedding on serve's background indexer.

    .venv/bin/python bench/feedback_first_answer.py            # the sample's 1,655 texts
    .venv/bin/python bench/feedback_first_answer.py --uci      # + the UCI labelled sentences as surveys

The real offline model (MiniLM) on a fresh feedback store each time; the model is loaded and
chromadb imported before any timing, in both paths, so what is compared is the embedding and
the answer. The question goes through the offline planner (JourneyAgent.answer), as `journeybot
ask` and Slack answer it.
- before: what bot/agent/feedback_tools.py did: index every text, then answer.
- after, at once: the background indexer is asked to start and the question is asked at once.
- after, first batch: asked again as soon as the indexer has stored its first batch.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "feedback_first_answer"
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

QUESTION = "what do people say about delivery?"


def journey_store(uci: bool):
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    folder = OUT / "sample"
    if not (folder / "tickets.csv").exists():
        generate_sample(folder, SampleSpec())
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    if uci:
        import pandas as pd

        from tools.data.ingest import Load
        from tools.data.mapping import Mapping

        src = ROOT.parent / "shared" / "data" / "external" / "uci_sentiment_labelled"
        lines = [line.rsplit("\t", 1)[0] for f in sorted(src.rglob("*_labelled.txt"))
                 for line in f.read_text(encoding="utf-8", errors="replace").splitlines() if "\t" in line]
        frame = pd.DataFrame({"survey_id": [f"U{i}" for i in range(len(lines))], "text": lines,
                              "ts": "2026-05-01 12:00"})
        path = OUT / "uci_surveys.csv"
        frame.to_csv(path, index=False)
        ingest_loads(store, [Load(path, Mapping(table="surveys"))])
    return store


def config_for(home: Path):
    from bot.config import load_config

    return load_config(env={"JOURNEYBOT_HOME": str(home)})


def ask(agent) -> tuple[float, str]:
    t0 = time.perf_counter()
    answer = agent.answer(QUESTION)
    seconds = time.perf_counter() - t0
    record = answer.tool_calls[0]
    if not record.ok:
        said = record.error
    else:
        quotes = len(record.result.quotes)
        notes = [n for n in record.result.provenance.notes if "indexed" in n]
        said = f"{quotes} quotes" + (f"; {notes[0]}" if notes else "; all texts indexed")
    return seconds, said


def before(store, home: Path) -> dict:
    from bot.agent.agent import JourneyAgent
    from tools.feedback.index import index_store

    config = config_for(home)
    agent = JourneyAgent.from_config(config, store)
    fb = agent.ctx.service("feedback", config.open_feedback)
    t0 = time.perf_counter()
    index_store(fb, store, chunk_words=config.feedback.chunk_words)  # what the answer used to do first
    _, said = ask(agent)
    total = time.perf_counter() - t0
    return {"path": "before: embedding inside the answer", "first answer s": total, "it said": said,
            "all indexed after s": total}


def after(store, home: Path) -> list[dict]:
    from bot.agent.agent import JourneyAgent
    from bot.feedback_indexer import FeedbackIndexer

    config = config_for(home)
    agent = JourneyAgent.from_config(config, store)
    fb = agent.ctx.service("feedback", config.open_feedback)
    indexer = FeedbackIndexer(config, store, fb).start()
    agent.ctx.services["feedback_indexer"] = indexer
    t0 = time.perf_counter()
    indexer.request()
    at_once, said_at_once = ask(agent)
    while fb.count() == 0 and indexer.reading:
        time.sleep(0.05)
    t1 = time.perf_counter()
    batch, said_batch = ask(agent)
    batch_at = t1 - t0 + batch
    indexer.wait()
    done = time.perf_counter() - t0
    indexer.stop(timeout=5)
    return [
        {"path": "after: asked at once", "first answer s": at_once, "it said": said_at_once,
         "all indexed after s": done},
        {"path": "after: asked when the first batch is in", "first answer s": batch_at,
         "it said": said_batch, "all indexed after s": done},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--uci", action="store_true", help="add the UCI labelled sentences as survey texts")
    args = parser.parse_args()
    from tools.feedback.embeddings import LocalEmbedder

    OUT.mkdir(parents=True, exist_ok=True)
    store = journey_store(args.uci)
    texts = store.count("surveys") + store.count("tickets")
    LocalEmbedder().embed(["warm up"])  # the model loads once per process: not part of either path
    import chromadb  # noqa: F401  (imported once per process, ~2 s)

    rows = []
    for run in (before, after):
        home = Path(tempfile.mkdtemp(prefix="jb-first-answer-", dir=OUT))
        try:
            out = run(store, home)
            rows += out if isinstance(out, list) else [out]
        finally:
            shutil.rmtree(home, ignore_errors=True)
    print(f"{texts:,} survey and ticket rows; question: {QUESTION!r}")
    print(table(rows, ["path", "first answer s", "it said", "all indexed after s"]))


if __name__ == "__main__":
    main()
