"""Personas from data, drafted in a conversation and saved for every analysis.

`draft_personas` segments customers on behaviour (tools/personas/segments.py) and writes one card per
segment (tools/personas/card.py): name and one-line summary, share of customers and revenue,
demographics where the data has them, needs and goals, pain points from the segment's own
feedback with two quotes, online behaviour, key touchpoints, the typical journey with its weakest
stage, and what to do next. `edit_persona` (tools/personas/edit.py) merges cards, narrows one to a
behaviour ("weekday takeout"), adds or removes a pain point, or renames; `save_persona`
(tools/personas/saved.py) stores a version that `Filters.persona` then uses everywhere.

Numbers come only from the data (tools/personas/facts.py). The words (name, summary, needs,
pain point wording, next steps) come from templates, or from a `writer` callable that bot/
supplies when a language model is configured (tools/personas/words.py). `build_card` computes a
card from its members' rows; edits rebuild cards with it too. `load_draft` and `card_position`
read the conversation's draft back and pick a card in it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from tools.core.errors import ToolInputError
from tools.core.pii import redact
from tools.data.store import JourneyStore
from tools.personas import store as ps
from tools.personas.card import PainPoint, Persona, Quote, n_customers, writer_brief
from tools.personas.facts import ALL_IDS_SQL, member_texts, mentions, pain_points, persona_facts
from tools.personas.params import DraftPersonasParams, PersonaDraftResult, persona_provenance
from tools.personas.segments import FEATURES, Segmentation, segment_customers
from tools.personas.words import Writer, checked_words, template_words


@dataclass
class BuildContext:
    store: JourneyStore
    writer: Writer | None
    overall: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def build_card(con, b: BuildContext, members_sql: str, params: list[Any], *, definition: str, used: set[str],
               base: Persona | None = None, segment: int | None = None, focus: tuple[str, ...] = ()) -> Persona:
    f = persona_facts(con, members_sql, params)
    # Money on the card is written in the business's currency; saved with the facts.
    f.update(currency=b.store.profile.currency, locale=b.store.profile.numbers.locale)
    texts = member_texts(con, members_sql, params)
    themes = pain_points(texts)
    words = template_words(f, b.overall, themes, used)
    written_by: Literal["template", "model"] = "template"
    if b.writer is not None:
        quotes_for_writer = [q["text"] for t in themes for q in t["quotes"]]
        try:
            raw = b.writer(writer_brief(f, themes, definition), quotes_for_writer)
        except Exception as exc:  # a model failure leaves the template words in place
            raw = None
            b.notes.append(f"the writer failed ({type(exc).__name__}); template words used")
        words, rejected = checked_words(raw, words, len(themes))
        if raw is not None:
            written_by = "model"
            if rejected:
                b.notes.append(f"model words rejected for {', '.join(rejected)} (numbers or bad shape); "
                               "template words used there")
    name = words["name"]
    if base is not None and base.renamed:
        name = base.name
    pains = [PainPoint(label, int(t["mentions"]), len(texts), key=t["key"])
             for label, t in zip(words["pain_points"], themes, strict=True)]
    for p in (base.pain_points if base else ()):
        if p.added:
            pains.append(PainPoint(p.label, mentions(texts, pain_words(p.label)), len(texts), added=True))
    quotes = [Quote(redact(q["text"]) or "", q["source"]) for q in (themes[0]["quotes"] if themes else [])]
    used.add(name)
    return Persona(
        name=name, summary=words["summary"], definition=definition, facts=f,
        needs_goals=tuple(words["needs_goals"]), pain_points=tuple(pains), quotes=tuple(quotes),
        next_steps=tuple(words["next_steps"]), written_by=written_by,
        renamed=bool(base and base.renamed), focus=focus, segment=segment,
    )


_STOP = {"a", "an", "the", "about", "of", "with", "and", "or", "for", "to", "too", "long", "bad", "poor",
         "slow", "time", "times", "their", "our", "issues", "issue", "problems", "problem", "not", "enough"}


def pain_words(label: str) -> list[str]:
    """Word stems of a pain point, so "delivery times" finds "delivered" and "deliveries"."""
    words = [w for w in re.findall(r"[a-zA-ZÀ-ÿ]+", label.lower()) if w not in _STOP and len(w) > 2]
    return [re.sub(r"(?:ies|y|es|s|ed|ing)$", "", w) if len(w) > 5 else w for w in words][:4]


def draft_personas(store: JourneyStore, params: DraftPersonasParams, *, conversation: str = "default",
                   writer: Writer | None = None, seed: int = 0,
                   sentiment: pd.Series | None = None) -> PersonaDraftResult:
    """Segment customers and draft one persona per segment, replacing this conversation's
    draft. Cards come out ordered by share of revenue. `sentiment` (customer_id -> mean
    sentiment of their feedback, from the feedback store) joins the behaviour when given."""
    seg = segment_customers(store, k=params.segments, seed=seed, sentiment=sentiment)
    result = _draft_from_segments(store, params, seg, conversation=conversation, writer=writer)
    if sentiment is None:
        note = "feedback sentiment not used (the feedback store is not indexed); survey scores are"
    else:
        note = f"feedback sentiment of {store.profile.numbers.number(sentiment.index.nunique())} customers used"
    return dataclasses.replace(result, provenance=dataclasses.replace(
        result.provenance, notes=(*result.provenance.notes, note)))


def _draft_from_segments(store: JourneyStore, params: DraftPersonasParams, seg: Segmentation, *,
                         conversation: str, writer: Writer | None) -> PersonaDraftResult:
    members = pd.DataFrame({"position": seg.labels.to_numpy() + 1, "customer_id": seg.labels.index.astype(str)})
    ps.ensure_tables(store)
    # Members first, so each card is computed from the same rows a later edit will read.
    ps.write_draft(store, conversation, [{}] * seg.k, members, {})
    with store.connect() as con:
        overall = persona_facts(con, ALL_IDS_SQL, [])
        b = BuildContext(store, writer, overall)
        used: set[str] = set()
        cards = [
            build_card(con, b, ps.DRAFT_MEMBERS_SQL, [conversation, i + 1], used=used, segment=i,
                       definition=f"group {i + 1} of {seg.k}: customers who behave alike")
            for i in range(seg.k)
        ]
    info = {"overall": overall, "k": seg.k, "silhouette": seg.silhouette, "stability": seg.stability,
            "silhouettes": {str(k): v for k, v in seg.silhouettes.items()}}
    ps.write_draft(store, conversation, [c.to_record() for c in cards], members, info)
    headline = (f"I drafted {seg.k} personas from {n_customers(len(seg.labels), store.profile.numbers)}' behaviour; "
                f"{SEPARATION_WORDS.get(seg.separation, seg.separation)}.")
    method = (f"Separation: {seg.separation} (silhouette {seg.silhouette:.2f}, "
              f"{'chosen from ' + ', '.join(f'k={k}: {v:.2f}' for k, v in seg.silhouettes.items()) if seg.chosen_by == 'silhouette' else 'k as asked'}); "
              f"stability {seg.stability:.2f} (agreement of refits on half the customers, 1 = identical).")
    notes = list(b.notes)
    notes.append("Features: " + "; ".join(FEATURES.values()))
    prov = persona_provenance("draft_personas", params, "KMeans on behavioural features scaled 0-1; k with the best "
                              "silhouette from 2 to 6; numbers on each card computed from the journey tables for its "
                              "members; pain points and quotes from their own surveys and tickets", notes,
                              row_counts={"customers": len(seg.labels)})
    return PersonaDraftResult(tuple(cards), prov, headline, focus=1, method=method)


# The separation of the groups (their silhouette, tools/personas/segments.py) as an owner reads it.
SEPARATION_WORDS = {
    "strong": "the groups are clearly different from each other",
    "reasonable": "the groups are clearly different from each other",
    "weak": "the groups overlap a good deal, so treat them as rough sketches",
    "no real structure": "your customers do not fall into clear groups, so treat these as rough sketches",
}


def load_draft(store: JourneyStore, conversation: str) -> tuple[list[Persona], int | None, dict[str, Any]]:
    cards, focus, info = ps.read_draft(store, conversation)
    if not cards or not all(cards):
        raise ToolInputError("No personas are drafted in this conversation yet; ask me to 'draft personas' first.")
    return [Persona.from_record(c) for c in cards], focus, info


def card_position(which: int | None, count: int, focus: int | None) -> int:
    if which is None:
        return focus if focus and 1 <= focus <= count else count
    pos = count + 1 + which if which < 0 else which
    if not 1 <= pos <= count or which == 0:
        raise ToolInputError(f"There is no persona {which} in the draft; it has {count} (1 to {count}, or -1 for the last).")
    return pos
