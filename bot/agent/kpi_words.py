"""KPI phrasings read before bot/agent/vocab.py's (which is full): support tickets counted as
they are logged, how long tickets take to close, people active with us, and the share of visits
that turn into an order asked around the visits. bot/agent/slot_readers.py tries these first.
"""

from __future__ import annotations

import re

_QUERIES = (r"(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|requests?|cases?|issues?|calls?|"
            r"emails?|jobs?|call-?outs?|problems?|faults?|repairs?)")
_CLOSE = r"(?:close|resolve|fix|sort(?: out)?|solve|clear|deal with|wrap up|get (?:closed|resolved|fixed|sorted))"

KPI_TERMS: list[tuple[str, str]] = [
    # "how many repair queries got logged as tickets", "warranty calls raised as support cases":
    # the tickets opened, whatever the trade calls them (not those closed, not what they say)
    (rf"^(?!.*\b(?:about|regarding|mention\w*|saying)\b).*?\b(?:how many|number of|count of) (?:[\w-]+ ){{0,3}}{_QUERIES} "
     r"(?:got |were |was |have been |has been |are |get |being )?(?:logged|raised|opened|filed|recorded|booked in|entered|"
     r"submitted|created) as (?:an? |new )?(?:support )?(?:tickets?|cases?)\b", "tickets"),
    # "how long tickets take to close", "how long do complaints take us to sort out": the time
    # to resolve (the resolved-participle forms are vocab.py's)
    (rf"\bhow long (?:do |does |did |will )?(?:our |the |a |customer |support )?(?:[\w-]+ )?{_QUERIES} "
     rf"(?:take|takes|took|taking|tend to take|usually take) (?:us |the team |staff |you )?to {_CLOSE}\b", "resolution_time"),
    # "how many ppl were active with us", "how many members have been active this month"
    (r"\bhow many (?:people|folks?|customers|clients|members|users|guests|shoppers|patrons|students|subscribers) "
     r"(?:were|have been|are|was|stayed|remained|kept) (?:still )?active\b", "active_customers"),
    # "of all the visits to the site, what fraction turn into an order": the visits named before
    # the share, which vocab.py's session-conversion words expect after it
    (r"\b(?:visits|sessions?|(?:every|each) visit)\b[^?.!]{0,50}?\b(?:what|which|how big a|how much of a) (?:fraction|share|percentage|"
     r"proportion|part|per ?cent|ratio)\b[^?.!]{0,30}?\b(?:convert\w*|(?:turn|end|result|lead)\w* (?:up )?(?:in|to|into|with) "
     r"(?:an? )?(?:purchase|sale|order|buy|booking)s?)\b", "session_conversion"),
]
KPI_PATTERNS = [(re.compile(p), code) for p, code in KPI_TERMS]
