"""How the events are stored, measured for a 10M first load (bench/ingest.py --compression and
--parquet-view): what the insert's CPU buys in store size and in the speed of the questions after.

--compression: the product's first load with DuckDB's `force_compression` set for the load (each
variant in a fresh process into an empty store), then, in another fresh process, the store's
size, the compression of the events segments, and the CPU seconds of a funnel and the KPIs read
from it; then a CHECKPOINT with the setting back to auto, to see whether DuckDB rewrites the
segments (it does not: segments written during the insert stay as written).

--parquet-view: the owner's file kept as it is behind a view instead of copied: what a load
would cost (reading, staging and the checks: the steps before the insert) and what every
question would cost after (the same funnel and KPIs on a store whose events are a view over the
staged Parquet file, against the stored table).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

VARIANTS = ["auto", "uncompressed", "dict_fsst"]

# The product's first load with force_compression set on every connection the load opens; the
# CPU of the insert (upsert) and of the whole load.
LOAD = r"""
import contextlib, functools, json, os, sys
sys.path.insert(0, sys.argv[1])
import tools.data.ingest as ing
from tools.data.store import JourneyStore
path, db, limit, variant = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
cpu = {}
def timed(fn, label):
    @functools.wraps(fn)
    def run(*a, **k):
        c0 = os.times()
        try:
            return fn(*a, **k)
        finally:
            c1 = os.times()
            cpu[label] = cpu.get(label, 0.0) + c1.user + c1.system - c0.user - c0.system
    return run
ing.upsert = timed(ing.upsert, "insert")
ing.ingest_loads = timed(ing.ingest_loads, "whole load")
store = JourneyStore(db, timezone="Europe/London", memory_limit=limit)
plain = store.connect
@contextlib.contextmanager
def forced():
    with plain() as con:
        con.execute(f"SET force_compression = '{variant}'")
        yield con
store.connect = forced
ing.ingest_file(store, "events", path)
print(json.dumps({"cpu": cpu}))
"""

# The questions after a load, in a fresh process: one warm-up, then the median CPU of 3 runs.
QUERIES = r"""
import json, os, statistics, sys
sys.path.insert(0, sys.argv[1])
import duckdb
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.store import JourneyStore
db, limit, checkpoint = sys.argv[2], sys.argv[3], sys.argv[4] == "1"
out = {"mb": os.path.getsize(db) / 1e6}
con = duckdb.connect(db)
out["segments"] = dict(con.execute(
    "SELECT compression, count(*) FROM pragma_storage_info('events') WHERE segment_type <> 'VALIDITY' "
    "GROUP BY 1 ORDER BY 2 DESC").fetchall()) if checkpoint else {}
if checkpoint:
    c0 = os.times()
    con.execute("SET force_compression = 'auto'")
    con.execute("FORCE CHECKPOINT")
    c1 = os.times()
    out["checkpoint cpu"] = c1.user + c1.system - c0.user - c0.system
    out["segments after checkpoint"] = dict(con.execute(
        "SELECT compression, count(*) FROM pragma_storage_info('events') WHERE segment_type <> 'VALIDITY' "
        "GROUP BY 1 ORDER BY 2 DESC").fetchall())
    out["mb after checkpoint"] = os.path.getsize(db) / 1e6
con.close()
store = JourneyStore(db, timezone="Europe/London", memory_limit=limit)
cases = {"funnel, all data": lambda: funnel(store, FunnelParams()),
         "kpis, last 30 days": lambda: kpis(store, KpiParams(period=Period(name="last_30_days"))),
         "kpis, all data": lambda: kpis(store, KpiParams())}
for name, run in cases.items():
    run()
    spent = []
    for _ in range(3):
        c0 = os.times(); run(); c1 = os.times()
        spent.append(c1.user + c1.system - c0.user - c0.system)
    out[name] = statistics.median(spent)
