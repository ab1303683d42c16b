"""Requests that are no question about the data and that no tool is chosen for by likeness (the
planner's order patterns use these words): damage ("set fire to the database", "blow up the
orders table"), which journeybot says it does not do, and a name for something new ("what
should I call my new gin?"), which is outside what it answers."""

from __future__ import annotations

from bot.agent.day_forecast import DAY_FORECAST
from bot.agent.word_fragments import WEEKDAY

# The verb of harm at the start of the request, after a polite lead (bot/agent/planner.py
# anchors it); "burn rate" and "hack" as a noun are not requests.
HARM = (r"(?:set fire to|set (?:\w+ ){1,3}on fire|torch|burn down|burn (?:the|our|my|all|it|everything)\b|blow up|"
        r"smash(?: up)?|wreck|shred|corrupt|sabotage|hack(?: into)?|scramble|mess up)(?= )")
HARM_AT_START = r"^(?:please |can you |could you |just |now |go and |go )?" + HARM
HARM_REFUSAL = ("I won't do that: I only read your data to answer questions about it, and nothing I do damages "
                "or destroys it. Deleting something of mine (an alert rule, a saved persona) is done by naming it, "
                "and I ask before doing it.")
# A name for something new (not a persona card's, which is a rename: "what should we call the
# second persona?")
NAMING = (r"what (?:should|shall|could|can|would) (?:i|we) (?:call|name)(?= (?!(?:\w+ ){0,2}(?:persona|card|one|segment|"
          r"alert|rule|her|him|them)\b))")
# Asks about the world or for copywriting, not about the shop's data (answered by no tool, whatever
# words they share with one): a caption or slogan ("come up with an insta caption for the new
# truffles"), a translation ("how do you say 'welcome' in German"), what a thing of the world is
# worth now ("how much is a gold sovereign worth these days"; never "what's a vip worth to us").
_LANGUAGE = (r"(?:german|french|spanish|italian|portuguese|dutch|polish|irish|welsh|gaelic|japanese|chinese|mandarin|"
             r"cantonese|arabic|hindi|urdu|punjabi|greek|turkish|russian|swedish|norwegian|danish|finnish|korean|latin|"
             r"swahili|yoruba|hausa|igbo|zulu|afrikaans|tagalog|maori|te reo|vietnamese|thai)")
_DATA_NOUN = (r"(?:we|our|us|me|customers?|clients?|members?|subscribers?|buyers?|shoppers?|guests?|patients?|visitors?|"
              r"regulars?|vips?|segments?|cohorts?|personas?|leads?|enquir\w*|prospects?|accounts?|users?|households?|"
              r"orders?|bookings?|baskets?|transactions?|sales|visits?|sessions?|subscriptions?|tickets?|jobs?|"
              r"installs?|base|each|them|they|those|these|ones?)")
