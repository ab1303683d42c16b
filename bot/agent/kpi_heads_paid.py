"""(lane probe28a) The people who bought, said as a head count in an owner's words, read before the
other KPI words (bot/agent/kpi_words.py's KPI_PATTERNS): "how many clients parted with cash for a
gown", "how many customers in Bristol bought mandazi last week" (a place or group between the people
and their buying), "how many orders came in and from how many different customers" (the people the
orders came from). They are the buyers, never the buying rate (a share of visitors) nor everyone seen
(the active customers)."""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.vocab import PEOPLE

_WHO = rf"(?:{PEOPLE}|folks?|folk|families|punters|households|ppl)"
# a share, a rate or buying again are other KPIs (the buying rate, the repeat rate)
_NOT_A_HEAD_COUNT = r"^(?!.*\b(?:twice|again|more than once|times|a second time|repeat|share|percentage|proportion|rate|per ?cent)\b|.*%)"
_PAID = (r"(?:parted with (?:(?:their|the|any|some|hard-earned|good) )?(?:cash|money|dosh|brass|coin|readies)|coughed up|paid up|"
         r"paid for|forked out|shelled out|splashed out)")

TERMS: list[tuple[str, str]] = [
    # "how many clients parted with cash for an ivory gown", "how many folk coughed up for a trim"
    (rf"{_NOT_A_HEAD_COUNT}.*?\bhow many (?:[\w-]+ ){{0,2}}?{_WHO} (?:have |had |actually |really |even )*{_PAID}\b", "buyers"),
    # "how many customers in Bristol bought mandazi", "how many folk from Clifton paid for a print": the
    # people of a place or group who bought (the group is the filter, the count the buyers)
    (rf"{_NOT_A_HEAD_COUNT}.*?\bhow many (?:[\w-]+ ){{0,2}}?{_WHO} (?:in|from|at|of) (?:the )?(?:[\w'-]+ ){{1,2}}?"
     r"(?:have |had |actually |really )*(?:bought|purchased|ordered|booked|paid for)\b(?! (?:online|on the (?:web ?site|site))\b)",
     "buyers"),
    # "how many paid for a trim": the bare "how many" who paid (never "how many shoppers bought something",
    # the main bank's buying rate)
    (rf"{_NOT_A_HEAD_COUNT}.*?\bhow many (?:have |had |actually |really )*(?:paid for|bought|purchased)\b", "buyers"),
    # "how many orders came in and from how many different customers": the people the orders came from
    (rf"\b(?:from|by|off) how many (?:different |separate |distinct |individual |unique )?(?P<kpi>{_WHO})\b", "buyers"),
]
PATTERNS = [(lazy(p), code) for p, code in TERMS]
