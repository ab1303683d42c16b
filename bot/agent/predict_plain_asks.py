"""(lane probe18c) More of what owners say when they want a prediction tool, added to
bot/agent/predict_sayings.py's lists (hooked at its end): a purchase said as getting ready for
it ("gearing up to reorder"), a bad experience that needs damage control, and a small thanks
owed to long-standing customers."""

from __future__ import annotations

# "getting ready to", "gearing up to", "poised to": a purchase about to happen
_READYING = r"(?:gearing up|getting ready|geared up|ready|poised|primed|lining up|fixing|fixin'?) to"
_AGAIN = (r"(?:re-?order|re-?book|re-?buy|re-?stock|top up|renew|(?:buy|order|book|shop|purchase)(?: \w+)? again|"
          r"come back for more)")

PLAIN_PROPENSITY_CUES = (
    # "which of our current plumbers are gearing up to reorder", "who's getting ready to book again"
    (rf"\b{_READYING} {_AGAIN}\b", 1.0),
)

# a bad experience to make good: "need some damage control", "a bit of fence-mending"
_DAMAGE = (r"\b(?:damage[- ]control|damage[- ]limitation|fence[- ]mending|mend(?:ing)? (?:some |the )?fences|"
           r"smooth(?:ing)? (?:\w+ )?over|patch(?:ing)? things up|win(?:ning)? (?:them |back )?(?:their )?trust back)\b")
# a small thanks owed: "should get a little something to say thanks", "a token of thanks"
_THANKS = (r"\b(?:something|gift|treat|voucher|freebie|card|note|token|bonus|extra|gesture)\b.{0,20}\b(?:to say|saying|as a|by way of|of) "
           r"thanks\b|\bthank (?:them|those|these)\b|"
           r"\b(?:longtime|long-?time|long-?standing|long-?serving|oldest|most loyal) (?:[\w-]+ ){0,2}\w+s\b.{0,40}"
           r"\b(?:should|deserves?|could|ought to|merit|earn)\b")

# (lane probe19a) "which pool clients should i give a personal call", "who deserves a ring from me
# myself": the owner's own call, asked of the people (not "the phone call count", nor "calls" as tickets)
_OWN_CALL = (r"\b(?:who|which (?:[\w'-]+ ){0,2}?(?:customers|clients|people|members|regulars|ones|guests|families|parents|"
             r"punters|patients|students|pupils|accounts|owners|tenants|residents|households))\b.{0,30}\b(?:should|do|need|needs|must|could|deserves?|gets?) "
             # (lane probe25c) "which pupils' parents should i personally ring": the adverb before the call
             r"(?:i|we|me|us)? ?(?:(?:personally|myself|ourselves|really|just) )?(?:to )?(?:give|get|make)? ?(?:them )?(?:a |an )?(?:personal |quick |wee |friendly )?"
             r"(?:call|ring|bell|buzz|phone ?call|phone)\b(?: (?:from me|from us|myself|personally))?")

PLAIN_ACTION_CUES = (
    (_OWN_CALL, 0.9),
    (r"\b(?:bad|rough|poor|awful|terrible|horrible|rotten|disappointing) (?:experience|time|visit|job|stay|service)\b.{0,50}" + _DAMAGE
     + "|" + _DAMAGE + r".{0,50}\b(?:who|which|customers|clients)\b", 0.9),
    (_THANKS, 0.6),
)

PLAIN_ACTIONS = [
    (_OWN_CALL, "personal_follow_up"),
    (_DAMAGE, "service_recovery"),
    (_THANKS, "reward_loyal"),
]
