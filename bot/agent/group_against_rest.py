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


def against_the_rest(slots: Any) -> str | None:
    """'segment' when the question sets the segment it names against all other customers."""
    filters = getattr(slots, "filters", None) or {}
    text = getattr(slots, "text", "") or ""
    return "segment" if filters.get("segment") and _THE_REST.search(text) else None
