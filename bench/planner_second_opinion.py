"""Who is right more often when the planner's rules pick a tool and a strong vote of the nearest
labelled phrasings (bot/agent/similar.py) names another: measured on blind banks at their FIRST
score, where neither the rules nor the phrasings had seen the bank (issue 17, phase W).

    # 1. each bank's readings, from a checkout of the commit that scored it (its planner, and
    #    the phrasings of the banks written before it only: that checkout's exemplar sources)
    git -C /work/main worktree add --detach /tmp/old20 91619598 && ln -s /work/main/.venv /tmp/old20/.venv
    (cd /tmp/old20 && PYTHONPATH=. .venv/bin/python $OLDPWD/bench/planner_second_opinion.py collect \\
        --bank blind20 --out /tmp/second/blind20.json)
    # 2. the policies against every collected bank (decide on some, check on the others)
    .venv/bin/python bench/planner_second_opinion.py table /tmp/second/*.json --decide blind17 blind18 blind19

`collect` asks the bank in order with the rules only (fallback off), as bench/planner.py
--no-fallback does, and for every question whose rules reading an override could replace (a read
-only tool, not a follow-up, no note of its own) keeps the 9 nearest phrasings among read-only
tools (the bank is no phrasing source at that commit) and, for each other tool among them, the
plan the fallback would make with it (the tool forced, arguments from the slot readers, bench
matching): so the table scores tool AND arguments, not tool alone. Follow-ups are asked as the
conversation goes with the rules' readings; an override of a head question could change them,
which this does not count.

`table` applies "take the vote's tool when it differs from the rules' and its closest phrasing is
at least s alike and (v of the k neighbours are its / its margin over the runner-up is >= m)",
with restrictions (only where the rules' reading had no cue; only a weak rules reading), and
counts per bank the right answers an override breaks and the wrong ones it fixes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

TOP = 9  # neighbours kept per question (the policies use the first k of them)


def collect(args: argparse.Namespace) -> None:
    """Run from the old checkout (cwd), importing its planner."""
    root = Path.cwd()
    for p in (root, root / "tests", root / "tests" / "bot" / "agent"):
        sys.path.insert(0, str(p))
    import dataclasses

    import numpy as np
    import yaml
    from sample_cache import bank_store
    from test_planner_bank import _args_match

    from bench.planner_exemplars import SOURCES, exemplars
    from bot.agent import similar
    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.reading import CLEAR_MARGIN, MIN_PLAUSIBLE, WEAK
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    bank_file = root / "tests" / f"questions_{args.bank}.yaml"
    assert "blind21" not in bank_file.name, "tests/questions_blind21.yaml is the held-back judge"
    sources = tuple(s for s in SOURCES if s != bank_file.name)
    assert len(sources) == len(SOURCES), f"{bank_file.name} is already a phrasing source at this commit"
    items = yaml.safe_load(bank_file.read_text())
    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={similar.SETTING: "off"})),
                             all_tools())
    allowed = {t.name for t in planner.tools if not t.changes_state and not t.edits and t.plan is not None}
    # The phrasings as this commit's exemplar file had them, embedded apart from the product's cache.
    groups = exemplars(sources=sources)
    tmp = Path(args.vectors) / f"{args.bank}-exemplars.yaml"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(yaml.safe_dump(groups, sort_keys=True, allow_unicode=True, width=1000))
    on = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())
    t0 = time.perf_counter()
    embedder = similar.exemplars_for(on.ctx).embedder
    ex = similar.Exemplars(tmp, embedder, Path(args.vectors))
    vectors = ex.vectors()
    load_s = time.perf_counter() - t0
    tools = np.array([str(t) for t in ex.tools])
    usable = np.isin(tools, sorted(allowed))
    try:
        from bot.agent.analytics_cues import asks_series
    except ImportError:  # older code: the fallback's kpis -> trend swap is not measured
        asks_series = None

    orig = type(planner)._choose
    chosen: dict[str, Any] = {}

    def spy(question: str, key: str) -> Any:
        chosen["plan"] = orig(planner, question, key)
        return chosen["plan"]

    def forced(question: str, tool: str, n: int) -> Any:
        """The plan the fallback would make with this tool: its slot readers' arguments."""
        def choose(q: str, key: str) -> Any:
            p = orig(planner, q, key)
            spec = planner.by_name[tool]
            if tool == "kpis" and asks_series is not None and "trend" in planner.by_name and asks_series(p.slots):
                spec = planner.by_name["trend"]
            return dataclasses.replace(p, spec=spec, follow_up=False, notes=("by resemblance",), asked=None)

        planner._choose = choose
        try:
            return planner.plan(question, f"forced-{n}-{tool}")
        finally:
            planner._choose = spy

    rows, embed_s, embedded = [], 0.0, 0
    planner._choose = spy
    for i, item in enumerate(items):
        key = f"{args.bank}-{i}"
        if not item.get("follow_up"):
            planner.reset(key)
            head = key
        plan = planner.plan(item["q"], head)
        choice = chosen["plan"]
        got = plan.spec.name if plan.spec else None
        expected_args = item.get("args", {}) if item["tool"] is not None else {}
        row: dict[str, Any] = {"i": i, "q": item["q"], "expected": item["tool"], "rules": got,
                               "rules_right": got == item["tool"] and _args_match(expected_args, plan),
                               "follow_up": bool(item.get("follow_up")) or choice.follow_up}
        planner.remember(head, plan)
        if got in allowed and not row["follow_up"] and not choice.notes:
            c = choice.candidates
            row["guessed"] = bool(c) and c[0].score < WEAK and not c[0].cues and not (
                choice.slots.metrics or choice.slots.stages)
            row["close"] = len(c) > 1 and c[1].score >= MIN_PLAUSIBLE and c[0].score - c[1].score < CLEAR_MARGIN
            row["cued"] = bool(c) and bool(c[0].cues)
            t = time.perf_counter()
            q = embedder.embed([choice.slots.text or choice.slots.norm])[0]
            embed_s += time.perf_counter() - t
            embedded += 1
            sims = np.where(usable, vectors @ q, -np.inf)
            top = np.argsort(-sims)[:TOP]
            row["near"] = [(str(tools[j]), round(float(sims[j]), 4)) for j in top]
            row["alt_right"] = {}
            for tool in dict.fromkeys(t for t, _ in row["near"]):
                if tool != got:
                    alt = forced(item["q"], tool, i)
                    row["alt_right"][tool] = alt.spec.name == item["tool"] and _args_match(expected_args, alt)
                    row.setdefault("alt_tool", {})[tool] = alt.spec.name
        rows.append(row)
    planner._choose = orig.__get__(planner)
    out = {"bank": args.bank, "commit": args.commit, "rows": rows, "exemplars": len(ex.texts),
           "load_seconds": round(load_s, 1), "embed_ms_per_question": round(1000 * embed_s / max(embedded, 1), 1)}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out))
    right = sum(r["rules_right"] for r in rows)
    print(f"{args.bank}: {len(rows)} questions, rules only {right}; {embedded} rules readings an override "
          f"could replace; {len(ex.texts)} phrasings; {out['embed_ms_per_question']} ms per question embedded")


