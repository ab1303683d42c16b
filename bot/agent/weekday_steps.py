"""(lane tune29) A weekday said in a follow-up, loosely: "what about the friday then", "ok and the
tuesday again" (the latest such day, as bot/agent/loose_days.py reads a weekday that ends the
question, a word of talk after it), and "and the saturday before that one", "the monday before
it" (a step back from the day the conversation was about to the same weekday before it,
bot/agent/step_back.py's `shift_back` with a weekday for its unit)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.when_words import WEEKDAY_NAMES, latest_weekday, period_between
from bot.agent.word_fragments import WEEKDAY_CAUGHT

_WEEKDAY = WEEKDAY_CAUGHT
# "the friday then", "that thursday again", "the monday instead": the weekday, a word of talk after it
_THEN = lazy(rf"^(?:(?:and|so|ok|okay|right|what about|how about|then)[, ]+)+(?:the |that |on )?{_WEEKDAY}"
                   r" (?:then|again|instead|too|pls|please|now)\s*[?.!]*\s*$")
# "and the saturday before that one", "the monday before it": that weekday, before the last period
_BEFORE = lazy(rf"\bthe {_WEEKDAY} (?:before|prior to|ahead of) (?:that|it|this|then)(?: one| day)?\b")


def weekday_said(t: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with the weekday a follow-up names, or the step back to the weekday before."""
    if as_of is None or when.period is not None or when.against is not None:
        return when
    m = _THEN.search(t)
    if m:
        day = latest_weekday(m.group(1), as_of)
        return dataclasses.replace(when, period=period_between(day, day), spans=[*when.spans, m.span()])
    m = _BEFORE.search(t)
    if m and when.step is None:
        return dataclasses.replace(when, step=m.group(1), spans=[*when.spans, m.span()])
    return when


def weekday_before_period(first: dt.date, weekday: str) -> str | None:
    """The latest `weekday` strictly before `first`, as a one-day period."""
    if weekday not in WEEKDAY_NAMES:
        return None
    back = (first.weekday() - WEEKDAY_NAMES.index(weekday)) % 7 or 7
    day = first - dt.timedelta(days=back)
    return period_between(day, day)
