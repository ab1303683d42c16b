"""(lane ps15) More of what owners say when they want a prediction tool, from blind18's misses,
added to bot/agent/predict_sayings.py's lists (hooked at its end): people edging towards the
exit, a bad experience to put right, money off not needed, valuable people gone quiet worth
chasing, and the most likely next buyers under the trade's own verb."""

from __future__ import annotations

# "sliding towards leaving", "edging closer to cancelling", "drifting towards the door"
_TOWARDS_EXIT = (r"\b(?:slid\w*|slipp?\w*|drift\w*|head\w*|edg\w*|creep\w*|mov\w*|inch\w*|lean\w*|trend\w*) (?:\w+ )?"
                 r"(?:towards?|closer to|nearer to|to(?:wards)? the edge of) (?:\w+ )?(?:leav\w*|churn\w*|quit\w*|cancel\w*|"
                 r"the (?:exit|door|off ?ramp)|walking away|going elsewhere|the competition)\b")
# "had a bad time and need making right", "owed an apology", "to make it up to"
_PUT_RIGHT = (r"\b(?:need|needs|needing|want|wants|deserve\w*|due|owed?)\b (?:\w+ ){0,2}(?:making|putting|setting|made|put|set) "
              r"(?:right|good)\b|\bmak(?:e|ing) (?:it|things|amends) (?:right|up to)\b|\bmake amends\b|"
              r"\bput(?:ting)? (?:it|things|that) right\b|\bmake (?:it|things) up to (?:them|those|these)\b")
# "without me throwing in a coupon", "with no voucher", "on their own, no sweetener"
_NO_SWEETENER = (r"\b(?:without|with no|no need (?:for|of)|don'?t need|won'?t need|needn'?t) (?:me |us |a |an |any |the )?"
                 r"(?:\w+ ){0,3}(?:coupons?|discounts?|vouchers?|offers?|money off|promo(?: code)?s?|codes?|deals?|freebies?|"
                 r"incentives?|sweeteners?|bribes?)\b|,? no (?:\w+ )?(?:coupons?|discounts?|vouchers?|offers?|money off|"
                 r"promo(?: code)?s?|deals?|incentives?|sweeteners?)\s*(?:needed|required|necessary)?\s*[?.!]*$|"
                 # (lane probe22b) "even if i give no discount", "even when we don't offer a deal": the buying
                 # goes on with none offered
                 r"\beven (?:if|when|though) (?:i|we|you) (?:(?:give|offer|throw in|hand out|put on) (?:them )?(?:no|zero)|"
                 r"(?:don'?t|do not|never) (?:give|offer|throw in|hand out|put on) (?:them )?(?:any|a|an)?) ?(?:\w+ ){0,2}?"
                 r"(?:coupons?|discounts?|vouchers?|offers?|money off|promo(?: code)?s?|deals?|incentives?|sweeteners?)\b")
_UNPROMPTED = r"\b(?:on their own|by themselves|of their own accord|off their own bat|unprompted)\b"
# "big spenders that went quiet", "top payers who've gone cold": valuable people lapsed
_VALUABLE_GONE_QUIET = (r"\b(?:big|biggest|top|best|heavy|heaviest|high|valuable|loyal|premium)[- ](?:spend\w*|payers|paying|value|"
                        r"customers|clients|accounts|buyers)\b.{0,40}\b(?:went|gone|going|fallen|fell|turned|gone|go) "
                        r"(?:quiet|silent|cold|dark|awol|missing|off the radar)\b|"
                        # (ps26) "big spenders who have stopped ordering", "top clients that stopped booking"
                        r"\b(?:big|biggest|top|best|heavy|heaviest|high|valuable|premium)[- ](?:spend\w*|payers|paying|value|customers|"
                        r"clients|accounts|buyers)\b.{0,30}\bstopped (?:ordering|buying|booking|coming|visiting|shopping|renewing)\b")
# (lane probe24a) "lapsed big spenders i should chase first", "the valuable ones who lapsed": people
# gone and worth much, the valuable win-back ("lapsed but worth winning back" says no value: win_back)
_SPENDERS = r"(?:big|biggest|top|high|heavy|heaviest)[- ]?(?:spend\w*|payers)|valuable (?:ones|customers|clients|members|regulars|guests|buyers)"
_LAPSED_VALUABLE = (rf"\blapsed (?:[\w'-]+ ){{0,2}}?(?:{_SPENDERS})\b|\b(?:{_SPENDERS})\b (?:[\w'-]+ ){{0,3}}?(?:who|that) "
                    r"(?:have |has |had )?lapsed\b")
