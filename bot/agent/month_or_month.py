"""(lane tune28) Two months offered as a choice: "was turnover better in october or september",
"were bookings higher in august or july". Each date reader takes the first month and leaves the
second, so the question lost its yardstick; a comparative word said with two months joined by
"or" sets the first against the second (the one named first is the period, the bank
convention). Not "do we sell more in october or november as a rule": a habit of the year."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.when_words import MONTH_NUMBERS, MONTH_RX, month_range, period_between

_PAIR = lazy(rf"\b(?:in |for |during )?{MONTH_RX}\s*,?\s+or\s+(?:in |for |during )?{MONTH_RX}")
_BETTER = lazy(r"\b(?:better|worse|higher|lower|more|less|fewer|bigger|smaller|busier|quieter|stronger|weaker|"
                     r"best|worst|up|down|beat|ahead)\b")
_HABIT = lazy(r"\b(?:usually|typically|normally|always|tend|as a rule|every year|each year|historically|generally)\b")


def _month(word: str, as_of: dt.date) -> str | None:
    number = MONTH_NUMBERS.get(word.rstrip(".").lower())
    return period_between(*month_range(number, as_of)) if number else None


def month_or_month(t: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with the second of two months offered as a choice set against the first."""
    if as_of is None or when.against is not None or not _BETTER.search(t) or _HABIT.search(t):
        return when
    m = _PAIR.search(t)
    if not m:
        return when
    first, second = _month(m.group(1), as_of), _month(m.group(2), as_of)
    if first is None or second is None or first == second or when.period not in (None, first):
        return when
    return dataclasses.replace(when, period=first, against=second, spans=sorted({*when.spans, m.span()}))
