"""(lane probe29c) Feedback, customer, persona and alert asks said in idiom, each a cue of the tool
it asks for (hooked into the tools' cue lists in bot/agent/*_tools.py).

Themes: "owt new that's got the regulars narked since last week" (what is new to complain of, not
a compare of two weeks), "clients kvetching about anything in particular" (no topic: "anything"),
"which things do buyers go on and on about in a good way" (what recurs, with its feeling), "what
are diners appreciating most in their feedback". Search: "what have folk in Clifton been writing
about us" (what a place's people wrote: their words, not themes). satisfaction_by: "is the tone of
feedback gloomier for certain client segments" (sentiment split by segment, which only
satisfaction_by can). Open alerts: "how many alerts are firing right now". Customers: "regulars on
the way out" (at risk), "freshly at risk since the last scoring run" (newly at risk), "what's the
next thing to do with the customers" and "worth tempting back" (next best actions). Personas: "card
3 once more, in full" (show it), "that one we're looking at, save it" (save the card in focus).
No tool: "best time of year to pull the traps", "to harvest the beans": the owner's craft, not a
time of day or month in the data.
"""

from __future__ import annotations

_PEOPLE = (r"(?:customers?|clients?|buyers?|shoppers?|guests?|diners?|folks?|people|punters|regulars|members|patients|"
           r"pupils|students|visitors|users|fans|bookers|owners|subscribers|patrons|tenants|families|parents|delis|cafes|lot|crowd)")
_GRIPE_VERB = (r"(?:complain\w*|moan\w*|grumbl\w*|whing\w*|grip\w*|kvetch\w*|bellyach\w*|grizzl\w*|girn\w*|"
               r"crib\w*|grous\w*|carp\w*|bitch\w*|giving out|rav\w*|gush\w*)")
_SORE = (r"(?:narked|peeved|miffed|vexed|riled|irked|(?:cheesed|browned|hacked|brassed) off|fed up|annoyed|upset|"
         r"unhappy|grumpy|mardy|cross|angry|mad)")

THEME_IDIOM_CUES = (
    # "owt new that's got trug buyers narked since last week?", "anything fresh getting the guests riled"
    (r"\b(?:anything|owt|aught|summat|something|any ?thing) (?:new|fresh|different) (?:that(?:'s| has| is)? )?"
     r"(?:got|getting|gotten|made|making|had|left|leaving) (?:[\w'-]+ ){0,4}?(?:so |really |all )?(?:" + _SORE + "|" + _GRIPE_VERB + r")\b", 1.2),
    # "summat new folk are complaining about at the stall since last week?": what is new to gripe of
    (r"\b(?:anything|owt|aught|summat|something) (?:new|fresh|different) (?:that )?(?:[\w'-]+ ){0,2}(?:are|is|have been|has been|been|"
     r"keep|keeps) (?:still )?" + _GRIPE_VERB + r" (?:about|over|on)\b", 1.5),
    # "what the delis love about our pesto", "what the regulars hate about the new menu": said without "do"
    (r"^(?:[\w' -]{1,30}: )?what (?:the |our |my )?(?:[\w'-]+ ){0,2}?" + _PEOPLE + r" (?:really |most |all )?(?:love|loves|like|likes|"
     r"enjoy|enjoys|adore|adores|rave about|raves about|hate|hates|dislike|dislikes|can'?t stand) (?:most |best |least )?"
     r"(?:about|in|with)\b", 1.2),
    # "clients kvetching about anything in particular this month?", "are guests moaning about owt?":
    # complaints with no topic ("anything" is none)
    (r"\b" + _GRIPE_VERB + r" (?:about|over|on) (?:anything|owt|aught|summat|something|stuff|things)"
     r"(?: (?:in particular|specific(?:ally)?|much|at all|lately|recently))?\b(?! (?:to do with|about|like)\b)", 1.2),
    # "which things do buyers go on and on about in a good way", "what stuff do members bang on about":
    # what recurs in what they say, no topic named
    (r"\b(?:what|which) (?:things?|stuff|bits|topics|subjects) (?:do|does|did|are|is) (?:[\w'-]+ ){1,4}?"
     r"(?:go(?:ing)? on(?: and on)?|bang(?:ing)? on|harp(?:ing)? on|talk(?:ing)?|chat(?:ting)?|rav(?:e|ing)|"
     r"gush(?:ing)?|" + _GRIPE_VERB + r") (?:about|over)\b", 1.2),
    # "what vermicelli diners are appreciating most in their feedback", "what the members value most in reviews"
    (r"\bwhat (?:(?:are|is|were|have been|has been) )?(?:[\w'&-]+ ){1,4}?(?:(?:are|is|were|have been|has been) )?(?:most )?(?:appreciating|valuing|enjoying|loving|praising|"
     r"rating|hating|disliking) (?:(?:the )?most|best|least)?\s*(?:in (?:their|the|our) (?:feedback|reviews|comments|surveys|"
     r"tickets|messages)|lately|recently|these days|$|[?.!,])", 1.2),
)

