"""Where `journeybot ask` compiles its regular expressions, and how many a question uses.

One process, in phases: importing the agent, building it (the planner's tool ranker), then the
same questions twice. For each phase: patterns compiled (by re's compiler, i.e. after re's own
512-entry cache missed), distinct pattern strings among them, strings compiled more than once
in the process, and compiled patterns a question actually ran (search/match/sub... calls).
The second round of questions shows whether re's cache thrashes at question time (every
compile then is one a server's question pays too). Counting only: observed with a profile
hook, nothing in `re` is changed.

    JOURNEYBOT_HOME=... .venv/bin/python bench/ask_regex.py [--question "revenue last month" ...]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

QUESTIONS = ("revenue last month", "which channel drove the most orders this year?",
             "what are people saying about delivery?")
USES = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}

compiles: list[tuple[str, str, str]] = []  # (phase, module that asked, pattern)
used: dict[str, set[int]] = collections.defaultdict(set)
phase = "start"


def _caller(frame) -> str:
    while frame is not None and ("/re/" in frame.f_code.co_filename or "functools" in frame.f_code.co_filename
                                 or frame.f_code.co_filename.endswith("patterns.py")):
        frame = frame.f_back
    if frame is None:
        return "?"
    name = frame.f_globals.get("__name__", "?")
    return name


def hook(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "compile" and frame.f_code.co_filename.endswith("re/_compiler.py"):
        p = frame.f_locals.get("p")
        if isinstance(p, str):
            compiles.append((phase, _caller(frame.f_back), p))
    elif event == "c_call" and getattr(arg, "__name__", "") in USES and isinstance(getattr(arg, "__self__", None), re.Pattern):
        used[phase].add(id(arg.__self__))


def main() -> None:
    global phase
    ap = argparse.ArgumentParser()
    ap.add_argument("--question", action="append")
    a = ap.parse_args()
    questions = a.question or list(QUESTIONS)
    times: dict[str, float] = {}
    sys.setprofile(hook)
    t = time.perf_counter()
    phase = "import"
    from bot.agent.agent import JourneyAgent
    from bot.config import load_config
    times[phase] = time.perf_counter() - t
    phase = "build agent"
    t = time.perf_counter()
    cfg = load_config(None)
    agent = JourneyAgent.from_config(cfg)
    times[phase] = time.perf_counter() - t
    for rnd in (1, 2):
        for i, q in enumerate(questions):
            phase = f"round {rnd} q{i + 1}"
            t = time.perf_counter()
            agent.answer(q, f"bench-{rnd}-{i}")
            times[phase] = time.perf_counter() - t
    sys.setprofile(None)
    count = collections.Counter(p for _, _, p in compiles)
    rows = []
    for ph in times:
        mine = [p for f, _, p in compiles if f == ph]
        rows.append({"phase": ph, "compiles": len(mine), "distinct": len(set(mine)),
                     "again (seen before)": sum(1 for p in mine if count[p] > 1),
                     "patterns run": len(used.get(ph, ())), "s (hooked)": round(times[ph], 2)})
    print(table(rows, ["phase", "compiles", "distinct", "again (seen before)", "patterns run", "s (hooked)"]))
    print(f"\nall: {len(compiles)} compiles, {len(count)} distinct strings, "
          f"{sum(1 for c in count.values() if c > 1)} strings compiled more than once "
          f"({sum(c - 1 for c in count.values() if c > 1)} extra compiles)")
    by_mod = collections.Counter((f if f in ("import", "build agent") else "questions", m) for f, m, _ in compiles)
    print("\nwhere (phase, module): compiles")
    for (f, m), n in by_mod.most_common(25):
        print(f"  {f:12} {m:45} {n}")
    chars = collections.Counter()
    for _, m, p in compiles:
        chars[m] += len(p)
    print("\npattern characters parsed, by module (parse time is about linear in them)")
    for m, n in chars.most_common(15):
        print(f"  {m:45} {n}")


if __name__ == "__main__":
    main()
