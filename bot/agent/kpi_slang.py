"""KPIs said the way owners text them: the night's money as "the take", people as "punters",
"diff ppl", and orders the owner had to refund or cancel. Read with the KPI words of
bot/agent/kpi_words.py (hooked there), before bot/agent/vocab.py's, so these readings win where
vocab.py's broader ones would take the same words ("how many ... people bought" as the buying
rate, "refunded" as a count).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

# What follows the money word when nothing else is asked: the end, or a period the reader blanked
_DONE = r"(?=\s*(?:[?.!,]|$|(?:on|for|at|from|over|during|in|this|last|so far)\b))"
# An order the trade calls by its own name ("dive bookings", "pitch bookings", "hires")
_ORDERS = r"(?:[\w-]+ )?(?:orders?|bookings?|sales|hires|jobs|tables|reservations|appointments|lessons|classes|sessions)"
_REFUND = r"(?:refund(?:ed)?|give (?:the |their )?money back(?: on| for)?|pay back)"
_CANCEL = r"(?:cancel(?:l?ed)?|call off|called off|scrap(?:ped)?)"

SLANG_TERMS: list[tuple[str, str]] = [
    # "what was the bar take on friday", "how much was the door take", "the till take last night":
    # the money in, as the noun publicans and promoters use
    (r"\b(?:what|how much)(?: was|'s| is|s| were) (?:the |our |my |tonight's |last night's |the day's |the night's )?"
     rf"(?!(?:your|ur|yer|his|her|their|its)\b)(?:[\w'-]+ ){{0,2}}take\b{_DONE}|"  # not "what's your take on it"
     # (not "how many orders did the noodle bar take": the verb, what was taken named before it)
     r"^(?!.*\b(?:did|does|do|will|would|can|could|to)\b (?:the |our |my )?(?:[\w'-]+ ){0,3}take\b).*?"
     r"\b(?:bar|door|till|gate|kiosk|nightly|daily|weekly|night's|day's|week's|weekend's|weekend) take\b"
     r"(?! (?:up|off|away|place|part|us|it|them|long|care|note|stock|a look)\b)", "revenue"),
    # "what did the jerk pan take in last weekend", "what did the kiosk take": the money the
    # business brought in, named by its trade, with the period the reader blanked after it
    (rf"\bwhat (?:did|does|do|has|have) (?:the |our |my )(?:[\w'-]+ ){{1,3}}?(?:take|taken)(?: in)?{_DONE}", "revenue"),
    # (lane ps12) "flag it if the till is weirdly low", "what went in the till": the money in, as
    # the shop's drawer (not "till friday": "the" or "our" before it makes it the noun)
    (r"\b(?:the|our|my) till (?:is|was|were|looks?|looked|seems?|has been|'s|goes|went|drops?|dropped|dips?|dipped|falls?|fell|"
     r"total|figures?|money|takings)\b|\b(?:in|into|through) (?:the|our|my) till\b", "revenue"),
    # "active punters this month", "how many active players": people active with us
    # (lane ps25) "active barre members", "active kayak club members": the trade named between
    (rf"\bactive (?:(?!(?:and|or|vs|versus|than|of|the|new|returning|repeat)\b)[a-z-]+ ){{0,2}}?{PEOPLE}\b", "active_customers"),
    # "how many diff ppl bought pick n mix": distinct buyers, the texting shorthand for "different"
    # (not "how many unique customers were active": the people active with us, vocab.py's)
    (rf"\bhow many (?:diff|dif|different|distinct|unique|individual|separate) {PEOPLE} (?:have |had |actually |all )?"
     r"(?:bought|ordered|purchased|paid|shopped|booked|spent)\b", "buyers"),
    # (lane probe20c) "how many separate punters had a tub of whelks off the stall", "how many different
    # folk got a pie from us": each person counted once, who had something from the business
    (rf"\bhow many (?:diff|dif|different|distinct|unique|individual|separate) (?:{PEOPLE}|folks?) (?:have |had )?"
     r"(?:had|got|grabbed|took|picked up|bought|ordered) (?:a|an|some|their|any) (?:[\w'-]+ ){0,3}?(?:off|from) "
     r"(?:us|me|the (?:[\w'-]+ )?(?:stall|shop|van|stand|truck|counter|bakery|bar|cafe|kiosk|hatch|pitch))\b", "buyers"),
    # "what % of bookings ended up refunded", "share of hires that wound up cancelled": the rate,
    # however the outcome is reached (vocab.py reads "got refunded")
    (rf"(?:%|\b(?:per ?cent|percentage|share|proportion|fraction)) of (?:[\w'-]+ ){{0,4}}?(?:(?:that|which) )?(?:ended|end|ends|"
     rf"wound|wind|winds|finished) up (?:being |getting |got )?{_REFUND}\b", "refund_rate"),
    (rf"(?:%|\b(?:per ?cent|percentage|share|proportion|fraction)) of (?:[\w'-]+ ){{0,4}}?(?:(?:that|which) )?(?:ended|end|ends|"
     rf"wound|wind|winds|finished) up (?:being |getting |got )?{_CANCEL}\b", "cancellation_rate"),
    # "gelato orders we had to refund", "how many bookings did we have to cancel": a count of
    # refunded or cancelled orders, said as what the owner had to do (not an order to do it)
    (rf"\b{_ORDERS} (?:that |which )?(?:we|i) (?:had to|have had to|'ve had to|needed to|ended up having to|did) {_REFUND}\b|"
     rf"\bhow many {_ORDERS} (?:did|have) (?:we|i) (?:had to |have to |had to |ended up |end up )?{_REFUND}\b", "refunded_orders"),
    (rf"\b{_ORDERS} (?:that |which )?(?:we|i) (?:had to|have had to|'ve had to|needed to|ended up having to|did) {_CANCEL}\b|"
     rf"\bhow many {_ORDERS} (?:did|have) (?:we|i) (?:had to |have to |ended up |end up )?{_CANCEL}\b", "cancelled_orders"),
]
SLANG_PATTERNS = [(lazy(p), code) for p, code in SLANG_TERMS]
