"""Words of other Englishes that carry no topic, read as the plain English the patterns know.

Owners type in Nigerian Pidgin, Singlish, Scots or Canadian English: a sentence-final "lah" or
"eh" is tone, not a word to search feedback for, and Pidgin's clause-final "pass" is "the most"
("wetin customers dey complain about pass" asks what they complain about the most)."""

from __future__ import annotations

from bot.agent.chat_shorthand import spelled_out
from bot.agent.patterns import lazy, rx
from bot.agent.prior_as_before import prior_as_before

# Pidgin is being spoken: "pass" ("more than", "the most") is then its comparative, never an
# English noun ("a ten-visit pass") or verb ("how many days pass between orders")
_PIDGIN = lazy(r"\b(?:dey|wetin|abeg|una|wey|dem|don|abi|sha|jare|oga)\b")
# "dey complain about pass", "which town dey buy pass, this month": the superlative at a clause's end
_PASS_AT_END = lazy(r"\b(?<!a )(?<!the )(?<!bus )pass(?= *(?:[,.!?;]|$| (?:this|last|since|in|for|over|during|these|abeg)\b))")
# Tone particles at the end of a clause: Singlish "lah", "leh", "lor", "meh", "sia", "ah";
# Canadian "eh"; Scots "ken" ("you ken"); London "innit"; South African "hey", "bru", "boet"
_PARTICLE_AT_END = lazy(r"(?:,? (?:you )?(?:ken)|,? (?:lah|leh|lor|meh|sia|hor|ah|eh|innit|hey|bru|boet))(?= *(?:[,.!?;]|$))")
# (lane probe20b) sign-offs closing a message: New Zealand "chur" (thanks) and "sweet as", Welsh
# "boyo" and "isn't it", Ghanaian "chale"; after a comma also Welsh "tidy" and "lush", "boss", "love",
# "my friend", Irish "to be sure": tone, never a KPI ("chur" is not churn) or a word to search for
# (lane probe22b) and Kenyan "sawa" (ok), "sasa" at the end
_SIGN_OFF = lazy(r"(?:,? (?:chur|sweet as|boyo|isn'?t it|chale|sawa|sasa)|, (?:tidy|lush|boss|love|my friend|to be sure|bro|cuz|butt))"
                       r"(?= *(?:[,.!?;]|$))")
# Caribbean English "dis week", "di weekend before dat": the period words as they are spelled there
_PERIOD_WORD = r"(?=(?:week|weekend|month|year|quarter|morning|afternoon|evening|day|time)\b)"
_SPELLED = ((lazy(r"\bdis " + _PERIOD_WORD), "this "), (lazy(r"\bdat " + _PERIOD_WORD), "that "),
            (lazy(r"\bdi " + _PERIOD_WORD), "the "), (lazy(r"\b(before|after|since|than) dat\b"), r"\1 that"))

# Caribbean English spoken (two of its words, or one it alone has): its words as plain English
# (lane tune33) "wid delivery, median days fi a tub to reach di customer": "wid" and "fi" count too
# (lane probe26a) "an wha di caramel take": "wha di" together is its "what the" (Scots "wha" is "who")
# (lane probe29b) "now di money instead": a follow-up's one "di" before what it asks about
# (lane probe29c) "tell mi if ...": "mi" after a verb of telling is Caribbean "me"
_CARIBBEAN = lazy(r"\b(?:tek|mek|wah|inna|nuh)\b|\bwha di\b|\b(?:tell|show|let|give|send|ping|warn|alert|help) mi\b|"
                  r"\b(?:di|dis|dat|fi|wid)\b.*\b(?:di|dis|dat|fi|wid)\b|"
                  r"^(?:(?:and|an|now|so|ok),? )+di (?=money|cash|takings|sales|orders|customers|buyers|people)\b")
# Indian English "kindly advise what share of visits ...": a request to be told, not for advice
# (lane ps13) ... or "kindly advise on-time delivery % for slabs": a measure named within three words
_ADVISE = lazy(r"^(?:(?:please|kindly|pls|plz) )+advise(?: me| us)?,? (?=(?:what|how|which|whether|if|the|our|my|when|who)\b|"
                     r"(?:[\w-]+ ){0,2}(?:%|rate|percent|percentage|share|count|number|total|figures?|average|median)(?!\w))")
# (lane probe19b) greetings and interjections opening a message: Kenyan "sasa", Nigerian "oya", "haba",
# South African "eish", Jamaican "wagwan", "yo": tone, never a word to search for or a topic
_OPENER = lazy(r"^(?:(?:sasa|oya|haba|eish|wagwan|wah gwaan|yo|ayy+|ayo|heyy+|howzit|chale|kia ora|g'?day|hiya)\b,? )+")
# (lane probe24b) a follow-up's own lead after a courtesy or a greeting: Indian "kindly show same for
# ...", Singlish "can filter to just ...", Welsh "tidy, and the saturday before": the plain follow-up
_LEAD = lazy(r"^(?:kindly|pls|plz|please|can) (?=(?:show|do|give|run|repeat|redo|make|sort|filter|split|list|break|"
                   r"change|switch|put|same|rank|order|cut|narrow|keep)\b)|^(?:tidy|lush|right then|ok then),? (?=and\b)")
