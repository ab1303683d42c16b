"""A series asked at another step in plural words, mostly as a follow-up of a trend (probe 17b):
"can u flip that to months instead of weeks", "switch it to days", "make it months", "break it
into weeks", "weeks rather than months". bot/agent/when.py reads "monthly", "by month" and "week
by week" (and is full); slots.py takes this one first, since "months instead of weeks" names
both steps and when.py would read the one turned down. Said only with a
verb that reshapes the chart, or as one step instead of another: "delivery time in days" and
"3 months ago" name no series.
"""

from __future__ import annotations

import re

_STEPS = r"(day|week|month|quarter)s"
_SWAPPED = re.compile(
    rf"\b(?:flip|switch|change|swap|turn|put|make|break|split|bucket|group|show|do|redo|chart|plot|lay|set)\w* "
    rf"(?:it|that|this|them|those|the (?:chart|graph|trend|series|view|numbers|figures|line)) (?:out )?(?:back )?"
    rf"(?:to|into|in|by|as|over)? ?(?:whole |full |calendar |single |separate )?{_STEPS}\b"
    r"(?! (?:ago|back|old|before|after|later|from|of (?:data|history)|to go|left|since|running|out|away|time)\b)|"
    rf"\b{_STEPS} (?:instead of|rather than|not) (?:the )?(?:days|weeks|months|quarters)\b")


def swapped_grain(text: str) -> str | None:
    """The step ('day', 'week', 'month', 'quarter') a reshaped series is asked at, else None."""
    m = _SWAPPED.search(text)
    return next((g for g in m.groups() if g), None) if m else None
