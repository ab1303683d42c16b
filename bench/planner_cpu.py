"""CPU a warm offline planner spends on a question (what `serve` pays), rules only: the first
N questions of tests/questions.yaml read twice; the first pass includes compiling the patterns
the questions need (bot/agent/patterns.py lazy), the second is the steady cost.

    PYTHONPATH=<tree> .venv/bin/python bench/planner_cpu.py [--n 150]   # run from <tree>
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    a = ap.parse_args()
    root = Path.cwd()
    sys.path[:0] = [str(root / "tests"), str(root / "tests" / "bot" / "agent")]
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    items = yaml.safe_load((root / "tests" / "questions.yaml").read_text())
    qs = [it["q"] for it in items if isinstance(it, dict) and isinstance(it.get("q"), str)][:a.n]
    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})),
                             all_tools())
    passes = []
    for tag in ("a", "b"):
        t = time.process_time()
        for i, q in enumerate(qs):
            planner.plan(q, f"{tag}{i}")
        passes.append(time.process_time() - t)
    print(f"{len(qs)} questions: first pass {passes[0]:.2f} s CPU, second {passes[1]:.2f} s "
          f"({1000 * passes[1] / len(qs):.1f} ms a question)")


if __name__ == "__main__":
    main()
