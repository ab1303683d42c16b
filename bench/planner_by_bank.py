"""The nearest-phrasing fallback (bot/agent/similar.py) judged as the held-back judge will meet
it: each blind bank scored with the phrasings of every source except itself (leave-bank-out).

    .venv/bin/python bench/planner_by_bank.py            # the table: rules only, leave-bank-out, delta
    .venv/bin/python bench/planner_by_bank.py --full     # and the score with the whole phrasing file
    .venv/bin/python bench/planner_by_bank.py --misses   # and each bank's misses under leave-bank-out
    .venv/bin/python bench/planner_by_bank.py --sweep    # policies (K, THRESHOLD, second opinion), leave-bank-out
    .venv/bin/python bench/planner_by_bank.py --agreement  # tool level: the neighbours against the rules' tool
    .venv/bin/python bench/planner_by_bank.py --at-k 9   # the table with another K (or --at-threshold)
    # a bank at its first score (the rules never tuned on it, never a phrasing source): from the
    # checkout it was scored on, e.g. blind10 at 85a3b34 (docs/BENCHMARKS.md has the steps)
    cd /tmp/snap && .venv/bin/python bench/planner_by_bank.py --snapshot --banks blind10 --sweep

`bench/planner.py --loo` leaves out only the asked question: its near-twins of the same bank
(an author writes a question three ways) still vote, so it flatters the fallback. Here, while
bank b is scored, every phrasing only b gave is out of the fallback's exemplars (the label of a
phrasing another source also gave is that source's), and so are the KPI measure words only b
gave (bot/agent/arg_match.py, read by meaning with the same model). The rules are unchanged:
they were tuned on these banks, so "rules only" is the tuned figure, and the delta is what the
fallback adds on questions no phrasing of their own bank helps with, the judge's situation.

The exemplar vectors are embedded once (the product's cache) and masked per bank; each question
is embedded once per process. `--sweep` asks each bank once with the product policy, then asks
again only the conversations a policy can change (a question that reached the fallback, or for
the second opinion a weak reading by the rules), so a policy costs seconds, not minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "bot" / "agent"))

from bench.common import table  # noqa: E402
from bench.planner import BANKS  # noqa: E402
from bot.agent.similar import THRESHOLD, K  # noqa: E402  (the product's policy)

BLIND = tuple(f"blind{n}" for n in range(2, 30))
SNAPSHOT_VECTORS = Path("/tmp/journeybot-by-bank-vectors") / ROOT.name  # --snapshot: an older file's vectors, apart
assert "blind30" not in BLIND, "tests/questions_blind30.yaml is the next held-back judge"


class _Memo:
    """The embedder, each text embedded once per process (the banks are asked many times)."""

    def __init__(self, inner: Any):
        self.inner, self.seen = inner, {}
        self.identity, self.dim = inner.identity, inner.dim

    def embed(self, texts: list[str]) -> Any:
        import numpy as np

        new = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if new:
            self.seen.update(zip(new, self.inner.embed(new), strict=True))
        return np.stack([self.seen[t] for t in texts])


@dataclass(frozen=True)
class Mask:
    keep: Any  # exemplar rows another source gave
    tools: Any  # their labels as the other sources give them
    kpi_out: frozenset[str]  # KPI measure words only this bank gave


def masks(planner: Any, bank: Any) -> dict[str, Mask]:
    """Per blind bank, the exemplars and KPI phrasings of every other source."""
    import numpy as np

    from bench import planner_args
    from bench.planner_exemplars import SOURCES, exemplars
    from bot.agent.arg_match import hand_phrasings

    rows = planner_args.labelled(planner)
    hand = {t for ts in hand_phrasings().values() for t in ts}
    out = {}
    for b in BLIND:
        file = BANKS[b].name
        others = exemplars(sources=tuple(s for s in SOURCES if s != file))
        label = {q.lower(): tool for tool, qs in others.items() for q in qs}
        keep = np.array([t.lower() in label for t in bank.texts])
        tools = np.array([label.get(t.lower(), str(own)) for t, own in zip(bank.texts, bank.tools, strict=True)])
        mine = {w for src, _, _, w in rows if src == file}
        theirs = {w for src, _, _, w in rows if src != file} | hand
        out[b] = Mask(keep, tools, frozenset(mine - theirs))
    return out


@dataclass(frozen=True)
class Policy:
    """How the fallback decides; the product's is Policy()."""

    k: int = K
    threshold: float = THRESHOLD
    second: float | None = None  # second opinion on a weak rules reading: least cosine of the winner
    votes: int = 4  # ... and least number of the k neighbours that are the winner's
    weak: str = "guessed"  # which rules readings are weak: "guessed", "close", "either" or "any" (every one)
    ungated: float | None = None  # a question the about-the-business check turns away, voted on at this bar

    def name(self) -> str:
        s = f"k={self.k} t={self.threshold:.2f}"
        s += f" second>={self.second:.2f} votes>={self.votes} ({self.weak})" if self.second is not None else ""
        return s + (f" ungated>={self.ungated:.2f}" if self.ungated is not None else "")


