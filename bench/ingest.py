"""Ingest speed: rows/s and peak memory for 1M and 10M sample events, CSV and Parquet.

    .venv/bin/python bench/ingest.py                 # 1M and 10M (generates data once, ~3 min)
    .venv/bin/python bench/ingest.py --sizes 1000000 # just 1M
    .venv/bin/python bench/ingest.py --sizes 10000000 --formats parquet --before /work/main --rounds 3
    .venv/bin/python bench/ingest.py --sizes 10000000 --sessions --before /work/main --rounds 5
    .venv/bin/python bench/ingest.py --sizes 10000000 --steps --before /work/main --rounds 2
    .venv/bin/python bench/ingest.py --sizes 10000000 --columns --rounds 2
    .venv/bin/python bench/ingest.py --sizes 10000000 --compression --rounds 2
    .venv/bin/python bench/ingest.py --sizes 10000000 --parquet-view --rounds 3

Each load runs in a fresh process into an empty store file, so peak memory (ru_maxrss of
that process, which includes DuckDB's native memory) belongs to that load alone. A second
load of the same file into the same store measures the idempotent re-ingest (adds nothing).
Generated data is cached under bench/out/.

With --before DIR the same loads also run with the code of another checkout (main), alternating
with this one for --rounds rounds, so the machine's load falls on both alike; the table gives
the median of each and the ratio. --bare adds a row for DuckDB alone copying the Parquet file
into a table of the same columns (no checks, no mapping, no derived tables): the ceiling any
ingest of that file can reach on this machine. --sessions times only the sessions table rebuilt
from a store loaded once (the step a first load ends with), which moves too little of the whole
load to show through the noise of a shared machine. --steps times one first load of the Parquet
file per round with the CPU seconds of each step (reading, staging, checks, the insert, the
sessions and first_touch tables): CPU seconds, not wall time, are what a shared machine leaves
comparable. --columns times DuckDB alone copying the Parquet file in variants: all columns, each
column by itself, touchpoint/channel/stage as ENUM, and the id columns trimmed as staging does.
--compression and --parquet-view weigh how the events are stored against the questions asked
after (bench/ingest_storage.py): DuckDB's force_compression during the load, and the file kept
behind a view.
"""

from __future__ import annotations

