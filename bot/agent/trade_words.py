"""The trade's own words for what it sells and for who buys, read as orders and customers.

Owners count in their own nouns: a gardener's "jobs", a restaurant's "covers", a swim school's
"new swimmers", a veg-box round's "boxes". The KPI words (bot/agent/vocab.py) know "orders" and
"customers"; this table says which nouns stand for them, and `as_shop_words` rewrites them, only
where the sentence counts them (how many, number of, a count, side by side with the money, the
most or busiest), in the text the KPIs are read from. Everything else (filters, segments, the
ranking's text) still sees the owner's words.

The ambiguous nouns, resolved by what the sentence does with them:
- "tickets": a box office's when sold, bought or booked ("tickets sold this week"); otherwise the
  support tickets they always were.
- "sessions": a class's when booked, run, taught or named for a trade ("pt sessions", "swim
  sessions"); "sessions" alone stay web sessions.
- "tables": a restaurant's when booked, reserved, served or turned; "which tables came through" is
  about the data and is left alone.
- "visits" are left alone: a web visit and a clinic visit read the same, and the KPI words already
  send "site visits" to web sessions.
"""

from __future__ import annotations

import re

from bot.agent.patterns import lazy, rx
from bot.agent.word_fragments import DAY_WEEK_MONTH

# What the business sells, counted as orders. "bookings", "appointments" and "reservations" are
# orders already; they are here so that "bed bookings and revenue" is a list of two KPIs.
UNITS = (
    "jobs", "bookings", "appointments", "reservations", "covers", "classes", "lessons", "treatments", "sittings",
    "repairs", "fittings", "call-?outs", "callouts", "rentals", "hires", "boxes", "hampers", "deliveries",
    "stays", "nights", "room nights", "bed nights", "consultations", "consults", "check-?ups", "cuts", "haircuts",
    "trims", "blow-?dries", "massages", "facials", "manicures", "pedicures", "tattoos", "piercings",
    "courses", "workshops", "tours", "trips", "rides", "washes", "valets", "grooms", "walks", "parties",
    "shoots", "installs", "installations", "services", "cleans", "tastings", "games", "rounds", "passes",
    "admissions", "memberships", "slots", "pitches", "eye tests", "mots", "scans", "sittings",
    # a cab's fares, a boat's charters, a maker's commissions, a school's enrolments, a band's gigs
    "fares", "charters", "commissions", "enrol+ments", "gigs",
    # an agency's or nursery's placements, a builder's driveways and patios
    "placements", "driveways", "patios",
    # (lane ps10) a celebrant's ceremonies ("weddings" is not here: "a camera for shooting weddings")
    "ceremonies",
    # (lane probe18b) a midwife's packages, an event's entries (only entries to something run: "entries
    # in the data" stay rows; a guide's "ascents" and "treks" are read, with a note, by the unit reading)
    "packages", "(?:race|event|competition|contest|show|tournament|league) entries",
    # (lane tune31) a tarot reader's or psychic's readings, a mover's removals
    "readings", "removals",
    # (lane probe20b) a takeaway's takeaways, a kitchen's tubs, a dealer's tins, a farm's bouquets, a track's races
    "takeaways", "tubs", "tins", "bouquets", "races",
    # (lane ps24) a canteen's dinners and lunches, a rescue's adoptions, a league's team entries
    "dinners", "lunches", "breakfasts", "adoptions", "(?:team|[a-z]+ball|match|cup) entries",
    # (lane ps29) a venue's entries, the admissions it sells ("lido entries spike", "museum entries by town")
    "(?:lido|pool|baths|gym|museum|zoo|park|castle|gallery|aquarium|rink|cinema|fair|festival|exhibition|garden|gardens|"
    "venue|door|gate) entries",
)
# Who buys, counted as customers.
PEOPLE = (
    "students", "pupils", "learners", "members", "patients", "clients", "guests", "riders",
    "swimmers", "diners", "players", "climbers", "golfers", "bowlers", "campers", "travell?ers",
    "attendees", "participants", "punters", "families", "kids", "owners", "drivers", "tenants",
    "passengers", "customers", "shoppers", "patrons", "subscribers", "regulars", "bookers",
    "walkers", "runners", "gymgoers", "gym-goers", "dancers", "yogis", "plant lovers", "fans",
    "drinkers", "divers", "shooters",
)
# The nouns as plain words: the speller never corrects them ("massages" is not "messages").
TRADE_NOUNS = {w for noun in (*UNITS, *PEOPLE) for w in rx.sub(r"[^a-z ]+", " ", noun.replace("?", "")).split() if len(w) > 3}
# (lane probe20b) one of the newer units, said in the singular ("takeaway orders"), is never "corrected" to its plural
TRADE_NOUNS |= {"takeaway", "bouquet", "race"}
# (lane probe25a) goods and places a letter away from a tool's word are never "corrected" to it:
# "fennel boxes" are no funnel, "kennel stays" and "polytunnels" none either
TRADE_NOUNS |= {"fennel", "kennel", "kennels", "fennels", "tunnel", "tunnels", "funnels"}
# (lane probe29a) and goods a letter from a grain's word: "doily orders past 7 days" are the lace shop's
# orders counted, not a daily series ("dahlia tubers", "the lath jobs" likewise stay the trade's)
TRADE_NOUNS |= {"doily", "doilies", "dahlia", "dahlias", "lath", "laths", "hanks", "karts"}
UNIT = _UNIT = "(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")"
# "lesson count", "install numbers": one unit's name, counted (lane ps10)
UNIT_ONE = _UNIT_ONE = "(?:" + "|".join(sorted({rx.sub(r"ies$", "y", rx.sub(r"(x|ss|sh|ch)es$", r"\1", u)) if rx.search(r"(?:ies|xes|sses|shes|ches)$", u)
                                     else u[:-1] for u in UNITS}, key=len, reverse=True)) + ")"
