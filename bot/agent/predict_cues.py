"""What owners say when they want each prediction tool (at-risk customers, newly at risk, the
revenue forecast, purchase likelihood, next best actions): weighted patterns that
bot/agent/ranking.py adds up. The specs that use them are in bot/agent/predict_tools.py; the
lifetime value's are in bot/agent/lifetime_cues.py."""

from __future__ import annotations

from bot.agent.likelier_when import LIKELIER_METRIC

# "who used to come every week but has slowed right down?", "used to pop in every few days,
# now they've tailed off": a regular below their own rhythm, the lapsing rule's customers
LAPSING = (r"\bused to (?:\w+ ){0,5}(?:every|each|often|regularly|weekly|daily|monthly|fortnightly|a lot|all the time|loads|lots|heaps|"
            r"tons|a ton|constantly|non-?stop|"  # (lane probe21c) "used to come in loads and have gone quiet": often
            r"religiously|like clockwork)\b.{0,60}\b(?:but|now|and|though|yet|have|has|had)\b.{0,40}\b(?:slow\w*|tail\w* off|"
            r"dropp\w* off|drop off|stopped|gone quiet|went quiet|less|rarely|hardly|barely|seldom|not as (?:often|much)|f[ae]ll\w* off|"
            r"dried up|cut (?:back|down)|eas\w* off|disappeared|vanished|"
            # "used to get a wash every week and now only every fortnight": a slower rhythm now
            r"only (?:\w+ ){0,3}?(?:every|once|twice|now and then|occasionally|the odd|now and again|every so often|once in a blue moon))\b|"
            # people slowing down, not a KPI ("orders have tailed off" is the KPI's change)
            r"\b(?:who|regulars?|customers|clients|members|guests|people|ones)\b(?: (?:who|that))? (?:has |have |'ve |had )?"
            r"(?:\w+ ){0,2}(?:slowed|slowing|tailed|tailing|trailed|trailing|eased|easing) (?:right |really )?(?:down|off)\b|"
            # "regulars who now order half as often as before": a share of their own rhythm
            r"\b(?:half|a third|a quarter|a fraction|nowhere near|not nearly) as (?:often|frequently|regularly)\b|"
            r"\b(?:a lot|much|far|way) less (?:often|frequently)\b|"
            # "clients who've stopped coming as often as they used to"
            r"\b(?:stopped|stop|not|n't|aren'?t|isn'?t|haven'?t been) (?:\w+ )?(?:coming|buying|ordering|visiting|booking|shopping|"
            r"popping) (?:in |by |round )?(?:as|so) (?:often|much|regularly|frequently)\b|"
            # "regulars who come in a lot less than they used to", "clients who book far less than they once did"
            r"\b(?:who|that)\b (?:[\w']+ ){0,4}(?:(?:a lot|much|far|way|quite a bit) )?less(?: often| frequently| regularly)? than (?:they|he|she) "
            r"(?:used to|did|once did|normally do|usually do)\b|"
            # (lane tune21b) "buyers who've slowed down to half their usual pace", "members below their normal
            # rhythm": people slowing against their own pace
            r"\b(?:who|that)(?:'ve|'s|'d)? (?:\w+ ){0,2}(?:slowed|slowing|tailed|tailing|eased|easing) (?:right |really )?(?:down|off)\b|"
            r"\b(?:half|a third|a quarter|a fraction|nowhere near|well below|below|under) (?:of )?(?:their|his|her|the) "
            r"(?:usual|normal|old|regular|typical|own) (?:pace|rate|rhythm|frequency|cadence|tempo)\b")

# "regulars who've gone from weekly to hardly ever buying", "clients who hardly ever book now":
# a fall against their own old rhythm, said as how rarely they come now
LAPSING += (r"|\b(?:gone|went|going|dropped|dropping|slipped|slipping|fallen|fell|gone down|drift\w*|slid\w*|mov\w*) from (?:\w+ ){0,6}to (?:hardly|barely|rarely|almost never|"
            r"next to never|now and then|now and again|every so often|once in a while|occasionally|the odd \w+|once in a blue moon)\b|\b(?:who|that|regulars?|customers|clients)\b.{0,30}\bhardly ever "
            r"(?:buy|come|order|book|visit|shop|pop)\w* (?:now|any ?more|these days|nowadays)\b")
# (lane probe20c) "who were weekly regulars for scones but have tailed right off", "once regulars
# at the range, now dropping off": a regular before, slower now (what they came for may be named)
LAPSING += (r"|\b(?:were|was|used to be|once) (?:\w+ ){0,2}regulars?\b.{0,40}\b(?:but|now|and)\b.{0,20}\b(?:slow\w*|"
            r"(?:tail|dropp|eas|f[ae]ll)\w* (?:right |really |way )?off|drop off|gone quiet|went quiet|dried up)")
# "which customers are ordering way less than they used to", "families booking far less than they
# once did": the people named, then their own slower rhythm (not "orders are down": the KPI's change)
LAPSING += (r"|\b(?:customers|clients|regulars|members|buyers|shoppers|guests|families|patients|people|folks?|ones|punters)\b "
            r"(?:[\w']+ ){0,3}?(?:(?:a lot|much|far|way|loads|quite a bit|heaps) )?less(?: often| frequently| regularly)? than "
            r"(?:they|he|she) (?:used to|did|once did|normally do|usually do)\b")
# (lane tune31) "regulars who came every week and now barely turn up", "members who now hardly show":
# the people named, their old rhythm, and how rarely they come now
LAPSING += (r"|\b(?:who|that|regulars?|customers|clients|members|guests|ones)\b(?: [\w']+){0,7}? (?:now|these days|nowadays) "
            r"(?:barely|hardly|rarely|seldom|almost never) (?:ever )?(?:turn|show|come|visit|book|order|buy|pop|shop|appear)\w*\b")
# (ps26) "riders who came weekly but hardly show now", "teams that used to enter every season and
# haven't signed up in ages": an old rhythm, then rarely or not for a long while
LAPSING += (r"|\b(?:who|that|which [\w-]+)\b (?:\w+ ){0,2}?(?:came|visited|booked|played|trained|ordered|bought|shopped|rode|swam|raced|entered|"
            r"(?:turned|showed|signed) up) (?:in |by |round |along )?(?:\w+ ){0,2}?(?:every \w+|weekly|daily|each \w+|all the time|"
            r"religiously|like clockwork)\b.{0,40}?\b(?:hardly|barely|rarely|seldom|almost never)\b|"
            r"\bused to (?:\w+ ){0,5}(?:every|each|often|regularly|weekly|daily|monthly|all the time)\b.{0,60}(?:n't|\bnot|\bnever)\b "
            r"(?:[\w']+ ){0,4}?(?:in|for) (?:ages|a while|months|weeks|years|yonks|a long time|donkey'?s years)\b")
