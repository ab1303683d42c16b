"""Periods said in words no rule reads: "the week of the county show", "during the clearance
sale", "while the roadworks were on", "over pride weekend", "during the festival". Without these
the planner answered its default period without a word (issue 17, point 1: a different question
answered silently); now bot/agent/when.py keeps the words in `When.unknown`, so the answer says
they were not read as dates and that the default period was used instead (bot/agent/reading.py).

Only words that name a stretch of time by an event: "during the day", "over the week" or "for
each week" are a time of day, a period or a grain, never here.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

_WORD = r"[a-z][a-z'-]*"
# words after "the week of" that keep it a period the rules read or a pattern ("day of the week")
_NOT_EVENT = (r"(?:this|last|next|past|previous|same|whole|entire|first|second|third|fourth|fifth|final|working|"
              r"following|one|that|a|an|each|every|per|any|which|what|mid|the|our|its|their|year|month|week|day|current|present|"
              r"coming|upcoming|prior|latest|recent|full|calendar|typical|average|normal|usual|given|single|particular|"
              r"busy|busiest|quiet|quietest|slow|peak|bad|good|best|worst|"
              r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan\w*|feb\w*|mar\w*|apr\w*|may|june?|july?|"
              r"aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|\d\w*)\b")
_STOP = r"(?!(?:vs|versus|against|compared|and|or|than|to|with|on|in|for|by|from|at|of|was|were|is|compare)\b)"
_EVENTS = (r"festival|fair|show|match|game|tournament|marathon|race|carnival|parade|concert|conference|expo|"
           r"exhibition|closure|refit|renovation|roadworks|strike|outage|campaign|promo(?:tion)?|markets?|"
           r"open day|heatwave|snow|floods?|works|build|move|launch")
_UNREAD = lazy(
    # "the week of the county show", "the weekend of the fair"
    rf"\b(?:the\s+)?(?:week|weekend|fortnight)\s+of\s+(?:the\s+|our\s+)?(?!{_NOT_EVENT}){_WORD}(?:\s+{_STOP}{_WORD}){{0,2}}|"
    # "during the clearance sale", "since our spring sale"
    rf"\b(?:during|over|in|for|since|through(?:out)?|around|after|before|across)\s+(?:the\s+|our\s+|this\s+|last\s+)?"
    rf"(?:{_WORD}\s+){{1,3}}?sale\b|"
    # "while the roadworks were on", "when the website was down", "whilst we were closed"
    rf"\b(?:while|whilst|when)\s+(?:the\s+|our\s+|we\s+|they\s+|it\s+)?(?:{_WORD}\s+){{0,3}}?(?:was|were)\s+"
    r"(?:on|open|closed|shut|running|away|going on|down|off)\b|"
    # "over pride weekend", "in race week", "during fashion week"
    rf"\b(?:during|over|in|for|across|around|throughout)\s+(?:the\s+|our\s+)?(?!{_NOT_EVENT}|bank\b|holiday\b)"
    rf"{_WORD}\s+(?:week|weekend|fortnight)\b(?!s)|"
    # "during the festival", "since the refit", "over the county show"
    rf"\b(?:during|over|throughout|since|after|before|around)\s+(?:the|our)\s+(?:{_WORD}\s+){{0,2}}?(?:{_EVENTS})\b")


def unread_period(text: str) -> str | None:
    """Words that name a period by an event no rule reads, if the (masked, lowercase) text has any."""
    m = _UNREAD.search(text)
    return m.group(0).strip() if m else None
