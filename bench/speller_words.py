"""Which words of the question banks the offline planner's speller changes, and to what.

    .venv/bin/python bench/speller_words.py            # every change, with a question it came from
    .venv/bin/python bench/speller_words.py --counts   # one line per change: typo -> term (times)
    .venv/bin/python bench/speller_words.py --words doily snow bale   # these words alone

A change is either a typo read right ("reveune" -> revenue) or a real word wrongly "corrected"
("doily" -> daily: a lace doily shop read as a daily trend). The list is read by a person, who
judges which is which; tests/bot/agent/test_planner_speller29_round.py holds the verdicts. The
questions go through the same normalising as the planner's (bot.agent.slots.parse) before the
speller, against the same data the banks are scored on (the small sample).

The held-back bank of the phase (tests/questions_blind29.yaml) is never read: a bank is skipped
when its name is in HELD_BACK.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

# the phase's held-back judge, scored once by the lead: never a source of anything
HELD_BACK = {"questions_blind29.yaml"}


def bank_questions() -> list[str]:
    import yaml

    out: list[str] = []
    for path in sorted((ROOT / "tests").glob("questions*.yaml")):
        if path.name in HELD_BACK:
            continue
        for item in yaml.safe_load(path.read_text()) or []:
            if isinstance(item, dict) and isinstance(item.get("q"), str):
                out.append(item["q"])
    return out


def speller_and_normaliser():
    """The planner's speller on the banks' data, and the normalising parse() does before it."""
    from sample_cache import bank_store

    from bot.agent import slots as s
    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())
    speller = planner._spell(planner._known())

    def normalise(text: str) -> str:
        text = s.found_us_as_channel(text)
        return s.plain_grain(s.plain_days(s.without_taken_back(s.without_turned_down(
            s.plain_english(s.normalise(text))))))

    return speller, normalise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", action="store_true", help="one line per change, most frequent first")
    parser.add_argument("--words", nargs="*", help="only say what these words become")
    args = parser.parse_args()
    speller, normalise = speller_and_normaliser()
    if args.words:
        for w in args.words:
            print(f"{w} -> {speller.correct_word(w.lower())}")
        return
    seen: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], str] = defaultdict(str)
    for q in bank_questions():
        _, fixes = speller.correct(normalise(q))
        for pair in fixes:
            seen[pair] += 1
            where[pair] = where[pair] or q
    for (typo, term), n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]) if args.counts else kv[0]):
        print(f"{typo} -> {term} ({n})" + ("" if args.counts else f"   | {where[(typo, term)][:90]}"))
    print(f"{len(seen)} distinct changes, {sum(seen.values())} in all")


if __name__ == "__main__":
    main()
