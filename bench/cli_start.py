"""How long simple `journeybot` commands take as whole processes, against a bare Python that
only imports duckdb and runs a query (the floor). Runs are interleaved, so a loaded
machine slows every column alike: compare ratios within one run.

"work s" is the command's own computing (the tool call: its queries and result), timed inside
a process that has already imported everything and opened the store; the bare process's query
is timed the same way. "start s" is what is left: whole command - work - (bare - its query),
i.e. imports, config, opening the store and printing, the cost issue 22 aims to keep <= 0.4 s.
For `ask` (offline planner) "work" is a second question in an agent that has answered one (what
`serve` pays a question); "start" then holds the planner's first reading too (its patterns).
"cpu s" is the whole process's user + system time (all its threads): less swayed than wall
time by the other processes of a loaded machine, though DuckDB's threads count in it.

    .venv/bin/python bench/cli_start.py --home bench/out/home1m [--before /work/main] [--runs 5] [--command ask]

`--before` names another checkout (e.g. main) to time the same commands with its code.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

COMMANDS = (["--help"], ["describe"], ["kpis"], ["funnel"], ["ask", "revenue last month"])
BARE = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "con.execute('SELECT count(DISTINCT customer_id) FROM events').fetchall()")
BARE_QUERY = ("import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=True); t = time.perf_counter(); "
              "con.execute('SELECT count(DISTINCT customer_id) FROM events').fetchall(); "
              "print(time.perf_counter() - t)")
# The tool call each command makes, timed after every import and with the store held open as
# the command holds it (bot/cli/__init__.py HELD).
WORK = {
    "describe": "from tools.analytics.describe import describe_data as f; call = lambda: f(store)",
    "kpis": "from tools.analytics.kpis import KpiParams, kpis as f; call = lambda: f(store, KpiParams(), cfg.kpi_settings())",
    "funnel": "from tools.analytics.funnel import FunnelParams, funnel as f; call = lambda: f(store, FunnelParams())",
    # (lane askspeed) a question's own work is what a server that has answered one already pays
    # for the next: reading it and the tool call, in the agent the command builds
    "ask revenue last month": ("from bot.agent.agent import JourneyAgent; agent = JourneyAgent.from_config(cfg, store=store); "
                               "agent.answer('revenue last month', 'warm'); "
                               "call = lambda: agent.answer('revenue last month', 'timed')"),
}
WORK_RUN = ("import time; from bot.config import load_config; cfg = load_config(None); store = cfg.open_store(); {setup}\n"
            "with store.held():\n    t = time.perf_counter(); call(); print(time.perf_counter() - t)")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


CPU: dict[tuple[str, str], list[float]] = {}


def timed(args: list[str], env: dict[str, str], cwd: Path | None = None, key: tuple[str, str] | None = None) -> float:
    start, cpu = time.perf_counter(), _children_cpu()
    # cwd: `python -m` puts the working directory first on sys.path, ahead of PYTHONPATH.
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=cwd)
    if key is not None:
        CPU.setdefault(key, []).append(_children_cpu() - cpu)
    return time.perf_counter() - start


def work(code: str, env: dict[str, str], cwd: Path | None = None, args: list[str] | None = None) -> float:
    """Seconds printed by `code` (its own timing of the work, without the process start)."""
    done = subprocess.run([sys.executable, "-c", code, *(args or [])], env=env, capture_output=True, text=True,
                          check=True, cwd=cwd)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--command", action="append", help="only these commands (by first word: ask, kpis)")
    a = ap.parse_args()
    commands = [c for c in COMMANDS if not a.command or c[0] in a.command]
    roots = {"after": ROOT} | ({"before": a.before.resolve()} if a.before else {})
    base = {**os.environ, "JOURNEYBOT_HOME": str(a.home.resolve())}
    times: dict[tuple[str, str], list[float]] = {}
    works: dict[tuple[str, str], list[float]] = {}
    db = str(a.home / "journey.duckdb")
    for _ in range(a.runs):
        times.setdefault(("bare duckdb", "-"), []).append(timed([sys.executable, "-c", BARE, db], base,
                                                                key=("bare duckdb", "-")))
        works.setdefault(("bare duckdb", "-"), []).append(work(BARE_QUERY, base, args=[db]))
        for label, root in roots.items():
            env = {**base, "PYTHONPATH": str(root)}
            for cmd in commands:
                name = " ".join(cmd)
                times.setdefault((name, label), []).append(timed([sys.executable, "-m", "bot.cli", *cmd], env, root,
                                                                 key=(name, label)))
                works.setdefault((name, label), []).append(
                    work(WORK_RUN.format(setup=WORK[name]), env, root) if name in WORK else 0.0)
    med = {k: statistics.median(v) for k, v in times.items()}
    wmed = {k: statistics.median(v) for k, v in works.items()}
    bare, bare_query = med[("bare duckdb", "-")], wmed[("bare duckdb", "-")]
    rows = [{"command": name, "code": label, "median s": round(med[k], 2), "vs bare": f"{med[k] / bare:.1f}x",
             "cpu s": round(statistics.median(CPU[k]), 2), "work s": round(wmed[k], 2),
             "start s": "-" if label == "-" else round(med[k] - wmed[k] - (bare - bare_query), 2)}
            for k in times for name, label in [k]]
    print(table(rows, ["command", "code", "median s", "vs bare", "cpu s", "work s", "start s"]))


if __name__ == "__main__":
    main()
