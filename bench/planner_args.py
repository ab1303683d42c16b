"""KPIs read by meaning (bot/agent/arg_match.py): writes its phrasing file from the tuning
banks, tunes its threshold, and says what it changes on every tuning bank.

    .venv/bin/python bench/planner_args.py --write    # write bot/agent/metric_phrasings.yaml
    .venv/bin/python bench/planner_args.py --check    # exit 1 when that file is out of date
    .venv/bin/python bench/planner_args.py            # each bank with and without it, leave-one-out
    .venv/bin/python bench/planner_args.py --sweep    # the threshold grid, leave-one-out
    .venv/bin/python bench/planner_args.py --by-bank  # a bank's own phrasings left out while it is scored

Phrasings: every question of a tuning bank whose expected tool takes a KPI (`kpis`, `compare`,
`trend`, `movers`) and names exactly one, not a follow-up, gives its measure words
(arg_match.measure_words) to that KPI. A question expecting no KPI gives none: the banks leave
out a KPI said in a trade's words ("bookings"), so "no KPI expected" is not "no KPI meant".
tests/questions_blind5.yaml is tuning data since phase H, tests/questions_blind6.yaml since phase I,
tests/questions_blind7.yaml and tests/questions_blind8.yaml (scored once, 80.9%) since phase J,
tests/questions_blind9.yaml (scored once, 84.7%) since phase L, tests/questions_blind10.yaml (scored
once, 82.6%) and tests/questions_blind11.yaml (scored once, 86.8%) since phase M,
tests/questions_blind12.yaml (scored once, 81.9%) since phase N, tests/questions_blind13.yaml
(scored once, 86.8%) since phase O, tests/questions_blind14.yaml (scored once, 80.4%) since phase P;
tests/questions_blind15.yaml (scored once, 83.6%) since phase Q, tests/questions_blind16.yaml (scored
once, 84.3%) since phase R, tests/questions_blind17.yaml (scored once, 83.4%) since phase S,
tests/questions_blind18.yaml (scored once, 87.9%) since phase T,
tests/questions_blind19.yaml (scored once, 89.4%) since phase U,
tests/questions_blind20.yaml (scored once, 87.3%) since phase V,
tests/questions_blind21.yaml (scored once, 89.7%) since phase W,
tests/questions_blind22.yaml (scored once, 88.2%) since phase X,
tests/questions_blind23.yaml (scored once, 88.0%) since phase Y,
tests/questions_blind24.yaml (scored once, 93.0%) since phase Z,
tests/questions_blind25.yaml (scored once, 92.5%) since phase AA,
tests/questions_blind26.yaml (scored once, 90.2% rules only, 91.3% with the fallback) since phase AB,
tests/questions_blind27.yaml (scored once, 90.5% rules only, 90.7% with the fallback) since phase AC,
tests/questions_blind28.yaml (scored once, 88.7% rules only, 89.3% with the fallback) since phase AD,
tests/questions_blind29.yaml (scored once, 93.4% rules only, 93.7% with the fallback) since phase AE; the probes and
tests/questions_blind30.yaml (the next held-back judge) are never read.

Scoring is the question banks' own matching (tests/bot/agent/test_planner_bank.py), asked in
order against the small sample with the nearest-phrasing fallback on, as in the product. With
leave-one-out a question never meets a phrasing only it gave; `--by-bank` is stricter: the
bank being scored gave no phrasing at all (the fair figure for a bank never seen). "changed"
counts questions whose plan differs with the reading; "added where none expected" are KPIs
read into a question whose bank item names none (the main risk: listed in full).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "bot" / "agent"))

SOURCES = ("questions.yaml", "questions_paraphrases.yaml", "questions_heldout.yaml", "questions_fresh.yaml",
           "questions_blind2.yaml", "questions_blind3.yaml", "questions_blind4.yaml", "questions_blind5.yaml",
           "questions_blind6.yaml", "questions_blind7.yaml",
           "questions_blind8.yaml", "questions_blind9.yaml", "questions_blind10.yaml", "questions_blind11.yaml",
           "questions_blind12.yaml", "questions_blind13.yaml", "questions_blind14.yaml", "questions_blind15.yaml",
           "questions_blind16.yaml", "questions_blind17.yaml", "questions_blind18.yaml",
           "questions_blind19.yaml", "questions_blind20.yaml", "questions_blind21.yaml",
           "questions_blind22.yaml", "questions_blind23.yaml",
           "questions_blind24.yaml", "questions_blind25.yaml", "questions_blind26.yaml",
           "questions_blind27.yaml", "questions_blind28.yaml", "questions_blind29.yaml")
# The held-back judge is never anyone's data (by name, whatever the list above says)
assert not [s for s in SOURCES if "blind30" in s], "tests/questions_blind30.yaml is the held-back judge"
TARGET = ROOT / "bot" / "agent" / "metric_phrasings.yaml"
HEADER = """\
# Owners' words for each KPI, for reading a KPI by meaning when the planner's rules found none
# (bot/agent/arg_match.py): the measure words left in each tuning-bank question labelled with
# one KPI. GENERATED by bench/planner_args.py from {sources};
# do not edit by hand, edit a bank and run the script.
"""


def planner(fallback: bool = True):
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    env = {} if fallback else {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


def load(name: str) -> list[dict]:
    import yaml

    assert "probe" not in name, "a probe is never read here"
    return yaml.safe_load((ROOT / "tests" / name).read_text())


def expected_metric(item: dict) -> list[str]:
    args = item.get("args") or {}
    return list(args.get("metrics") or ([args["metric"]] if args.get("metric") else []))


def labelled(p, banks=SOURCES) -> list[tuple[str, str, str, str]]:
    """(bank, question, label, measure words) of every phrasing-giving question."""
    from bot.agent.arg_match import METRIC_TOOLS, measure_words

    out = []
    for bank in banks:
        assert "blind30" not in bank, "the held-back judge is never read here"
        for item in load(bank):
            if item.get("follow_up") or item["tool"] not in METRIC_TOOLS:
                continue
            metrics = expected_metric(item)
            if len(metrics) != 1:  # a question naming no KPI may still use a trade's word for one
                continue
            words = measure_words(p.read(item["q"]), p._as_of())
            if words:
                out.append((bank, item["q"], metrics[0], words))
    return out


def groups(rows) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _, _, label, words in rows:
        if words not in out.setdefault(label, []):
            out[label].append(words)
    return dict(sorted(out.items()))


def render(g: dict[str, list[str]]) -> str:
    import yaml

    body = yaml.safe_dump(g, sort_keys=True, allow_unicode=True, width=1000, default_flow_style=False)
    return HEADER.format(sources=", ".join(f"tests/{s}" for s in SOURCES)) + body


def score(p, bank: str, matcher, leave_one_out: dict[str, set[str]] | None, on: bool) -> dict:
    """The bank asked in order: misses and each question's plan, with the reading on or off."""
    from test_planner_bank import _args_match

    import bot.agent.arg_match as am

    saved = am.read_metric
    if not on:  # the rules' reading alone: the hook returns at once, as before it existed
        am.read_metric = lambda planner, spec, slots: ()
    am._SHARED.clear()
    if matcher is not None:  # the planner's hook finds this matcher, not the file's
        from bot.agent.similar import exemplars_for

        am._SHARED[am.shared_key(exemplars_for(p.ctx))] = matcher
    plans, seconds = [], 0.0
    calls: list[float] = []  # seconds of each reading by meaning (the encoder's one embed)
    if matcher is not None and on:
        real_match = matcher.match

        def timed(words):
            started = time.perf_counter()
            try:
                return real_match(words)
            finally:
                calls.append(time.perf_counter() - started)
        matcher.match = timed
    run = f"{bank}-{'on' if on else 'off'}"  # each run its own conversations
    key = f"{run}-0"
    try:
        for i, item in enumerate(load(bank)):
            key = key if item.get("follow_up") else f"{run}-{i}"
            if matcher is not None:
                matcher.leave_out = (leave_one_out or {}).get(item["q"], set())
            started = time.perf_counter()
            plan = p.plan(item["q"], key)
            seconds += time.perf_counter() - started
            got = plan.spec.name if plan.spec else None
            ok = got == item["tool"] and _args_match(item.get("args", {}) if item["tool"] else {}, plan)
            plans.append((item, got, dict(plan.args), ok, plan.notes))
            p.remember(key, plan)
    finally:
        am.read_metric = saved
        if matcher is not None:
            matcher.__dict__.pop("match", None)
    return {"plans": plans, "seconds": seconds, "calls": calls}


