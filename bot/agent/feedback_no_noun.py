"""Feedback and journeys asked in plain words, with no feedback noun (lane probe27c, from its
probe's and blind26's misses): "anyone moaning that the crust has gone soft?", "has anybody
brought up the parking" (whether someone said something about a topic: the texts on it, a
search); "the stuff people rate us for", "what do they reckon we do well", "what's getting up
people's noses" (the praise or the gripes, as themes); "which step of the journey leaves them
sourest" (the mood by stage); "the loyalty lot's journey next to the newsletter lot's" (two
maps side by side) and "a customer's trip, first glance to the till" (the whole map)."""

from __future__ import annotations

# Who might have said it: anyone at all, or the customers by any everyday name
_ANYONE = (r"(?:any ?one|any ?body|any ?1|(?:the )?(?:people|peeps|folks?|ppl|punters|customers|buyers|clients|guests|"
           r"shoppers|regulars|diners|visitors|patrons|users)|(?:the )?[\w'-]+ (?:lot|crowd|folk|buyers|customers|regulars))")
# Saying something, complaining or pointing it out, in everyday verbs
_SAID = (r"(?:moan\w*|grumbl\w*|whing\w*|whinge\w*|grip(?:e|es|ed|ing)|carp(?:s|ed|ing)?|kvetch\w*|rant\w*|crib+\w*|"
         r"(?:bang\w*|go(?:es|ing|ne)?|been|on) on about|on about|kick\w* up (?:a )?(?:fuss|stink|row)|kick\w* off|"
         r"ha(?:d|ve|s|ving) a (?:go|pop|dig)(?: at us)?|brought up|bring\w* up|rais\w*|remark\w*(?: on)?|"
         r"comment\w*(?: on)?|mention\w*|complain\w*|giv(?:e|es|ing) out|gave out|flag+\w*(?: up)?|pick\w* up on|"
         r"(?:say|said|saying|says) (?:anything|owt|something|aught|a word|much))")
_LEAD = r"^(?:[\w'-]+(?: [\w'-]+){0,3}[,:] )?(?:(?:kindly |please |pls |just )?(?:check|see|find out|tell me|look) (?:if|whether) )?"
_AUX = r"(?:has|have|had|is|are|was|were|did|do|does|been|ever|else|at all|lately|recently|still)"
# Cue of feedback_search: whether anybody said something about a topic, the topic said after it
# (not "what are people moaning about", the themes; not "are customers complaining more", a mood)
ANYONE_SAID_CUES = (
    (_LEAD + rf"(?:{_AUX} )?{_ANYONE} (?:{_AUX} )*{_SAID}"
     r"(?: (?:about|bout|over|on|that|re|regarding|at us (?:over|about)|of)\b (?!(?:us|me|it|this|anything|much|lately|"
     r"recently|more|less|it all|what|which|wetin|whatever|most|the most)\b)| (?=(?:the|our|how|their|di) ))", 1.2),
)
# Themes: what they praise ("the stuff people rate the tea room for", "what do they reckon we do
# well", "what do the sauce lot keep praising") or what annoys them ("getting up people's noses",
# "what do people hate about shopping on the site"); POSITIVE_SAID / NEGATIVE_SAID set the polarity
POSITIVE_SAID = (r"\b(?:what|wot|wots|what's|whats|the (?:stuff|things?|bits?))\b.{0,50}?\brate (?:us|me|the [\w'-]+(?: [\w'-]+)?|"
                 r"our [\w'-]+(?: [\w'-]+)?) for\b(?! (?:a |the )?(?:score|number|mark|rating|out of|\d))|"
                 r"\bwhat\b.{0,50}\b(?:reckon|think|say|feel|believe)s? (?:we|the [\w'-]+) (?:do|does|did|are doing|'re doing|get) "
                 r"(?:really |very |especially |particularly |so )?(?:well|right|best)\b|"
                 r"\bwhat (?:do|does|did) (?:[\w'-]+ ){1,4}(?:keep |always |often |usually )(?:prais\w*|compliment\w*|"
                 r"rav\w* about|gush\w* about|thank\w* us for)\b|"
                 # "what do folk enjoy about our restorations" (not "like least": the plan reads that as gripes;
                 # not "what does the journey look like with ...")
                 r"\bwhat (?:do|does|did) (?:[\w'-]+ ){1,4}(?:enjoy|love|(?<!look )(?<!looks )(?<!seem )(?<!seems )(?<!sound )(?<!sounds )(?<!feel )(?<!feels )like|value|adore|"
                 r"appreciate)(?: (?:most|best|the most))? "
                 r"(?:about|in|with)\b")
NEGATIVE_SAID = (r"\bget(?:s|ting)? up (?:people's|peoples|folks'?|folk's|customers'?|their|everyone's|the [\w'-]+(?:'s)?) noses?\b|"
                 r"\bget(?:s|ting)? on (?:people's|peoples|folks'?|customers'?|their|everyone's) (?:nerves|wick|goat)\b|"
                 r"\bget(?:s|ting)? (?:people's|peoples|folks'?|customers'?|their) (?:backs|goat|hackles) up\b|"
                 r"\bwhat (?:do|does|did) (?:[\w'-]+ ){1,4}(?:hate|loathe|detest|can'?t stand|dislike) (?:about|in|with)\b")
THEMES_SAID_CUES = ((POSITIVE_SAID, 1.2), (NEGATIVE_SAID, 1.2))
# Sentiment by stage: the step of the journey where people are sourest or happiest
_MOODIEST = (r"(?:sourest|grumpiest|crabbiest|crankiest|crossest|gloomiest|unhappiest|happiest|cheeriest|angriest|saddest|"
             r"moodiest|most (?:sour|grumpy|crabby|cranky|cross|gloomy|unhappy|happy|cheerful|annoyed|fed up|cheesed off))")
STEP_MOOD_CUES = (
    # (not "the sourest comments", "the unhappiest ratings out of 5": a score compared by stage, satisfaction_by's)
    (r"\b(?:which|what) (?:(?:journey|customer) )?(?:step|stage|part|bit|point|leg|phase)\b.{0,60}?\b" + _MOODIEST +
     r"\b(?! (?:[\w-]+ )?(?:comments?|ratings?|scores?|reviews?|marks|stars|satisfaction|csat|nps)\b)", 1.2),
)
# Journey maps: two groups' journeys next to each other ("the loyalty lot's journey next to the
# newsletter lot's", "vip buyers and loyalty card holders side by side, journey wise"), not a KPI
# or a route set beside another; and the whole trip "from first look to the till"
_NOT_MAP = (r"^(?!.*\b(?:conver\w*|revenue|orders|sales|takings|spend\w*|bookings|drop-?offs?|paths?|routes?|funnel|"
            r"steps?|feel\w*|sentiment|nps|csat|how many)\b)")
JOURNEYS_BESIDE_CUES = (
    (_NOT_MAP + r".*(?:\bjourneys?\b.{0,60}\b(?:next to|beside|alongside|side by side)\b|"
     r"\b(?:next to|beside|alongside|side by side)\b.{0,40}\bjourneys?(?:[- ]?wise)?\b)", 1.0),
    (_NOT_MAP + r"(?=.*\b(?:journey|trip|road|voyage|story)s?\b).*\b(?:first|1st) (?:look|glance|peek|sight|click|visit|hello|"
     r"contact|hearing)\b.{0,20}\b(?:to|till|until|thru to|through to|right through to|all the way to) (?:the )?(?:till|tills|"
     r"checkout|counter|cash register|register)\b", 1.0),
)
