"""KPI and trend speed: median time, CPU time and peak memory of each case of
bench/cases_kpis.py at 1M and 10M sample events, next to its naive pandas version.

    .venv/bin/python bench/kpis.py                          # 1M and 10M events
    .venv/bin/python bench/kpis.py --sizes 1000000 --no-naive
    .venv/bin/python bench/kpis.py --check                  # same numbers both ways?

A stopgap until bench/analytics.py (which imports bench/cases_kpis.py) is on main; it measures
the same way: each case runs in a fresh process on a journey store file built once from the
Parquet sample by the product's ingest (cached under bench/out/), one warm-up run and then the
median of --repeats runs. Peak memory is that process's ru_maxrss (DuckDB's native memory and
about 100 MB of imports included). The naive version gets the tables as DataFrames; loading them
is not timed but is in its peak memory. CPU time (all threads) is shown because other work on
the same two cores stretches wall-clock times.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

AIM_1M = 0.2
PEAK_AIM_MB = 3 * 1024

BUILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample
from tools.data.store import JourneyStore
from pathlib import Path
folder = Path(sys.argv[2])
if not (folder / "events.parquet").exists():
    generate_sample(folder, SampleSpec(events=int(sys.argv[4]), format="parquet"))
store = JourneyStore(sys.argv[3], timezone="Europe/London", memory_limit="4GB")
ingest_loads(store, folder_loads(folder))
store.execute("CHECKPOINT")
"""

CHILD = r"""
import json, resource, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from bench.cases_kpis import CASES, CHECKS
from tools.data.store import JourneyStore
db, name, mode, repeats = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
case = next(c for c in CASES if c.name == name)
store = JourneyStore(db, timezone="Europe/London")
if mode == "product":
    fn = lambda: case.run(store)
else:
    with store.connect() as con:
        con.execute("SET enable_progress_bar = false")
        frames = {t: con.execute(f'SELECT * FROM "{t}"').df() for t in ("customers", "events", "orders", "surveys", "tickets")}
    fn = lambda: case.naive(frames)
fn()
walls, cpus = [], []
for _ in range(repeats):
    w, c = time.perf_counter(), time.process_time()
    fn()
    walls.append(time.perf_counter() - w)
    cpus.append(time.process_time() - c)
print(json.dumps({"seconds": statistics.median(walls), "cpu": statistics.median(cpus),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CHECK = r"""
import sys
sys.path.insert(0, sys.argv[1])
import pandas as pd
from bench.cases_kpis import CASES, CHECKS
from tools.data.store import JourneyStore
store = JourneyStore(sys.argv[2], timezone="Europe/London")
with store.connect() as con:
    con.execute("SET enable_progress_bar = false")
    frames = {t: con.execute(f'SELECT * FROM "{t}"').df() for t in ("customers", "events", "orders", "surveys", "tickets")}
for case in CASES:
    if case.name not in CHECKS:
        continue
    got, want = CHECKS[case.name](case.run(store)), case.naive(frames)
    try:
        pd.testing.assert_frame_equal(got, want, check_dtype=False, rtol=1e-9)
        print(f"same numbers: {case.name} ({len(got)} KPIs)")
    except AssertionError as exc:
        print(f"DIFFERENT: {case.name}: {exc}")
"""


def ensure_store(events: int) -> Path:
    db = OUT / f"kpis_{events}.duckdb"
    if not db.with_suffix(".built").exists():
        for stale in (db, Path(str(db) + ".wal")):
            stale.unlink(missing_ok=True)
        print(f"building the {events:,}-event store ...", file=sys.stderr)
        subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(OUT / f"sample_{events}_parquet"), str(db),
                        str(events)], check=True)
        db.with_suffix(".built").write_text("ok")
    return db


def measure(db: Path, name: str, mode: str, repeats: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(db), name, mode, str(repeats)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    # DuckDB may draw a progress bar on long queries; the result is the last JSON line.
    return json.loads([ln for ln in proc.stdout.splitlines() if ln.startswith("{")][-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--naive-repeats", type=int, default=1)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--only", nargs="+", default=[], help="cases whose name contains any of these")
    parser.add_argument("--check", action="store_true", help="compare the numbers instead of timing")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    from bench.cases_kpis import AIMS_10M, CASES

    if args.check:
        for size in args.sizes:
            print(f"{size:,} events:")
            subprocess.run([sys.executable, "-c", CHECK, str(ROOT), str(ensure_store(size))], check=True)
        return
    load_before = os.getloadavg()[0]
    rows = []
    for size in args.sizes:
        db = ensure_store(size)
        for case in CASES:
            if args.only and not any(w in case.name for w in args.only):
                continue
            r = measure(db, case.name, "product", args.repeats)
            row: dict = {"events": f"{size / 1e6:g}M", "analysis": case.name}
            if "error" in r:
                rows.append({**row, "median s": "error: " + r["error"][:80]})
                continue
            aim = AIM_1M if size <= 1_000_000 else AIMS_10M.get(case.name)
            row.update({"median s": r["seconds"], "cpu s": r["cpu"], "peak MB": r["peak_mb"],
                        "aim": f"<= {aim:g} s" if aim else "peak <= 3 GB",
                        "met": "yes" if (aim is None or r["seconds"] <= aim) and r["peak_mb"] <= PEAK_AIM_MB else "no"})
            if case.naive is not None and not args.no_naive:
                n = measure(db, case.name, "naive", args.naive_repeats)
                if "error" in n:
                    row["naive s"] = "error: " + n["error"][:60]
                else:
                    row.update({"naive s": n["seconds"], "naive / product": n["seconds"] / r["seconds"],
                                "naive peak MB": n["peak_mb"]})
            rows.append(row)
            print(f"  {row['events']} {case.name}: {r['seconds']:.3f} s", file=sys.stderr)
    print(table(rows, ["events", "analysis", "median s", "cpu s", "peak MB", "aim", "met", "naive s",
                       "naive / product", "naive peak MB"]))
    print(f"\nload average (1 min) before {load_before:.1f}, after {os.getloadavg()[0]:.1f}; "
          f"{os.cpu_count()} cores; repeats {args.repeats} (naive {args.naive_repeats})")


if __name__ == "__main__":
    main()
