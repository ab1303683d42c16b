"""The thread's cues: a follow-up, a reference to the last answer, an order, a reminder.

The planner reads these before it ranks tools: whether a short message continues the last
analysis ("and for Instagram only?", "break that down by channel"), names the last answer's own
rows ("how many of those orders were cancelled?"), or is an order journeybot does not take
("email them all", "write me a poem") or a diary entry ("remind me to call the wholesaler"). Kept
apart from bot/agent/planner.py so the planner stays a readable size.
"""

from __future__ import annotations

import re

from bot.agent.patterns import lazy
from bot.agent.refused_asks import ELSEWHERE, HARM, NAMING
from bot.agent.word_fragments import DAY_TO_QUARTER

# (lane probe27b) what a message may end on after its ask, in many Englishes: "..., mate?", "... lah"
PARTICLE = (r"(?:mate|please|pls|eh|lah|leh|bro|boet|ja|sasa|chale|abeg|o|lads|y'all|innit|hey|thanks|cheers|"
            r"my friend|fam|ta)")
# (lane probe27b) "swap in the pendant site's bounce rate, same cut lah", "the aov, same way": the last
# analysis cut the same way, for what the message names
SAME_CUT = (rf"(?:(?:in |on )?the )?same (?:cut|way|split|view|chart|grain|breakdown|setup|steps|again)(?:,? {PARTICLE})?\s*[?.!]*$")

