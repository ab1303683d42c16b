"""(lane ps20) More of what owners say when they want the next best actions, from blind20's
misses, added to bot/agent/predict_sayings.py's lists (hooked at its end): "what should the
studio do next with its clients", a freebie "on the house" earned, and people who used to spend
big and went quiet, to chase."""

from __future__ import annotations

# "what should the bakery do next with its regulars", "what do we do next with each segment":
# the next step asked of a group, overall or per segment
# (lane probe21c) "for each segment, what should the thrift shop do with them next": the business in two
# words, and the group pointed back to before "next"
_DO_NEXT = (r"\bwhat (?:should|shall|do|can|could|would|must|ought) (?:we|i|you|the (?:[\w'-]+ ){0,2}?[\w'-]+|[\w'-]+) (?:\w+ )?"
            r"do (?:with (?:them|those|these|it|each(?: one)?|that lot|all of them)(?: all)? )?next\b"
            r"(?:.{0,30}\b(?:with|for|about) (?:its|our|my|their|the|each|every|all)\b)?")
# "which regulars have earned one on the house", "deserve a drink on the house as a thanks"
_ON_THE_HOUSE = (r"\b(?:earned|earnt|deserve[sd]?|merit\w*|owed|due|get|gets|getting) (?:a |an |one |something |some\w* )?"
                 r"(?:[\w-]+ )?on the house\b|\bon the house\b.{0,30}\bthank")
# "the mills that used to order big and have gone silent, which do i chase first"
_USED_TO_SPEND_BIG = (r"\bused to (?:order|buy|book|spend|shop|take|come)\w* (?:\w+ )?(?:big|a lot|loads|lots|heaps|plenty|the most|"
                      r"huge|large|in bulk)\b.{0,40}\b(?:went|gone|going|fallen|fell|turned|go) (?:quiet|silent|cold|dark|awol|missing)\b"
                      r".{0,60}\b(?:chas\w+|win\w* (?:\w+ )?back|go\w* after|call|ring|contact|reach out)")

# (lane probe21b) "which loyal regulars have earned a free stack as a thank you", "who deserves a
# complimentary lesson": something free earned by loyalty (never a free replacement or redo, which
# puts a bad experience right)
_FREE_EARNED = (r"\b(?:earned|earnt|deserve[sd]?|merits?|merited) (?:a |an |one |some )?(?:little )?(?:free|complimentary|comp|bonus) "
                r"(?!(?:replacement|redo|repair|fix|refund|re-?do|remake|reshoot|return)s?\b)[\w-]+")

STEP_ACTION_CUES = ((_DO_NEXT, 1.2), (_ON_THE_HOUSE, 1.0), (_USED_TO_SPEND_BIG, 1.2), (_FREE_EARNED, 1.0))

STEP_ACTIONS = [
    (_USED_TO_SPEND_BIG, "win_back_valuable"),
    (_ON_THE_HOUSE, "reward_loyal"),
    (_FREE_EARNED, "reward_loyal"),
]