class Judge:
    """Asks banks through the real planner under a policy and a bank's mask."""

    def __init__(self, fallback: bool = True, banks: tuple[str, ...] = BLIND, snapshot: bool = False):
        import yaml
        from sample_cache import bank_store

        from bot.agent import arg_match, similar
        from bot.agent.catalog import all_tools
        from bot.agent.planner import OfflinePlanner
        from bot.agent.tools import ToolContext
        from bot.config import load_config

        env = {} if fallback else {similar.SETTING: "off"}
        self.planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())
        self.banks = {b: yaml.safe_load(BANKS[b].read_text()) for b in banks}
        self.similar, self.fallback = similar, fallback
        self.ex = similar.exemplars_for(self.planner.ctx) if fallback else None
        if self.ex is not None:
            self.kpi = arg_match.phrasings_for(self.planner.ctx)
            if snapshot:  # an older phrasing file: its vectors kept apart, never replacing the product's
                self.ex.cache_dir = self.kpi.cache_dir = SNAPSHOT_VECTORS
            self.ex.vectors()
            self.ex.embedder = _Memo(self.ex.embedder)  # after the vectors: their cache file is the product's
            self.kpi.vectors()
            self.kpi.embedder = self.ex.embedder
            self.full_tools = self.ex.tools.copy()
            # At a bank's first score it was no source yet: nothing of it to leave out.
            self.masks = {} if snapshot else masks(self.planner, self.ex)
        self.allowed = {t.name for t in self.planner.tools if not t.changes_state and not t.edits and t.plan is not None}
        self.touched: set[int] = set()
        self.picked: set[int] = set()
        self._item = -1  # the bank item being asked
        self.got: dict[tuple[str, int], tuple[str | None, dict, bool]] = {}  # the last plan of each item
        self._orig_choose = type(self.planner)._choose
        self.policy = Policy()
        from bot.agent import planner as planner_module

        def nearest(planner: Any, slots: Any, *a: Any) -> Any:  # every question that reaches the fallback
            self.touched.add(self._item)
            near = similar.nearest(planner, slots, *a)
            bar = self.policy.ungated
            if near is None and bar is not None and not planner._about_the_business(slots):
                planner._about_the_business = lambda _: True  # the check lifted for this one vote
                try:
                    near = similar.nearest(planner, slots, *a)
                finally:
                    del planner._about_the_business
                near = near if near is not None and near["score"] >= bar else None
            return near

        planner_module.nearest = nearest

    def use(self, policy: Policy, bank: str | None) -> None:
        """`bank`: its own phrasings out (None: the whole file)."""
        self.policy = policy
        self.similar.K, self.similar.THRESHOLD = policy.k, policy.threshold
        defaults = self.similar.Exemplars.vote.__kwdefaults__
        if isinstance(defaults.get("k"), int):  # older code bound K when it was defined
            defaults["k"] = policy.k
        if self.ex is None:
            return
        m = self.masks.get(bank) if bank else None
        self.ex.keep = None if m is None else m.keep
        self.ex.tools = self.full_tools if m is None else m.tools
        self.kpi.leave_out = set() if m is None else set(m.kpi_out)

    def _choose(self, question: str, key: str) -> Any:
        """The planner's choice, with the second opinion when the policy has one."""
        plan = self._orig_choose(self.planner, question, key)
        p = self.policy
        if plan.spec is not None and not plan.follow_up and not plan.notes and plan.spec.name in self.allowed:
            self.picked.add(self._item)  # a rules reading an "any" second opinion may change
        if p.second is None or plan.spec is None or plan.follow_up or plan.notes or self.ex is None \
                or plan.spec.name not in self.allowed or not weak(plan, p.weak):
            return plan
        self.touched.add(self._item)
        over = second_opinion(self, plan, p)
        return plan if over is None else over

    def ask(self, bank: str, only: set[int] | None = None, before: list[bool] | None = None) -> list[bool]:
        """Each item right or not; `only`: ask just the conversations holding these items (the
        others keep `before`)."""
        from test_planner_bank import _args_match

        items = self.banks[bank]
        heads, head = [], 0
        for i, item in enumerate(items):
            head = head if item.get("follow_up") else i
            heads.append(head)
        ask = None if only is None else {h for i, h in enumerate(heads) if i in only}
        right = list(before) if before is not None else [False] * len(items)
        self.planner._choose = self._choose  # the instance's, so plan() goes through the policy
        try:
            for i, item in enumerate(items):
                if ask is not None and heads[i] not in ask:
                    continue
                key = f"{bank}-{heads[i]}"
                if heads[i] == i:
                    self.planner.reset(key)
                self._item = i
                plan = self.planner.plan(item["q"], key)
                got = plan.spec.name if plan.spec else None
                expected = item.get("args", {}) if item["tool"] is not None else {}
                right[i] = got == item["tool"] and _args_match(expected, plan)
                self.got[(bank, i)] = (got, plan.args, bool(plan.notes))
                self.planner.remember(key, plan)
        finally:
            del self.planner._choose
        return right