_PERSON = "(?:" + "|".join(sorted(PEOPLE, key=len, reverse=True)) + ")"
_MONEY = r"(?:revenue|takings|sales|turnover|income)"
# (lane ps27) what a list of KPIs sets beside the units: the money in any word, or what one order
# is worth ("covers and avg bill", "cases and money", "commissions and what they brought in")
_LISTED_MONEY = (r"(?:revenue|takings|sales|turnover|income|money|cash|(?:the )?(?:avg|average|mean) (?:bill|spend|order value|"
                 r"order|basket|sale|ticket)|aov|what (?:they|those|these|it|that) (?:all )?(?:brought in|made|took|earned|came to))")
# (lane ps27) goods counted by the load, case or crate: units only in a list of KPIs or named alone
# at the end ("quarry loads and turnover", "cases and money", "loads only"; never "loads of orders",
# "support cases")
# Cases at the desk (support, complaint, open ones) stay the tickets: one list of the desk's words,
# read by both the bulk units below and the goods' cases counted (_GOODS_CASES).
_DESK_CASES = ("support", "open", "ticket", "complaint", "complaints", "customer", "client", "opened", "closed", "legal",
               "help", "desk", "urgent", "unresolved", "resolved", "escalated", "refund", "warranty", "fault", "faults",
               "problem", "issue")
_BULK = "".join(f"(?<!{w} )" for w in _DESK_CASES) + r"(?:loads|cases|crates|pallets|kegs|sacks|bales|tonnes|barrows)"
# "garden jobs", "bed bookings", "pt sessions": the trade's qualifiers, never a sentence's little words
_ADJ = (r"(?:(?!(?:on|in|of|for|from|at|to|by|with|did|do|does|we|were|was|are|is|the|a|an|our|people|customers|"
        r"and|or|than|per|each|every)\b)[a-z][\w'-]* ){0,2}?")
