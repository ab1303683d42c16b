"""Analytics speed: median time and peak memory of every analysis at 1M and 10M sample events,
next to a naive pandas implementation of the same numbers.

    .venv/bin/python bench/analytics.py                       # 1M and 10M events
    .venv/bin/python bench/analytics.py --sizes 1000000       # just 1M
    .venv/bin/python bench/analytics.py --only funnel --no-naive

Cases come from `bench/cases_journeys.py` (funnels, drop-offs, paths) and, when it exists,
`bench/cases_kpis.py` (KPIs and trends). A cases module exposes `CASES: list[Case]`
(`bench.common.Case`: a name, `run(store)` calling the product, and optionally
`naive(frames)` computing the same numbers with plain pandas on DataFrames of the tables).

How it measures:
- The sample (Parquet events) and a journey store built from it with the product's own ingest
  are cached under bench/out/ and reused; delete the folder to rebuild.
- Each case runs in a fresh process on the store file, as a command-line call would: one
  warm-up run, then the median of --repeats runs, wall-clock ("median s") and CPU time of
  the process, DuckDB's threads included ("CPU s": on a busy machine it moves less than the
  wall-clock time). Peak memory is that process's ru_maxrss, so it includes DuckDB's native
  memory and the Python interpreter (about 100 MB of it is imports).
- The naive implementation runs in its own fresh process too. Its time excludes loading the
  tables into pandas (it gets them ready-made, as a notebook would have them); its peak memory
  includes them. "naive / product" above 1 means the product is faster.
- The machine's load average is printed with the table: other work on the same cores slows
  every number down.

`--check` times nothing: it runs each case once both ways and compares the numbers, for the
cases modules that say how (`CHECKS: dict[case name, result -> DataFrame]`, the DataFrame the
naive version returns).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))

from bench.common import Case, table  # noqa: E402

CASE_MODULES = ("bench.cases_journeys", "bench.cases_kpis")
AIM_1M = 0.2  # seconds, every analysis at 1M events
PEAK_AIM_MB = 3 * 1024


def load_cases() -> tuple[list[tuple[str, Case]], dict[str, float]]:
    """(module, case) for every case of the cases modules that exist, and the aims at 10M
    events they declare (`AIMS_10M: dict[case name, seconds]`)."""
    found = []
    aims: dict[str, float] = {}
    for name in CASE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        cases = module.cases() if callable(getattr(module, "cases", None)) else module.CASES
        found += [(name, c) for c in cases]
        aims.update(getattr(module, "AIMS_10M", {}))
    return found, aims


def ensure_sample(events: int) -> Path:
    """The Parquet sample of `events` events (shared with bench/ingest.py's cache)."""
    from tools.data.sample import SampleSpec, generate_sample

    folder = OUT / f"sample_{events}_parquet"
    if not (folder / "events.parquet").exists() or not (folder / "incidents.json").exists():
        print(f"generating {events:,} sample events in {folder} ...", file=sys.stderr)
        generate_sample(folder, SampleSpec(events=events, format="parquet"))
    return folder


BUILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from tools.data.store import JourneyStore
from tools.data.ingest import folder_loads, ingest_loads
store = JourneyStore(sys.argv[3], timezone="Europe/London", memory_limit=sys.argv[4])
t0 = time.perf_counter()
reports = ingest_loads(store, folder_loads(sys.argv[2]))
store.execute("CHECKPOINT")
print(f"built in {time.perf_counter() - t0:.0f} s: " + ", ".join(f"{r.table} {r.inserted:,}" for r in reports))
"""


def ensure_store(events: int, memory_limit: str) -> Path:
    """A journey store file holding the sample, built once by the product's ingest."""
    folder = ensure_sample(events)
    db = OUT / f"analytics_{events}.duckdb"
    done = db.with_suffix(".built")
    if db.exists() and done.exists():
        return db
    for stale in (db, Path(str(db) + ".wal"), done):
        stale.unlink(missing_ok=True)
    print(f"loading {folder.name} into {db.name} ...", file=sys.stderr)
    proc = subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(folder), str(db), memory_limit],
                          check=True, capture_output=True, text=True)
    print("  " + proc.stdout.strip(), file=sys.stderr)
    done.write_text(proc.stdout)
    return db


