"""KPI phrasings read before bot/agent/vocab.py's (which is full), with bot/agent/kpi_words.py's:
counts said with the business as the subject ("how many tickets has the garage had"), the share
of people who were happy, spend per unit, days to someone's door, the days from first finding
us to a first booking, and repeat customers laid side by side group by group.
"""

from __future__ import annotations

import re

_PEOPLE = (r"(?:customers|clients|people|folks?|guests|members|visitors|shoppers|buyers|patients|students|players|"
           r"diners|punters|riders|skaters|trekkers|drivers|owners|families|parents|those|them|everyone)")
_HAPPY = r"(?:happy|satisfied|pleased|content|delighted|chuffed)"
_SHARE = r"(?:percentage|share|%|proportion|fraction|per ?cent|how many)"

COUNT_TERMS: list[tuple[str, str]] = [
    # "how many support tickets has the garage had this week", "how many complaints did the
    # bakery get": the count of tickets, with the business (not "we") as the subject
    (r"\b(?:how many|number of) (?:new )?(?:support |customer )?(?:tickets|complaints|support requests|support cases) "
     r"(?:has|have|did|does) (?:the|our|my) (?:[\w'-]+ ){1,3}(?:had|got|get|gotten|received|receive|logged)\b", "tickets"),
    # "percentage of customers happy with their repair", "what share of clients were satisfied":
    # the share satisfied (the 1-5 mean is asked with "average" or "out of 5")
    (rf"\b{_SHARE} (?:of )?(?:our |the |all )?(?:[\w-]+ )?{_PEOPLE} (?:who |that )?(?:were |are |was |felt |left |came away )?"
     rf"(?:(?:very|really|fully) )?{_HAPPY}\b", "csat"),
    # "which weekday do people spend most per tour", "which region spends the most per MOT": what
    # one order is worth, not the money in all (per head is the money per customer)
    (r"\bspend(?:s|ing)? (?:the )?(?:most|more|least|less|highest|lowest) (?:money )?(?:per|on each|on a|each) "
     r"(?!(?:head|person|customer|client|visitor|member|guest)\b)[\w-]+", "aov"),
    # "days to get a jar of honey to someone's door", "how long for a box to reach their doorstep"
    (r"\b(?:days?|long|time) (?:\w+ ){0,3}(?:to get|to reach|to land at|to arrive at|to turn up at) (?:[\w'-]+ ){0,4}?"
     r"(?:to )?(?:someone'?s|somebody'?s|people'?s|their|the customer'?s?|a customer'?s?|the|your) (?:front )?(?:door|doorstep|"
     r"house|home|letterbox)\b", "delivery_time"),
    # "days between someone first finding us and their first class": the time to a first purchase,
    # whatever the trade sells
    (rf"\b(?:days?|time|long) (?:between|from) (?:someone|somebody|a customer|a client|people|{_PEOPLE}|them)? ?(?:first )?"
     r"(?:finding|hearing (?:of|about)|discovering|seeing|spotting|coming across|visiting|contacting|meeting) (?:us|the [\w-]+) "
     r"(?:and|to|till|until|before) (?:their|the|a) (?:very )?first [\w-]+", "time_to_first_purchase"),
    # "repeat customers per segment, highest first": the head count group by group (a rate is
    # asked as "repeat rate" or "share of repeat customers")
    (r"(?<!share of )(?<!percentage of )(?<!proportion of )\brepeat (?:customers|clients|buyers|guests) (?:by|per|for each|in each|"
     r"across(?: the)?) (?:town|city|area|region|segment|channel|age|persona)", "repeat_customers"),
    # "of the folk who looked, what share went ahead and booked": the buying rate
    (r"\b(?:what|which) (?:share|percentage|%|proportion|fraction|part) (?:of (?:them|those) )?(?:went ahead and|went on to|"
     r"actually|then|ended up|did) (?:book|booked|buy|bought|order|ordered|pay|paid|purchase|purchased|booking|buying)\b",
     "purchase_conversion"),
    # "in pounds", "and in dollars?" after a count: the same question asked of the money
    (r"^(?:and |so |ok,? |now )?(?:in|as) (?:pounds|quid|dollars|bucks|euros|sterling|money|cash|£|\$)\s*(?:please|pls|instead)?\s*[?.!]*$",
     "revenue"),
    # "Clifton v Redland, who books more courts", "which town orders the most": the orders, place by
    # place (who "buys the most" is ranked on the money)
    (r"\b(?:who|which (?:[\w-]+ )?(?:town|city|area|region|segment|channel|age group)) (?:books?|orders?|hires?|rents?) "
     r"(?:the )?(?:more|most|fewer|less|least)\b", "orders"),
]
COUNT_PATTERNS = [(re.compile(p), code) for p, code in COUNT_TERMS]
