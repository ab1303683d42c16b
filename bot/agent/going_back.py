"""(lane probe18c) A span counted back from today said as "going back": "going back 6 months",
"stretching back eight weeks", "looking back a fortnight" are the past 6 months, eight weeks, a
fortnight (the bank conventions: "the past 6 months" is last_180_days). Rewritten before the
periods are read, by bot/agent/loose_days.py's plain_days, into the words bot/agent/when.py
already reads. "3 weeks back" alone is left: newly_at_risk reads it as "3 weeks ago".

(lane ps19) A span that opens the question, "six months of worm customers, mapped stage by
stage", "show me 8 weeks of bookings", is the past span too; elsewhere ("3 months of no
orders") it may be a gap or a churn window, and is left."""

from __future__ import annotations

from bot.agent.patterns import lazy, rx

_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few)"
_BACK = lazy(rf"\b(?:going|goes|go|stretching|reaching|looking|casting|cast) back (?:over |across |through )?"
                   rf"(?:the (?:last|past) )?({_COUNT} (?:days?|weeks?|fortnights?|months?|quarters?|years?))\b")

_OPENING = lazy(r"^((?:(?:show|give|get|pull|map) (?:me |us )?)?)((?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
                      r"(?:days|weeks|months|years)) of (?!(?:no|zero|nothing|inactivity|silence)\b)")


def going_back_as_past(t: str) -> str:
    """The question with each span "going back" written as "over the past" span."""
    # "going back a fortnight": "the past fortnight", the article dropped
    t = _OPENING.sub(r"\1over the past \2 of ", t)
    return _BACK.sub(lambda m: "over the past " + rx.sub(r"^(?:an?|one) ", "", m.group(1)), t)
