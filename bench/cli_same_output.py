"""Do two checkouts print the same thing? Runs each command of a list with this checkout's code
and with another's (`--before`, e.g. main) on the same data folders and reports any difference
of stdout, stderr or exit code: the check that a change made for speed (issue 22) changed no
output, text, `--details` and `--json` alike.

    .venv/bin/python bench/cli_same_output.py --before /work/main \
        --home bench/out/homesmall --home bench/out/home1m --home /tmp/olist

Each home's first-touch channel and segment values are read from its store, so the filters
select real customers. DuckDB's sums of doubles run in parallel and may differ in the last
digits from one run to the next (the same checkout twice shows it: 5494.699999999996 and
...998); outputs that differ only there, read to 10 significant digits, are counted apart as
"same to float rounding", never as identical.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

KPI_RUNS = [
    ["kpis"], ["kpis", "--details"], ["kpis", "--json"],
    ["kpis", "--period", "all"], ["kpis", "--period", "all", "--json"], ["kpis", "--period", "this_month", "--details"],
    ["kpis", "--period", "last_7_days"], ["kpis", "--period", "last_week", "--json"],
    ["kpis", "--period", "last_90_days", "--details"],
    ["kpis", "--metric", "orders", "--metric", "aov", "--metric", "revenue"],
    ["kpis", "--metric", "exit_rate", "--metric", "conversion_purchase", "--json"],
    ["kpis", "--metric", "on_time_delivery", "--period", "all", "--details"],
    ["kpis", "--metric", "churn_rate", "--churn-window", "60"],
    ["kpis", "--period", "2000-01-01..2000-01-31"],
    ["kpis", "--list"],
    ["compare"], ["compare", "--details"], ["compare", "--json"],
    ["trend", "orders", "--json"], ["trend", "purchase_conversion", "--grain", "day", "--period", "last_30_days"],
    ["movers", "orders", "--by", "channel"], ["movers", "purchase_conversion", "--by", "segment", "--json"],
    ["describe"], ["describe", "--details"], ["describe", "--json"],
    ["funnel"], ["funnel", "--json"], ["--help"],
]
FILTERED = [["kpis", "--channel", "{channel}"], ["kpis", "--channel", "{channel}", "--json"],
            ["kpis", "--segment", "{segment}", "--details"], ["kpis", "--period", "all", "--channel", "{channel}", "--details"],
            ["compare", "--channel", "{channel}"]]


def values(home: Path) -> dict[str, str]:
    """A common first-touch channel and CRM segment of the store (or a value no customer has)."""
    import duckdb

    con = duckdb.connect(str(home / "journey.duckdb"), read_only=True)
    try:
        channel = con.execute("SELECT channel FROM events WHERE channel IS NOT NULL GROUP BY 1 "
                              "ORDER BY count(*) DESC LIMIT 1").fetchone()
        segment = con.execute("SELECT segment FROM customers WHERE segment IS NOT NULL GROUP BY 1 "
                              "ORDER BY count(*) DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return {"channel": channel[0] if channel else "nowhere", "segment": segment[0] if segment else "none"}


def run(root: Path, home: Path, args: list[str]) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(root), "JOURNEYBOT_HOME": str(home), "COLUMNS": "120"}
    env.pop("JOURNEYBOT_CONFIG", None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env, cwd=root, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


_LONG_FLOAT = re.compile(r"-?\d+\.\d{7,}(?:e[-+]?\d+)?")


def rounded(text: str) -> str:
    return _LONG_FLOAT.sub(lambda m: format(float(m.group()), ".10g"), text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--home", type=Path, action="append", required=True)
    a = ap.parse_args()
    differ = rounding = 0
    total = 0
    for home in a.home:
        home = home.resolve()
        fill = values(home)
        runs = KPI_RUNS + [[x.format(**fill) for x in cmd] for cmd in FILTERED]
        for cmd in runs:
            total += 1
            before, after = run(a.before.resolve(), home, cmd), run(ROOT, home, cmd)
            if before == after:
                continue
            if before[0] == after[0] and all(rounded(before[i]) == rounded(after[i]) for i in (1, 2)):
                rounding += 1
                print(f"same to float rounding {home.name}: journeybot {' '.join(cmd)}")
                continue
            differ += 1
            print(f"DIFFERENT {home.name}: journeybot {' '.join(cmd)} (exit {before[0]} -> {after[0]})")
            for i, what in ((1, "stdout"), (2, "stderr")):
                if before[i] != after[i]:
                    print("".join(list(difflib.unified_diff(before[i].splitlines(True), after[i].splitlines(True),
                                                            f"before {what}", f"after {what}"))[:40]))
        print(f"{home.name}: {len(runs)} invocations compared", flush=True)
    print(f"{total - differ - rounding} of {total} identical, {rounding} the same to float rounding, {differ} different")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