import argparse
import json
import statistics
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
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
from tools.data.store import JourneyStore
import tools.data.ingest
from tools.data.ingest import ingest_file
path, db = sys.argv[2], sys.argv[3]
store = JourneyStore(db, timezone="Europe/London", memory_limit=sys.argv[4])
c0 = os.times(); t0 = time.perf_counter(); first = ingest_file(store, "events", path); t1 = time.perf_counter()
c1 = os.times(); again = ingest_file(store, "events", path); t2 = time.perf_counter()
print(json.dumps({"rows": first.rows_read, "inserted": first.inserted, "seconds": t1 - t0, "printed": first.seconds,
                  "cpu": c1.user + c1.system - c0.user - c0.system,
                  "again_inserted": again.inserted, "again_seconds": t2 - t1,
                  "code": tools.data.ingest.__file__,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# DuckDB alone: the file copied into a table of the events columns, in one transaction.
BARE = r"""
import json, os, resource, sys, time
import duckdb
path, db = sys.argv[2], sys.argv[3]
con = duckdb.connect(db)
con.execute(f"SET memory_limit = '{sys.argv[4]}'")
con.execute("CREATE TABLE events (customer_id VARCHAR, ts TIMESTAMPTZ, touchpoint VARCHAR, channel VARCHAR, "
            "stage VARCHAR, session_id VARCHAR, online BOOLEAN, value DOUBLE, source VARCHAR)")
c0 = os.times(); t0 = time.perf_counter()
con.begin()
n = con.execute("INSERT INTO events SELECT customer_id, ts, touchpoint, channel, stage, session_id, online, "
                "value, 'events.parquet' FROM read_parquet(?)", [path]).fetchone()[0]
con.commit()
t1 = time.perf_counter(); c1 = os.times()
print(json.dumps({"rows": n, "inserted": n, "seconds": t1 - t0, "printed": t1 - t0, "cpu": c1.user + c1.system - c0.user - c0.system,
                  "again_inserted": None, "again_seconds": None,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# The sessions table rebuilt alone (what a first load does after inserting the events), on a
# store loaded once; rolled back, so every run starts from the same store.
SESSIONS = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
import duckdb
import tools.data.session_table as session_table
con = duckdb.connect(sys.argv[2])
con.execute(f"SET memory_limit = '{sys.argv[3]}'")
con.execute("SET TimeZone = 'Europe/London'")
con.begin()
c0 = os.times(); t0 = time.perf_counter()
session_table.rebuild(con, "Europe/London")
t1 = time.perf_counter(); c1 = os.times()
n = con.execute("SELECT count(*) FROM sessions").fetchone()[0]
con.rollback()
print(json.dumps({"rows": n, "seconds": t1 - t0, "cpu": c1.user + c1.system - c0.user - c0.system,
                  "code": session_table.__file__}))
"""


# DuckDB alone copying the file, in a variant (see COPY_VARIANTS): where the insert's CPU goes.
COLUMNS_CHILD = r"""
import json, os, sys
import duckdb
path, db, limit, variant = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
con = duckdb.connect(db)
con.execute(f"SET memory_limit = '{limit}'")
types = {"customer_id": "VARCHAR", "ts": "TIMESTAMPTZ", "touchpoint": "VARCHAR", "channel": "VARCHAR",
         "stage": "VARCHAR", "session_id": "VARCHAR", "online": "BOOLEAN", "value": "DOUBLE", "source": "VARCHAR"}
exprs = {c: c for c in types}
exprs["source"] = "'events.parquet'"
if variant == "enum":
    for c in ("touchpoint", "channel", "stage"):
        values = [r[0] for r in con.execute(f"SELECT DISTINCT {c} FROM read_parquet(?) WHERE {c} IS NOT NULL",
                                            [path]).fetchall()]
        types[c] = "ENUM(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"
elif variant == "trimmed ids":
    for c in ("customer_id", "session_id"):
        exprs[c] = f"nullif(trim({c}), '')"
elif variant == "all columns, uncompressed":
    con.execute("SET force_compression = 'uncompressed'")
elif variant.startswith("only "):
    keep = variant[5:]
    types, exprs = {keep: types[keep]}, {keep: exprs[keep]}
con.execute("CREATE TABLE events (" + ", ".join(f"{c} {t}" for c, t in types.items()) + ")")
c0 = os.times()
con.begin()
con.execute(f"INSERT INTO events SELECT {', '.join(exprs.values())} FROM read_parquet(?)", [path])
con.commit()
c1 = os.times()
con.close()
print(json.dumps({"cpu": c1.user + c1.system - c0.user - c0.system, "mb": os.path.getsize(db) / 1e6}))
"""
COPY_VARIANTS = ["all columns", "all columns, uncompressed", "enum", "trimmed ids", *(f"only {c}" for c in (
    "customer_id", "session_id", "touchpoint", "channel", "stage", "ts", "value", "online", "source"))]


def columns_rows(path: Path, rounds: int, memory_limit: str, only: list[str] | None = None) -> list[dict]:
    runs: dict[str, list[dict]] = {v: [] for v in COPY_VARIANTS if not only or v in only}
    db = OUT / "bench_columns.duckdb"
    for rnd in range(rounds):
        for variant in runs:
            for stale in (db, Path(str(db) + ".wal")):
                stale.unlink(missing_ok=True)
            proc = subprocess.run([sys.executable, "-c", COLUMNS_CHILD, str(ROOT), str(path), str(db),
                                   memory_limit, variant], check=True, capture_output=True, text=True)
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            runs[variant].append(r)
            print(f"  round {rnd + 1} copy, {variant}: cpu {r['cpu']:.2f} s", file=sys.stderr)
    db.unlink(missing_ok=True)
    return [{"DuckDB alone copying": v, "runs": len(done), "cpu s": _median(done, "cpu"),
             "MB": _median(done, "mb")} for v, done in runs.items()]


# One first load with the CPU seconds of each step: the step functions are wrapped where ingest
# calls them (a step missing from an older checkout is left out).
STEPS = r"""
import functools, json, os, sys, time
sys.path.insert(0, sys.argv[1])
import tools.data.ingest as ing
import tools.data.session_table as st
import tools.data.first_touch as ft
from tools.data.store import JourneyStore
path, db = sys.argv[2], sys.argv[3]
cpu = {}
def wrap(mod, name, label):
    fn = getattr(mod, name, None)
    if fn is None:
        return
    @functools.wraps(fn)
    def timed(*a, **k):
        c0 = os.times()
        try:
            return fn(*a, **k)
        finally:
            c1 = os.times()
            cpu[label] = cpu.get(label, 0.0) + c1.user + c1.system - c0.user - c0.system
    setattr(mod, name, timed)
for name, label in (("read_source", "read"), ("stage", "staging (views, distinct touchpoints and stages)"),
                    ("check_rows", "checks"), ("upsert", "insert"), ("first_write", "insert"),
                    ("ingest_loads", "whole load")):
    wrap(ing, name, label)
wrap(st, "rebuild", "sessions")
wrap(ft, "rebuild", "first_touch")
store = JourneyStore(db, timezone="Europe/London", memory_limit=sys.argv[4])
report = ing.ingest_file(store, "events", path)
print(json.dumps({"rows": report.rows_read, "code": ing.__file__, "cpu": cpu}))
"""


def steps_rows(path: Path, codes: list[tuple[str, Path]], rounds: int, memory_limit: str) -> list[dict]:
    runs: dict[str, list[dict]] = {label: [] for label, _ in codes}
    for rnd in range(rounds):
        for label, root in codes:
            r = measure(path, memory_limit, root, STEPS)
            runs[label].append(r["cpu"])
            print(f"  round {rnd + 1} steps {label} ({r['code']}): "
                  + ", ".join(f"{k} {v:.2f}" for k, v in r["cpu"].items()), file=sys.stderr)
    order = ["read", "staging (views, distinct touchpoints and stages)", "checks", "insert", "sessions",
             "first_touch", "whole load"]  # the order a load runs them in
    steps = sorted(dict.fromkeys(k for done in runs.values() for r in done for k in r),
                   key=lambda k: order.index(k) if k in order else len(order))
    rows = []
    for step in steps:
        row: dict = {"step (cpu s, median)": step}
        for label, done in runs.items():
            row[label] = _median([r for r in done if step in r], step)
        rows.append(row)
    return rows


def sessions_store(path: Path, memory_limit: str) -> Path:
    """A store with the events of `path`, loaded once by this checkout and kept under bench/out."""
    db = OUT / f"sessions_{path.parent.name}.duckdb"
    if not db.exists():
        subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path), str(db), memory_limit],
                       check=True, capture_output=True, text=True)
    return db