# (lane probe28b) spoken "jus" opening a follow-up, "bout" after a verb of talking or griping
_JUS = lazy(r"^jus (?=[a-z])")
_BOUT = lazy(r"\b([a-z]+ing|talk|talks|say|says|said|moan|moans|complain|complains|think|thinks|care|cares|ask|asks|asked|"
             r"happy|unhappy|feel|feels|write|wrote) bout\b")
# (lane probe29c) Indian English "do the needful and save all four cards": the order, politely
_NEEDFUL = lazy(r"^(?:kindly |please |pls |plz )?do the needful(?:,| and| &|:)? (?=(?:save|store|keep|draft|delete|remove|merge|"
                r"show|send|set|make|give|list|pull|bring|narrow|rename|switch|turn|change|pause)\b)")
# Pidgin's "wetin be" ("what is") and "nko" closing a follow-up ("and last month nko": "what about")
_PIDGIN_PLAIN = ((lazy(r"\bwetin be\b"), "what's"), (lazy(r",? nko(?= *[?.!]*$)"), ""))
# (lane probe24b) "do it week wise now", "month-wise": the grain said with "-wise"
_GRAIN_WISE = lazy(r"\b(day|week|month|quarter)[- ]?wise\b")
_DONE = {"get": "got", "sell": "sold", "make": "made", "book": "booked", "receive": "received", "take": "taken",
         "send": "sent", "ship": "shipped", "do": "done"}