# ((lane probe20c) "write(?: me| us)?": its space was doubled before the article, so "write a tiktok
# caption" was never read as copywriting)
ELSEWHERE = (r"(?:come up with|think up|dream up|make up|brainstorm|give (?:me|us)|write(?: me| us)?)(?: a| an| some| a few| \d+)? "
             r"(?:[\w'-]+ ){0,3}(?:captions?|slogans?|taglines?|hashtags?|jingles?|bios?)\b|"
             rf"how (?:do|would|can|should) (?:you|i|we) say (?:.{{1,80}} )?in {_LANGUAGE}\b|"
             rf"translate (?:.{{1,80}} )?(?:into|to|in) {_LANGUAGE}\b|what(?:'s| is) the {_LANGUAGE} (?:word )?for\b|"
             rf"(?:how much (?:is|are|would|will|could|might)|what(?:'s| is| are| would)) (?!(?:(?!worth )[\w'-]+ ){{0,6}}?{_DATA_NOUN}\b)"
             r"(?:[\w'-]+ ){1,6}(?:be )?worth (?:these days|nowadays|today|now|at the moment|at auction|second[- ]?hand|"
             r"on ebay|for scrap|in scrap)\b|"
             # household repairs: "how do I fix a leaky tap", "how to unblock the shop's sink" (not "fix a leaky funnel")
             r"how (?:do|would|can|should|to|does one) (?:you |i |we |one )?(?:fix|repair|mend|unblock|unclog|stop|replace|bleed|"
             r"descale|patch|seal) (?:a |an |the |my |our |this |that )?(?:[\w']+'s? |[\w']+ [\w']+'s )?(?:leaky |leaking |dripping |drippy |broken |"
             r"blocked |clogged |squeaky |squeaking |stuck |cracked |burst |jammed |wobbly )?(?:[\w'-]+ )?(?:taps?|faucets?|sinks?|toilets?|loos?|"
             r"pipes?|boilers?|radiators?|showers?|drains?|gutters?|roofs?|doors?|hinges?|windows?|fences?|tyres?|tires?|"
             r"punctures?|zips?|kettles?|fridges?|dishwashers?|washing machines?)\b|"
             # what a thing costs out there: "how much does a skip cost to hire in Leeds", "how much would
             # a van cost to rent for a day" (never "how much does a new customer cost to win")
             rf"how much (?:does|do|would|will|might|could) (?:it |a |an |one |the )?(?!(?:[\w'-]+ ){{0,3}}{_DATA_NOUN}\b)"
             r"(?:[\w'-]+ ){0,3}(?:cost|set (?:me|us|you) back) (?:to (?:hire|rent|buy|lease|fix|repair|replace|install|service)"
             r"|in [a-z]+|these days|nowadays|second[- ]?hand)\b")
# A place named last ("... in sydney", "... per hour in bristol"), never a month, a channel of spend
# or the shop's own ("in ads", "in march", "in our leeds branch")
_PLACE_END = (r" in (?!(?:the|our|my|total|all|ads?|advertising|marketing|fees|postage|delivery|shipping|commission|wages|"
              r"tax|vat|cash|revenue|sales|refunds?|discounts?|stock|advance|person|store|shop|branch|january|february|"
              r"march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|"
              r"q[1-4]|\d+)\b)[a-z]+(?: [a-z]+)?(?: (?:for|per|these days|nowadays|right now|at the moment)\b[^?]*)?[?.!]*$")
_NOT_OURS = rf"(?!(?:[\w'-]+ ){{0,3}}(?:{_DATA_NOUN}|acquisition|shipping|delivery|marketing|ad|advertising|cart|discount|refund|return)\b)"
# What others charge out there, not what the shop takes: "what's the going rate for a plumber",
# "how much do florists charge in leeds", "average wedding cake price in dublin" (never "what did
# customers in leeds spend", "average order value in dublin", "how much do we charge in leeds")
WORLD_PRICE = (rf"(?:what(?:'s| is| are)|whats|whit(?:'s| is)|whits) (?:the )?going (?:hourly |daily |weekly |day |annual )?rates? (?:for|of) (?:a |an |the )?{_NOT_OURS}[\w'-]+|"
               rf"(?:how much|what) (?:do|does|would|will|should|might|could) (?:a |an |the |most |local |other )?{_NOT_OURS}"
               rf"(?:[\w'-]+ ){{0,2}}[\w'-]+ (?:charge|cost|ask|earn|make|get paid)\b.*{_PLACE_END}|"
               rf"(?:(?:what(?:'s| is| are)|whats) (?:the |an? )?)?(?:average|typical|usual|normal|standard|going) {_NOT_OURS}"
               rf"(?:[\w'-]+ ){{1,3}}(?:prices?|costs?|fees?|charges?)(?: (?:of|for) (?:a |an |the )?{_NOT_OURS}"
               rf"(?:[\w'-]+ ){{0,3}}?[\w'-]+)?{_PLACE_END}")