_CHASE = r"\b(?:chas\w+|win\w* (?:\w+ )?back|go\w* after|worth (?:a )?(?:call|ring|chase|chasing|contacting|reaching))\b"

# (lane probe24c) "lapsed big spenders i should chase first", "dormant regulars worth going after": people
# who have lapsed, named with the chasing (valuable when their spend is said)
_LAPSED = (r"\b(?:lapsed|dormant|former|ex)[- ](?:[\w'-]+ ){0,2}?(?:customers|clients|regulars|buyers|spenders|payers|members|"
           r"accounts|patrons|diners|guests|students|folks?|ones)\b")
# (the lapsed named by their worth in one breath, "dormant high value clients": read only with the chasing, as
# a persona may be "about lapsed high value customers"; probe24a's _LAPSED_VALUABLE above stands alone)
_LAPSED_WORTH_NAMED = (r"\b(?:lapsed|dormant|former|ex)[- ](?:big|biggest|top|best|heavy|heaviest|high|valuable|premium)[- ]"
                       r"(?:spend\w*|payers|paying|value|customers|clients|accounts|buyers)\b")

OWNER_AT_RISK_CUES = ((_TOWARDS_EXIT, 0.9),)

OWNER_ACTION_CUES = (
    (_LAPSED_VALUABLE, 1.2),
    (_PUT_RIGHT, 0.9),
    (_NO_SWEETENER, 1.2),
    (r"\b(?:re-?order|re-?book|re-?buy|come back|return|buy|order|book)\w* (?:again )?" + _UNPROMPTED, 0.6),
    (_VALUABLE_GONE_QUIET + r".{0,60}" + _CHASE, 1.2),
    (_LAPSED + r".{0,60}" + _CHASE, 1.2),
    # (ps26) "which clients just need me to say hi and check in": a hello is the action wanted
    (r"\b(?:need|needs|want|wants|could do with|deserve|only need|just need)\b (?:[\w']+ ){0,3}?(?:(?:to )?say (?:hi|hello)|"
     r"(?:to )?check[- ]?in|a (?:quick |friendly )?(?:hello|hi|check[- ]?in))\b", 1.2),
)

OWNER_ACTIONS = [
    (_LAPSED_VALUABLE, "win_back_valuable"),
    (_VALUABLE_GONE_QUIET + r".{0,60}" + _CHASE, "win_back_valuable"),
    (_LAPSED_WORTH_NAMED + r".{0,60}" + _CHASE, "win_back_valuable"),
    (_LAPSED + r".{0,60}" + _CHASE, "win_back"),
    (_PUT_RIGHT, "service_recovery"),
    (_NO_SWEETENER + "|" + _UNPROMPTED, "no_discount_needed"),
]

OWNER_PROPENSITY_CUES = (
    # "will reorder on their own without a coupon": who needs no money off, not who buys next
    (_NO_SWEETENER, -0.8),
    (_UNPROMPTED, -0.3),
    # "who's most likely to hire a suit next", "which diners are likeliest to book again next"
    (r"\b(?:most likely|likeliest|most probable|most apt) to (?:\w+ ){1,4}next\b", 1.0),
    # "better than 70% odds to check out", "a 60 percent chance of booking": a buying chance, not a funnel step
    (r"\b\d{1,3}\s*(?:%|percent|per cent) (?:odds|chance|likelihood|probability)\b|"
     r"\b(?:odds|chances?|likelihood|probability) (?:\w+ ){0,3}(?:better|higher|more|greater|over|above) than \d{1,3}\s*(?:%|percent|per cent)", 1.0),
    # (tune32) "how many samosa buyers can we count on in the next few weeks", "which regulars can we bank
    # on next month": the people expected to buy in a span ahead, not the money forecast
    (r"\b(?:how many|which|who|what share of)\b(?: (?:of )?(?:[\w'-]+ ){0,3}?)?(?:can|could|will|should) (?:we|i|you) "
     r"(?:count|rely|bank|depend|reckon) on\b(?!.{0,30}\b(?:revenue|takings|turnover|sales|money|income|cash)\b)", 1.1),
    # (lane probe24c) "which folk are odds-on to order", "who's a good bet to book soon": people whose
    # buying is a safe bet, not the money expected
    (r"\b(?:odds[- ]on|a (?:good|safe|sure|decent|strong) bet|(?:good|strong|decent|high) odds|dead certs?|sure things?) "
     r"(?:to|of|for) (?:\w+ )?(?:buy|order|book|purchase|shop|come back|return|re-?order|re-?book|buying|ordering|booking|purchasing)\w*\b"
     r"(?!.{0,30}\b(?:revenue|takings|turnover|money|income|cash)\b)", 1.3),
)
