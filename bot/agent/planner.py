"""The offline planner: answers common questions with no language model.

It matches the question to a tool by similarity to example phrasings (TF-IDF over words and
character n-grams, plus each tool's keywords), reads the arguments with bot/agent/slots.py,
runs the same tool functions the model would call, and answers from the result's own text,
with the same provenance. A short follow-up ("and for Instagram only?") repeats the last
analysis of the conversation with the change. When it cannot tell what is meant, it says so
and offers example questions.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.agent.slots import Slots, parse
from bot.agent.tools import ToolContext, ToolSpec, run_tool
from bot.answer import Answer
from bot.memory import PlannerMemory

MIN_SCORE = 0.18  # below this the planner admits it is unsure
_FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|same (?:for|but)|only|now|just|but|ok,? and|then)\b", re.I
)


@dataclass(frozen=True)
class Plan:
    spec: ToolSpec | None
    args: dict[str, Any]
    slots: Slots
    score: float


class OfflinePlanner:
    def __init__(self, ctx: ToolContext, tools: list[ToolSpec], memory_path: Path | str | None = None):
        self.ctx = ctx
        self.tools = [t for t in tools if t.plan is not None or not t.params.model_fields]
        self.by_name = {t.name: t for t in self.tools}
        self._state = PlannerMemory(memory_path)
        self._index = _PhrasingIndex(self.tools)

    # -- public ---------------------------------------------------------------------------
    def suggestions(self) -> list[str]:
        picks = []
        for t in self.tools:
            if t.examples and len(picks) < 3 and t.name != "describe_data":
                picks.append(t.examples[0])
        return picks or ["what data do you have?"]

    def reset(self, key: str) -> None:
        self._state.clear(key)

    def choose(self, question: str, key: str = "default") -> tuple[ToolSpec | None, Slots, float]:
        """The tool and slots the planner would use (exposed for the question-bank test)."""
        slots = self._slots(question)
        ranked = self._index.rank(question, slots)
        best_name, best = ranked[0] if ranked else (None, 0.0)
        previous = self._state.get(key)
        spec = self.by_name.get(previous["tool"]) if previous else None
        if spec is not None and any(re.search(p, question, re.I) for p in spec.follow_ups):
            return spec, _merge(Slots(**previous["slots"]), slots), 1.0  # type: ignore[index]
        short = len(question.split()) <= 7
        if previous and (_FOLLOW_UP.search(question) or (short and best < MIN_SCORE * 1.5)) \
                and previous["tool"] in self.by_name and (slots.filled() or _FOLLOW_UP.search(question)):
            merged = _merge(Slots(**previous["slots"]), slots)
            return self.by_name[previous["tool"]], merged, 1.0
        if best_name is None or best < MIN_SCORE:
            return None, slots, best
        return self.by_name[best_name], slots, best

    def rank(self, question: str, key: str = "default") -> list[tuple[str, float]]:
        """Every tool the planner can route to with its score, most likely first; the tool a
        follow-up would continue comes first. The model's tool shortlist starts from this
        (bot/agent/toolbox.py)."""
        ranked = self._index.rank(question, self._slots(question))
        spec, _, score = self.choose(question, key)
        if spec is not None and ranked and ranked[0][0] != spec.name:
            ranked = [(spec.name, score)] + [r for r in ranked if r[0] != spec.name]
        return ranked

    def plan(self, question: str, key: str = "default") -> Plan:
        """The tool and arguments the planner would use, without running anything."""
        spec, slots, score = self.choose(question, key)
        ctx = self.ctx.for_conversation(key)
        args = spec.plan(slots, ctx) if spec is not None and spec.plan else {}
        return Plan(spec, args, slots, score)

    def remember(self, key: str, plan: Plan) -> None:
        """Keep the analysis as the conversation's last one (for follow-ups)."""
        if plan.spec is not None:
            self._state.put(key, plan.spec.name, plan.slots)

    def answer(self, question: str, key: str = "default", *, context: str | None = None) -> Answer:
        plan = self.plan(question, key)
        spec = plan.spec
        if spec is None:
            return Answer(
                "I'm not sure which analysis you mean, and I answer offline without a language "
                "model, so I stick to questions I can map to an analysis. Try one of these:",
                "offline",
                suggestions=self.suggestions(),
            )
        record = run_tool(spec, self.ctx.for_conversation(key), plan.args)
        if not record.ok:
            text = f"I tried {record.signature} but it did not work: {record.error}"
        else:
            text = record.result.to_text()
        self.remember(key, plan)
        return Answer(text, "offline", [record])

    def _slots(self, question: str) -> Slots:
        from tools.analytics.filters import known_values

        store = self.ctx.store
        try:
            channels = known_values(store, "channel")
            personas = known_values(store, "persona")
        except Exception:  # an empty or busy store still gets an answer attempt
            channels, personas = [], []
        return parse(question, as_of=store.as_of(), channels=channels, personas=personas)


def _merge(old: Slots, new: Slots) -> Slots:
    merged = Slots(**asdict(old))
    for key, value in asdict(new).items():
        if key == "query":
            continue
        if value not in (None, [], False, ""):
            setattr(merged, key, value)
    return merged


class _PhrasingIndex:
    """TF-IDF similarity of a question to each tool's example phrasings and keywords."""

    def __init__(self, tools: list[ToolSpec]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        self.names: list[str] = []
        texts: list[str] = []
        for t in tools:
            for phrase in (*t.examples, *t.phrasings):
                self.names.append(t.name)
                texts.append(phrase.lower())
        self.keywords = {t.name: [k.lower() for k in t.keywords] for t in tools}
        self.boosts = {t.name: t.boost for t in tools if t.boost is not None}
        self.vectorizer = None
        if texts:
            self.vectorizer = FeatureUnion([
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
            ])
            self.matrix = self.vectorizer.fit_transform(texts)

    def rank(self, question: str, slots: Slots | None = None) -> list[tuple[str, float]]:
        if self.vectorizer is None:
            return []
        q = self.vectorizer.transform([question.lower()])
        sims = (self.matrix @ q.T).toarray().ravel() / 2  # two blocks, each unit-normalised
        scores: dict[str, float] = {}
        for name, sim in zip(self.names, sims, strict=True):
            scores[name] = max(scores.get(name, 0.0), float(sim))
        text = question.lower()
        for name, words in self.keywords.items():
            hits = sum(1 for w in words if re.search(rf"\b{re.escape(w)}", text))
            scores[name] = scores.get(name, 0.0) + 0.12 * min(hits, 3)
        if slots is not None:
            for name, boost in self.boosts.items():
                scores[name] = scores.get(name, 0.0) + boost(slots)
        return sorted(scores.items(), key=lambda kv: -kv[1])
