"""Personas from data, drafted in a conversation and saved for every analysis.

`draft_personas` segments customers on behaviour (tools/personas/segments.py) and writes one card per
segment: name and one-line summary, share of customers and revenue, demographics where the
data has them, needs and goals, pain points from the segment's own feedback with two quotes,
online behaviour, key touchpoints, the typical journey with its weakest stage, and what to
do next. `edit_persona` merges cards, narrows one to a behaviour ("weekday takeout"), adds or
removes a pain point, or renames; `save_persona` stores a version that `Filters.persona`
then uses everywhere.

Numbers come only from the data (tools/personas/facts.py). The words (name, summary, needs,
pain point wording, next steps) come from templates, or from a `writer` callable that bot/
supplies when a language model is configured: it gets the facts and quotes and returns the
words. Its output is checked: text with a digit in it is dropped (a model must not introduce
numbers), and anything missing or malformed falls back to the template.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.core.errors import NoDataError, ToolInputError
from tools.core.pii import redact
from tools.core.results import Provenance, ResultMixin, to_jsonable
from tools.data.store import JourneyStore
from tools.personas import store as ps
from tools.personas.facts import ALL_IDS_SQL, member_texts, mentions, pain_points, persona_facts
from tools.personas.segments import FEATURES, Segmentation, segment_customers

# (facts for the writer, quotes) -> {"name", "summary", "needs_goals", "pain_points", "next_steps"}
Writer = Callable[[dict[str, Any], list[str]], dict[str, Any]]

Focus = Literal[
    "weekday", "weekend", "morning", "lunchtime", "evening", "pickup", "delivery", "in_store",
    "online", "phone", "frequent", "occasional", "high_value", "recent", "lapsed",
    "contacted_support", "unhappy", "happy", "buyers", "non_buyers",
]

_ORDERS = "SELECT customer_id, ts, amount, fulfilment, channel FROM orders " \
          "WHERE coalesce(status, 'completed') NOT IN ('cancelled', 'refunded')"
_PER_BUYER = f"SELECT customer_id, count(*) AS n, sum(amount) AS revenue, max(ts) AS last FROM ({_ORDERS}) o GROUP BY 1"
def _customers(n: int) -> str:
    return f"{n:,} customer" + ("" if n == 1 else "s")


_SCORE = "avg(CASE WHEN csat IS NOT NULL THEN (csat - 1) / 4.0 ELSE nps / 10.0 END)"


def _mostly(condition: str) -> str:
    return f"SELECT customer_id FROM ({_ORDERS}) o GROUP BY 1 HAVING avg(CASE WHEN {condition} THEN 1.0 ELSE 0.0 END) > 0.5"


# Each behaviour a card can be narrowed to: (words for the card, customers who show it).
FOCUS_SQL: dict[str, tuple[str, str]] = {
    "weekday": ("mostly buy on weekdays", _mostly("isodow(ts) <= 5")),
    "weekend": ("mostly buy at weekends", _mostly("isodow(ts) >= 6")),
    "morning": ("mostly buy in the morning", _mostly("hour(ts) < 11")),
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

STAGE_ACTIONS: dict[str, str] = {
    "consideration": "Give people who hear about you a reason to look: menu, prices and photos one tap away",
    "decision": "Make deciding easy where people compare: clear prices, photos and reviews",
    "purchase": "Remove friction at checkout and follow up baskets left behind",
    "post-purchase": "Follow up after the order: a thank-you, a short survey and a reason to return",
    "advocacy": "Ask happy customers for a review or to bring a friend",
}


# ---------------------------------------------------------------------------------------
# The card


@dataclass(frozen=True)
class Quote:
    text: str
    source: str  # "survey S000123", "ticket T000045"
    quoted: bool = True  # customer-written: the agent fences it as data


@dataclass(frozen=True)
class PainPoint:
    label: str
    mentions: int  # texts of the members that mention it
    texts: int  # texts of the members in all
    added: bool = False  # added in the conversation rather than found in the feedback
    key: str = ""

    def line(self) -> str:
        if not self.texts:
            evidence = "no feedback from these customers to check it against"
        else:
            evidence = f"{self.mentions} of {self.texts} comments and tickets"
        return f"{self.label} ({evidence}{'; added in conversation' if self.added else ''})"


@dataclass(frozen=True)
class Persona:
    name: str
    summary: str
    definition: str  # how the members were chosen, in words
    facts: dict[str, Any]
    needs_goals: tuple[str, ...]
    pain_points: tuple[PainPoint, ...]
    quotes: tuple[Quote, ...]
    next_steps: tuple[str, ...]
    written_by: Literal["template", "model"] = "template"
    renamed: bool = False
    focus: tuple[str, ...] = ()
    segment: int | None = None
    version: int | None = None  # set on saved personas

    # -- storage -----------------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Persona:
        return cls(
            name=data["name"], summary=data["summary"], definition=data["definition"], facts=data["facts"],
            needs_goals=tuple(data.get("needs_goals", ())),
            pain_points=tuple(PainPoint(**p) for p in data.get("pain_points", ())),
            quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
            next_steps=tuple(data.get("next_steps", ())), written_by=data.get("written_by", "template"),
            renamed=bool(data.get("renamed")), focus=tuple(data.get("focus", ())),
            segment=data.get("segment"), version=data.get("version"),
        )

    # -- rendering ---------------------------------------------------------------------
    def to_markdown(self, heading: str = "##") -> str:
        f = self.facts
        lines = [f"{heading} {self.name}", "", f"_{self.summary}_", ""]
        lines.append(f"- **Size:** {_customers(f['customers'])} ({_pct(f['share_of_customers'])} of customers), "
                     f"{_pct(f['share_of_revenue'])} of revenue")
        lines.append(f"- **Who:** {self.definition}")
        lines.append(f"- **Demographics:** {_demographics_text(f['demographics'])}")
        lines.append(f"- **Buying:** {_buying_text(f)}")
        lines += ["", "**Needs and goals**", *[f"- {n}" for n in self.needs_goals]]
        lines += ["", "**Pain points**"]
        lines += [f"- {p.line()}" for p in self.pain_points] or ["- none stand out in their feedback"]
        for q in self.quotes:
            lines.append(f'  > "{q.text}" ({q.source})')
        lines += ["", f"**Online behaviour:** {_online_text(f)}"]
        lines.append(f"**Key touchpoints:** {_touchpoints_text(f)}")
        lines.append(f"**Typical journey:** {_journey_text(f)}")
        lines += ["", "**What to do next**", *[f"- {s}" for s in self.next_steps]]
        return "\n".join(lines)

    def to_text(self) -> str:
        return self.to_markdown(heading="###")


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _money(x: float | None) -> str:
    return "n/a" if x is None else f"{x:,.2f}"


def _demographics_text(demo: dict[str, Any]) -> str:
    parts = []
    for col, label in (("age_band", "age"), ("gender", "gender"), ("city", "city"), ("region", "region")):
        d = demo.get(col)
        if not d:
            parts.append(f"{label}: not in the data")
            continue
        top = ", ".join(f"{t['value']} {_pct(t['share'])}" for t in d["top"])
        parts.append(f"{label}: {top} (recorded for {_pct(d['known_share'])})")
    return "; ".join(parts)


def _buying_text(f: dict[str, Any]) -> str:
    if not f["orders"]:
        return f"no orders from these customers; {_pct(f['buyer_share'])} have bought"
    ful = ", ".join(f"{k.replace('_', ' ')} {_pct(v)}" for k, v in f["fulfilment"].items() if v)
    peak = f.get("peak_daypart")
    when = f"{_pct(f['weekday_share'])} on weekdays" + (f", mostly {peak['part']} ({_pct(peak['share'])})" if peak else "")
    recency = f.get("median_days_since_purchase")
    since = f"; median {recency:.0f} days since the last purchase" if recency is not None else ""
    return (f"{_pct(f['buyer_share'])} have bought, {f['orders_per_buyer']:.1f} orders each, "
            f"average order {_money(f['avg_order'])}; {ful}; {when}{since}")


def _online_text(f: dict[str, Any]) -> str:
    parts = [f"{_pct(f['online_share'])} of their touchpoints are online",
             f"{f['sessions_per_customer']:.1f} web sessions per customer"]
    if f.get("cart_abandonment") is not None:
        parts.append(f"{_pct(f['cart_abandonment'])} of sessions with a basket end without an order")
    if f["first_touch_channels"]:
        parts.append("first came through " + ", ".join(
            f"{c['channel'].replace('_', ' ')} {_pct(c['share'])}" for c in f["first_touch_channels"]))
    return "; ".join(parts)


def _touchpoints_text(f: dict[str, Any]) -> str:
    if not f["touchpoints"]:
        return "none recorded"
    return ", ".join(
        f"{t['touchpoint'].replace('_', ' ')} {_pct(t['share'])}"
        + (f" ({t['lift']:.1f}x all customers)" if t.get("lift") else "") for t in f["touchpoints"])


def _journey_text(f: dict[str, Any]) -> str:
    chain = " > ".join(f"{s} {_pct(v)}" for s, v in f["stages"].items())
    w = f.get("weakest_stage")
    if not w:
        return f"{chain}; no step before advocacy loses more than 1% of them"
    return f"{chain}; weakest step: {w['from']} to {w['stage']} ({_pct(w['conversion'])} go on)"


# ---------------------------------------------------------------------------------------
# Words: templates, or a writer whose output is checked


def _archetypes(f: dict[str, Any], overall: dict[str, Any]) -> list[tuple[str, str]]:
    """Names that fit the behaviour, best first, with a one-line description."""
    ful, ch = f["fulfilment"], f["order_channels"]
    out: list[tuple[str, str]] = []
    avg, all_avg = f.get("avg_order") or 0.0, overall.get("avg_order") or 0.0
    if f["buyer_share"] < 0.2 and f.get("ordered_share", 0) >= 0.5:
        out.append(("The Let-Down Orderer", "ordered, but the order was cancelled or never completed"))
    if f["buyer_share"] < 0.2:
        out.append(("The Browser", "looks around, mostly online, and has not bought yet"))
        out.append(("The Window Shopper", "visits, looks and leaves without buying"))
    if (ful.get("in_store") or 0) >= 0.6 and f["orders_per_buyer"] >= overall.get("orders_per_buyer", 0):
        out.append(("The Regular", "drops into the shop often and buys a little each time"))
    if (ch.get("phone") or 0) >= 0.15 or (all_avg and avg >= 3 * all_avg and (ful.get("delivery") or 0) < 0.5):
        out.append(("The Big-Occasion Planner", "buys rarely but big, after a long look and a chat"))
    if (ful.get("pickup") or 0) >= 0.35:
        out.append(("The Order-Ahead Collector", "orders online and collects at a time that suits them"))
    if (ful.get("delivery") or 0) >= 0.5 and f["buyer_share"] >= 0.2:
        out.append(("The Delivery Shopper", "orders online now and then and has it delivered"))
    csat = (f.get("csat") or {}).get("mean")
    if csat is not None and csat <= 2.5:
        out.append(("The Disappointed Customer", "bought and was let down"))
    if all_avg and avg >= 1.8 * all_avg:
        out.append(("The Big Spender", "spends well above the typical order"))
    if f["orders_per_buyer"] >= 1.5 * max(overall.get("orders_per_buyer", 0), 1.0):
        out.append(("The Repeat Buyer", "comes back and buys again"))
    days = f.get("median_days_since_purchase")
    if days is not None and days >= 90:
        out.append(("The Lapsed Customer", "bought before but not lately"))
    if csat is not None and csat >= 4.3:
        out.append(("The Happy Customer", "is pleased with what they get"))
    out.append(("The Occasional Buyer", "buys now and then"))
    return out


def _needs(f: dict[str, Any]) -> list[str]:
    ful = f["fulfilment"]
    out = []
    if f["buyer_share"] < 0.2:
        out.append("Find out quickly what is on offer and what it costs")
        out.append("A reason to make the first purchase")
    if (ful.get("in_store") or 0) >= 0.5:
        out.append("A quick, reliable stop that fits their routine")
    if (ful.get("pickup") or 0) >= 0.3:
        out.append("Order ahead and collect at a set time, without waiting")
    if (ful.get("delivery") or 0) >= 0.5:
        out.append("Delivery that arrives on time and in good shape")
    if (f["order_channels"].get("phone") or 0) >= 0.15:
        out.append("Confidence before a big order: a clear quote and someone to talk to")
    if f.get("cart_abandonment") and f["cart_abandonment"] >= 0.4:
        out.append("A simple checkout they can finish on the first try")
    if not out:
        out.append("Good products at a fair price with little effort")
    return out[:4]


def template_words(f: dict[str, Any], overall: dict[str, Any], themes: list[dict[str, Any]],
                   used_names: set[str]) -> dict[str, Any]:
    name, what = next(((n, w) for n, w in _archetypes(f, overall) if n not in used_names),
                      ("The Occasional Buyer", "buys now and then"))
    if name in used_names:
        letter = 66
        while f"{name} {chr(letter)}" in used_names:
            letter += 1
        name = f"{name} {chr(letter)}"
    summary = (f"{what[0].upper()}{what[1:]}: {_customers(f['customers'])} "
               f"({_pct(f['share_of_customers'])}) bringing {_pct(f['share_of_revenue'])} of revenue.")
    steps = [t["action"] for t in themes[:2]]
    weakest = f.get("weakest_stage")
    if weakest and weakest["stage"] in STAGE_ACTIONS:
        steps.append(STAGE_ACTIONS[weakest["stage"]])
    days = f.get("median_days_since_purchase")
    if days is not None and days >= 60:
        steps.append("Win them back with a personal offer before they forget you")
    return {"name": name, "summary": summary, "needs_goals": _needs(f),
            "pain_points": [t["label"] for t in themes], "next_steps": steps[:4] or [STAGE_ACTIONS["post-purchase"]]}


_DIGIT = re.compile(r"\d")


def _clean_text(value: Any, limit: int) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).strip(" -*#")
    if not text or _DIGIT.search(text) or len(text) > limit:
        return None
    return text


def _clean_list(value: Any, limit: int = 160, most: int = 4) -> list[str] | None:
    if not isinstance(value, list):
        return None
    items = [t for t in (_clean_text(v, limit) for v in value) if t]
    return items[:most] or None


def checked_words(raw: Any, fallback: dict[str, Any], theme_count: int) -> tuple[dict[str, Any], list[str]]:
    """A writer's words, with every field that fails a check replaced by the template's.
    Returns the words and what was rejected (for provenance notes)."""
    out = dict(fallback)
    rejected: list[str] = []
    if not isinstance(raw, dict):
        return out, ["the model's answer was not an object"]
    checks = {"name": lambda v: _clean_text(v, 40), "summary": lambda v: _clean_text(v, 200),
              "needs_goals": _clean_list, "next_steps": _clean_list}
    for key, check in checks.items():
        value = check(raw.get(key))
        if value is None:
            rejected.append(key)
        else:
            out[key] = value
    # Pain point wording must stay one-to-one with the themes found in the data.
    pains = raw.get("pain_points")
    cleaned = [_clean_text(p, 120) for p in pains] if isinstance(pains, list) else None
    if cleaned is not None and len(cleaned) == theme_count and all(cleaned):
        out["pain_points"] = cleaned
    elif theme_count:
        rejected.append("pain_points")
    return out, rejected


def writer_brief(f: dict[str, Any], themes: list[dict[str, Any]], definition: str) -> dict[str, Any]:
    """What a writer sees: the statistics as rendered on the card, the themes and who they are."""
    return {
        "who": definition,
        "size": f"{_customers(f['customers'])} ({_pct(f['share_of_customers'])}), {_pct(f['share_of_revenue'])} of revenue",
        "buying": _buying_text(f),
        "online_behaviour": _online_text(f),
        "key_touchpoints": _touchpoints_text(f),
        "journey": _journey_text(f),
        "demographics": _demographics_text(f["demographics"]),
        "support": f"{f['tickets_per_100']:.0f} tickets per 100 customers",
        "pain_themes": [t["label"] for t in themes],
    }


# ---------------------------------------------------------------------------------------
# Building cards


@dataclass
class _Build:
    store: JourneyStore
    writer: Writer | None
    overall: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _card(con, b: _Build, members_sql: str, params: list[Any], *, definition: str, used: set[str],
          base: Persona | None = None, segment: int | None = None, focus: tuple[str, ...] = ()) -> Persona:
    f = persona_facts(con, members_sql, params)
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
            pains.append(PainPoint(p.label, mentions(texts, _words(p.label)), len(texts), added=True))
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


def _words(label: str) -> list[str]:
    """Word stems of a pain point, so "delivery times" finds "delivered" and "deliveries"."""
    words = [w for w in re.findall(r"[a-zA-ZÀ-ÿ]+", label.lower()) if w not in _STOP and len(w) > 2]
    return [re.sub(r"(?:ies|y|es|s|ed|ing)$", "", w) if len(w) > 5 else w for w in words][:4]


# ---------------------------------------------------------------------------------------
# Params and results


class DraftPersonasParams(BaseModel):
    """Draft personas from customer behaviour: one card per data-driven segment."""

    model_config = ConfigDict(extra="forbid")
    segments: int | None = Field(
        default=None, ge=2, le=6,
        description="How many segments/personas; leave empty to let the data choose (best silhouette, 2-6).")


class EditPersonaParams(BaseModel):
    """Change the draft personas of this conversation."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["merge", "narrow", "refocus", "add_pain_point", "remove_pain_point", "rename"] = Field(
        description="merge: combine two cards; narrow: keep only the members showing the `focus` behaviours; "
                    "refocus ('make the second one about weekday takeout customers'): the card becomes all "
                    "customers showing the `focus` behaviours, whichever segment they were in; "
                    "add_pain_point / remove_pain_point: edit the pain points with `text`; rename: new name in `text`.")
    which: list[int] = Field(
        default_factory=list, max_length=2,
        description="Draft card positions, 1 = first; -1 = the last, -2 = the one before it. Empty: the card "
                    "in focus ('her', 'it'): the first after a draft, then the one last edited. Merge needs two "
                    "(empty = the last two).")
    focus: list[Focus] = Field(
        default_factory=list, max_length=4,
        description="For narrow and refocus: behaviours the customers must show, e.g. ['weekday', 'pickup'] for weekday "
                    "takeout customers.")
    text: str | None = Field(
        default=None, min_length=1, max_length=60,
        description="For rename: the new name. For add_pain_point: the pain point in a few words. For "
                    "remove_pain_point: words of the pain point to remove.")


