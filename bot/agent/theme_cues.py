"""What owners say when they want what recurs in what customers wrote (themes), and the words
for blame and praise that the feedback tools share. Weighted patterns that bot/agent/ranking.py
adds up; the specs that use them are in bot/agent/feedback_tools.py. Split from
bot/agent/feedback_cues.py (search and sentiment) when that reached the size limit."""

from __future__ import annotations

from bot.agent.feedback_cues import NOT_WHEN_OR_WHERE, OPEN_ABOUT, SAYING_AT_ALL, SOURCE_THEN_TOPIC
from bot.agent.trade_words import UNIT as TRADE_UNIT

_DIALECT_COMPLAINT = (r"(?:(?:giv\w*|gave|give) out|vex\w*|grizzl\w*|cribb?\w*|grous\w*|kvetch\w*|bellyach\w*|narked|peeved|"
                      r"(?:cheesed|browned|hacked|brassed) off|kicking off|fuming|raging|seething|livid|ranting)")
# Nothing named after "for", "about": what comes next is where or when, not a topic
_NO_TOPIC = (r"(?= *(?:$|[?.!,;:]|(?:in|on|at|from|over|during|since|last|this|these|lately|recently|so far|nowadays|"
             r"at the moment|right now|the most|most|mostly|usually|then|and)\b))")
# "what's the juice bar getting moaned at for?", "what do people give us grief over?", "what are we
# being praised for?": what the blame (or the praise) is about, no topic named: the themes
BLAMED = (r"moaned at|complained about|grumbled about|slated|slagged off|critici[sz]ed|blamed|stick|flak|flack|grief|"
          r"told off|marked down|panned|roasted|bashed|(?:a )?hard time|earache|(?:a )?go at|(?:a )?pop at|shouted at|"
          r"yelled at|hassled|bad (?:reviews?|press|feedback|ratings?)|(?:one|1)[- ]star(?: reviews?)?")
# the same blame said with its verb: "slag us off", "blame us", "mark us down"
BLAMED_VERBS = (r"slag\w* (?:us|me|them) off|slat(?:e|es|ing) (?:us|me|them)|critici[sz]\w* (?:us|me|them)|blam\w* (?:us|me|them)|"
                r"knock\w* (?:us|me|them)|mark\w* (?:us|me|them) down|(?:tell\w*|told) (?:us|me|them) off|moan\w* at (?:us|me|them)|"
                r"can'?t stand|cannot stand|like (?:the )?least|least like")
PRAISED = (r"praised|complimented|thanked|applauded|loved|raved about|gushed about|kudos|credit|props|"
           r"(?:good|great|nice|glowing|rave) (?:reviews?|feedback|press|ratings?)|(?:five|5)[- ]stars?(?: reviews?)?|"
           r"(?:a )?pats? on the back")
_BLAMED_FOR = (r"\bwhat(?:'s|s| is| are|'re| do| does| did| have| has| were| was)? (?:[\w'-]+ ){0,4}?"
               r"(?:(?:getting|get|gets|got|being|been|give|gives|giving|gave|have|has|had|copping|cop|copped|taking|take|took|"
               r"catching|catch|caught|receiving|drawing|attracting) (?:(?:us|me|them|him|her|it) )?"
               r"(?:" + BLAMED + "|" + PRAISED + r")(?: (?:at|to|on))?|"
               # "what do guests slag us off for", "what do people have a pop at us over"
               r"(?:slag|slagging|slagged|tell|telling|told|mark|marking|marked|knock|knocking|knocked|slate|slating|"
               r"critici[sz]e|critici[sz]ing|blame|blaming|moan at|moaning at|praise|praising|thank|thanking|"
               r"love|loving|compliment|complimenting) (?:us|me|them|him|her|it)(?: (?:off|down|up))?)"
               r"(?: (?:us|me|them|him|her|it))? (?:for|over|about|on)\b" + _NO_TOPIC)