CHILD = r"""
import importlib, json, resource, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from tools.data.store import JourneyStore
root, db, module, name, mode, repeats, memory_limit = sys.argv[1:8]
mod = importlib.import_module(module)
cases = mod.cases() if callable(getattr(mod, "cases", None)) else mod.CASES
case = next(c for c in cases if c.name == name)
store = JourneyStore(db, timezone="Europe/London", memory_limit=memory_limit)
if mode == "product":
    fn = lambda: case.run(store)
else:
    from bench.frames import LazyFrames
    frames = LazyFrames(store)
    fn = lambda: case.naive(frames)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
fn()  # warm-up: first connection, file cache, lazy imports, the naive version's tables
walls, cpus = [], []
for _ in range(int(repeats)):
    c0, t0 = cpu(), time.perf_counter()
    fn()
    walls.append(time.perf_counter() - t0)
    cpus.append(cpu() - c0)
print(json.dumps({"seconds": statistics.median(walls), "cpu": statistics.median(cpus),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(db: Path, module: str, case: Case, mode: str, repeats: int, memory_limit: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(db), module, case.name, mode, str(repeats),
         memory_limit],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


CHECK = r"""
import importlib, sys
sys.path.insert(0, sys.argv[1])
import pandas as pd
from bench.frames import LazyFrames
from tools.data.store import JourneyStore
root, db, module, memory_limit = sys.argv[1:5]
mod = importlib.import_module(module)
checks = getattr(mod, "CHECKS", {})
store = JourneyStore(db, timezone="Europe/London", memory_limit=memory_limit)
frames = LazyFrames(store)
cases = mod.cases() if callable(getattr(mod, "cases", None)) else mod.CASES
for case in cases:
    if case.name not in checks or case.naive is None:
        continue
    got = checks[case.name](case.run(store)).reset_index(drop=True)
    want = case.naive(frames).reset_index(drop=True)
    try:
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
        print(f"same numbers: {case.name} ({len(got)} rows)")
    except AssertionError as exc:
        print(f"DIFFERENT: {case.name}: {str(exc)[:400]}")
"""


def check(sizes: list[int], memory_limit: str) -> None:
    modules = sorted({m for m, _ in load_cases()[0]})
    for size in sizes:
        db = ensure_store(size, memory_limit)
        for module in modules:
            print(f"{size:,} events, {module}:")
            subprocess.run([sys.executable, "-c", CHECK, str(ROOT), str(db), module, memory_limit], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of the product per case")
    parser.add_argument("--naive-repeats", type=int, default=3, help="timed runs of the naive version")
    parser.add_argument("--no-naive", action="store_true", help="skip the pandas comparison")
    parser.add_argument("--only", nargs="+", default=[], help="cases whose name contains any of these")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB memory_limit (the product default)")
    parser.add_argument("--check", action="store_true",
                        help="Compare the product's numbers with the naive version's instead of timing.")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.check:
        check(args.sizes, args.memory_limit)
        return
    all_cases, aims = load_cases()
    cases = [(m, c) for m, c in all_cases
             if not args.only or any(word in c.name for word in args.only)]
    load_before = os.getloadavg()
    rows = []
    for size in args.sizes:
        db = ensure_store(size, args.memory_limit)
        for module, case in cases:
            started = time.perf_counter()
            r = measure(db, module, case, "product", args.repeats, args.memory_limit)
            row: dict = {"events": f"{size / 1e6:g}M", "analysis": case.name}
            if "error" in r:
                row["median s"] = "error: " + r["error"][:80]
                rows.append(row)
                continue
            row["median s"] = r["seconds"]
            row["CPU s"] = r["cpu"]
            row["peak MB"] = r["peak_mb"]
            if size <= 1_000_000:
                row["aim"] = f"<= {AIM_1M} s"
                row["met"] = "yes" if r["seconds"] <= AIM_1M and r["peak_mb"] <= PEAK_AIM_MB else "no"
            elif case.name in aims:
                row["aim"] = f"<= {aims[case.name]:g} s"
                row["met"] = "yes" if r["seconds"] <= aims[case.name] and r["peak_mb"] <= PEAK_AIM_MB else "no"
            else:
                row["aim"] = "peak <= 3 GB"
                row["met"] = "yes" if r["peak_mb"] <= PEAK_AIM_MB else "no"
            if case.naive is not None and not args.no_naive:
                n = measure(db, module, case, "naive", args.naive_repeats, args.memory_limit)
                if "error" in n:
                    row["naive s"] = "error: " + n["error"][:60]
                else:
                    row["naive s"] = n["seconds"]
                    row["naive / product"] = n["seconds"] / r["seconds"] if r["seconds"] else float("nan")
                    row["naive peak MB"] = n["peak_mb"]
            rows.append(row)
            print(f"  {row['events']} {case.name}: {r['seconds']:.3f} s "
                  f"({time.perf_counter() - started:.0f} s with start-up and naive)", file=sys.stderr)
    load_after = os.getloadavg()
    print(table(rows, ["events", "analysis", "median s", "CPU s", "peak MB", "aim", "met", "naive s",
                       "naive / product", "naive peak MB"]))
    print(f"\nload average (1 min) before {load_before[0]:.1f}, after {load_after[0]:.1f}; "
          f"{os.cpu_count()} cores; repeats {args.repeats} (naive {args.naive_repeats})")


if __name__ == "__main__":
    main()