def weak(plan: Any, kind: str) -> bool:
    """A rules reading said as uncertain (bot/agent/reading.py's reasons: a guess, or a close runner-up)."""
    from bot.agent.reading import CLEAR_MARGIN, MIN_PLAUSIBLE, WEAK

    c = plan.candidates
    if not c:
        return False
    guessed = c[0].score < WEAK and not c[0].cues and not (plan.slots.metrics or plan.slots.stages)
    close = len(c) > 1 and c[1].score >= MIN_PLAUSIBLE and c[0].score - c[1].score < CLEAR_MARGIN
    return {"guessed": guessed, "close": close, "either": guessed or close, "any": True}[kind]


def second_opinion(judge: Judge, plan: Any, p: Policy) -> Any:
    """Another read-only tool when the neighbours agree on it strongly, else None."""
    import numpy as np

    try:
        from bot.agent.plan import Plan
    except ImportError:  # older code (--snapshot)
        from bot.agent.planner import Plan
    from bot.agent.reading import _DESTRUCTIVE

    if _DESTRUCTIVE.search(plan.slots.norm):
        return None
    ex = judge.ex
    q = ex.embedder.embed([plan.slots.text or plan.slots.norm])[0]
    sims = ex.vectors() @ q
    usable = (np.ones(len(sims), bool) if ex.keep is None else ex.keep) & np.isin(ex.tools, sorted(judge.allowed))
    sims = np.where(usable, sims, -np.inf)
    top = np.argsort(-sims)[:p.k]
    tools = [str(ex.tools[i]) for i in top]
    winner = max(set(tools), key=lambda t: (tools.count(t), max(sims[i] for i in top if ex.tools[i] == t)))
    best = max(float(sims[i]) for i in top if ex.tools[i] == winner)
    if winner == plan.spec.name or tools.count(winner) < p.votes or best < p.second:
        return None
    return Plan(judge.planner.by_name[winner], {}, plan.slots, best, plan.candidates,
                notes=(f"resembles {winner} questions",))


