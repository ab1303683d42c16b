"""The planner's phrasing similarity without scikit-learn: the same numbers as scikit-learn's
TF-IDF (the independent computation here), and an offline answer that never imports it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from bot.agent.catalog import all_tools
from bot.agent.ranking import _PhrasingIndex
from bot.agent.tfidf import TfidfIndex, char_wb_ngrams, word_ngrams

REPO = Path(__file__).resolve().parents[3]
ODD = ["", "   ", "a", "ok", "I", "why?!", "café crème brûlée", "naïve\tquestion  with\n gaps",
       "🙂 emoji only 🙂", "conversion conversion conversion", "x y z", "e-mail vs email",
       "what's the NPS for 18-24s in Q3?", "Produto chegou antes do prazo"]


def _questions() -> list[str]:
    out = []
    for bank in ("questions.yaml", "questions_paraphrases.yaml"):
        out += [item["q"] for item in yaml.safe_load((REPO / "tests" / bank).read_text())]
    return out + ODD


def test_similarities_equal_scikit_learns_on_every_phrasing_and_question():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    from sklearn.pipeline import FeatureUnion

    tools = all_tools()
    ours = _PhrasingIndex(tools)
    texts = [p.lower() for t in tools for p in (*t.examples, *t.phrasings)]
    union = FeatureUnion([
        ("words", text.TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
    ])
    matrix = union.fit_transform(texts)
    questions = _questions()
    assert len(questions) > 900
    worst = 0.0
    for q in questions:
        expected = (matrix @ union.transform([q.lower()]).T).toarray().ravel() / 2
        got = sum(b.similarity(q.lower()) for b in ours.blocks) / 2
        worst = max(worst, float(np.max(np.abs(got - expected))))
    assert worst < 1e-12
    words = union.transformer_list[0][1].vocabulary_
    assert ours.vocabulary() == {w for w in words if " " not in w}
    assert ours.blocks[1].vocabulary == union.transformer_list[1][1].vocabulary_


def test_analyzers_match_scikit_learns_on_odd_text():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    words = text.TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    chars = text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    for t in ODD:
        assert word_ngrams(t) == words(t), t
        assert char_wb_ngrams(t) == chars(t), t


def test_a_text_sharing_no_term_scores_zero_and_an_identical_one_scores_one():
    index = TfidfIndex(["refund my order", "funnel by channel"], word_ngrams)
    assert index.similarity("completely unrelated words").tolist() == [0.0, 0.0]
    sims = index.similarity("funnel by channel")
    assert sims[1] == pytest.approx(1.0) and sims[0] == 0.0


def test_an_offline_answer_imports_neither_scikit_learn_scipy_nor_the_model_stack(tmp_path):
    # In a fresh process: the test session itself has imported all of them long ago.
    code = f"""
import sys
from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.data.store import JourneyStore

agent = JourneyAgent(ToolContext(store=JourneyStore(None), config=load_config()),
                     memory_path={str(tmp_path / "memory.sqlite")!r})
answer = agent.answer("what is the conversion funnel by channel?")
print(answer.tool_calls[0].name if answer.tool_calls else "no tool")
print(sorted(m for m in ("sklearn", "scipy", "openai", "langgraph", "langchain_core", "matplotlib",
                         "onnxruntime", "torch") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=REPO, env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    tool, loaded = done.stdout.strip().splitlines()[-2:]
    assert tool == "funnel"
    assert loaded == "[]"