# "give me a rundown of what people are saying": an overview of what they say, not the morning digest
_OVERVIEW_OF_SAYING = (r"\b(?:rundown|run-down|round-?up|overview|recap|lowdown|summary|gist|breakdown) of (?:what|everything) "
                       r"(?:[\w'-]+ ){0,2}(?:(?:are|is|have been|has been|have|has) )?(?:saying|said|writing|written|telling us|"
                       r"complaining about|moaning about|talking about)\b")
# "what's everyone talking about in the surveys?", "what are folk chatting about this month?": no topic
_TALKING_ABOUT = (r"\bwhat(?:'s|s| is| are|'re| were| have| has| do| does| did)? (?:[\w'-]+ ){0,3}(?:been )?(?:talking|chatting|nattering|"
                  r"gossiping|going on|tweeting|posting|writing in|messaging us|go on|goes on|went on|bang on|banging on|"
                  r"harp on|harping on|talk|chat) about\b" + _NO_TOPIC)
# (lane ps12) "top 3 things people talk about in reviews", "the main stuff guests mention": the
# themes, counted (not a search for the word "things")
_TOP_THINGS = (r"\b(?:top|main|biggest|commonest|most common)(?: \d{1,2}| three| five| ten)? (?:things|stuff|issues|points|subjects)"
               r" (?:that )?(?:people|customers|clients|guests|folks?|they|members|patients|diners|users|buyers|everyone)"
               r" (?:[\w'-]+ )?(?:talk|chat|write|moan|complain|rave|go on|mention|bring up|say)\w*(?: about)?\b")
