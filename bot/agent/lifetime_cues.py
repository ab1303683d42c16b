"""What owners say when they want a customer's lifetime value (worth over time, all in, over a
span of years ahead): weighted patterns that bot/agent/ranking.py adds up, used by the lifetime
value spec in bot/agent/predict_tools.py. Split out of predict_cues.py, which had reached the size
limit."""

from __future__ import annotations

from bot.agent.trade_words import UNIT_ONE

LIFETIME_CUES = (
    # "which channel gives the highest-value clients over time", "the customers worth most in the
    # long run": what people are worth across their time with us, not a course over time
    (r"\bmost valuable\b.{0,20}?\b(?:over time|in the long (?:run|term)|long[- ]term|over the (?:long haul|years))\b|"
     r"\b(?:highest|most|best|top|biggest|greatest)[- ]value(?:d)? (?:[\w-]+ )?(?:customers|clients|buyers|shoppers|members|"
     r"guests|patients|punters|regulars|ones|people)\b.{0,30}?\b(?:over time|in the long (?:run|term)|long[- ]term|over the "
     r"(?:long haul|years))\b", 1.2),
    # "which channel's clients end up spending the most over time": the most over their time with us
    # (a "which channel ... the most" ranking of this month's money would not say over time)
    (r"\b(?:worth|spend|spends|spending|spent|bring in|brings in|bringing in|brings us|bring us) (?:us )?(?:the )?most "
     r"(?:to us |with us )?(?:over time|in the long (?:run|term)|long[- ]term|over the years)\b", 2.0),
    # "our top 10 customers by spend": customers ranked by what they are worth
    (r"\b(?:top|biggest|best|most valuable) (?:\d+ |ten |twenty )?(?:customers|clients|buyers|spenders|members) (?:by|for) "
     r"(?:spend|spending|value|revenue|money)\b", 0.6),
    # (not a weekday weighed up: "worth staying open on tuesdays", "are tuesdays worth opening for" is the weekday pattern)
    # (nor a customer worth a gesture: "worth winning back" is what to do, not what they are worth)
    # (nor, tune31, what a count of orders came to: "gigs booked and what they were worth")
    # (nor, lane probe23a, one sale's worth: "the typical worth of a tattoo booking" is the average order)
    (r"\blifetime\b|\bclv\b|\bcltv\b|\bltv\b|(?<!they were )(?<!those were )(?<!these were )(?<!it was )(?<!that was )(?<!were they )(?<!were those )(?<!was it )(?<!was that )"
     r"(?<!days )(?<!weekends )(?<!nights )\bworth\b(?! (?:\w+ ){0,2}(?:open|opening|trading|working)\b)"
     rf"(?! of (?:a|an|one|each|every) (?:[\w'-]+ ){{0,2}}?(?:order|booking|sale|job|table|ticket|basket|purchase|{UNIT_ONE})\b)"
     r"(?! (?:winning|getting|bringing|luring|tempting|coaxing|wooing|chasing|saving|fighting|ringing|calling|contacting|rewarding|converting|turning|pursuing|a (?:call|ring|"
     r"freebie|treat|reward|nudge|win[- ]?back|push|follow[- ]?up|check[- ]?in|voucher|discount|offer))\b)|\blong[- ](?:term|run) (?:value|worth)\b|\bover the years\b|"
     r"\bin total over\b(?! (?:the |a )?(?:last|past|previous|this|\d+)\b)|\bvalue of (?:a|an|one|each) (?:[\w-]+ ){0,3}?(?:customer|client|member|guest|patient|buyer|shopper|regular|owner)\b|\b(?:whole|entire) (?:time|life|relationship)(?: (?:they|you|people|customers|clients) (?:stick|stay|are|remain|shop|spend))? with us\b|\bmost valuable (?:customers|channel|segment)\b|"
     # "how valuable is a Redland customer across their whole time with us"
     r"\bhow valuable is (?:a|an|one|each|every|the (?:average|typical)) (?:\w+ ){0,2}(?:customer|client|member|guest|buyer)\b|"
     r"\bhow much (?:does|do|is|will) (?:one|a|an|each|every|the (?:average|typical)|an average|a typical) (?:\w+ )?"
     r"(?:customer|client|buyer|shopper|member|guest|patient|student|subscriber)s? (?:\w+ ){0,2}(?:bring in|spend|worth)\b.{0,40}\b"
     r"(?:before|until|over|across|in total)\b",
     0.85),
    # "mean and median customer value, spend so far plus what's to come": what they spent and will spend
    (r"\b(?:spen[dt]|spending|value|bought|paid) (?:so far|to date|already)\b.{0,30}\b(?:plus|and|\+|with|on top of)\b.{0,30}"
     r"\b(?:to come|expected|ahead|future|still to)\b|\b(?:mean|median|average|typical) (?:and (?:mean|median|average) )?"
     r"(?:customer|client|patient|member|guest|buyer) (?:value|worth)\b", 0.9),
    # "who are my biggest spenders", "which customers have spent the most with us ever": the top
    # customers by what they spent (not a risk list or a persona of them, which say so)
    (r"^(?!.*\b(?:risk|lose|losing|lost|churn\w*|leav\w*|persona\w*|likely|might|could)\b)(?:so |and |ok,? )?(?:who (?:are|is|were)|"
     r"which (?:customers|clients|members|guests|buyers|shoppers|regulars) (?:are|have)|list|name|show me) (?:\w+ ){0,2}?"
     r"(?:(?:biggest|top|best|highest|heaviest)[- ]spend(?:ers|ing (?:customers|clients))|spent the most)\b", 0.9),
)
LIFETIME_CUES += (
    # "customer value over a 3 year horizon", "guest value across the next two years": what a
    # customer is worth over a span ahead, the lifetime value, not a money trend
    (r"\b(?:customer|client|guest|member|buyer|shopper|subscriber|patient|student)s?'? value\b.{0,30}?"
     r"\b(?:(?:over|across|for|within) (?:a |an |the )?(?:next |coming )?(?:\d{1,2}|one|two|three|four|five)[- ]years?|"
     r"(?:\d{1,2}|one|two|three|four|five)[- ]year (?:horizon|view|window))\b", 0.9),
)