# What a thing costs out there, asked "how much is": "how much is a pint of guinness in dublin
# these days", "how much is a bag of compost nowadays" (never "how much is an order worth to us",
# "how much is the average booking": the shop's own, with a data word or "worth")
WORLD_PRICE += (rf"|how much (?:is|'s) (?:a |an |one )(?![\w'-]+ (?:worth|in total)\b)"
                rf"(?:(?!{_DATA_NOUN}\b|worth\b|average\b)[\w'-]+ ){{1,5}}?(?:[\w'-]+)(?: in [a-z]+(?: [a-z]+)?)?"
                r"(?: (?:these days|nowadays|at the moment|right now|round here|over there))\s*[?.!]*$|"
                rf"how much (?:is|'s) (?:a |an |one )(?:(?!{_DATA_NOUN}\b|worth\b)[\w'-]+ ){{1,5}}?in [a-z]+(?: [a-z]+)?\s*[?.!]*$")
# Thanks or praise and nothing asked: "ta mate, ur a legend for the chip shop numbers", "nice one,
# those figures are spot on" (never "thanks, now show me revenue by channel", "cheers, and last month?",
# nor "great, conversion rate": a bare measure after the thanks is the next question)
_PRAISE = (r"(?:ta|thanks?|thank (?:you|u)|thankyou|thx|ty|cheers|much appreciated|appreciated?|nice one|brilliant|perfect|"
           r"lovely|great(?: stuff| work| job)?|super|superb|fab(?:ulous)?|fantastic|amazing|awesome|ace|legend|star|spot on|"
           r"top (?:job|work|stuff)|champion|smashing|magic|wicked|sweet|sorted|good (?:job|stuff|work)|well done|bang on|"
           r"nailed it|(?:you(?:'re| are)|ur|your) (?:a |an )?(?:legend|star|gem|life ?saver|diamond|hero|genius))")
COURTESY = (rf"(?:(?:ok|okay|oh|aw|ah|wow|right|mate)[,!.]* )?{_PRAISE}"
            # the praise word said on its own, not an adjective of a noun ("lovely things guests wrote")
            r"(?=\s*[,.!]|\s*$| (?:thanks?|thank|cheers|ta|mate|pal|for|that|those|these|legend|you|ur|much|so|very|again|x+)\b)"
            r"(?![^?]*\?)"
            r"(?!.*(?:^|[,.;:!]|\b(?:now|and|but|also|then|next|so))\s*(?:now|next|what|how|which|who|where|when|why|can|could|"
            r"would|will|show|give|tell|list|pull|run|compare|is|are|do|does|did|has|have|please|pls)\b)"
            r"(?!.*\b(?:last|past|previous|yesterday|week|weeks|month|months|quarter|year|per|vs|versus|compared?|trend|"
            r"by (?:channel|region|city|segment|source|stage|persona|month|week|day))\b)"
            r"(?!.*[,.;:!-]\s*(?:the |our )?(?:revenue|sales|conversion|churn|aov|average order|orders|refunds?|csat|nps|"
            r"retention|sign-?ups|bookings|feedback|reviews|kpis?|funnel|drop-?offs?)\b(?: [\w'-]+){0,2}\s*[.!]*$)[^?]*$")
# What is happening out in a place, not in the shop's data: "what's on in bedminster tonight",
# "anything happening around town this weekend", "what time does the leisure centre shut on
# sunday", "what's the weather like in leith tomorrow" (never "what's on the cards for revenue",
# "what time do customers open our emails", "does the weather hit our bookings")
_SOON = (r"(?:tonight|today|tomorrow(?: night| evening)?|this (?:weekend|evening|afternoon|morning|week)|"
         rf"(?:on |this |next )?{WEEKDAY}(?: night| evening)?|over the weekend|at the weekend)")