THEME_CUES = (
    (SOURCE_THEN_TOPIC, -0.6),
    # (lane probe26a) "the 3 things people are happiest about", "two things regulars are least pleased
    # with": the themes counted, by the feeling they carry (no topic)
    (r"\b(?:the |our )?(?:top |main |biggest )?(?:\d{1,2}|one|two|three|four|five|six) (?:things|bits|aspects|parts|points) "
     r"(?:that )?(?:[\w'-]+ ){0,2}?(?:are |is |were |seem |feel )?(?:(?:most|least) (?:happy|pleased|delighted|chuffed|unhappy|annoyed|"
     r"upset)|happiest|unhappiest|best pleased|chuffed|delighted|pleased|unhappy|annoyed|upset|grumpiest) (?:about|with|over)\b", 1.2),
    # (lane probe24b) "the griping at the after-sales stage in q3", "all the moaning in the survey comments
    # last month": the gripes themselves named as a noun, no topic, where (a stage, a source) or when
    (r"^(?:[\w' -]{1,30}: )?(?:the |all the |any )?(?:griping|moaning|grumbling|complaining|whing(?:e)?ing|moans|gripes|"
     r"grumbles|ranting|raving|praise) (?:at|in|during|over|across|from) (?:the |our )?(?:[\w-]+ ){0,2}"
     r"(?:stage|step|bit|part|surveys?|survey comments|tickets|support tickets|reviews|feedback|q[1-4]|month|week|quarter|year)\b", 1.2),
    # (lane probe17a) "what's got people moaning in the tickets", "what's had the regulars griping
    # lately": what set the people off, no topic named
    (r"\bwhat(?:'s|s| has| is)? (?:got|had|been getting|getting|been having|having) (?:[\w'-]+ ){1,3}?(?:moaning|complaining|"
     r"grumbling|whing(?:e)?ing|griping|ranting|giving out|raving|gushing)\b(?! about (?:the |our |their )?(?!us\b)\w)", 1.2),
    # (lane probe17a) "what do riders love most about the club", "what do members like least about us":
    # the praise (or the gripes) about the business as a whole, no topic named
    (r"\bwhat (?:do|does|did) (?:[\w'-]+ ){1,4}?(?:love|like|enjoy|value|hate|dislike)(?: (?:most|best|the most|least))? about "
     r"(?:us|me|it|the place|the (?:[\w'-]+ )?(?:club|shop|studio|clinic|practice|business|salon|spa|venue|rink|school|team|service|gym|cafe|bar|pub|restaurant|store|"
     # (lane probe20c) "what do the mums and dads love about the classes": what the place runs, in the trade's word
     r"garage|farm|site|website|app|brand|company|firm|surgery|centre|center|" + TRADE_UNIT + r")|"
     # (lane probe25c) "what do customers enjoy about the ironmonger's": the place called by its trade's possessive
     r"the [a-z-]+'s)"
     r"(?=\s*(?:$|[?.!,;:]|(?:in|on|at|from|over|during|since|last|this|these|lately|recently|so far)\b))", 1.2),
    # (lane ps9) "what are the diners at the persian place giving out about this month", "what are members
    # happiest about at the club": the people named at length, then the feeling, no topic given
    (r"^(?!.*\babout\b.*\babout\b).*?\bwhat(?:'s| is| are| do| did| have| has| were)? (?:(?!they\b|[a-z]*\d)[\w'-]+ ){1,8}?(?:(?:always|still|most|mostly|really|been) )?"
     r"(?:complain\w*|moan\w*|grumbl\w*|gripe\w*|griping|whing\w*|" + _DIALECT_COMPLAINT + r"|happiest|unhappiest|"
     r"most (?:pleased|happy|unhappy|annoyed|upset|delighted)|pleased|upset|annoyed|delighted|chuffed|"
     # (lane probe18b) "what do the kids and parents rave about at the park": the praise, no topic named
     r"rav(?:e|es|ed|ing)|gush(?:es|ed|ing)?) (?:about|over|with|on)\b"
     + _NO_TOPIC, 1.2),
    # "what's been upsetting the families most", "what's annoying the tenants lately": whatever the people are called
    (r"\bwhat(?:'s|s| is| has been|'s been| was)? (?:(?:really|most|mostly|always|still) )?(?:annoying|bugging|bothering|irritating|"
     r"frustrating|upsetting|riling|irking|niggling|pleasing|delighting|impressing|disappointing) (?:our |the |my |all the )?"
     r"(?:[\w-]+ ){0,2}?[a-z]+s(?: (?:most|the most|lately|recently|so much|this|these|over|since|in)\b|\s*[?.!]*$)", 0.9),
    # "main things people mention about the purchase stage": what is said at a stage of the journey,
    # summed up (themes of that stage), not a search for the words "purchase stage"
    (r"\b(?:main|top|biggest|key|common|usual) (?:things?|points?|topics?|issues?)\b.{0,40}\b(?:about|at|in|during|around) "
     r"(?:the |our )?[\w-]+ (?:stage|step|phase)\b", 1.3),
    (SAYING_AT_ALL, 0.8),
    (_BLAMED_FOR, 0.9),
    (_TALKING_ABOUT, 0.8),
    (_TOP_THINGS, 1.0),
    (_OVERVIEW_OF_SAYING, 0.6),
    # "top 5 things people love about us", "stuff guests can't stand about the place": what they like or hate, no topic
    (r"\b(?:things?|stuff|bits?) (?:[\w'-]+ ){0,2}(?:love|loves|like|likes|adore|enjoy|appreciate|value|hate|hates|dislike|"
     r"dislikes|can'?t stand|cannot stand) (?:most |best |least )?(?:about|in|at) (?:us|our (?:\w+ )?(?:shop|business|place|service|"
     r"salon|cafe|studio|store)|the (?:shop|business|place|service|salon|cafe|studio|store))\b", 0.8),
    # "top things people love about the food tours", "the 3 main things members hate about the club":
    # a ranked list of what they like or hate, whatever the place is called (the ranking is the themes')
    (r"\b(?:top|main|biggest|best|worst|key|favou?rite)(?: \d+| (?:three|five|few|couple of))? (?:things?|bits?|aspects?) "
     r"(?:[\w'-]+ ){0,2}(?:love|loves|like|likes|adore|enjoy|appreciate|value|hate|hates|dislike|dislikes|can'?t stand|cannot stand) "
     r"(?:most |best |least )?(?:about|in|at)\b", 0.9),
    # "what are the punters giving out about this month?", pidgin "wetin customers dey complain about?"
    (r"\b(?:what|wat|wot)(?:'s| is| are| do| did| have| has| were)? (?:\w+ ){0,3}(?:(?:always|still) )?"
     + _DIALECT_COMPLAINT + r" (?:about|over|on|for|with)\b|"
     r"\bwetin\b.{0,40}\b(?:complain\w*|moan\w*|vex\w*|para|yarn\w*|talk\w*|gripe\w*|grumbl\w*|worry|bother|pain)\b"
     # (a topic named after it is looked for: a search)
     r"(?! (?:about|over|on|concerning) (?:the |our |una |di |dis |your )?" + NOT_WHEN_OR_WHERE + r"[a-z]{3,})", 0.8),
    # "what's got burger van punters cheesed off this month", "what's getting the regulars so fed up":
    # what the feeling is about, no topic given
    (r"\bwhat(?:'s|s| has| is| have)? (?:been )?(?:got|getting|gotten|making|leaving) (?:[\w'-]+ ){0,5}?(?:so |really |all )?(?:"
     + _DIALECT_COMPLAINT + r"|fed up|annoyed|upset|angry|cross|mad|unhappy|frustrated|miffed|grumpy|(?:riled|wound|worked|het) up|"
     r"happy|chuffed|delighted|pleased|buzzing|excited)\b", 0.9),
    # "anything new people are giving out about since last week?", "anything fresh the guests are griping
    # about": what they complain of lately, no topic given (not the new visitors)
    (r"\banything (?:new|fresh|else|different) (?:that )?(?:[\w'-]+ ){0,2}(?:are|is|have been|has been|been|keep|keeps) (?:still )?"
     r"(?:complain\w*|moan\w*|grumbl\w*|grip\w*|whing\w*|" + _DIALECT_COMPLAINT + r") (?:about|over|on)\b" + _NO_TOPIC, 1.2),
    # "what are people on about in the reviews": what they talk about, no topic given
    (r"\bwhat (?:are|is|were|was|have|has) (?:[\w'-]+ ){1,3}(?:been )?on about\b", 0.8),
    # "what do customers keep bringing up when they write in": what recurs, no topic given ("what")
    (r"\b(?:what|wetin)\b (?:[\w'-]+ ){0,7}keeps? (?:on )?(?:bringing up|raising|mentioning|going on about|talking about|coming back to|coming up|cropping up|"
     r"harping on about|banging on about|asking (?:about|for))\b", 0.9),
    # "the stuff customers keep asking for", "things people keep bringing up": what recurs, no "what"
    (r"\b(?:stuff|things?|bits|requests) (?:[\w'-]+ ){0,2}keeps? (?:on )?(?:asking (?:about|for)|bringing up|raising|mentioning|"
     r"requesting|going on about|talking about)\b|"
     # "what do guests wish we did differently": what they would change, in their words
     r"\bwhat do (?:[\w'-]+ ){0,3}wish (?:we|you|they|the [\w-]+|i) (?:did|had|would|could|offered|sold|stocked|changed|"
     r"did differently|'d)\b", 0.8),
    # "any themes at all, even ones only 2 customers mention": small themes too
    (r"\b(?:even|including|incl\.?|also) (?:the )?(?:ones?|themes?|topics?|those) (?:that )?(?:only|just) (?:\w+ ){0,2}"
     r"(?:mention\w*|raised?|brought up|bring up|talk about|said)\b", 0.5),
    # "common themes in what people say about after-sales", "the main topics across what members write":
    # the themes asked of what they say (the words after "about" narrow them, never a search)
    (r"\b(?:themes?|topics?|threads?) (?:in|of|across|from|running through) (?:what|everything|all (?:that|the things)) ", 1.0),
    (r"\bthemes?\b|\btopics?\b|\brecurring\b|\bcrop(?:s|ping)? up\b|\bcomes? up\b|\bkeeps? (?:coming|cropping)\b|"
     r"\bsummar(?:y|ise|ize|ising|izing)\b|\bmain (?:issues|complaints|problems|things?|gripes)\b|"
     r"\b(?:top|common|biggest|main|most common|recurring|key|usual|frequent) (?:complaints?|issues?|problems?|gripes?|beefs?|"
     r"grievances?|bugbears?|moans?|grumbles?|whinges?|"
     r"praise|compliments?|topics?|themes?|pain points?|niggles?|requests?)\b|\bpain points\b|"
     # (lane probe24c) "swan feedback - main talking points", "the big talking points in the reviews"
     r"\btalking[- ]points?\b|\b(?:main|big|hot|key) (?:subjects?|talk)\b|"
     # "the common thread in negative feedback", "sum up what people are saying"
     r"\bcommon (?:threads?|denominators?|patterns?)\b|\bsum (?:up|it up)\b|\bgist\b|\bin a nutshell\b", 0.6),
    (OPEN_ABOUT, 0.6),
    # "anything new people are complaining about?", "stuff folks keep moaning about"
    (r"\b(?:(?:anything|things?|stuff) (?:new )?(?:\w+ ){0,2}|what(?:'s|s) (?:\w+ ){0,2})(?:(?:are|is|have been|has been|keep|keeps) )?(?:\w+ )?"
     r"(?:complain\w*|moan\w*|whing\w*|grumbl\w*|gripe\w*|rav\w*|gush\w*|prais\w*) (?:about|over|on)\b", 0.8),
    (r"\bthe main thing\b|\bwhat (?:issues|problems|complaints|topics)\b", 0.3),
    (r"\bwhat(?:'s|s)? (?:\w+ ){0,2}(?:annoys|bothers|frustrates|upsets|irritates|pleases|delights|impresses|disappoints|"
     r"angers|puts? (?:people|customers|them|folk) off|putting (?:\w+ ){0,2}off)\b|"
     # "what's annoying customers this month", "what's bugging our regulars": what the feeling is about
     r"\bwhat(?:'s|s| is| are|'re| has been|'s been| was| were)? (?:(?:really|most|mostly|always|still) )?(?:annoying|bugging|bothering|"
     r"irritating|frustrating|upsetting|riling|irking|winding up|getting to|niggling|pleasing|delighting|impressing|disappointing) "
     r"(?:our |the |my |all the |all our )?(?:[\w-]+ ){0,2}(?:customers|clients|people|folks?|guests|patients|punters|visitors|"
     r"shoppers|regulars|members|diners|buyers|users|them|everyone|everybody)\b|"
     r"\b(?:mention|talk about|bring up|say|raise|write about) (?:the )?most\b|\bmost (?:mentioned|talked about|common)\b", 0.6),
    (r"\bwhat do (?:\w+ ){0,3}(?:like|love|enjoy|hate|dislike|value|rate)(?: (?:best|most|least))?(?: about us)?\s*\??$", 0.6),
    # "what gets praised most at the kennels", "what's complained about the most": the themes of that side
    (r"\bwhat(?:'s| is| gets| got| has been| was| were| are)? (?:most )?(?:praised|complimented|loved|raved about|criticised|criticized|"
     r"complained about|moaned about|grumbled about|slated)(?: (?:the )?most)?\b|"
     # "what's been getting good reviews lately": what the good (or bad) reviews are of
     r"\bwhat(?:'s| has| is)? (?:been )?(?:getting|receiving|drawing|earning|attracting) (?:good|great|glowing|rave|nice|bad|poor|"
     r"terrible|awful|negative|positive) (?:reviews|feedback|ratings|comments|press)\b", 0.8),
    # (not counted: "how many of the fishery complaints got put to bed" is a count of tickets, tune31;
    # nor the backlog: "complaints still open at the deli" are tickets not yet closed, ps27;
    # (lane probe25a) nor what became of them or when they land: "complaints we closed off", "what
    # share got sorted", "still waiting on us", "what clock hour do the complaints land" are the desk's figures)
    (r"^(?!.*\bhow many (?:of )?(?:the |our |those )?(?:[\w'-]+ ){0,2}?(?:gripes|grumbles|moans|complaints|whinges|grievances)\b)"
     r"(?!.*\b(?:closed off|close off|closed|sorted|put right|dealt with|resolved|waiting on us|sitting open|"
     r"(?:what|which) (?:clock )?hour|what time of (?:the )?day|which (?:day|weekday|month) of)\b)"
     r"(?!.*\b(?:gripes|grumbles|moans|complaints|whinges|grievances) (?:(?:are|is|that are|we have) )?(?:still|yet) "
     r"(?:open|outstanding|unresolved|unsorted|pending|unanswered|not (?:yet )?(?:resolved|sorted|closed|fixed))\b)"
     r".*?\b(?:gripes|grumbles|moans|complaints|whinges|niggles|bugbears|beefs|grievances|praise|compliments)\b", 0.3),
    # "what's all the fuss about?", "what's the buzz on social?": what people are talking about
    (r"\bwhat(?:'s| is|s)? (?:all )?the (?:fuss|buzz|chatter|noise|talk|hoo-?ha)\b|"
     # "the general chatter in the feedback", "the overall buzz in the reviews": what people talk about
     r"\b(?:general|overall|usual|main|latest|recent) (?:chatter|buzz|talk|gossip|noise|drift)\b(?=.{0,30}\b(?:feedback|reviews?|"
     r"comments|surveys?|tickets|messages|customers|clients|people)\b)|"
     # "what's the word on the street about us", "what's the word going round, feedback-wise"
     r"\bword on the (?:street|grapevine)\b|\bwhat(?:'s| is) the word (?:going round|out there|on)\b", 0.8),
    # "any patterns in the reviews?": what recurs in what people wrote
    (r"\bpatterns?\b.{0,30}\b(?:reviews?|feedback|comments|complaints|tickets|surveys?)\b|"
     r"\b(?:reviews?|feedback|comments|complaints|tickets|surveys?)\b.{0,30}\bpatterns?\b", 0.6),
    # "what's got people riled up?", "anyone up in arms?": what the feeling is about
    (r"\b(?:got|getting|gotten|has|have) (?:\w+ ){0,2}(?:riled|wound|worked|fired|het) up\b|\bup in arms\b|"
     r"\b(?:got|gets|getting|put|puts|putting) (?:[\w']+ ){0,2}backs? up\b", 0.8),
    # "what's everyone banging on about?", "any new gripes popping up?": what comes up, no topic given
    (r"\b(?:banging|going|harping|rabbiting|droning|keep|keeps) on about\b(?! (?:the |our |their |a |an )?(?!in\b|at\b|lately\b|"
     r"recently\b|these\b|this\b|over\b)[a-z]{3,})|"
     r"\b(?:pop(?:s|ping)?|spring(?:s|ing)?) up\b|"
     r"\b(?:new|fresh|emerging|latest) (?:gripes|complaints|issues|problems|niggles|moans|grumbles|themes|topics|praise)\b", 0.55),
    # (tune32) "any fresh bento gripes compared with last week": new moans about the trade's own goods
    # set against an earlier span are the themes that came up, not a KPI comparison
    (r"\b(?:any|what|which) (?:new|fresh|emerging|different) (?:[\w'-]+ )?(?:gripes|complaints|moans|grumbles|niggles|whinges|"
     r"issues|problems)\b", 0.7),
)