FOLLOW_UP = lazy(
    # "ok now the same feelings per channel": an acknowledgement first, then the follow-up's own lead
    # (lane probe25b) "actually do this month so far against september": a change of mind said first
    # (lane probe28b) or a greeting or particle of another English: "eh, now only ...", "bro keep that but ...",
    # "sasa, now only the ones from Bristol", "lekker, now just the facebook lot"
    # (lane probe29b) "righto, now buyers instead"
    r"^\s*(?:(?:ok|okay|right|righto|alright|great|cool|thanks|lovely|grand|actually|nah|no|eh|bro|boet|mate|lads|sasa|chale|abeg|lekker|"
    r"kindly|pls|please|hey|oh|so|aye|yeah|yep|sweet|wah gwaan|howzit|tidy|lah|oya|eish|kia ora|g'?day),?\s+){0,2}(?:and|what about|how about|"
    r"(?:the )?same (?:(?:[\w-]+ )?(?:chart|graph|plot|thing|again|one|ask|question|q|query|deal|numbers|figures|breakdown|view|table|funnel|drop-?offs|paths|analysis|hours|days|"
    r"trend|comparison|split|list|kpis|report) )?(?:for|but|again)|only|now|just|but|ok,? and|then|also|go (?=(?:hour|day|week|month|quarter) by )|do (?:it|that|this|them) |"
    r"what if|(?:swap|switch|replace) (?=(?:the )?[\w-]+ (?:out )?(?:for|with) )|(?:(?:can|could|would) you |please )?(?:flip|switch|change|turn|make|break|put|swap) (?:it|that|this|them)(?: (?!to\b|into\b)[\w'-]+){0,2}? (?:(?:over|back) )?(?:to|into) (?=(?:[\w-]+ )?(?:days|weeks|months|quarters|daily|weekly|monthly|quarterly)\b)|(?:[\w-]+ ){0,2}instead\b|for|in|by|per|over|during|(?:list|name|show) (?:them|those|these)(?: all)? (?=one|a line|each|individually|by name|(?:customer|client|person|member|guest|patient|name|row) by )|as an? (?=(?:weekly |daily |monthly )?(?:trend|line|chart|graph|series)\b)|"
    # (lane probe21b) "the other way round, september first", "swap them over": the last comparison turned round
    r"(?:the )?other way (?:a?round|about)|(?:swap|switch|flip|turn) (?:them|the two|those|these|it|that) (?:over|round|around|about)|"
    # (lane tune33) "same samosa money but cut per region", "same lesson numbers again by town": the last
    # analysis in the owner's own words for it, then what changes
    r"(?:the )?same (?:[\w'-]+ ){1,3}(?:but|again)\b|"
    # (lane probe29b) "those same steps please, but cut by first channel", "same three steps eh, but drop anybody
    # who jumps a step", "same badger steps split by the first channel": the funnel just shown, its steps kept
    r"(?:those |these |the )?same (?:[\w'-]+ ){0,2}(?:steps|stages)\b|"
    # (lane probe29b) "keep it to folk who went on to book inside 14 days": the last analysis, narrowed
    r"keep (?:it|that|this|them) to\b|"
    # "that bakery mood again but only for last month", "show me that again for the vips": the last
    # analysis by reference, then what changes
    r"(?:(?:show|give|run|do) (?:me |us )?)?(?:that|this) (?:[\w'%-]+ ){0,3}again,? (?=(?:but|for|only|just|over|in|by|per)\b)|"
    # "keep that but just the loyalty card holders": the last analysis, narrowed (nothing saved)
    r"keep (?:that|this|it|the same)(?: one| view| breakdown)?,? (?:but |and )?(?:just|only|for)|"
    # (lane probe24b) "keep those steps but only last month", "keep the same stages, just for the vips":
    # the last analysis's own setting named and kept, then what changes
    r"keep (?:those|these|the same|that|the) (?:[\w-]+ ){0,2}[\w-]+s,? (?:but |and )?(?:just|only|for|over|in)\b|"
    # (tune32) "do the same for gamers who came from facebook", "run the same thing over the juniors"
    # (lane tune34) "do the same sum for the Redland climbers", "run the same numbers over the juniors"
    r"(?:(?:can|could|would) you |please )?(?:do|run|try|show) (?:(?:the )?same|likewise)(?: (?:thing|again|one|check|sum|sums|maths|math|"
    r"numbers|figures|count|tally|calc|calculation|query|exercise))?"
    r"(?= (?:for|but|with|over|in|on|by|per|among|across)\b)|"
    # (lane tune34) "basket abandonment again but only counting ...", "takings again, but for the juniors": the
    # last analysis named by its KPI, then what changes
    # (lane probe25a) "the pottery regulars again, this time town by town": or what changes this time
    r"(?:[\w'-]+ ){1,3}again,? (?=(?:but|only|just|this time)\b)|"
    # (lane probe27b) "kimchi steps again for facebook finds only", "blowtorch funnel same cut, only october":
    # the last analysis named, again or cut the same, for what the message narrows it to
    r"(?:[\w'-]+ ){1,3}again (?=for (?:[\w'-]+ ){1,3}(?:only|alone)\b)|"
    r"(?:[\w'-]+ ){0,3}same (?:cut|way|split|setup|steps|stages|breakdown),? (?=(?:only|just|but|for|over|in|by)\b)|"
    # (lane probe25a) "redo that bakery one with towns in place of segments", "keep it to what came in on the
    # surveys": the last analysis by reference, then what changes or what it is kept to
    r"redo (?:that|it|this)(?: (?!with\b|by\b|per\b|for\b|but\b)[\w'-]+){0,2}? (?=(?:with|by|per|for|but|over|in)\b)|"
    r"keep (?:it|that|this) to (?=(?:what|the|just|only|those|[\w'-]+ (?:from|in|on))\b)|"
    # "would it be more of a region thing?", "or is it the segments?": the last analysis, another way
    r"(?:or )?(?:could|would|might|can) (?:it|that|this) (?:be|have been)|or (?:is|was) it|"
    # (lane probe27b) "day by day for that, please eh", "week by week please": only the step, the last
    # series (or number) at that grain
    rf"{DAY_TO_QUARTER} (?:by|on|to) {DAY_TO_QUARTER}(?= (?:for (?:that|it|this|them)|please|instead|then|now|too)\b|"
    rf",? {PARTICLE}\s*[?.!]*$|\s*[?.!]*$))\b", re.I)
# "list the high and medium risk ones too": the last analysis again, widened; (tune31) "which hour then, for the tea money?"
# (lane ps28) "... region by region this time", "by age this go": the last analysis asked another way
# (lane probe28b) "include the ones that cleared too can?": a particle after it ("can?", "lah", "mate")
FOLLOW_UP_END = lazy(r"\b(?:too|as well|instead|also|(?:in )?the same way|likewise|then|this time(?: round| around)?|this go)"
                     rf"(?:,? (?:can|{PARTICLE}))?\s*[?.!]*$|"
                     r"^(?!if )(?:[\w']+ ){1,5}then,? (?=(?:for|in|on|by)\b)|"
                     r"(?:^|,? )" + SAME_CUT, re.I)
# (lane probe27b) "beignet drop-offs by stage, not touchpoint", "weekly, not daily": the last answer
# corrected, one setting for another (read on the message as typed: the reading drops what is turned down)
CORRECTED = lazy(r"\b(?:by |per )?[\w-]+, not (?:by |per |the )?[\w-]+\s*[?.!]*$", re.I)