# A count of the trade's units: the units (group "u") are the orders.
_UNIT_COUNTED = lazy(
    rf"\b(?:how many(?: of (?:those|these|the|our))?|number of|no\.? of|count of|total|tally of|volume of|more|fewer|most|least|the most) {_ADJ}"
    rf"(?P<u>{_UNIT})\b|"
    rf"\b(?P<u2>{_UNIT}|{_UNIT_ONE}) (?:count|counts|numbers|volumes?|totals?|tally)\b|"
    # (lane ps10) "are we up or down on installs": the units whose change is asked
    rf"\b(?:up|down|up or down|down or up) on (?:the |our )?{_ADJ}(?P<u15>{_UNIT})\b|"
    rf"\b(?:daily|weekly|monthly) {_ADJ}(?P<u3>{_UNIT})\b|"
    # "covers per day", "placements per month": the units counted over time
    rf"\b(?P<u13>{_UNIT}) (?:per|a|each|every|by(?: the)?) (?:day|night|week|month|quarter|year)\b|"
    # (lane ps24) "rentals week by week since march": the units followed over a grain, said twice
    # (never the units called off or refunded: "called-off lessons month by month" are cancellations)
    rf"(?<!called-off )(?<!called off )(?<!cancelled )(?<!canceled )(?<!refunded )\b(?P<u20>{_UNIT}) (?:day by day|week by week|month by month|quarter by quarter|week on week|month on month)\b|"
    # (lane ps24) "was june quieter than may for boat charters": the units two periods are weighed on
    rf"\b(?:busier|quieter|slower|bigger|better|worse)\b.{{0,30}}?\bfor {_ADJ}(?P<u21>{_UNIT})\b|"
    # "are aerial call-outs up or down this month", "repairs going up or down": the units counted, their way
    rf"\b(?P<u14>{_UNIT}) (?:(?:been |gone |going |go |goes |went |trending )?(?:up or down|down or up|up|down|rising|falling|dropping|climbing)|"
    # (lane ps8) "covers took a dip", "hires dipped, which channel's to blame": the units' own change
    rf"(?:took|take|takes|taking|taken|had|have|has) a (?:dip|hit|tumble|nosedive|dive|drop|knock|jump|leap|slump)|dipped|dropped|fell|slumped|jumped|rose|climbed|"
    # (lane probe23a) "did the massages slip", "haircuts slid most", "boat hires sagging": the units' own slide
    rf"slip|slips|slipped|slipping|slid|slide|slides|sliding|sag|sags|sagged|sagging|"
    # (lane ps25) "risotto covers moved a lot this month": the units' change, its way unsaid (never "moved to tuesday")
    rf"(?:moved|shifted|swung|changed) (?:a lot|so much|loads|a fair bit|massively|hugely|quite a bit|the most|most)|"
    # (lane probe21a) "sittings at my stand are down", "hires from the yard were up": the units, where, then their way
    rf"(?:at|in|for|from) (?:my |our |the )?(?:[\w-]+ ){{0,2}}?(?:are|were|is|was|have been|has been|'re) (?:way |well |a bit |right )?"
    rf"(?:up|down)\b|"
    # (lane ps17) "alert if covers drop 30% week on week": the units' change, watched (ps20: or "by a fifth")
    rf"(?:drop|drops|fall|falls|dip|dips|slump|slumps|jump|jumps|rise|rises|spike|spikes) (?:by )?(?:\d+(?:\.\d+)?(?= ?(?:%|per ?cent))|(?:a |one )?(?:half|third|quarter|fifth|tenth)(?= |$))|"
    # (lane probe20b) "ping me if the brunch covers suddenly get weirdly few", "if hires ever spike": the units watched
    rf"(?:suddenly |ever )?(?:(?:get|gets|go|goes|are|is|look|looks|turn|turns) (?:weirdly|strangely|oddly|unusually|suspiciously|"
    rf"abnormally) (?:few|low|high|many|quiet|busy|slow)|spike|spikes|surge|surges|dry up|dries up|plummet|plummets|tank|tanks))\b|"
    rf"\b(?P<u4>{_UNIT}) (?:(?:were |got |have been |we )?(?:booked|sold|done|completed|carried out|taken|served|"
    rf"fitted|run|taught|made|finished|delivered))\b|"
    # (lane probe19c) "loo hires, turnover and average hire value": a list of KPIs, comma after comma
    rf"\b(?P<u5>{_UNIT}|{_BULK})(?:,? (?:and|&|plus|vs\.?|versus|against|next to|alongside)|,) (?:the |our )?{_LISTED_MONEY}\b|"
    rf"\b{_LISTED_MONEY},? (?:and|&|plus|vs\.?|versus|against|next to|alongside) (?:the |our )?(?:number of )?{_ADJ}(?P<u6>{_UNIT}|{_BULK})\b|"
    # (lane probe20a) "fitting jobs and cancellations", "hires plus refunds": the units listed with what went wrong with them
    rf"\b(?P<u17>{_UNIT})(?:,? (?:and|&|plus)|,) (?:the |our |any )?(?:cancellations|cancelled ones|refunds|returns|no-?shows)\b|"
    rf"\b(?:busiest|quietest|slowest|best|worst) (?:[\w-]+ ){{0,3}}for {_ADJ}(?P<u7>{_UNIT})\b|"
    # "court hires yesterday set against the saturday before", "lessons this week vs last": the units
    # said first, then the period (already blanked out here), are what is counted
    # (lane tune33) ... or after the period's own words, blanked: "yesterday's schnitzel covers against ..."
    # (lane probe23a) ... or with a comma before the periods: "rabbit stays, 1st to 15th of nov against ..."
    rf"^\s*(?:'s )?(?:[\w'-]+ ){{0,2}}?(?P<u8>{_UNIT})(?: (?:in|for|during|over|across|from|on|since|through|vs\.?|versus|against|compared (?:to|with)))?[,:]?\s{{2,}}|"
    # (lane ps24) "lessons at the riverside pool over the last fortnight": the units said first, where,
    # then the period (blanked out)
    rf"^\s*(?:[\w'-]+ ){{0,2}}?(?P<u22>{_UNIT}) (?:for|at|in|from) (?:the |our |my )?(?:[\w'-]+ ){{1,3}}?"
    rf"(?:over|in|during|across|for|since)?\s{{2,}}|"
    # "lessons by age band", "jobs per suburb", "clifton vs redland for garden jobs": the units
    # set out group by group, or for two places side by side
    rf"\b(?P<u9>{_UNIT}) (?:(?:split |broken down )?by|per|across|for each) (?:the |each |our )?(?:customer |client )?(?:age|towns?|cit(?:y|ies)|"
    rf"regions?|segments?|channels?|areas?|suburbs?|neighbou?rhoods?|postcodes?|sources?|personas?|count(?:y|ies))\b|"
    # (lane probe18b) "race entries region by region", "installs town by town": the units, group by group
    rf"\b(?P<u16>{_UNIT}) (?:town by town|city by city|region by region|segment by segment|channel by channel|"
    rf"area by area|suburb by suburb|county by county)\b|"
    # (lane ps7) "how does Q3 stack up against Q2 for fits": the periods blanked out before "for"
    # (lane probe19c) "southville vs bedminster on alarm installs": two places set side by side on a count
    rf"\b(?:vs\.?|v|versus|against|compare[sd]? (?:to|with))(?: [\w'-]+ |\s{{2,}})(?:for|on|in terms of) {_ADJ}(?P<u10>{_UNIT})\b|"
    # (lane probe23a) "who moved most on boat hires", "which region moved the most on dog walks": the units
    # a group's move is measured on
    rf"\b(?:moved|shifted|swung|changed) (?:the )?most (?:on|in|for) (?:the |our )?{_ADJ}(?P<u23>{_UNIT})\b|"
    # "which age group explains the change in hires": the units whose change is taken apart
    # (lane ps28) "which town is behind the slump in hedge laying jobs", "the downturn in boat hires"
    rf"\b(?:change|shift|swing|rise|drop|fall|jump|dip|increase|decrease|slump|decline|downturn|drop-off|fall-off|slide|dive|nosedive)s? "
    rf"in (?:the )?(?:number of )?{_ADJ}(?P<u12>{_UNIT})\b|"
    # "the second half of october vs the first, jobs": the units named last, after the periods
    # (lane ps27) "september against october, loads only": the one count kept, said last
    rf"[,:-] ?(?:the |our )?{_ADJ}(?P<u11>{_UNIT}|{_BULK})(?: only| alone| on (?:their|its) own| just)?\s*[?.!]*$|"
    # (lane probe22b) "which month are we flat out with trike hires", "swamped with lessons on mondays": the
    # units a busy spell is full of
    rf"\b(?:flat out|(?:run|rushed) off (?:our|my) feet|swamped|slammed|snowed under|mobbed|busiest|busy) with {_ADJ}(?P<u19>{_UNIT})\b|"
    # (lane tune31) "how di readings dem a go week by week", "how the lessons are going each month": the
    # units followed over a grain
    rf"\bhow (?:the |di |our |me |my )?{_ADJ}(?P<u18>{_UNIT}) (?:dem )?(?:are |a |have |'re )?(?:been )?(?:going|gone|go|doing|"
    rf"looking|trending|moving)\b(?=.{{0,20}}\b(?:{DAY_WEEK_MONTH} (?:by|on|to|after) {DAY_WEEK_MONTH}|weekly|daily|monthly|"
    rf"(?:each|per|every) {DAY_WEEK_MONTH})\b)")
