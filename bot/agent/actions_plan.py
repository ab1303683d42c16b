"""Next best actions read from an owner's words: which action ("a freebie for sticking with us" is
a loyalty reward, "lapsed regulars to tempt back" a win-back), for whom (a list of people or a
group's headline) and whether prospects count. Split from bot/agent/predict_tools.py when that
reached the size limit."""

from __future__ import annotations

from typing import Any

from bot.agent.care_asks_said import CARE_ACTIONS, ONE_AT_A_TIME
from bot.agent.patterns import rx
from bot.agent.predict_sayings import MORE_ACTIONS
from bot.agent.predict_slots import DIMS, filters_arg, limit_arg, slot_text
from bot.agent.tools import ToolContext

# owners' words for high spend: "big-spending golfers", "our best clients", "people who spend a lot"
_VALUABLE = (r"(?:valuable|big[- ]spend\w*|high[- ]spend\w*|high[- ]value|best (?:customers|clients|buyers|members)|"
             r"top (?:customers|clients|buyers|spenders)|spen[dt]\w* (?:a lot|the most|big|loads)|worth (?:the )?most)")
_ACTIONS = [
    # "deserve a freebie for sticking with us", "a little treat for being loyal"
    (r"\bloyalty reward|\breward\w*|\bthank[- ]you\b|\bperks?\b|\bfreebies?\b|\btreats?\b|\bgifts?\b|\bgoodies\b|"
     r"\b(?:sticking|stuck|staying|stayed) with us\b|\bfor (?:their|being|staying) loyal(?:ty)?\b|\bspoil\b|"
     r"\b(?:deserves?|earned|merits?) (?:a |an )?(?:little |small |wee )?something\b", "reward_loyal"),
    (r"\bpersonal (?:follow[- ]?up|call|touch)|\bfollow[- ]?up\b|\bring\b|\bring(?:ing)? (?:\w+ )?up\b|\bpersonally\b|"
     r"\bphone call\b", "personal_follow_up"),
    # "lapsed big spenders to win back": the valuable ones, in owners' words. (lane tune34) "worth
    # winning back" alone says no value (the banks' convention): the plain win-back below
    (r"\bwin(?:ning)?[- ]?back\b.*\b" + _VALUABLE + r"|\b" + _VALUABLE + r".*\bwin(?:ning)?[- ]?back", "win_back_valuable"),
    # "lapsed regulars to tempt back", "lure them back" (not "get back to them": a reply),
    # "worth luring back", "worth fighting for"
    (r"\bworth (?:winning|getting|bringing|luring|tempting|coaxing|wooing|fighting for|chasing)\b|\bwin(?:ning)?[- ]?back\b|\bwin (?:them|back)\b|\b(?:tempt|lure|coax|entice|woo|bring|get|draw)\w* (?:\w+ )?back\b(?! to\b)|"
     # "a come-back nudge", "a nudge to come back"
     r"\bcome-?back (?:nudge|offer|voucher|deal|discount|email|message|text|note|treat|incentive)s?\b|"
     r"\b(?:nudge|offer|voucher|reason|incentive|push) to (?:come back|return|rebook|re-?order)\b|"
     r"\b(?:chase|chasing|chased|chivvy|chivvying|hassle|hassling) (?:\w+ ){0,2}(?:to|into) (?:come back|coming back|return\w*|"
     r"rebook\w*|re-?order\w*|book again|buy again|order again)\b|\b(?:chase|chasing|go(?:ing)? after)\b(?! up\b)", "win_back"),
    (r"\bservice recovery\b|\bapolog\w*|\b(?:a|an|some) sorry\b|\bbad (?:experience|time)\b|\b(?:make|put|set|making|putting|setting) (?:(?:it|things|that|them|this) )?right\b|\bmake amends\b|"
     r"\bmake (?:it )?up (?:to|for) (?:them|him|her|it)\b|\bmake (?:it|things) up to\b|\b(?:say|saying) sorry\b|"
     r"\bsorry (?:note|message|email|card|gift|voucher)s?\b|\b(?:unhappy|upset|angry|disgruntled|annoyed|dissatisfied|fed[- ]up|grumpy) (?:\w+ ){0,2}(?:customers|clients|ones|people|members|guests|patients|families|regulars)\b.{0,40}\b(?:sort\w*(?: \w+)? out|fix\w*|smooth\w* (?:\w+ )?over|look\w* after|patch\w* up|put right)", "service_recovery"),
    # "a friendly check-in message", "could do with a quick hello"
    (r"\bcheck[- ]?in\b|\bcheck on (?:them|how)\b|\bquick (?:hello|hi|note|word|message|text|email)\b|"
     r"\bfriendly (?:message|note|hello|word|email|text|nudge)\b|\bsay (?:hello|hi)\b|\bsee how (?:they'?re|they are) (?:getting on|doing)\b",
     "check_in"),
    # "a nudge to finish their first order": a first order started, not placed; (lane probe25c)
    # "asked about joining but never paid, who should i nudge": paying is the first purchase too
    (r"\bconvert (?:the )?prospects?\b|\bnudge (?:the )?prospects?\b|\b(?:turn\w*|convert\w*|win\w* over|bring\w* over) (?:\w+ ){0,3}(?:in ?to|over to) (?:paying |actual |real |first-time |proper )?(?:customers|clients|buyers)\b|\bconvert\w* (?:\w+ ){0,3}(?:leads?|enquir\w*|browsers?)\b|\bworth convert\w*|"
     r"\b(?:finish|complete|place|go through with) (?:their|a|the) (?:first )?(?:order|checkout|booking|purchase|basket)\b|\b(?:prospects?|leads?|enquir\w*|inquir\w*|(?:haven'?t|not yet|yet to) (?:\w+ ){0,2}(?:bought|booked|ordered))\b.{0,40}\bnudg\w*|\bnever (?:\w+ )?(?:book|booked|buy|bought|order|ordered|sign\w* up|paid|pay|purchased|joined|enrolled|enroll?ed|committed)\b.{0,40}\b(?:convert\w*|nudg\w*|coax\w*|tempt\w*)|\b(?:nudg\w*|coax\w*|tempt\w*) (?:\w+ ){0,3}in ?to (?:a|an|their|the) first\b",
     "convert_prospect"),
    (r"\bno discount\b|\b(?:don'?t|do not|won'?t) need (?:a |any )?discount|\bwithout (?:a |any |the )?(?:discount|voucher|money off|price cut)s?\b|\b(?:skip|hold off|go without|no need for|spare|avoid) (?:\w+ ){0,2}discount\w*|"
     r"\bwould buy anyway\b|\bbuy (?:it )?anyway\b|\b'?d buy anyway\b|\bwithout (?:me |us )?(?:knocking|taking|giving) (?:[\w£$€%-]+ ){0,3}off\b", "no_discount_needed"),
]