def sessions_rows(path: Path, codes: list[tuple[str, Path]], rounds: int, memory_limit: str) -> list[dict]:
    db = sessions_store(path, memory_limit)
    runs: dict[str, list[dict]] = {label: [] for label, _ in codes}
    for rnd in range(rounds):
        for label, root in codes:
            proc = subprocess.run([sys.executable, "-c", SESSIONS, str(root), str(db), memory_limit],
                                  check=True, capture_output=True, text=True)
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            runs[label].append(r)
            print(f"  round {rnd + 1} sessions rebuild {label} ({r['code']}): {r['seconds']:.1f} s, "
                  f"cpu {r['cpu']:.1f} s", file=sys.stderr)
    rows = [{"code": f"{label}: sessions rebuild", "events": path.parent.name, "runs": len(done),
             "seconds": _median(done, "seconds"), "cpu s": _median(done, "cpu"), "sessions": done[0]["rows"]}
            for label, done in runs.items()]
    return rows


def measure(path: Path, memory_limit: str, root: Path = ROOT, child: str = CHILD) -> dict:
    db = OUT / f"bench_{path.parent.name}.duckdb"
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, "-c", child, str(root), str(path), str(db), memory_limit],
        check=True, capture_output=True, text=True,
    )
    db.unlink(missing_ok=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median(runs: list[dict], key: str) -> float | str:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else ""  # blank in the table: not measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--formats", nargs="+", default=["parquet", "csv"])
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB memory_limit (the product default)")
    parser.add_argument("--before", type=Path, help="another checkout (e.g. /work/main) to run alternately")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds; the table shows medians")
    parser.add_argument("--bare", action="store_true", help="add DuckDB alone copying the Parquet file")
    parser.add_argument("--sessions", action="store_true",
                        help="only the sessions table rebuild, alternated with --before")
    parser.add_argument("--columns", action="store_true",
                        help="DuckDB alone copying the Parquet file: all columns, each alone, ENUM, trimmed ids")
    parser.add_argument("--steps", action="store_true",
                        help="CPU seconds of each step of a first Parquet load, alternated with --before")
    parser.add_argument("--variants", nargs="+", help="with --columns: only these variants")
    parser.add_argument("--compression", action="store_true",
                        help="first loads with force_compression variants: CPU, store size, questions after")
    parser.add_argument("--parquet-view", action="store_true",
                        help="the questions on the stored events and on a view over the Parquet file")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    codes: list[tuple[str, Path, str]] = []
    if args.before:
        codes.append(("before", args.before.resolve(), CHILD))
    codes.append(("after" if args.before else "this checkout", ROOT, CHILD))
    rows = []
    if args.compression or args.parquet_view:
        from bench import ingest_storage as storage

        for size in args.sizes:
            path = ensure_sample(size, "parquet")
            if args.compression:
                print(table(storage.compression_rows(path, args.rounds, args.memory_limit),
                            storage.COMPRESSION_COLUMNS))
            if args.parquet_view:
                print(table(storage.parquet_view_rows(path, args.rounds, args.memory_limit),
                            storage.VIEW_COLUMNS))
        return
    if args.columns:
        for size in args.sizes:
            rows += columns_rows(ensure_sample(size, "parquet"), args.rounds, args.memory_limit, args.variants)
        print(table(rows, ["DuckDB alone copying", "runs", "cpu s", "MB"]))
        return
    if args.steps:
        for size in args.sizes:
            rows += steps_rows(ensure_sample(size, "parquet"), [(c[0], c[1]) for c in codes],
                               args.rounds, args.memory_limit)
        print(table(rows, ["step (cpu s, median)", *(c[0] for c in codes)]))
        return
    if args.sessions:
        for size in args.sizes:
            rows += sessions_rows(ensure_sample(size, "parquet"), [(c[0], c[1]) for c in codes],
                                  args.rounds, args.memory_limit)
        print(table(rows, ["code", "events", "runs", "seconds", "cpu s", "sessions"]))
        return
    for size in args.sizes:
        for fmt in args.formats:
            path = ensure_sample(size, fmt)
            runs: dict[str, list[dict]] = {label: [] for label, _, _ in codes}
            here = [*codes, *([("DuckDB alone (no checks)", ROOT, BARE)] if args.bare and fmt == "parquet" else [])]
            runs.update({label: [] for label, _, _ in here})
            for rnd in range(args.rounds):
                for label, root, child in here:
                    started = time.perf_counter()
                    r = measure(path, args.memory_limit, root, child)
                    runs[label].append(r)
                    # Which checkout the child really imported (a stray path entry would time one twice).
                    print(f"  round {rnd + 1} {label} ({r.get('code', 'duckdb')}) {size:,} {fmt}: "
                          f"{r['seconds']:.1f} s, cpu {r['cpu']:.1f} s "
                          f"({time.perf_counter() - started:.1f} s with start-up)", file=sys.stderr)
            for label, _, _ in here:
                done = runs[label]
                seconds = float(_median(done, "seconds") or 0.0)
                printed = float(_median(done, "printed") or 0.0)  # what `journeybot ingest` prints
                rows.append({
                    "code": label, "events": done[0]["rows"], "format": fmt, "runs": len(done),
                    "seconds": seconds, "rows/s": done[0]["rows"] / seconds if seconds else 0.0,
                    "printed rows/s": done[0]["rows"] / printed if printed else "",
                    "cpu s": _median(done, "cpu"), "peak MB": _median(done, "peak_mb"),
                    "re-ingest s": _median(done, "again_seconds"),
                    "re-ingest added": "" if done[0]["again_inserted"] is None else done[0]["again_inserted"],
                })
            if args.before:
                b, a = rows[-len(here)], rows[-len(here) + 1]
                rows.append({"code": "after / before, rows/s", "events": a["events"], "format": fmt,
                             "rows/s": a["rows/s"] / b["rows/s"] if b["rows/s"] else 0.0})
    print(table(rows, ["code", "events", "format", "runs", "seconds", "rows/s", "printed rows/s", "cpu s", "peak MB",
                       "re-ingest s", "re-ingest added"]))


if __name__ == "__main__":
    main()