# Box-office tickets, class sessions and restaurant tables: only in the words that make them sold.
_SOLD_TICKETS = lazy(
    r"\b(?P<u>tickets?) (?:(?:were |got |have been |we )?(?:sold|bought|booked|purchased))\b|"
    r"\b(?:sell|sold|selling|book|booked|buy|bought) (?:the )?(?:most |more |fewer |any )?(?:[\w-]+ )?(?P<u2>tickets)\b|"
    r"\b(?:how many|number of) (?:[\w-]+ )?(?P<u3>tickets) (?:did|have|do) (?:we|you|i|they|people|the [\w-]+) (?:sell|sold|book|booked)\b|"
    # (lane ps24) "how many gig tickets went on friday", "how many festival tickets have gone": a box
    # office's tickets gone are sold (a support ticket never "went" on a day)
    r"\b(?:how many|number of) (?:[\w-]+ )?(?:match|gig|game|festival|show|concert|event|race|theatre|cinema|raffle|"
    r"entry|door|advance|season) (?P<u4>tickets) (?:went|have gone|had gone|got sold|shifted)\b|"
    # (lane probe23a) "our biggest month for pick your own tickets", "entry tickets per weekday": tickets named
    # by what they let people into are the box office's, whatever is said of them (not their money or buyers)
    r"\b(?:pick[- ]your[- ]own|pyo|entry|admission|match|gig|show|concert|festival|event|race|raffle|hunt|door) "
    r"(?P<u5>tickets)\b(?! (?:money|takings|revenue|sales|income|cash|buyers|holders)\b)|"
    # (lane ps27) "how many lido entries did Southville folk buy", "how many gym passes have the students
    # bought": entries or passes that people bought are the units sold
    r"\bhow many (?:[\w-]+ )?(?P<u6>entries|tickets|passes|admissions) (?:did|have|has|do) (?:[\w'-]+ ){1,4}?"
    r"(?:buy|bought|book|booked|purchase|purchased|pick up|picked up)\b")
