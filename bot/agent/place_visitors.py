"""(lane probe28a) A place's visitors, punters and guests counted, compared, followed over time or
split: "iris nursery visitors month by month", "visitors to the loom studio week by week", "drop
in visitors by town", "visitors per town, most first", "which town's visitors fell off most",
"punters thru the door this month vs last". They are the people active with us (the
active_customers KPI), never the buying rate or the money, which is what such a question got
with no KPI read. Read only when no other KPI was read, never for the website's visitors (its
sessions), new or first-time visitors (their own KPI), and never when the visitors are asked
about where they leave, buying, booking or how they feel (the funnel's, the drop-offs', other
KPIs' and the feedback's questions)."""

from __future__ import annotations

from bot.agent.patterns import lazy

_WEB = r"(?:web ?site|web ?shop|site|online|page|app|web)"
_VISITORS = lazy(
    r"(?<!\bsite )(?<!\bweb )(?<!\bwebsite )(?<!\bonline )(?<!\bwebshop )(?<!\bnew )(?<!\bfirst-time )"
    r"(?<!\bfirst time )(?<!\bunique )(?<!\bpage )\b(?:visitors|punters|guests|visitor (?:numbers|counts?|figures|totals))\b"
    rf"(?! (?:to|on|at|of) (?:the |our |my )?(?:[\w'-]+ )?{_WEB}\b)")
# what is asked of them: a count, a course over time, a comparison, a move or a split
_ASKED = lazy(
    r"\b(?:how many|number of|count of|week by week|month by month|day by day|(?:each|every|per|a) (?:week|month|day)|"
    r"weekly|monthly|daily|week on week|month on month|vs\.?|v|versus|against|compared?|stack(?:s|ed)? up|"
    r"drop|dip|fall|fell|rise|rose|jump|slump|fewer|more|(?:by|per) (?:town|city|region|segment|age|channel|first channel)|"
    r"town by town|region by region|most first|fewest first|thru|through|"
    # watched: "alert me if visitors at the larder dry up"
    r"alert|warn|ping|flag|notify|tell me (?:if|when)|let me know|dr(?:y|ies|ied) up|go(?:es)? quiet)\b")
# the visitors asked about something else: where they leave, what they bought or booked, how they feel
_OTHER = lazy(
    r"\b(?:where|stages?|funnel|journey|paths?|routes?|give up|gave up|bail\w*|before|buy\w*|bought|purchas\w*|convert\w*|"
    r"book\w*|order\w*|bounce\w*|spend\w*|spent|feel\w*|say|said|sound\w*|mood|tone|feedback|upbeat|grumpy|positive|negative|think|thoughts|opinions?|"
    r"reviews?|rat(?:e|es|ed|ing|ings)|happy|unhappy|"
    r"complain\w*|moan\w*|sessions?|pages?|minutes|long|new|first[- ]time|share|percentage|%|per ?cent|"
    r"worth|lifetime|risk|likely|personas?|pay|paid|money|takings|revenue|sales)\b")


def visitors_in_person(rest: str, metrics: list[str]) -> list[str]:
    """The active customers for a place's visitors counted, compared, followed or split when no
    KPI was read; `metrics` as read otherwise."""
    if metrics or not _VISITORS.search(rest) or not _ASKED.search(rest) or _OTHER.search(rest):
        return metrics
    return ["active_customers"]