def vote(near: list[tuple[str, float]], k: int) -> tuple[str, float, int, float]:
    """The product's vote (bot/agent/similar.py): weight = summed cosine of the k nearest, ties
    by the closest; a phrasing >= SAME decides alone. Returns winner, its closest cosine, its
    votes among the k, its closest cosine's margin over the closest of any other tool."""
    top = near[:k]
    weight: dict[str, float] = {}
    closest: dict[str, float] = {}
    for tool, sim in top:
        weight[tool] = weight.get(tool, 0.0) + sim
        closest.setdefault(tool, sim)
    order = sorted(weight, key=lambda t: (-weight[t], -closest[t]))
    if top[0][1] >= 0.95:
        order.sort(key=lambda t: t != top[0][0])
    win = order[0]
    others = [s for t, s in near if t != win]  # the 9 kept: a unanimous k still has a runner-up
    margin = closest[win] - (others[0] if others else 0.0)
    return win, closest[win], sum(t == win for t, _ in top), margin


def policies() -> list[dict[str, Any]]:
    out = []
    for where in ("any", "uncued", "weak"):
        for k in (5, 9):
            for s in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
                for v in sorted({3, 4, k} if k == 5 else {5, 7, 9}):
                    out.append({"where": where, "k": k, "s": s, "v": v, "m": 0.0})
                for m in (0.05, 0.1):
                    out.append({"where": where, "k": k, "s": s, "v": 1, "m": m})
    return out


