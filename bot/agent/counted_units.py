"""A trade's own unit, counted over time, read as orders when no KPI word was said.

Owners count in nouns no table can list in full: a skydiving centre's "jumps", a recovery
firm's "tows", a balloon company's "flights", a dive school's "dives". Said in the words that
only count something sold over time ("jumps per day", "weekly tows", "the dip in flights"),
and with no KPI of the planner's own in the question, the noun is the business's orders; the
answer says so ("reading “jumps” as orders"), so a wrong guess is seen, not hidden.
bot/agent/trade_words.py knows the common units in every construction; this reads the rest in
the few constructions where a plural noun can only be a count of what was sold.
"""

from __future__ import annotations

from bot.agent.patterns import lazy, rx
from bot.agent.trade_words import PEOPLE
from bot.agent.word_fragments import WEEKDAY

# Plural nouns that are never the units sold: people, time, the data's own things, and what
# customers send rather than buy (counted, they are other KPIs or no KPI at all)
_NOT_UNITS = {
    "days", "nights", "weeks", "months", "years", "hours", "minutes", "times", "weekends", "mornings", "evenings",
    "people", "folks", "folk", "persons", "visitors", "users", "followers", "fans", "customers", "clients",
    "emails", "messages", "calls", "texts", "reviews", "comments", "complaints", "enquiries", "inquiries",
    "queries", "leads", "clicks", "likes", "posts", "views", "pages", "photos", "stars", "points", "words",
    "questions", "answers", "replies", "responses", "tickets", "sessions", "visits", "returns", "refunds",
    "cancellations", "alerts", "rules", "personas", "cards", "segments", "channels", "regions", "towns",
    "cities", "stages", "steps", "products", "items", "units", "categories", "errors", "issues", "problems",
    "things", "ones", "bits", "kinds", "types", "groups", "numbers", "figures", "stats", "results", "totals",
    "trends", "terms", "kpis", "metrics", "sales", "takings", "surveys", "ratings", "scores", "signups",
    "sign-ups", "subscriptions", "members", "staff", "hits", "impressions", "searches", "downloads",
    "events", "records", "rows", "entries", "touchpoints", "orders", "data",
    "this", "his", "its", "has", "was", "does", "goes", "less", "plus", "thus", "yes", "always", "across", "series",
}
# what an analysis shows rather than what is sold, said alone before a period ("complaint themes this month")
# a question's or a sentence's own words: "who won the six nations this year" counts nothing of ours
_ASKING = (r"(?:who|what|which|how|when|where|why|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|won|"
           r"win|wins|get|got|give|show|tell|list|find|"
           # a follow-up's lead: "n for the courts last month?" asks the last analysis again
           r"n|and|an|for|about|now|then|same|but|just|only|also|or|what about|how about)")
_NOT_COUNTS = (r"(?:forms|feedback|themes|topics|journeys|paths|routes|funnels|maps|insights|highlights|moods|feelings|gripes|moans|grumbles|"
               r"drop-?offs|forecasts|predictions|patterns|breakdowns|summaries|digests|briefings|roundups|risks|actions)")
