"""What owners say when they want what customers wrote: the texts on a topic (search), the
feeling of them (sentiment) or what recurs in them (themes). Weighted patterns that
bot/agent/ranking.py adds up; the specs that use them are in bot/agent/feedback_tools.py."""

from __future__ import annotations

# What people say when they want quotes, feelings or themes (bot/agent/ranking.py).
# ("sauna-goers griping": the people's name hyphenated, the gripe as a verb)
OPEN_ABOUT = (r"(?:\bwhat (?:(?:are|do|did|were|was|is|have|has) (?:[\w'-]+ ){0,3}|"
               # "what customers complain about most ah": Singlish and Pidgin leave the "do" out
               r"(?:the |our |my )?(?:customers|people|clients|guests|punters|folks?|shoppers|diners|buyers|members|patients|"
               r"regulars) (?:(?:always|still|really|mostly|usually) )?)(?:complain\w*|whing\w*|moan\w*|happy|unhappy|"
               r"rav\w*|love|like|prais\w*|upset|annoyed|frustrated|bothered|grumbl\w*|gripe\w*|griping|angry|"
               r"pleased|talk\w*) (?:about|with|over|on)\b|"
               # "what are customers praising us for?": what the praise is about, the positive themes
               r"\bwhat (?:are|do|did|were|have|has) (?:\w+ ){0,3}(?:prais\w*|thank\w*|compliment\w*|lov\w*|"
               r"rat\w*|recommend\w*|criticis\w*|blam\w*) (?:us|me|the (?:shop|business|store|company)) (?:for|on)\b)")
# "what are customers saying (about us), over all our data?": no topic to look for, so an
# overview of what they say (the themes) rather than a search for the words left over.
# A topic named after the place or period ("what did people say in support tickets about the
# install delays") is looked for: that is a search.
_TOPIC_LATER = (r"(?!.*\b(?:about|regarding|concerning|mentioning|re) (?!us\b|it\b|that\b|this\b|them\b|how\b|what\b|"
                r"anything\b|everything\b|things?\b|stuff\b|(?:the|our) (?:shop|business|store|company)\b)[a-z])")
# ("what do customers in São Paulo think of us": the people's place, of up to three words, is no topic)
SAYING_AT_ALL = (r"\bwhat " + _TOPIC_LATER + r"(?:(?:are|do|did|have|has|is|were) (?:(?!detractors|promoters|passives)\w+ ){0,3}"
                  r"(?:(?:in|from|around|near|across) (?:[\w'-]+ ){1,3})?|"
                  # "sum up what people are saying about us"
                  r"(?:people|folks|customers|clients|guests|everyone|they) (?:are|have been|have) )"
                  r"(?:saying|say|said|writing|written|think|thinking)"
                  r"(?: (?:about|of) (?:us|the (?:shop|business|store|company)|our (?:shop|business|store|company)))?"
                  r"[ ,]*(?:$|\?|(?:over|in|during|since|last|this|across|recently|lately|so far|overall|ever|all|these days|"
                  r"at the moment|right now)\b)")
# "anything about sticky floors?": a topic looked for in what people wrote (a KPI named instead,
# "anything about revenue I should know?", is not: the boost below takes the cue back)
ANYTHING_ABOUT = (r"^(?:and |so |is there |was there |have we (?:had|got) )?anything (?:(?:said|written|mentioned|at all|new|in the "
                   r"(?:feedback|comments|reviews|tickets|surveys)) )?(?:about|on|regarding|re|mentioning) "
                   r"(?!us\b|it\b|that\b|this\b|them\b)[a-z]")
# "what were clients on about in the tickets regarding invoices": where they wrote, then the topic
SOURCE_THEN_TOPIC = (r"^(?!.*\b(?:themes?|topics?|keeps? (?:coming|cropping) up|comes? up|crops? up|recurring)\b).*\b(?:in|on|from|across|through) (?:the |our |their |all the )?"
                     r"(?:support |customer |google |online )?"
                     r"(?:tickets?|surveys?|survey answers|reviews?|comments?|feedback|emails?|messages|chats?)\b,? (?:about|regarding|"
                     r"re|concerning|mentioning|on the subject of) (?!us\b|it\b|that\b|this\b|them\b|how\b|what\b|anything\b|"
                     r"everything\b|each\b|(?:the|our) (?:shop|business|store|company)\b)[a-z]")