# (lane probe28c) "punters who got a valet every week but hardly come round now", "folk who had a
# massage each month and barely book now", "regulars who popped in weekly but barely show": the old
# rhythm said with a service had or got, or a dropping in (not only came or bought), then rarely now
HAD_OFTEN_NOW_RARELY = (r"\b(?:who|that)\b (?:\w+ ){0,2}?(?:got|had|took|hired|rented|grabbed|used|picked up|popped|dropped|called|"
                        r"stopped|swung)(?: in| by| round| over)?(?: for)? "
                        r"(?:\w+ ){0,3}?(?:every \w+|weekly|daily|each \w+|all the time|religiously|like clockwork)\b.{0,40}?"
                        r"\b(?:hardly|barely|rarely|seldom|almost never)\b")
LAPSING += "|" + HAD_OFTEN_NOW_RARELY

# "include the ones who never booked too", "and existing customers as well": the other half added, everyone
WIDER = (r"\b(?:includ\w*|plus|as well as|add|adding|along with|together with|both)\b|\b(?:too|as well)\s*[?.!]*$|"
         r"\b(?:customers|clients|buyers) and (?:prospects|leads)\b|\b(?:prospects|leads) and (?:customers|clients|buyers)\b")


# "and if you look 5 years ahead?", "what about over three years?" after lifetime value: the same
# value counted over another horizon (a horizon said alone, nothing else asked)
HORIZON_FOLLOW_UP = (
    r"^\W*(?:(?:and|so|ok|okay|now|but|then|what about|how about)\b[ ,]*)*(?:if (?:we|you|i) (?:look|looked|go|went|take|took|"
    r"count|counted|use|used|stretch|stretched|extend|extended)(?: (?:it|that|out|forward))? |(?:looking|going|counting|stretching) |"
    r"(?:over|across|for|with|on|at|to|within) )?(?:the )?(?:next |coming |following )?(?:a |an |one |two |three |four |five |six |"
    # (lane probe28c) "and if we count two more years?": the years added said with "more"
    r"ten |twelve |eighteen |half a |\d{1,2} )(?:more |extra |further |additional )?(?:years?|months?|yrs?)(?: (?:ahead|out|forward|on|horizon|view|window|time))?"
    r"(?: (?:instead|then|ahead))?\s*[?.!]*$")
# "stretch that out to 180 days", "push it to 6 months" after a forecast: the same forecast over
# a longer (or shorter) horizon; groups 1 and 2 are its length
FORECAST_STRETCH = (r"^\W*(?:(?:and|so|ok|okay|now|but|then|can you|could you)\b[ ,]*)*(?:stretch|extend|push|take|make|widen|"
                    r"lengthen|bump|shorten|cut|trim)\w* (?:that|it|this|the (?:forecast|projection|outlook|window|horizon))"
                    r"(?: (?:out|forward|up|on|back|down))? (?:to|out to|for) (?:the next )?(\d+|thirty|ninety|six|twelve|three) "
                    r"(day|week|month)s?\b")
# (lane tune31) "compared with 3 days ago leh?", "and the new ones vs a week back?" after the newly at
# risk: the same list against another day, never a comparison of KPIs
NEWLY_AGAIN = (r"^\W*(?:(?:and|so|ok|okay|but|now|what about|how about)\b[ ,]*)*(?:(?:the )?(?:new|fresh) (?:ones|names|lot) |those |them )?"
               r"(?:compared (?:with|to)|vs\.?|versus|against|since|from) (?:a|an|one|two|three|four|five|six|\d{1,3}) "
               r"(?:days?|weeks?|fortnights?|months?) (?:ago|back|before|earlier)\b(?: \w+)?\W*$")

