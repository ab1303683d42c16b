"""What happened to orders and forms, in owners' words, read before bot/agent/vocab.py's (which
is full): bookings "called off" are cancelled, orders that "came back for a refund" are refunded,
questionnaires "returned" are survey responses, "average per booking" is the average order value.
Before, these fell to the nearest general word (orders, repeat purchases, revenue).
"""

from __future__ import annotations

from bot.agent.owner_words import BUY, PEOPLE, SHARE
from bot.agent.patterns import lazy

_THINGS = r"(?:bookings?|orders?|appointments?|jobs?|sessions?|reservations?|parties|events?|classes)"

OUTCOME_TERMS: list[tuple[str, str]] = [
    (rf"\b(?:called|calls|calling|call) off\b|\b{_THINGS} (?:that |which )?(?:got |were |was |have been )?"
     r"(?:scrapped|binned|pulled)\b", "cancelled_orders"),
    (r"\b(?:came|come|comes|coming) back (?:for|wanting|asking for) (?:a |their )?(?:refunds?|money back)\b|"
     r"\b(?:asked|wanted|demanded) (?:for )?(?:a |their )?(?:refunds?|money back)\b|"
     # (tune32) "how many customers got a refund from us", "diners given their money back": the refunds
     r"\b(?:got|get|gets|getting|received|receiving|were given|was given|given|had|have had) (?:a |their |any |full |a full )?"
     r"(?:refunds?|money back)\b", "refunded_orders"),
    (r"\b(?:questionnaires?|surveys?|feedback forms?|survey forms?) (?:(?:that |which )?(?:were |got |have been )|we (?:got |had )?)?"
     r"(?:returned|filled (?:in|out)|completed|sent back|handed back|got back|answered)\b", "survey_responses"),
    (r"\baverage (?:spend |take |takings )?(?:per|a|each) (?:booking|order|sale|visit|transaction|job|basket|"
     r"appointment|customer order)\b|\baverage (?:bill|spend per (?:visit|order|booking))\b", "aov"),
]
# (tune32) "what % of ppl who looked at the site actually booked a jam session", "how many of the
# folk who browsed went on to buy a lamp": the share that bought, read before "booked a session"
# or "buy a lamp" count as the orders themselves; the thing bought ends the ask
OUTCOME_TERMS.append(
    (rf"(?<!\w)(?:{SHARE}|how many) of (?:the |our |all (?:the |our )?|my )?(?:[\w-]+ )?{PEOPLE} (?:who|that|which)"
     rf"(?:\s+[\w'-]+){{1,8}}?\s+(?:(?:go|goes|went|going) on to |ended up |end up |ends up |actually |eventually )+{BUY}"
     r"(?: (?:a|an|one|some|the|their|any) (?:[\w-]+ ){0,2}[\w-]+)?(?=\s*(?:$|[,.?!;:]|(?:this|last|past|in|over|"
     r"during|since|so far)\b))", "purchase_conversion"))
OUTCOME_PATTERNS = [(lazy(p), code) for p, code in OUTCOME_TERMS]