# (lane tune21b) what follows "about" that is no topic: the people, or when and where they said it
NOT_WHEN_OR_WHERE = (r"(?!(?:us|me|them|it|this|that|in|on|at|for|from|over|during|since|last|these|lately|recently|so far|"
                      r"nowadays|right now|the most|most|mostly|usually|then|and|anything|everything|things?|stuff)\b)")
SEARCH_CUES = (
    (SOURCE_THEN_TOPIC, 0.9),
    # (lane probe26a) "tins arriving dented, what did customers say", "vases turning up cracked - any
    # comments": the topic said first as what happened, then what people said about it
    (r"^(?:[\w' -]{1,40}: )?(?:the |our )?(?:[\w'-]+ ){1,3}?(?:arriving|arrived|turning up|turned up|showing up|landing|coming|"
     r"going|getting|being|breaking|leaking|melting|tasting|smelling|looking)\b[^?.!,;]{0,30}[,;-] ?(?:so |and )?"
     r"(?:what (?:(?:did|do|have|has) )?(?:the |our )?(?:[\w'-]+ )?(?:customers|people|clients|guests|folks?|punters|buyers|shoppers|"
     r"owners|members|they) (?:say|said|write|wrote|think|thought|saying|written|posted)|any(?:thing)? (?:comments?|feedback|reviews?|"
     r"said|written|mentioned))\b", 2.0),
    # (lane ps22) "grumbles about the porridge going cold, after-sales only", "find anything about the
    # booking form": the texts on a topic asked for bare, the topic right after "about"
    (r"^(?:any |the |all the |some |just the |only the )?(?:complaints|gripes|grumbles|moans|whinges|praise|compliments) "
     r"(?:about|over|regarding) (?:the |our |my )?" + NOT_WHEN_OR_WHERE + r"[a-z]{3,}|"
     r"^(?:please |can you |could you |just )?(?:find|dig out|dig up|pull up|look up|hunt out|track down|search for) "
     r"(?:anything|everything|whatever|any comments|any feedback) (?:at all )?(?:about|regarding|mentioning|on) (?:the |our |my )?"
     + NOT_WHEN_OR_WHERE + r"[a-z]{3,}", 0.9),
    # (lane ps9) "search the feedback for anything about false alarms", "find anything customers said about
    # leaking cartridges", "comb the reviews for the boiler": a search whatever the topic's words name
    (r"^(?:please |can you |could you |just )?(?:search|look through|go through|trawl(?: through)?|comb(?: through)?|scan|"
     r"check|sift through|dig through|read through) (?:all )?(?:the |our |my )?(?:customer |guest |client |online |google |"
     r"support )?(?:feedback|reviews?|comments?|tickets?|surveys?|survey answers|messages|emails) (?:for|about|on)\b|"
     r"^(?:please |can you |could you |just )?(?:find|dig out|dig up|pull up|fetch|show me|hunt out|track down|look for) "
     r"(?:anything|everything|any(?:thing)? at all|whatever|all|any(?: of the)? bits?) (?:that )?(?:[\w'-]+ ){0,2}?"
     r"(?:said|wrote|written|posted|mentioned|left|put|say|write) (?:about|on|regarding|re)\b", 2.0),
    # "find praise for our therapists", "dig out complaints about the car park": the texts
    # themselves, about a topic (not the themes of all of them)
    (r"^(?:please |can you |could you |just )?(?:find|dig out|dig up|pull up|pull out|fetch|look up|search for|hunt out|track down) "
     r"(?:me |us )?(?:some |any |the |a few )?(?:praise|compliments|complaints|gripes|moans|grumbles|comments|feedback|reviews|"
     r"quotes|kind words|nice words) (?:for|about|on|of|regarding|mentioning|aimed at)\b", 0.9),
    # not "the ones the crm says came from instagram": what the records say, not customers
    (r"(?<!crm )(?<!data )(?<!system )(?<!records )(?<!would you )(?<!would ya )(?<!would u )(?<!wud ya )(?<!you.d )\b(?:say|says|said|saying|wrote|written|writing|mention\w*|quotes?|quoted|"
     r"verbatims?|remarks?|told|telling)\b|"
     r"\b(?:did|do|does|have|has) (?:\w+ ){0,3}write\b|\bwrite (?:about|in)\b|\btell us\b|"
     r"\bthink (?:of|about)\b|\bopinions? (?:of|on|about)\b|\bviews? (?:on|about)\b|\bmake of\b|\bthoughts on\b",
     0.45),
    (r"\b(?:find|search|look(?:ing)? for|show me|pull up|dig out|dig up|any|examples? of|read me)\b.*"
     r"\b(?:comments?|feedback|reviews?|complaints?|tickets?|quotes?|mentions?|messages|answers|responses)\b", 0.35),
    # (lane probe22b) "moans about late deliveries", "gripes about the parking": complaints by another name
    (r"\b(?:comments?|feedback|reviews?|complaints?|tickets?|quotes?|mentions?|messages|moans|gripes|grumbles|whinges|"
     r"niggles|grievances|beefs|rants) (?:about|on|mentioning|regarding|that mention|which mention|from|of|saying)\b"
     # "the reviews about us": all of them, no topic (the themes)
     r"(?! (?:us|me|the (?:shop|business|store|company)|our (?:shop|business|store|company))\b)", 0.35),
    (r"\b(?:about|regarding|mentioning|concerning) (?!it\b|us\b|that\b|this\b|them\b|each\b|the journey\b)[a-z]", 0.15),
    # "moans that bring up the online booking form", "reviews which talk about the staff": the texts
    # on one topic, the topic said with a verb
    (r"\b(?:comments?|feedback|reviews?|complaints?|tickets?|quotes?|messages|moans|gripes|grumbles|whinges|remarks|praise|"
     r"compliments|responses|answers|surveys?) (?:that|which|where (?:people|customers|they)) (?:\w+ )?(?:bring(?:s)? up|raises?|"
     r"mentions?|talks? about|refers? to|(?:are|is) about|goe?s? on about|touch(?:es)? on|complain(?:s)? about|moans? about) "
     r"(?!us\b|it\b|that\b|this\b|them\b|anything\b|everything\b|stuff\b)[a-z]", 0.9),
    # "what are hydrotherapy owners saying about the pool temperature": what people say on a topic,
    # whatever the trade calls its people
    (r"\bwhat (?:are|were|have|has|is|was|do|did) (?:[\w'-]+ ){1,3}(?:been )?(?:saying|said|writing|written|posting|say|write) "
     r"(?:about|regarding|re|on the subject of) (?!us\b|it\b|that\b|this\b|them\b|anything\b|everything\b|things?\b|stuff\b|"
     r"(?:the|our) (?:shop|business|store|company)\b)[a-z]", 0.9),
    # "what the people who would never recommend us wrote about the drivers": the writers named by a
    # clause, then the topic
    (r"\bwhat (?:the |our )?(?:people|customers|clients|guests|ones|folks?|members|diners|patients|students|[a-z]+ers) (?:who|that) "
     r"[^?.!]{0,60}?\b(?:wrote|written|said|say|posted|put|left) (?:about|on|regarding) (?!us\b|it\b|that\b|this\b|them\b)[a-z]", 0.9),
    # "feedback customers gave on the booking process", "comments people left about parking": the
    # texts on a topic, the writers between; "moaning that the site is sluggish": the topic as a clause
    (r"\b(?:feedback|comments?|reviews?|complaints?|remarks?|gripes|moans|praise) (?:[\w'-]+ ){0,2}(?:gave|given|give|left|leave|"
     r"wrote|written|posted|sent|made|had) (?:us )?(?:on|about|regarding|concerning|mentioning|re) (?!us\b|it\b|that\b|this\b|"
     r"them\b|(?:the|our) (?:shop|business|store|company)\b)[a-z]|"
     r"\b(?:moan\w*|complain\w*|grumbl\w*|whing\w*|whinge\w*|gripe\w*|griping|grous\w*|rav\w*|gush\w*) (?:that|because|cos|coz) "
     r"(?:[\w'-]+ ){0,6}?(?:is|are|was|were|isn't|aren't|wasn't|weren't|gets|got|keeps|takes|took|too|so|never|always)\b", 0.9),
    (OPEN_ABOUT + r"\s*\??$", -0.7),
    # "has anyone complained about waiting too long?", "anything about sticky floors?": one topic, looked for
    # ("what did customers complain about last month?" asks no topic: what they complained about is the themes)
    (r"\b(?<!what )(?:has|have|did) (?:anyone|anybody|someone|somebody|any (?:of (?:our|the) )?(?:customers?|clients?|guests?|people|"
     r"members|diners|patients|students|owners)|people|customers|clients|guests) (?:ever |actually |really )?(?:complain\w*|moan\w*|"
     r"whing\w*|grumbl\w*|gripe\w*|mention\w*|rav\w*|prais\w*|commented|talked|written|wrote|raised|brought up|"
     r"said anything|kicked off) (?:\w+ )?(?:about|on|over|regarding)\b", 0.7),
    (ANYTHING_ABOUT, 0.7),
    # "late delivery complaints, show me them", "any compliments for the new staff?": the texts on one topic
    (r"\b(?:let me see|let me read|show me|i want to see|can i see) (?:them|those|these|the actual ones)\b", 0.7),
    (r"\bany (?:praise|compliments?|complaints?|moans?|grumbles?|kind words) (?:for|about|of|regarding) "
     r"(?!us\b|it\b|that\b|this\b|them\b)[a-z]", 0.6),
    # a price quote is a step of the journey ("a quote request", "asks us for a quote"), not words said
    (r"\bquote (?:requests?|forms?|stage)\b|\b(?:asks?|asked|asking|requests?|requested|wants?|gets?|getting) (?:us |me )?"
     r"(?:for )?(?:a |an )?(?:price )?quotes?\b|\b(?:to|before|from) (?:a |the )?quotes?\b|"
     # "what share of quotes turned into paid jobs", "quote-to-paid": quotes won, not words said
     r"\bquotes? (?:(?:that|which) )?(?:get |got |were |are )?(?:turn\w*|convert\w*|went on|go(?:es)? on|became|become) "
     r"(?:in)?to\b|\bquote[- ]to[- ]\w+", -0.5),
    (SAYING_AT_ALL, -0.5),
    (r"\bpassives?\b|\bdetractors?\b|(?<!\bnet )\bpromoters?\b(?! score)|\bscored us\b|\bout of (?:5|five|10|ten)\b", 0.3),
    # the texts of people with a given score: "feedback with a csat below 3", "nps 0-6 comments"
    (r"\b(?:comments?|feedback|reviews?|quotes?|verbatims?|remarks?|answers|responses)\b.{0,40}\b(?:csat|nps)\b"
     r"(?: scores?| ratings?)?(?: was| is| were)?(?: of| at| between| from| below| under| less than| lower than)?\s+\d|"
     r"\b(?:csat|nps)(?: scores?| ratings?)?(?: of| at| between| from| below| under)?\s+\d{1,2}\b.{0,40}"
     r"\b(?:comments?|feedback|reviews?|quotes?|say|said|wrote|write)\b", 0.6),
    # (lane tune21b) "show customer words on the glass being the wrong size", "guests' own words about
    # the hot tub": what they wrote on a topic, in those words
    (r"\b(?:customers?'?|clients?'?|guests?'?|people'?s?|punters'?|buyers'?|patients'?|members'?|diners'?|their)(?: own)? "
     r"(?:words|voices|verbatims?) (?:on|about|re|regarding|mentioning|over|for) (?!us\b|it\b|that\b|this\b|them\b)[a-z]", 0.9),
    # "anyone moaning about late reports?", "customers complaining about the parking": people at it, on a topic
    (r"^(?:(?:so|and|is|are|was|were|has|have)\s)?(?:anyone|anybody|someone|somebody|any (?:customers?|clients?|guests?|people|"
     r"members|diners|patients|punters|buyers|students)|people|customers|clients|guests|punters|folks?) (?:been |ever |still )?"
     r"(?:moaning|complaining|whinging|grumbling|griping|grousing|ranting|raving|gushing|going on|kicking off|giving out|talking) "
     r"(?:about|over|regarding|re) (?!us\b|it\b|that\b|this\b|them\b|anything\b|everything\b|stuff\b)[a-z]", 0.9),
    # "what did the diners who gave a 4 or 5 satisfaction score write": what people with that score wrote
    (r"\b(?:who|that) (?:gave|scored|rated|left|marked) (?:us )?(?:a |an |only )?[0-9]{1,2}(?: ?(?:or|to|and|-) ?[0-9]{1,2})? "
     r"(?:[\w-]+ ){0,3}?(?:satisfaction|csat|nps|stars?|out of|ratings?|scores?)\b.{0,40}\b(?:say|said|write|wrote|written|"
     r"comment\w*|mention\w*|tell|told)\b", 0.9),
    # pidgin "abeg find wetin customers talk about our rice and peas": what they said on a topic
    (r"\bwetin\b.{0,40}\b(?:talk\w*|say|said|yarn\w*|write|wrote|complain\w*|vex\w*) (?:about|on|over|concerning) "
     r"(?:the |our |una |di |dis |your )?" + NOT_WHEN_OR_WHERE + r"[a-z]{3,}", 0.6),
    # (lane real15) "show me angry customers", "list the upset clients": who is upset is read in what they
    # wrote (not a persona card, not an action list: "which unhappy customers need fixing", "the unhappy customers
    # we should reach out to" are that)
    # (lane real16) "let me see the furious diners", "any disgruntled members lately?": the same, other verbs
    (r"^(?:(?:can you |could you |pls |please )?(?:show|list|find|pull up|give|get|(?:let me |lemme )?see|read)(?: me| us)?|who are|"
     r"(?=any )) ?(?:the |our |all (?:the |our )?|any |some )?"
     r"(?:angry|upset|unhappy|furious|annoyed|frustrated|disgruntled|irate|livid|fuming|raging|cross|dissatisfied|displeased|"
     r"grumpy|miffed|peeved) "
     r"(?:customers|clients|people|users|tweeters|guests|patients|members|shoppers|buyers|folks?|ones|diners|punters|"
     r"visitors|regulars|patrons|students|parents)\b"
     r"(?! (?:(?:who|that) )?(?:need|needs|should|must|to (?:call|contact|ring|email|reach|chase)|we (?:should|need|must|ought|have to|could|can)))", 1.5),
    # (lane probe21c) "show me the crossest comments folk left", "pull up the grumpiest support tickets", "mek
    # mi see di unhappiest tings customers seh": the worst texts themselves, asked to be seen, ranked by
    # tone (not their feeling split by a part of the journey, which "by"/"per" would ask)
    (r"\b(?:show|see|pull up|pull out|dig out|dig up|give|get|list|read|find|share|bring up|send|gimme|gizza|lemme see)(?: me| us| mi)? "
     r"(?:the |all the |some of the |a few of the |di |our )?(?:most (?:negative|critical|scathing|annoyed|upset)|angriest|"
     r"grumpiest|crankiest|crossest|nastiest|harshest|unhappiest|rudest|bitterest|sourest|stroppiest|meanest|worst) "
     r"(?:[\w-]+ )?(?:comments|reviews|words|messages|texts|replies|notes|tickets|things|tings|stuff|feedback|remarks|"
     r"complaints|survey answers|emails)\b(?!.*\b(?:by|per|for each) (?:stage|touchpoint|channel|source|day|week|month)\b)", 1.6),
)
# "are comments getting crankier or kinder?": the feeling of what is written, compared
MOOD_COMPARED = (r"crankier|grumpier|kinder|friendlier|ruder|angrier|harsher|testier|crosser|sourer|snippier|warmer|colder|nicer|gentler|sunnier|gloomier|"
                 r"politer|more (?:polite|hostile|upbeat|critical|cheerful)|"
                 # (lane probe21b) "which lot sound cheerier", "are the reviews getting glummer"
                 r"cheerier|chirpier|jollier|perkier|merrier|glummer|grimmer|sadder|more (?:cheery|chirpy|chipper|grumpy|cranky|moody)|"
                 # "is the feedback souring week on week?", "are the comments turning sour?"
                 r"souring|soured|(?:turning|turned|gone|going|getting|growing) (?:more |a bit |any )?(?:sour|bitter)|nastier|meaner|stroppier|crabbier|tetchier|frostier")