# What people say when they want each prediction (bot/agent/ranking.py).
AT_RISK_CUES = (
    # "which regulars look set to hang up their boots for good": leaving for good, in any trade's idiom
    (r"\b(?:regulars|customers|clients|members|punters|guests|ones|owners|people|folks?|[a-z]+ers)\b.{0,20}"
     r"\b(?:look(?:s|ing)? set|set|likely|about|going|ready) to (?:[\w']+ ){1,4}for good\b", 0.9),
    # Leaving said in other Englishes: "customers fixing to quit on us", "clients about to do a runner",
    # "punters likely to piss off elsewhere"
    (r"\b(?:might|may|could|likely to|going to|gonna|about to|bout to|fixing to|fixin'? to|set to) (?:[\w']+ ){0,2}?"
     r"(?:quit on us|leave us|ditch us|drop us|dump us|do a runner|do one|piss off|bugger off|clear off|bail(?: on us)?)\b|"
     r"\b(?:fixing|fixin'?) to (?:leave|quit|go|churn|lapse|walk|stop)\b|\bdo(?:ing)? a runner\b|"
     # "subscribers close to cancelling", "members we haven't seen since summer"
     r"\b(?:close|closer|closest|near|nearest) to (?:cancell?ing|canceling|leaving|quitting|lapsing|churning|unsubscribing|giving up|"
     r"walking)\b|\b(?:haven'?t|have not|hasn'?t|has not) (?:been in|been round|been seen|visited|shopped|booked|ordered|bought)"
     r"(?: (?:with|from) us)? (?:for|in) (?:ages|a while|months|weeks|a long time|yonks)\b|"
     r"\b(?:we )?(?:haven'?t|have not|hasn'?t) (?:seen|heard from) (?:them |him |her )?(?:for|in|since)\b|"
     # "which of our high-value regulars are wobbling"
     r"\b(?:are|is|been|start(?:ing|ed)?(?: to)?|who(?:'re| are)) (?:a bit |looking |getting )?(?:wobbl(?:e|ing)|teeter(?:ing)?|"
     r"waver(?:ing)?|falter(?:ing)?|cool(?:ing)? off|go(?:ing)? cold)\b|"
     r"\b(?:go|piss|bugger|clear|wander|head|swan|push) off (?:elsewhere|somewhere else|to (?:a |the )?(?:competition|rivals?|competitors?))\b",
     0.9),
    (r"\bat[- ]risk\b|\brisk of\b|\bin danger\b|\babout to (?:churn|leave|stop|lapse|go|quit|walk)\b|"
     r"\b(?:might|may|could|likely to|going to|gonna|will|set to) (?:(?:probably|likely|soon|actually|definitely) )?(?:leave|churn|lapse|go|"
     r"drift|quit|discontinue|defect|walk away|jump ship|"
     # (lane probe23c) "which gamers look set to drop away"
     r"(?:drop|fall|slip|fade|peel) away|vanish|disappear|"
     r"drop out|go elsewhere|switch (?:to|away)|take their (?:business|custom) elsewhere|"
     r"stop (?:buying|coming|shopping|ordering|visiting|using us|booking|using|hiring|calling|renting|popping in|"
     r"dropping in|coming in|coming back|paying))\b|"
     # members and subscribers leave by cancelling: "likely to cancel soon", "might not renew"
     r"\b(?:might|may|could|likely to|going to|will|set to|about to|thinking of|planning to) (?:(?:probably|likely|soon|actually|definitely) )?(?:not renew|cancel\w*|"
     r"unsubscribe|let (?:their|the) (?:membership|subscription) (?:lapse|go)|stop paying)\b|"
     r"\b(?:thinking of|considering|planning on|on the verge of) (?:leaving|going|quitting|cancell?ing|switching)\b|"
     r"\b(?:high|medium|low)(?:[- ]| and (?:high|medium|low)[- ])risk\b|"
     r"\blapsing\b|\bslipping away\b|\b(?:might|could|may) lose\b|"
     # "which members are wavering", "subscribers on the fence about renewing": may not stay
     r"\b(?:who(?:'s| is| are)?|which|members|customers|clients|subscribers|regulars|patients|guests)\b.{0,30}\b(?:wavering|"
     r"on the fence about (?:renewing|staying|coming back|continuing|carrying on)|having second thoughts about "
     r"(?:renewing|staying|coming back|continuing|us)|getting cold feet)\b|"
     # "our 20 riskiest clients", "the shakiest members": the most likely to leave
     r"\b(?:riskiest|shakiest|wobbliest) (?:[\w-]+ )?(?:customers|clients|members|subscribers|regulars|accounts|patients|guests|"
     r"students|ones|buyers|shoppers)\b|"
     # "which big spenders might we lose", "who are we in danger of losing"
     r"\b(?:might|could|may|will|are|would) we (?:\w+ )?(?:lose|be losing)\b|\b(?:danger|risk) of losing\b|"
     # "customers whose churn risk has jumped lately": the risk rising (sorted so, in the plan)
     r"\brisk (?:\w+ ){0,3}(?:has |have |is |are )?(?:jumped|risen|rose|climbed|spiked|shot up|shooting up|soaring|"
     r"rocketing|climbing|rising|going up|spiking|crept up|creeping up|edged up|edging up|increased|increasing|grown|growing)\b|"
     # "whose chance of leaving is climbing", "the five we are most likely to lose": leaving, weighed
     r"\b(?:chance|likelihood|odds|probability) of (?:them )?(?:leaving|churning|lapsing|quitting|going elsewhere)\b|"
     r"\b(?:most|more|least) likely to (?:lose|leave|churn|lapse|quit|cancel|walk|drift|vanish|disappear|go quiet|go missing|"
     r"(?:drop|fall|slip) off (?:the|our|my) radar)\b|"
     r"\b(?:we|we're|we are) (?:most |more )?likely to lose\b|"
     r"\b(?:might|could|may|are|is) (?:we |us )?(?:be )?(?:about|set|going) to lose\b|\babout to lose\b|"
     r"\bregulars?\b.{0,40}\b(?:gone quiet|quiet|overdue|late)\b|\b(?:would|should) (?:normally |usually )?have "
     r"(?:ordered|bought|come back|been back|returned)\b|\boverdue (?:for|an?) (?:order|visit|purchase)\b|\bchurn risk\b|(?<!new )(?<!fresh )(?<!latest )\bchurn risks\b|\bflight risks?\b|"
     # (lane probe23a: never when they are "worth tempting back", what to do about them)
     r"\bdrift\w* (?:away|off)\b(?!.*\bworth (?:winning|getting|bringing|luring|tempting|coaxing|wooing|enticing|chasing)\b)|\b(?:gone|going|went) quiet\b|"
     # "which punters have gone missing" (people, not "the campaign has gone cold")
     r"\b(?:who|customers|clients|regulars|members|punters|people|ones|guests|buyers|patients|students)\b.{0,20}"
     r"\b(?:gone|went|going) (?:missing|awol|cold|silent|dark)\b|\bfad(?:e|es|ing) away\b|\bfalling away\b|"
     r"\b(?:haven'?t|have not|hasn'?t|not) (?:been back|come back|returned|(?:ordered|bought|booked|visited|shopped|been in|come in|"
     r"paid) (?:anything |with us |from us )?(?:in |for )?(?:a while|ages|a long time|months|yonks|forever|lately))\b|"
     r"\b(?:buying|coming|ordering|shopping|visiting) less (?:often|frequently|than)\b|"
     r"\bless often than (?:they|before|usual)\b|"
     # "which students are likely to stop their tutoring?", "which clients might not come back for
     # another fitting?": a customer who may stop, said with the trade's own service
     r"\b(?:might|may|could|likely to|going to|set to|about to) (?:stop|quit|drop|give up|pack in)(?: on)? (?:their|the|our|his|her)\b|"
     r"\b(?:might|may|could|will|would) (?:not|never) (?:come back|return|be back|rebook|book again|buy again|order again)\b|"
     # "which patients are overdue and may not finish their course": a course or plan left unfinished
     r"\b(?:might|may|could|will|would) (?:not|never) (?:finish|complete|see out|carry on with|continue|renew|stick with) "
     r"(?:their|the|his|her|a)\b|\b(?:who|which (?:[\w-]+ ){0,2}\w+) (?:are|is|look|looks|seem|seems) (?:\w+ )?overdue\b|"
     # "any of the loyalty members looking shaky?", "anyone looking like they'll leave us?"
     r"\b(?:look|looks|looking|seem|seems|seeming) (?:a (?:bit|little) |quite |rather |very )?(?:shaky|wobbly|iffy|dicey|"
     r"flaky|on the way out)\b|\b(?:look|looks|looking|seem|seems|seeming) like (?:they|he|she|we)(?:'ll|'re| will| are| might| may)"
     r"(?: going to| about to| gonna)? (?:leave|go|quit|churn|stop|lapse|walk|drift|lose|leaving|"
     r"going|quitting|churning|stopping|lapsing|walking|drifting)\b|"
     # "which patients look unlikely to return for treatment"
     r"\b(?:unlikely|not likely|doubtful) to (?:return|come back|be back|rebook|re-?order|book again|buy again|order again|"
     r"renew|stay|stick around|keep coming)\b", 0.9),
    # "clients who might not book training again", "the churn-risk list": the trade's own service
    # between the verb and "again", and the risk written with a hyphen
    (r"\b(?:(?:might|may|could|will|would) (?:not|never)|won'?t|wouldn'?t) (?:book|order|buy|hire|rent|visit|use|shop|come|see us|"
     # (ps26) "won't book another session", "might never buy another box": again, said as one more
     r"sign up|enrol|enroll|reorder|re-?book)(?: (?:for|with|from|in|on))? (?:(?:[\w'-]+ ){0,3}again|another [\w-]+)\b|"
     r"\bchurn-risk\b|"
     # (lane probe25c) "likely not to order again", "liable to never come back": the "not" said
     # before the verb, the same leaving
     r"\b(?:likely|liable|set|going|apt) (?:not|never) to (?:order|buy|book|come back|return|rebook|re-?order|shop|visit|hire|"
     r"rent|renew|be back|use us)\b|\blikely to (?:not|never) (?:order|buy|book|come back|return|rebook|re-?order|shop|visit)\b", 0.9),
    (LAPSING, 0.9),
    # "won't be back next term", "not coming back after the summer": leaving said as never returning
    (r"\b(?:won'?t|wouldn'?t|will not|would not|not going to|aren'?t going to|never) (?:ever )?(?:be back|come back|return|rebook|renew)\b|"
     r"\b(?:not|never) coming back\b", 0.9),
    # "ranked by how fast their risk went up": the at-risk list in the order of the rise, not the
    # names new to it
    (r"\b(?:rank|sort|order|list)\w* (?:them |it )?by (?:how (?:fast|quickly|much|sharply) )?(?:their |the )?(?:churn )?risk\b", 1.5),
)
NEWLY_CUES = (
    (r"\bnewly\b|\bbec(?:a|o)me (?:a )?(?:at[- ]risk|high[- ](?:churn[- ])?risk|risky)\b|\bnew (?:names )?(?:on|to) the (?:at[- ]risk )?list\b|"
     r"\bnew at[- ]risk\b|"
     # "fresh at-risk names since yesterday", "new high-risk clients vs a fortnight ago": names new to the list
     r"\b(?:new|fresh|latest) (?:high[- ]risk|at[- ]risk|churn[- ]risk|risky) (?:customers|clients|names|members|people|accounts|"
     r"regulars|patients|subscribers|buyers|guests|households|ones|(?:[\w'-]+ ){0,2}(?:contracts|students|accounts|families|pupils|[a-z]+ers))\b|"
     # "new high-risk golfers compared with 3 weeks ago", "fresh at-risk dog owners vs 3 weeks back": the
     # trade's own people, new to the list since then
     r"\b(?:new|fresh|latest) (?:high[- ]risk|at[- ]risk|churn[- ]risk|risky) (?:[\w'-]+ ){1,3}(?:compared|vs\.?|versus|"
     r"since|against)\b|"
     # "anybody new on the churn-risk list compared with a fortnight ago?": names new to the list
     r"\b(?:any(?:body|one|one)?|who(?:'s| is)?|someone|people) new (?:on|to|in) the (?:[\w-]+ )?(?:risk )?list\b|\b(?:slipped|slid|moved|fallen|fell|dropped|gone|went|come|came|joined|entered|added|put|tipped|drifted|crossed|sunk|sank|crept) "
     r"(?:in ?to |into |onto |on ?to |to )?(?:the )?(?:at[- ]risk|high[- ]risk|risk|danger|red)(?: zone)?\b|\brisk (?:went|has gone|gone) up\b|"
     r"\b(?:recently|only just|just) (?:become|became|turned|started being|started (?:looking|seeming|to look|to seem))\b|"
     # "who's only just tipped into being at risk": the crossing, not the whole list
     # (lane probe20a) "any regulars turn high risk in the past 14 days": the verb's plain form, as texted
     r"\b(?:turned|flipped|switched|tipped|moved|gone|went|slipped|crossed|tipping|crossing|turns?|flips?|tips?|slips?) (?:over )?"
     r"(?:the (?:edge|line|threshold) )?(?:to |into |in to )?(?:being )?(?:the )?"
     r"(?:at[- ]risk|risky|high[- ](?:churn[- ])?risk|(?:churn )?danger zone)\b|\bsince the (?:previous|last) "
     r"(?:scoring|digest|run|morning report|report|briefing)\b|\bnew names\b|\bnew\b.{0,20}\b(?:risk|at[- ]risk) list\b|"
     # "new churn risks among the loyalty members": risks that are new, not the churn rate
     # "fresh churn risks among the vip clients", "the latest flight risks": risks new to the list
     r"\b(?:new|fresh|latest|brand[- ]new) (?:churn |high[- ]|flight |drop-?out |dropout )?risks\b|"
     # "any clients recently marked as at risk"
     r"\b(?:recently|newly|just|lately) (?:been )?(?:marked|flagged|tagged|label+ed|classed|scored|put down) (?:as )?"
     r"(?:at[- ]risk|high[- ]risk|risky|a (?:churn |flight )?risk)\b|"
     # "who's gone from fine to high risk this month": the crossing said as its two ends
     r"\bfrom (?:fine|ok|okay|safe|healthy|low(?: risk)?|medium(?: risk)?|no risk) to (?:high[- ]risk|at[- ]risk|risky|shaky|wobbly|iffy|in danger|the danger zone)\b", 1.2),
    # "... new on the churn-risk list compared with a fortnight ago": the list then and now, not a
    # comparison of the churn rate
    (r"\bnew (?:on|to|in) the (?:[\w-]+ )?list\b.{0,40}\b(?:compared|vs\.?|versus|than|since|ago)\b|"
     r"\b(?:new|fresh|latest) (?:high[- ]risk|at[- ]risk|churn[- ]risk|risky) [\w-]+\b.{0,40}\b(?:compared|vs\.?|versus|than|since|ago)\b", 0.4),
    # "who has just tipped over into high churn risk": the crossing, which "churn risk" alone would
    # give to the whole at-risk list
    (r"\b(?:just|only just|recently|newly|lately) (?:\w+ ){0,2}(?:crossed|tipped|slipped|flipped|turned|moved|fallen|fell|"
     r"gone|went)\b.{0,40}\brisk\b|"
     # "customers who only recently started looking like they might leave": the look is new
     r"\b(?:only )?(?:recently|just|lately) started (?:looking|seeming|to look|to seem)\b|"
     # "who flipped to high churn risk this week", "tipped into danger of leaving since yesterday": the crossing
     r"\b(?:flipped|tipped|switched|crossed|slipped|lurched) (?:over )?(?:in ?to|into|to|over to) (?:[\w-]+ ){0,2}(?:risk|danger)\b", 0.4),
)
FORECAST_CUES = (
    # "what should we expect to take over Christmas?": money still to come
    (r"\b(?:expect|expecting|hope|hoping|likely|going|set) to (?:take|make|bring in|turn over|earn|rake in)\b"
     r"(?! (?:of|it|up|part|place|sense|sure|time|long|days?|weeks?|a|an|the|their|another|any|one)\b)", 0.9),
    (r"\bforecast(?:s|ed|ing|ers?)?\b|\bpredict(?:s|ed|ing|ions?|ive)?\b|\bprojections?\b|\bprojected\b|\bexpected (?:revenue|income|spend|sales|takings)|"
     # "what will the next three months bring in?": the period is the subject
     r"\b(?:will|should|would|might|could) (?:\w+ ){0,4}(?:spend|bring in|earn|make|generate)\b|"
     r"\bnext (?:(?:\d+|two|three|four|five|six|eight|twelve|few|couple of) )?(?:weeks?|months?|quarters?|year|days)\b|"
     r"\bcoming (?:\d+ )?(?:days|weeks|months|quarter|year)\b|\bover the next\b|\bnext month's\b|"
     # "went ahead and booked" is a decision made, not time to come
     r"(?<!\bgo )(?<!\bwent )(?<!\bgoes )(?<!\bgoing )(?<!\bgone )\bahead\b|"
     # what the money looks like from here: "the revenue outlook", "sales prospects"
     # (people who have not bought yet are "prospects" too: "now only prospects" is who, not money)
     r"\boutlook\b|\b(?:sales|revenue|business|financial|money|trading|growth|takings|income) prospects\b|"
     r"\bprospects (?:for|over) (?:the )?(?:next|coming|year|quarter|month|season|christmas|summer|winter)\b|"
     r"\b(?:revenue|sales|takings) (?:pipeline|runway)\b", 0.6),
    # "next 90 days: what should our current clients be worth in spend": the customers already on the
    # books over a horizon, their spend to come (not one customer's lifetime value)
    (r"^(?=.*\b(?:next|coming) (?:\d+ |few |couple of )?(?:days?|weeks?|months?|quarter)\b)"
     r"(?=.*\b(?:current|existing|present)\b).*\bworth\b", 0.6),
)
PROPENSITY_CUES = (
    # "which leads are keenest to buy", "who's the most eager to book": the eagerness itself ranked
    # (not "on which weekday are diners likeliest to order": a time of the buying rate)
    (r"^(?!.*\b(?:which|what) (?:weekday|day|hour|time|month|night|season)s?\b).*?"
     r"\b(?:keenest|eagerest|readiest|likeliest|most (?:keen|eager|ready)) (?:of (?:them|all) )?to (?:buy|purchase|order|"
     r"book|sign up|enrol|enroll|join|commit|pay|come back|return|convert)\b", 1.0),
    # "how many bookings can we expect in the next weeks, and who": the purchases to come asked with
    # the people making them (a forecast has totals, no names)
    (r"\b(?:bookings|orders|sales|purchases|sign-?ups|jobs|appointments|visits|renewals)\b.{0,40}\b(?:expect\w*|to come|coming)\b"
     r".{0,60}\b(?:and|plus) (?:who|which (?:ones|people|customers|clients|members|guests|of them)|from whom|by whom)\b", 1.0),
    # (lane tune33) "how many tortilla buyers to expect over the next few weeks, and show me 30 of them":
    # the buyers to come, counted as people (a forecast counts money or orders)
    (r"\b(?:buyers|bookers|purchasers|customers|clients|shoppers|people|punters)\b (?:(?:should|can|could|do|will|might) (?:we|i) |to )"
     r"(?:expect|anticipate|see)\b", 1.0),
    # "who's looked at booking a trip but never gone through with it, and might now": interest
    # shown, no purchase yet, a purchase maybe to come
    (r"\b(?:looked at|thought about|shown interest in|browsed|eyed up|been eyeing|enquired about|asked about) "
     r"(?:\w+ ){0,3}(?:booking|buying|ordering|signing up)\b.{0,60}\b(?:might|could|may|likely|would)\b", 0.9),
    # (lane probe25a) "odds-on to place an order", "a good bet to order", "on course to buy": likely, said as odds
    (r"\b(?:odds-? ?on|a (?:good|safe|sure) bet|on course|in line|tipped) to (?:place (?:an? |their )?(?:first |next )?(?:order|booking)|"
     r"buy|purchase|order|book|sign up|come back and (?:buy|order|book))\b", 1.0),
    (r"(?<!not )(?<!hardly )\b(?:likely|ready|about|close|set|poised|primed|itching|raring|keen|due|going|expected) to (?:buy|purchase|order|convert|book|visit|sign up|enrol|"
     r"enroll|join|"
     r"place (?:an?|their|the|his|her) (?:first |next )?order|shop|come back|return|"
     r"make (?:a|their|the) (?:first |next )?(?:purchase|order))\b|\bpropensity\b|\blikely (?:repeat |returning |new |first[- ]time )?(?:buyers|bookers|purchasers|orderers)\b|"
     r"\b(?:clos(?:e|er|est)|near(?:er|est)?) to (?:buying|a first order|ordering|purchasing|converting|placing|booking|signing up|joining|"
     r"subscribing)\b|\b(?:warm|warmest|hottest|keenest) (?:leads|prospects|enquir\w*|inquir\w*|browsers)\b|"
     # "enquiries that look close to turning into a booked move": an enquiry becoming a sale
     r"\b(?:close|closer|closest|near|nearly|about|likely|ready|set|poised) to (?:turn\w*|convert\w*) into (?:a |an )?(?:booking|"
     r"sale|order|purchase|paying|customer|client|booked|signed)\b|"
     # "which punters are gagging to buy", "who's on the cusp of booking", "leads closest to signing"
     r"\b(?:gagging|dying|desperate|eager|itching|champing at the bit) to (?:buy|book|order|sign up|join|purchase)\b|"
     r"\bon the (?:cusp|verge|brink|point) of (?:buying|booking|ordering|purchasing|signing|signing up|converting|joining|"
     r"subscribing|committing)\b|\bclos(?:e|er|est) to (?:signing|committing|paying)\b|"
     # "which customers will probably come back soon": a return to come (not "might not come back")
     r"(?<!n't )(?<!not )\b(?:will|'ll|would) (?:probably|likely|most likely|definitely|surely) (?:come back|return|be back)\b|"
     # "of those who enquired, who's nearly there?": close to a first purchase
     r"\b(?:nearly|almost) there\b|\b(?:nearly|almost) ready\b|"
     r"\bhot (?:leads|prospects)\b|\b(?:leads|prospects|enquiries|enquirers)\b (?:\w+ )?(?:are|look|looking|seem) (?:\w+ )?(?:hot|warm|keen)\b|\b(?:chance|probability|odds|likelihood) (?:of|to|that they(?:'ll| will)?) "
     r"(?:buying|ordering|purchasing|converting|booking|hiring|renting|buy|order|purchase|book|hire|rent)\b|\bready to\b|\b(?:will|would|might|may|could|gonna|who'll) (?:probably |likely |soon |actually )?"
     r"(?:buy|purchase|order|convert|come back and buy)\b(?! (?:it |them )?anyway)|\bprobably (?:buy|order|purchase)\b(?! (?:it |them )?anyway)|"
     # "who might book a massage soon?": a purchase to come, soon
     # (lane probe22b) "anyone likely to hire a trike soon", "rent a board": the hire trades' buying
     # (lane probe24a) or with a hedge between: "enquirers who'll probably sign up soon"
     r"\b(?:might|may|could|will|'ll|likely to) (?:probably |likely |most likely |actually )?(?:book|buy|order|purchase|hire|rent|commission|sign up(?: for)?|enrol+(?: in)?|join|subscribe) (?:[\w-]+ ){0,3}?soon\b|"
     # "which box customers will probably reorder soon": a repeat purchase to come
     r"(?<!not )\b(?:will|would|'ll|gonna|likely to|about to|due to|might|may|could) (?:probably |likely |soon |surely )?(?:re-?order|re-?book|re-?buy|"
     r"buy again|order again|book again|purchase again)\b|"
     # "people who've never ordered but probably will"
     # (lane probe28a) "brides who haven't ordered yet but probably will soon": the same, said with "haven't ... yet"
     r"\b(?:haven'?t|have not|hasn'?t|has not) (?:\w+ ){0,2}(?:ordered|bought|booked|purchased|paid)(?: \w+){0,2}? yet,? (?:but|and) "
     r"(?:\w+ )?(?:probably|likely|might|may|could|will)\b|"
     r"\bnever (?:\w+ ){0,2}(?:ordered|bought|booked|purchased)\b.{0,20}\b(?:probably|likely|soon|might|may|could) "
     r"(?:will|do|buy|order|book|to)?\b|\bhow many (?:buyers|customers|people|orders) (?:should|will|can|do|"
     r"might) (?:we )?(?:expect|get|see|buy|order)\b|\bexpect(?:ed)? (?:number of )?buyers\b|"
     # "roughly how many paying customers can we expect in the next few weeks": buyers to come, counted
     # (not the money: that is the revenue forecast)
     r"\bhow many (?:(?:paying|actual|real|repeat|returning) )?(?:buyers|customers|clients|people|patients|guests|members|"
     r"shoppers|punters|students|diners) (?:should|will|can|could|might|are) (?:we )?(?:expect|likely to (?:buy|book|order|pay))\b|"
     # "which enquiries look set to turn into an install": leads becoming a sale of the trade's own kind
     r"\b(?:enquir\w*|inquir\w*|leads|prospects|quote requests|quotes)\b.{0,30}\b(?:set|likely|going|about|ready|poised|"
     r"close|closest|nearest) to (?:turn|convert|become|end up as|go through as)\w* (?:into )?(?:a |an |paying |actual )?[a-z-]+", 1.0),
    # "how many crepe buyers are we likely to see in the coming weeks": people to come, counted
    # (money to come is the revenue forecast); "the ones likeliest to reorder soon": ranked by it
    (r"\bhow many (?:[\w-]+ )?(?:buyers|customers|clients|patients|guests|members|shoppers|punters|students|diners|bookers|"
     r"regulars|orderers) (?:are|will|would|should|can|could|might|do) we (?:be )?(?:likely to |expect(?:ing)? to |going to |set to |"
     r"probably |realistically )?(?:see|get|expect|have|welcome|serve)\b(?=.{0,40}\b(?:coming|next|soon|ahead|upcoming|from now)\b)|"
     r"\b(?:likeliest|most likely|likelier|more likely) to (?:re-?order|re-?book|re-?buy|buy again|order again|book again|"
     r"purchase again|come back and (?:buy|order|book)|buy|order|book|purchase|hire|rent)\b|"
     # "of people who've never booked, which ones are warm", "leads with a good chance of turning into
     # a booking", "past customers who'll probably want the chimney done again": a purchase to come
     r"\bwhich (?:ones|of them|of those|people|folks?|leads|enquirers) (?:are|look|seem|feel) (?:the )?(?:most )?(?:warm|hot|keen|"
     r"warmest|hottest|keenest|ready)\b|\b(?:chance|likelihood|odds|probability) of (?:them )?(?:turning|converting|becoming)\b|"
     r"(?<!n't )(?<!not )\b(?:will|'ll|would|'d) (?:probably|likely|most likely|definitely|surely) (?:want|need) "
     r"(?:[\w'-]+ ){0,4}?(?:again|another)\b", 1.0),
    # "which folks are fixing to buy again", "who's gonna book next week": a purchase to come, in other Englishes
    (r"\b(?:fixing|fixin'?|bout) to (?:buy|book|order|purchase|come back|return|sign up|re-?order|re-?book)\b", 1.0),
    # "leads who've never instructed us, who's most likely to": the purchase said before, left off at the end
    (r"\b(?:who(?:'s| is| are)?|which(?: ones?| of them| of those)?(?: is| are)?) (?:the )?(?:(?:most|more) likely(?: to)?|likeliest)"
     r"\s*[?.!]*$", 0.9),
    (r"\bprospects?\b", 0.3),
    # "are weekend shoppers more likely to buy": people named by when they come, compared; the
    # buying rate by weekday or hour (time_pattern), not a score of who buys next
    (LIKELIER_METRIC[0], -1.5),
)
ACTION_CUES = (
    # "themes in feedback about aftercare and follow-ups": the follow-ups are what feedback is about
    (r"\b(?:feedback|comments|reviews|themes|complaints)\s+(?:\w+\s+)?(?:about|on|regarding|around|concerning)\b", -0.4),
    # "what should I do about customer C00012": advice for one customer, not what they said
    (r"\bwhat (?:should|can|could|do|would you) (?:we|i|you) (?:do|suggest|recommend) (?:about|for|with) "
     r"(?:customer|client|member|them|him|her|this (?:customer|one)|that (?:customer|one)|[a-z]{0,3}-?\d{3,})\b", 0.5),
    (r"\b(?:best|right) (?:thing|things|move|way) to do\b|\bshould (?:i|we) (?:contact|call|reach out)\b", 0.5),
    # "next move for C00042?": the next step for one named customer
    (r"\bnext (?:best )?(?:move|step|action|thing)s? (?:for|with|on|about) (?:customer |client |member |guest )?[a-z]{0,3}-?\d{3,}\b", 1.0),
    # "what should the salon do next with client C00077": the next step for one named customer
    (r"\bwhat (?:should|can|could|do|would|shall) (?:we|i|you|the [\w'-]+|my [\w'-]+|our [\w'-]+) (?:do|try|offer) (?:next )?"
     r"(?:about|for|with) (?:customer|client|member|guest|patient|student|[a-z]{0,3}-?\d{3,})\b", 1.0),
    # "who should I personally ring up?", "which regulars deserve a freebie", "who just needs a
    # friendly check-in": who gets which gesture, said as the gesture
    (r"\b(?:who|which (?:\w+ ){0,2}(?:customers|clients|people|members|regulars|ones|guests|buyers|patients|students))"
     # (lane probe20b) "who should i be ringing", "which guests should we be texting": the -ing forms too
     r"(?: (?:just|really|still|now|actually))? (?:should|do|must|need to|ought to) (?:i|we) (?:\w+ )?(?:ring(?:ing)?|phon(?:e|ing)|"
     r"call(?:ing)?|contact(?:ing)?|text(?:ing)?|visit(?:ing)?|email(?:ing)?|messag(?:e|ing))\b|"
     r"\b(?:deserves?|merits?|earned|should get|could do with|would appreciate|needs?) (?:a |an |some )?(?:(?:little|small|quick|"
     r"friendly|personal|nice|wee|loyalty|proper|big|courtesy|goodwill|welcome[- ]back|thank[- ]you) ){0,2}(?:freebie|treat|gift|reward|thank[- ]you|perk|check[- ]?in|hello|phone call|call|ring|note|"
     r"message|nudge|voucher|goodies|apology|sorry)\b|"
     # "the unhappy customers we should reach out to": who to contact, the people named first
     r"\b(?:customers|clients|people|guests|members|patients|students|regulars|ones|buyers|subscribers)\b (?:[\w'-]+ ){0,2}"
     r"(?:we|i) (?:should|need to|ought to|must|have to) (?:reach out to|contact|call|ring|phone|get in touch with|follow up with|"
     r"check in with|email|message|text)\b|"
     # "who should we be chasing to come back": the win-back, said as the chase
     r"\b(?:chase|chasing|chased|chivvy|chivvying|hassle|hassling) (?:\w+ ){0,2}(?:to|into) (?:come back|coming back|return\w*|"
     r"rebook\w*|re-?order\w*|book again|buy again|order again)\b|"
     # "who gets a come-back nudge from us", "a reason to come back": a gesture to bring them back
     r"\bcome-?back (?:nudge|offer|voucher|deal|discount|email|message|text|note|treat|incentive)s?\b|"
     r"\b(?:nudge|offer|voucher|reason|incentive|push) to (?:come back|return|rebook|re-?order)\b|"
     # "who had a rough time and need us to make it right": a wrong put right
     r"\b(?:make|put|set) (?:it|things|that) right\b|\bmake amends\b|\bmake (?:it )?up (?:to|for) (?:them|him|her|it)\b|"
     r"\bmake (?:it|things) up to\b|\b(?:say|saying) sorry\b|\bsorry (?:note|message|email|card|gift|voucher)s?\b|"
     # "who deserves a little something from us": a gesture of thanks
     r"\b(?:deserves?|earned|merits?) (?:a |an )?(?:little |small |wee )?something\b|"
     # "what's the best next move with them", "our next step for the loyal regulars"
     # (lane probe20c) "the next best move with my venison buyers": "next" said first
     r"\b(?:(?:best|smartest|right|wisest|obvious|next best) ?next|next (?:best|smartest|right|wisest)) (?:move|step|play)s? "
     r"(?:with|for) (?:them|those|these|our|the|my|each|every|all)\b|"
     # "best move for each of the vip clients": the step for each of them, "next" left unsaid
     r"\b(?:best|smartest|right|wisest) (?:move|step|play|thing to do)s? (?:with|for) (?:each|every|all|them|those|these)\b|"
     r"\bwhat(?:'s|s| is) (?:our|the|my) (?:best |smartest |right )?next move\b|"
     # "what should I be doing for each of my customers next"
     r"\bwhat (?:should|could|can|ought) (?:i|we) (?:to )?be doing\b.{0,40}\b(?:customers?|clients?|members?|guests?|patients?|"
     r"regulars?|each|every|them)\b|"
     r"\bworth (?:winning|getting|bringing|luring|tempting|coaxing|wooing) (?:\w+ )?back\b|\bworth (?:chasing|saving|fighting for)\b|"
     r"\b(?:(?:should|could|can) (?:i|we)|(?:i|we) (?:should|could|can|ought to|want to|need to)) (?:try (?:to |and |n |an )?)?"
     r"(?:tempt|lure|coax|entice|woo|win|bring)\w* (?:\w+ )?back\b", 0.9),
    # "what should i prioritise with my regulars this week", "where do we focus with our clients
    # first": what to do next, customer by customer (not "which KPI to prioritise")
    (r"\bwhat (?:should|shall|do|must|can) (?:i|we) (?:be )?(?:prioriti[sz]e|prioriti[sz]ing|focus(?:ing)? on)\b(?! (?:in|on) (?:the )?"
     r"(?:funnel|site|website|kpis?|metrics|numbers))|\bpriorit(?:y|ies) (?:with|for) (?:my|our|the) (?:customers|clients|regulars|"
     r"members|guests|patients|students|buyers|shoppers)\b", 0.9),
    (r"\b(?:call|contact|action|to-?do|follow[- ]?up) list\b", 0.8),
    # "which unhappy clients need putting right after a bad experience", "people who enquired but never
    # booked, how do we convert them": who needs which gesture, said as the need or the goal
    (r"\b(?:who|customers|clients|people|guests|members|patients|students|regulars|ones|buyers|diners)\b.{0,30}"
     r"\b(?:need|needs|needing) (?:\w+ )?(?:fixing|sorting out|sorting|putting right|making up to|smoothing over)\b|"
     r"\bhow (?:do |can |could |should |would )?(?:we|i) (?:fit |go about |best )?(?:convert\w*|win\w* over|turn\w*) (?:them|those|these)\b", 0.9),
    # "what to do next with each of the at-risk vips": the step for each of them (the risk is who for)
    (r"\bwhat (?:to|should (?:we|i)|shall (?:we|i)|can (?:we|i)|do (?:we|i)) do (?:next )?(?:with|for|about) (?:each|every)\b", 1.2),
    # "any customers we should be sending a freebie to?", "who should I give a discount to": the gesture, sent
    (r"\b(?:(?:we|i) (?:should|ought to|need to|could|must)|(?:should|could|must|shall) (?:we|i)) (?:be )?(?:send|sending|give|giving|"
     r"offer|offering) (?:\w+ )?(?:a |an |some )?"
     r"(?:[\w-]+ )?(?:freebies?|treats?|gifts?|vouchers?|discounts?|rewards?|thank[- ]yous?|offers?|perks?)\b|"
     r"\bgive (?:a |an )?(?:discount|voucher|freebie|treat|gift|reward|offer|perk) to\b", 0.9),
    # a goal, then where to begin: "I want more repeat customers, where do I start?", "we need more
    # regulars coming back, what should we do": what to do next, customer by customer
    (r"\b(?:i|we)(?: really)?(?: want|'d like| need| would like| wanna) (?:to (?:get|have|see|win|keep) )?(?:more|a lot more) "
     r"(?:(?:repeat|returning|regular|loyal) (?:customers|clients|buyers|members|guests|patients|students|business|visits|jobs|work|custom|trade|sales|"
     r"bookings|orders)|regulars|(?:customers|clients|people|folks?|punters|members|guests) (?:coming|come) back)\b[^?]{0,50}\b(?:where (?:do|should|can) (?:i|we) (?:start|begin)|"
     r"where to (?:start|begin)|what (?:should|can|do) (?:i|we) do|how (?:do|can|should) (?:i|we)|any (?:ideas|tips|advice)|"
     r"(?:the )?first step)|\bhow (?:do|can|could|should) (?:i|we) (?:get|win|keep|bring back) more (?:repeat|returning|"
     r"loyal|regular) (?:customers|clients|buyers|members|guests|patients|students|business)\b", 0.9),
    # "what should we do next for customers at risk?": what to do is asked, the risk is who for
    # (it tied with the at-risk list within 0.002 of phrasing similarity before)
    (r"\bwhat (?:should|can|could|do) (?:we|i) do next\b", 0.3),
    (r"\bnext best actions?\b|\bnext steps?\b|\bbest (?:next )?step\b|\bwhat (?:should|can|could|do) (?:we|i) (?:do|be doing)\b|"
     r"\bactions?\b|\brecommendations?\b|\brecommend(?:ed)? (?:\w+ ){0,2}(?:actions?|steps?|next|doing|we do|i do)\b|"
     r"\bwhat (?:do|would|should) you recommend\b|"
     # not "the recommend score for the cattery" (the NPS)
     r"\brecommend\w* (?!(?:score|rating|number|figure)s?\b)(?:\w+ ){0,3}for (?:our|the|my|customers?|vips?|each)\b|"
     r"\bwho needs (?:a |an )?\w+|\bfollow[- ]?ups?\b|\breward\w*\b|"
     r"\bwin(?:ning)?[- ]?back\b|\bhow do (?:we|i) keep\b|"
     # not "suggest some buyer personas" (a draft of personas)
     r"\b(?:suggest|advise|advice|propose)\b(?! (?:me |us )?(?:some |a few |a couple of |\d+ |new |fresh |possible )*(?:[\w-]+ )?personas?\b)"
     # "kindly advise how many members booked", "pls advise the total": a polite "tell me", not advice
     r"(?! (?:me |us )?(?:on )?(?:how (?:many|much|long|often)|the (?:number|count|total|figures?|amount)|what (?:the|our) ))|"
     r"\b(?:who|which customers) should (?:i|we) (?:contact|call|reach out to|email|speak to|talk to|focus on|prioriti[sz]e)\b|"
     # "which customers should I ring personally?", "which clients need a personal phone call from me?"
     r"\b(?:who|which (?:customers|clients|people|members|regulars|ones|guests)) (?:should|do|need|needs|must) (?:i|we|me|us)? ?"
     r"(?:to )?(?:ring|phone|call|text|visit|contact)\b|\bneeds? (?:a |an )?(?:personal )?(?:phone )?call\b|"
     # (lane probe20b) "which bathers should ah be ringing personally": the -ing form too
     r"\b(?:ring(?:ing)?|call(?:ing)?|phon(?:e|ing)|text(?:ing)?) (?:\w+ )?personally\b|\bring(?:ing)? (?:\w+ )?up personally\b|"
     # "who can we skip discounting, they'd buy anyway", "unhappy customers needing a service recovery"
     r"\b(?:skip|hold off|go without|avoid) (?:\w+ ){0,2}discount\w*|\b(?:don'?t|do not|doesn'?t|won'?t) need (?:a |any )?discounts?\b|"
     r"\b(?:'ll|will|would|'d) (?:probably )?buy (?:it )?anyway\b|"
     # "which customers can we leave alone without a discount": who needs no money off to buy
     r"\b(?:without|no need for) (?:a |any |the )?(?:discount|voucher|money off|price cut)s?\b|\bwithout (?:me |us )?(?:knocking|taking|giving) (?:[\w£$€%-]+ ){0,3}off\b|\b(?:would|'d) buy anyway\b|\bservice recovery\b|"
     r"\b(?:best|right) (?:thing|things|move|way) to do\b|\bwhat (?:to|should we|can we) do (?:for|about|with)\b|"
     r"\bhow (?:do|can|should) (?:we|i) (?:help|handle|treat|approach|save|retain)\b|\bwhat to do (?:about|for|next|with)\b|\bwhat do we do (?:about|for|with)\b", 0.8),
)