# in a good (bad) way: the feeling the themes carry, said after what they talk about
GOOD_WAY = r"\bin a (?:good|nice|positive|great) way\b|\bappreciat(?:ing|es|ed)\b|\bvalu(?:ing|es|ed) (?:the )?most\b"
BAD_WAY = r"\bin a (?:bad|negative|grumpy|nasty) way\b|\bgiving out\b"

# "what have folk in Clifton been writing about us", "what are Redland customers saying": a place's
# people and what they wrote, no topic: their words found, not the themes of everyone's
PLACE_SAID = (r"\bwhat (?:have|has|are|is|did|do|were) (?:the )?(?:[\w'-]+ ){0,2}?" + _PEOPLE + r" (?:from|in|living in|round|around|over in|up in|down in) "
              r"(?!the\b|our\b|their\b|a\b|surveys?\b|reviews?\b|tickets?\b|feedback\b|general\b|particular\b)[a-z][\w'-]+"
              r"(?: [a-z][\w'-]+)? (?:been )?(?:saying|writing|written|wrote|said|posting|posted|telling us)"
              r"(?: about (?:us|me|the (?:shop|place|business|firm|company)|it))?\s*(?:$|[?.!,])")
# "soap smell complaints in the support tickets", "complaints in the support tickets": what the
# tickets say, found (the themes only when ranked: "top complaints in the tickets")
TICKET_COMPLAINTS = (r"(?:^(?:show me |find |any |the )?|\b(?!(?:top|main|biggest|common|recurring|usual|new|any|the|what|which|most|"
                     r"key|frequent|fresh|latest)\b)[a-z]{3,} )complaints (?:in|from|on) (?:the |our )?support tickets\b")
SEARCH_IDIOM_CUES = ((PLACE_SAID, 1.0), (TICKET_COMPLAINTS, 1.0))

# "is the tone of feedback gloomier for certain client segments": the feeling split by CRM segment
SATISFACTION_IDIOM_CUES = (
    (r"\b(?:tone|mood|sentiment|feel)\b(?: of (?:the |our )?(?:feedback|comments|reviews))?.{0,40}\b(?:for|in|among|across|"
     r"between) (?:certain|some|particular|specific|any|different|the|our) (?:[\w'-]+ ){0,2}segments?\b", 0.9),
)

# "how many alerts are firing right now", "hoo mony alarms are going off": the open alerts
OPEN_ALERT_IDIOM_CUES = (
    (r"\bhow many (?:of (?:the|our) )?(?:alerts|alarms|warnings) (?:are|have|is) (?:currently |still |now )?(?:fir(?:ing|in'?|ed)|"
     r"going off|gone off|tripped|triggered|live|active|open|ringing|flashing|raised)\b", 1.2),
)

# "regulars on the way out", "clients halfway out the door": the people likely to leave
AT_RISK_IDIOM_CUES = (
    (r"\b" + _PEOPLE + r" (?:who are |that are |who'?re |are )?(?:on (?:the |their |t'|t )?way out|halfway out the door|"
     r"with one foot out the door|heading for the (?:exit|door))\b", 1.2),
)

# (not one part of a roundup: "the weekly digest, with ... who's newly at risk" is the digest)
_NOT_A_ROUNDUP = r"^(?!.*\b(?:round-?ups?|digests?|summary|summaries|briefings?|rundowns?|overviews?|recaps?)\b).*"
# "clients freshly at risk since the model's last scoring run", "who's newly slipped into high risk"
NEWLY_IDIOM_CUES = (
    (_NOT_A_ROUNDUP + r"\b(?:freshly|newly|just now|only just|recently) (?:become |gone |turned |slipped |landed |put )?(?:into |onto |on )?"
     r"(?:at[- ]risk|(?:high|at)[- ]risk(?: list)?)\b", 1.2),
    # "new high-risk regulars over the past 30 days": the ones new to the list
    (_NOT_A_ROUNDUP + r"\bnew (?:high[- ]risk|at[- ]risk) (?:[\w'-]+ ){0,3}?" + _PEOPLE + r"\b", 1.2),
)