# "is customer feedback going downhill?", "are the comments improving month on month?": the feeling
# of what people write, on its way somewhere (not how many there are)
FEEDBACK_TURNING = (r"\b(?:feedback|comments|remarks|messages|what (?:people|customers|clients|guests|patients|they|folks?) "
                    r"(?:say|write|said|wrote))\b.{0,25}\b(?:going (?:downhill|south)|heading (?:downhill|south)|"
                    r"turning (?:nasty|negative|ugly)|getting (?:worse|better|nicer)|improving|worsening|deteriorating)\b")
# "how people felt day by day", "how clients felt at each touchpoint": the feeling, after the fact
# (not "how do i wet felt a hat": a how-to, felt the craft)
_FELT = (r"\bhow (?!(?:do|can|should|would|could|to) (?:i|you|we|u|one)\b)(?:[\w'-]+ ){0,3}(?<!\bwet )(?<!\bneedle )felt\b"
         r"(?! (?:hats?|pads?|tips?|pens?|roofs?|roofing|fabric)\b)")
# "how upbeat are our customers at each touchpoint?": a mood (not a rating) at each step
_MOOD_AT_EACH = (r"\bhow (?:upbeat|cheerful|chirpy|chuffed|positive|negative|glum|gloomy|grumpy|cranky|cross|annoyed|upset|"
                 r"warm|fed up|buoyant|miserable)\b (?:are|were|is|was|do|did) (?:[\w'-]+ ){0,3}(?:at|in|per|by|across|for|through) "
                 r"(?:each |every |all |the |our )?(?:[\w-]+ )?(?:touch ?points?|stages?|steps?|points? of contact|parts? of the journey)\b")