_OUT_THERE = (rf"(?:what(?:'s| is)|whats|(?:is )?(?:there )?anything|owt|any (?:gigs?|events?|shows?|gigs|festivals?)) "
              rf"(?:on|happening|going on|good on)(?: in| around| near| at| down| up| round) (?!(?:the |our |my )?(?:data|numbers|"
              rf"figures|funnel|dashboard|reviews?|feedback|inbox|cards|agenda)\b){_NOT_OURS}(?:[\w'-]+ ){{1,3}}?{_SOON}\b|"
              rf"(?:what time|when) (?:does|do|is|are|will) (?:the |that )?(?!(?:our|we|us|my)\b){_NOT_OURS}(?:[\w'&-]+ ){{1,4}}?"
              rf"(?:open|close|shut|opening|closing)(?: (?:up|on|at|until|till|today|tonight|tomorrow|this|[\w]+day)\b|\s*[?.!]*$)|"
              rf"(?:what(?:'s| is| will)|whats|how(?:'s| is)) the weather(?: (?:like|going to be|forecast|looking|doing|be))?"
              rf" (?:in|for|at|near|round|around|up|down|{_SOON}\b)")
# The sky's forecast, not the shop's: "what's the wind forecast for saturday", "any rain warnings
# this week", "how's the surf outlook" (a forecast of takings is revenue_forecast's)
_SKY_FORECAST = (r"(?:what(?:'s| is| will| does)|whats|hows|how(?:'s| is| does)|any|is there (?:a |an |any )?) (?:the )?(?:wind|winds|rain|"
                 r"rainfall|snow|surf|swell|storm|frost|fog|pollen|uv|marine|tide|thunder|hail|heat) ?(?:and [a-z]+ )?"
                 r"(?:forecast|outlook|warning|alert|prediction)s?")
# Errands and replies for a third party, which journeybot cannot run: "order 200 more boxes from the
# supplier", "reply to that 1-star review for me", "answer the complaint on google" (never "which
# reviews did we reply to", a question about the data)
_ERRAND = (r"(?:re-?order|order|buy|purchase|get in|source) (?:\d+ |some |more |another |a few |a batch of |a load of |extra )+"
           r"(?:[\w'-]+ ){0,4}?(?:from|off|with) (?:the |our |my |a )?(?:[\w'-]+ ){0,2}(?:suppliers?|wholesalers?|distributors?|"
           r"manufacturers?|vendors?|printers?|cash and carry|factory)\b|"
           r"(?:reply|respond|answer|write back|get back) to (?:that |this |the |those |these |a |an |our |my |each |every |all )?"
           r"(?:[\w'-]+ ){0,3}(?:reviews?|comments?|complaints?|emails?|messages?|dms?|posts?|tweets?|enquir(?:y|ies))\b|"
           # a match's result: "did leeds united win on saturday", "did the rovers lose last night" (never "did we win back")
           r"did (?!(?:we|us|our|i|my|they|you|it|customers?|clients?|members?|the (?:campaign|promo|offer|ad|email|sale)s?)\b)"
           r"(?:[\w'-]+ ){1,3}(?:win|lose|draw|beat [\w'-]+)(?= (?:on|at|last|this|yesterday|today|tonight|against|away|at home|"
           r"the (?:match|game|derby|final|cup|league))\b|\s*[?.!]*$)|"
           # (lane ps13) "get 200 more boxes ordered from the packaging lot", "have some extra flour sent over
           # by the mill": the order placed, whoever the supplier is
           r"(?:get|have) (?:\d+ |some |more |another |a few |a batch of |a load of |extra )+(?:[\w'-]+ ){0,4}?(?:ordered|"
           r"delivered|sent(?: over| out| up| down)?|shipped|printed|brought (?:in|over)) (?:in )?(?:from|off|by)\b|"
           # "can ye book us a caller for the barn dance", "could you hire me a van for friday": someone
           # or something booked for the owner (never a report, a chart or a persona)
           r"(?:(?:can|could|would|will) (?:you|ye|ya|u) (?:please )?)?(?:book|hire|arrange|organi[sz]e|reserve) (?:us|me) "
           r"(?:a|an|some|two|three|\d+) (?!(?:[\w'-]+ ){0,2}(?:reports?|breakdowns?|summar(?:y|ies)|charts?|graphs?|digests?|"
           r"alerts?|lists?|personas?|forecasts?|segments?)\b)(?:[\w'-]+ ){0,2}?[\w'-]+ (?:for|on|at|next|this|to)\b|"
           # entertainment: "say something funny", "make me laugh", "cheer us up"
           r"(?:say|tell (?:me|us)|give (?:me|us)) something (?:funny|silly|daft|witty|hilarious|cheerful)\b|"
           r"(?:make (?:me|us) (?:laugh|smile)|cheer (?:me|us) up)\b")
