"""Questions about each group's own level of a KPI: "revenue by town last month", "which state
brings in the most money?", "delivery time in Clifton vs Redland", "where do most of our
customers live?".

The movers tool answers them with `rank="value"`: every group's value in the period, highest
first, small groups listed and marked (tools/analytics/movers.py). Without this reading such a
question got the overall KPI with the group silently dropped, or two places merged into one
filter and compared with the month before, or nothing at all. A change explained group by
group ("which channel drove the drop?") stays movers' default ranking by change.
"""

from __future__ import annotations

from typing import Any

from bot.agent.analytics_cues import (
    _FUTURE,
    KPI_DIMS,
    SATISFACTION_DIMS,
    SATISFACTION_METRICS,
    has_metric,
    metrics_from,
    ranks_conversion,
    text_of,
)
from bot.agent.group_plurals import plural_groups
from bot.agent.owner_words import MORE_OR_LESS, ORDER_VERB, PLACES
from bot.agent.patterns import lazy
from bot.agent.ranked_order import RANKED_ORDER

# The words for a group of customers a KPI can be split by (bot/agent/vocab.py's
# DIMENSION_WORDS reads which dimension each one is).
_GROUP = (r"(?:first[- ]touch |first |acquisition |crm |customer |client |marketing ){0,2}(?:channels?|traffic (?:types?|sources?)|"
          rf"sources?|platforms?|segments?|customer groups?|tiers?|{PLACES}|age(?: bands?| groups?| brackets?| ranges?)|personas?)")
_SPLIT = lazy(rf"\b(?:by|per|for each|for every|each|split (?:by|across|into)|broken down by|across|"
                    rf"between (?:the |our )?(?:different |various )?)\s*(?:the |our )?(?:(?:member|customer|client|crm) )?{_GROUP}\b")
# "which marketing channel", "which crm segment": the group with a word of its kind before it
_KIND = r"(?:(?:marketing|sales|acquisition|traffic|customer|crm|referral|first[- ]touch) )?"
_WHICH_MOST = lazy(rf"\b(?:which|what) {_KIND}{_GROUP}\b.{{0,50}}\b(?:most|least|highest|lowest|best|worst|biggest|"
                         rf"smallest|top|fewest|largest|more|less|slowest|fastest|quickest|longest|shortest)\b|\b(?:top|best|biggest) \d* ?{_GROUP}\b")
_WHERE_LIVE = lazy(r"\bwhere (?:do|are) (?:most|the bulk|the majority)(?: of)? (?:our |the )?(?:customers|clients|"
                         r"buyers|people|shoppers|guests|members)(?: (?:mostly|mainly))? (?:live|based|located|from)\b")
# A change explained by group, or another period named: movers' ranking by change (or compare).
_CHANGE = lazy(r"\b(?:(?:pull|dragg|push|knock)\w* (?:\w+ ){0,2}(?:down|up)\b|moved|shifted|swung|behind|dr[oi]ve\w*|driving|caus\w*|explain\w*|to blame|responsible|"
                     r"change[ds]?|changing|fell|fallen|fall\w*|drop\w*|rose|risen|rising|rises?|dip\w*|jump\w*|grew|grown|"
                     # (lane probe18a) "whose fault is the rise in refunds, channel wise": a change blamed
                     r"fault|blam\w*|spike[ds]?|surge[ds]?|slide|slid|"
                     # (lane probe22b) "in which town has the buying rate slipped most", "where did takings plummet"
                     r"slipp\w*|sagg\w*|sank|plung\w*|plummet\w*|nosediv\w*|shrank|shrunk|soar\w*|went south|gone south|"
                     r"growing|improv\w*|declin\w*|slump\w*|increas\w*|decreas\w*|went (?:up|down)|gone (?:up|down)|"
                     r"got (?:better|worse|\w+er)|getting|than (?:last|before|the previous|it was|(?:\w+ )?used to)|(?:more|less|fewer) (?:these days|nowadays)|"
                     # "which towns got less happy", "have become more satisfied"
                     r"(?:got|get|gets|grew|grown|become|became|turned) (?:a (?:bit|lot|little) |much )?(?:less|more))\b")
# "just each band's score, not the change": a change turned down asks for the levels
# "which state gives us the lowest review scores?": the bottom of a ranking the tool lists from
# the top (never "slowest" or "worst", which for a waiting time are its highest values)
LOWEST = lazy(r"\b(?:lowest|least|poorest|weakest|fewest|smallest|bottom|low(?:er)?est)\b")
_NOT_CHANGE = lazy(r"\b(?:not|rather than|instead of|no|without|never mind|forget|skip)(?: the| a| any| its| their)? "
                         r"(?:change|changes|movement|difference|increase|decrease|rise|fall)s?\b")
# Two groups of one dimension set against each other ("Clifton vs Redland", "bedminster or
# southville", "instagram compared with facebook").
_SIDE = lazy(r"\b(?:vs\.?|versus|or|against|compared (?:with|to)|next to|than)\b")
# A KPI said in the words of a ranking question ("spends the most", "brings in the most money").
# "which county buys the most from us": how much it buys, the money (not "ordered the most")
_SPEND = lazy(r"\b(?:spend(?:s|ing)?|spent|brings? in|bring in|makes? us|earns? us|money|cash|buys? (?:the )?most(?! often| frequently))\b")
_PER_ORDER = lazy(r"\b(?:per|each|a|an|every) (?:order|basket|sale|transaction|visit|booking|purchase|trip)\b|"
                        r"\beach time\b|\ba time\b|\bon average\b")
