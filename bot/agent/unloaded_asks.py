"""What a question asks that the data cannot be split or counted by, named so the answer says it.

"revenue by payment type" (a grouping journeybot does not hold), "how many orders were
cancelled" with an order KPI (a status the order KPIs leave out and name in their note), "how
many customers bought" (a head count the KPI gives as a share). bot/agent/slots.py adds these to
a question's unknown words; the answer names them rather than passing off a total or a share.
"""

from __future__ import annotations

from bot.agent.patterns import lazy, rx

# "which categories bring in the most revenue?", "revenue by payment type": a grouping no KPI can
# be split by. Said in the answer with the groups there are, never a silent total.
_UNLOADED_GROUP = lazy(
    r"\b(?:which|what|by|per|each|every|across|between|split by|broken down by|top \d+|best|worst)\s+"
    r"(?:of (?:the |our )?|the |our )?(?:(?:product|item|sales) )?"
    r"(categor(?:y|ies)|payment (?:types?|methods?|options?)|ways? (?:to|of) pay(?:ing|ment)?|brands?|compan(?:y|ies)|sellers?|"
    r"suppliers?|vendors?|colou?rs?|sizes?|agents?|reps?|advis[eo]rs?|operators?|staff members?|team members?|employees?)\b")
# "how many orders were cancelled / are still on their way": orders of a status other than
# completed, which the order KPIs leave out and name in their note.
_ORDER_STATUS = lazy(
    r"\b(?:cancel+(?:ed|led|lations?)?|refund(?:ed|s)?|returned|pending|unpaid|in transit|undelivered|not (?:yet )?delivered|"
    r"still (?:on (?:their|its|the) way|in transit|being (?:shipped|delivered|processed)|(?:to be|not) delivered|"
    r"processing|shipping|pending|open|out for delivery)|on (?:their|its) way|awaiting (?:delivery|dispatch|shipment))\b")


# "how many users bought something?", "how many customers ordered twice?": a head count the KPIs
# give as a share (of their n), which the answer must say rather than pass off as the count
_HOW_MANY_PEOPLE = lazy(r"\b(?:how many|number of|count of) (?:\w+ )?(?:customers|users|people|buyers|shoppers|"
                              r"visitors|clients|members|guests)\b")
_SHARE_OF_PEOPLE = ("purchase_conversion", "repeat_purchase_rate", "cart_abandonment")
# "how many visits ended in a purchase in may?": a count of sessions the KPI gives as a share
_HOW_MANY_VISITS = lazy(r"\b(?:how many|number of|count of) (?:\w+ )?(?:visits|sessions|site visits|web visits)\b")


def unloaded_asks(t: str, metrics: list[str]) -> list[tuple[str, str]]:
    """(kind, words) of what the question asks that the data cannot be split or counted by: a
    group journeybot does not hold ("group") and, with an order KPI, an order status other than
    completed ("status"); a head count of customers that the KPI gives as a share ("count")."""
    out = [("group", m.group(1)) for m in _UNLOADED_GROUP.finditer(t)]
    head_count = _HOW_MANY_PEOPLE.search(t)
    if head_count and any(m in _SHARE_OF_PEOPLE for m in metrics):
        out.append(("count", head_count.group(0)))
    from bot.agent.kpi_sayings import UNANSWERED

    unanswered = rx.search(UNANSWERED, t)
    if unanswered and "first_response_time" in metrics:
        out.append(("unanswered", unanswered.group(0)))
    visits = _HOW_MANY_VISITS.search(t)
    if visits and "session_conversion" in metrics:
        out.append(("count", visits.group(0)))
    if any(m in ("orders", "revenue", "aov") for m in metrics):
        out += [("status", m.group(0)) for m in _ORDER_STATUS.finditer(t)][:1]
    return out
