"""A head count said bare beside the periods it is asked over (lane ps7): "buyers in the first
half of november vs the first half of october", "purchasers last month against the month
before", "how does Q3 stack up against Q2 for paying customers". The period words are blanked
out before KPIs are read, so the noun stands alone at the start of the question or after the
"for" that follows the periods; said elsewhere ("our buyers' reviews") it is no KPI.
Hooked in bot/agent/kpi_words.py's KPI_PATTERNS.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

_HEADS = r"(?:buyers|purchasers|paying (?:customers|clients)|customers who (?:bought|paid)|people who (?:bought|paid))"
# a blanked period is a run of spaces; the connective before it is optional
_BLANK = r"(?: (?:in|for|during|over|across|from|on|since|through|of))?\s{2,}"
PAIR_HEAD_TERMS: list[tuple[str, str]] = [
    # "buyers in <period> vs <period>", "the buyers <period> against <period>", "purchasers <period>"
    (rf"^(?:(?:the|our|number of|no of|count of|total) ){{0,2}}(?P<kpi>{_HEADS}){_BLANK}", "buyers"),
    # "<period> against <period> for buyers"
    (rf"\b(?:vs\.?|versus|against|compare[sd]? (?:to|with)|than)(?: [\w'-]+ |\s{{2,}})for (?:the |our )?"
     rf"(?:number of )?(?P<kpi>{_HEADS})\b", "buyers"),
]
PAIR_HEAD_PATTERNS = [(lazy(p), code) for p, code in PAIR_HEAD_TERMS]
