"""A change pinned on a group in blame words: "whose fault, which channel", "which segment did
that", "which channel brought the surge in bookings", "which region is the culprit". Each
asks which group moved a KPI (movers ranked by change), like "which channel is behind it",
which bot/agent/analytics_cues.py's mover cues read; that module is at its size limit."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_GROUP = (r"(?:channels?|sources?|segments?|cit(?:y|ies)|towns?|suburbs?|regions?|areas?|"
          r"age (?:bands?|groups?|brackets?|ranges?))")
_SHIFT = (r"(?:surge|spike|jump|rise|boost|boom|drop|dip|fall|slump|slide|slowdown|fall-?off|increase|decrease|"
          r"change|shift|swing|growth|uptick|downturn)")
# after "which channel brought": not a change, so the channel brought people (paths' question)
NOT_A_SHIFT = rf"(?! (?:(?:the|that|this|our|a) )?(?:[\w-]+ )?{_SHIFT}\b)"
BLAME = lazy(
    # "whose fault is it", "who's to blame": blame said without the group, the group named nearby
    r"\bwhose fault\b|\bwho(?:'s| is| was) (?:at fault|the culprit)\b|"
    # "which channel did that", "which segment caused it" is analytics_cues'; "did" is not
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} (?:did|done) (?:that|this|it)\b|"
    # "which channel brought the surge in pitch bookings" (not "which channels bring clients in": paths')
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} (?:brought|brings|bring|gave us|delivered) (?:(?:the|that|this|our|a) )?"
    rf"(?:[\w-]+ )?{_SHIFT}\b|"
    # "which region is the culprit (the reason)"
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} (?:is|was|'s) (?:the )?(?:culprit|reason|one at fault|at fault)\b|"
    # "which channel is making our reply times worse", "which segment made the waits longer"
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} (?:is|are|was|were|has been|have been)? ?(?:making|made|makes|make) (?:[\w'-]+ ){{1,4}}?"
    r"(?:worse|better|slower|faster|quicker|longer|shorter|bigger|smaller|higher|lower|drop|fall|rise|climb|go (?:up|down))\b|"
    # "party bookings are down, which channel do I pin that on", "which segment should we blame"
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} (?:do|should|can|could|would|shall) (?:i|we|you) (?:pin|blame|put)\b")

# (lane ps18) blame said outright, a group held responsible for a KPI's change: movers even with
# the periods set side by side ("... this quarter vs last quarter"), which compare would take
BLAME_OUTRIGHT = lazy(
    # (lane ps18) "which region is to blame for the dip in covers", "which town is responsible for the slide in bookings"
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} (?:is|was|are|were|'s) (?:to blame|responsible) for\b|"
    # (lane probe21a) "sittings are down this month, which channel's to blame": the change said first
    rf"\bwhich (?:[\w-]+ ){{0,2}}?{_GROUP} ?(?:is|was|are|were|'s) (?:to blame|responsible)\s*[?.!]*$|"
    # (lane ps18) "who drove the jump in refunds", "which source was behind the slump in sign-ups"
    rf"\b(?:who|which (?:[\w-]+ ){{0,2}}?{_GROUP}) (?:drove|drives|is driving|was driving|caused|(?:is|was) behind) "
    rf"(?:(?:the|that|this|our) )?(?:[\w-]+ )?{_SHIFT}\b|"
    # (lane probe26c) "whose fault is the refund rate going up, by first channel": a KPI's movement
    # pinned on someone is the movers' question, not the KPI's series that "going up" alone asks
    r"\bwhose fault\b.{0,80}?\b(?:going|gone|went|goes|creeping|creep|edging|shooting|heading|climbing|climb|rising|rise|"
    r"falling|fall|dropping|drop|sinking|sink|sliding|slide|slipping|slip|dipping|dip|jumping|jump|up|down|higher|lower|worse|better)\b")


def boost_blame(slots: Any) -> float:
    """Movers' pull when a KPI's change is pinned on a group in blame words."""
    from bot.agent.analytics_cues import has_metric, text_of

    if not has_metric(slots):
        return 0.0
    text = text_of(slots)
    return 1.4 if BLAME_OUTRIGHT.search(text) else 0.9 if BLAME.search(text) else 0.0