# (lane tune28) "worth to us all in, what they've paid plus what's to come": spend so far and
# ahead, the lifetime value
LIFETIME_CUES += ((r"\bworth to (?:us|me|the business|the shop)\b.{0,20}\b(?:all in|all told|in total|overall|altogether)\b|"
                   r"\bwhat (?:they|customers|clients)(?:'ve| have) (?:already )?(?:paid|spent)\b.{0,30}\b(?:plus|and|with|on top of)\b"
                   r".{0,30}\b(?:to come|still to come|they'?ll (?:spend|pay)|ahead|in future|future)\b", 0.9),)

# (lane real25) "who are our best customers?", "who spends the most with us?", "our top 10 clients":
# the people ranked by what they are worth, asked plainly (the lifetime value lists the top
# customers); not a kind of customer drafted as a persona, a risk list, or a group ranked by spend
_PEOPLE = (r"(?:customers|clients|buyers|shoppers|members|guests|patients|regulars|patrons|accounts|diners|punters|"
           r"students|subscribers|collectors|spenders)")
_NOT_WORTH = (r"^(?!.*\b(?:risk|lose|losing|lost|churn\w*|leav\w*|lapse\w*|persona\w*|likely|might|could|will|age|ages|segments?|"
              r"channels?|cit(?:y|ies)|towns?|regions?|groups?|brackets?|neighbourhoods?|areas?|per|more|less|month|week|day|year|"
              r"review\w*|rat(?:e|ed|ing)s?|happ\w*|satisf\w*|complain\w*|feedback|types?|kinds?|sort\w*)\b)")
_FEW_SAID = r"(?:\d{1,3}|five|ten|twenty|fifty|hundred) "
LIFETIME_CUES += ((
    rf"{_NOT_WORTH}(?:.*\bwho (?:are|is|'re|'s|were) (?:our|my|the)(?: [\w-]+'s)? (?:{_FEW_SAID})?(?:very )?(?:best|top|most valuable|"
    rf"most important|biggest|highest[- ]value|most profitable) (?:[\w-]+ )?{_PEOPLE}\b|"
    r".*\bwho (?:spends|spend|has spent|have spent|spent|pays|pay|has paid|paid) (?:us )?(?:the )?most\b|"
    rf"^(?:so |and |ok,? )?(?:show me |list |give me |name )?(?:our|my|the) (?:top|best|biggest|most valuable) "
    rf"(?:{_FEW_SAID})?(?:[\w-]+ )?{_PEOPLE}\s*[?.!]*$)", 1.5),)
# (lane probe28c) "lace pupils' value over the long haul", "what a bowl buyer is worth in the long run":
# value or worth said of the people over their whole time, the lifetime value
LIFETIME_CUES += ((r"\b(?:value|worth)\b(?: (?:to us|with us))?,? (?:over|in|across|for) the (?:long haul|long run|long term|years)\b", 1.2),)