_PLAIN_WORD = {"wah": "what", "wha": "what", "di": "the", "dis": "this", "dat": "that", "tek": "take", "mek": "make", "fi": "for", "mi": "me", "wid": "with"}
# (lane ps12) Scots spelled out: "whit are folk complaining aboot", "dinnae", "cannae" (not the
# holiday: "whit monday", "whitsun")
_SCOTS = ((lazy(r"\baboot\b"), "about"), (lazy(r"\boot\b"), "out"), (lazy(r"\bdinnae\b"), "don't"),
          # (lane probe21a) "a cafe that hasnae ordered", "didnae come back", "isnae": Scots "-n't" on any helping verb
          (lazy(r"\b(has|have|did|does|is|are|was|were|would|could|should|must|had)nae\b"), r"\1n't"),
          (lazy(r"\b(?:disnae|doesnae)\b"), "doesn't"), (lazy(r"\bwidnae\b"), "wouldn't"),
          (lazy(r"\bcannae\b"), "can't"), (lazy(r"\bwhit\b(?! (?:monday|sunday|week|weekend|bank|holiday)\b)"), "what"),
          # (lane probe18b) "how mony lessons hae we run": Scots "many" and "have" (neither an English word)
          (lazy(r"\bmony\b"), "many"), (lazy(r"\bhae\b"), "have"),
          # (lane ps17) "gie us a shout if", "fae a quote tae a booking": Scots "give", "from", "to"
          # (never taekwondo's "tae kwon do")
          # (lane probe27c) "cut card 1 doon tae the weekday folk", "four o them cards": Scots "down", "of them"
          (lazy(r"\bdoon\b"), "down"), (lazy(r"\b([a-z]+) o (?=(?:them|thae|those|these|yon)\b)"), r"\1 of "),
          (lazy(r"\bgie\b"), "give"), (lazy(r"\bfae\b"), "from"), (lazy(r"\btae\b(?! ?kwon)"), "to"),
          # "might no renew wi us": Scots "not" after a helping verb, "with" before who or what
          (lazy(r"\b(might|will|would|could|may|can|did|does|do|should) no (?!(?:longer|more|one|ones|way|doubt|idea|"
                      r"problem|need|sales|orders|bookings|data|\d)\b)(?=[a-z]{3,}\b)"), r"\1 not "),
          (lazy(r"\bwi (?=(?:us|me|them|him|her|the|our|my|it|you)\b)"), "with "),
          # (lane probe20c) "end up wi a haggis bought", "whit share o website visits", "which o oor
          # customers", "buying aff us": Scots "with", "of", "our", "off" (only where a word of
          # English could not stand)
          (lazy(r"\bwi (?=(?:a|an|any|some|nae|no|oor|yer|their|his|its)\b)"), "with "),
          (lazy(r"\b(share|lot|most|maist|some|any|none|number|half|loads|which|how many|each|all) o (?=[a-z])"), r"\1 of "),
          (lazy(r"\boor (?=[a-z]{3,})"), "our "), (lazy(r"\baff (?=(?:us|me|them|the|our|oor)\b)"), "off "),
          # (lane ps16) "whit day o the week", "what time o' day": Scots and spoken "of" after a span
          (lazy(r"\b(days?|times?|hours?|weeks?|months?|years?) o'?(?= (?:the|day|week|year)\b)"), r"\1 of"),
          # (lane probe27a) "jars o heather honey", "bottles o gin", "nets o' kindling": goods "of" what
          # they hold, spoken (a plural before it and a word after, never Pidgin's "o" at the end)
          (lazy(r"\b([a-z]{2,}s) o'? (?=[a-z]{3,})"), r"\1 of "),
          # "what pulled barra jobs doon", "spread ower the days": Scots "down", "over" (no English word)
          (lazy(r"\bdoon\b"), "down"), (lazy(r"\bower\b"), "over"),
          # (lane tune30) streetwear's "never copped anything": "cop" is to buy, when something is bought
          (lazy(r"\b(never|not|n't|haven't|hasn't|didn't|yet to) (cop|copped)\b(?= (?:anything|nothing|owt|a thing|one|any|"
                      r"from us|with us|off us)\b)"), r"\1 bought"),
          # (lane probe19a) "hoo many lessons", "hoo much did we take": Scots "how" before the
          # words of a question (never the owl's "hoo" or a name)
          (lazy(r"\bhoo(?= (?:many|mony|much|long|often|did|do|does|is|are|was|were|has|have|hae|quick|fast|busy)\b)"), "how"),
          # (lane probe20a) "on their third order or mair", "whaur dae folk bail oot afore the aftercare":
          # Scots "more", "where", "before" (none an English word) and "do" before who does it
          # (lane probe26a) "hoo much did the stall tak in": Scots "take" (not an English word)
          (lazy(r"\btak\b"), "take"),
          # (lane probe29b) "whit scarves bring in the maist cash": Scots "most" (not an English word)
          (lazy(r"\bmaist\b"), "most"),
          # (lane probe29b) "compared wi' september": Yorkshire and Scots "with", the apostrophe written
          (lazy(r"\bwi' (?=[a-z])"), "with "),
          (lazy(r"\bmair\b"), "more"), (lazy(r"\bwhaur\b"), "where"), (lazy(r"\bafore\b"), "before"),
          # (lane probe28b) "whaur dae browsers wander aff afore buying": Scots "off" after a verb of going
          (lazy(r"\b(wander(?:s|ed|ing)?|go|goes|went|gone|drift(?:s|ed|ing)?|fall(?:s|ing)?|fell|head(?:s|ed|ing)?|"
                r"peel(?:s|ed|ing)?|slope(?:s|d)?|sloping|tail(?:s|ed|ing)?|bugger(?:s|ed)?|nip(?:s|ped)?) aff\b"), r"\1 off"),
          # (lane probe23c) "whit are the clients girnin aboot": Scots "complaining"
          (lazy(r"\bgirn(?:in|ing|s)?\b"), "complaining"),
          (lazy(r"\bdae(?= (?:folk|ye|you|we|they|people|customers|clients|i)\b)"), "do"),
          # (lane probe27b) "at whit stage o the journey dae osprey trip lookers pack it in": "of" after a
          # step of the journey, "do" before the people who do it, and "pack (jack) it in" is to give up
          (lazy(r"\b(stage|step|point|part|bit) o (?=the\b)"), r"\1 of "),
          (lazy(r"\bdae(?= (?:the |oor |our )?(?:[\w'-]+ ){0,3}(?:folk|people|customers|clients|lookers|browsers|shoppers|"
                r"visitors|buyers|guests)\b)"), "do"),
          # and "side by side wi october", "set against wi last month": "with" before a span
          (lazy(r"\bwi (?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:last|this|q[1-4])\b)"), "with "),
          # (never "pack it in for good": leaving as a customer, the churn risk; lead, probe13's round)
          (lazy(r"\b(?:pack|jack)(?:s|ed|ing)? it in\b(?! (?:a|an|the|paper|tissue|boxes|bags|ice|there|here|for good)\b)"), "give up"),
          # "an whit aboot this month", "an how aboot the vips": a follow-up's spoken "and" (never
          # the article: "an hour by hour" has no question word after it)
          (lazy(r"^an (?=(?:what|whit|how|hoo|wit|wot|wha|wah)\b)"), "and "))


