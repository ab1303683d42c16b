"""(lane tune29) A period set against the one just before it, said relative to the period itself:
"last week's takings against the week before that", "rentals yesterday vs the same saturday a
week earlier", "how did yesterday measure up to the saturday a week earlier". bot/agent/when.py
reads "the week before that" only as a follow-up's step back (no period of its own to step
from), and "a week earlier" as a weekly grain, so the comparison lost its yardstick. Here the
yardstick is the period moved back: one unit (bot/agent/step_back.py), or, for a single day
against "the same weekday a week earlier", that day seven days before."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.weekday_before import one_day
from bot.agent.word_fragments import DAY_WEEK_MONTH

_AGAINST = (r"(?:vs\.?|versus|against|compared (?:with|to)|(?:measure[sd]?|stack(?:s|ed)?|match(?:es|ed)?|shape[sd]?) up "
            r"(?:to|against|with|next to)|than|next to|with)")
# (its own set, not word_fragments.WEEKDAY: "the day before" is a yardstick too)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day)"
# "vs the same saturday a week earlier", "against the day a week before"
_SAME_DAY = lazy(rf"\b{_AGAINST} (?:the |that )?(?:same )?{_DAY} (?:a|one) week (?:earlier|before|prior|back)\b")
# "against the week before that", "vs the month prior to it"
_UNIT_BEFORE = lazy(rf"\b{_AGAINST} (?:the )?(day|week|fortnight|month|quarter|year) "
                          r"(?:before|prior to|earlier than) (?:that|it|this|then)\b")
# (lane ps13) "compare site visits last week to the week before that": a bare "to" is the yardstick
# only after "compare" ("up to the week before that" is no comparison)
_TO_UNIT_BEFORE = lazy(r"\bto (?:the )?(day|week|fortnight|month|quarter|year) (?:before|prior to|earlier than) (?:that|it|this|then)\b")
# (lane tune31) or right after the period itself: "delivery time last week to the week before that"
_COMPARE = lazy(r"\bcompar(?:e|ed|ing)\b|\b(?:last|this|past|previous) (?:day|week|fortnight|month|quarter|year)(?:'s)? "
                      r"(?:[\w'-]+ )?to (?:the )?(?:day|week|fortnight|month|quarter|year) (?:before|prior to|earlier than)\b")
_GRAIN_SAID = lazy(rf"\b(?:weekly|daily|monthly|by (?:the )?{DAY_WEEK_MONTH}|per {DAY_WEEK_MONTH}|"
                         rf"{DAY_WEEK_MONTH} (?:by|on|to|after) {DAY_WEEK_MONTH}|each {DAY_WEEK_MONTH})\b")


def yardstick_before(text: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with the period just before its own as the yardstick, when the words say so."""
    from bot.agent.step_back import shift_back

    if as_of is None or not when.period or when.against:
        return when
    said = _SAME_DAY.search(text)
    against = None
    if said is not None:
        day = one_day(when.period, as_of)
        if day is not None:
            back = (day - dt.timedelta(days=7)).isoformat()
            against = f"{back}..{back}"
    else:
        said = _UNIT_BEFORE.search(text) or (_TO_UNIT_BEFORE.search(text) if _COMPARE.search(text) else None)
        if said is not None:
            against = shift_back(when.period, said.group(1), as_of)
    if against is None or said is None:
        return when
    rest = text[:said.start()] + text[said.end():]
    grain = when.grain if _GRAIN_SAID.search(rest) else None  # "a week earlier" is no weekly series
    return dataclasses.replace(when, against=against, step=None, grain=grain, spans=[*when.spans, said.span()])