# Asks of lane g-probe13b, kept in their own block so merges keep both sides.
ACTION_CUES += (
    # "which lapsed big spenders should the trophy shop chase first": who to go after, the chase
    (r"\b(?:who|which (?:[\w'-]+ ){0,3}(?:customers|clients|people|members|regulars|ones|guests|buyers|spenders|shoppers|"
     r"subscribers|students|patients))\b.{0,40}\b(?:should|shall|must|do) (?:i|we|the [\w'-]+(?: [\w'-]+)?|my [\w'-]+|our [\w'-]+) "
     r"(?:be )?(?:chas(?:e|ing)|go(?:ing)? after|pursu(?:e|ing))\b(?! up\b)", 0.9),
    # "which leads should we try to turn into customers", "enquiries worth converting": who among
    # those who never bought to work on (the action), not only who is likely to buy (propensity)
    (r"\b(?:prospects?|leads?|enquir\w*|inquir\w*|browsers?|window[- ]shoppers?|non-?buyers?|never (?:bought|booked|ordered))\b"
     r".{0,40}\b(?:(?:should|could|can|shall|must|ought to|need to|want to) (?:we|i|(?:the|our) [\w'-]+(?: [\w'-]+)?)|(?:we|i) (?:should|could|can|ought to|need to|"
     r"want to|must)|worth) (?:(?:be )?(?:try|trying|work|working) (?:to |and |on )?)?(?:turn\w*|convert\w*|win\w* over|bring\w* over)\b|"
     r"\b(?:should|could|can|shall) (?:we|i) (?:try (?:to |and )?)?convert (?:\w+ ){0,3}(?:prospects?|leads?|enquir\w*|browsers?)\b",
     1.0),
    # "which patients are owed a sorry": a wrong to put right, said as a debt
    (r"\b(?:owed|owe|owes) (?:a |an |some )?(?:sorry|apology|apologies)\b", 0.9),
)

