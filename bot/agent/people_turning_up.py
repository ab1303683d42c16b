"""(lane probe25a) The people active with us, said as the trade's own people coming: "how many
sailors showed up", "paddlers turning up month by month", "regulars who came in", "pupils coming
through the door", "which weekday do the most anglers turn up", "fewer divers showing up". The
people are the trades' known words (bot/agent/trade_words.py's PEOPLE) or any noun shaped like
one who does something ("sailors", "paddlers", "archers", "cyclists", "trainees"), never goods,
orders or complaints ("orders came in", "parcels turned up", "complaints came in" keep their own
readings); and the people who bought, counted when their number moves or is compared ("the jump in
date box buyers"). Read first of the KPI words (bot/agent/kpi_words.py) and of a time pattern's
(bot/agent/turnout_words.py): the coming names the KPI whatever the people are called.
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.trade_words import PEOPLE as TRADE_PEOPLE

# Nouns shaped like people that are things: what a shop sells, logs or sends (never the people).
_NOT_PEOPLE = (r"(?:orders|covers|hampers|numbers|others|letters|papers|flyers|stickers|posters|containers|trainers|"
               r"charters|transfers|offers|answers|tenders|chargers|speakers|markers|folders|planters|heaters|"
               r"burners|filters|printers|boosters|jumpers|sliders|rollers|coasters|saucers|blockers|timers|"
               r"counters|registers|vouchers|binders|members only|flowers|towers|powers|colours|colors|flavours|visitors|"
               r"flavors|doors|floors|motors|sensors|monitors|mirrors|errors|tractors|connectors|conductors)")
# one who does something: "sailors", "paddlers", "archers", "cyclists", "trainees", "pupils", "regulars"
_AGENT = rf"(?!{_NOT_PEOPLE}\b)[a-z][a-z'-]{{2,}}(?:ers|ors|ists|ians|ees|ils|ars)"
# the trades' people and the plain words, never a pronoun ("how many of them turned up late" may be parcels)
_KNOWN = "|".join(sorted({*TRADE_PEOPLE, "people", "folks?", "folk", "buyers", "locals", "kids", "adults",
                          "teens", "punters", "families", "couples"}, key=len, reverse=True))
# (never "new visitors": the site's first-timers keep their own KPI; site visitors are its sessions)
WHO = rf"(?<!new )(?<!first-time )(?<!first time )(?:{_KNOWN}|{_AGENT})"
# coming more than once is the repeat customers ("regulars who popped in more than 3 times")
# nor "coming in way less than they used to" (their rhythm slipping: the lapsing customers)
_NOT_AGAIN = (r"(?!,? (?:(?:more than|over|at least|upwards of) (?:twice|(?:\w+ )?times?)|twice|again|\d+ times|(?:\w+ )?times|"
              r"(?:(?:way|much|a lot|far|a bit) )?(?:less|more|fewer)(?: often)?|than (?:they|we) used to)\b)"
              r"(?![^?.!]{0,30}?\b(?:ended up|end up|ends up|went on to|go on to|then (?:bought|paid|ordered|booked))\b)")
# their coming to the place: turning up, showing up, coming in, through the door
# (lane probe27b) or a park's or a farm's gate: "visitors thru the lynx park gate"
_DOOR = r"(?:thru|through|in at|past) (?:the |our |my )?(?:[\w'-]+ ){0,3}?(?:front )?(?:doors?|gates?)"
CAME = (r"(?:turn(?:s|ed|ing)? up|show(?:s|ed|ing|n)? up|rock(?:s|ed|ing)? up|"
        rf"(?:came|come|comes|coming|walk(?:s|ed|ing)?|step(?:s|ped|ping)?|got|get|getting) (?:in )?{_DOOR}|"
        r"(?:came|come|comes|coming) (?:in|along)\b(?! (?:for|with|via|through|thru|from|off|on|by|under|as|at|to (?:buy|order|pick|collect)))|"
        # (lane probe27a) "how many people walk een a di shop", "folk walking into the mill shop"
        r"walk(?:s|ed|ing)? (?:in(?:to)?|een)\b(?! (?:for|to (?:buy|order|pick|collect)|(?:the |our |my )?(?:web ?site|web ?shop|site|page)\b))|"
        r"(?:drop(?:s|ped|ping)?|pop(?:s|ped|ping)?) in(?:to(?![^?.!]{0,40}\bbefore\b))?\b(?! for)|pop(?:s|ped|ping)? by\b(?! for)|made it in|arriv(?:e|es|ed|ing)\b(?! (?:on time|late|when|by)))")
# a word or two between: "who", "have", "actually", "that have been"
_BETWEEN = (r"(?:(?:who|that) )?(?:(?:have|has|had|were|are|was|is|been|have been|has been|had been|do|did|does|"
            r"will|tend to|tends to|usually|actually|really|even|ever|still) ){0,3}")

TERMS: list[tuple[str, str]] = [
    # "how many sailors showed up for a lesson", "regulars who came in over the fortnight", "me fiddle
    # pupils came through the door", "paddlers turning up month by month", "fewer divers showing up"
    (rf"\b{WHO} {_BETWEEN}{CAME}{_NOT_AGAIN}", "active_customers"),
    # (lane probe27b) "visitors thru the lynx park gate month on month", "visitors coming thru the gate": a
    # place's visitors through a door or gate, with or without their verb (the others' people need their
    # verb: "pulls the most skaters thru the door" is probe13's bookings)
    # (lane probe28a) and a place's punters, guests, customers and folk thru the door ("punters thru the door
    # at the larder this month vs last", "customers thru the door at the chop bar, day by day")
    (rf"(?<!new )(?<!first-time )(?<!first time )\b(?:visitors|punters|guests|customers|folks?|people|diners|shoppers) "
     rf"(?:(?:coming|who came|that came|came|walking|getting) )?{_DOOR}\b{_NOT_AGAIN}",
     "active_customers"),
    # and visitors who turn up or show up: a place's visitors ("rescue centre visitors turning up"; the
    # site's visitors never turn up)
    # (never "new visitors show up on the site": the site's first-timers, blind11)
    (rf"(?<!new )(?<!first-time )(?<!first time )\bvisitors {_BETWEEN}(?:turn(?:s|ed|ing)? up|show(?:s|ed|ing|n)? up)"
     rf"(?! (?:on|at|to|in) (?:the |our )?(?:[\w'-]+ )?(?:web ?site|site|web|online|page|app)\b){_NOT_AGAIN}", "active_customers"),
    # (lane probe27a) "how many visitors turned up at the sanctuary", "what o'clock do visitors turn up",
    # "visitors coming through the gate": visitors to the place, not the website's (its sessions)
    (rf"(?<!\bsite )(?<!\bweb )(?<!\bwebsite )(?<!\bonline )(?<!\bwebshop )(?<!\bweb shop )(?<!\bpage )(?<!\bnew )"
     rf"(?<!\bfirst-time )(?<!\bfirst time )\bvisitors {_BETWEEN}{CAME}{_NOT_AGAIN}(?! (?:on|to) (?:the |our )?(?:[\w'-]+ )?(?:web ?site|web ?shop|site)\b)",
     "active_customers"),
    # "which weekday do the most anglers turn up": the most or fewest said before the people
    (rf"\b(?:most|fewest|least|more|fewer) (?:[\w'-]+ )?{WHO} (?:[\w']+ ){{0,2}}?{CAME}{_NOT_AGAIN}", "active_customers"),
    # the people who bought, counted by how their number moved or set against another span: "the jump
    # in date box buyers this week", "cranberry buyers 1-15 nov vs 1-15 oct" (never "lapsed buyers"
    # or "the buyers' age brackets": those are a list of people and a split)
    (r"\b(?:jump|rise|drop|fall|dip|change|growth|increase|decrease|surge|slump|spike|shift)s? in (?:the )?(?:number of )?"
     r"(?:[\w'-]+ ){0,2}?buyers\b(?!')", "buyers"),
    # (only "buyers" is marked: "revenue and buyers, q3 against q2" keeps the revenue)
    (r"^(?:[\w'-]+ ){0,2}?(?P<kpi>buyers)\b(?!')(?=[,:]?\s*$|[,:]?\s+(?:(?:this|last|in|on|for|since|from|between|the) |q\d|\d|vs\b|v\b|versus\b|against\b|compared\b|"
     r"[a-z]+ (?:vs|v|versus|against)\b))",
     "buyers"),
]
PATTERNS = [(lazy(p), code) for p, code in TERMS]