# The feeling of what people wrote named outright: "is survey sentiment better than last month?"
# is that feeling against the month before (feedback sentiment compares it), not a KPI compared
FEELING_NAMED = r"\b(?:sentiment|mood|tone|vibes?|feel|feels|feeling|felt|" + MOOD_COMPARED + r")\b"
# "complaints after purchase", "how do people feel once they've bought": the stage after buying
AFTER_BUYING = (r"\b(?:after|once|following|post) (?:the |a |an |their |they(?:'ve| have| had|'d)? |we(?:'ve| have)? |"
                r"(?:the |their |an? )?(?:order|parcel|box|delivery) (?:has |had |have )?|people (?:have )?|customers (?:have )?|"
                r"it(?:'s| has) )?(?:purchase|purchasing|buying|bought|paid|paying|checkout|ordered|ordering|"
                # "whinging about after delivery", "once it's fitted": the stage after the sale's handover
                r"deliver(?:y|ies)|collection|dispatch|handover|install(?:ation)?|fitted|installed|"
                r"(?:been )?delivered|arrived|landed|come)\b|"
                # (lane ps12) "rave about after a trip", "the post-stay feedback": the service had, said
                # as the trade's own (not "after a visit", which may be to the site)
                r"\b(?:after|once|following) (?:the |a |an |their |his |her |my |our )?(?:[\w-]+ )?(?:trip|stay|holiday|tour|"
                r"treatment|appointment|lesson|session|service|repair|meal|course|cruise|retreat|getaway|"
                r"procedure|fitting|clean)s?\b(?! (?:booking|enquir\w*|quote)s?\b)|"
                r"\bpost-(?:trip|stay|holiday|tour|treatment|appointment|lesson|session|service|repair|meal|course|cruise|"
                r"install(?:ation)?|delivery|visit|job|event|sale)\b|"
                # (lane probe28c) "after dem get di order", "once folk receive their parcel": the goods had
                r"\b(?:after|once|when) (?:they|dem|people|folks?|customers|buyers|clients) (?:get|got|gets|receive|received|"
                r"have|had|open|opened|unbox|unboxed) (?:the |their |di |dem |an? )?(?:[\w-]+ )?(?:order|orders|parcel|parcels|box|"
                r"boxes|goods|delivery|stuff)\b")
