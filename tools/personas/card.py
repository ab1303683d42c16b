"""A persona card: its types (Quote, PainPoint, Persona) and how its facts read as text.

The card is a frozen record of numbers from the data (`facts`, tools/personas/facts.py) and the
words that go with them (tools/personas/words.py). `writer_brief` gives a writer the same
sentences the card shows, so the words it returns describe exactly what the owner reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from tools.core.money import NumberFormat
from tools.core.results import to_jsonable
from tools.core.text import counted


def n_customers(n: int, numbers: NumberFormat | None = None) -> str:
    """'1.234 customers' with the business's grouping marks (English marks when none given)."""
    return counted(n, "customer", numbers)


def card_numbers(f: dict[str, Any]) -> NumberFormat:
    """How the card's numbers are written: the currency and locale its facts were computed in
    (older saved cards without them were made for the default profile, in pounds)."""
    return NumberFormat.of(f.get("currency") or "GBP", f.get("locale"))


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

    def line(self, numbers: NumberFormat | None = None) -> str:
        n = (numbers or NumberFormat()).number
        if not self.texts:
            evidence = "no feedback from these customers to check it against"
        else:
            evidence = f"{n(self.mentions)} of {n(self.texts)} comments and tickets"
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
        lines.append(f"- **Size:** {n_customers(f['customers'], card_numbers(f))} ({percent(f['share_of_customers'])} of customers), "
                     f"{revenue_share_text(f)}")
        lines.append(f"- **Who:** {self.definition}")
        lines.append(f"- **Demographics:** {_demographics_text(f['demographics'])}")
        lines.append(f"- **Buying:** {_buying_text(f)}")
        lines += ["", "**Needs and goals**", *[f"- {n}" for n in self.needs_goals]]
        lines += ["", "**Pain points**"]
        lines += [f"- {p.line(card_numbers(f))}" for p in self.pain_points] or ["- none stand out in their feedback"]
        for q in self.quotes:
            lines.append(f'  > "{q.text}" ({q.source})')
        lines += ["", f"**Online behaviour:** {_online_text(f)}"]
        lines.append(f"**Key touchpoints:** {_touchpoints_text(f)}")
        lines.append(f"**Typical journey:** {_journey_text(f)}")
        lines += ["", "**What to do next**", *[f"- {s}" for s in self.next_steps]]
        return "\n".join(lines)

    def to_text(self) -> str:
        return self.to_markdown(heading="###")


def revenue_share_text(f: dict[str, Any]) -> str:
    """The group's share of revenue, or why there is none (facts saved before `orders_loaded`
    existed had orders)."""
    if f.get("orders_loaded", True):
        return f"{percent(f['share_of_revenue'])} of revenue"
    return "revenue not in the data (no orders are loaded)"


