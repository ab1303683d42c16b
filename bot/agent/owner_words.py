"""Owners' words for the things their KPI questions are about: the people who buy, a share of
them, their tickets and the closing of them, places, deliveries, baskets and buying. The KPI
readings (bot/agent/kpi_words.py, kpi_counts.py, kpi_plain_words.py, kpi_sayings.py) and the
level-by-group reading (bot/agent/group_levels.py) build their patterns from these, so a word
that reads one KPI in one saying reads it in every saying ("what share of riders were happy"
and "what percent of riders were happy" are the same question). Each list is a regex group.
"""

from __future__ import annotations

from bot.agent.trade_words import PEOPLE as TRADE_PEOPLE

# Who a business serves, in any trade (trade_words.py's list of who buys, the shop's plain
# words, and the pronouns that stand for them in "of those who ...", "how many of them ...").
# Never "browsers" or "lookers": people named by a journey step are the funnel's.
PEOPLE = ("(?:" + "|".join(sorted({
    *TRADE_PEOPLE, "customers", "clients", "people", "folks?", "folk", "guests", "members", "visitors", "shoppers",
    "buyers", "patients", "students", "players", "diners", "punters", "riders", "skaters", "trekkers", "drivers",
    "owners", "families", "parents", "campers", "learners", "subscribers", "users", "households", "enquirers",
    "callers", "walk-?ins", "everyone", "everybody", "those", "them", "ones",
    # (lane probe19a) people named as who they are, not what they buy: "how many ladies have
    # bought hair from us 4 times or more", "couples who booked with us"
    "ladies", "women", "men", "lads", "girls", "gents", "couples", "mums", "dads", "brides",
}, key=lambda w: (-len(w), w))) + ")")

# How owners ask for a rate (not a count: "how many of them" is SHARE_OR_COUNT's).
SHARE = r"(?:share|percentage|%|proportion|fraction|per ?cent)"
# A rate, or a head count of the same people ("how many of the diners were happy" asks the
# share as often as the number).
SHARE_OR_COUNT = r"(?:share|percentage|%|proportion|fraction|per ?cent|how many)"

# Happy with us: the satisfaction words the reviews' scores stand for.
HAPPY = r"(?:happy|satisfied|pleased|content|delighted|chuffed)"

# A support desk's own words for what it logs, counted as tickets (never "jobs" or "calls",
# which are a trade's orders as often as its problems).
TICKETS = r"(?:support |help ?desk |customer )?(?:tickets|cases|support requests|support cases|complaints)"

# What a ticket is about, whatever the trade calls it: anything the owner resolves or answers.
QUERIES = (r"(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|requests?|cases?|issues?|calls?|"
           r"emails?|jobs?|call-?outs?|problems?|faults?|repairs?)")
# Closing one, as a verb after "to" or "how long to" ...
CLOSE = (r"(?:close|resolve|fix|sort(?: out)?|solve|clear|deal with|wrap up|settle|finish|"
         r"get (?:closed|resolved|fixed|sorted|solved|cleared))")
# ... and as a participle, "got resolved", "were sorted out".
CLOSED = r"(?:resolved|closed|solved|fixed|sorted(?: out)?|cleared|dealt with|wrapped up|settled|finished)"

# The kinds of place a customer lives in (the data's city and region; the others are read as
# either, bot/agent/vocab.py's DIMENSION_WORDS says which).
PLACES = (r"(?:cit(?:y|ies)|towns?|suburbs?|neighbou?rhoods?|boroughs?|villages?|postcodes?|zip ?codes?|locations?|"
          r"areas?(?: of (?:town|the city|the country))?|parts? of (?:town|the city|the country)|regions?|"
          r"count(?:y|ies)|districts?|states?|provinces?)")

# What goes out to a customer's door, the delivery itself or the thing delivered (never
# "orders" alone: an order is counted as often as it is delivered; nor "couriers", who carry it:
# "the courier complaints land" is about complaints).
DELIVERY = (r"(?:deliver(?:y|ies)|shipping|dispatch|postage|posting|parcels?|packages?|shipments?|consignments?|"
            r"boxes|hampers?|kits?)")

# Where an online shop's goods wait to be paid for.
BASKETS = r"(?:baskets?|carts?|trolleys?|check ?-?outs?)"

# Buying, however the trade says it ("... actually buy again" is repeat buying, not this).
BUY = (r"(?:buy\w*|bought|purchas\w*|order\w*|book\w*|hir(?:e|es|ed|ing)|pay|pays|paying|paid|checked out|completed)\b"
       r"(?! (?:again|twice|more than once|a second time|back|more than (?:\d+|[a-z]+) times)\b)")
# The verbs whose count is the orders ("which suburb books us most"); "buys the most" is the money.
ORDER_VERB = r"(?:books?|booked|orders?|ordered|hires?|hired|rents?|rented)"
MORE_OR_LESS = r"(?:more|most|fewer|fewest|less|least)"

# What a trade sells as one order, counted or cancelled or refunded.
ORDERS = (r"(?:orders|bookings|sales|purchases|hires|rentals|jobs|appointments|reservations|sessions|classes|lessons|"
          r"tours|trips)")