SENTIMENT_CUES = (
    (r"\b(?:" + MOOD_COMPARED + r")\b", 0.75),
    (FEEDBACK_TURNING + "|" + _FELT + "|" + _MOOD_AT_EACH, 0.75),
    # "how did customers feel last week compared to the week before": the feeling, set against another period
    (r"\b(?:feel|feels|feeling|felt|mood|tone|vibes?)\b.{0,40}\b(?:compared|vs\.?|versus|than|against)\b", 0.3),
    # (lane probe21c) "are the regulars feeling better or worse this month than the month before": people's
    # feeling itself better or worse, however many words then set the two periods side by side
    (r"\b(?:are|is|were|was) (?:the |our |my )?(?:[\w'-]+ ){0,3}?(?:feeling|feelin) (?:any |a bit |much )?"
     r"(?:better|worse|happier|unhappier|gloomier|more (?:positive|negative|upbeat|fed up))\b"
     r"(?! about (?:the |our )?(?:sales|revenue|takings|numbers|orders|money|figures)\b)", 1.2),
    (r"(?:" + FEEDBACK_TURNING + "|" + _FELT + r").{0,40}\b(?:week (?:on|by|to|over) week|month (?:on|by|to|over) month|"
     r"day (?:by|on|to) day|weekly|daily|monthly|over time)\b", 0.4),
    (r"\b(?:" + MOOD_COMPARED + r")\b.{0,40}\b(?:week (?:on|by|to|over) week|month (?:on|by|to|over) month|"
     r"day by day|over time)\b", 0.4),
    # "week on week, are guest comments getting grumpier?": the period first, then the feeling
    (r"\b(?:week (?:on|by|to|over) week|month (?:on|by|to|over) month|day by day|over time)\b.{0,50}\b(?:"
     + MOOD_COMPARED + r")\b", 0.4),
    # "how positive are survey comments compared with support tickets": their feeling, side by side
    (r"\bhow (?:positive|negative|upbeat|warm|harsh|friendly|kind|cranky|grumpy|nice|angry|cross|cheerful|chirpy|glum|"
     r"gloomy|bitter|polite|rude|sour)\b.{0,40}"
     r"\b(?:comments?|feedback|reviews?|tickets?|surveys?|messages|texts|replies|responses)\b", 0.75),
    # "how positive or negative were people day by day", "how upbeat were the guests last week": how
    # people felt, asked of the people (not of a KPI)
    (r"\bhow (?:positive|negative|upbeat|grumpy|cheerful)(?: or (?:positive|negative|upbeat|grumpy))? "
     # ("how positive or negative are farrier clients": the trade's word for them between)
     r"(?:were|was|are|is|have been|did) (?:the |our )?(?:[\w'-]+ )?(?:people|customers|clients|guests|folks?|they|diners|patients|"
     r"punters|members|tenants|students|riders|owners|shoppers|buyers)\b", 0.9),
    # "how many comments are positive", "what share of the messages were negative": the positive or
    # negative share of what people wrote is the sentiment's (reviews, which may be scored, are the
    # CSAT's: kpi_sayings.py, and the sentiment's where they have no score: unrated_feelings.py)
    (r"\b(?:how many|what (?:share|percentage|proportion|fraction|part)|the (?:share|percentage|proportion)|(?:share|"
     r"percentage|proportion|number|count) of)\b(?: of)? (?:the |our |all |all the |those |these )?(?:[\w-]+ )?(?:"
     r"comments?|feedback|texts?|messages|replies|write-?ups|notes|tickets|emails) (?:[\w'-]+ ){0,3}?"
     r"(?:are|were|is|was|have been|came out|read as|look|sound|seem) (?:mostly |broadly |actually |really )?(?:positive|negative|"
     # (lane real25) "what percentage of comments are unhappy": the people's feeling said of their words
     r"favou?rable|unfavou?rable|upbeat|glowing|critical|hostile|unhappy|happy|angry|upset|annoyed|pleased|bad|good)\b", 1.0),
    # "the vibe of customer comments in October, week by week": the feeling of what they wrote,
    # over time (not a KPI's trend: none is named)
    (r"\b(?:vibe\w*|mood|tone|feel(?:ing)?s?|sentiment)\b.{0,30}\b(?:comments|reviews|feedback|texts|messages|replies)\b"
     r".{0,40}\b(?:week by week|day by day|month by month|weekly|daily|monthly|over time|per (?:week|day|month))\b", 0.4),
    (r"\bsentiment\b|\bfeel\b|\bfeels\b|\bfeeling\w*\b|\bmood\b|\bemotion\w*\b|\btone\b|\bhappier\b|"
     r"\bunhappier\b|\bmore (?:positive|negative)\b|\bmost (?:positive|negative)\b|\bvibe\w*\b", 0.75),
    (r"\b(?:most|least) (?:positive|negative|happy|unhappy|angry|upset)\b|"
     r"\b(?:angriest|happiest|unhappiest|saddest|grumpiest|crankiest|crabbiest|tetchiest|testiest|snippiest|nastiest|meanest|frostiest|prickliest|stroppiest|sulkiest|rudest|nicest|kindest|harshest|warmest|crossest|sourest|bitterest|snarkiest|moodiest|glummest|sunniest) "
     r"(?:feedback|comments|reviews|customers|words|messages|texts|replies|emails|notes|tickets|survey answers)\b|\b(?:worst|best|most negative|most positive|harshest|"
     r"kindest|nicest) (?:feedback|comments|mood|sentiment)\b", 0.5),
    # "which channel brings the angriest comments?": the feeling of the texts, channel by channel
    # (not a rating named: "which channel has the happiest customers according to nps" is each channel's NPS)
    (r"^(?!.*\b(?:nps|csat|ratings?|rated|scores?|stars?|satisf\w*)\b).*"
     r"\bwhich (?:channels?|platforms?|touchpoints?|stages?)\b.{0,40}\b(?:angriest|grumpiest|crankiest|crabbiest|tetchiest|testiest|snippiest|nastiest|meanest|frostiest|prickliest|stroppiest|sulkiest|"
     r"rudest|nicest|kindest|harshest|warmest|most (?:negative|positive|upset|critical|hostile))\b", 0.4),
    # (lane probe17a) "how do clients sound in their feedback", "how do guests come across in the
    # reviews": how people sound in what they wrote is its feeling, whatever split follows
    (r"\b(?:sound|sounded|sounding|come across|came across|coming across|come over|came over) in (?:their |the |our |all the )?"
     r"(?:[\w-]+ )?(?:feedback|comments?|reviews?|messages|texts|tickets|surveys?|survey replies|replies|emails)\b", 1.0),
    # "feelings in the comments about the after-sales stuff, by touchpoint": the feeling, split by a
    # part of the journey (a topic searched is never split so)
    (r"\b(?:feel(?:ing)?s|mood|tone|vibes?|sentiment)\b.{0,60}\b(?:by|per|for each|across|split by|broken down by) "
     # (not by segment: the texts have no segment split; satisfaction_by's sentiment measure has it)
     r"(?:the )?(?:touchpoints?|stages?|steps?|channels?)\s*[?.!]*$", 0.9),
)
# Complaint words of other Englishes: Irish "giving out about", pidgin "dey vex", Indian
# "cribbing about", "grousing", "kvetching" (the common ones are in OPEN_ABOUT)
SENTIMENT_CUES += (
    # "the subscribers' comments, positive or negative, each week", "are reviews more positive or
    # negative by month": which way what people wrote leans, the mood of the texts
    # (not a search for texts on a topic: "find reviews, positive or negative, about the coffee")
    (r"^(?!.*\b(?:find|search|look up|pull up|dig out|quotes?|about|regarding|mention\w*)\b)(?:.*?)"
     r"(?:\b(?:comments?|reviews?|feedback|remarks|messages|notes|write-?ups)\b.{0,40}\b(?:positive|good) or "
     r"(?:negative|bad)\b|\b(?:positive|good) or (?:negative|bad)\b.{0,40}\b(?:comments?|reviews?|feedback|remarks)\b)", 1.0),
)

