"""(lane probe15c) One customer group set against everyone else: "are our vip customers happier
than everyone else", "do loyalty members rate us better than the rest", "leads vs all the
others". The group named is a segment (a filter when alone); against the rest it is one side of a
split by segment, which satisfaction_by shows group by group."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.patterns import lazy

_THE_REST = lazy(r"\b(?:than|vs\.?|versus|against|compared (?:to|with)) (?:all )?(?:everyone|everybody|anyone|anybody|"
                       r"(?:the |all the )?(?:rest|others|other (?:customers|clients|people|members|groups|segments|accounts|folks?))|"
                       r"the other (?:customers|clients|people|members|groups|segments|lot|ones))\b(?: else)?", re.I)


# (lane probe26a) "review scores from tiktok finds versus other channels", "instagram folk against the
# other first channels": one first channel set against the others
_OTHER_CHANNELS = lazy(r"\b(?:than|vs\.?|versus|against|compared (?:to|with)|next to) (?:all |the |all the |every )?"
                             r"other (?:first[- ]?(?:touch )?)?channels?\b", re.I)


def against_the_rest(slots: Any) -> str | None:
    """'segment' when the question sets the segment it names against all other customers,
    'channel' when it sets a first channel against the other channels."""
    filters = getattr(slots, "filters", None) or {}
    text = getattr(slots, "text", "") or ""
    if (filters.get("channel") or getattr(slots, "channels", None)) and _OTHER_CHANNELS.search(text):
        return "channel"
    return "segment" if filters.get("segment") and _THE_REST.search(text) else None