def percent(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _money(x: float | None, f: dict[str, Any]) -> str:
    """An amount in the currency the facts were computed in."""
    return "n/a" if x is None else card_numbers(f).money(x)


def _demographics_text(demo: dict[str, Any]) -> str:
    parts = []
    for col, label in (("age_band", "age"), ("gender", "gender"), ("city", "city"), ("region", "region")):
        d = demo.get(col)
        if not d:
            parts.append(f"{label}: not in the data")
            continue
        top = ", ".join(f"{t['value']} {percent(t['share'])}" for t in d["top"])
        parts.append(f"{label}: {top} (recorded for {percent(d['known_share'])})")
    return "; ".join(parts)


def _buying_text(f: dict[str, Any]) -> str:
    if f.get("open_only") and f["buyers"] < f["open_only"]:
        return _open_orders_text(f)
    if not f["orders"] and f.get("ordered_share"):
        return (f"no completed orders: {percent(f['ordered_share'])} of them ordered, and "
                f"{percent(f.get('cancelled_share', 0.0))} of those orders were cancelled; "
                f"{percent(f['buyer_share'])} have bought")
    if not f["orders"] and not f.get("orders_loaded", True):
        reached = (f.get("stages") or {}).get("purchase")
        return ("no orders are loaded, so no order counts or amounts"
                + (f"; {percent(reached)} reached the purchase step in their journey events" if reached else ""))
    if not f["orders"]:
        return f"no orders from these customers; {percent(f['buyer_share'])} have bought"
    ful = ", ".join(f"{k.replace('_', ' ')} {percent(v)}" for k, v in f["fulfilment"].items() if v)
    peak = f.get("peak_daypart")
    when = f"{percent(f['weekday_share'])} on weekdays" + (f", mostly {peak['part']} ({percent(peak['share'])})" if peak else "")
    recency = f.get("median_days_since_purchase")
    since = f"; median {recency:.0f} days since the last purchase" if recency is not None else ""
    # An export without pickup, delivery or in-store orders (most online shops) has no split to name.
    return (f"{percent(f['buyer_share'])} have bought, {card_numbers(f).number(f['orders_per_buyer'], 1)} orders each, "
            f"average order {_money(f['avg_order'], f)}; {ful + '; ' if ful else ''}{when}{since}")


def _open_orders_text(f: dict[str, Any]) -> str:
    """Most of the group ordered and waits (shipped, invoiced): shares of "have bought" and the
    per-buyer figures of the few who did would describe a handful, so both are counted."""
    nf = card_numbers(f)
    words = ", ".join(f"{w['status']} {percent(w['share'])}" for w in f.get("open_statuses", ()))
    text = (f"{nf.number(f['open_only'])} of {n_customers(f['customers'], nf)} have orders not completed "
            f"yet{' (' + words + ')' if words else ''} and none completed")
    if not f["buyers"]:
        return text + "; none has bought"
    return (text + f"; {nf.number(f['buyers'])} {'has' if f['buyers'] == 1 else 'have'} bought: "
            f"{nf.number(f['orders_per_buyer'], 1)} orders each, average order {_money(f['avg_order'], f)}")


def _online_text(f: dict[str, Any]) -> str:
    if not f["touchpoints"]:
        # Orders alone (a till export): "n/a online, 0.0 web sessions" would read as customers
        # who never go online, when nothing about their visits was loaded.
        parts = ["not known: no journey events (web or store visits) for these customers"]
    else:
        parts = [f"{percent(f['online_share'])} of their touchpoints are online"]
        if f.get("sessions_per_customer") is not None:
            parts.append(f"{card_numbers(f).number(f['sessions_per_customer'], 1)} web sessions per customer")
    if f.get("cart_abandonment") is not None:
        parts.append(f"{percent(f['cart_abandonment'])} of sessions with a basket end without an order")
    if f["first_touch_channels"]:
        parts.append("first came through " + ", ".join(
            f"{c['channel'].replace('_', ' ')} {percent(c['share'])}" for c in f["first_touch_channels"]))
    return "; ".join(parts)


def _touchpoints_text(f: dict[str, Any]) -> str:
    if not f["touchpoints"]:
        return "none recorded"
    return ", ".join(
        f"{t['touchpoint'].replace('_', ' ')} {percent(t['share'])}"
        + (f" ({card_numbers(f).number(t['lift'], 1)}x all customers)" if t.get("lift") else "") for t in f["touchpoints"])


def _journey_text(f: dict[str, Any]) -> str:
    if not f["touchpoints"]:
        return "not known: no journey events for these customers"
    chain = " > ".join(f"{s} {percent(v)}" for s, v in f["stages"].items())
    w = f.get("weakest_stage")
    if not w:
        return f"{chain}; no step before advocacy loses more than 1% of them"
    return f"{chain}; weakest step: {w['from']} to {w['stage']} ({percent(w['conversion'])} go on)"


def writer_brief(f: dict[str, Any], themes: list[dict[str, Any]], definition: str) -> dict[str, Any]:
    """What a writer sees: the statistics as rendered on the card, the themes and who they are."""
    return {
        "who": definition,
        "size": f"{n_customers(f['customers'], card_numbers(f))} ({percent(f['share_of_customers'])}), {revenue_share_text(f)}",
        "buying": _buying_text(f),
        "online_behaviour": _online_text(f),
        "key_touchpoints": _touchpoints_text(f),
        "journey": _journey_text(f),
        "demographics": _demographics_text(f["demographics"]),
        "support": f"{f['tickets_per_100']:.0f} tickets per 100 customers",
        "pain_themes": [t["label"] for t in themes],
    }