# "how are our channels doing?", "how are the regions performing": a status asked group by group
_DOING = lazy(r"\b(?:doing|performing|faring|getting on|going|shaping up|holding up|treating us)\b")
_ORDER = lazy(rf"\b(?:{ORDER_VERB}|ordering|bookings?|buys?|buying|bought|purchases?|purchasing|purchased)\b")
# "which towns order the most", "which suburb books the least": the verb is what is ranked (the
# purchase stage it also reads as is no stage here)
_VERB_MOST = lazy(rf"\b(?:{ORDER_VERB}|buy|buys|bought|purchas\w*) (?:the )?{MORE_OR_LESS}\b")


# Evidence from the words alone that a question ranks groups on money or orders ("which state
# brings in the most money?"): a cue of the movers tool, so the question counts as one about the
# business although it names no KPI outright.
LEVEL_CUES = (
    (rf"\b(?:which|what) {_GROUP}\b.{{0,50}}\b(?:spend\w*|spent|orders?|ordering|ordered|buys?|buying|bought|money|cash|"
     rf"revenue|sales)\b|" + _WHERE_LIVE.pattern, 0.3),
)


def side_by_side(slots: Any) -> str | None:
    """The dimension two or more named groups of which are set against each other, if any."""
    if getattr(slots, "against", None) is not None or not _SIDE.search(text_of(slots)):
        return None
    named = [dim for dim, vals in (getattr(slots, "filters", {}) or {}).items()
             if len(vals) >= 2 and dim in ("segment", "city", "region", "age_band")]
    if len(getattr(slots, "channels", []) or []) >= 2:
        named.append("channel")
    return named[0] if len(named) == 1 else None


def implied_metric(slots: Any) -> str | None:
    """The KPI a ranking question names in other words, when none is named outright ("which
    state spends the most?"); a split ("conversion from awareness to purchase by channel")
    must name its KPI."""
    text = text_of(slots)
    # "per order" reads as the purchase stage too; it is the unit of the spend here, not a stage
    stages = [s for s in getattr(slots, "stages", None) or []
              if s != "purchase" or not (_PER_ORDER.search(text) or _VERB_MOST.search(text))]
    if not stages and not _FUTURE.search(text) and plural_groups(text) and _DOING.search(text):
        return "revenue"  # "how are the regions doing?": each group's takings, the movers answer names it
    # "Cotham vs Redland, who spent more?": two places side by side ranked on the money too
    if _FUTURE.search(text) or stages or not (_WHICH_MOST.search(text) or _WHERE_LIVE.search(text) or side_by_side(slots)):
        return None
    if _WHERE_LIVE.search(text):
        return "active_customers"
    if _SPEND.search(text):
        # "which neighbourhood spends the most per order": the order's value, not the total
        return "aov" if _PER_ORDER.search(text) else "revenue"
    if _ORDER.search(text):
        return "orders"
    return None


def _dimension(slots: Any) -> str | None:
    side = side_by_side(slots)
    if side:
        return side
    if _WHERE_LIVE.search(text_of(slots)):
        return "city"
    breakdown = getattr(slots, "breakdown", None)
    return breakdown if breakdown in KPI_DIMS else None


def asks_levels(slots: Any) -> bool:
    """Each group's own value is the question, not its change or another period."""
    text = _NOT_CHANGE.sub(" ", text_of(slots))
    if _dimension(slots) is None or _CHANGE.search(text) or getattr(slots, "against", None) is not None:
        return False
    return bool(side_by_side(slots) or _SPLIT.search(text) or _WHICH_MOST.search(text) or _WHERE_LIVE.search(text)
                or plural_groups(text))


def boost_levels(slots: Any) -> float:
    """movers' evidence for a level-by-group question (bot/agent/ranking.py adds it up)."""
    if not asks_levels(slots) or ranks_conversion(slots):
        return 0.0
    named = metrics_from(slots)
    metric = named[0] if named else implied_metric(slots)
    if metric is None or _FUTURE.search(text_of(slots)) or (named and not has_metric(slots)) or metric == "clv":
        return 0.0  # no KPI, a forecast, or lifetime value (its own tool splits by group)
    if metric in SATISFACTION_METRICS and _dimension(slots) in SATISFACTION_DIMS and not RANKED_ORDER.search(text_of(slots)):
        return 0.0  # "nps for instagram vs facebook": satisfaction_by's ("..., best first" ranks them: ours)
    if plural_groups(text_of(slots)) and not _SPLIT.search(text_of(slots)):
        return 1.05  # "how satisfied are our regions?": a KPI's own similarity would read one figure
    return 0.95


def plan_levels(slots: Any, args: dict[str, Any]) -> dict[str, Any]:
    """movers' arguments for a level question: the group, the KPI and `rank="value"`."""
    if not asks_levels(slots):
        return args
    out = dict(args)
    out["by"] = _dimension(slots) or out.get("by", "channel")
    if not metrics_from(slots):
        out["metric"] = implied_metric(slots) or out.get("metric", "revenue")
    out["rank"] = "value"
    if LOWEST.search(text_of(slots)) and not getattr(slots, "top", None):
        out["top"] = 50  # levels come highest first: every group is listed so the lowest is shown, last
    if getattr(slots, "period", None) is None:  # a level over the KPIs' own default, not a month so far
        out["period"] = {"name": "last_30_days"}
    return out