_CLASS_SESSIONS = lazy(
    r"\b(?:pt|training|class|swim|swimming|yoga|pilates|coaching|therapy|massage|tutoring|climbing|studio|"
    r"lesson|gym|spa|riding|music|driving|counselling|physio|skate|skating|court|padel|tennis|squash|surf|sailing|dance|"
    r"pottery|craft|cookery|tasting|trek|trekking|public|group|private|kids|family) (?P<u>sessions)\b|"
    # "cancelled sessions": sessions called off are orders
    r"\b(?:cancel+ed|refunded|called-off) (?P<u4>sessions)\b|"
    # (lane ps28) "gold panning sessions per day", "axe throwing sessions": a sessions named by what is
    # done in them is a class's (browsing and shopping sessions stay the site's)
    # (lead, at merge) "what did axe throwing sessions take": their money (kpi_everyday_words), not a count
    r"\b(?!(?:browsing|shopping|checkout|logging|tracking|training|coaching)\b)[a-z]{3,}ing (?P<u6>sessions)\b"
    r"(?! (?:take|taken|took|make|made|earn|earned|bring in|brought in|pull in|pulled in)\b)|"
    # (lane probe16a) "refund rate on quad sessions", "cancellations for the taster sessions": what is
    # refunded or cancelled is what was sold
    r"\b(?:refund|cancel+ation|refunds|cancel+ations)s? (?:rate |%|percentage )?(?:on|for|of) (?:the |our )?(?:[a-z-]+ )?(?P<u5>sessions)\b|"
    r"\b(?P<u2>sessions) (?:(?:were |got |have been |we )?(?:booked|sold|run|taught|held|delivered|completed))\b|"
    r"\b(?:book|booked|run|ran|teach|taught|hold|held|deliver|delivered) (?:the )?(?:most |more |fewer )?(?P<u3>sessions)\b")