def actions_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = slot_text(slots)
    out: dict[str, Any] = {**limit_arg(slots), **filters_arg(slots)}
    if getattr(slots, "customer_id", None):
        # one customer: no group or list length of the last answer applies ("what about C00077?"
        # after the actions for the vip segment)
        return {"customer_id": slots.customer_id}
    for pattern, action in CARE_ACTIONS + MORE_ACTIONS + _ACTIONS:
        if rx.search(pattern, text):
            # "big spenders we should lure back": the win-back for the valuable ones
            valuable = action == "win_back" and rx.search(r"\b" + _VALUABLE, text)
            out["action"] = "win_back_valuable" if valuable else action
            break
    if getattr(slots, "breakdown", None) in DIMS:
        out["by"] = slots.breakdown
    if rx.search(r"\b(?:each|every|per)[- ](?:customer|client|member|guest|patient|student)\b|\b(?:action|to-?do|call) list\b|\bone by one\b|\bcustomer by customer\b|"
                 # "one line each", "a line per client", "person by person": a row for each of them
                 r"\b(?:one|a|single) line (?:each|apiece|per (?:customer|client|member|guest|person|head|name))\b|"
                 r"\b(?:person|client|member|guest|name|head) by (?:person|client|member|guest|name|head)\b|\bindividually\b|"
                 # "each of my coaching clients, one line per person": person by person
                 r"\b(?:each|every one|every single one) of (?:my|our|the|them|those) |\bone (?:line|row|entry) (?:per|for each|each|a) |"
                 # "which lapsed high-spending spa guests", "who had a bad experience and needs ...": people, named
                 r"\bwhich (?:[\w-]+ ){0,3}(?:customers|clients|people|members|regulars|ones|guests|patients|students|diners|"
                 r"shoppers|buyers)\b|^(?:so |and |ok,? )?who\b|"
                 r"\bwho (?:just |really |still )?(?:needs|should|deserves)\b|\blist (?:the |them|those|these|all)?\b|\bname(?:s|d)? (?:the )?customers\b|"
                 r"\bnames\b", text):
        out["level"] = "customers"
    if rx.search(ONE_AT_A_TIME, text):  # (lane probe28c) "one customer at a time": a line each, not a list of one
        out["level"] = "customers"
        if out.get("limit") == 1:
            del out["limit"]
    if out.get("action") == "convert_prospect" or rx.search(r"\bprospects\b|\bnever bought\b|\bnon-?buyers\b|\beveryone\b|\beverybody\b|"
                 r"\b(?:haven'?t|have not|hasn'?t|not yet|yet to) (?:\w+ ){0,2}(?:bought|ordered|purchased|booked|buy|order|purchase)\b",
                 text):
        out["include_prospects"] = True
    return out
