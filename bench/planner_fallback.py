"""The planner's nearest-phrasing fallback (bot/agent/similar.py), tuned and timed.

    .venv/bin/python bench/planner_fallback.py            # leave-one-out sweep + timing
    .venv/bin/python bench/planner_fallback.py --k 3 5 7  # other vote sizes
    .venv/bin/python bench/planner_fallback.py --timing-only

1. Leave-one-out over the exemplars: each labelled phrasing is voted on by all the others;
   for each threshold, the share of phrasings the fallback would route (coverage) and how many
   of those it routes to their label (accuracy).
2. Leave-one-out on the banks, through the real planner: every bank question the rules leave
   without a tool (and that is not an order to remove or send something) is voted on without
   its own phrasing, its arguments read by the tool's slot readers, and judged like
   tests/bot/agent/test_planner_bank.py judges it, `tool: null` items included (a fallback
   that routes a question meant to be asked back is a loss). Gains and losses per threshold.
3. Seconds the fallback adds to a question: the first one in a process (encoder load, exemplar
   vectors from the cache) and the next ones.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "bot" / "agent"))

from bench.common import table  # noqa: E402
from bench.planner import BANKS  # noqa: E402

# Questions no rule of the planner matches (at the time of writing) and the fallback routes.
TIMED = ("the store's figures this week", "are the regulars still loyal", "hang on to these customer types",
         "how are people finding the checkout", "how many customers need a service recovery call?")
THRESHOLDS = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def exemplar_loo(bank, k: int) -> list[dict]:
    vectors = bank.vectors()
    votes = [bank.vote_vector(vectors[i], k=k, leave_out=bank.texts[i]) for i in range(len(bank.texts))]
    rows = []
    for t in THRESHOLDS:
        fired = [(v, lab) for v, lab in zip(votes, bank.tools, strict=True) if v is not None and v.similarity >= t]
        right = sum(1 for v, lab in fired if v.tool == lab)
        rows.append({"k": k, "threshold": t, "coverage": f"{len(fired) / len(votes):.1%}",
                     "accuracy": f"{right / max(len(fired), 1):.1%}", "routed": len(fired), "right": right})
    return rows


def eligible_questions(planner, banks: dict) -> list[dict]:
    """Bank items the rules leave without a tool, in order, with the planner's slots."""
    import yaml
    from test_planner_bank import _args_match

    from bot.agent.planner import _COMMAND

    out = []
    for name, path in banks.items():
        bank = yaml.safe_load(path.read_text())
        key = f"{name}-0"
        for i, item in enumerate(bank):
            key = key if item.get("follow_up") else f"{name}-{i}"
            plan = planner.plan(item["q"], key)
            expected_args = item.get("args", {}) if item["tool"] is not None else {}
            right = (plan.spec.name if plan.spec else None) == item["tool"] and _args_match(expected_args, plan)
            if plan.spec is None and not plan.follow_up and not _COMMAND.search(plan.slots.norm):
                out.append({"bank": name, "item": item, "slots": plan.slots, "right": right, "key": key,
                            "about": planner._about_the_business(plan.slots)})
            planner.remember(key, plan)
    return out


def bank_loo(planner, bank, questions: list[dict], k: int, gate: bool) -> list[dict]:
    from test_planner_bank import _args_match

    from bot.agent.reading import _DESTRUCTIVE

    allowed = {t.name for t in planner.tools if not t.changes_state and not t.edits}
    judged = []
    for q in questions:
        if _DESTRUCTIVE.search(q["slots"].norm) or (gate and not q["about"]):
            continue
        vote = bank.vote(q["item"]["q"], k=k, leave_out=q["item"]["q"], allowed=allowed)
        spec = planner.by_name[vote.tool]
        args = spec.plan(q["slots"], planner.ctx.for_conversation(q["key"]))
        expected = q["item"]
        good = vote.tool == expected["tool"] and _args_match(expected.get("args", {}), SimpleNamespace(spec=spec, args=args))
        judged.append((vote.similarity, q["right"], good, q["bank"]))
    rows = []
    for t in THRESHOLDS:
        gains = sum(1 for s, was, good, _ in judged if s >= t and good and not was)
        losses = sum(1 for s, was, good, _ in judged if s >= t and was and not good)
        rows.append({"k": k, "about-gate": gate, "threshold": t, "reached": len(judged),
                     "fired": sum(1 for s, *_ in judged if s >= t), "gains": gains, "losses": losses,
                     "net": gains - losses})
    return rows


