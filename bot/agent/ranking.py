"""Which tool a question is for: every tool scored, best first.

A tool's score adds three kinds of evidence, each readable in its spec (bot/agent/*_tools.py):
- cues: weighted patterns of what people say when they want this tool ("trend", "which channel
  drove", "what are people saying about"); a negative weight is evidence against it;
- boost: what the parsed slots point to (a KPI named in a question about the future is a
  forecast, a KPI with "week by week" a trend);
- similarity to the tool's example phrasings (TF-IDF over words and character n-grams), which
  carries questions no cue foresaw, at a lower weight.

Tools that change something (create, change or delete an alert rule, save a persona) are never
reached by similarity: they are ranked only when the question says so explicitly (their
`explicit` pattern), and even then the planner asks before running them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.tools import ToolSpec

SIMILARITY_WEIGHT = 0.6
STRONG_CUE = 0.3  # a cue at least this heavy is evidence on its own (of the tool, of the domain)
# "taqueria: pause the orders alert": the trade's name as a heading. The orders of the tools that
# change something are read from the start of what follows it too (their patterns begin at the start).
# (lane probe23b) also after a comma or a dash: "pudding bar, bin the refund alert", "harpist - ..."
_LEAD_NAME = lazy(r"^[a-z][\w'&-]*(?: [\w'&-]+){0,3}(?::|,| -+| –) (?=\S)")
# the analyses' cues only after a colon or a dash ("takings by first-touch channel, last month" is one ask)
_LEAD_HEADING = lazy(r"^[a-z][\w'&-]*(?: [\w'&-]+){0,3}(?::| -+| –) (?=\S)")


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A tool's keyword as whole words, with the endings owners add to its last word ("trend":
    trends, trending, trended; not "trendy"); one ending in "*" is a stem meant to match any
    ending ("contribut*": contributes, contribution, contributor)."""
    k = keyword.lower()
    if k.endswith("*"):
        return lazy(rf"\b{re.escape(k[:-1])}")
    forms = [rf"{re.escape(k)}(?:s|es|e?d|ing)?"]
    if k.endswith("e"):  # "leave": leaving
        forms.append(f"{re.escape(k[:-1])}ing")
    if k.endswith("y"):  # "category": categories
        forms.append(f"{re.escape(k[:-1])}ies")
    return lazy(rf"\b(?:{'|'.join(forms)})\b")


@dataclass(frozen=True)
class Candidate:
    tool: str
    score: float
    cues: tuple[str, ...] = ()  # the strong cue patterns that fired: evidence from the words


class ToolRanker:
    def __init__(self, tools: list[ToolSpec]):
        self.tools = {t.name: t for t in tools}
        self.cues = {t.name: [(lazy(p), w, p) for p, w in t.cues] for t in tools}
        self.keywords = {t.name: [keyword_pattern(k) for k in t.keywords] for t in tools}
        self.explicit = {t.name: lazy(t.explicit) for t in tools if t.changes_state}
        self._index = _PhrasingIndex(tools)

    def rank(self, slots: Any) -> list[Candidate]:
        """Every tool with its score, best first. State-changing tools appear only when the
        question asks for them in so many words."""
        text = getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()
        sims = self._index.similarities(text)
        order = _LEAD_NAME.sub("", text, count=1)  # (lane probe23b) "pudding bar, bin the refund alert" too
        # (lane probe23b) "dressage: sketch out 4 types of rider", "sheepdog trials, are sundays a
        # dud": the business named first; the cues that read a question from its start read it
        # from after the name too (the analyses only: the orders keep their own rule above)
        lead = _LEAD_HEADING.sub("", text, count=1)
        # A change the whole question orders in so many words ("the complaints alarm: just ping me
        # when it goes up" changes that rule) is not read again without its heading as another one
        # ("just ping me when it goes up" alone sounds like a new rule).
        whole = {n for n, rx in self.explicit.items() if rx.search(text)} if order != text else set()
        out = []
        for name, spec in self.tools.items():
            # "on-time-delivery rule: delete it": the heading may be the rule itself, so both readings count
            said = (text, order) if spec.changes_state and order != text and not whole - {name} else (text,)
            if not spec.changes_state and lead != text:
                said = (text, lead)
            if name in self.explicit and not any(self.explicit[name].search(t) for t in said):
                continue
            fired = [(w, p) for rx, w, p in self.cues[name] if any(rx.search(t) for t in said)]
            score = SIMILARITY_WEIGHT * sims.get(name, 0.0) + sum(w for w, _ in fired)
            hits = sum(1 for k in self.keywords[name] if k.search(text))
            score += 0.08 * min(hits, 3)
            if spec.boost is not None:
                score += spec.boost(slots)
            out.append(Candidate(name, round(score, 4), tuple(p for w, p in fired if w >= STRONG_CUE)))
        return sorted(out, key=lambda c: -c.score)

    def any_cue(self, slots: Any) -> bool:
        """Whether anything in the question is about what journeybot knows (a cue of any tool)."""
        text = getattr(slots, "norm", "") or ""
        said = {text, _LEAD_HEADING.sub("", text, count=1)}  # (lane probe23b) after the business's name too
        return any(w >= STRONG_CUE and any(rx.search(t) for t in said) for cues in self.cues.values() for rx, w, _ in cues)


class _PhrasingIndex:
    """TF-IDF similarity of a question to each tool's example phrasings: a word block and a
    character n-gram block, each unit length (bot/agent/tfidf.py: scikit-learn's numbers
    without importing scikit-learn and scipy into every answering process)."""

    def __init__(self, tools: list[ToolSpec]):
        from bot.agent.tfidf import TfidfIndex, char_wb_ngrams, word_ngrams

        self.names: list[str] = []
        texts: list[str] = []
        for t in tools:
            for phrase in (*t.examples, *t.phrasings):
                self.names.append(t.name)
                texts.append(phrase.lower())
        self.blocks: list[TfidfIndex] = []
        if texts:
            self.blocks = [TfidfIndex(texts, word_ngrams), TfidfIndex(texts, char_wb_ngrams)]

    def similarities(self, text: str) -> dict[str, float]:
        if not self.blocks:
            return {}
        sims = sum(block.similarity(text) for block in self.blocks) / 2  # two unit-length blocks
        scores: dict[str, float] = {}
        for name, sim in zip(self.names, sims, strict=True):
            scores[name] = max(scores.get(name, 0.0), float(sim))
        return scores

    def vocabulary(self) -> set[str]:
        if not self.blocks:
            return set()
        return {w for w in self.blocks[0].vocabulary if " " not in w}
