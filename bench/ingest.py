"""Ingest speed: rows/s and peak memory for 1M and 10M sample events, CSV and Parquet.

    .venv/bin/python bench/ingest.py                 # 1M and 10M (generates data once, ~3 min)
    .venv/bin/python bench/ingest.py --sizes 1000000 # just 1M

Each load runs in a fresh process into an empty store file, so peak memory (ru_maxrss of
that process, which includes DuckDB's native memory) belongs to that load alone. A second
load of the same file into the same store measures the idempotent re-ingest (adds nothing).
Generated data is cached under bench/out/.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402


def ensure_sample(events: int, fmt: str) -> Path:
    from tools.data.sample import SampleSpec, generate_sample

    folder = OUT / f"sample_{events}_{fmt}"
    target = folder / f"events.{fmt}"
    if not target.exists():
        print(f"generating {events:,} events as {fmt} in {folder} ...", file=sys.stderr)
        generate_sample(folder, SampleSpec(events=events, format=fmt))  # type: ignore[arg-type]
    return target


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from tools.data.store import JourneyStore
from tools.data.ingest import ingest_file
path, db = sys.argv[2], sys.argv[3]
store = JourneyStore(db, timezone="Europe/London", memory_limit=sys.argv[4])
t0 = time.perf_counter(); first = ingest_file(store, "events", path); t1 = time.perf_counter()
again = ingest_file(store, "events", path); t2 = time.perf_counter()
print(json.dumps({"rows": first.rows_read, "inserted": first.inserted, "seconds": t1 - t0,
                  "again_inserted": again.inserted, "again_seconds": t2 - t1,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: Path, memory_limit: str) -> dict:
    db = OUT / f"bench_{path.parent.name}.duckdb"
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(path), str(db), memory_limit],
        check=True, capture_output=True, text=True,
    )
    db.unlink(missing_ok=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--formats", nargs="+", default=["parquet", "csv"])
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB memory_limit (the product default)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rows = []
    for size in args.sizes:
        for fmt in args.formats:
            path = ensure_sample(size, fmt)
            started = time.perf_counter()
            r = measure(path, args.memory_limit)
            print(f"  {size:,} {fmt}: {r['seconds']:.1f} s ({time.perf_counter() - started:.1f} s with start-up)",
                  file=sys.stderr)
            rows.append({
                "events": r["rows"], "format": fmt, "seconds": r["seconds"],
                "rows/s": r["rows"] / r["seconds"], "peak MB": r["peak_mb"],
                "re-ingest s": r["again_seconds"], "re-ingest added": r["again_inserted"],
            })
    print(table(rows, ["events", "format", "seconds", "rows/s", "peak MB", "re-ingest s", "re-ingest added"]))


if __name__ == "__main__":
    main()
