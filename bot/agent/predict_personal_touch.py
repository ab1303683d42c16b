"""(lane tune30) More of what owners say when they want the next best actions, added to
bot/agent/predict_sayings.py's lists (hooked at its end): who to give a personal ring or a visit
(the owner's own follow-up), and a goal said first with "where do I start" (what to do, for whom)."""

from __future__ import annotations

# "which customers should I give a personal ring", "who do we pay a wee visit", "which riders should
# I send a handwritten note": a gesture from the owner, to people picked from the data
_GESTURE = (r"(?:personal |quick |wee |friendly |little |courtesy )?(?:ring|call|bell|buzz|visit|phone call|house call|"
            r"handwritten note|personal touch)")
_WHO_GETS = (rf"\b(?:who|which (?:[\w'-]+ ){{0,2}}[a-z]+s)\b.{{0,30}}\b(?:should|shall|do|must|could|ought to|need to) (?:i|we) "
             rf"(?:give|pay|make|send)\b (?:them |\w+ )?(?:a |an )?{_GESTURE}\b")
# "I want more athletes coming back for a second block, where do I start": more of a return, then
# how to go about it (what to do for which customers), not a count of returns
_GOAL_THEN_START = (r"\b(?:i|we) (?:want|need|would like|'d like|wanna|am trying|are trying|'m trying|'re trying) (?:to (?:get|see|have) )?"
                    r"(?:more|fewer) (?:[\w'-]+ ){0,4}?(?:coming back|come back|returning|rebooking|re-?ordering|booking again|"
                    r"buying again|ordering again|renewing|staying on|sticking around)\b.{0,60}\b(?:where|how) (?:do|should|shall|would|"
                    r"can|to)(?: i| we)? (?:start|begin)\b")

TOUCH_ACTION_CUES = ((_WHO_GETS, 0.9), (_GOAL_THEN_START, 1.0))
TOUCH_ACTIONS = [
    # "a personal ring", "give them a call": the owner's own follow-up
    (r"\bpersonal (?:ring|call|visit|touch|phone call|follow[- ]?up|note)\b|\bpay (?:them |\w+ )?(?:a |an )?(?:quick |wee |friendly )?(?:visit|call)\b|\bgive (?:them |\w+ )?(?:a |an )?(?:quick |wee |"
     r"friendly )?(?:ring|call|bell|buzz)\b", "personal_follow_up"),
]
