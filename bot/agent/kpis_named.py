"""Several KPIs named in one question: a trade's count and its money asked together, or a short
list of units, money and average bill. One reading (lane unify36 joined the twins of lanes probe24a
and tune35, which both turned one question into a list of KPIs); each KPI named is read, not only
the one the plainer readings find first.

Said in a sentence (lane probe24a): "how many lasagne trays went out and what did they bring in",
"paninis sold, takings and avg ticket", "median days to land and the slowest 1 in 10".
- MONEY_PATTERNS (hooked first into bot/agent/kpi_words.py's KPI_PATTERNS): the money words the
  other readings leave out when they stand beside a count ("total receipts", "cash in", "fees
  earned", "what they paid for them", "sales value"), and what was spent "per stay" (one
  order's worth, not the money).
- COUNTED_ORDERS: orders said as a count ("how many sales", "number of orders", "paninis sold,
  ..."), which bot/agent/slot_readers.py keeps beside another KPI (otherwise orders beside a
  KPI are what it is measured over: "delivery time for orders from Clifton").
- counted_beside(rest): the trade's own unit counted beside a KPI already read ("lighthouse
  stays ... and the money", "shift more trays and take more money"), said as "orders" for
  bot/agent/slots.py, which reads the count as orders and keeps the other KPIs.
- with_tails(t, found, p90): "X and the slowest 1 in 10" is X and its tail, not the tail alone.

Said as a list (lane tune35, from blind23's and probe21c's misses): "covers and avg bill",
"entries and what they paid", "spend and number of commissions", "loads and turnover".
- listed_kpis(rest, metrics): each item of a short list read on its own against NAMED, the one
  ordered list of what an item may name: an average bill or ticket is the order value, a trade's
  units said alone or counted ("commissions", "how many loads", "number of sales") are the
  orders, money said alone ("spend", "cash", "takings", "what the stall took") is the revenue.
  The phase-Z convention (g) of docs/ARCHITECTURE.md: "sales" said alone is revenue; counted
  ("number of sales") it is orders. Only a list of two or more such items changes the reading.
"""

from __future__ import annotations

import re

from bot.agent.patterns import lazy, rx
from bot.agent.trade_words import PEOPLE

# a plural noun of the trade's goods or bookings (never people, time or the data's own things)
_NOT_UNITS = {
    "days", "nights", "weeks", "months", "years", "hours", "minutes", "times", "people", "folks", "folk", "customers",
    "clients", "visitors", "users", "members", "guests", "buyers", "players", "emails", "messages", "calls", "reviews",
    "comments", "complaints", "enquiries", "inquiries", "queries", "tickets", "sessions", "visits", "returns", "refunds",
    "cancellations", "alerts", "rules", "personas", "cards", "segments", "channels", "regions", "towns", "cities",
    "stages", "steps", "products", "items", "units", "categories", "things", "ones", "numbers", "figures", "stats",
    "sales", "takings", "receipts", "surveys", "ratings", "scores", "orders", "fees", "totals", "kpis", "metrics",
    "this", "his", "its", "has", "was", "does", "goes", "less", "plus", "yes", "us", "thus", "always", "across",
}
_PEOPLE_WORDS = {w for noun in PEOPLE for w in rx.sub(r"[^a-z ]+", " ", noun.replace("?", "")).split()}
_NOUN = r"(?P<u{}>(?!\w+(?:ss|ers|ists|ians)\b)[a-z][a-z-]{{2,}}s)"
_DONE = r"(?:sold|booked|served|shipped|dispatched|posted|went(?: out)?|got sold|ordered|delivered|made|baked|taken)"
_MONEY_AFTER = (r"(?:money|cash|takings|turnover|revenue|receipts|income|sales|fees|what (?:did |do )?(?:[\w'-]+ )?(?:spent|spend|paid|pay|took|take|brought|bring|made|make|earned)|"
                r"how much|avg|average|the money|the cash|\w+ money|"
                # (lane probe27b) "smoked mackerel packs and the smokehoose takings", "boxes and the dosh"
                r"dosh|[\w'-]+ (?:takings|turnover|cash|dosh))")
