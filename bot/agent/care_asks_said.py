"""(lane probe28c) Next best actions asked in an owner's own words for the action or the list.

"customers with a botched trip who need it fixed first", "clients whose fitting went wrong and
need it sorted": something of theirs went wrong and wants putting right, the service recovery.
"folk who asked about a survey but never went ahead, which ones should i chase", "people who
got a quote and didn't book, worth a nudge?": enquirers who never bought, worth converting (not a
win-back: they never bought to come back). "next moves for the guests", "next steps with our
members": the next best actions. "one customer at a time": a line per customer (never a list
of one). Cues of next_best_actions (bot/agent/predict_tools.py) and readings of its plan
(bot/agent/actions_plan.py). Also: "enquirers with no valet booked yet who probably will" (nothing
bought yet, a purchase expected: purchase_propensity) and "who slipped onto the high risk list over
the past 21 days" (newly_at_risk), hooked at the end of bot/agent/predict_cues.py."""

from __future__ import annotations

_GONE_WRONG = (r"(?:botched|bungled|messed[- ]up|mucked[- ]up|cocked[- ]up|screwed[- ]up|ruined|spoilt|spoiled|failed|"
               r"disastrous|shambolic|dodgy|faulty|wrong|bad|rotten|duff)")
_THING = (r"(?:orders?|trips?|bookings?|deliver(?:y|ies)|jobs?|visits?|stays?|services?|repairs?|fittings?|install\w*|parcels?|"
          r"boxes|box|sessions?|classes|class|lessons?|meals?|treatments?|appointments?|experiences?|rides?|tours?|hires?|"
          r"inspections?|cuts?|haircuts?|cleans?|valets?|events?|nights?|days?)")
_PUT_RIGHT = (r"(?:fix|fixed|fixing|sort|sorted|sorting|put right|putting right|made good|make good|making good|made right|"
              r"make (?:it |things )?right|resolved|redone|re-?done|redo)")
# "with a botched trip who need it fixed first", "whose order went wrong and needs sorting"
_BOTCHED = (rf"\b(?:{_GONE_WRONG} (?:[\w'-]+ ){{0,2}}?{_THING}|{_THING} (?:that |which )?(?:went|gone|going|go) (?:badly |horribly )?"
            rf"(?:wrong|pear-shaped|sideways|south))\b.{{0,50}}\b(?:need|needs|needing|want|wants|should (?:get|have))\b "
            rf"(?:it |that |them |things |this )?(?:to be |getting |to get )?{_PUT_RIGHT}\b")
# "asked about a termite inspection but never went ahead, which ones should i chase"
_ENQUIRED = (r"\b(?:asked|enquired|inquired|rang|called|phoned|emailed|messaged|wrote in|got in touch) (?:us )?(?:about|for|after|re) "
             r".{0,40}?\b(?:but|and|then) (?:they )?(?:never|didn'?t|did not|haven'?t|have not|hasn'?t|not yet|still haven'?t) "
             r"(?:\w+ ){0,2}?(?:went ahead|go ahead|gone ahead|booked|book|bought|buy|ordered|order|signed up|sign up|committed|"
             r"paid|pay|followed through|took it further|taken it further)\b"
             r"|\b(?:got|had|took|requested) (?:a |our )?quotes? (?:from us )?(?:but|and) (?:never|didn'?t|did not|haven'?t) "
             r"(?:\w+ ){0,2}?(?:booked|book|bought|buy|ordered|order|went ahead|go ahead|paid|pay)\b")
_WORTH_IT = (r"\b(?:chase|chasing|nudg\w*|push|follow up|go after|tempt|convince|persuade|win over|worth (?:a |the )?\w+|"
             r"should (?:i|we) (?:\w+ )?(?:contact|call|ring|email|message|text|try|approach|chase|nudge))\b")
_NEXT_MOVES = (r"\bnext (?:moves?|steps?|best (?:moves?|steps?))\b (?:for|with|on) (?:the |our |my |each |every |all )?(?:[\w'-]+ ){0,3}?"
               r"(?:customers|clients|guests|members|regulars|buyers|shoppers|families|folks?|people|punters|patients|students|"
               r"visitors|diners|riders|owners|pupils|subscribers|base)\b")
ONE_AT_A_TIME = (r"\bone (?:customer|client|member|guest|person|patient|student|family|buyer|shopper|visitor|name|head|punter)s? "
                 r"at a time\b|\bone at a time\b")

CARE_ACTION_CUES = ((_BOTCHED, 1.2), (_ENQUIRED + r".{0,60}" + _WORTH_IT, 1.2), (_NEXT_MOVES, 1.0))
# read before actions_plan's own list (its "chase" is a win-back: these never bought)
CARE_ACTIONS = [(_BOTCHED, "service_recovery"), (_ENQUIRED + r".{0,60}" + _WORTH_IT, "convert_prospect")]

# "enquirers with no valet booked yet who probably will", "leads that haven't ordered yet but likely
# will": nothing bought yet, a purchase expected (purchase_propensity; its plan reads prospects)
_NOT_YET_BUT_LIKELY = (r"\b(?:no|not|never|haven'?t|hasn'?t|have not|has not|yet to)\b(?: [\w'-]+){0,3}? yet\b,?.{0,20}?\b(?:who|that|but|and) "
                       r"(?:they )?(?:will |'ll |are |is |would )?(?:probably|likely|prob|most likely|might|may|could|should|"
                       r"looks? (?:likely|set)|seem likely)\b")
CARE_PROPENSITY_CUES = ((_NOT_YET_BUT_LIKELY, 1.0),)

# "who slipped onto the high risk list over the past 21 days", "which members landed on the at-risk list
# this week": newly at risk, said as getting onto the list (not the list as it stands)
_ONTO_THE_LIST = (r"\b(?:slipped|slid|moved|landed|got|gone|went|fell|fallen|dropped|ended up|crept|made it|popped up|turned up|"
                  r"appeared|showed up) (?:on ?to|into|on|in) (?:the |our |my )?(?:[\w'-]+ ){0,2}?(?:high[- ]risk|at[- ]risk|"
                  r"churn[- ]risk|risk|danger|red)(?: (?:list|zone|pile|bucket|group|column))?\b")
CARE_NEWLY_CUES = ((_ONTO_THE_LIST, 1.2),)