# Asks of lane g-ps3, kept in their own block so merges keep both sides.
ACTION_CUES += (
    # (lane ps9) "who'd buy again without me knocking money off": who needs no discount, not who will buy
    (r"\bwithout (?:me |us )?(?:knocking|taking|giving) (?:[\w£$€%-]+ ){0,3}off\b", 1.2),
    # "which valuable clients have gone quiet and need winning back": the win-back asked for
    # (they are at risk too, but the ask is what to do about them)
    (r"\b(?:need|needs|needing|want|wants|deserve|deserves|could do with|ripe for) (?:a )?(?:winning|tempting|luring|coaxing|"
     r"bringing|getting|enticing|wooing|winning) (?:\w+ )?back\b", 1.0),
    # "which enquirers who haven't booked yet should we nudge": the push for those who never bought
    (r"\b(?:prospects?|leads?|enquir\w*|inquir\w*|browsers?|window[- ]shoppers?|non-?buyers?|never (?:bought|booked|ordered)|"
     r"(?:haven'?t|have not|hasn'?t|not yet|yet to) (?:\w+ ){0,2}(?:bought|booked|ordered|signed up|paid))\b"
     r".{0,40}\b(?:should|could|can|shall|must|ought to|need to|want to) (?:we|i) (?:be )?(?:nudg\w*|chas\w*|coax\w*|push\w*|"
     r"prod\w*|follow\w* up)\b", 1.0),
)

