"""Two of the data's own groups set against each other by name: "vip vs loyalty, who spends more
per appointment", "email versus instagram for lesson bookings". A segment's name alone is read
only next to a people word ("vip customers"), and some channels ("email") only next to a word
of their kind, since each may mean something else; two of one kind either side of "vs" name
the groups themselves, so both are kept (bot/agent/group_levels.py then reads each group's
level, movers ranked by value).
"""

from __future__ import annotations

import re
from typing import Any

from bot.agent.patterns import rx

_VS = r"\s*,?\s+(?:vs\.?|versus|against|compared (?:with|to))\s+(?:the\s+|our\s+)?"


def _alternation(names: dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))


def _pair(t: str, names: dict[str, str]) -> list[str]:
    """The two values either side of "vs", as the data spells them, if both are of `names`."""
    if not names:
        return []
    alt = _alternation(names)
    m = rx.search(rf"(?<![\w-])(?:the\s+|our\s+)?({alt})s?{_VS}({alt})s?(?![\w-])", t)
    if m is None:
        return []
    a, b = names[m.group(1)], names[m.group(2)]
    return [a, b] if a != b else []


def pair_groups(slots: Any, t: str, known: Any) -> None:
    """Keep both groups of a "X vs Y" of one dimension (segments or channels) in `slots`."""
    from bot.agent.vocab import CHANNEL_SYNONYMS

    segments = {v.lower().replace("_", " "): v for v in getattr(known, "segments", ()) or ()}
    pair = _pair(t, segments)
    if pair:
        slots.filters["segment"] = pair
        slots.channels = [c for c in slots.channels if c not in {CHANNEL_SYNONYMS.get(p.lower()) for p in pair}]
        return
    known_channels = set(getattr(known, "channels", ()) or ())
    channels = {code.replace("_", " "): code for code in known_channels}
    channels.update({w: c for w, c in CHANNEL_SYNONYMS.items() if not known_channels or c in known_channels})
    pair = _pair(t, channels)
    if pair and not slots.filters.get("segment"):
        slots.channels = pair
