""""May" the month said with no preposition (lane probe27b, from probe27b's misses): "compare may and
june", "may vs june bookings", "june against may". Alone "may" is the verb ("may we see ..."), so
bot/agent/when.py reads it as the month only after "in", "since" and the like; set beside another
month by "and", "vs", "with" or "against" (or after "compare" or "between") it is that month too.
"""

from __future__ import annotations

import re

from bot.agent.patterns import lazy
from bot.agent.when_words import MONTH_RX

_JOIN = r"(?:and|&|vs\.?|versus|v|against|with|or|to|than|on|over|next to|beside|set against)"
_AFTER = lazy(rf"^\s*,?\s*{_JOIN}\s+(?:the\s+|in\s+)?{MONTH_RX}")
_BEFORE = lazy(rf"(?:\b{MONTH_RX}\s*,?\s+{_JOIN}\s+|\b(?:compare|comparing|compared|between)\s+)$")


def may_beside_a_month(t: str, m: re.Match[str]) -> bool:
    """Whether the bare "may" at `m` stands beside another month (or after "compare")."""
    return bool(_AFTER.search(t[m.end():]) or _BEFORE.search(t[:m.start()]))
