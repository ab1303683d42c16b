"""(lane probe19b) "the saturday prior", "the month prior?": "prior" after a day, week or month
is "before that" (British, Indian and legal English), read as the words the period readers know."""

from __future__ import annotations

from bot.agent.patterns import lazy

# ("the day prior", "the week prior" are read as they are, bot/agent/when.py)
_PERIOD = (r"(?:weekend|fortnight|month|quarter|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
           r"january|february|march|april|june|july|august|september|october|november|december)")
# "the saturday prior", "the week just prior" (never "prior to": a date follows it)
_PRIOR = lazy(rf"\b(the (?:\w+ )?{_PERIOD}) (?:just |right |immediately )?prior\b(?! to\b)")


def prior_as_before(t: str) -> str:
    """The text with "the <period> prior" as "the <period> before that"."""
    return _PRIOR.sub(r"\1 before that", t)