def applies(row: dict[str, Any], p: dict[str, Any]) -> str | None:
    """The tool the policy takes instead of the rules', or None."""
    if "near" not in row:
        return None
    if p["where"] == "uncued" and row["cued"] or p["where"] == "weak" and not (row["guessed"] or row["close"]):
        return None
    win, best, votes, margin = vote(row["near"], p["k"])
    if win == row["rules"] or best < p["s"] or votes < p["v"] or margin < p["m"]:
        return None
    return win


def name(p: dict[str, Any]) -> str:
    agree = f"{p['v']}/{p['k']} votes" if p["m"] == 0 else f"k={p['k']} margin>={p['m']:.2f}"
    return f"{p['where']}: cos>={p['s']:.2f} {agree}"


def table(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.common import table as render

    data = [json.loads(Path(f).read_text()) for f in args.files]
    banks = [d["bank"] for d in data]
    decide = [b for b in banks if b in args.decide]
    check = [b for b in banks if b not in args.decide]
    print(" ".join(f"{d['bank']} (at {d['commit']}): {len(d['rows'])} questions, rules only "
                   f"{sum(r['rules_right'] for r in d['rows'])}, {sum('near' in r for r in d['rows'])} could be "
                   f"overridden, {d['exemplars']} phrasings, model+vectors {d['load_seconds']} s, "
                   f"{d['embed_ms_per_question']} ms/question;" for d in data))
    rows = []
    for p in policies():
        row: dict[str, Any] = {"policy": name(p)}
        nets = {}
        for d in data:
            fix = brk = n = tool_fix = tool_brk = 0
            for r in d["rows"]:
                tool = applies(r, p)
                if tool is None:
                    continue
                n += 1
                now = r["alt_right"][tool]
                fix += now and not r["rules_right"]
                brk += r["rules_right"] and not now
                tool_fix += tool == r["expected"] and r["rules"] != r["expected"]
                tool_brk += r["rules"] == r["expected"] and tool != r["expected"]
            nets[d["bank"]] = fix - brk
            row[d["bank"]] = f"{n}: +{fix}-{brk} (tool +{tool_fix}-{tool_brk})"
        row["decide net"] = sum(nets[b] for b in decide)
        row["decide worst"] = min((nets[b] for b in decide), default=0)
        row["check net"] = sum(nets[b] for b in check)
        row["all net"] = sum(nets.values())
        if any(v != "0: +0-0 (tool +0-0)" for k_, v in row.items() if k_ in banks):
            rows.append(row)
    rows.sort(key=lambda r: (-r["decide net"], -r["decide worst"]))
    print(render(rows[:args.top], list(rows[0])) if rows else "no policy overrides anything")
    if args.show:
        p = next(p for p in policies() if name(p) == args.show)
        for d in data:
            for r in d["rows"]:
                tool = applies(r, p)
                if tool is not None:
                    verdict = "FIX" if r["alt_right"][tool] and not r["rules_right"] else \
                        "BREAK" if r["rules_right"] and not r["alt_right"][tool] else "same"
                    print(f"  {d['bank']} {verdict}: rules {r['rules']} -> {tool} {vote(r['near'], p['k'])[1]:.2f}, "
                          f"expected {r['expected']}: {r['q']!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect", help="from the old checkout: the bank's readings and neighbours")
    c.add_argument("--bank", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--commit", default="")
    c.add_argument("--vectors", default="/tmp/journeybot-second-opinion", help="the phrasings' vectors, apart")
    t = sub.add_parser("table", help="the policies against the collected banks")
    t.add_argument("files", nargs="+")
    t.add_argument("--decide", nargs="*", default=["blind17", "blind18", "blind19"])
    t.add_argument("--top", type=int, default=40)
    t.add_argument("--show", default="", help="one policy's overrides, question by question")
    args = parser.parse_args()
    collect(args) if args.cmd == "collect" else table(args)


if __name__ == "__main__":
    main()
