"""Editing the draft personas of a conversation: merge two cards, narrow or refocus one on a
behaviour ("weekday takeout customers"), add or remove a pain point, rename.

Every edit that changes a card's members recomputes its numbers and words from the new members
(tools/personas/draft.py `build_card`); `FOCUS_SQL` says which customers show each behaviour.
"""

from __future__ import annotations

import dataclasses

from pydantic import BaseModel

from tools.core.errors import ToolInputError
from tools.core.text import counted
from tools.data.store import JourneyStore
from tools.personas import store as ps
from tools.personas.card import PainPoint, Persona, card_numbers, n_customers
from tools.personas.draft import BuildContext, build_card, card_position, load_draft, pain_words
from tools.personas.facts import ALL_IDS_SQL, member_texts, mentions
from tools.personas.params import EditPersonaParams, PersonaDraftResult, persona_provenance
from tools.personas.words import Writer

_ORDERS = "SELECT customer_id, ts, amount, fulfilment, channel FROM orders " \
          "WHERE coalesce(status, 'completed') NOT IN ('cancelled', 'returned')"
_PER_BUYER = f"SELECT customer_id, count(*) AS n, sum(amount) AS revenue, max(ts) AS last FROM ({_ORDERS}) o GROUP BY 1"

_SCORE = "avg(CASE WHEN csat IS NOT NULL THEN (csat - 1) / 4.0 ELSE nps / 10.0 END)"


def _mostly(condition: str) -> str:
    return f"SELECT customer_id FROM ({_ORDERS}) o GROUP BY 1 HAVING avg(CASE WHEN {condition} THEN 1.0 ELSE 0.0 END) > 0.5"


# Each behaviour a card can be narrowed to: (words for the card, customers who show it).
FOCUS_SQL: dict[str, tuple[str, str]] = {
    "weekday": ("mostly buy on weekdays", _mostly("isodow(ts) <= 5")),
    "weekend": ("mostly buy at weekends", _mostly("isodow(ts) >= 6")),
    "morning": ("mostly buy in the morning", _mostly("hour(ts) BETWEEN 6 AND 10")),
    "lunchtime": ("mostly buy at lunchtime", _mostly("hour(ts) BETWEEN 11 AND 13")),
    "evening": ("mostly buy in the evening", _mostly("hour(ts) >= 17")),
    "pickup": ("mostly collect their orders (takeout, click and collect)", _mostly("fulfilment = 'pickup'")),
    "delivery": ("mostly have orders delivered", _mostly("fulfilment = 'delivery'")),
    "in_store": ("mostly buy in the shop", _mostly("channel = 'in_store' OR fulfilment = 'in_store'")),
    "online": ("mostly order online", _mostly("channel = 'online'")),
    "phone": ("have ordered by phone", f"SELECT DISTINCT customer_id FROM ({_ORDERS}) o WHERE channel = 'phone'"),
    "frequent": ("order at least as often as the median buyer",
                 f"SELECT customer_id FROM ({_PER_BUYER}) b WHERE n >= (SELECT median(n) FROM ({_PER_BUYER}) x) "
                 f"AND n > 1"),
    "occasional": ("order less often than the median buyer",
                   f"SELECT customer_id FROM ({_PER_BUYER}) b WHERE n < (SELECT median(n) FROM ({_PER_BUYER}) x) "
                   f"OR n = 1"),
    "high_value": ("spent more than three quarters of buyers",
                   f"SELECT customer_id FROM ({_PER_BUYER}) b "
                   f"WHERE revenue >= (SELECT quantile_cont(revenue, 0.75) FROM ({_PER_BUYER}) x)"),
    "recent": ("bought in the last 30 days of data",
               f"SELECT customer_id FROM ({_PER_BUYER}) b WHERE last >= (SELECT max(ts) FROM ({_ORDERS}) x) - INTERVAL 30 DAY"),
    "lapsed": ("have not bought in the last 60 days of data",
               f"SELECT customer_id FROM ({_PER_BUYER}) b WHERE last < (SELECT max(ts) FROM ({_ORDERS}) x) - INTERVAL 60 DAY"),
    "contacted_support": ("contacted support", "SELECT DISTINCT customer_id FROM tickets WHERE customer_id IS NOT NULL"),
    "unhappy": ("score us low in surveys",
                f"SELECT customer_id FROM surveys WHERE customer_id IS NOT NULL GROUP BY 1 HAVING {_SCORE} < 0.5"),
    "happy": ("score us high in surveys",
              f"SELECT customer_id FROM surveys WHERE customer_id IS NOT NULL GROUP BY 1 HAVING {_SCORE} >= 0.75"),
    "buyers": ("have bought", f"SELECT DISTINCT customer_id FROM ({_ORDERS}) o"),
    "non_buyers": ("have never bought", f"SELECT customer_id FROM ({ALL_IDS_SQL}) a "
                                        f"WHERE customer_id NOT IN (SELECT customer_id FROM ({_ORDERS}) o)"),
}


