"""How long and how long-winded `journeybot demo` is: the first run (generate, load, index the
texts, train the models), then the tour as an owner runs it again, then each screen on its own.

    .venv/bin/python bench/demo_tour.py                       # a fresh data folder in bench/out/demo
    .venv/bin/python bench/demo_tour.py --home /tmp/jb-demo    # reuse one that is set up

The runs are real processes (`journeybot demo`, start-up included) with the output
counted in lines as printed; the screens are timed in one process afterwards. Load average is
printed with the table, since the machine is shared.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import table  # noqa: E402


def run_demo(home: Path, *args: str) -> tuple[float, int, str]:
    env = {**os.environ, "JOURNEYBOT_HOME": str(home), "COLUMNS": "100"}
    started = time.perf_counter()
    command = [sys.executable, "-c", "from bot.cli import main; main()", "demo", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, len(done.stdout.splitlines()), done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, default=Path("bench/out/demo"))
    args = ap.parse_args()
    home = args.home.resolve()

    rows = []
    first, lines, _ = run_demo(home)
    rows.append({"run": "first tour (sets the sample up if needed)", "seconds": first, "lines": lines})
    again, lines, _ = run_demo(home)
    rows.append({"run": "tour, set up", "seconds": again, "lines": lines})
    full, lines, _ = run_demo(home, "--full")
    rows.append({"run": "demo --full, set up", "seconds": full, "lines": lines})
    print(table(rows, ["run", "seconds", "lines"]))

    os.environ["JOURNEYBOT_HOME"] = str(home)
    from rich.console import Console

    from bot.cli.common import Ctx
    from bot.cli.tour import SCREENS, setup

    ctx = Ctx(console=Console(file=io.StringIO(), width=100), err=Console(file=io.StringIO()))
    setup(ctx)
    screens = []
    for name, screen in SCREENS.items():
        started = time.perf_counter()
        screen(ctx)
        screens.append({"screen": name, "seconds": time.perf_counter() - started})
    print()
    print(table(screens, ["screen", "seconds"]))
    print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
