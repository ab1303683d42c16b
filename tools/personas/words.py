"""The words on a card: templates that fit the behaviour, or a writer's, checked.

`template_words` names a card from its facts (archetypes best first, never a name already used)
and writes its summary, needs and next steps. A `writer` (a language model, supplied by bot/)
may replace them: `checked_words` drops any field with a digit in it (a model must not introduce
numbers) or of the wrong shape, and keeps the template's there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tools.personas.card import card_numbers, n_customers, percent

# (facts for the writer, quotes) -> {"name", "summary", "needs_goals", "pain_points", "next_steps"}
Writer = Callable[[dict[str, Any], list[str]], dict[str, Any]]


STAGE_ACTIONS: dict[str, str] = {
    "consideration": "Give people who hear about you a reason to look: menu, prices and photos one tap away",
    "decision": "Make deciding easy where people compare: clear prices, photos and reviews",
    "purchase": "Remove friction at checkout and follow up baskets left behind",
    "post-purchase": "Follow up after the order: a thank-you, a short survey and a reason to return",
    "advocacy": "Ask happy customers for a review or to bring a friend",
}


def _archetypes(f: dict[str, Any], overall: dict[str, Any]) -> list[tuple[str, str]]:
    """Names that fit the behaviour, best first, with a one-line description."""
    ful, ch = f["fulfilment"], f["order_channels"]
    out: list[tuple[str, str]] = []
    avg, all_avg = f.get("avg_order") or 0.0, overall.get("avg_order") or 0.0
    ordered = f.get("ordered_share", 0) >= 0.5
    if f["buyer_share"] < 0.2 and ordered and f.get("cancelled_share", 0) >= 0.8:
        out.append(("The Cancelled Orderer", "ordered, but the orders were cancelled"))
    if f["buyer_share"] < 0.2 and ordered:
        out.append(("The Let-Down Orderer", "ordered, but the order was cancelled or never completed"))
    if f["buyer_share"] < 0.2 and not ordered:
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
    summary = (f"{what[0].upper()}{what[1:]}: {n_customers(f['customers'], card_numbers(f))} "
               f"({percent(f['share_of_customers'])})"
               + (f" bringing {percent(f['share_of_revenue'])} of revenue." if f.get("orders_loaded", True)
                  else "; no orders are loaded, so no revenue to share out."))
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
