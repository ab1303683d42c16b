"""How long personas take: segmenting customers (features in SQL, KMeans for k = 2..6,
silhouettes, bootstrap stability), drafting every card, and one edit (a merge), on the sample
at a few sizes, with the agreement (ARI) of the segments with the planted customer types.

    .venv/bin/python bench/personas.py                          # 100k and 1M events
    .venv/bin/python bench/personas.py --events 100000 --repeats 3

Samples are generated and loaded into in-memory stores (kept in --folder, so a second run only
loads them); each case is the median of --repeats runs after one warm-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import median_seconds, peak_rss_mb, table  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--folder", type=Path, default=Path("bench/out/personas"))
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    import pandas as pd
    from sklearn.metrics import adjusted_rand_score

    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore
    from tools.personas.draft import draft_personas
    from tools.personas.edit import edit_persona
    from tools.personas.params import DraftPersonasParams, EditPersonaParams
    from tools.personas.segments import segment_customers

    rows = []
    for events in args.events:
        folder = args.folder / f"sample_{events}"
        if not (folder / "ground_truth.csv").exists():
            generate_sample(folder, SampleSpec(events=events))
        store = JourneyStore(None, timezone="Europe/London", memory_limit="2GB")
        ingest_loads(store, folder_loads(folder))
        customers = int(store.scalar("SELECT count(*) FROM customers"))
        seg = segment_customers(store)
        truth = pd.read_csv(folder / "ground_truth.csv").set_index("customer_id")["planted_type"]
        joined = truth.to_frame().join(seg.labels)
        ari = adjusted_rand_score(joined["planted_type"], joined["segment"])
        cases = {
            "segment (k chosen)": lambda s=store: segment_customers(s),
            "draft all cards": lambda s=store: draft_personas(s, DraftPersonasParams(), conversation="bench"),
            "merge the last two": lambda s=store: (
                draft_personas(s, DraftPersonasParams(segments=3), conversation="bench-edit"),
                edit_persona(s, EditPersonaParams(action="merge"), conversation="bench-edit")),
        }
        for name, fn in cases.items():
            seconds = median_seconds(fn, repeats=args.repeats)
            rows.append({"events": events, "customers": customers, "case": name, "seconds": seconds,
                         "k": seg.k, "silhouette": round(seg.silhouette, 3), "ARI": round(ari, 3),
                         "peak MB": peak_rss_mb()})
        store.close()
    print(table(rows, ["events", "customers", "case", "seconds", "k", "silhouette", "ARI", "peak MB"]))


if __name__ == "__main__":
    main()
