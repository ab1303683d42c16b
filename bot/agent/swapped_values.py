"""(lane probe15c) A filter value said to be swapped for another: "swap instagram for facebook",
"replace instagram with tiktok", "facebook instead of instagram", "the vip lot rather than the
leads". Both values are named, so both were read; the one given up is dropped, when the one taken
instead is a value read too (so "revenue instead of instagram" drops nothing)."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_SWAPS = (
    lazy(r"\b(?:swap|switch|change|replace|trade)\s+(?:the\s+|our\s+)?(?P<old>[\w-]+)(?:\s+(?:ones?|people|customers|lot|crowd))?"
               r"\s+(?:out\s+)?(?:for|with|to|by)\s+(?:the\s+|our\s+)?(?P<new>[\w-]+)\b"),
    lazy(r"\b(?P<new>[\w-]+)(?:\s+(?:ones?|people|customers|lot|crowd))?\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)"
               r"\s+(?:the\s+|our\s+)?(?P<old>[\w-]+)\b"),
)


def drop_swapped(slots: Any, text: str, synonyms: dict[str, str]) -> None:
    """Drop from `slots`' channels and filters each value the text swaps for another value read."""
    def value_of(word: str) -> str:
        return synonyms.get(word.lower(), word.lower())

    for pattern in _SWAPS:
        for m in pattern.finditer(text):
            old, new = value_of(m.group("old")), value_of(m.group("new"))
            held = {c.lower() for c in slots.channels} | {v.lower() for vs in slots.filters.values() for v in vs}
            if old == new or old not in held or new not in held:
                continue
            slots.channels = [c for c in slots.channels if c.lower() != old]
            slots.filters = {k: kept for k, vs in slots.filters.items() if (kept := [v for v in vs if v.lower() != old])}
