"""The embedding child process alone: its memory and speed on a journey store's texts (issue 22).

    .venv/bin/python bench/encoder_child.py --texts 3000 --rounds 2 --before /work/main

`journeybot serve` embeds in a child process (tools/feedback/encoder_process.py); a user
watching `top` sees that child beside the server. This starts the child of each checkout the
way serve does (LocalEmbedder(in_child=True), 128 texts an embed, as [feedback] batch_size
gives serve), embeds the store's survey and ticket chunks (redacted and chunked as the indexer
does; default the 1M-event store bench/kpis.py builds) and reads /proc for the child:
- resident memory once the model is loaded, and its peak while loading (VmHWM);
- resident memory sampled every 0.2 s while it embeds (peak), and at the end;
- texts per second (rounds alternate between the checkouts, so the machine's load falls on
  both alike; the median is reported);
- the least cosine between each checkout's vector of a text and the first checkout's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

from bench.common import table  # noqa: E402

# Runs in a fresh interpreter with the checkout's `tools` first on the path.
WORKER = r"""
import json, sys, threading, time
from pathlib import Path
import numpy as np
from tools.feedback.embeddings import LocalEmbedder

def mem(pid):
    f = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return int(f["VmRSS"].split()[0]) / 1024, int(f["VmHWM"].split()[0]) / 1024

texts = json.loads(Path(sys.argv[1]).read_text())
emb = LocalEmbedder(batch_size=128, in_child=True)
emb.backend()
pid = emb.model().pid
loaded, load_peak = mem(pid)
peak, stop = [loaded], threading.Event()

def sample():
    while not stop.wait(0.2):
        try:
            peak[0] = max(peak[0], mem(pid)[0])
        except (OSError, KeyError):
            return

threading.Thread(target=sample, daemon=True).start()
t0 = time.perf_counter()
vectors = np.concatenate([emb.embed(texts[i:i + 256]) for i in range(0, len(texts), 256)])
seconds = time.perf_counter() - t0
end = mem(pid)[0]
stop.set()
np.save(sys.argv[2], vectors)
emb.release()
print(json.dumps({"loaded": loaded, "load_peak": load_peak, "peak": max(peak[0], end), "end": end,
                  "rate": len(texts) / seconds, "runtime": emb.runtime}))
"""


def store_texts(store: Path, limit: int) -> list[str]:
    """The store's survey and ticket chunks, redacted and chunked as serve's indexer sends them."""
    from tools.data.store import JourneyStore
    from tools.feedback.status import store_chunks

    texts = store_chunks(JourneyStore(store))["text"].tolist()
    return texts[:limit] if limit else texts


def run_one(code: Path, texts_file: Path, vectors_file: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-c", WORKER, str(texts_file), str(vectors_file)],
                         env=env, cwd=code, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=Path("/work/main/bench/out/kpis_1000000.duckdb"))
    parser.add_argument("--texts", type=int, default=3000, help="texts to embed (0: all of the store's)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--before", type=Path, help="another checkout to measure in the same run")
    args = parser.parse_args()
    if not args.store.exists():
        sys.exit(f"{args.store} is missing; build it with bench/kpis.py --events 1000000")
    import numpy as np

    texts = store_texts(args.store, args.texts)
    codes = ([("before", args.before.resolve())] if args.before else []) + \
        [("after" if args.before else "this", ROOT)]
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="bench-child-") as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts))
        runs: dict[str, list[dict]] = {label: [] for label, _ in codes}
        for _ in range(args.rounds):
            for label, code in codes:
                runs[label].append(run_one(code, texts_file, Path(tmp) / f"{label}.npy"))
        first = np.load(Path(tmp) / f"{codes[0][0]}.npy")
        rows = []
        for label, _ in codes:
            got = np.load(Path(tmp) / f"{label}.npy")
            rs = runs[label]
            rows.append({"code": label, "runtime": rs[-1]["runtime"],
                         "child RSS loaded MB": statistics.median(r["loaded"] for r in rs),
                         "child peak while loading MB": max(r["load_peak"] for r in rs),
                         "child peak while embedding MB": max(r["peak"] for r in rs),
                         "child RSS at the end MB": statistics.median(r["end"] for r in rs),
                         "texts/s (median)": statistics.median(r["rate"] for r in rs),
                         f"least cosine to {codes[0][0]}": f"{float(np.min(np.sum(got * first, axis=1))):.6f}"})
    print(table(rows, list(rows[0])))
    print(f"\n{len(texts):,} texts of {args.store.name}, {args.rounds} rounds alternated; "
          f"{os.cpu_count()} cores; load average before: {load}, after: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