def edit_persona(store: JourneyStore, params: EditPersonaParams, *, conversation: str = "default",
                 writer: Writer | None = None) -> PersonaDraftResult:
    """Merge, narrow, add or remove a pain point, or rename; data-backed fields are recomputed."""
    personas, focus, info = load_draft(store, conversation)
    n = len(personas)
    overall = info.get("overall") or {}
    b = BuildContext(store, writer, overall)
    used = {p.name for p in personas}
    conv = conversation
    if params.action == "merge":
        which = params.which or [-2, -1]
        if len(which) != 2:
            raise ToolInputError("Merging needs two personas, e.g. which=[1, 2] or the last two ([-2, -1]).")
        picked = sorted({card_position(w, n, focus) for w in which})
        if len(picked) != 2:
            raise ToolInputError("Merging needs two different personas.")
        a, c = picked
        first, second = personas[a - 1], personas[c - 1]
        with store.connect() as con:
            con.begin()
            try:
                ps.merge_members(con, conv, a, c)
                used -= {first.name, second.name}
                base = dataclasses.replace(first, renamed=False, pain_points=tuple(
                    p for p in (*first.pain_points, *second.pain_points) if p.added))
                card = build_card(con, b, ps.DRAFT_MEMBERS_SQL, [conv, a], used=used, base=base,
                                  definition=f"{first.name} and {second.name} together")
                ps.update_card(con, conv, a, card.to_record())
                ps.set_focus(con, conv, a)
                con.commit()
            except Exception:
                con.rollback()
                raise
        msg = f"Merged {first.name} and {second.name} into **{card.name}** ({n_customers(card.facts['customers'], card_numbers(card.facts))})."
        return _after(store, params, conv, msg, b.notes)
    pos = card_position(params.which[0] if params.which else None, n, focus)
    persona = personas[pos - 1]
    if params.action in ("refocus", "narrow"):
        return _regroup(store, params, conv, pos, persona, b, used)
    if params.action == "rename":
        new = (params.text or "").strip()
        if not new:
            raise ToolInputError("Say the new name, e.g. 'rename her to Rosie'.")
        if any(p.name.lower() == new.lower() for i, p in enumerate(personas) if i != pos - 1):
            raise ToolInputError(f"Another draft persona is already called {new!r}; pick another name.")
        card = dataclasses.replace(persona, name=new, renamed=True)
        msg = f"Renamed {persona.name} to **{new}**."
    elif params.action == "add_pain_point":
        label = (params.text or "").strip()
        if not label:
            raise ToolInputError("Say the pain point, e.g. 'add a pain point about delivery times'.")
        label = label[0].upper() + label[1:]
        if any(p.label.lower() == label.lower() for p in persona.pain_points):
            raise ToolInputError(f"{persona.name} already has the pain point {label!r}.")
        with store.connect() as con:
            texts = member_texts(con, ps.DRAFT_MEMBERS_SQL, [conv, pos])
        found = mentions(texts, pain_words(label))
        card = dataclasses.replace(persona, pain_points=(*persona.pain_points,
                                                         PainPoint(label, found, len(texts), added=True)))
        msg = (f"Added the pain point '{label}' to {persona.name}: {found} of {len(texts)} of their comments "
               "and tickets mention it.")
    else:  # remove_pain_point
        wanted = (params.text or "").strip().lower()
        keep = tuple(p for p in persona.pain_points if not (wanted and wanted in p.label.lower()))
        if not wanted or len(keep) == len(persona.pain_points):
            listed = "; ".join(p.label for p in persona.pain_points) or "none"
            raise ToolInputError(f"{persona.name} has no pain point matching {params.text!r}; it has: {listed}.")
        card = dataclasses.replace(persona, pain_points=keep)
        msg = f"Removed {counted(len(persona.pain_points) - len(keep), 'pain point')} from {persona.name}."
    with store.connect() as con:
        ps.update_card(con, conv, pos, card.to_record())
        ps.set_focus(con, conv, pos)
    return _after(store, params, conv, msg, b.notes)