_COUNT_BESIDE = lazy(
    # "how many lighthouse stays did we get", "hoo mony trays did we do": the units the business took
    rf"\bhow many (?:[a-z-]+ ){{0,2}}?{_NOUN.format(1)} (?:did|have|has|do) (?:we|i|the [a-z]+|you) "
    r"(?:get|do|sell|book|serve|ship|send|take|have|shift|move|make|bake|run)\b|"
    # "how many peach crates did folk in Bristol order": the units the customers took
    rf"\bhow many (?:[a-z-]+ ){{0,2}}?{_NOUN.format(7)} did (?:[\w'-]+ ){{1,6}}?(?:order|buy|book|get|take)\b|"
    # "how many punnets went", "lasagne trays went out", "mango boxes dispatched"
    rf"\bhow many (?:[a-z-]+ ){{0,2}}?{_NOUN.format(2)} (?:went|were sold|got sold|sold|were booked|went out)\b|"
    rf"\b{_NOUN.format(3)} {_DONE}\b|"
    # "did we shift more lasagne trays", "sell fewer boxes"
    rf"\b(?:shift|shifted|sell|sold|move|moved|serve|served|book|booked|do|did) (?:more|fewer|less) (?:[a-z-]+ ){{0,2}}?"
    rf"{_NOUN.format(4)}\b|"
    rf"\b(?:number|count|total|tally|no\.?) of (?:[a-z-]+ ){{0,2}}?{_NOUN.format(5)}\b|"
    # "mule treks and trek money", "lighthouse stays and what guests spent": the units listed first,
    # the money after them
    rf"(?:^|: |, )(?:[a-z-]+ ){{0,2}}?{_NOUN.format(6)}(?: and| n| &|,) (?:the |our |their )?(?={_MONEY_AFTER}\b)|"
    # (lane probe27b) "how many restoration jobs wi finish an how much money wi mek": the units counted,
    # whatever (dialect) verb follows, before the money asked
    rf"\bhow many (?:[a-z-]+ ){{0,2}}?{_NOUN.format(8)}(?= (?:[\w'-]+ ){{0,3}}?(?:and|&|plus) (?:for )?how much\b)")


def counted_beside(rest: str) -> tuple[str, list[tuple[str, str]]]:
    """`rest` with each trade unit counted beside another KPI said as "orders", and the nouns
    read that way; `rest` unchanged when none is."""
    spans: list[tuple[int, int, str]] = []
    for m in _COUNT_BESIDE.finditer(rest):
        group = next(g for g, v in m.groupdict().items() if v)
        noun = m.group(group)
        if noun not in _NOT_UNITS and noun not in _PEOPLE_WORDS:
            spans.append((*m.span(group), noun))
    for start, end, _ in sorted(spans, reverse=True):
        rest = rest[:start] + "orders" + rest[end:]
    return rest, [(noun, "orders") for noun in dict.fromkeys(n for _, _, n in spans)]


# Orders said as a count: kept beside another KPI in the same question
# (never the orders a measure is of: "how many orders arrived on time" is the on-time share)
# (nor the people counted: "number of buyers ... orders", what bot/agent/trade_words.py makes of "how many
# separate people bought couscous boxes"; nor orders that do something: "how many wardrobe jobs convert")
COUNTED_ORDERS = (r"\b(?:how many|number of|no\.? of|count of) (?:(?!(?:buyers|customers|people|clients|folks?)\b)[\w-]+ ){0,2}?"
                  r"(?:orders|sales)\b(?=\s*(?:[,?.!&;:]|$|(?:and|n|plus|did|do|have|has|this|last|in|for|from|over|since|today|"
                  r"yesterday|so far|at|we|were sold|sold|booked|went|on|by|vs|versus|against|compared|from|"
                  r"came in|come in|coming in|landed)\b))|"  # (lane probe28a) "how many orders came in and from how many customers"
                  rf"\b[\w-]+s {_DONE}(?:,| and\b| n\b| &| plus\b)|(?:,| and| n| &| plus) (?:[\w-]+ ){{0,2}}?[\w-]+s {_DONE}\b")

_PER_ONE = r"(?:per|a|each|for each|on each|on a) (?!(?:day|week|month|year|head|person|customer|visit|visitor|hour|night)\b)[\w-]+"
MONEY_TERMS: list[tuple[str, str]] = [
    # "what guests spent per stay", "how much folk paid a table": one order's worth
    (rf"\b(?:what|wat|how much) (?:did |do |does )?(?:[\w'-]+ ){{0,2}}?(?:spent|spend|spends|paid|pay|pays) {_PER_ONE}\b", "aov"),
    # "total receipts", "receipts and number of orders": the money (one "average receipt" is the
    # order value, read elsewhere; the receipt email is a touchpoint)
    (r"(?<!average )(?<!avg )(?<!typical )(?<!mean )(?<!till )\b(?P<kpi>receipts)\b(?! (?:emails?|sent|printed)\b)|"
     # "cash in", "fees earned", "sales value", "how much in sales"
     r"\bcash[- ]in\b(?! (?:on|hand)\b)|\bfees (?:earned|earnt|taken|brought in|collected|coming in)\b|"
     r"\b(?:sales|takings) (?:value|total|amount)\b|\bvalue of (?:the |our |all )?sales\b|\bhow much in sales\b|"
     # "and what did they pay for them", "what they paid": the money the counted ones brought
     r"\b(?:what|wat|how much) (?:did |do |have )?(?:they|those|them|folk|people|customers|guests|members) "
     r"(?:pay|paid|spend|spent)(?: (?:for|on) (?:them|it|those|these|that))?\b(?! (?:per|a|each)\b)", "revenue"),
]
MONEY_PATTERNS = [(lazy(p), code) for p, code in MONEY_TERMS]


