"""What owners say when they want a journey analysis (the funnel, drop-offs, paths): weighted
patterns that bot/agent/ranking.py adds up. The KPI analyses' are in bot/agent/analytics_cues.py;
the specs that use both are in bot/agent/analytics_tools.py."""

from __future__ import annotations

from bot.agent.blame_words import NOT_A_SHIFT

_STAGE = r"(?:awareness|consideration|decision|purchase|post-purchase|advocacy|checkout)"
# "between browsing and paying", "between the decision stage and purchase": two ends of the journey
# (lane probe16a) the near end may name what was looked at: "between looking at a quad session and paying"
_ENDS = (rf"(?:(?:the )?{_STAGE}(?: stage)?|(?:just )?(?:looking|browsing|having a look|checking out)(?: around)?"
         r"(?: (?:at|round|through))?(?: (?:the|a|an|our|their|some))?(?: [\w'-]+){0,2}?|(?:actually )?(?:booking|buying|"
         r"paying|ordering|purchasing|signing up|enrol+ing|deciding))")
_BETWEEN_ENDS = rf"\bbetween {_ENDS} and {_ENDS}\b"
FUNNEL_CUES = (
    # (lane probe29a) never the fairground's goods: "how many funnel cakes did we sell last week" counts orders
    (r"\bfunnel\b(?![- ]cakes?\b)", 1.0),
    # "where do customers fall away between browsing and paying": where people leave between two
    # ends of the journey is each step's conversion between them, the funnel (banks' convention)
    (rf"\b(?:where|how many)\b.{{0,60}}{_BETWEEN_ENDS}|{_BETWEEN_ENDS}.{{0,60}}\bwhere\b", 1.0),
    (rf"\bbetween (?:the )?{_STAGE}(?: stage)? and (?:the )?{_STAGE}\b|"
     # "between looking and booking", "between browsing and buying": the stages in everyday verbs
     r"\bbetween (?:just )?(?:looking|browsing|having a look)(?: around)? and (?:actually )?(?:booking|buying|paying|"
     r"ordering|purchasing|signing up|enrol+ing)\b", 0.5),
    # not "how many orders did the van get through": what someone dealt with, a count; nor a wait
    # ("how many days for parcels to reach site")
    (r"\bhow many (?!(?:\w+ ){1,3}(?:did|do|does|can|could|will) (?:\w+ ){1,3}(?:get|got) through\b)(?!(?:days?|hours?|weeks?|minutes?) )"
     # nor what the owner ended up doing ("how many orders did we end up refunding")
     r"(?!(?:\w+ ){1,4}(?:did|do|have|had) (?:we|i) (?:end|ended) up\b)"
     r"(?:\w+ ){0,5}(?:go|get|make it|reach|move|progress|get through|go on|"
     r"went on|end up|ended up|ends up|carry on|carried on|went through|got through|made it|reached)\b"
     # (lane real17) nor a contact ("how many had to get back to us again", "get in touch")
     r"(?<!\bget\b(?= (?:back to|back in touch|in touch|hold of)\b))"
     # not a delivery kept to its day ("how many parcels reached people on the promised day")
     r"(?!.{0,30}\bon (?:the |their |its )?(?:promised|agreed|quoted|due|expected|estimated|scheduled|booked) (?:day|date))", 0.45),
    (rf"\bfrom {_STAGE} (?:\w+ ){{0,4}}(?:to|through|into|until)\b", 0.3),
    # (lane probe16b) "from quote request through to a paid deck, what fraction make it, step by
    # step": two ends of the journey and each step between them asked for, the funnel (not one rate)
    (r"\bfrom\b.{1,60}?\b(?:to|through|until|till|into)\b.{0,60}?\b(?:step[- ]by[- ]step|(?:at )?(?:each|every) step)\b", 0.6),
    (r"\bstage by stage\b|\beach stage\b.*\bhow many\b", 0.2),
    # (lane ps29) "pie orders, from browsing through to buying, by town": the journey's span in everyday
    # verbs is the funnel through it, set out by the group named (not the orders' movers by group)
    # (lane probe24c) where they looked may be said: "from looking at the site to buying, per age band"
    (r"(?:\bfrom |(?:^|[:;,-]) ?)(?:just )?(?:browsing|looking|window[- ]shopping|considering|weighing (?:us |it |them )?up|eyeing (?:us |it |them )?up)"
     r"(?: (?:at|round|around|through) (?:the |our |a )?(?:[\w'-]+ ){0,2}?(?:web ?site|site|web ?shop|shop|store|pages?|range|stock|app))?"
     r"(?: (?:us|it|them|around|round))? (?:(?:right )?(?:through|thru|all the way) )?(?:to|till|until|into) (?:actually )?"
     r"(?:buying|booking|paying|ordering|purchasing|purchase|checkout|signing up|enrol+ing|hiring|renting)\b", 0.7),
    (r"\bstage(?:[- ]to[- ]stage)? conversion\b|\bconversion (?:by|per|at each|between|for each) stages?\b|"
     r"\b(?:move|moving|progress\w*|flow|go|get|make (?:it|their way)) (?:on )?through (?:the )?(?:stages|funnel|journey)\b|"
     r"\bof (?:those|the (?:people|ones|customers|visitors)|everyone|people|customers|visitors) (?:who|that)\b.*\bhow many\b",
     0.6),
    # "step by step conversion through all six journey stages"
    (r"\bconver\w* (?:\w+ ){0,2}(?:through|across|along) (?:all |each of |every )?(?:the |our )?(?:\w+ )?(?:journey )?stages?\b|"
     r"\bstep[- ]by[- ]step conver\w*", 0.6),
    # "step conversion town by town", "conversion at every journey stage for Bristol", "the step by
    # step conversion for the loyalty lot, the full journey", "getting through each step": each
    # step's conversion is the funnel (set out by a group when one is named), not one rate
    (r"\bstep(?:[- ]to[- ]step|[- ]by[- ]step)? conver\w*|\bconver\w* (?:rates? )?(?:at|for|of) (?:every |each |all (?:the |our )?)"
     r"(?:journey |funnel )?(?:stage|step)s?\b|\b(?:get|gets|getting|got|make|makes|making|made|go|goes|going|went) (?:it )?"
     r"through (?:each|every|all the|all our) (?:journey )?(?:step|stage)s?\b", 1.0),
    # "awareness to consideration to decision, how leaky is it": three stages or more named in
    # order are the funnel through them (the leak is read at each step), not one goal's drop-offs
    (rf"\b{_STAGE} (?:stage )?(?:to|->|→|then|into|>) (?:the )?{_STAGE} (?:stage )?(?:to|->|→|then|into|>) (?:the )?{_STAGE}\b", 1.0),
    (r"\bconversion rate\b|\brate\b", -0.3),
    # "where do we lose people (in the funnel)?" asks where people leave: the drop-offs.
    (r"\bwhere (?:do|did|are|were|is) (?:[\w']+ ){0,3}(?:lose|losing|lost|leave|leaving|drop|give up|fall|abandon|"
     r"get stuck)\w*(?!.*\bbetween\b)", -0.5),
)
DROPOFF_CUES = (
    # (lane probe29b) "where do ppl stop before they even started checkout", "where elk people dey stop
    # before ordering online": where people stop short of a goal
    (r"\bwhere\b.{0,40}\bstop(?:s|ped|ping)?\b(?= (?:[\w'-]+ ){0,6}?before\b)", 0.9),
    # (lane probe23c) "where did we shed retro games customers last month": the trade's words between
    # the verb and whom we lost (never "between" two steps: the funnel's)
    # (nor a chain of steps said first: "basket, then checkout, then order placed - where do we shed ppl" is their funnel)
    (r"^(?!.*\bbetween\b)(?!.*(?:\bthen\b|->).*(?:\bthen\b|->)).*\bwhere (?:do|did|are|were|have) (?:we|you) (?:\w+ )?(?:shed|shedding|lose|lost|losing|bleed\w*) "
     # (lane probe24a: or no trade word, "where do we shed people before reaching the checkout page")
     r"(?:the |our |all the )?(?:[\w'-]+ ){0,3}?(?:people|customers|clients|folks?|visitors|shoppers|users|buyers|guests|punters|"
     r"members|ones|families|riders|players)\b", 0.9),
    # (lane ps22) "grumbles about the porridge going cold", "reviews saying the chips arrive cold": the
    # goods gone cold in what people wrote, never the people who went cold on us
    (r"\b(?:complain\w*|complaints?|grumbl\w*|gripes?|griping|moan\w*|whing\w*|comments?|reviews?|feedback|remarks?|mentions?)\b "
     r"(?:about|that|of|saying|on) (?:the |our |my |their |a |an )?(?:[\w'-]+ ){1,3}?(?:is |are |was |were |being )?(?:going|gone|went|goes|"
     r"go|getting|gets|got|arriv\w*|turn\w*|came|coming|served) (?:stone |a bit |too )?cold\b", -0.8),
    # (lane probe21b) "what % of shoppers bail after one page": gone after one page is the bounce rate,
    # however the leaving is said
    (r"(?:\bshare\b|%|\bpercent(?:age)?\b|\bproportion\b|\bhow many\b)[^?.!]{0,60}\bafter (?:a single|one|only one|just one|the first|1) page\b", -0.6),
    (r"\bdrop(?:s|ped|ping)?[- ]?offs?\b|\bdrop(?:ping)? out\b|\bfall(?:s|ing)? (?:out|away|off)\b|"
     r"\bdrift(?:s|ing)? (?:away|off)\b|\bpeel(?:s|ing)? off\b|\bgive up\b|\bgiving up\b|"
     # (lane probe26c) "where do shoppers slip away before buying": people slipping away, never a
     # KPI that slipped ("orders slipped most" is the movers')
     # (nor "any of our big spenders slipping away?": people at risk; the slipping is before a goal or where)
     r"\bslip(?:s|ped|ping)? (?:away|off)\b(?= (?:[\w'-]+ ){0,6}?before\b)|\bwhere\b.{0,60}\bslip(?:s|ped|ping)? (?:away|off)\b|"
     r"\bbail(?:s|ed|ing|ers?)?\b|\babandon (?:us|the (?:site|journey|shop))\b|\bleak(?:s|ed|ing|age|y|ier|iest)?\b|\bquit\b|"
     # "where do people wander off", "the stage where most of them go cold", "lose interest"
     r"\bwander(?:s|ed|ing)? (?:off|away)\b|\b(?:go|goes|going|gone|went|run|runs|ran|turn|turns|turned) cold\b|"
     r"\b(?:lose|loses|losing|lost) interest\b|\bfizzl(?:e|es|ed|ing) out\b|\btail(?:s|ed|ing)? off\b|"
     # (lane probe28b) "where do buyers go quiet before they write us a review", "drop away before the
     # after-sales stage": people going quiet on the way to a goal (never "customers who've gone quiet",
     # the lapsing ones at risk)
     r"\b(?:go|goes|going|gone|went) quiet\b(?= (?:[\w'-]+ ){0,6}?before\b)|\bdrop(?:s|ped|ping)? away\b|"
     # "where do people bounce off before checkout": people leaving, not the bounce rate
     # (lane probe21b) never "bounce off after one page", the bounce rate said in words
     r"\bbounc(?:e|es|ed|ing) (?:off|away)\b(?! (?:the |our |my )?(?:[\w-]+ )?(?:web ?site |site |shop |page )?after "
     r"(?:a single|one|only one|just one|the first|1) page\b)", 0.8),
    # (lane ps8) "where'd they stop", "where do enquirers vanish", "where do they ditch us"
    (r"\bwhere(?:'d| (?:exactly |precisely |abouts |else )?(?:do|did|are|were|is)) (?:[\w'-]+ ){0,3}(?:lose|losing|lost|leave|leaving|left|stop|stopping|quit|drop|"
     r"give up|fall|abandon|get stuck|getting stuck|stall|vanish|disappear|ditch|ghost|go(?:es)? missing|going missing)\w*|\babandon\w* (?:the |our )?(?:journey|site|shop|funnel|website)\b", 0.75),
    # "where in the booking process do we lose people", "where along the way do shoppers give up"
    (r"\bwhere (?:in|along|during|on|across) (?:the |our |their )?(?:[\w'-]+ ){0,3}(?:do|did|are|were|is|does) (?:[\w']+ ){0,3}"
     r"(?:lose|losing|lost|leave|leaving|left|stop|stopping|quit|drop|give up|fall|abandon|get stuck|getting stuck|stall)\w*", 0.75),
    (r"\b(?:last|final) (?:thing|step|touch|touchpoint|stage|page|action)s?\b(?! (?:\w+ ){0,3}before (?:a |the |they |their |buying|"
     r"purchas|ordering|an order))", 0.6),
    # (lane probe20b) "at what stage are we losing the chefs": the -ing forms too, whoever is lost
    (r"\b(?:at )?(?:which|what) (?:stage|step|point|touchpoint|page)s? (?:do|did|are|were|does|is) (?:\w+ ){0,3}"
     r"(?:stop|leave|leaving|quit|drop|give up|giving up|lose|losing|bail|abandon|fall|walk away|go missing|going missing|disappear|"
     r"vanish|get stuck|getting stuck|stall|ditch|ghost|desert)\w*", 0.7),
    # (lane ps19) "advise at what stage the families drop away", "which step do enquiries die at": the
    # question said indirectly (no "do") or with the trade's own word for going cold
    (r"\b(?:at )?(?:which|what) (?:stage|step)s? (?:(?:do|did|are|were|does|is) )?(?:[\w'-]+ ){0,4}?"
     r"(?:drop(?:s|ped|ping)? (?:away|off|out)|fall(?:s|ing)? (?:away|off|out)|fell (?:away|off|out)|die|dies|died|dying|"
     r"dry up|dries up|dried up|peter(?:s|ed)? out|fizzl(?:e|es|ed) out|go(?:es)? cold|went cold|trail(?:s|ed)? off)\b", 0.9),
    # "at what point do would-be clients walk away", "the last stage people reach before they
    # vanish": where people are lost, however many words name them
    (r"\b(?:at )?(?:which|what) (?:stage|step|point|touchpoint|page)s? (?:do|did|are|were|does) (?:[\w'-]+ ){0,5}?"
     r"(?:walk(?:s|ed|ing)? (?:away|off)|go(?:es)? missing|disappear|vanish|give up|bail|quit)\w*|"
     r"\b(?:last|final) (?:stage|step|touchpoint|page|point)s? (?:[\w']+ ){0,3}?(?:reach|get to|hit|see|visit|make it to)\w* "
     r"before (?:they |people |customers |clients |folks? )?(?:vanish|disappear|leave|go|drop|give up|bail|walk|quit|ghost)\w*", 0.9),
    (r"\b(?:didn'?t|did not|never|don'?t|do not) (?:convert|buy|order|purchase)\w*|\bnon-?buyers\b|"
     r"\bwithout (?:buying|ordering|booking|purchasing)\b|"
     r"\bbefore (?:leaving|(?:they|people|customers|visitors|shoppers|folk|users) (?:left|leave|go|went))\b", 0.45),
    (r"\b(?:loses?|losing|lost) (?:the most|most|more) (?:people|customers|shoppers|visitors)?", 0.5),
    # (lane probe16a) "where are people dropping out between looking at it and paying": people lost
    # between two ends of the journey are each step's conversion, the funnel (its cue above)
    (_BETWEEN_ENDS, -0.6),
    # "the 5 biggest places we lose people", "points where customers give up"
    (r"\b(?:places?|points?|spots?|steps?|stages?|pages?) (?:where |that )?(?:we|people|customers|shoppers|visitors|they|folk|"
     r"buyers|clients|guests|users)"
     r" (?:\w+ )?(?:lose|drop|leave|give up|bail|quit|abandon)\w*", 0.6),
    # (lane probe24c) "top 3 spots where folk go missing before buying", "the last place people were
    # seen before not booking online": where people were last before they vanished, however said
    (r"\b(?:places?|points?|spots?|steps?|stages?|pages?) (?:where |that )?(?:we|people|customers|shoppers|visitors|they|folks?|"
     r"buyers|clients|guests|users|ppl) (?:\w+ )?(?:go(?:es)? missing|going missing|went missing|vanish\w*|disappear\w*|"
     r"wander\w* off|drift\w* off|slip\w* away|melt\w* away)|"
     r"\b(?:last|final) (?:place|spot|point|page|step|touchpoint)s? (?:[\w']+ ){0,4}?(?:seen|spotted|sighted)\b|"
     # (lane probe28b) "last spot before they fail to reach after-sales": the last place before a goal missed
     r"\b(?:last|final) (?:place|spot|point|page|step|touchpoint)s? (?:[\w']+ ){0,3}?before (?:[\w']+ ){0,2}?(?:fail(?:s|ed)? to|"
     r"never|don'?t|didn'?t|do not|did not|stop|give up|bail|leave|drop)\b", 0.9),
    # "who leaves before reaching add to cart?": lost on the way to a named step
    (r"\b(?:leave|leaves|left|leaving|quit\w*|give up|gives up|gave up|drop out|drops out|bail\w*) before "
     r"(?:reaching|getting to|they (?:reach|get to|hit)|hitting|making it to)\b", 0.7),
    # "sales are flat, where exactly are people dropping?": people leaving somewhere, whatever KPI
    # the message also names
    (r"\bwhere (?:exactly |precisely )?(?:are|do|did|were) (?:the )?(?:people|customers|folks?|visitors|shoppers|users|buyers|"
     r"clients|guests) (?:\w+ )?(?:drop|dropping|leav\w*|los\w*|giv\w* up|bail\w*|quit\w*|fall\w*)\b", 0.3),
    # "which step lost us the most riders in October": the step people left at, whatever they are called
    (r"\bwhich (?:stage|step|touchpoint|page)s? (?:\w+ )?(?:lose|loses|losing|lost)\b", 0.4),
    # "where do clients stop short of leaving a review", "where do they fall short of booking":
    # where people leave on the way to a step
    (r"\b(?:stop|stops|stopped|stopping|fall|falls|fell|falling|pull|pulls|pulled|pulling) (?:up )?short of\b", 0.8),
    # (lane tune31) "where the customers run away before paying", "kindly tell where families leave
    # before a placement": where people leave on the way, said without "do"; "last place people were
    # before they gave up on us": the last step before leaving
    (r"\bwhere (?:the |our |all the )?(?:[\w'-]+ )?(?:people|customers|clients|families|folks?|visitors|shoppers|users|buyers|guests|"
     r"students|patients|members|punters|they) (?:\w+ )?(?:leave|leaves|left|run away|ran away|runs away|give up|gave up|drop out|"
     r"drop off|bail|bails|quit|quits|walk away|walked away|vanish|disappear|fall away)\b(?= (?:\w+ )?before\b)|"
     r"\b(?:last|final) (?:place|spot|stop|page|step)s? (?:[\w'-]+ ){0,3}?before (?:they |people |customers |clients |folks? )?"
     r"(?:gave up|give up|left|leave|quit|bailed|walked away|ran away|vanished|disappeared|dropped out)\b", 0.9),
    # "never got to checkout, where were they last?": the last step before leaving
    (r"\bwhere (?:were|was|are|is|did) (?:they|them|people|customers|clients|shoppers|visitors|folks?|those|these) "
     r"(?:\w+ )?(?:last|at the end|when they (?:left|gave up|stopped|went))\b", 0.9),
    # (lane ps22) "where the lost customers were last seen", "where lapsed riders were seen last": the last
    # step those who left reached, whatever they are called
    (r"\bwhere (?:the |our |all the |those |these )?(?:[\w'-]+ ){0,2}?(?:were|was) (?:last seen|seen last|last spotted|spotted last|"
     r"last heard of)\b|\bwhere (?:were|was) (?:the |our |all the |those |these )?(?:[\w'-]+ ){1,3}?(?:last seen|seen last|"
     r"last spotted|spotted last)\b", 1.2),
    # (lane tune35) "last spot ppl were seen before not placing an online order", "the last step folk were seen at
    # before they never booked": where those who missed the goal were seen last, said as the place
    (r"\b(?:the )?last (?:spot|place|step|page|point|stop|touchpoint)s? (?:where |that )?(?:[\w'-]+ ){0,2}?(?:were|was|got) "
     r"(?:seen|spotted|at)\b(?: (?:at|on|in))?(?: [\w'-]+){0,3}? (?:before|prior to) (?:they |people |ppl |folk )?"
     r"(?:not|never|didn'?t|did not|without|giving up|gave up|leaving|left|dropping|dropped)\b", 1.2),
)
PATH_CUES = (
    (r"\bpaths?\b|\broutes?\b|\bsequences?\b", 0.8),
    # (lane probe29b) "what do the soap people click before them place an order": the clicks on the way
    (r"\bwhat\b.{0,40}\bclick(?:s|ed)? (?:on |through )?before\b", 1.0),
    # (lane probe24c) "stage by stage, what road do people take before buying", "how often does the
    # road to a commission involve a phone call": the road people take is their route
    (r"\b(?:what|which) (?:roads?|routes?|ways?) (?:do|does|did) (?:[\w'-]+ ){0,3}(?:take|follow|travel)\b|"
     r"\b(?:roads?|routes?|ways?|journeys?) to (?:an? |the |their )?(?:[\w-]+ ){0,2}?(?:orders?|bookings?|purchases?|sales?|commissions?|"
     r"hires?|checkouts?|jobs?) (?:\w+ )?(?:involves?|includes?|takes? in|goes? through|passes through)\b", 1.0),
    # (lane probe23c) "the usual road from first look to paying", "the well-trodden trail to a booking":
    # the way people commonly take; "what do folk do between seeing us at the market and booking":
    # what they do on the way, not how many reach each step
    (r"\b(?:usual|typical|normal|common|standard|well[- ]trodden|well[- ]worn|beaten|regular) (?:road|trail|track|way|route|path)s?\b|"
     r"\bwhat (?:do|does|did) (?:the |our )?(?:[\w'-]+ ){0,2}?(?:folks?|people|customers|clients|buyers|guests|punters|they|shoppers|visitors) "
     r"(?:usually |typically |normally |actually )?(?:do|get up to) (?:in )?between\b", 1.2),
    # "the usual run of touchpoints before someone orders", "how do people who end up ordering move
    # through the stages": the way buyers came, step after step (not each step's conversion)
    (r"\b(?:usual|typical|normal|common|standard) (?:run|string|chain|trail|series|order|sequence|round) of (?:touch ?points|"
     r"steps|stages|channels|things)\b|\b(?:people|customers|clients|buyers|those|folks?|ones|shoppers|guests) (?:who|that) "
     r"(?:end up |ended up |eventually |go on to |went on to |actually |do |did )?(?:order|buy|book|pay|purchas|check)\w*\b"
     r".{0,40}\b(?:move|moves|moved|go|goes|went|get|gets|got|travel|make (?:their|its) way) (?:through|along|across)\b", 0.9),
    # not "break it down by first-touch channel": a breakdown of another analysis
    (r"(?<!by )(?<!per )(?<!across )(?<!whose )\bfirst[- ]touch(?:point)?\b|\blast[- ]touch(?:point)?\b|\bclos(?:e|es|ing) the (?:deal|sale)\b|"
     # "the channel that first found the buyer and the one that sealed it": both ends of the path
     r"\b(?:seal(?:s|ed|ing)?|clinch(?:es|ed|ing)?) (?:it|the (?:deal|sale|order|booking|job))\b|"
     r"\bchannels? (?:that|which) first (?:found|finds|brought|brings|reached|reaches|introduced|met|hooked)\b|\bbring (?:buyers|them|customers) in\b", 0.6),
    (r"\bwhich channels? (?:first )?(?:bring|brings|brought|introduce|introduces)\b" + NOT_A_SHIFT + "|"
     r"\b(?:top|common|usual|typical|main) (?:\d+ )?(?:journeys|routes|paths|sequences)\b|"
     r"\bjourneys? (?:to|towards|before|into) (?:purchase|buying|an? order|ordering)\b", 0.6),
    (r"\bjourneys? (?:lead|leading|that lead)\b|\bjourneys? (?:that |which )?(?:end|ends|ended|ending) (?:with|in|at|up)\b|"
     r"\bsteps? (?:\w+ )?taken (?:before|on the way to|to get to)\b|\bon (?:the|their|its|his|her) way to\b|\bfind their way\b|"
     r"\btypical (?:customer )?journeys?\b|\bsteps? (?:do )?(?:buyers|customers|people) take\b|"
     r"\bwhat do (?:customers|people|buyers) (?:usually |typically |normally )?do before\b|"
     r"\bcommon (?:customer )?journeys?\b|\bhow do (?:our |the |[\w-]+ ){0,2}?(?:buyers|customers|people|clients|shoppers|folks?|guests) (?:usually |typically )?"
     r"(?:get|find|end up|come)\b", 0.7),
    # "usual steps before an online candle order", "journeys towards a flower order": the way there
    (r"\b(?:usual|typical|normal|common|standard|most common) (?:steps|touch ?points|moves) (?:people |customers |buyers )?"
     r"(?:take )?(?:before|on the way to|towards|leading (?:up )?to)\b|"
     r"\bjourneys? (?:to|towards|before|into) (?:an? |their )?(?:online |web )?(?:[a-z-]+ )?(?:order|purchase|booking)\b", 0.7),
    # (probe17b) "most common last 3 steps before someone buys", "the final two touchpoints before a
    # booking": the end of the way there, however many steps
    (r"\b(?:last|final) (?:\d{1,2}|two|three|four|five|six|few|couple of) (?:steps|touch ?points|moves|clicks|things) "
     r"(?:[\w'-]+ ){0,3}?(?:before|leading (?:up )?to|on the way to|ahead of)\b", 0.9),
    (r"\bjourneys? (?:that |which )?(?:include|involve|contain|had|have|with)\b|\bhow many journeys\b|\boffline touchpoints?\b|\bshop visit\b|\bgo through on the way\b|"
     r"\b(?:order|sequence|series) of (?:touchpoints|steps|stages|events|channels)\b", 0.5),
    # (lane ps8) "where do guests first find us and where do they finally decide": both ends of the way
    (r"\bfirst (?:find|found|hear|heard|come across|came across|discover|discovered|meet|met|see|saw|spot|spotted|notice|noticed) "
     r"(?:of |about )?(?:us|our [\w-]+)\b.{0,60}\b(?:finally|eventually|in the end|at last|last|ultimately) "
     # (lane tune30) "... and what finally gets them to sign": the far end said as what brings them to it
     r"(?:(?:gets?|got|makes?|made|brings?|brought|pushes|pushed|tips?|tipped|persuades?|convinces?) (?:them |people |folk )?(?:over )?(?:to |into )?)?"
     r"(?:decide|book|buy|choose|commit|pay|order|sign(?: up)?|make (?:up )?their minds?)\w*", 0.9),
    # (lane probe18a) "where do racers first find us and where do they decide to book": the second
    # end asked as its own "where", with no "finally"
    (r"\bfirst (?:find|found|hear|heard|come across|came across|discover|discovered|meet|met|see|saw|spot|spotted|notice|noticed) "
     r"(?:of |about )?(?:us|our [\w-]+)\b.{0,40}\b(?:and|then|but|,) where (?:do|does|did) (?:they|[\w-]+) (?:actually |then )?"
     r"(?:decide|book|buy|choose|commit|pay|order|sign up|make (?:up )?their minds?)\w*", 0.9),
    # (lane probe21b) "where did buyers first find us and where were they just before they ordered",
    # "where were the clients right before they booked": the path's last step, said as a place
    (r"\bwhere (?:were|was|are|is|had|have) (?:they|(?:the |our )?(?:[\w-]+ )?(?:buyers|customers|clients|people|guests|shoppers|folks?)) "
     r"(?:been |last |at )?(?:just|right|immediately|straight) before (?:they |them |he |she )?(?:ordered|order|bought|buy|booked|book|"
     r"paid|pay|purchased|purchase|hired|hire|checked out|signed up)\w*\b", 0.9),
    # "where do buyers first come from, what's the last thing they touch before buying?"
    (r"\b(?:first|last|final) (?:thing|step|touch\w*|channel)s? (?:\w+ ){0,3}before (?:buying|paying|booking|"
     r"they (?:buy|order|purchase|pay|book)|ordering|purchasing|an? (?:order|purchase))\b|"
     # "which channel do they first meet us on and which one is last before they pay?": both ends
     r"\bfirst\b.{0,60}\b(?:and|but|then)\b.{0,40}\b(?:last|final)(?: (?:one|thing|step|touch\w*|channel))? before "
     r"(?:they |people |customers )?(?:buy|pay|order|purchase|book|check out)\w*\b|\bwhere do (?:our |the )?(?:buyers|customers|people|shoppers) "
     r"(?:first )?come from\b", 0.6),
    # "what steps lead up to someone recommending us", "which steps lead customers into the checkout"
    (r"\b(?:what|which) (?:\w+ )?steps? (?:usually |typically )?(?:lead|leads|led|leading) (?:\w+ )?(?:up )?(?:to|into|towards)\b", 0.8),
    # "what steps do clients tend to go through before booking?": the steps themselves
    (r"\b(?:what|which) (?:\w+ )?steps? (?:do|does|did|would|will) (?:\w+ ){1,4}(?:go through|take|follow|pass through|"
     r"work through|make)\b|\bsteps? (?:\w+ ){0,3}(?:go|goes|went) through before\b", 0.7),
    # "first-touch vs last-touch channel": the two ends of the path, set side by side
    (r"\bfirst[- ]touch\w*\b.{0,40}\b(?:vs\.?|versus|against|compared (?:to|with)|or|and)\b.{0,12}\blast[- ]touch|"
     r"\blast[- ]touch\w*\b.{0,40}\b(?:vs\.?|versus|against|compared (?:to|with)|or|and)\b.{0,12}\bfirst[- ]touch", 0.5),
    # (tune31) a trade's own verb: "before they hire a bike", "before they rent a van"
    (r"\bbefore (?:buying|booking|enrol?ling|signing up|they (?:buy|order|purchase|book|hire|rent|commission|enrol+|sign up|join)|ordering|purchasing|an? (?:order|purchase|booking)|"
     r"their (?:first )?(?:order|purchase|booking))\b|\b(?:visited|visit|came into|popped into) the (?:shop|store)\b", 0.4),
    # "stage by stage rather than touchpoint by touchpoint": which level of path, the paths' own choice
    (r"\btouchpoint by touchpoint\b", 0.6),
    # "how do the non-buyers move through the stages?": the routes they take, not how many get through
    # "how do people who don't buy candles move around the shop": the way they go about it
    (r"\bhow(?! many| much) (?:do |does |did )?(?:[\w'-]+ ){1,7}(?:move|moves|go|goes|travel|travels|make (?:their|its|his|her) way|progress|"
     r"progresses|flow|flows|wander|wanders|get|gets|find (?:their|its) way) (?:through|thru|around|about|round|along|across)\b", 0.7),
    # (tune32) "how do browsers who never buy move thru the stages": the non-buyers' way about is their
    # route (the funnel counts who gets through; these people never do)
    (r"\b(?:never|don'?t|do not|didn'?t|did not|won'?t) (?:buy|book|order|purchase|pay|sign up|hire)\w*\b.{0,40}\b(?:move|moves|go|goes|"
     r"travel|travels|make (?:their|its) way|progress|flow|wander|get|gets) (?:through|thru|around|about|round|along|across)\b|"
     r"\bnon-?(?:buyers|bookers|payers)\b.{0,40}\b(?:move|moves|go|goes|travel|make (?:their|its) way|progress|flow|wander) "
     r"(?:through|thru|around|about|round|along|across)\b", 0.5),
    # "stage by stage, what do the browsers who never buy actually do?": what they do is their path
    (r"\bwhat (?:do|does|did) (?:the |our |those |these )?(?:[\w'-]+ ){1,6}(?:actually |usually |typically |normally |really )?"
     r"(?:do\b(?! (?:for|about|with|to|it|that|this|last|first|next|before)\b)|get up to\b)", 0.75),
    # "how do people from Ashton get to a purchase", "the usual ways cheese buyers got to an order"
    (r"\b(?:how(?! many| much)|ways?|routes?) (?:do |does |did |that )?(?:[\w'-]+ ){0,6}(?:get|gets|got|getting|come|came|make (?:their|its) way|"
     r"made (?:their|its) way|find (?:their|its) way|found (?:their|its) way) to (?:an? |the |their )?(?:first )?"
     r"(?:purchase|order|booking|sale)\b", 0.7),
    # "which channel first introduced them and which one got them over the line", "the usual trail
    # to checkout", "what steps lead up to a quote request", "do buyers touch anything offline on the
    # way": where people came from, what closed it, the steps between
    (r"\bwhich channels? (?:first )?(?:introduced|introduces|found|finds|brought|reached|hooked)\b" + NOT_A_SHIFT + "|"
     r"\b(?:got|get|gets|getting) (?:them|it|people|buyers|customers|clients) over the line\b|\btrails?\b|"
     r"\b(?:what|which) (?:\w+ )?(?:steps?|touch\w*|things?|pages?) (?:\w+ ){0,2}(?:lead|leads|led) (?:\w+ )?(?:up )?(?:to|into)\b|"
     r"\b(?:touch|touches|touched|use|uses|used|do|does|did) (?:something|anything|a step|a touchpoint) offline\b|"
     r"\boffline (?:on|along) the way\b", 0.7),
    # "for this month's buyers, where did they first come from and what closed it": both ends of
    # the buyers' path
    (r"\b(?:what|which (?:\w+ )?(?:channel|step|touch\w*|thing)s?) (?:finally |eventually |actually )?(?:closed|closes|sealed|seals|"
     r"clinched|clinches) (?:it|the (?:deal|sale|order|booking|job))\b|\bwhere (?:did|do|does) (?:they|he|she|[\w'-]+ (?:buyers|customers|"
     r"clients|people)) (?:first |originally )?(?:come|came) from\b", 0.7),
    # (lane probe18b) "which touchpoints first bring patients in and which ones end up closing the booking":
    # both ends of the path, each with its adverb of time
    (r"\bwhich (?:\w+ )?(?:channels?|touch ?points?|steps?|ones?)\b.{0,30}?\b(?:first |initially |originally )?(?:bring|brings|"
     r"brought|pull|pulls|pulled|draw|draws|drew|get|gets|got)\b.{0,30}?\bin\b.{0,20}?\bwhich (?:ones? |channels? |touch ?points? )?"
     r"(?:(?:end|ends|ended) up |finally |eventually |actually |usually )?(?:clos|seal|clinch)\w*", 0.9),
    # "what steps come before someone places an order", "which touchpoints happen just before a booking"
    (r"\b(?:what|which) (?:\w+ )?(?:steps?|touch ?points?|touches|things?) (?:\w+ ){0,2}(?:come|comes|came|happen\w*|go|goes|went)"
     r" (?:just |right |usually |typically )?before\b|\bwhat (?:usually |typically |normally )?happens (?:just |right )?before\b", 0.8),
    # "the most common ways people reach the checkout"
    (r"\b(?:common|usual|typical|main|popular|normal) ways? (?:that )?(?:people|customers|buyers|shoppers|folk|they)? ?"
     r"(?:get|reach|arrive|come|end up|find)\b", 0.6),
)
# (lane ps14) "every stage for the bakery's buyers, split by channel", "each step, broken down by where
# they first found us": how many reach each stage, split, is the funnel split (no feeling, time or KPI
# asked of the stages)
FUNNEL_CUES += (
    (r"^(?:(?:and|so|ok|now|right),? )?(?:show (?:me )?|give (?:me )?)?(?:every |each |all (?:the |of the )?)(?:stage|step)s?\b"
     r"(?!.*\b(?:feel\w*|mood|tone|sentiment|happ\w+|satisf\w+|scor\w+|rat(?:ed|ings?)|csat|nps|time|long|days?|revenue|sales|"
     r"sound\w*|complain\w*|themes?)\b).{0,40}\b(?:split|broken (?:down|out)|divided|separated)\b", 1.0),
)
# (lane probe24a) "which first channel turns browsers into bookers best", "which channel gets lookers
# to become buyers": browsers made buyers, group against group, is the funnel split
FUNNEL_CUES += (
    (r"\b(?:turns?|turning|turned|converts?|converting|makes?|gets?) (?:the |our |its |their )?(?:[\w'-]+ ){0,2}?"
     r"(?:browsers|visitors|lookers|window[- ]shoppers|enquirers|tyre[- ]kickers|site visitors) (?:into|to become|to) "
     r"(?:[\w'-]+ ){0,3}?(?:buyers|bookers|customers|clients|payers|paying \w+|members)\b", 1.1),
)