# Asks of lane g-probe14b, a block of their own so merges keep both sides.
SENTIMENT_CUES += (
    # "how positive is what knitters write, channel by channel", "how upbeat is what guests say about
    # us": the feeling of the texts, the comments named as what people write
    (r"\bhow (?:positive|negative|upbeat|warm|harsh|friendly|kind|grumpy|nice|angry|cheerful|glum|bitter|sour)\b "
     r"(?:is|are|was|were) what (?:[\w'-]+ ){1,2}(?:write|wrote|say|said|post|posted|tell us|told us|put)\b", 0.75),
)

# Asks of lane g-probe14a, a block of their own so merges keep both sides.
SENTIMENT_CUES += (
    # "is feedback from each channel mostly happy or grumpy", "are the comments upbeat or moany lately":
    # which way what people wrote leans, in everyday mood words (not a search on a topic)
    (r"^(?!.*\b(?:find|search|look up|pull up|dig out|quotes?|about|regarding|mention\w*)\b)(?:.*?)"
     r"\b(?:comments?|reviews?|feedback|remarks|messages|notes|write-?ups)\b.{0,40}\b(?:happy|upbeat|cheerful|nice|warm|glowing|"
     r"kind|friendly|pleased) or (?:grumpy|unhappy|moany|angry|cross|sour|harsh|cranky|negative|fed up|annoyed)\b", 1.0),
)
# (lane ps14) "what are the support tickets mostly about", "what are our reviews usually about": what
# the texts are about, no topic named, is their themes (never "what's the ticket count")