def run_agreement(args: argparse.Namespace) -> None:
    """Tool level only: where the rules picked a read-only tool, how often do the k neighbours
    agree on another, and who is right then (what any override policy could win or lose)."""
    import numpy as np

    judge = Judge(banks=args.banks, snapshot=args.snapshot)
    cases = []  # (bank, weak kind, rules tool, expected, neighbours' tool, its closest cosine, its votes)
    for b in args.banks:
        judge.use(Policy(), b)
        ex = judge.ex
        usable = (np.ones(len(ex.texts), bool) if ex.keep is None else ex.keep) & np.isin(ex.tools, sorted(judge.allowed))
        for i, item in enumerate(judge.banks[b]):
            if item.get("follow_up"):
                continue
            plan = judge._orig_choose(judge.planner, item["q"], f"agree-{b}-{i}")
            if plan.spec is None or plan.notes or plan.spec.name not in judge.allowed:
                continue
            sims = np.where(usable, ex.vectors() @ ex.embedder.embed([plan.slots.text or plan.slots.norm])[0], -np.inf)
            top = np.argsort(-sims)[:args.agree_k]
            tools = [str(ex.tools[j]) for j in top]
            win = max(set(tools), key=lambda t: (tools.count(t), max(sims[j] for j in top if ex.tools[j] == t)))
            best = max(float(sims[j]) for j in top if ex.tools[j] == win)
            kind = "guessed" if weak(plan, "guessed") else "close" if weak(plan, "close") else "firm"
            cases.append((b, kind, plan.spec.name, item["tool"], win, best, tools.count(win)))
            if win != plan.spec.name and tools.count(win) == args.agree_k and best >= 0.6:
                cued = bool(plan.candidates and plan.candidates[0].cues)
                print(f"  unanimous {b} {kind}{' cued' if cued else ''}: rules {plan.spec.name}, neighbours {win} "
                      f"{best:.2f}, expected {item['tool']}: {item['q']!r}")
    print(f"{len(cases)} questions the rules gave a read-only tool; rules' tool right for "
          f"{sum(c[2] == c[3] for c in cases)}; neighbours' right for {sum(c[4] == c[3] for c in cases)}")
    rows = []
    for kind in ("guessed", "close", "firm", "any"):
        for bar in (0.6, 0.7, 0.8, 0.9):
            for votes in range(3, args.agree_k + 1):
                sel = [c for c in cases if (kind == "any" or c[1] == kind) and c[4] != c[2] and c[5] >= bar and c[6] >= votes]
                gains = sum(1 for c in sel if c[4] == c[3])
                losses = sum(1 for c in sel if c[2] == c[3])
                rows.append({"rules reading": kind, "cosine": bar, "votes": votes, "overrides": len(sel),
                             "gains": gains, "losses": losses, "net": gains - losses})
    print(table([r for r in rows if r["overrides"]], ["rules reading", "cosine", "votes", "overrides", "gains",
                                                       "losses", "net"]))


def run_table(args: argparse.Namespace) -> None:
    rows, total = [], {"rules": 0, "lbo": 0, "full": 0, "n": 0}
    started = time.perf_counter()
    fair = "fallback, first score" if args.snapshot else "fallback, leave-bank-out"
    off = Judge(fallback=False, banks=args.banks, snapshot=args.snapshot)
    rules = {b: off.ask(b) for b in args.banks}
    del off
    on = Judge(banks=args.banks, snapshot=args.snapshot)
    print(f"{len(on.ex.texts)} exemplars; per bank left out: "
          + ", ".join(f"{b} {int((~m.keep).sum())}+{len(m.kpi_out)} KPI" for b, m in on.masks.items()))
    for b in args.banks:
        on.use(Policy(args.at_k, args.at_threshold), b)
        t = time.perf_counter()
        lbo = on.ask(b)
        secs = time.perf_counter() - t
        row = {"bank": b, "questions": len(lbo), "rules only": sum(rules[b]), fair: sum(lbo),
               "delta": sum(lbo) - sum(rules[b])}
        if args.full:
            on.use(Policy(args.at_k, args.at_threshold), None)
            row["whole file"] = sum(on.ask(b))
            total["full"] += row["whole file"]
        row["seconds"] = round(secs, 1)
        rows.append(row)
        total["rules"] += row["rules only"]
        total["lbo"] += row[fair]
        total["n"] += len(lbo)
        if args.misses:
            for i, (item, was, now) in enumerate(zip(on.banks[b], rules[b], lbo, strict=True)):
                if not now:
                    got, got_args, near = on.got[(b, i)]
                    print(f"  {b} miss{' (rules right)' if was else ''}: {item['q']!r} expected {item['tool']} "
                          f"{item.get('args', {})}, got {got}{' (by resemblance)' if near else ''} {got_args}")
    rows.append({"bank": "sum", "questions": total["n"], "rules only": total["rules"], fair: total["lbo"],
                 "delta": total["lbo"] - total["rules"], **({"whole file": total["full"]} if args.full else {}),
                 "seconds": round(sum(r["seconds"] for r in rows), 1)})
    print(table(rows, list(rows[0])))
    print(f"{time.perf_counter() - started:.0f} s in all")


