"""The cost of tools/data/spans.table_span on a 1M-row tickets table (every answer that reads
tickets asks where their data ends: the opening times and each later moment, first reply and
resolution), and of spans() over 1M events, 1M orders and 1M tickets. A ticket every 30
seconds, answered within hours, most resolved. CPU median of 5 runs, and wall median: other work
on the two cores stretches wall times.

    .venv/bin/python bench/spans.py                 # this checkout's tools/
    .venv/bin/python bench/spans.py --root /work/main  # another checkout's (before/after)
    .venv/bin/python bench/spans.py --store /work/bench_store/kpis_1000000.duckdb  # bench/kpis.py's
                                                       # 1M-event store, opened read-only
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

import duckdb

N = 1_000_000
spans = None  # tools.data.spans of the checkout timed (--root)


def build(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("SET TimeZone = 'Europe/London'")
    start = "TIMESTAMPTZ '2023-01-01 00:00:00+00'"
    con.execute(f"CREATE TABLE events AS SELECT {start} + to_seconds(i * 30) AS ts FROM range({N}) t(i)")
    con.execute(f"CREATE TABLE orders AS SELECT {start} + to_seconds(i * 30) AS ts FROM range({N}) t(i)")
    con.execute(f"CREATE TABLE surveys AS SELECT {start} + to_seconds(i * 30) AS ts FROM range(1000) t(i)")
    con.execute(f"""CREATE TABLE tickets AS SELECT {start} + to_seconds(i * 30) AS created_at,
        {start} + to_seconds(i * 30 + 3600 + i % 7200) AS first_response_at,
        CASE WHEN i % 10 < 8 THEN {start} + to_seconds(i * 30 + 86400 + i % 90000) END AS resolved_at
        FROM range({N}) t(i)""")
    con.execute("CREATE TABLE ingest_log AS SELECT now() AS loaded_at")


class Counting:
    """The connection, counting the queries table_span sends."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.queries = con, 0

    def execute(self, *args, **kwargs):
        self.queries += 1
        return self.con.execute(*args, **kwargs)


def timed(label: str, fn) -> None:
    fn()  # warm-up
    cpu, wall = [], []
    for _ in range(5):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    print(f"{label:<40} CPU median {sorted(cpu)[2] * 1000:7.1f} ms   wall median {sorted(wall)[2] * 1000:7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[1]), help="checkout whose tools/ to time")
    ap.add_argument("--store", help="a journey store file to time instead of the synthetic tables")
    args = ap.parse_args()
    root = args.root
    sys.path.insert(0, root)
    global spans
    spans = importlib.import_module("tools.data.spans")
    print(f"tools.data.spans from {spans.__file__}")
    if args.store:
        con = duckdb.connect(args.store, read_only=True)
        con.execute("SET TimeZone = 'Europe/London'")
        print({t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in spans.DATED})
    else:
        con = duckdb.connect()
        build(con)
    cap = spans.load_cap(con)
    counting = Counting(con)
    print(spans.table_span(counting, "tickets", cap))  # type: ignore[arg-type]
    print(f"table_span(tickets) sends {counting.queries} queries")
    tickets = con.execute("SELECT count(*) FROM tickets").fetchone()[0]
    timed(f"table_span(tickets), {tickets:,} tickets", lambda: spans.table_span(con, "tickets", cap))
    timed("spans() over every dated table", lambda: spans.spans(con))
    try:  # the coverage note every KPI answer now checks (not in checkouts before it)
        from tools.analytics.coverage import covered
        from tools.analytics.periods import Period, resolve
    except ImportError:
        return
    last = spans.last_day(con)[1]
    period = resolve(Period(name="last_30_days"), last, "Europe/London")
    timed("coverage.covered(last 30 days)", lambda: covered(con, period))


if __name__ == "__main__":
    main()