# (probe17b) A fare or a room out there: "how much is a flight from lagos to london next month", "what
# does a train ticket to leeds cost", "price of a hotel room in paris" (never "how much did the tours
# bring in", nor a trade's own tickets: "how much is a safari ticket worth to us" says "worth")
_TRAVEL = r"(?:flights?|plane (?:tickets?|fares?)|air ?fares?|train (?:tickets?|fares?)|bus (?:tickets?|fares?)|taxis?|cabs?|ubers?|hotel(?: rooms?)?|visas?)"
_FARE = (rf"(?:how much (?:is|are|'s|would|will|does|do|might|could)|what(?:'s| is| are| would| does| do)|(?:the )?(?:price|cost) of) "
         rf"(?:an? |the |one |two |\d+ )?(?:(?:return|single|one[- ]way|cheap|direct|first[- ]class|economy) )?{_TRAVEL}\b(?! (?:we|our|us)\b)"
         r"(?:(?! worth\b)[^?.!])*?\b(?:from|to|in|into|out of) [a-z]+")
# (lane ps10) A timetable out there: "is the bristol ferry running today", "are the trains on time
# this morning", "when's the next bus to leith" (never the shop's own "deliveries running late")
_VEHICLE = r"(?:ferry|ferries|trains?|bus|buses|tubes?|trams?|metro|flights?|coach(?:es)?|planes?)"
_TIMETABLE = (rf"(?:is|are|will|was|were) (?:the |there (?:a |any )?)?(?:[\w'-]+ ){{0,2}}?{_VEHICLE} (?:still )?(?:running|on time|"
              r"delayed|late|cancelled|canceled|leaving|sailing|departing|on strike|operating)\b|"
              rf"(?:when(?:'s| is| does)|what time(?:'s| is| does)) the (?:next |last |first )?(?:[\w'-]+ )?{_VEHICLE}\b")
ELSEWHERE = rf"{ELSEWHERE}|{WORLD_PRICE}|{COURTESY}|{_OUT_THERE}|{_SKY_FORECAST}|{_ERRAND}|{_FARE}|{_TIMETABLE}"
ELSEWHERE = rf"{ELSEWHERE}|{DAY_FORECAST}"  # (lane probe18b) the sky's forecast for one day soon
# (lane tune30) The trade's craft, not its data: "how hot should the fryer oil be for cod", "how long
# should the dough prove", "what rennet should i buy for halloumi", "which glue should we use for
# the frames" (never about customers, orders or anything else the data holds)
# what the data (or a decision about customers) is about, never the owner as "we"
_HELD = (r"(?:customers?|clients?|members?|buyers?|shoppers?|guests?|patients?|visitors?|regulars?|vips?|segments?|personas?|"
         r"leads?|prospects?|orders?|bookings?|sales|revenue|takings|visits?|sessions?|tickets?|jobs?|reviews?|feedback|"
         r"discounts?|offers?|vouchers?|promos?|ads?|adverts?|campaigns?|emails?|prices?|channels?|alerts?|kpis?)")