# (lane probe25b) "antler crafts - that again for last month", "bodhran map - zoom right in on the
# checkout stage": the trade (or the thing shown) named first, then the follow-up's own lead
NAMED_THEN_LED = lazy(r"^\s*[\w'&]+(?: [\w'&]+){0,2}\s*[-\u2013:,]\s+(?=(?:(?:show|give|run|do) (?:me |us )?)?(?:that|this) "
                            r"(?:[\w'%-]+ ){0,3}again\b|(?:the )?same (?:but|again|for)\b|(?:now |just |and )?zoom\b)", re.I)


def worded_as_a_follow_up(text: str) -> bool:
    """Whether a message is put as a follow-up of the last answer, by its lead ("and for
    Instagram?", "same but ...") or by its end ("list the high risk ones too")."""
    return bool(FOLLOW_UP.search(text) or FOLLOW_UP_END.search(text) or NAMED_THEN_LED.search(text))


# (tune32) "what did the newsletter folk spend in that time", "over the same period": the last
# answer's span named by reference, so a whole new question still continues the thread
SAME_SPAN = lazy(r"\b(?:in|over|during|across|for|within) (?:that|this|those|these|the same|that same) "
                       r"(?:time|period|span|stretch|spell|window|timeframe|time ?frame|range|dates|days|weeks|months|stint)\b"
                       r"(?! (?:last|this|next) (?:year|month|week|quarter)\b)|"
                       # "what about the avg bill, same weeks?": the periods just compared, kept
                       r",? (?:the )?same (?:two |2 )?(?:weeks|months|days|dates|periods|quarters|years|spans?|halves|fortnights)\s*[?.!]*$|"
                       # (lane tune35) "avg job value for hedging, same month": the one period just asked about
                       r",? (?:for |over |in )?(?:the )?(?:same|that same) (?:week|month|day|quarter|year|period|time)(?: again)?\s*[?.!]*$", re.I)
# "how many of those orders were cancelled?", "which of them came back?": a question about the
# last answer's own rows, so it keeps that answer's period and filters however long it is
# (not "save all of them", an order about the last answer)
ANAPHORA = lazy(r"^(?:so |and |ok,? )?(?:(?:how (?:many|much)|which|who|what (?:share|percentage|proportion|fraction|"
                       r"part|number|per ?cent))\b.*?\b)?(?:of|among|amongst|out of) (?:those|them|these)\b|"
                       r"\bthose (?:customers|orders|people|buyers|shoppers|clients|sessions|visitors|tickets)\b", re.I)
