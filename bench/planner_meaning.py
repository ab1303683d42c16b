"""Groups, touchpoints and customer groups read by meaning (bot/agent/meaning_args.py): the probe
bench/meaning_probe.yaml scored on the two stores it is written for, with and without the readers.

    .venv/bin/python bench/planner_meaning.py            # the probe, readers on and off, every miss
    .venv/bin/python bench/planner_meaning.py --sweep    # the probe at other thresholds
    .venv/bin/python bench/planner_meaning.py --banks    # the tuning banks: readings made, seconds
    .venv/bin/python bench/planner_meaning.py --cost     # milliseconds per question, readers off and on

"sample" is the small sample the question banks use; "vendor" is the REES46 event log (real,
../shared/data/external/rees46_events_sample; left out with a note when absent) with the
Mailchimp activity and Shopify customer and order exports of tests/fixtures/vendors: touchpoints
and segments that are not the sample's. Matching is the banks' (tests/bot/agent/test_planner_bank.py)
plus `absent`: arguments a plan must not carry. Seconds are planning only, the whole probe.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "bot" / "agent"))

PROBE = ROOT / "bench" / "meaning_probe.yaml"
# ../shared, or JOURNEYBOT_SHARED_DIR (a worktree one level deeper finds it two levels up)
SHARED = Path(os.environ.get("JOURNEYBOT_SHARED_DIR") or next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()), ROOT.parent / "shared"))


def vendor_store():
    """Vendor-shaped exports and a real event log in one store (none of the sample's names)."""
    from tools.data.ingest import ingest_recipe
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export

    store = JourneyStore(None, timezone="Europe/Berlin")
    fixtures = ROOT / "tests" / "fixtures" / "vendors"
    for export in ("shopify/customers_export.csv", "shopify/orders_export.csv", "mailchimp/email_activity.csv"):
        ingest_export(store, fixtures / export)
    raw = SHARED / "data" / "external" / "rees46_events_sample"
    if raw.exists():
        ingest_recipe(store, ROOT / "examples" / "rees46" / "recipe.toml", data_dir=raw)
    else:
        print(f"note: {raw} is absent, the vendor store has no REES46 events")
    return store


def planner(store, readers: bool):
    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    env = {} if readers else {"JOURNEYBOT_MEANING_ARGS": "off"}
    return OfflinePlanner(ToolContext(store=store, config=load_config(env=env)), all_tools())


def score(planners: dict, items: list[dict]) -> tuple[int, list[str], float]:
    from test_planner_bank import _args_match

    from bot.agent.meaning_args import notes as meaning_notes

    wrong, seconds = [], 0.0
    for i, item in enumerate(items):
        p = planners[item["store"]]
        started = time.perf_counter()
        plan = p.plan(item["q"], f"probe-{i}")
        seconds += time.perf_counter() - started
        got = plan.spec.name if plan.spec else None
        said = [*plan.notes, *meaning_notes(plan.slots, plan.args)]
        extra = [k for k in item.get("absent", []) if plan.args.get(k) not in (None, [], {})]
        if got != item["tool"] or not _args_match(item.get("args", {}), plan) or extra:
            wrong.append(f"{item['q']!r}: expected {item['tool']} {item.get('args', {})}"
                         f"{' without ' + ', '.join(extra) if extra else ''}, got {got} {plan.args}"
                         f"{' | ' + '; '.join(said) if said else ''}")
    return len(items) - len(wrong), wrong, seconds


BANKS = ("questions.yaml", "questions_paraphrases.yaml", "questions_heldout.yaml", "questions_fresh.yaml",
         "questions_blind2.yaml", "questions_blind3.yaml", "questions_blind4.yaml", "questions_blind5.yaml")


def banks() -> None:
    """Each tuning bank with the readers off and on, alternately, in one process (the same load
    on the machine): questions, right answers, readings by meaning made and how many of those
    were on questions answered right, planning seconds (the better of two rounds)."""
    import yaml
    from sample_cache import bank_store
    from test_planner_bank import _misses

    from bot.agent import meaning_args
    from bot.agent.meaning_args import notes as meaning_notes

    reached: list[str] = []  # questions whose words went to the encoder (targets_for is asked once each)
    real = meaning_args.targets_for
    meaning_args.targets_for = lambda p, known: (reached.append("x"), real(p, known))[1]
    store = bank_store()
    planners = {on: planner(store, on) for on in (False, True)}
    for p in planners.values():
        p.plan("revenue by locality")
    rows = []
    for name in BANKS:
        bank = yaml.safe_load((ROOT / "tests" / name).read_text())
        seconds: dict[bool, float] = {False: 1e9, True: 1e9}
        wrong: dict[bool, set[str]] = {}
        for round_ in range(2):
            for on, p in planners.items():
                started = time.perf_counter()
                wrong[on] = {line.split(": expected ")[0] for line in _misses(p, bank, f"{name}-{on}-{round_}")}
                seconds[on] = min(seconds[on], time.perf_counter() - started)
        read = []
        reached.clear()
        for i, item in enumerate(bank):
            key = f"read-{name}-{i}"
            plan = planners[True].plan(item["q"], key)
            said = meaning_notes(plan.slots, plan.args)
            if said:
                read.append((repr(item["q"]) not in wrong[True], item["q"], "; ".join(said)))
            planners[True].remember(key, plan)
        for right, q, said in read:
            print(f"  {name}: {'right' if right else 'WRONG'}: {q!r} | {said}")
        rows.append((name, len(bank), len(bank) - len(wrong[False]), len(bank) - len(wrong[True]), len(reached),
                     len(read), sum(1 for r in read if r[0]), seconds[False], seconds[True]))
    print("| bank | questions | right, readers off | right, readers on | reached the encoder | readings made "
          "| of them right | seconds off | seconds on |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, n, off, on, enc, made, ok, s_off, s_on in rows:
        print(f"| {name} | {n} | {off} | {on} | {enc} | {made} | {ok} | {s_off:.2f} | {s_on:.2f} |")


COST = ("revenue this month",  # nothing for the readers: no stretch, no model
        "revenue by locality last month",  # one stretch embedded, no reading taken
        "where do we lose people before they pop something in the basket?",  # one step read
        "funnel from reading our reviews to adding to basket to paying online")  # a chain, one step read


def cost() -> None:
    """What the readers add to planning one question (median of 15, the model warm), and what a
    new process and a new data version pay once."""
    import statistics

    from sample_cache import bank_store

    from bot.agent import meaning_args

    store = bank_store()
    on, off = planner(store, True), planner(store, False)
    started = time.perf_counter()
    on.plan(COST[1])
    print(f"first question read by meaning in a process (model load, the data's name vectors): "
          f"{time.perf_counter() - started:.2f} s")
    meaning_args._CACHE.clear()
    started = time.perf_counter()
    on.plan(COST[1], "again")
    print(f"the data's name vectors again, from the model cache folder: {(time.perf_counter() - started) * 1000:.0f} ms")

    def ms(p, question: str) -> float:
        times = []
        for i in range(15):
            started = time.perf_counter()
            p.plan(question, f"cost-{i}")
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    for question in COST:
        print(f"{question!r}: off {ms(off, question):.1f} ms, on {ms(on, question):.1f} ms")


def main() -> None:
    import yaml
    from sample_cache import bank_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="the probe at other thresholds")
    parser.add_argument("--banks", action="store_true",
                        help="the tuning banks: every reading by meaning made, right or wrong, and planning seconds")
    parser.add_argument("--cost", action="store_true", help="planning milliseconds per question, readers off and on")
    args = parser.parse_args()
    if args.banks:
        return banks()
    if args.cost:
        return cost()
    items = yaml.safe_load(PROBE.read_text())
    stores = {"sample": bank_store(), "vendor": vendor_store()}
    for readers in (False, True):
        planners = {name: planner(s, readers) for name, s in stores.items()}
        for p in planners.values():  # the encoder and the value vectors load once, outside the timing
            p.plan("revenue by locality")
        right, wrong, seconds = score(planners, items)
        print(f"readers {'on' if readers else 'off'}: {right}/{len(items)} = {right / len(items):.1%}, "
              f"{seconds:.2f} s planning")
        for line in wrong:
            print("  miss:", line)
    if args.sweep:
        from bot.agent import meaning_args

        chosen = dict(meaning_args.THRESHOLD)
        for kind in chosen:
            for threshold in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
                meaning_args.THRESHOLD.update(chosen, **{kind: threshold})
                planners = {name: planner(s, True) for name, s in stores.items()}
                right, _, _ = score(planners, items)
                print(f"{kind} threshold {threshold} (others as set): {right}/{len(items)}")
        meaning_args.THRESHOLD.update(chosen)


if __name__ == "__main__":
    main()
