"""KPI phrasings read before bot/agent/vocab.py's (which is full): support tickets counted as
they are logged, how long tickets take to close, deliveries getting slower, which place books
the most, the share of people happy, people active with us, and the share of visits that turn
into an order asked around the visits; and KPI_PATTERNS, every KPI reading of the owners' words
in the one order bot/agent/slot_readers.py tries them. The words themselves are
bot/agent/owner_words.py's.
"""

from __future__ import annotations

from bot.agent.count_beside_money import PATTERNS as COUNT_BESIDE_MONEY_PATTERNS
from bot.agent.kpi_asked_in_passing import ASKED_IN_PASSING_PATTERNS
from bot.agent.kpi_billing_and_order_worth import BILLING_AND_WORTH_PATTERNS
from bot.agent.kpi_change_words import CHANGE_PATTERNS
from bot.agent.kpi_counted_heads import COUNTED_HEAD_PATTERNS
from bot.agent.kpi_counts import COUNT_PATTERNS
from bot.agent.kpi_deeds import DEED_PATTERNS
from bot.agent.kpi_everyday_words import EVERYDAY_PATTERNS
from bot.agent.kpi_goods_back import GOODS_BACK_PATTERNS
from bot.agent.kpi_goods_taken import GOODS_TAKEN_PATTERNS
from bot.agent.kpi_gripes_forms_and_doors import PATTERNS as GRIPES_FORMS_AND_DOORS_PATTERNS
from bot.agent.kpi_heads_paid import PATTERNS as HEADS_PAID_PATTERNS
from bot.agent.kpi_job_words import JOB_PATTERNS
from bot.agent.kpi_loose_asks import LOOSE_ASK_PATTERNS
from bot.agent.kpi_low_ratings import LOW_RATING_PATTERNS
from bot.agent.kpi_money_and_sales import MONEY_AND_SALES_PATTERNS
from bot.agent.kpi_money_verbs import MONEY_VERB_PATTERNS
from bot.agent.kpi_moved_counts import MOVED_PATTERNS
from bot.agent.kpi_moved_heads import MOVED_HEAD_PATTERNS
from bot.agent.kpi_owner_asks import OWNER_ASK_PATTERNS
from bot.agent.kpi_owner_phrases import OWNER_PHRASE_PATTERNS
from bot.agent.kpi_owner_verbs import OWNER_VERB_PATTERNS
from bot.agent.kpi_pair_heads import PAIR_HEAD_PATTERNS
from bot.agent.kpi_place_headcount import HEADCOUNT_PATTERNS
from bot.agent.kpi_plain_lives import PLAIN_LIFE_PATTERNS
from bot.agent.kpi_plain_words import PLAIN_PATTERNS
from bot.agent.kpi_qualified_words import QUALIFIED_PATTERNS
from bot.agent.kpi_repeat_contacts import REPEAT_CONTACT_PATTERNS
from bot.agent.kpi_said_plainly import PLAIN_ASK_PATTERNS
from bot.agent.kpi_sayings import SAYING_PATTERNS
from bot.agent.kpi_second_visits_and_waiting import SECOND_VISIT_AND_WAITING_PATTERNS
from bot.agent.kpi_slang import SLANG_PATTERNS
from bot.agent.kpi_sold_returned_lost import SOLD_RETURNED_LOST_PATTERNS
from bot.agent.kpi_story_sayings import STORY_PATTERNS
from bot.agent.kpi_tail_words import TAIL_PATTERNS
from bot.agent.kpi_things_counted import THINGS_COUNTED_PATTERNS
from bot.agent.kpi_tickets_bought_and_desk_idioms import TICKETS_BOUGHT_AND_DESK_PATTERNS
from bot.agent.kpi_trade_measures import TRADE_MEASURE_PATTERNS
from bot.agent.kpi_trade_money_and_visits import TRADE_MONEY_AND_VISIT_PATTERNS
from bot.agent.kpi_trade_nouns import TRADE_NOUN_PATTERNS
from bot.agent.kpi_waits_and_shares import WAIT_AND_SHARE_PATTERNS
from bot.agent.kpi_work_money_and_doorstep import WORK_COUNTED_PATTERNS
from bot.agent.kpi_worth_and_takings import PATTERNS as WORTH_AND_TAKINGS_PATTERNS
from bot.agent.kpis_named import MONEY_PATTERNS as COUNT_AND_MONEY_PATTERNS
from bot.agent.owner_words import (
    CLOSE,
    CLOSED,
    DELIVERY,
    HAPPY,
    MORE_OR_LESS,
    ORDER_VERB,
    PEOPLE,
    PLACES,
    QUERIES,
    SHARE_OR_COUNT,
)
from bot.agent.patterns import lazy
from bot.agent.people_turning_up import PATTERNS as PEOPLE_TURNING_UP_PATTERNS
from bot.agent.service_in_words import PATTERNS as SERVICE_IN_WORDS_PATTERNS
from bot.agent.session_words import SESSION_PATTERNS