# (lane tune28) "who could we nudge into a first lesson", "tempt into their first order": a push
# towards a first purchase is the prospect's action
ACTION_CUES += ((r"\b(?:nudg\w*|coax\w*|tempt\w*|push\w*|get|gets|getting|talk\w*|turn\w*) (?:\w+ ){0,3}(?:into|in ?to) "
                 r"(?:a|an|their|the) (?:very )?first\b", 0.6),)
# "regulars who've dropped off the radar": people gone quiet, at risk (not a funnel's drop-off)
AT_RISK_CUES += ((r"\b(?:dropp?(?:ed|ing|s)?|f[ae]ll(?:en|ing|s)?|slipp?(?:ed|ing|s)?|gone|went|going) off (?:the|our|my) radar\b", 0.9),)
# (lane ps12) more sayings, in their own module
from bot.agent.predict_sayings import (  # noqa: E402
            MORE_ACTION_CUES,
            MORE_AT_RISK_CUES,
            MORE_FORECAST_CUES,
            MORE_PROPENSITY_CUES,
)

ACTION_CUES += MORE_ACTION_CUES
AT_RISK_CUES += MORE_AT_RISK_CUES
FORECAST_CUES += MORE_FORECAST_CUES
PROPENSITY_CUES += MORE_PROPENSITY_CUES
# (lane probe28c) a botched order to put right, enquirers who never went ahead, "next moves for the guests";
# nothing bought yet but likely; getting onto the risk list; the old rhythm said with "weekly" (no weekly
# trend of visitors: the lapsing list)
from bot.agent.care_asks_said import CARE_ACTION_CUES, CARE_NEWLY_CUES, CARE_PROPENSITY_CUES  # noqa: E402

ACTION_CUES += CARE_ACTION_CUES
PROPENSITY_CUES += CARE_PROPENSITY_CUES
NEWLY_CUES += CARE_NEWLY_CUES
AT_RISK_CUES += ((HAD_OFTEN_NOW_RARELY, 0.5),)