_SERVED_TABLES = lazy(
    r"\b(?P<u>tables) (?:(?:were |got |have been |we )?(?:booked|reserved|served|turned|seated|filled))\b|"
    r"\b(?:book|booked|reserve|reserved|serve|served|turn|turned|seat|seated|fill|filled) (?:the )?(?:most |more |fewer )?"
    r"(?P<u2>tables)\b|"
    r"\b(?:how many|number of) (?P<u3>tables) (?:did|have|do) (?:we|you|i|they) (?:serve|served|book|booked|turn|turned|"
    r"seat|seated|fill|filled|do|did)\b")
# (lane ps28) "daily kulfi sales count", "the tally of sales": the sales counted are the orders, not their money
_SALES_COUNTED = lazy(r"\b(?P<u>sales) (?:count|counts|tally|headcount)\b|\b(?:count|tally) of (?:the |our )?(?P<u2>sales)\b")
# (lane ps28) "fewer ginger beer cases", "how many wine cases": cases of the goods counted are the
# orders; cases at the desk (_DESK_CASES) stay the tickets, and so do new ones or cases with only a
# little word before them ("how many of those cases")
_NOT_GOODS = f"(?:{'|'.join(_DESK_CASES)}|new|the|our|of|those|these)"
# (lead, at merge) "how many fault cases have drivers reported": cases reported or raised are tickets
_GOODS_CASES = lazy(rf"\b(?:fewer|more|most|how many|number of) (?:(?!{_NOT_GOODS}\b)[a-z-]+ ){{1,2}}?(?P<u>cases)\b"
                          r"(?! (?:(?:have|has|were|was|got|been) )*(?:[a-z]+ )?(?:reported|raised|logged|filed|opened|submitted)\b)")
# The trade's people, counted: new ones, or people who joined, are newcomers; a head count of the
# people who paid is the buyers.
_NEW_PEOPLE = lazy(
    rf"\bnew {_ADJ}(?P<p>{_PERSON})\b|"
    rf"\b(?:how many|number of|count of) (?:new )?(?P<p2>{_PERSON}) (?:have |had |has )?(?:joined|signed up|registered|"
    rf"enrol+ed|started|came on board)\b")
