"""A series asked at another step in plural words, mostly as a follow-up of a trend (probe 17b):
"can u flip that to months instead of weeks", "switch it to days", "make it months", "break it
into weeks", "weeks rather than months". bot/agent/when.py reads "monthly", "by month" and "week
by week" (and is full); slots.py takes this one first, since "months instead of weeks" names
both steps and when.py would read the one turned down. Said only with a
verb that reshapes the chart, or as one step instead of another: "delivery time in days" and
"3 months ago" name no series.
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.word_fragments import DAY_TO_QUARTER

_STEPS = r"(day|week|month|quarter)s"
_SWAPPED = lazy(
    rf"\b(?:flip|switch|change|swap|turn|put|make|break|split|bucket|group|show|do|redo|chart|plot|lay|set)\w* "
    rf"(?:it|that|this|them|those|the (?:chart|graph|trend|series|view|numbers|figures|line)) (?:out )?(?:back )?"
    rf"(?:to|into|in|by|as|over)? ?(?:whole |full |calendar |single |separate )?{_STEPS}\b"
    r"(?! (?:ago|back|old|before|after|later|from|of (?:data|history)|to go|left|since|running|out|away|time)\b)|"
    rf"\b{_STEPS} (?:instead of|rather than|not) (?:the )?(?:days|weeks|months|quarters)\b")

# (lane ps24) "takings per month over q3 rather than per week", "monthly, not weekly": the step kept,
# said in the singular, the one turned down after it
_ONE_STEP = r"(?:per|by|each|a|every) (day|week|month|quarter)\b|\b(dai|week|month|quarter)ly"
_KEPT = lazy(rf"\b(?:{_ONE_STEP})\b(?:,? [\w-]+){{0,4}}?,? (?:instead of|rather than|not) "
                   rf"(?:(?:per|by|each|a|every) {DAY_TO_QUARTER}|daily|weekly|monthly|quarterly)\b")


def swapped_grain(text: str) -> str | None:
    """The step ('day', 'week', 'month', 'quarter') a reshaped series is asked at, else None."""
    m = _SWAPPED.search(text) or _KEPT.search(text)
    step = next((g for g in m.groups() if g), None) if m else None
    return "day" if step == "dai" else step