def compare_bank(p, bank: str, matcher, loo) -> dict:
    off = score(p, bank, matcher, loo, on=False)
    on = score(p, bank, matcher, loo, on=True)
    changed = fixed = broken = 0
    added: list[str] = []
    for (item, _, a_off, ok_off, _), (_, _, a_on, ok_on, notes) in zip(off["plans"], on["plans"], strict=True):
        if a_off == a_on:
            continue
        changed += 1
        fixed += ok_on and not ok_off
        broken += ok_off and not ok_on
        if not expected_metric(item) and item["tool"] is not None:
            added.append(f"{item['q']!r} -> {a_on.get('metrics') or a_on.get('metric')} ({'; '.join(notes)})")
        elif ok_on != ok_off or not ok_on:
            print(f"  {bank}: {item['q']!r}: expected {expected_metric(item)}, "
                  f"read {a_on.get('metrics') or a_on.get('metric')} ({'right' if ok_on else 'still a miss'})")
    n = len(off["plans"])
    right_off = sum(r[3] for r in off["plans"])
    right_on = sum(r[3] for r in on["plans"])
    for line in added:
        print(f"  {bank}: added where none expected: {line}")
    assert matcher is None or len(on["calls"]) >= changed, "the planner did not use the bench's matcher"
    return {"bank": bank.removeprefix("questions_").removesuffix(".yaml").replace("questions", "main"),
            "questions": n, "without": f"{right_off / n:.1%}", "with": f"{right_on / n:.1%}",
            "changed": changed, "fixed": fixed, "broken": broken, "added where none expected": len(added),
            "ms/question off": round(1000 * off["seconds"] / n, 1), "ms/question on": round(1000 * on["seconds"] / n, 1),
            "readings": len(on["calls"]),
            "ms/reading": round(1000 * sum(on["calls"]) / len(on["calls"]), 1) if on["calls"] else "-"}


