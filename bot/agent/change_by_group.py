"""A change asked to be taken apart group by group: "break down the nps change by channel, q3 vs
q2", "split the drop in orders by region, this month vs last". The two periods named make it look
like a comparison of totals, but the groups are the question: movers, which explains the change
by each group's share of it.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

_CHANGE = r"(?:change|changes|drop|fall|rise|dip|jump|swing|shift|increase|decrease|growth|decline|difference|gap|movement)"
# (lane probe29a) "which first channel's dragging them": "first" alone before the channel too
_GROUPS = (r"(?:(?:crm|acquisition|first[- ]touch|first|marketing) )?(?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|neighbou?rhoods?|regions?|count(?:y|ies)|areas?|"
           r"age (?:bands?|groups?|brackets?)|personas?|sources?|platforms?)")
_PULLED = r"(?:pulled|dragged|pushed|knocked|brought|dragging|pulling|pushing)"

# Cues of the movers tool (weights add up in bot/agent/ranking.py)
CHANGE_SPLIT_CUES = (
    (rf"\b(?:break(?:ing)?|broken|split(?:ting)?|carve|pull|unpick|decompose)\b(?: (?:down|up|apart|out))? "
     rf"(?:the |our |this |that )?(?:[\w-]+ ){{0,3}}{_CHANGE}\b.{{0,40}}?\b(?:by|per|across|between) (?:the |our |each )?{_GROUPS}\b|"
     rf"\b{_CHANGE} (?:in (?:[\w-]+ ){{1,3}})?(?:broken down|split|carved up) (?:by|per|across) (?:the |our )?{_GROUPS}\b", 0.6),
    # "orders fell last week, was it one segment in particular?", "where did the jump in new
    # visitors come from? which channels": a change, and the group it came from asked for
    (rf"\b(?:fell|dropped|dipped|slumped|rose|jumped|spiked|went (?:up|down)|(?:is|are|was|were) (?:up|down))\b.{{0,60}}"
     rf"\b(?:was|is) (?:it|that) (?:(?:just|all|mostly|mainly) )?(?:one|a single|a particular|one particular) {_GROUPS}\b|"
     rf"\bwhere (?:did|does|has) (?:the|that|this) {_CHANGE} (?:in (?:[\w-]+ ){{1,3}})?(?:come|came) from\b.{{0,30}}"
     rf"\b(?:which|what) {_GROUPS}\b", 1.0),
    # "who pulled our NPS down this quarter, by channel", "which segment dragged csat down": the
    # change said as something pulled, and the group that did it
    (rf"\b(?:who|what) (?:has |have )?{_PULLED} (?:our |the )?(?:[\w-]+ ){{0,2}}(?:down|up)\b.{{0,40}}"
     rf"\b(?:by|per|across) (?:the |our |each )?{_GROUPS}\b|\b(?:which|what) {_GROUPS} (?:has |have |is |are |was |were )?{_PULLED} "
     rf"(?:our |the )?(?:[\w-]+ ){{0,2}}(?:down|up)\b", 1.0),
)
# "which suburbs have gone off us satisfaction-wise", "what segments have cooled on us": groups
# that like us less than they did, a fall to take apart by group (never an alert going off)
FELL_OUT = (r"(?:gone|went|going|turned|turning|soured|souring|cooled|cooling|fallen|fell|falling|gone cold|grown cold) "
            r"(?:off|on|against|out of love with|out with|away from|cold on) (?:us|me|the (?:shop|business|place|brand|company)|"
            r"our (?:[\w-]+ )?(?:shop|business|place|brand|company|service))\b|\blost (?:interest|faith) in us\b")
CHANGE_SPLIT_CUES += ((rf"\b(?:which|what|any) (?:of (?:the|our) )?{_GROUPS}\b.{{0,30}}\b(?:{FELL_OUT})", 1.0),)
# "which channel moved web visits most", "which source brought in fewer new members than last month",
# "which first-touch channel explains why fewer paid": a group asked for its part in a change
CHANGE_SPLIT_CUES += ((rf"\b(?:which|what) {_GROUPS} (?:\w+ )?(?:moved|changed|shifted|swung) (?:[\w-]+ ){{0,3}}(?:the )?most\b|"
                       rf"\b(?:which|what) {_GROUPS} (?:brought|brings?|sent|sends?|gave|gives?|got|gets?|drove|drives?) "
                       rf"(?:us |in )*(?:fewer|more|less)\b(?=.{{0,60}}\bthan\b)|"
                       rf"\b(?:which|what) {_GROUPS} (?:best |most )?(?:explains?|accounts? for|is behind|was behind)\b", 1.0),)
# (lane probe28a) "drop in visitors by town this month", "the slump in takings per region": a change in a
# KPI said with the groups to take it apart by, not the KPI's level
CHANGE_SPLIT_CUES += ((rf"\b(?:drop|fall|dip|slump|slide|decline|rise|jump|growth|increase|decrease|change|shift|swing) in "
                       rf"(?:the |our )?(?:[\w'-]+ ){{1,3}}?(?:by|per|across) (?:the |each )?{_GROUPS}\b", 1.0),)
# Cues of the compare tool: however the two periods are said ("last week vs the week before"),
# a change asked split by group is not two totals side by side (weighed against compare's
# strongest cue, a second period named outright: 0.75 in analytics_cues.py)
CHANGE_SPLIT_COMPARE_CUES = tuple((pattern, -0.8) for pattern, _ in CHANGE_SPLIT_CUES)

_ONE_GROUP = lazy(rf"\b(?:was|is) (?:it|that) (?:(?:just|all|mostly|mainly) )?(?:one|a single|a particular|one particular) "
                        rf"({_GROUPS})\b")
_DIM_OF = (("channel", "channel"), ("source", "channel"), ("platform", "channel"), ("segment", "segment"),
           ("cit", "city"), ("town", "city"), ("suburb", "city"), ("neighbo", "city"), ("region", "region"),
           ("count", "region"), ("area", "region"), ("age", "age_band"), ("persona", "persona"))


def one_group_asked(text: str) -> str | None:
    """The group of "was it one segment in particular?": every group's share of the change is
    the answer (never the top one alone: "one" there is the doubt, not a count)."""
    m = _ONE_GROUP.search(text)
    if m is None:
        return None
    return next((dim for stem, dim in _DIM_OF if m.group(1).startswith(stem)), None)
# "meal kit orders are down this month, what channel is dragging them", "takings are up, which
# segment is pushing it": a change said first, then the group asked for its part in it
CHANGE_SPLIT_CUES += ((rf"\b(?:is|are|was|were|'s|'re) (?:way |well |a (?:bit|lot|little) |right )?(?:up|down)\b.{{0,40}}?"
                       rf"\b(?:which|what) {_GROUPS}(?:'s | (?:is |are |was |were |'s )?)(?:{_PULLED}|dragg?ing|holding|"
                       rf"lifting|propping|behind|responsible)\b|"
                       rf"\b(?:which|what) {_GROUPS}(?:'s | (?:is |are |was |were |'s )?)(?:{_PULLED}|dragg?ing) (?:it|them|that|those|"
                       rf"things|us|the numbers?)(?: (?:down|up|back))?\b", 1.0),)
CHANGE_SPLIT_COMPARE_CUES = tuple((pattern, -0.8) for pattern, _ in CHANGE_SPLIT_CUES)
# (lane probe21b) "which first-touch channel brought in the extra takings last week vs the week
# before", "what segment cost us the missing covers this month against last": the extra (or
# missing) is the change itself, and the group is asked for its part in it, two periods or not
CHANGE_SPLIT_CUES += ((rf"\b(?:which|what) {_GROUPS} (?:brought|brings?|sent|sends?|gave|gives?|got|gets?|drove|drives?|"
                       rf"added|adds?|made|makes?|won|wins?|delivered|delivers?|lost|loses?|cost|costs?) (?:us |in |out )*"
                       rf"(?:the |that |those |all the |all that )?(?:extra|additional|missing|lost|bonus|surplus)\b", 1.0),)
CHANGE_SPLIT_COMPARE_CUES = tuple((pattern, -0.8) for pattern, _ in CHANGE_SPLIT_CUES)