_PEOPLE = {w for noun in PEOPLE for w in rx.sub(r"[^a-z ]+", " ", noun.replace("?", "")).split()}
# a plural noun of three letters or more (not "-ss": "class", "glass"), not a person ("-ers": "jumpers"
# may be sold, but "skaters" and "anglers" are people, and people are not orders)
_NOUN = r"(?P<u{}>(?!\w+(?:ss|ers|ists|ians)\b)[a-z][a-z-]{{2,}}s)"
_TIME = r"(?:day|night|week|month|quarter|year)"
# (lane probe29a) "cups per age group, most first": the age groups too
_GROUP = r"(?:region|town|city|suburb|area|segment|channel|postcode|county|state|age (?:group|band|bracket))"
_COUNTED = lazy(
    # "jumps per day", "tows a week", "flights by month": the units counted over time
    rf"\b{_NOUN.format(1)} (?:per|a|each|every|by(?: the)?) {_TIME}\b|"
    # "daily jumps", "weekly tows"
    rf"\b(?:daily|weekly|monthly|nightly) (?:[a-z-]+ )?{_NOUN.format(2)}\b|"
    # "the dip in jumps", "what's behind the drop in flights": a count whose change is explained
    rf"\b(?:dip|drop|fall|rise|jump|change|increase|decrease|spike|surge|slump|slide)s? in (?:the )?(?:number of )?"
    rf"(?:[a-z-]+ )?{_NOUN.format(3)}\b|"
    # (lane tune28) "how many rings did we resize", "how many boilers have we serviced": the units
    # the business worked on, counted
    # (lane ps10) "how many dogs did the cart sell", "how many new cases did the agency take on": any
    # business as the subject, the units new to it
    rf"\bhow many (?:new )?{_NOUN.format(4)} (?:did|have|has|do) (?:we|i|the (?!customers?\b|clients?\b|people\b|users?\b|"
    rf"visitors?\b)[a-z]+) (?!have\b|hold\b|keep\b|store\b|see\b|know\b|record\b|log\b|get\b|got\b|lose\b|lost\b|close\b|closed\b|resolve\b|resolved\b|fix\b|fixed\b|answer\b|"
    rf"answered\b|receive\b|received\b|refund\b|refunded\b|cancel\b|cancelled\b)[a-z]+\b|"
    # (lane probe21c) "how many packets did customers from the Bristol region buy", "how many hampers did
    # the vip folk order": the units the customers took, counted
    rf"\bhow many (?:new )?(?:[a-z-]+ )?{_NOUN.format(13)} (?:did|have|has|do) (?:the |our |all )?(?:[\w'-]+ ){{1,6}}?"
    rf"(?:buy|bought|order|ordered|book|booked|purchase|purchased|take home|pick up|picked up|snap up|snapped up)\b|"
    # (lane ps10) "how many of those wedding gigs were there", "which day did we shift the most momos"
    rf"\bhow many of (?:those|these|the|our) (?:[a-z-]+ )?{_NOUN.format(5)} (?:were there|did we (?:do|have|get)|came in)\b|"
    rf"\b(?:sell|sold|shift|shifted|move|moved|flog|flogged|shift) the (?:most|fewest|least) {_NOUN.format(6)}\b|"
    # (lane probe17c) "number of contracts", "cleaning contracts region by region", "worktops
    # fitted last month", "and trays ordered?": the units counted, per group, or as the job done
    rf"\b(?:number|count|total|tally) of (?:[a-z-]+ )?{_NOUN.format(7)}\b|"
    # (lane ps11) "drives recovered by town": the units, with what was done to them, per group
    # (lane probe29a) and the verbs that do not end in -ed: "mounts cut per segment", "crates sold by town"
    rf"\b{_NOUN.format(8)} (?:[a-z]+ed |(?:cut|sold|sent|made|run|built|shot|done|taken|spun|sewn|fit|brewed|baked) )?(?:(?:per|by|in each|for each) |(?={_GROUP} by {_GROUP}\b)){_GROUP}\b|"
    # (lane ps11) "which segment is behind fewer ceremonies", "which town's clients buy the most
    # lots": a count said by how many (never "more", which qualifies anything: "more details")
    rf"\bfewer (?:[a-z-]+ )?{_NOUN.format(10)}\b|"
    rf"\b(?:buy|buys|bought|book|books|booked|order|orders|ordered|sell|sells|sold|take|takes|took) (?:the )?"
    rf"(?:most|fewest|more|fewer|least) (?:[a-z-]+ )?{_NOUN.format(11)}\b|"
    # (lane ps11) "keynsham vs portishead installs": two groups set against each other, on a count
    rf"\b(?:vs\.?|versus|against) [a-z-]+ {_NOUN.format(12)}(?= (?:this|last|in|over|for|so far|since)\b|\s*[?.!,]|\s*$)|"
    # (lane probe28a) "bags of kale chips today vs yesterday", "mandazi batches this week v last", "hay
    # bales october versus september": the units said first, their two periods set against each other
    # (the periods are blanked in `rest`; never weekdays: "mondays vs tuesdays")
    rf"^\s*(?:[a-z']+(?: [a-z']+)?,\s+)?(?:(?!{_ASKING}\b)[a-z-]+ ){{0,4}}?(?!{WEEKDAY}s\b|{_NOT_COUNTS}\b)"
    # (lane probe29a) a comma or a colon between: "basil pesto jars, this week compared with the week before",
    # "copper re-tins: this quarter against last"
    rf"{_NOUN.format(14)}(?:[,:]?\s+(?:vs\.?|v|versus|against|compared (?:to|with))(?:\s|$)|"
    # (or the period alone, its "v last" inside it: "... this week v last, sasa")
    r"(?=[,:]?\s{2,}(?:,?\s*[a-z']+)?\s*[?.!]*\s*$))|"
    # (lane probe29b) "nib grinds: did we do more in september than october", "soba bowls: did we sell more
    # last month than the month before": the units as the heading, then more or fewer of them asked of
    # two periods (blanked in `rest`)
    rf"^\s*(?:[a-z']+,\s+)?(?:(?!{_ASKING}\b)[a-z-]+ ){{0,3}}?(?!{_NOT_COUNTS}\b){_NOUN.format(15)}\s*(?::|,|-+)\s*"
    r"(?:did|do|does|have|has) (?:we|i|you|they|the [a-z]+) (?:do|sell|shift|move|book|take|make|get|see) "
    r"(?:any |a lot |a bit |way )?(?:more|fewer|less)\b|"
    # (lane probe29b) "pesto jars, this week compared with the week before", "re-tins: this quarter against
    # last": the units as a heading, then the periods (blanked) set against each other
    rf"^\s*(?:[a-z']+,\s+)?(?:(?!{_ASKING}\b)[a-z-]+ ){{0,4}}?(?!{WEEKDAY}s\b|{_NOT_COUNTS}\b){_NOUN.format(17)}\s*[,:]\s{{2,}}"
    r"(?:(?:compared (?:to|with)|against|vs\.?|v|versus)\b|[\s,.?!]*$)|"
    # (lane probe29b) "did more bottles go out in october or in september": more of the units, gone out
    rf"\b(?:did|do|have|were) (?:any )?(?:more|fewer|less) (?:[a-z-]+ )?{_NOUN.format(16)} "
    r"(?:go out|went out|get sold|got sold|sell|sold|come in|get booked|got booked|leave|ship|get made)\b|"
    # (lane probe29a) "idli plate count for this week", "the tray tally last month": one unit's count
    rf"\b(?P<u18>(?!(?:\w+nt|do|does|did|doesn|don|didn|should|would|will|wont|can|cant|must|not|also|still|it|that|this|who|which|"
    rf"what|they|them|those|these|head|body|word|page|ticket|visit|session|customer|visitor|member|people|person|user|calorie|step|"
    rf"stitch|thread|cell|blood|sperm|pollen|bacteria|vote|click|view|follower|like|star|point|score|row|record|event|"
    rf"order|sale|item|unit|product)\b)[a-z][a-z-]{{2,}}) (?:count|tally)\b(?! (?:of|on|for each|per)\b)(?= (?:for|this|last|in|over|"
    rf"so far|since|today|yesterday|to ?date)\b|\s{{2,}}|\s*[?.!,]|\s*$)|"
    rf"\b{_NOUN.format(9)} (?:fitted|installed|sold|ordered|booked|delivered|done|completed|cleaned|washed|serviced|shipped|"
    r"served|printed|bound|hired|laid|built|made|landed|taken on)\b")


def counted_as_orders(rest: str) -> tuple[str, list[tuple[str, str]]]:
    """`rest` with each counted trade unit said as "orders", and the nouns read that way (for
    the answer's first line); `rest` unchanged when no such unit is counted."""
    spans: list[tuple[int, int, str]] = []
    for m in _COUNTED.finditer(rest):
        group = next(g for g, v in m.groupdict().items() if v)
        noun = m.group(group)
        plural = noun if noun.endswith("s") else noun + "s"  # "plate count": the plates
        if noun not in _NOT_UNITS and plural not in _NOT_UNITS and noun not in _PEOPLE and plural not in _PEOPLE:
            spans.append((*m.span(group), noun))
    for start, end, _ in sorted(spans, reverse=True):
        rest = rest[:start] + "orders" + rest[end:]
    return rest, [(noun, "orders") for noun in dict.fromkeys(n for _, _, n in spans)]