def with_tails(t: str, found: list[tuple[int, str]], tail: re.Match[str], tail_of: dict[str, str]) -> list[tuple[int, str]]:
    """The KPIs found with their slow tail where the question asks for it: all of them, or,
    when the tail is added after a KPI named before it ("median days to land and the slowest 1
    in 10"), the KPI and its tail both."""
    tails = [(pos, tail_of.get(code, code)) for pos, code in found]
    joined = rx.search(r"(?:\band|\bplus|&|\bas well as|\balso|\bn) (?:also |then )?(?:the |our |its )?$", t[:tail.start()])
    if not joined:
        return tails
    # a KPI named before the "and" (never the tail's own words read as a KPI: "and the slowest 10pc of those replies")
    before = [(pos, code) for pos, code in found if pos < joined.start() and code in tail_of]
    return found + [(tail.start(), tail_of[code]) for _, code in before] if before else tails


# A short list of KPIs (lane tune35)
_LEAD = r"(?:(?:the|our|total|all the|all|its|their|and|just|plus) )*"
_MOD = r"(?:[\w'-]+ ){0,2}?"  # "ticket money", "quarry loads", "tempura covers"
_WHO = r"(?:they|we|folk|folks|people|customers|clients|it|he|she|the [\w'-]+|[\w'-]+)"
_MONEY = lazy(
    rf"^{_LEAD}{_MOD}(?:spend|spending|cash|money|money in|cash in|takings|turnover|income|fees|fee income|revenue|sales)$|"
    rf"^{_LEAD}(?:what|how much) {_WHO} (?:paid|spent|took|made|brought in|paid us|took in|handed over)$")
_UNITS = (r"(?:commissions|entries|cases|loads|covers|shows|gigs|hires|jobs|lessons|bookings|classes|crates|"
          r"boxes|orders|rentals|call-?outs|fittings|appointments|reservations)")
# (lane probe28a) "hurdle jobs done", "lumber loads out the yard", "commissions taken on": the units and
# what became of them
_DONE_TO = (r"(?: (?:done|finished|completed|sold|booked|taken(?: on)?|took on|landed|came in|in|delivered|fitted|"
            r"out (?:the|of the|thru the|through the) (?:door|yard|gate|shop)))?")
_COUNTED = lazy(rf"^{_LEAD}{_MOD}{_UNITS}{_DONE_TO}$|"
                      rf"^{_LEAD}(?:(?:number|count|tally|total|no\.?) of|how many) {_MOD}(?:{_UNITS}|sales)$|"
                      rf"^{_LEAD}{_MOD}sales (?:count|number|tally)$")
_AVERAGE = lazy(rf"^{_LEAD}(?:avg|average|mean|typical) {_MOD}(?:bill|spend|order|order value|ticket|basket|"
                      rf"check|cheque|sale|job|job value|booking|cover)$")
_SEPARATOR = lazy(r"\s*(?:,|;|:|\s-\s|\band\b|&|\bplus\b|\bas well as\b)\s*")
_MAX_WORDS = 5


# What one item of a list may name, in the order tried: "average sale" is the order value before
# "sale" is counted, "number of sales" is counted before "sales" is money
NAMED: list[tuple[re.Pattern[str], str]] = [(_AVERAGE, "aov"), (_COUNTED, "orders"), (_MONEY, "revenue")]


def _item(part: str) -> str | None:
    part = part.strip(" ?.!'\"")
    if not part or len(part.split()) > _MAX_WORDS:
        return None
    return next((code for pattern, code in NAMED if pattern.match(part)), None)


def listed_kpis(rest: str, metrics: list[str]) -> list[str]:
    """`metrics` with the KPIs of a list of trade words the whole-question reading missed, in the
    order the list says them (the others after)."""
    listed: list[str] = []
    for part in _SEPARATOR.split(rest):
        code = _item(part)
        if code and code not in listed:
            listed.append(code)
    if len(listed) < 2 or set(listed) <= set(metrics):
        return metrics
    return listed + [m for m in metrics if m not in listed]