# Orders to remove or undo something, and things journeybot does not do at all (write to
# customers, move money, book). Answered only by a tool that acts on what is named.
COMMAND = lazy(
    # (lane probe26b) a trade's heading may come first: "perfumery: reply to ...", "pickle shop - write ..."
    r"^(?:[\w'&]+(?: [\w'&]+){0,2}(?::| -| \u2013) (?=(?:please |kindly |pls |plz |can you |could you |now |just )?"
    r"(?:reply|respond|write|compose|draft|take|pull)\b))?"
    r"(?:please |kindly |pls |plz |can you |could you |now |just )?(?:"
    # (lead, phase AB) stock ordered from a supplier: "order 50 bags of flour", "order more cue chalk"
    r"order (?:us |me )?(?:\d[\d,.]*\s?(?:kg|kilos?|litres?)?|some|more|extra|another|a few|a couple of)|"
    r"delete|remove|get rid of|wipe|erase|forget|undo|scrap|"
    r"clear|cancel|kill|destroy|reset|nuke|trash|obliterate|drop (?=the |that |this |it\b|all |them\b)|bin|purge|"
    # "email open then website visit...": a channel's step or numbers, not an order to write
    r"(?!(?:email|e-mail|text|sms|phone|call|book) (?:opens?|clicks?|sends?|sign-?ups?|subscribers?|campaigns?|orders?|"
    r"revenue|sales|conversion|traffic|list|channel|then|->|vs|versus|repairs?|fixes|bookings?|enquir(?:y|ies)|leads|upgrades?|contracts?|cases)(?![\w-]))"
    r"(?:email|e-mail|send|text|sms|message|call|phone|ring|post|tweet|publish|refund|charge|book|pay|invite|"
    r"contact|discount)"
    # "refund rate by channel", "discount usage": the measure named after the verb's noun
    r"(?! (?:rates?|ratios?|counts?|numbers?|volumes?|usage|levels?|percentages?|shares?|trends?|figures?|"
    r"stats|totals?|amounts?|values?|by|per|spikes?|surges?|jumps?|rises?|dips?|slumps?|waves?)\b)(?! me\b| us\b|(?: [\w']+){1,3} (?:lost|gone|churned|lapsed)\b|(?: over| across| through)? (?:the |my |our )?(?:[\w'-]+ ){0,2}(?:digest|briefing|brief|"
    r"summary|round-?up|recap|wrap-?up|wrap up|wrap)\b)|"
    # (lane probe26b) "reply to the one-star review on google", "take the bad reviews off the website": a
    # reply written or a post taken down for the owner, which no tool does
    r"(?:reply|respond|write back) to (?:the |that |this |those |these |a |an |our |my |each |every |all )?(?:[\w'-]+ ){0,3}"
    r"(?:reviews?|comments?|complaints?|emails?|messages?|dms?|posts?|tweets?|enquir(?:y|ies))\b|"
    r"(?:take|pull) (?:down )?(?:the |that |this |those |these |all )?(?:[\w'-]+ ){0,4}(?:reviews?|comments?|posts?|photos?) "
    r"(?:[\w'-]+ ){0,3}?(?:off|down from) (?:the |our |my )?(?:website|site|page|web ?shop|google|facebook|instagram|internet)\b|"
    r"(?:write|compose|draft) (?:me |us )?(?:a|an|the|some) (?:(?:wee|little|short|quick|nice|funny|lovely|small|cheeky|new) )?"
    r"(?:poem|email|letter|post|tweet|story|song|reply|message|"
    r"newsletter|blog|caption|advert|ad|description|joke|speech|"
    # writing for a customer: "draft me a quote for a house move", "write up an invoice for ..."
    r"quote|quotation|invoice|estimate|proposal|contract|receipt|menu|price list|job ad|cover letter)|"
    r"(?:write|draft) (?:up )?(?:me |us )?(?:a|an|the) (?:quote|quotation|invoice|estimate|proposal|contract|receipt)\b|"
    # entertainment, not analysis: "tell us a joke", "sing me something"
    r"(?:tell|give) (?:me |us )?(?:a|an|another|one more|some) (?:joke|story|riddle|poem|fun fact|pun)|"
    # "tell us a dance pun", "a good knock-knock joke": a word or two before the joke itself
    r"(?:tell|give) (?:me |us )?(?:a|an|another|one more|some) (?:[\w-]+ ){1,2}(?:jokes?|riddles?|poems?|puns?)\b|sing|"
    # taste, not data: "suggest a film for our late-night slot", "recommend a podcast for the staff room"
    r"(?:suggest|recommend|pick|choose) (?:me |us )?(?:a|an|some|a good|a few|good) (?:[\w-]+ ){0,2}(?:films?|movies?|songs?|"
    r"playlists?|podcasts?|books?|novels?|tv shows?|box ?sets?|series|tunes?|albums?|music|recipes?|wines?|beers?|cocktails?|"
    r"gifts?|presents?|slogans?|colou?rs?|games?|holidays?)|"
    # harm, however it is put: "set fire to the database", "blow up the data" (never a tool's likeness)
    + r"(?:go (?:and )?)?" + HARM + "|"
    # a name for something new: "what should I call my new gin" (not a persona card's name)
    + NAMING + "|" + ELSEWHERE + r")(?![\w-])")
# A diary, not the data: "remind me to call the wholesaler at 3" is answered by no tool, whatever
# it names ("call the wholesaler" is not a persona rename); "remind me what churn was" is a question.
REMINDER = lazy(r"^(?:please |can you |could you |just )?(?:remind (?:me|us) to|set (?:me |us )?(?:up )?(?:a |an )?"
                       r"reminders?)\b|\b(?:add|put) (?:it|this|that|\w+) (?:in|on|to) (?:my|the) (?:diary|calendar|to-?do list)\b")

# "that", "it" standing for the last answer's subject: "how does that compare with last month?",
# "break it down by channel", "show that weekly".
THAT = lazy(r"\b(?:does|did|is|was|has|show|give|break|split|plot|chart|graph|compare|see|put|make|get|group|regroup|lump|bucket|roll|flip|switch|turn|redo) "
                   r"(?:me |us )?(?:that|it|this|those|these)\b(?! (?:customers?|persona|card|alert|rule|one|person|client|buyer|member|guest)\b)|"
                   r"\b(?:that|it|this) (?:by|per|for|over|across|split|broken|weekly|daily|compare[sd]?)\b|"
                   # "can u break that one down by first-touch channel"
                   r"\b(?:break|split) (?:that|this|it) one (?:down|up|out)\b")
# One customer named by reference: "that person", "this client", "the same customer"
THAT_CUSTOMER = lazy(r"\b(?:that|this|the same) (?:customer|person|client|buyer|member|guest)\b")