# "per segment what's the next thing to do with zafu customers", "the next step to take with the
# regulars"; "worth tempting back": the next best actions
ACTION_IDIOM_CUES = (
    (r"\bwhat(?:'s| is|s)? (?:the |my |our )?(?:next|best next) (?:thing|step|move|play) (?:to (?:do|take|try|make) )?(?:with|for) "
     r"(?:the |our |my |each |every )?(?:[\w'-]+ ){0,2}?" + _PEOPLE + r"\b", 1.0),
    (r"\bworth (?:tempting|luring|coaxing|enticing|winning|bringing|getting|wooing|chasing) (?:back|round|again)\b", 0.5),
)

# "card 3 once more, in full", "card 2 again please, every detail": one draft card shown again, whole
SHOW_IDIOM_CUES = (
    (r"^(?:please |pls |kindly |ok,? |and |now )?(?:the )?(?:[\w'-]+ )?(?:card|persona) (?:\d|one|two|three|four|five|six)\b(?: (?:once more|again|"
     r"back up|please|pls))*,? (?:(?:in full|in detail|every detail|all of it|the whole (?:thing|lot|card)|full details?)\b|"
     r"(?:once more|again)\s*[?.!]*$)", 1.2),
)

# "that one we dey look at, save am", "the persona in focus, save it": the card in focus, saved
SAVE_IN_FOCUS = (r"^(?:the |that |this )?(?:[\w'-]+ )?(?:one|card|persona)(?: card)? (?:we(?:'re| are| dey| is)? (?:\w+ ){0,2}(?:looking|look|on)"
                 r"(?: at)?|in focus|on (?:the )?screen|you(?:'re| are) showing|(?:just )?shown)[^,]{0,20}, "
                 r"(?:please |pls |just )?(?:save|keep|store) (?:it|am|her|him|that|this)\b")

# "best time of year to pull the yabby traps", "when's best to harvest the lavender": the craft's
# season, no time of the shop's data (a time pattern only for the business's own doings)
CRAFT_SEASON = (r"\b(?:best|right|ideal|good) (?:time|month|season|week)(?: of (?:the )?(?:year|season|day))? to (?!(?:sell|open|post|"
                r"advertise|launch|run|hold|promote|email|market|discount|book|take|close|shut|price|raise|stock|list|hire|"
                r"staff|schedule|send|plan|start|do)\b)[a-z]+\b")
PATTERN_IDIOM_CUES = ((CRAFT_SEASON, -1.0),)

# "which stage of di journey people vex pass" (Pidgin "pass": the most): the step they are sourest at
SENTIMENT_IDIOM_CUES = (
    (r"\b(?:which|what) (?:(?:journey|customer) )?(?:step|stage|part|bit|point|phase)\b.{0,50}?\b(?:vex\w*|complain\w*|moan\w*|"
     r"grumbl\w*|grip\w*|whing\w*|grizzl\w*|kvetch\w*) (?:the )?most\b", 1.2),
)

# "canvas tent hire journey, the paying stage in detail": a journey map drilled into one stage
MAP_IDIOM_CUES = (
    (r"\bjourney\b.{0,30}\b(?:the |its )?[\w-]+ (?:stage|step) (?:in (?:full )?detail|close up|up close|zoomed in)\b", 1.0),
)

# "how to keep basil pesto green longer, what you suggest": the owner's craft, no customer in it
CRAFT_HOW_TO = (r"^(?:so |ok,? )?how (?:to|do (?:i|we|you)|can (?:i|we)|should (?:i|we)) (?:keep|stop|make|store) "
                r"(?!(?:customers|clients|them|people|buyers|regulars|members|guests|folks?|shoppers|users|diners)\b)"
                r"(?:[\w'-]+ ){1,4}?(?:fresh|green|crisp|soft|moist|cold|warm|dry|longer|from)\b")
ACTION_IDIOM_CUES += ((CRAFT_HOW_TO, -1.0),)
