"""(lane tune28) A calendar period "just gone": "the week just gone", "the month that's just
gone", "the quarter just past" are the last whole one, said as "last week" (the bank
conventions: "the week just gone" is last_week). bot/agent/loose_days.py's plain_days rewrites
them before the periods are read; "the weekend just gone" is bot/agent/period_phrases.py's."""

from __future__ import annotations

from bot.agent.patterns import lazy

# ("just" said: "a digest of the week gone" is the weekly digest, undated, as before)
_GONE = lazy(r"\bthe (week|month|quarter|year) (?:that(?:'s| has| is) )?just (?:gone|past|passed|been)\b"
                   r"(?! (?:by|on|through|up|down|quiet|well|badly|ok|okay|great)\b)")


def gone_as_last(t: str) -> str:
    """The question with each period "just gone" written as last one."""
    return _GONE.sub(lambda m: "last " + m.group(1), t)
