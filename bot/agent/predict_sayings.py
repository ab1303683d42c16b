"""More of what owners say when they want a prediction tool (lane ps12, from blind17's misses):
ranking cues added to bot/agent/predict_cues.py's lists, and next-best-action readings tried
before bot/agent/predict_tools.py's own."""

from __future__ import annotations

# people named by any plural: "which families", "which yogis", "which skiers"
_WHICH_PEOPLE = r"\bwhich (?:[\w-]+ ){0,2}[a-z]+(?:s|ies)\b"

MORE_ACTION_CUES = (
    # "which families should I phone myself", "which members do we call ourselves": who to contact,
    # the people named in the trade's own plural
    (_WHICH_PEOPLE + r" (?:should|do|must|need to|ought to) (?:i|we) (?:\w+ )?(?:ring|phone|call|contact|text|visit|email|"
     r"message)\b", 0.9),
    # "will come back anyway, no discount needed", "who'd rebook anyway": money off not needed
    (r"\bno (?:discount|voucher|money off|offer)s? (?:needed|required|necessary)\b|\b(?:come|be|coming) back anyway\b|"
     r"\b(?:rebook|re-?order|return|renew)\w* anyway\b", 0.9),
    # "worth a nudge towards a first lesson", "due a friendly check-in from me": a gesture owed
    (r"\bworth (?:a |an )?(?:little |gentle |quick |wee |friendly )?(?:nudge|push|prod|reminder|ring|call|chase|follow[- ]?up)\b|"
     r"\bdue (?:a |an )?(?:little |quick |wee |friendly |personal )?(?:check[- ]?in|call|ring|hello|catch[- ]?up|nudge|"
     r"follow[- ]?up)\b", 0.9),
    # "next step for takeaway customer C00042": the trade's word before the customer
    (r"\bnext (?:best )?(?:move|step|action|thing)s? (?:for|with|on|about) (?:[\w-]+ ){1,2}(?:customer|client|member|guest|"
     r"patient|account) [a-z]{0,3}-?\d{3,}\b", 1.0),
    # "count the suggested actions in each segment": the actions themselves, counted or split
    (r"\b(?:suggested|recommended|proposed) (?:next )?(?:actions|steps|moves)\b", 1.2),
    # (lane probe20a) "what should the katsu bar do to get more diners coming back", "what can we do to
    # have more riders book again": a goal for the customers, what to do about them
    (r"\bwhat (?:should|can|could|shall|ought|do|would you have) (?:we|i|you|the [\w'-]+(?: [\w'-]+)?|my [\w'-]+|our [\w'-]+) "
     r"(?:to )?(?:be )?(?:do|doing|try|trying)\b.{0,25}\b(?:to )?(?:get|have|see|bring|keep|make)\b.{0,30}\b(?:coming back|come back|"
     r"returning|return|rebook\w*|re-?order\w*|(?:buy|book|order|shop|visit)\w* (?:again|more often|a second time))\b", 1.2),
    # "next move for each brewer, customer by customer", "the next step for every member": one step per customer
    (r"\bnext (?:best )?(?:move|step|action|thing to do)s? (?:for|with) (?:each|every|all (?:of )?(?:our|my|the)?) ?(?:[\w'-]+ ){0,2}?"
     r"[a-z]+(?:s|er|or|ist|ian|ee|ent|ant)?\b", 1.0),
    # (lane ps29) "lapsed big spenders, who to chase", "which ones to nudge over the line": whom to act on,
    # said as the deed owed to them
    (r"\b(?:who|which(?: ones| of them)?) (?:to|should (?:i|we)|do (?:i|we)) (?:chase|nudge|coax|prod|tempt|woo|court)\b|"
     r"\b(?:nudge|push|tip|get|coax) (?:\w+ ){0,2}over the (?:line|edge)\b", 1.0),
)

# (pattern, action) read before predict_tools' own list
MORE_ACTIONS = [
    # "phone them myself", "call round in person": the owner's own follow-up
    (r"\b(?:phone|call|ring|visit)\w* (?:\w+ )?(?:myself|ourselves|in person)\b", "personal_follow_up"),
    # "a nudge towards a first lesson", "never-booked folk worth converting": a first purchase
    (r"\bnudg\w* (?:\w+ ){0,2}(?:towards|to|into) (?:a|an|their|the) first\b|\bnever-(?:booked|bought|ordered)\b|"
     # (lane ps29) "enquirers who never took a lesson - nudge them over the line": the first purchase
     r"\b(?:nudge|push|tip|get|coax) (?:\w+ ){0,2}over the (?:line|edge)\b|\bnever (?:\w+ )?(?:took|taken|had|tried|came to|come to)"
     r" (?:a|an|their|one|any)\b.{0,50}\b(?:nudg\w*|coax\w*|tempt\w*|convert\w*)", "convert_prospect"),
    (r"\bno (?:discount|voucher|money off|offer)s? (?:needed|required|necessary)\b|\b(?:come|be|coming) back anyway\b",
     "no_discount_needed"),
]

