"""(lane ps15) Which way an alert should fire when the owner keeps only one: "only warn me when
they go up, not down", "just the drops", "tell me about rises only". Said with no number, it is
the direction of an unusual-day rule (up or down), not a threshold."""

from __future__ import annotations

import re

from bot.agent.patterns import lazy

_RISE = r"(?:go(?:es)? up|went up|going up|rise[sn]?|rising|rose|climb(?:s|ing)?|increase[sd]?|spikes?|jumps?|higher)"
_FALL = r"(?:go(?:es)? down|went down|going down|drops?|dropping|falls?|falling|dips?|decrease[sd]?|declines?|lower)"
_ONLY = r"\b(?:only|just)\b"


def _kept(move: str, other: str) -> re.Pattern[str]:
    # "only ... when they go up, not down", "just the rises", "rises only", "not when they drop, only rises"
    return lazy(rf"{_ONLY}(?: [\w'-]+){{0,6}} (?:the |on |about |for |when |if )?(?<!\bor )(?<!\band ){move}\b(?!(?: or| and)(?: [\w'-]+){{0,2}} {other})|"
                      rf"\b{move} only\b|\b(?:not|never|don'?t|do not)(?: [\w'-]+){{0,4}} {other}\b")


_UP_ONLY = _kept(_RISE, _FALL)
_DOWN_ONLY = _kept(_FALL, _RISE)


def one_way(text: str) -> str | None:
    """'up' or 'down' when the words keep one direction of move and turn down the other."""
    up, down = bool(_UP_ONLY.search(text)), bool(_DOWN_ONLY.search(text))
    if up == down:
        return None
    return "up" if up else "down"
