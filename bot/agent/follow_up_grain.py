"""A follow-up that asks the last KPI analysis as a series at another grain, or names the split
of a pattern in words (lane tune27): "weekly instead", "ok same but monthly" after a number, "and
month on month, how does that look" after a weekly trend, "and which day of the week" after a
pattern by month. Kept out of bot/agent/follow_up_reading.py and follow_up_args.py, which hold the rest
of the follow-up reading."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy
from bot.agent.thread_cues import SAME_CUT
from bot.agent.thread_cues import SAME_SPAN as _SAME_SPAN
from bot.agent.time_peaks import pattern_by

# "month on month", "week to week", "day by day": a series said as its step (after a trend the
# step, not a comparison of two periods)
_SAME_CUT = lazy(SAME_CUT)
_STEP = lazy(r"\b(day|week|month)[- ](?:on|to|by|after|over)[- ]\1\b")


def regrain(prev_tool: str, new: Any) -> bool:
    """Whether a follow-up of a KPI analysis asks for its trend: a daily or weekly grain after a
    number or a comparison, a monthly one said in so many words ("monthly", "by month"), or any
    step said as "X on X" after a trend (the step then becomes the follow-up's grain)."""
    step = _STEP.search(getattr(new, "norm", "") or "")
    if prev_tool == "trend" and step and not new.grain:
        new.grain = step.group(1)  # the series at the step the follow-up names
        return True
    return bool(new.grain) and prev_tool != "trend"


def split_said(spec: Any, own: dict[str, Any], text: str) -> set[str]:
    """`by` of a pattern when the follow-up's words name the split ("and which day of the week",
    "by time of day"), even when that split is also the tool's default."""
    if spec.name == "product_sales" and "by" in own:  # (lane probe28b) "now plant by plant" after the categories
        from bot.agent.goods_one_by_one import EACH_GOOD_SAID

        return {"by"} if EACH_GOOD_SAID.search(text) else set()
    return {"by"} if spec.name == "time_pattern" and "by" in own and pattern_by(text) else set()


def kpi_swapped(prev: str, best: str, new: Any) -> bool:
    """"and money-wise?" after october vs september: the same comparison (or series, or split) of
    another KPI, not that KPI's level alone (kpis' "money-wise" cue).

    The word bounds stand for "the message is only another KPI, perhaps with the span just
    answered": up to 4 words it can hold nothing else ("and money-wise?", "what about aov?"); up
    to 7 it may add the span by reference ("what about the avg bill, same weeks?" is 7 words,
    SAME_SPAN). A longer message naming that span has a subject and a verb of its own ("what did
    the newsletter folk spend in that time", 9 words, tune32): a whole question over that span,
    read as its own KPI answer, which the thread still dates (merge mend 84772fd2). Counting
    words rather than parsing the sentence is what the banks held at the time; a reading of
    "nothing but a KPI and a span" would replace it."""
    norm = getattr(new, "norm", "")
    return prev in ("compare", "trend", "movers") and best == "kpis" and bool(getattr(new, "metrics", None)) \
        and not (getattr(new, "period", None) or getattr(new, "against", None) or getattr(new, "breakdown", None)) \
        and (len(norm.split()) <= 4 or (len(norm.split()) <= 7 and bool(_SAME_SPAN.search(norm)))
             # (lane probe27b) "swap in the pendant site's bounce rate, same cut lah": cut as the last one
             or (len(norm.split()) <= 10 and bool(_SAME_CUT.search(norm))))