def loo_sets(rows) -> dict[str, set[str]]:
    """Each question's own phrasing, when no other question gave the same words."""
    counts = Counter((label, words) for _, _, label, words in rows)
    return {q: {words} for _, q, label, words in rows if counts[(label, words)] == 1}


def sweep(p, rows, matcher) -> None:
    """Every eligible question's match once, then the threshold grid on them (leave-one-out)."""
    from bot.agent.arg_match import METRIC_TOOLS, measure_words

    none = "(none)"

    loo = loo_sets(rows)
    cases = []  # (expected metric or None, match)
    for bank in SOURCES:
        key = f"{bank}-0"
        for i, item in enumerate(load(bank)):
            key = key if item.get("follow_up") else f"{bank}-{i}"
            plan = p._choose(item["q"], key)  # the rules' choice, no reading by meaning
            p.remember(key, plan)
            if plan.spec is None or plan.spec.name not in METRIC_TOOLS or plan.slots.metrics:
                continue
            matcher.leave_out = loo.get(item["q"], set())
            found = matcher.match(measure_words(plan.slots, p._as_of()))
            if found is not None:
                exp = expected_metric(item)
                cases.append((exp[0] if len(exp) == 1 else (none if not exp else "several"), found, item["q"]))
    print(f"{len(cases)} questions reach the reading (tool takes a KPI, rules found none, words left)")
    for exp, f, q in cases:
        print(f"  {exp:22s} best {f.metric:22s} {f.similarity:.2f} | {f.words!r} | {q}")
    # Recall on the words the rules do know: every labelled question, its own phrasing left out.
    known = []
    for _, q, label, words in rows:
        matcher.leave_out = loo.get(q, set())
        known.append((label, matcher.match(words)))
    matcher.leave_out = set()
    top1 = sum(1 for e, f in known if f is not None and f.metric == e)
    print(f"labelled questions' own words, leave-one-out: best KPI right for {top1}/{len(known)}")
    print("| threshold | reached: right KPI | reached: wrong KPI | reached: KPI added where none expected "
          "| labelled: accepted and right | labelled: accepted and wrong |")
    print("| --- | --- | --- | --- | --- | --- |")
    for t in (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        acc = [(e, f) for e, f, _ in cases if matcher.accept(f, t)]
        right = sum(1 for e, f in acc if e == f.metric)
        added = sum(1 for e, _ in acc if e == none)
        k_acc = [(e, f) for e, f in known if matcher.accept(f, t)]
        k_right = sum(1 for e, f in k_acc if e == f.metric)
        print(f"| {t:.2f} | {right} | {len(acc) - right - added} | {added} | {k_right} | {len(k_acc) - k_right} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write bot/agent/metric_phrasings.yaml")
    parser.add_argument("--check", action="store_true", help="exit 1 when the phrasing file is out of date")
    parser.add_argument("--sweep", action="store_true", help="the threshold grid, leave-one-out")
    parser.add_argument("--by-bank", action="store_true", help="a bank's own phrasings left out while it is scored")
    args = parser.parse_args()
    from bench.common import table
    from bot.agent.arg_match import MetricPhrasings, hand_phrasings
    from bot.agent.similar import exemplars_for

    p = planner()
    rows = labelled(p)
    if args.write or args.check:
        text = render(groups(rows))
        if args.check:
            fresh = TARGET.exists() and TARGET.read_text() == text
            print(f"{TARGET.relative_to(ROOT)} is {'up to date' if fresh else 'OUT OF DATE: run with --write'}")
            raise SystemExit(0 if fresh else 1)
        TARGET.write_text(text)
        print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} phrasings, {len(groups(rows))} labels")
        return
    bank = exemplars_for(p.ctx)
    if bank is None:
        raise SystemExit("the offline MiniLM model is not installed: nothing to measure")

    def matcher_from(rs, cache: bool = True):
        g = {k: list(v) for k, v in hand_phrasings().items()}
        for label, texts in groups(rs).items():
            g.setdefault(label, []).extend(t for t in texts if t not in g.get(label, []))
        # a bench variant is not kept: it would replace the product's cached vectors
        matcher = MetricPhrasings(g, bank.embedder, bank.cache_dir if cache else None)
        matcher.vectors()
        bank.embedder.embed(["warm up"])  # the model loaded before anything is timed
        return matcher

    if args.sweep:
        sweep(p, rows, matcher_from(rows))
        return
    out = []
    for name in SOURCES:
        if args.by_bank:
            out.append(compare_bank(p, name, matcher_from([r for r in rows if r[0] != name], cache=False), None))
        else:
            out.append(compare_bank(p, name, matcher_from(rows), loo_sets(rows)))
    print("phrasings: " + ("the scored bank's own left out" if args.by_bank else "leave-one-out"))
    print(table(out, list(out[0])))


if __name__ == "__main__":
    main()