# what a wait is for when it is not a delivery
_NOT_GOODS = r"(?:reply|replies|answers?|responses?|call(?:back)?s?|tickets?|refunds?|fix(?:es)?|appointments?|tables?|turns?|tills?)"
KPI_TERMS: list[tuple[str, str]] = [
    # "which towns saw deliveries slow down", "are parcels getting quicker", "couriers taking longer
    # to land", "who waits longer for their logs": the time to deliver, asked by which way it moves
    (rf"\b(?:{DELIVERY}|couriers?|drop[- ]?offs?)\b (?:[\w']+ ){{0,2}}?(?:slow(?:ed|ing|s)? down|(?:getting|got|gotten|become|became|becoming|grown|"
     r"growing|been) (?:any |a (?:bit|lot|little) |much |even )?(?:slower|faster|quicker|speedier|later|longer)|"
     r"(?:taking|take|takes|took|taken) (?:any |a (?:bit|lot|little) |much )?(?:longer|less time|more time))\b|"
     rf"\bwaits? (?:the )?long(?:er|est) for (?:their|the|its|our|his|her|my) (?:[\w-]+ )?(?!{_NOT_GOODS}\b)[\w-]+\b", "delivery_time"),
    # "which part of town books us the most", "Clifton v Redland, who books more courts", "what
    # area hires from us least": the orders of each ("buys the most" is the money, as older banks
    # read it, bot/agent/group_levels.py)
    (rf"\b(?:who |(?:which|what) (?:[\w-]+ ){{1,4}}){ORDER_VERB} (?:with us |from us |us |with me |from me |me |with |from )?(?:the )?{MORE_OR_LESS}\b(?! than (?:once|twice|one|\d))",
     "orders"),
    # "which neighbourhoods got less happy", "which towns have become unhappier", "which age
    # group's clients got unhappier": each place's or age band's review score and how it moved
    # (the feelings in the texts cannot be split by group), unless the measure is named
    # ("..., nps wise")
    # (lane speller29) "which segment got unhappier with the sock shop", "which CRM segment got unhappier
    # this quarter", "in which town did the soap customers get unhappier": a segment's too, and the
    # people named between
    (rf"^(?!.*\b(?:nps|net promoter|promoters?|review scores?|ratings?|stars?|sentiment|tone)\b).*?\b(?:which|what) "
     rf"(?:(?:[\w-]+ )?{PLACES}|age (?:bands?|groups?|brackets?|ranges?)|(?:(?:customer|client|crm|loyalty) )?segments?)"
     rf"(?:'s?|s')?\b.{{0,40}}?\b(?:got|get|gets|getting|"
     r"grew|grown|become|became|becoming|turned|gone|are|is|were|feel|feels) (?:a (?:bit|lot|little) |much |any )?"
     rf"(?:(?:less|more) {HAPPY}|happier|unhappier|grumpier)\b", "csat"),
    # "which regions have the fastest delivery", "which towns get the quickest replies": the
    # time itself, ranked (vocab.py reads "slowest deliveries")
    (rf"\b(?:fastest|quickest|speediest|slowest) {DELIVERY}\b", "delivery_time"),
    (r"\b(?:fastest|quickest|speediest|slowest) (?:replies|responses|answers|reply times?|response times?)\b",
     "first_response_time"),
    # "the biggest number of new plant lovers", "the most new dog owners": people new to us, in
    # the trade's word for its fans
    (r"\b(?:most|biggest|largest|highest|greatest|number of|count of) (?:number of |count of |amount of )?new "
     r"(?:[\w-]+ )?(?:lovers|fans|enthusiasts|buffs|owners|parents|joiners|recruits|punters|folk)\b", "new_visitors"),
    # "how many repair queries got logged as tickets", "warranty calls raised as support cases":
    # the tickets opened, whatever the trade calls them (not those closed, not what they say)
    (rf"^(?!.*\b(?:about|regarding|mention\w*|saying)\b).*?\b(?:how many|number of|count of) (?:[\w-]+ ){{0,3}}{QUERIES} "
     r"(?:got |were |was |have been |has been |are |get |being )?(?:logged|raised|opened|filed|recorded|booked in|entered|"
     r"submitted|created) as (?:an? |new )?(?:support )?(?:tickets?|cases?)\b", "tickets"),
    # "how long tickets take to close", "how long do complaints take us to sort out": the time
    # to resolve (the resolved-participle forms are vocab.py's)
    (rf"\bhow long (?:do |does |did |will )?(?:our |the |a |customer |support )?(?:[\w-]+ )?{QUERIES} "
     rf"(?:take|takes|took|taking|tend to take|usually take) (?:us |the team |staff |you )?to {CLOSE}\b", "resolution_time"),
    # "what share of boxes arrived when we promised", "deliveries that turned up when we said",
    # "orders that showed up by the date we promised": on time, against the day given to the customer
    (r"\b(?:arriv\w*|deliver\w*|turn(?:ed|s)? up|came|come|got there|get there|land\w*|show(?:ed|s)? up|reach\w*) "
     r"(?:\w+ )?(?:when|as|the day|(?:by|before|on) (?:the )?(?:date|day|time)) (?:we |they were |it was |you )?"
     r"(?:promised|said|quoted|told them|agreed|gave)\b|"
     # "parcels that reached people on the promised day", "boxes delivered on the agreed date"
     r"\b(?:arriv\w*|deliver\w*|turn(?:ed|s)? up|came|got there|got to|gets? to|land\w*|show(?:ed|s)? up|reach\w*) (?:[\w-]+ ){0,2}"
     r"on (?:the |their |its )?(?:promised|agreed|quoted|due|expected|estimated|scheduled|booked) (?:day|date)s?\b",
     "on_time_delivery"),
    # "customer count who bought anything this week": the head count of people who bought
    (r"\b(?:customer|client|people|shopper|guest|member|head) (?:count|numbers?|total|tally) (?:of (?:people |those )?)?(?:who|that) "
     r"(?:actually )?(?:bought|ordered|purchased|paid for|spent) (?:anything|something|at all)\b", "buyers"),
    # "first-time site visitors per week": people new to us, wherever they first came
    (r"\bfirst[- ]time (?:web ?site |site |online |web |shop |store )(?:visitors|customers|shoppers|buyers)\b", "new_visitors"),
    # Earlier banks' rules-only misses of the same kind (blind5, blind8), read by meaning until now:
    # "graph of tickets per day", "the jump in tickets this week": the count of tickets
    (r"\b(?:graph|chart|plot|line|trend) of (?:support |new )?tickets\b|"
     r"\b(?:jump|rise|spike|surge|increase|drop|fall|dip|change|shift|swing|movement)s? in (?:the )?(?:number of )?(?:support |new )?(?:tickets|complaints)\b", "tickets"),
    # "the slowest ticket resolutions": the time to resolve (the p90 from its own words)
    (r"\bticket resolutions?\b", "resolution_time"),
    # "how fast are we getting back to customer emails"
    (r"\bget(?:ting)? back to (?:our |the )?(?:customer |client )?(?:emails|messages|enquiries|queries|tickets)\b",
     "first_response_time"),
    # "90th percentile delivery days", "days to get a catering order delivered"
    (rf"\bdelivery days\b|\bdays? to get (?:a |an |the |their )?(?:[\w-]+ ){{0,2}}(?:orders?|{DELIVERY}) "
     r"(?:delivered|to (?:them|the customer))\b", "delivery_time"),
    (r"\bactive customer (?:count|numbers?|total)\b", "active_customers"),
    (r"\brepeat[- ]customer rate\b", "repeat_purchase_rate"),
    # "how many ppl were active with us", "how many members have been active this month"
    (rf"\bhow many {PEOPLE} "
     r"(?:were|have been|are|was|stayed|remained|kept) (?:still )?active\b", "active_customers"),
    # "of all the visits to the site, what fraction turn into an order": the visits named before
    # the share, which vocab.py's session-conversion words expect after it
    (r"\b(?:visits|sessions?|(?:every|each) visit)\b[^?.!]{0,50}?\b(?:what|which|how big a|how much of a) (?:fraction|share|percentage|"
     r"proportion|part|per ?cent|ratio)\b[^?.!]{0,30}?\b(?:convert\w*|(?:turn|end|result|lead)\w* (?:up )?(?:in|to|into|with) "
     r"(?:an? )?(?:purchase|sale|order|buy|booking)s?)\b", "session_conversion"),
    # "what percent of folks were happy with their appointment", "share of clients happy with the
    # cut", "how many of the riders came away satisfied": the share of happy customers, whoever
    # they are (never how many reviews were happy, nor which day they were happiest on)
    (rf"^(?!.*\b(?:how many (?:of )?(?:the )?(?:reviews|ratings|comments)|happ(?:y|ier) (?:on|at|in) (?:which|what))\b).*?"
     rf"(?<!\w){SHARE_OR_COUNT} (?:of )?(?:(?:our|the|my|all) )?(?:[\w'-]+ ){{0,2}}?"
     rf"{PEOPLE} (?:(?:who|that) )?(?:(?:were|are|was|is|felt|feel|left|went away|came away|seemed) )?"
     rf"(?:(?:really|very|fully|actually|genuinely) )?{HAPPY}\b", "csat"),
    # "the slowest tenth of repair tickets, how long till they got resolved", "complaints: how long
    # to sort out": the time to resolve, the tickets named before it (the slowest tenth is the p90)
    (rf"^(?=.*\b{QUERIES}\b).*?\bhow long (?:(?:till|until|before|for) (?:they|those|these|it|them|each one) (?:got |get |gets |"
     rf"were |are |was |is |to be |be )?{CLOSED}|(?:to|till we|until we) {CLOSE})\b",
     "resolution_time"),
]

