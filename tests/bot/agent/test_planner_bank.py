"""The offline planner against tests/questions.yaml: owner questions it has never seen, with
the tool and arguments each should map to. It must get at least 90% right; the score is
printed so a drop is visible before it fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample
from tools.data.store import JourneyStore

BANK = Path(__file__).resolve().parents[2] / "questions.yaml"


@pytest.fixture(scope="module")
def planner(tmp_path_factory) -> OfflinePlanner:
    folder = tmp_path_factory.mktemp("sample")
    generate_sample(folder, SampleSpec(events=5000))
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    ctx = ToolContext(store=store, config=load_config(env={}))
    return OfflinePlanner(ctx, all_tools())


def _matches(expected: Any, got: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(_matches(v, got.get(k)) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(got, list) and [str(x) for x in got] == [str(x) for x in expected]
    return str(expected) == str(got)


def test_bank_is_big_and_covers_every_planner_tool(planner):
    bank = yaml.safe_load(BANK.read_text())
    assert len(bank) >= 80
    covered = {item["tool"] for item in bank}
    missing = {t.name for t in planner.tools} - covered
    assert not missing, f"tools without questions in the bank: {sorted(missing)}"


def test_offline_planner_maps_at_least_90_percent_of_the_bank(planner):
    bank = yaml.safe_load(BANK.read_text())
    wrong = []
    key = "bank-0"
    for i, item in enumerate(bank):
        key = key if item.get("follow_up") else f"bank-{i}"
        plan = planner.plan(item["q"], key)
        got_tool = plan.spec.name if plan.spec else None
        if got_tool != item["tool"] or not _matches(item.get("args", {}), plan.args):
            wrong.append(f"{item['q']!r}: expected {item['tool']} {item.get('args', {})}, "
                         f"got {got_tool} {plan.args}")
        planner.remember(key, plan)
    score = 1 - len(wrong) / len(bank)
    print(f"\noffline planner: {len(bank) - len(wrong)}/{len(bank)} = {score:.1%} right")
    for line in wrong:
        print("  miss:", line)
    assert score >= 0.9


def test_unclear_questions_get_three_example_questions(planner):
    answer = planner.answer("banana telephone?", "unclear")
    assert answer.mode == "offline" and not answer.tool_calls
    assert len(answer.suggestions) == 3 and "not sure" in answer.text