def timing(store) -> list[dict]:
    """A fresh process each: the first fallback question pays the encoder load."""
    import subprocess

    code = (
        "import sys,time; sys.path[:0]=['tests']\n"
        "from sample_cache import bank_store\n"
        "from bot.agent.catalog import all_tools\nfrom bot.agent.planner import OfflinePlanner\n"
        "from bot.agent.tools import ToolContext\nfrom bot.config import load_config\n"
        "def planner(env):\n"
        "    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())\n"
        "on, off = planner({}), planner({'JOURNEYBOT_PLANNER_FALLBACK': 'off'})\n"
        f"qs = {list(TIMED)!r}\n"
        "for p in (on, off): p.plan('warm up the slots', 'w')\n"
        "import statistics\n"
        "def timed(p, q, key):\n"
        "    t = time.perf_counter(); plan = p.plan(q, key); return plan, time.perf_counter() - t\n"
        "for i, q in enumerate(qs):\n"
        "    a, t_on = timed(on, q, f'a{i}')\n"
        "    b, t_off = timed(off, q, f'b{i}')\n"
        "    if i:  # warm: the median of 5, alternating, so neither side gets the other's caches\n"
        "        ons, offs = [], []\n"
        "        for r in range(5):\n"
        "            offs.append(timed(off, q, f'b{i}-{r}')[1]); ons.append(timed(on, q, f'a{i}-{r}')[1])\n"
        "        t_on, t_off = statistics.median(ons), statistics.median(offs)\n"
        "    print(q, '|', a.spec and a.spec.name, '|', b.spec and b.spec.name, '|', round(t_on, 3), '|', round(t_off, 3))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout
    rows = []
    for n, line in enumerate(out.strip().splitlines()):
        q, on, off, t_on, t_off = [x.strip() for x in line.split("|")]
        rows.append({"question": q, "call": "first (model load)" if n == 0 else "warm (median of 5)", "fallback": on,
                     "rules only": off, "seconds with": t_on, "seconds without": t_off,
                     "extra": round(float(t_on) - float(t_off), 3)})
    code = ("import sys,time; sys.path[:0]=['tests']\n"
            "from bot.agent.similar import EXEMPLARS, Exemplars, exemplars_for\n"
            "from bot.agent.tools import ToolContext\nfrom bot.config import load_config\n"
            "shared = exemplars_for(ToolContext(store=None, config=load_config(env={})))\n"
            "shared.embedder.embed(['load the model'])\n"
            "t = time.perf_counter(); Exemplars(EXEMPLARS, shared.embedder, None).vectors()\n"
            "print(len(shared.texts), round(time.perf_counter() - t, 2))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout.split()
    rows.append({"question": f"(embedding all {out[0]} exemplars, no cached vectors: once per file and model)",
                 "call": "cold cache", "fallback": "", "rules only": "", "seconds with": out[1],
                 "seconds without": "", "extra": float(out[1])})
    del store
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, nargs="+", default=[3, 5, 7])
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--timing-only", action="store_true")
    args = parser.parse_args()
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.similar import exemplars_for
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    store = bank_store()
    if args.timing_only:
        print(table(timing(store), ["question", "call", "fallback", "rules only", "seconds with",
                                    "seconds without", "extra"]))
        return
    planner = OfflinePlanner(ToolContext(store=store, config=load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})),
                             all_tools())
    bank = exemplars_for(planner.ctx)
    print(f"{len(bank.texts)} exemplars, {len(set(bank.tools))} tools")
    rows = [r for k in args.k for r in exemplar_loo(bank, k)]
    print("\nleave-one-out over the exemplars")
    print(table(rows, ["k", "threshold", "coverage", "accuracy", "routed", "right"]))
    questions = eligible_questions(planner, BANKS)
    print(f"\n{len(questions)} bank questions reach the fallback's gate "
          f"({sum(q['about'] for q in questions)} of them about the business by the planner's check)")
    rows = [r for k in args.k for gate in (True, False) for r in bank_loo(planner, bank, questions, k, gate)]
    print("\nleave-one-out on the banks, through the planner (gains: misses it fixes; losses: right answers it breaks)")
    print(table(rows, ["k", "about-gate", "threshold", "reached", "fired", "gains", "losses", "net"]))
    if not args.no_timing:
        print("\nseconds per question, planning only")
        print(table(timing(store), ["question", "call", "fallback", "rules only", "seconds with",
                                    "seconds without", "extra"]))


if __name__ == "__main__":
    main()