def plain_english(t: str) -> str:
    """The lower-cased question with tone particles dropped, Pidgin's "pass" as "the most" and
    Caribbean "dis week" as "this week"."""
    t = _NEEDFUL.sub("please ", prior_as_before(spelled_out(t)))
    if _PIDGIN.search(t) or rx.search(r"\bnko\b", t):
        for said, plain in _PIDGIN_PLAIN:
            t = said.sub(plain, t)
        t = rx.sub(r"\bdi (?=[a-z])", "the ", t)  # Pidgin's article, as in Caribbean English
        t = _PASS_AT_END.sub("the most", t)
        # (lane probe27c) "abeg save all di cards o": "abeg" before an order is its "please", a closing
        # "o" is tone, and "card dem", "alert dem" are the plural
        t = rx.sub(r"^abeg,? (?=(?:save|store|keep|bring|pull|show|give|make|draft|sketch|delete|remove|scrap|bin|cut|trim|"
                   r"narrow|merge|combine|rename|switch|turn|change|set|send|list|open|reply|respond|write|answer|email|draft)\b)", "please ", t)
        t = rx.sub(r",? o(?= *[?.!]*$)", "", t)
        t = rx.sub(r"\b(card|persona|alert|alarm|rule|customer|order)s? dem\b", r"\1s", t)
        # (lane probe28b) "di customers dem", "di survey forms dem": a plural noun's own "dem" is its plural
        t = rx.sub(r"\b([a-z]{3,}s) dem\b", r"\1", t)
        # "wetin customers love about us": a lone "wetin" in a plain English sentence is its "what"
        # (in "abeg find wetin customers talk about", "wetin dey", the feedback cues read the Pidgin)
        if {w for w in _PIDGIN.findall(t)} == {"wetin"}:
            t = rx.sub(r"\bwetin (?!(?:be|go|fit)\b)", "what ", t)
        # (lane ps16) "how many orders we don get since november": Pidgin's "don" is the perfect
        # tense ("we have got"), never a helper that turns the count into a funnel
        # (lane probe26a) "abeg wetin we make this week": Pidgin's "what did we make", the money
        t = rx.sub(r"\bwetin (we|una|i|dem|the shop|the business) (make|take|collect|realise|bring in|sell)\b", r"what did \1 \2", t)
        t = rx.sub(r"\b(we|they|i|you|una|dem) don (get|sell|make|book|receive|take|send|ship|do)\b",
                   lambda m: f"{m.group(1)} have {_DONE[m.group(2)]}", t)
    # (the opener after the request to be told: "sasa, kindly advise what we should do" asks for advice)
    # (lane probe26a) Caribbean English is told by the whole message: "wah gwaan, what di kitchen take"
    # says it in the greeting the opener drops
    caribbean = _CARIBBEAN.search(t)
    t = _LEAD.sub("", _OPENER.sub("", _ADVISE.sub("", t)))
    # (lane probe28b) "jus di survey forms now", "what are they griping bout": "just" and "about" as said
    t = _JUS.sub("just ", _BOUT.sub(r"\1 about", t))
    t = _GRAIN_WISE.sub(lambda m: "by " + m.group(1), t)
    for said, plain in (*_SPELLED, *_SCOTS):
        t = said.sub(plain, t)
    if caribbean or _CARIBBEAN.search(t):  # "wah di jerk pan tek in": "what the jerk pan took in"
        t = rx.sub(r"\bmek mi (?=see|know|have)", "let me ", t)  # (lane probe20a) "mek mi see di count fi ...": "let me see"
        # (lane probe27a) "wah mek di kit orders drop": Caribbean "why" (what made it so)
        t = rx.sub(r"\b(?:wah|wha|what) mek\b", "why did", t)
        # (lane probe27c) "wah persona card dem wi keep": Caribbean "wi" is "we" before what we do
        t = rx.sub(r"\bwi (?=(?:keep|save|sell|make|get|have|got|need|want|can|should|take|tek|mek|do|did)\b)", "we ", t)
        # (lane probe26a) "wha di dairy tek last week": "wha" is its "what" too
        t = rx.sub(r"\b(?:wah|wha|di|dis|dat|tek|mek|fi|mi|wid)\b", lambda m: _PLAIN_WORD[m.group(0)], t)
        t = rx.sub(r"\b([a-z]{3,}s) dem\b", r"\1", t)  # (lane probe28b) "di oxtail customers dem": the plural
        # (lane probe28a) "which day inna di week di money strongest": "inna" is its "in (the)"
        t = rx.sub(r"\binna\b", "in", t)
        t = rx.sub(r"\bbout\b", "about", t)  # "any complaints bout di pillows": about
        # its questions leave out "did": "wah di shop mek" asks what the shop made
        t = rx.sub(r"^((?:and )?(?:how much|what)) (?=(?:the|we|you|una) )", r"\1 did ", t)
    # (lane probe28a) "which day in the week is the money strongest": the day of the week
    t = rx.sub(r"\b(which|what|best|busiest|top|biggest) days? in (?:the|a) week\b", r"\1 day of the week", t)
    return rx.sub(r"\s+", " ", _PARTICLE_AT_END.sub("", _SIGN_OFF.sub("", t))).strip()