MORE_AT_RISK_CUES = (
    # "getting riskier the quickest", "growing riskier": the risk rising (sorted so by the plan)
    (r"\b(?:getting|growing|becoming|got|grown|become) (?:more )?(?:risky|riskier|more at risk)\b|\briskier\b", 0.9),
)

MORE_FORECAST_CUES = (
    # "fee income we can expect over the next six months": money still to come
    (r"\b(?:income|revenue|takings|sales|money|turnover|fees)\b (?:[\w-]+ ){0,3}(?:we|i) (?:can|could|should|might) "
     r"(?:expect|count on|bank on|look forward to)\b", 1.0),
    # (lane probe18b) "what's the outlook for the coming 12 months, sales wise": an outlook over time to
    # come is the forecast, whichever KPI "wise" names it (not that KPI as it stands)
    (r"^(?=.*\b(?:outlook|forecast|projections?|prospects)\b).*\b(?:next|coming|following) (?:\d+ |few |couple of |twelve |six )?"
     r"(?:days|weeks|months|quarter|year)\b", 0.5),
)

MORE_PROPENSITY_CUES = (
    # (lane ps29) "likely hovercraft bookers from Clifton", "probable repeat buyers": the buyers to come, in a phrase
    (r"^(?:the |our |who are (?:the |our )?)?(?:most |more )?(?:likely|probable) (?:[\w-]+ ){0,2}(?:bookers|buyers|purchasers|"
     r"orderers|customers|clients|shoppers)\b", 0.9),
    # "look set to reorder soon", "people who've never paid but might soon": a purchase to come
    (r"\b(?:look|looks|looking|seem|seems) (?:set|likely|ready|due) to (?:re-?order|re-?book|re-?buy|buy|order|book|purchase)\b|"
     r"\bnever (?:\w+ ){0,2}paid\b.{0,20}\b(?:probably|likely|soon|might|may|could)\b", 1.0),
    # (lane probe18a) "which regulars are due another order soon", "who's ready for their next
    # booking": the next purchase expected (never "overdue", which is a lapse)
    (r"(?<!over)\b(?:due|ready) (?:for )?(?:another|a new|their next|a repeat|a fresh|the next) (?:order|booking|visit|purchase|"
     r"top-?up|refill|appointment|session|lesson|shop|box|stay)\b", 1.0),
    # "will rebook anyway, no voucher needed": who needs no money off (the next best action), not who buys next
    (r"\b(?:re-?book|re-?order|re-?buy|come back|return|buy|order|book)\w* anyway\b|"
     r"\bno (?:discount|voucher|money off|offer)s? (?:needed|required|necessary)\b", -0.8),
)

# (lane probe18c) more sayings, in their own module
from bot.agent.predict_plain_asks import PLAIN_ACTION_CUES, PLAIN_ACTIONS, PLAIN_PROPENSITY_CUES  # noqa: E402

MORE_ACTION_CUES += PLAIN_ACTION_CUES
MORE_ACTIONS += PLAIN_ACTIONS
MORE_PROPENSITY_CUES += PLAIN_PROPENSITY_CUES

# (lane ps15) more sayings, in their own module
from bot.agent.predict_owner_sayings import (  # noqa: E402
    OWNER_ACTION_CUES,
    OWNER_ACTIONS,
    OWNER_AT_RISK_CUES,
    OWNER_PROPENSITY_CUES,
)

MORE_ACTION_CUES += OWNER_ACTION_CUES
MORE_ACTIONS = OWNER_ACTIONS + MORE_ACTIONS
MORE_AT_RISK_CUES += OWNER_AT_RISK_CUES
MORE_PROPENSITY_CUES += OWNER_PROPENSITY_CUES

# (lane tune30) more sayings, in their own module
from bot.agent.predict_personal_touch import TOUCH_ACTION_CUES, TOUCH_ACTIONS  # noqa: E402

MORE_ACTION_CUES += TOUCH_ACTION_CUES
MORE_ACTIONS = TOUCH_ACTIONS + MORE_ACTIONS

# (lane ps20) more sayings, in their own module
from bot.agent.predict_next_steps import STEP_ACTION_CUES, STEP_ACTIONS  # noqa: E402

MORE_ACTION_CUES += STEP_ACTION_CUES
MORE_ACTIONS = STEP_ACTIONS + MORE_ACTIONS