_CRAFT = (rf"(?:so |ok,? |quick one,? )?(?!(?:[\w'-]+ ){{0,8}}?{_HELD}\b)(?:how (?:hot|cold|warm|long|thick|thin|strong|fine|coarse|"
          r"wet|dry|tight|loose|deep) should (?:the |my |our |a |an |i |we )?(?:[\w'-]+ ){0,3}?(?:be|go|get|cook|bake|fry|rest|prove|"
          r"proof|steep|brew|set|cure|dry|sit|boil|simmer|roast|fire|heat|cool)\b|(?:what|which) (?:kind of |type of |sort of |"
          r"brand of |make of )?(?:[\w'-]+ ){1,2}?should (?:i|we) (?:buy|use|get|pick|choose|go for) (?:for|to make|to use|on|in)\b)")
ELSEWHERE = rf"{ELSEWHERE}|{_CRAFT}"
# (lane probe21c) A market's price out there: "gold spot price per gram this morning?", "what's the price of an
# ounce of silver" (never the shop's own: "gold ring sales", "the average price of a gold chain")
_METAL = r"(?:gold|silver|platinum|palladium|copper|bitcoin|btc|ethereum|brent crude|crude oil)"
ELSEWHERE += (r"|(?:(?:what(?:'s| is)|whats|how much is|tell me|check|give me) )?(?:(?:the|today'?s|current|latest|live) )*"
              rf"(?:{_METAL}(?: (?:spot|market|bullion))? (?:price|rate)s?\b|(?:(?:spot|market) )?(?:price|cost) of "
              rf"(?:an? (?:ounce|oz|gram|kilo|barrel|tonne) of )?{_METAL}\b)")
COURTESY_REPLY = "Glad that helped. Ask me anything else about your customers or your numbers whenever you like."
# (lane ps23) A game's or the world's rules, not an alert rule: "what are the rules on a dodgeball catch",
# "explain the rules of pétanque" (never "what are the rules on the refunds alert", "rules for churn")
ELSEWHERE += (r"|(?:what(?:'s| is| are)|whats|explain|tell (?:me|us)) (?:the |all the )?(?:official )?rules? (?:on|of|for|about|in) "
              # (lane ps29) the data's words looked for before "to" only: "the rules of petanque to a new member"
              rf"(?!(?:(?!to\b)[\w'-]+ ){{0,4}}?(?:{_HELD}|alarms?|warnings?|notifications?|rules?|churn|conversion|nps|csat|aov|"
              r"retention|refunds?|stock|data|metrics?|numbers|figures)\b)[\w'-]+")
# (lane ps23) A reply to someone who said something: "reply to the lady who said the jam was too runny",
# "write back to the bloke who moaned about parking": an errand for a person, which journeybot cannot run
ELSEWHERE += (r"|(?:(?:please|pls|can you|could you) )?(?:reply|respond|answer|write back|get back|message|email) to "
              r"(?:that |this |the |those |these |a |an |our |my )?(?:[\w'-]+ ){0,2}(?:lady|ladies|woman|women|man|men|guy|guys|"
              r"bloke|chap|fella|gent|person|people|customer|customers|client|clients|guest|guests|couple|family|lad|lass|girl|"
              r"boy|one|ones|member|members|patient|patients|diner|diners|mum|dad|reviewer|reviewers) (?:who|that|which)\b")
# (lane probe23c) Our own prices set, not read: "put the lan cafe's hourly price up by 10%", "cut the
# delivery fee to 3 quid" (an action no tool takes; "did the price rise hurt orders" is a question)
ELSEWHERE += (r"|(?:(?:please|pls|can you|could you|let'?s) )?(?:put|push|bump|raise|lift|increase|hike|drop|cut|lower|reduce|"
              r"slash|knock) (?:up |down )?(?:the |our |my )?(?:[\w'-]+ ){0,3}?(?:prices?|rates?|fees?|charges?)"
              r"(?: (?:of|for|on) (?:a |an |the )?(?:[\w'-]+ ){0,2}?[\w'-]+)?(?: up| down)? (?:by|to) (?:£|\$|€)?\d+(?:\.\d+)?")