print(json.dumps(out))
"""

QUERY_CASES = ["funnel, all data", "kpis, last 30 days", "kpis, all data"]


def _run(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], check=True, capture_output=True,
                          text=True)
    # The result is the child's last JSON line: DuckDB or a warning may print around it.
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"no result from the child: {proc.stdout[-500:]!r} {proc.stderr[-500:]!r}")
    return json.loads(lines[-1])


def _fresh(db: Path) -> None:
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)


def compression_rows(path: Path, rounds: int, memory_limit: str) -> list[dict]:
    runs: dict[str, list[dict]] = {v: [] for v in VARIANTS}
    db = OUT / "bench_compression.duckdb"
    for rnd in range(rounds):
        for variant in VARIANTS:
            _fresh(db)
            load = _run(LOAD, str(path), str(db), memory_limit, variant)["cpu"]
            # The store as the load left it, then the same questions after a checkpoint at auto.
            asked = _run(QUERIES, str(db), memory_limit, "0")
            after = _run(QUERIES, str(db), memory_limit, "1")
            r = {"insert": load["insert"], "whole load": load["whole load"], "mb": asked["mb"],
                 **{q: asked[q] for q in QUERY_CASES}, "checkpoint cpu": after["checkpoint cpu"],
                 "mb after checkpoint": after["mb after checkpoint"],
                 "segments": after["segments"], "segments after checkpoint": after["segments after checkpoint"]}
            runs[variant].append(r)
            print(f"  round {rnd + 1} force_compression={variant}: " + json.dumps(r), file=sys.stderr)
    _fresh(db)
    rows = []
    for variant, done in runs.items():
        row = {"force_compression during the load": variant, "runs": len(done)}
        for key in ("insert", "whole load", "mb", *QUERY_CASES, "checkpoint cpu", "mb after checkpoint"):
            row[key] = statistics.median(r[key] for r in done)
        row["segments (after checkpoint)"] = ", ".join(
            f"{k} {v}" for k, v in done[-1]["segments after checkpoint"].items())
        rows.append(row)
    return rows


COMPRESSION_COLUMNS = ["force_compression during the load", "runs", "insert", "whole load", "mb",
                       *QUERY_CASES, "checkpoint cpu", "mb after checkpoint", "segments (after checkpoint)"]


# The steps a view would keep at load time (read, staging, checks): the load of bench/ingest.py
# --steps without the insert and the derived tables.
STEPS_BEFORE_INSERT = ["read", "staging (views, distinct touchpoints and stages)", "checks"]

# A store whose events table is replaced by a view over the Parquet file with staging's id trim:
# the product's readers query it by name, as a reader of a kept file would.
AS_VIEW = r"""
import shutil, sys
import duckdb
src, dst, path = sys.argv[2], sys.argv[3], sys.argv[4]
work = dst + ".work"
shutil.copyfile(src, work)
con = duckdb.connect(work)
cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                   "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()]
exprs = {c: c for c in cols}
exprs.update({"customer_id": "nullif(trim(customer_id), '')", "session_id": "nullif(trim(session_id), '')",
              "source": "'events.parquet'"})
con.execute("DROP TABLE events")
con.execute("CREATE VIEW events AS SELECT " + ", ".join(f"{exprs[c]} AS {c}" for c in cols)
            + f" FROM read_parquet('{path}')")
con.close()
# A fresh file without the dropped table's free blocks, so its size is what the view store keeps.
con = duckdb.connect(dst)
con.execute(f"ATTACH '{work}' AS work (READ_ONLY)")
con.execute("COPY FROM DATABASE work TO " + con.execute("SELECT current_database()").fetchone()[0])
con.execute("DETACH work")
con.close()
import os; os.remove(work)
print("{}")
"""


def parquet_view_rows(path: Path, rounds: int, memory_limit: str) -> list[dict]:
    """The same questions on the stored table and on a view over the file (stores built once)."""
    table_db = OUT / "bench_view_table.duckdb"
    view_db = OUT / "bench_view_view.duckdb"
    _fresh(table_db)
    _fresh(view_db)
    _run(LOAD, str(path), str(table_db), memory_limit, "auto")
    _run(AS_VIEW, str(table_db), str(view_db), str(path.resolve()))
    runs: dict[str, list[dict]] = {"stored table": [], "view over the Parquet file": []}
    for rnd in range(rounds):
        for label, db in (("stored table", table_db), ("view over the Parquet file", view_db)):
            r = _run(QUERIES, str(db), memory_limit, "0")
            runs[label].append(r)
            print(f"  round {rnd + 1} {label}: " + json.dumps(r), file=sys.stderr)
    rows = [{"events as": label, "runs": len(done), "store MB": statistics.median(r["mb"] for r in done),
             **{q: statistics.median(r[q] for r in done) for q in QUERY_CASES}} for label, done in runs.items()]
    _fresh(table_db)
    _fresh(view_db)
    return rows


VIEW_COLUMNS = ["events as", "runs", "store MB", *QUERY_CASES]
