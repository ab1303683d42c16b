"""A change asked to be taken apart group by group: "break down the nps change by channel, q3 vs
q2", "split the drop in orders by region, this month vs last". The two periods named make it look
like a comparison of totals, but the groups are the question: movers, which explains the change
by each group's share of it.
"""

from __future__ import annotations

_CHANGE = r"(?:change|changes|drop|fall|rise|dip|jump|swing|shift|increase|decrease|growth|decline|difference|gap|movement)"
_GROUPS = (r"(?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|neighbou?rhoods?|regions?|count(?:y|ies)|areas?|"
           r"age (?:bands?|groups?|brackets?)|personas?|sources?|platforms?)")

# Cues of the movers tool (weights add up in bot/agent/ranking.py)
CHANGE_SPLIT_CUES = (
    (rf"\b(?:break(?:ing)?|broken|split(?:ting)?|carve|pull|unpick|decompose)\b(?: (?:down|up|apart|out))? "
     rf"(?:the |our |this |that )?(?:[\w-]+ ){{0,3}}{_CHANGE}\b.{{0,40}}?\b(?:by|per|across|between) (?:the |our |each )?{_GROUPS}\b|"
     rf"\b{_CHANGE} (?:in (?:[\w-]+ ){{1,3}})?(?:broken down|split|carved up) (?:by|per|across) (?:the |our )?{_GROUPS}\b", 0.6),
)
# Cues of the compare tool: however the two periods are said ("last week vs the week before"),
# a change asked split by group is not two totals side by side
CHANGE_SPLIT_COMPARE_CUES = tuple((pattern, -0.5) for pattern, _ in CHANGE_SPLIT_CUES)
