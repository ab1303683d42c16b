"""The money of a business that does not "sell", a basket with the trade's goods in its name,
and sales counted rather than summed. Hooked into bot/agent/kpi_words.py's KPI_PATTERNS (read
after the narrower sayings, before vocab.py's nouns, whose bare "sales" is the money).

- A charity cafe's donations, a broker's commission, a professional's fees are the revenue;
  per visit or case, the average order value. "How many donations" and "commissions" counted
  one by one (a maker's commissioned pieces, bot/agent/trade_words.py) stay orders; a
  "commission rate" or "fee structure" is no KPI the data holds, so it stays unread and the
  answer says so.
- "the avg refill basket", "a typical pick-n-mix bag": the average order value, whatever the
  trade's goods are called between (not the cart's abandonment).
- "the number of handset sales", "how many ticket sales": the sales counted, the orders.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

# the money nouns; "fees" only as ours, never fees we pay ("card fees", "platform fees")
# ((lane tune35) "cake commission cancellations": the commissions' own status counted, no money)
_MONEY = (r"(?:commission(?! rates?\b| structure\b| split\b|ed\b| cancel\w*| refund\w*| returns?\b| no-?shows?\b)|donations?|(?:our|my|the|client|broker|"
          r"professional|advice|arrangement|procuration|proc|tuition|course|membership|booking|consultation) fees|"
          r"fee income)")
_AVERAGE = r"(?:avg|average|typical|mean|usual|median)"
_PER = r"(?:per|a|each|for each|on each|on a)"

MONEY_AND_SALES_TERMS: list[tuple[str, str]] = [
    # "the average donation per visit", "avg commission per policy", "typical fee a case": one
    # order's worth
    # (the money noun right after the average: "average card fee per order" is a fee we pay)
    (rf"\b{_AVERAGE} (?:commission|donation|fee)s? (?:{_PER} [\w-]+|size|value|amount)\b", "aov"),
    # "commission per age band", "donations by region", "how much commission did we earn",
    # "our fees last month": the money in (not "how many donations": a count)
    (rf"^(?!.*\b(?:how many|number of|count of|no\.? of)\b (?:[\w-]+ )?donations\b).*?\b(?P<kpi>{_MONEY})\b", "revenue"),
    # "has our avg refill basket been growing", "typical pick-n-mix bag this month": what one
    # order is worth, the goods named between
    (rf"\b{_AVERAGE} (?:[\w'-]+ ){{1,2}}?(?:basket|trolley|cart|bag)s?(?: size| value| spend)?\b"
     r"(?! (?:abandon\w*|rate|left|drop\w*)\b)", "aov"),
    # "the number of handset sales", "how many ticket sales did we do": sales counted are orders
    # (a bare "sales" is the money, vocab.py's)
    # ((lane probe29a) three words between too: "how many map and atlas sales came from the vip collectors")
    (r"\b(?:(?:the |total )?number of|no\.? of|count of|how many) (?:[\w-]+ ){0,3}?(?P<kpi>sales)\b(?! (?:rep|staff|people|calls?)s?\b)",
     "orders"),
]
MONEY_AND_SALES_PATTERNS = [(lazy(p), code) for p, code in MONEY_AND_SALES_TERMS]
