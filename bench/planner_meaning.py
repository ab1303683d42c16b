"""Groups, touchpoints and customer groups read by meaning (bot/agent/meaning_args.py): the probe
bench/meaning_probe.yaml scored on the two stores it is written for, with and without the readers.

    .venv/bin/python bench/planner_meaning.py            # the probe, readers on and off, every miss
    .venv/bin/python bench/planner_meaning.py --sweep    # the probe at other thresholds

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

    wrong, seconds = [], 0.0
    for i, item in enumerate(items):
        p = planners[item["store"]]
        started = time.perf_counter()
        plan = p.plan(item["q"], f"probe-{i}")
        seconds += time.perf_counter() - started
        got = plan.spec.name if plan.spec else None
        extra = [k for k in item.get("absent", []) if plan.args.get(k) not in (None, [], {})]
        if got != item["tool"] or not _args_match(item.get("args", {}), plan) or extra:
            wrong.append(f"{item['q']!r}: expected {item['tool']} {item.get('args', {})}"
                         f"{' without ' + ', '.join(extra) if extra else ''}, got {got} {plan.args}"
                         f"{' | ' + '; '.join(plan.notes) if plan.notes else ''}")
    return len(items) - len(wrong), wrong, seconds


def main() -> None:
    import yaml
    from sample_cache import bank_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="the probe at other thresholds")
    args = parser.parse_args()
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

        planners = {name: planner(s, True) for name, s in stores.items()}
        for threshold in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65):
            meaning_args.THRESHOLD = threshold
            right, _, _ = score(planners, items)
            print(f"threshold {threshold}: {right}/{len(items)}")


if __name__ == "__main__":
    main()
