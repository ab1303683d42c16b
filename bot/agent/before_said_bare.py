"""A span "before" with nothing after it (lane probe19a): "and the saturday before?", "the 10 days
before, range takings", "the 10 days before those ones" read as "... before that", which the
date readers know (the span before the one just asked). Read through
bot/agent/chat_shorthand.py's spelled_out, so every reader sees the plain words."""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.word_fragments import DAYS_WEEKS_MONTHS, WEEKDAY

_SPAN = (rf"(?:{WEEKDAY}|weekend|day|week|fortnight|month|quarter|year|"
         rf"(?:\d{{1,3}}|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty) {DAYS_WEEKS_MONTHS})")
# the span's "before" ends the clause, or is "before those (ones)", "before them": the span just asked
_BARE = lazy(rf"\b({_SPAN}) before(?: (?:those|these|them)(?: ones| days| weeks| months)?)?"
                   r"(?= *(?:[,.!?;]|$| (?:then|too|as well|please|pls|abeg|ah|eh|mate)\b))")


# "this month compared with the month before", "the past 7 days against the 7 days before", "down
# 25% on the day before" (an alert's window): a comparison says which span it is before already
# (its own readers know it), left as it is
_COMPARED = lazy(r"\b(?:vs\.?|versus|against|compar\w*|than|relative to|up on|down on|up or down on|next to|beside|"
                       r"alongside|per ?cent|pc)\b|%")


def before_that(t: str) -> str:
    """The lower-cased question with a bare "before" after a span as "before that"."""
    return t if _COMPARED.search(t) else _BARE.sub(r"\1 before that", t)