class SavePersonaParams(BaseModel):
    """Save a draft card as a persona (a new version if the name exists)."""

    model_config = ConfigDict(extra="forbid")
    which: int | None = Field(default=None, ge=-6, le=6,
                              description="Draft card position (1 = first, -1 = last); empty: the card in focus.")
    all: bool = Field(default=False, description="Save every card of the draft.")
    name: str | None = Field(default=None, min_length=1, max_length=60,
                             description="Save under this name instead of the card's.")


class ListPersonasParams(BaseModel):
    """No arguments: the saved personas, and this conversation's draft if any."""

    model_config = ConfigDict(extra="forbid")


class ShowPersonaParams(BaseModel):
    """One persona card: a saved persona by name, or a draft card."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=60,
                             description="A saved persona's name; empty: the draft card in focus.")
    which: int | None = Field(default=None, ge=-6, le=6, description="A draft card position (1 = first).")
    version: int | None = Field(default=None, ge=1, le=10_000, description="A saved version; empty: the latest.")


@dataclass(frozen=True)
class PersonaDraftResult(ResultMixin):
    personas: tuple[Persona, ...]
    provenance: Provenance
    headline: str = ""
    focus: int | None = None  # 1-based position "her"/"it" refers to

    def to_text(self) -> str:
        parts = [self.headline] if self.headline else []
        for i, p in enumerate(self.personas, start=1):
            parts.append(f"**{i}.** " + p.to_text().replace("### ", "", 1))
        return "\n\n".join(parts)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "position": i, "name": p.name, "customers": p.facts["customers"],
            "share_of_customers": p.facts["share_of_customers"], "share_of_revenue": p.facts["share_of_revenue"],
            "avg_order": p.facts["avg_order"], "weakest_stage": (p.facts.get("weakest_stage") or {}).get("stage"),
            "top_pain_point": p.pain_points[0].label if p.pain_points else None,
        } for i, p in enumerate(self.personas, start=1)])


@dataclass(frozen=True)
class SavedPersonaResult(ResultMixin):
    saved: tuple[tuple[str, int, int], ...]  # (name, version, members)
    provenance: Provenance

    def to_text(self) -> str:
        lines = [f"Saved **{n}** (version {v}, {_customers(m)})." for n, v, m in self.saved]
        names = ", ".join(f'"{n}"' for n, _, _ in self.saved)
        lines.append(f"Use it in any analysis, e.g. funnel for {names.split(', ')[0].strip(chr(34))}.")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.saved, columns=["name", "version", "members"])


@dataclass(frozen=True)
class PersonaListResult(ResultMixin):
    saved: pd.DataFrame  # name, version, versions, saved_at, members, summary
    draft: tuple[str, ...]  # names on this conversation's draft cards
    provenance: Provenance

    def to_text(self) -> str:
        lines = []
        if self.saved.empty:
            lines.append("No saved personas yet.")
        else:
            lines.append("Saved personas:")
            for r in self.saved.itertuples():
                lines.append(f"- **{r.name}** (v{r.version} of {r.versions}, {_customers(r.members)}): {r.summary}")
        if self.draft:
            lines.append("Draft in this conversation: " + "; ".join(f"{i}. {n}" for i, n in enumerate(self.draft, 1)))
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return self.saved.copy()


@dataclass(frozen=True)
class PersonaCardResult(ResultMixin):
    persona: Persona
    provenance: Provenance

    def to_text(self) -> str:
        return self.persona.to_text()

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([self.persona.facts | {"name": self.persona.name}])


# ---------------------------------------------------------------------------------------
# The operations


def _provenance(tool: str, params: BaseModel, definition: str, notes: list[str], **extra: Any) -> Provenance:
    return Provenance(tool=tool, definition=definition, params=params.model_dump(mode="json"),
                      tables=("customers", "events", "orders", "surveys", "tickets"),
                      notes=tuple(notes), **extra)


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
        note = f"feedback sentiment of {sentiment.index.nunique():,} customers used"
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
        b = _Build(store, writer, overall)
        used: set[str] = set()
        cards = [
            _card(con, b, ps.DRAFT_MEMBERS_SQL, [conversation, i + 1], used=used, segment=i,
                  definition=f"segment {i + 1} of {seg.k}: customers grouped by behaviour (KMeans)")
            for i in range(seg.k)
        ]
    info = {"overall": overall, "k": seg.k, "silhouette": seg.silhouette, "stability": seg.stability,
            "silhouettes": {str(k): v for k, v in seg.silhouettes.items()}}
    ps.write_draft(store, conversation, [c.to_record() for c in cards], members, info)
    headline = (f"I drafted {seg.k} personas from {_customers(len(seg.labels))}' behaviour. "
                f"Separation: {seg.separation} (silhouette {seg.silhouette:.2f}, "
                f"{'chosen from ' + ', '.join(f'k={k}: {v:.2f}' for k, v in seg.silhouettes.items()) if seg.chosen_by == 'silhouette' else 'k as asked'}); "
                f"stability {seg.stability:.2f} (agreement of refits on half the customers, 1 = identical).")
    notes = list(b.notes)
    notes.append("Features: " + "; ".join(FEATURES.values()))
    prov = _provenance("draft_personas", params, "KMeans on behavioural features scaled 0-1; k with the best "
                       "silhouette from 2 to 6; numbers on each card computed from the journey tables for its "
                       "members; pain points and quotes from their own surveys and tickets", notes,
                       row_counts={"customers": len(seg.labels)})
    return PersonaDraftResult(tuple(cards), prov, headline, focus=1)


def _load(store: JourneyStore, conversation: str) -> tuple[list[Persona], int | None, dict[str, Any]]:
    cards, focus, info = ps.read_draft(store, conversation)
    if not cards or not all(cards):
        raise ToolInputError("No personas are drafted in this conversation yet; ask me to 'draft personas' first.")
    return [Persona.from_record(c) for c in cards], focus, info


def _position(which: int | None, count: int, focus: int | None) -> int:
    if which is None:
        return focus if focus and 1 <= focus <= count else count
    pos = count + 1 + which if which < 0 else which
    if not 1 <= pos <= count or which == 0:
        raise ToolInputError(f"There is no persona {which} in the draft; it has {count} (1 to {count}, or -1 for the last).")
    return pos


def edit_persona(store: JourneyStore, params: EditPersonaParams, *, conversation: str = "default",
                 writer: Writer | None = None) -> PersonaDraftResult:
    """Merge, narrow, add or remove a pain point, or rename; data-backed fields are recomputed."""
    personas, focus, info = _load(store, conversation)
    n = len(personas)
    overall = info.get("overall") or {}
    b = _Build(store, writer, overall)
    used = {p.name for p in personas}
    conv = conversation
    if params.action == "merge":
        which = params.which or [-2, -1]
        if len(which) != 2:
            raise ToolInputError("Merging needs two personas, e.g. which=[1, 2] or the last two ([-2, -1]).")
        picked = sorted({_position(w, n, focus) for w in which})
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
                card = _card(con, b, ps.DRAFT_MEMBERS_SQL, [conv, a], used=used, base=base,
                             definition=f"{first.name} and {second.name} together")
                ps.update_card(con, conv, a, card.to_record())
                ps.set_focus(con, conv, a)
                con.commit()
            except Exception:
                con.rollback()
                raise
        msg = f"Merged {first.name} and {second.name} into **{card.name}** ({_customers(card.facts['customers'])})."
        return _after(store, params, conv, msg, b.notes)
    pos = _position(params.which[0] if params.which else None, n, focus)
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
        found = mentions(texts, _words(label))
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
        msg = f"Removed {len(persona.pain_points) - len(keep)} pain point(s) from {persona.name}."
    with store.connect() as con:
        ps.update_card(con, conv, pos, card.to_record())
        ps.set_focus(con, conv, pos)
    return _after(store, params, conv, msg, b.notes)


def _regroup(store: JourneyStore, params: EditPersonaParams, conv: str, pos: int, persona: Persona,
             b: _Build, used: set[str]) -> PersonaDraftResult:
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
        empty = f"None of the {_customers(persona.facts['customers'])} of {persona.name} {words}; the draft is unchanged."
    if left == 0:
        raise ToolInputError(empty)
    with store.connect() as con:
        con.begin()
        try:
            (ps.replace_members if refocus else ps.keep_members)(con, conv, pos, cohort, [])
            used.discard(persona.name)
            if refocus:
                card = _card(con, b, ps.DRAFT_MEMBERS_SQL, [conv, pos], used=used,
                             base=dataclasses.replace(persona, renamed=False),
                             definition=f"customers who {words}", segment=None, focus=tuple(params.focus))
            else:
                card = _card(con, b, ps.DRAFT_MEMBERS_SQL, [conv, pos], used=used, base=persona,
                             definition=f"{persona.definition}; only those who {words}", segment=persona.segment,
                             focus=tuple(dict.fromkeys((*persona.focus, *params.focus))))
            ps.update_card(con, conv, pos, card.to_record())
            ps.set_focus(con, conv, pos)
            con.commit()
        except Exception:
            con.rollback()
            raise
    now = _customers(card.facts["customers"])
    if refocus:
        msg = (f"Persona {pos} is now about customers who {words}: {now} (was {persona.name}, "
               f"{persona.facts['customers']:,}), numbers recomputed. It is now **{card.name}**.")
    else:
        msg = (f"Narrowed persona {pos} to customers who {words}: {persona.facts['customers']:,} -> {now}, "
               f"numbers recomputed. It is now **{card.name}**.")
    return _after(store, params, conv, msg, b.notes)


def _after(store: JourneyStore, params: BaseModel, conversation: str, message: str, notes: list[str]) -> PersonaDraftResult:
    personas, focus, _ = _load(store, conversation)
    prov = _provenance("edit_persona", params, "the draft personas of this conversation, members and numbers "
                       "recomputed from the journey tables after the edit", notes)
    return PersonaDraftResult(tuple(personas), prov, message, focus=focus)


def save_persona(store: JourneyStore, params: SavePersonaParams, *, conversation: str = "default") -> SavedPersonaResult:
    """Save draft card(s); the saved members drive `Filters.persona` from now on."""
    personas, focus, _ = _load(store, conversation)
    positions = range(1, len(personas) + 1) if params.all else [_position(params.which, len(personas), focus)]
    if params.all and params.name:
        raise ToolInputError("A name can only be given when saving one persona.")
    saved = []
    for pos in positions:
        persona = personas[pos - 1]
        name = (params.name or persona.name).strip()
        name = ps.saved_name(store, name) or name
        card = dataclasses.replace(persona, name=name).to_record()
        version = ps.save_version(store, name, card, conversation, pos)
        saved.append((name, version, int(persona.facts["customers"])))
    prov = _provenance("save_persona", params, "draft card(s) saved with their members as a new version; "
                       "analyses filtered by persona use the latest version", [])
    return SavedPersonaResult(tuple(saved), prov)


def list_personas(store: JourneyStore, params: ListPersonasParams | None = None, *,
                  conversation: str = "default") -> PersonaListResult:
    frame = ps.saved_list(store)
    frame["summary"] = [json.loads(c).get("summary", "") for c in frame["card"]]
    frame = frame.drop(columns=["card"])
    cards, _, _ = ps.read_draft(store, conversation)
    draft = tuple(c.get("name", "") for c in cards if c)
    prov = _provenance("list_personas", params or ListPersonasParams(), "saved personas (latest version each) "
                       "and this conversation's draft", [], row_counts={"personas": len(frame)})
    return PersonaListResult(frame, draft, prov)


def show_persona(store: JourneyStore, params: ShowPersonaParams, *, conversation: str = "default") -> PersonaCardResult:
    if params.name:
        name = ps.saved_name(store, params.name)
        if name is None:
            known = ", ".join(ps.saved_list(store)["name"]) or "none yet"
            raise ToolInputError(f"No saved persona named {params.name!r}; saved personas: {known}.")
        found = ps.saved_card(store, name, params.version)
        if found is None:
            raise ToolInputError(f"{name} has no version {params.version}; versions: "
                                 f"{', '.join(map(str, ps.versions(store, name)))}.")
        card, version = found
        persona = dataclasses.replace(Persona.from_record(card), version=version)
        definition = f"saved persona {name}, version {version}"
    else:
        personas, focus, _ = _load(store, conversation)
        persona = personas[_position(params.which, len(personas), focus) - 1]
        definition = "a draft persona of this conversation"
    return PersonaCardResult(persona, _provenance("show_persona", params, definition, []))


def export_personas(store: JourneyStore, names: list[str] | None = None, *, fmt: Literal["md", "json"] = "md") -> str:
    """Saved personas (latest versions; all when `names` is empty) as Markdown or JSON."""
    saved = ps.saved_list(store)
    if saved.empty:
        raise NoDataError("No saved personas to export yet.")
    wanted = list(saved["name"]) if not names else []
    for n in names or []:
        match = ps.saved_name(store, n)
        if match is None:
            raise ToolInputError(f"No saved persona named {n!r}; saved personas: {', '.join(saved['name'])}.")
        wanted.append(match)
    personas = []
    for n in wanted:
        card, version = ps.saved_card(store, n)  # type: ignore[misc]
        personas.append(dataclasses.replace(Persona.from_record(card), version=version))
    if fmt == "json":
        return json.dumps([p.to_record() for p in personas], indent=2, ensure_ascii=False)
    return "# Personas\n\n" + "\n\n".join(p.to_markdown() for p in personas) + "\n"