# "and what about the good stuff?" after the complaints: the same themes, the other side
THEME_FOLLOW_UPS = (
    r"^(?:and |so |ok,? |okay,? |now )?(?:what about |how about |and )?(?:all )?(?:the )?(?:good|nice|positive|happy|kind|lovely|"
    r"great|bad|negative|unhappy|not so good|less good) (?:stuff|things|bits|side|ones|news|comments|feedback|points|reviews)"
    r"(?: (?:people|they|customers|clients|folks) (?:said|say|wrote|write|mentioned))?(?: then)?\s*[?.!]*$",
)

# Asks of lane g-probe13b, a block of their own so merges keep both sides.
THEME_CUES += (
    (r"\bwhat (?:are|is|were|was|have|has) (?:the |our |my |their |all the )?(?:[\w'-]+ ){0,2}?(?:tickets|reviews|comments|"
     r"complaints|messages|surveys?|survey answers|e-?mails|feedback|replies|write-?ups)(?: been)? (?:mostly|mainly|usually|"
     r"largely|generally|normally|typically|all|really)? ?about\b" + _NO_TOPIC, 1.2),
)
# (lane probe19a) "what do couples love most about our cakes", "what do guests like least about the
# cottages": what the trade sells, liked or disliked the most, is the praise (or gripes) as a whole,
# the themes, the article said or not (ps25: "about barre"; without "most" or "least" a thing named is
# a topic to search); "what's coming up again
# and again in the tickets", "what crops up over and over in the reviews": what recurs, the themes
THEME_CUES += (
    (r"\bwhat (?:do|does|did) (?:[\w'-]+ ){1,4}?(?:love|like|enjoy|value|hate|dislike) (?:most|best|the most|least|the least) about "
     # (lane probe21c) also a mass noun ("the congee", "the porridge"): the trade's goods as a whole
     r"(?:(?:our|the|my) (?:[\w'-]+ ){0,2}?)?[\w'-]+(?=\s*(?:$|[?.!,;:]|(?:in|on|at|from|over|during|since|last|this|lately|recently)\b))", 1.2),
    (r"\bwhat(?:'s|s| is| are| has| have)? (?:been )?(?:coming|come|came|cropping|cropped|popping|popped|turning|turned) up "
     r"(?:again and again|over and over(?: again)?|time and (?:time )?again|again|repeatedly|(?:a )?lot|the most|most(?: often)?)\b", 1.2),
)
# (lane tune31) "people complain about what one", "customers moan about what ah": the question word
# left at the end (Singaporean and texting English), what they complain about, the themes
THEME_CUES += (
    (r"\b(?:complain\w*|moan\w*|grumbl\w*|whing\w*|gripe\w*|grous\w*|rav\w*|prais\w*) (?:about|over|on) what\b"
     r"(?! (?:we|they|you|i|the|our|their|it|is|was|time|day)\b)|"  # ps25: "griping in the tickets, what about mostly"
     r"\b(?:complain\w*|moan\w*|grumbl\w*|whing\w*|gripe\w*|griping|grous\w*|rav\w*|prais\w*)\b.{0,40}?,? what about (?:mostly|mainly|usually)?\s*[?.!]*$", 1.0),
)
# (lane ps22) "what makes players unhappy with the league", "what's making regulars cross at the pub":
# what puts the people in a mood, the place named or not, is the praise (or gripes) as a whole
THEME_CUES += (
    (r"\bwhat(?:'s| is)? (?:makes|made|making|keeps making) (?:[\w'-]+ ){1,3}?(?:so )?(?:unhappy|happy|annoyed|angry|upset|cross|"
     r"frustrated|pleased|dissatisfied|satisfied|fed up|grumpy)(?: (?:with|about|at|in) (?:us|the|our|my) ?(?:[\w'-]+)?)?" + _NO_TOPIC, 1.2),
)
# (lane probe24a) "big talking points in the feedback", "hot topics in the reviews": what people talk
# about most, the themes
THEME_CUES += (
    (r"\btalking[- ]points?\b|\bhot (?:topics?|button issues?)\b", 1.0),
)
# (lane probe28c) "all the moaning from the pool members this month, what's it about", "the griping this quarter -
# what's that all about": the gripes named first, then what they are about asked with "it" or "that"
# (no topic: the themes; negative through the gripe word)
THEME_CUES += (
    (r"^(?:[\w' -]{1,30}: |(?:[\w'-]+ ){1,3}?)?(?:the |all the |any |so much |this )?(?:griping|moaning|grumbling|complaining|whing(?:e)?ing|moans|gripes|"
     r"grumbles|giving out|ranting|complaints)\b.{0,60}?\bwhat(?:'s|s| is| was| are| were)? (?:it|that|this|they|those|all that)"
     r"(?: all| mostly| mainly)? about\b\s*(?:then|really|mostly|mainly|kindly|please|pls|ya|eh|lah|o|bro|mate|boet|chale|sasa|innit)?"
     r"\s*[?.!]*$", 1.2),
    # "what's got the walrus quiz punters moaning this quarter": what set the people off, named in more words
    (r"\bwhat(?:'s|s| has| is)? (?:got|had|been getting|getting) (?:the |our |my )?(?:[\w'-]+ ){3,5}?(?:moaning|complaining|"
     r"grumbling|whing(?:e)?ing|griping|ranting|giving out|raving|gushing)\b(?! about (?:the |our |their )?(?!us\b)\w)", 1.2),
)