def run_sweep(args: argparse.Namespace) -> None:
    judge = Judge(banks=args.banks, snapshot=args.snapshot)
    banks = args.banks
    base, touched, picked = {}, {}, {}
    for b in banks:
        judge.use(Policy(second=1.01, weak="either"), b)  # nothing overridden; every weak reading marked
        judge.touched, judge.picked = set(), set()
        base[b] = judge.ask(b)
        touched[b], picked[b] = set(judge.touched), judge.picked | judge.touched
    print("product policy: " + ", ".join(f"{b} {sum(base[b])}" for b in banks)
          + f"; sum {sum(map(sum, base.values()))}; conversations to ask again: {sum(map(len, touched.values()))}")
    policies = [Policy(k, t) for k in args.k for t in args.threshold]
    policies += [Policy(args.second_k, THRESHOLD, s, v, w) for w in args.weak for s in args.second for v in args.votes]
    policies += [Policy(ungated=u) for u in args.ungated]
    rows = []
    for p in policies:
        t0 = time.perf_counter()
        per = {}
        for b in banks:
            judge.use(p, b)
            per[b] = sum(judge.ask(b, only=(picked if p.weak == "any" else touched)[b], before=base[b]))
        deltas = {b: per[b] - sum(base[b]) for b in banks}
        rows.append({"policy": p.name(), **{b: f"{per[b]} ({deltas[b]:+d})" for b in banks},
                     "sum": sum(per.values()), "delta": sum(deltas.values()), "worst": min(deltas.values()),
                     "seconds": round(time.perf_counter() - t0, 1)})
        print(rows[-1], flush=True)
    print(table(rows, list(rows[0])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also score each bank with the whole phrasing file")
    parser.add_argument("--at-k", type=int, default=K, help=f"the table's K (the product's: {K})")
    parser.add_argument("--at-threshold", type=float, default=THRESHOLD,
                        help=f"the table's THRESHOLD (the product's: {THRESHOLD})")
    parser.add_argument("--misses", action="store_true", help="print each bank's misses under leave-bank-out")
    parser.add_argument("--sweep", action="store_true", help="policies, leave-bank-out")
    parser.add_argument("--agreement", action="store_true", help="tool level: neighbours against the rules' tool")
    parser.add_argument("--agree-k", type=int, default=5)
    parser.add_argument("--banks", nargs="+", default=list(BLIND), help="the blind banks to score")
    parser.add_argument("--snapshot", action="store_true",
                        help="run from an older checkout where the banks were no phrasing source (their first score)")
    parser.add_argument("--k", type=int, nargs="*", default=[3, 5, 7, 9])
    parser.add_argument("--threshold", type=float, nargs="*", default=[0.45, 0.5, 0.55, 0.6, 0.65])
    parser.add_argument("--second", type=float, nargs="*", default=[0.6, 0.7, 0.8])
    parser.add_argument("--ungated", type=float, nargs="*", default=[0.65, 0.7, 0.75, 0.8])
    parser.add_argument("--weak", nargs="*", default=["guessed", "close", "either"],
                        help="rules readings a second opinion may change: guessed, close, either, any")
    parser.add_argument("--second-k", type=int, default=5, help="neighbours of the second opinion")
    parser.add_argument("--votes", type=int, nargs="*", default=[3, 4, 5])
    args = parser.parse_args()
    run_sweep(args) if args.sweep else run_agreement(args) if args.agreement else run_table(args)


if __name__ == "__main__":
    main()