# Every KPI reading of the owners' words, in the one order bot/agent/slot_readers.py tries them
# (after the orders' outcomes, bot/agent/order_outcome_words.py, and before bot/agent/vocab.py's
# nouns). Each pattern blanks the words it matched, so a saying that holds another's words must
# come first. Two pairs depend on it today (swapping either block changes a bank's reading):
# - kpi_plain_words before kpi_sayings: "how much will our repeat clients spend next month" is
#   the repeat customers (their words marked first), not the money spent;
# - kpi_sayings before kpi_counts: "of the shoppers who came as far as the trolley, what fraction
#   actually paid" is the step from the basket to paying, not the whole buying rate.
# The terms of this module may stand anywhere (moved first, after the plain words or last, no
# bank question reads differently); they come first as the narrowest sayings. The trades' slang
# (kpi_slang), everyday words (kpi_everyday_words) and trade nouns (kpi_trade_nouns) come last: they read what nothing before
# them took. What customers did a number of times (kpi_deeds) comes first, then the visits' length
# (session_words), so its "how long" is never read as a wait for something else, then the waits
# and shares said with their verb after them (kpi_waits_and_shares). Before all of these stand the
# tails said in words ("the slowest 1 in 10", kpi_tail_words) and goods that came back
# (kpi_goods_back), then jobs done on the day promised and how long one takes to sort (kpi_job_words);
# what the owner did, said with its verb ("did we end up refunding", kpi_owner_verbs) comes right
# after the tails; the plain asks (kpi_said_plainly: "left after one page", "the full set") come
# before the tails, and the trade's money and visits said in its own words (kpi_trade_money_and_visits:
# "average lot price", "fare money", "people hit the site") first, after only the plain questions
# about the work (kpi_plain_lives: "how long to fully fix a customer's problem", "what's that
# worth") and the second visits and waits for a reply (kpi_second_visits_and_waiting). The owners' own asks, phrases, stories told
# in steps and money words (donations, fees) come last, then the KPI a blamed change names
# (kpi_moved_counts), trade words inside a plain phrase (kpi_qualified_words) and work counted as
# sold (kpi_work_money_and_doorstep), which read only what nothing before them took. Money billed
# and one order's worth (kpi_billing_and_order_worth) stand before everything; goods returned,
# sold or lost said with their verb (kpi_sold_returned_lost) right after the goods that came back.
# Owners' worth and takings words (kpi_worth_and_takings) come right after the money billed. The
# loose asks (kpi_loose_asks: "grabbed one off us", "still sat unresolved", "spend per table") come
# first of all, after only the customers who had to contact us more than once (kpi_repeat_contacts:
# "came back to support" is not a repeat customer). The homely words of kpi_gripes_forms_and_doors
# ("grumbles", "came thru the doors") come right after those. Before everything stand the
# narrow sayings of kpi_asked_in_passing ("bouncing off after one page", "how many of them bought"),
# and before those the money said beside a count (kpis_named: "total receipts", "what they paid
# for them", "what guests spent per stay"). First of all (lane probe25a), the trade's people turning
# up, showing up or coming through the door (people_turning_up): any people, never goods or orders;
# then support and delivery said by what happens to the complaint or the parcel (service_in_words).
# Before even those (lane probe27b), the people or money a count drops once the other stands beside
# it (count_beside_money: "how many buyers and how much cash", "kits sold and for how much").
# Before all (lane real27a), the share of 1-2 star reviews (kpi_low_ratings): "bad reviews" counted.
# (lane probe27a) the goods the customers took off us (kpi_goods_taken) come right after the count beside money.
# (lane probe28a) before everything, the people who paid said as a head count (kpi_heads_paid).
KPI_PATTERNS = (TRADE_MEASURE_PATTERNS + HEADS_PAID_PATTERNS + LOW_RATING_PATTERNS + COUNT_BESIDE_MONEY_PATTERNS + GOODS_TAKEN_PATTERNS + THINGS_COUNTED_PATTERNS + MONEY_VERB_PATTERNS + PEOPLE_TURNING_UP_PATTERNS + SERVICE_IN_WORDS_PATTERNS + COUNT_AND_MONEY_PATTERNS + ASKED_IN_PASSING_PATTERNS + REPEAT_CONTACT_PATTERNS + GRIPES_FORMS_AND_DOORS_PATTERNS + LOOSE_ASK_PATTERNS + TICKETS_BOUGHT_AND_DESK_PATTERNS + BILLING_AND_WORTH_PATTERNS + WORTH_AND_TAKINGS_PATTERNS + PLAIN_LIFE_PATTERNS + SECOND_VISIT_AND_WAITING_PATTERNS + TRADE_MONEY_AND_VISIT_PATTERNS + PLAIN_ASK_PATTERNS + TAIL_PATTERNS + OWNER_VERB_PATTERNS + GOODS_BACK_PATTERNS + SOLD_RETURNED_LOST_PATTERNS + JOB_PATTERNS + DEED_PATTERNS + SESSION_PATTERNS + WAIT_AND_SHARE_PATTERNS + [(lazy(p), code) for p, code in KPI_TERMS]
                + PLAIN_PATTERNS + SAYING_PATTERNS + COUNT_PATTERNS
                + SLANG_PATTERNS + EVERYDAY_PATTERNS + HEADCOUNT_PATTERNS + TRADE_NOUN_PATTERNS + CHANGE_PATTERNS
                + OWNER_ASK_PATTERNS + OWNER_PHRASE_PATTERNS + STORY_PATTERNS + MONEY_AND_SALES_PATTERNS + PAIR_HEAD_PATTERNS
                + MOVED_PATTERNS + MOVED_HEAD_PATTERNS + QUALIFIED_PATTERNS + WORK_COUNTED_PATTERNS + COUNTED_HEAD_PATTERNS)
