"""How long a journey map takes: building it (all the analyses behind it), the side-by-side and
the stage drill-down, and drawing the picture and the spreadsheet.

    .venv/bin/python bench/journey_map.py                       # 100k events, the offline model
    .venv/bin/python bench/journey_map.py --events 1000000 --embedder hash

The sample is generated and loaded into a file store in --folder (kept, so a second run skips
that), feedback is indexed with the chosen embedder (`hash`: a word-hashing stand-in that costs
nothing, to time the map without the model's embedding time), then each case is timed
(median of --repeats runs after one warm-up) and a table is printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bench.common import median_seconds, peak_rss_mb, table  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--embedder", choices=["local", "hash"], default="local")
    ap.add_argument("--folder", type=Path, default=Path("bench/out/journey_map"))
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    from tools.analytics.filters import Filters
    from tools.analytics.periods import Period
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore
    from tools.feedback.index import index_store
    from tools.feedback.store import FeedbackStore
    from tools.journey_map.markdown import map_markdown
    from tools.journey_map.picture import map_png
    from tools.journey_map.spreadsheet import map_xlsx
    from tools.journey_map.tables import map_csv
    from tools.journey_map.tool import journey_map
    from tools.journey_map.types import JourneyMapParams

    folder = args.folder / f"{args.events}"
    sample = folder / "sample"
    if not (sample / "customers.csv").exists():
        generate_sample(sample, SampleSpec(events=args.events, seed=7))
    store = JourneyStore(folder / "journey.duckdb", timezone="Europe/London")
    setup: list[dict[str, object]] = []
    if store.is_empty():
        started = time.perf_counter()
        ingest_loads(store, folder_loads(sample))
        setup.append({"step": "ingest", "seconds": time.perf_counter() - started})
    if args.embedder == "hash":
        from fakes.embedders import HashEmbedder

        embedder = HashEmbedder()
    else:
        from tools.feedback.embeddings import LocalEmbedder

        embedder = LocalEmbedder()
    fb = FeedbackStore(folder / f"feedback-{args.embedder}", embedder=embedder, timezone="Europe/London")
    started = time.perf_counter()
    report = index_store(fb, store)
    setup.append({"step": f"index feedback ({args.embedder})", "seconds": time.perf_counter() - started,
                  "detail": f"{report.documents:,} texts, {report.added:,} embedded now"})
    events = store.count("events")

    m = journey_map(store, JourneyMapParams(), feedback=fb)
    cases = [
        ("map, last 30 days, everyone", lambda: journey_map(store, JourneyMapParams(), feedback=fb)),
        ("map, last 90 days, segment loyalty", lambda: journey_map(
            store, JourneyMapParams(period=Period(name="last_90_days"), filters=Filters(segment=["loyalty"])),
            feedback=fb)),
        ("this month vs last month", lambda: journey_map(
            store, JourneyMapParams(period=Period(name="this_month"), compare_period=Period(name="last_month")),
            feedback=fb)),
        ("stage detail, post-purchase", lambda: journey_map(store, JourneyMapParams(stage="post-purchase"), feedback=fb)),
        ("map without feedback", lambda: journey_map(store, JourneyMapParams())),
        ("render PNG", lambda: map_png(m)),
        ("render XLSX", lambda: map_xlsx(m)),
        ("render CSV + Markdown", lambda: (map_csv(m), map_markdown(m))),
    ]
    rows = []
    for name, fn in cases:
        cpu = time.process_time()
        seconds = median_seconds(fn, repeats=args.repeats)
        rows.append({"case": name, "seconds": seconds,
                     "cpu s / run": (time.process_time() - cpu) / (args.repeats + 1)})
    print(f"{events:,} events, feedback embedded with {args.embedder}; median of {args.repeats} runs")
    print(table(setup, ["step", "seconds", "detail"]))
    print()
    print(table(rows, ["case", "seconds", "cpu s / run"]))
    print(f"\nPNG {len(map_png(m)) / 1024:.0f} kB, XLSX {len(map_xlsx(m)) / 1024:.0f} kB; "
          f"peak RSS {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