# what a head count of buyers is never of (lane probe16a: "how many separate trade accounts bought" names them in two words)
_NOT_WHO = rf"(?!(?:{_UNIT}|tickets|tables|sessions|orders|items|products|units|times|days|weeks|hours|of)\b)"
_BUYERS = lazy(
    rf"\b(?:{_PERSON}|people|customer|client|member) (?:count|headcount|numbers) (?:of (?:those )?)?(?:who|that) "
    rf"(?:bought|paid|purchased|ordered|spent)\b|"
    rf"\b(?:number|count|headcount) of (?:{_PERSON}|people) (?:who|that) (?:actually )?(?:bought|paid|purchased|spent)\b|"
    # "how many skaters booked last week", "how many customers bought": a head count of people who
    # bought, in any trade's word for them (not the units sold, not those who came back again)
    # (ps27: or two words before holders, members, subscribers: "how many loyalty card holders bought")
    rf"\bhow many (?:different |separate |unique |distinct )?(?:people|folks?|(?:{_NOT_WHO}[a-z-]+ )?{_NOT_WHO}[a-z-]+s|"
    rf"(?:{_NOT_WHO}[a-z-]+ ){{2}}(?:[a-z]*holders|members|subscribers|owners)) "
    rf"(?:have |has |had )?(?:actually )?(?:booked|ordered|bought|paid|purchased)\b"
    rf"(?! (?:[\w-]+ ){{0,3}}(?:more than|again|twice|a second|two or more|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)(?: times)? or more|\d+ ?\+ times|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times|\d+ plus times|repeat|once|online|in store|tickets?|through|something|anything)\b)")
# "arrived when we promised", "turned up as promised": the promise kept, said the trade's way
_AS_PROMISED = lazy(r"\b(?:when|the day|on the day|as|like) (?:we|they were|it was|we'd|we had) promised\b|"
                          r"\bas promised\b|\bwhen (?:we said|we told them|promised)\b")

# Work logged as support tickets: what is counted is the tickets, whatever the trade calls the work
_AS_TICKETS = lazy(r"\b(?:logged|raised|opened|filed|recorded|booked in|entered|submitted|created) as "
                         r"(?:an? |new )?(?:support )?(?:tickets?|cases?)\b")


def _swapped(m: re.Match[str], group: str, word: str) -> str:
    """The match's text with one named group replaced by `word`."""
    a, b = m.start(group) - m.start(), m.end(group) - m.start()
    return m.group(0)[:a] + word + m.group(0)[b:]


def _swap(pattern: re.Pattern[str], text: str, word: str, words: dict[str, str] | None = None) -> str:
    """Replace each captured noun (any named group) of the pattern's matches with `word` (or the
    group's own word in `words`)."""
    spans: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        spans += [(*m.span(g), (words or {}).get(g, word)) for g, v in m.groupdict().items() if v]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def as_shop_words(text: str) -> str:
    """The question with the trade's counted nouns said as orders, customers and buyers, for
    the KPI reading (normalised, lower-case text in; text of another length out)."""
    if _AS_TICKETS.search(text):
        return text  # "how many call-outs got logged as tickets": the units are the tickets opened
    if _BUYERS.search(text):
        text = _BUYERS.sub("number of buyers", text)
    # "the most new dog owners": the qualifier goes too, so that the KPI words read new customers
    text = _NEW_PEOPLE.sub(lambda m: "new customers" if m.group("p") else _swapped(m, "p2", "new customers"), text)
    for pattern in (_SOLD_TICKETS, _CLASS_SESSIONS, _SERVED_TABLES, _UNIT_COUNTED, _SALES_COUNTED, _GOODS_CASES):
        text = _swap(pattern, text, "orders")
    return _AS_PROMISED.sub("by the promised date", text)


# (lane probe21a) the business named by its trade: "joke shop:", "the weather station shop", "umbrella
# stall takings". A word that alone would be off-topic ("a joke", "the weather") is then the shop's
# name, not the question; bot/agent/planner.py leaves it out before deciding the question is off-topic.
TRADE_NAME = lazy(r"\b(?:[a-z-]+ ){1,2}?(?:shop|shops|stall|store|hire|club|school|studio|bakery|bar|cafe|van|"
                        r"workshop|business|company)\b")
