"""How long simple `journeybot` commands take as whole processes, against a bare Python that
only imports duckdb and runs the same query (the floor). Runs are interleaved, so a loaded
machine slows every column alike: compare ratios within one run.

    .venv/bin/python bench/cli_start.py --home bench/out/home100k [--before /work/main] [--runs 5]

`--before` names another checkout (e.g. main) to time the same commands with its code.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

COMMANDS = (["--help"], ["describe"], ["kpis"], ["funnel"])
BARE = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "con.execute('SELECT count(DISTINCT customer_id) FROM events').fetchall()")


def timed(args: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    # cwd: `python -m` puts the working directory first on sys.path, ahead of PYTHONPATH.
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=cwd)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    roots = {"after": ROOT} | ({"before": a.before.resolve()} if a.before else {})
    base = {**os.environ, "JOURNEYBOT_HOME": str(a.home.resolve())}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(a.runs):
        times.setdefault(("bare duckdb", "-"), []).append(
            timed([sys.executable, "-c", BARE, str(a.home / "journey.duckdb")], base))
        for label, root in roots.items():
            env = {**base, "PYTHONPATH": str(root)}
            for cmd in COMMANDS:
                times.setdefault((" ".join(cmd), label), []).append(
                    timed([sys.executable, "-m", "bot.cli", *cmd], env, root))
    bare = statistics.median(times[("bare duckdb", "-")])
    rows = [{"command": name, "code": label, "median s": round(statistics.median(v), 2),
             "vs bare": f"{statistics.median(v) / bare:.1f}x"} for (name, label), v in times.items()]
    print(table(rows, ["command", "code", "median s", "vs bare"]))


if __name__ == "__main__":
    main()