def _regroup(store: JourneyStore, params: EditPersonaParams, conv: str, pos: int, persona: Persona,
             b: BuildContext, used: set[str]) -> PersonaDraftResult:
    """Refocus a card on everyone showing the behaviours, or narrow it to its own members who
    do; either way its numbers and words are recomputed from the new members."""
    if not params.focus:
        raise ToolInputError(f"Say which customers the persona should be about; known behaviours: "
                             f"{', '.join(FOCUS_SQL)}.")
    cohort = " INTERSECT ".join(f"({FOCUS_SQL[f][1]})" for f in params.focus)
    words = " and ".join(FOCUS_SQL[f][0] for f in params.focus)
    refocus = params.action == "refocus"
    if refocus:
        left = int(store.scalar(f"SELECT count(*) FROM ({cohort}) c"))
        empty = f"No customer {words}; the draft is unchanged."
    else:
        left = int(store.scalar(
            f"SELECT count(*) FROM ({ps.DRAFT_MEMBERS_SQL}) d WHERE customer_id IN ({cohort})", [conv, pos]))
        empty = f"None of the {n_customers(persona.facts['customers'], card_numbers(persona.facts))} of {persona.name} {words}; the draft is unchanged."
    if left == 0:
        raise ToolInputError(empty)
    with store.connect() as con:
        con.begin()
        try:
            (ps.replace_members if refocus else ps.keep_members)(con, conv, pos, cohort, [])
            used.discard(persona.name)
            if refocus:
                card = build_card(con, b, ps.DRAFT_MEMBERS_SQL, [conv, pos], used=used,
                                  base=dataclasses.replace(persona, renamed=False),
                                  definition=f"customers who {words}", segment=None, focus=tuple(params.focus))
            else:
                card = build_card(con, b, ps.DRAFT_MEMBERS_SQL, [conv, pos], used=used, base=persona,
                                  definition=f"{persona.definition}; only those who {words}", segment=persona.segment,
                                  focus=tuple(dict.fromkeys((*persona.focus, *params.focus))))
            ps.update_card(con, conv, pos, card.to_record())
            ps.set_focus(con, conv, pos)
            con.commit()
        except Exception:
            con.rollback()
            raise
    count = card_numbers(card.facts).number
    now = n_customers(card.facts["customers"], card_numbers(card.facts))
    if refocus:
        msg = (f"Persona {pos} is now about customers who {words}: {now} (was {persona.name}, "
               f"{count(persona.facts['customers'])}), numbers recomputed. It is now **{card.name}**.")
    else:
        msg = (f"Narrowed persona {pos} to customers who {words}: {count(persona.facts['customers'])} -> {now}, "
               f"numbers recomputed. It is now **{card.name}**.")
    return _after(store, params, conv, msg, b.notes)


def _after(store: JourneyStore, params: BaseModel, conversation: str, message: str, notes: list[str]) -> PersonaDraftResult:
    personas, focus, _ = load_draft(store, conversation)
    prov = persona_provenance("edit_persona", params, "the draft personas of this conversation, members and numbers "
                              "recomputed from the journey tables after the edit", notes)
    return PersonaDraftResult(tuple(personas), prov, message, focus=focus)
