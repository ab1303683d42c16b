"""(lane real27a) The share of reviews at the bad end, 1 or 2 of 5 stars: the low_review_share KPI
(tools/analytics/kpi_catalog.py). Read before the other KPI sayings (bot/agent/kpi_words.py),
whose "share of reviews" and "review score" would read it as CSAT or the mean score.

Two classes: the low scores said by their stars ("1 or 2 stars", "one- or two-star reviews",
"1-2 star ratings", "rated 1 or 2 out of 5"); and the bad end said by a word ("bad reviews",
"low ratings", "poor scores") when a count or share of them is asked ("how many bad reviews",
"what percentage of bad ratings", "low ratings share"). (lane real28b) The reviews said bad as a
whole, "what share of reviews are negative", "how many ratings were poor", are that share too: CSAT
(the share of 4-5) was lane real25's nearest KPI before this one existed, and its complement counts
the 3s as bad; the good end ("what share of reviews are positive") stays CSAT, and reviews with no
score are read for their sentiment (bot/agent/unrated_feelings.py). What the bad reviews SAY is no count:
"what are the bad reviews about", "bad reviews mentioning delivery" stay with the feedback tools.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

_ONE = r"(?:1|one)"
_TWO = r"(?:2|two)"
_STAR = r"(?:[- ]?stars?|[- ]?star (?:reviews?|ratings?|scores?))"
# "1 or 2 stars", "one- or two-star", "1-2 star", "1 and 2 stars", "1 to 2 stars", "1/2 stars",
# "rated 1 or 2 (out of 5)", "scores of 1 or 2"
_LOW_STARS = (rf"\b{_ONE}(?:-? ?(?:or|and|to|-|–|/) ?){_TWO}{_STAR}\b|"
              rf"\b(?:rated|rating|ratings|scored|scores?|gave|giving|gives|marked) (?:(?:us|it|them|of|as|at|only) )?"
              rf"{_ONE} (?:or|and|to|-) {_TWO}\b(?: (?:out )?of (?:5|five))?|"
              rf"\b(?:two|2) stars? or (?:less|fewer|below|under|lower)\b|\b(?:below|under|less than) (?:3|three) stars?\b")
_BAD = (r"(?:bad|low|poor|negative|lousy|rubbish|terrible|awful|harsh|critical|damning|scathing|unhappy|"
        r"one[- ]star|1[- ]star|low[- ]star|low[- ]scoring)")
_RATED = r"(?:reviews?|ratings?|review scores?|star ratings?|scores?|marks?|feedback scores?)"
# what the bad reviews say, or where they come from, is the feedback's (themes, quotes)
_NOT_SAID = (r"(?! (?:about|say|says|said|saying|mention\w*|talk\w*|complain\w*|on |for |from |of |by |with |"
             r"that (?:say|mention|talk)|containing|quote|read))")
_ASKED = (r"(?:how many|number of|count(?: of)?|what (?:share|percentage|proportion|fraction|per ?cent|%)|"
          r"(?:share|percentage|proportion|fraction|per ?cent|%|rate|ratio) of)")
# "what share of reviews are negative", "how many of the ratings were poor", "how many reviews came
# out bad": the reviews said bad as a whole (never "how many reviews are there", nor the good end)
_SHARE_SAID = (r"(?:what (?:share|percentage|proportion|fraction|part|per ?cent)|the (?:share|percentage|proportion)|"
               r"(?:share|percentage|proportion|fraction) of|how many(?: of)?|% of)")
_SAID_BAD = (r"(?:negative|bad|poor|unhappy|unfavou?rable|critical|angry|upset|low|lousy|terrible|awful|harsh|scathing)")
_TERMS: list[tuple[str, str]] = [
    (_LOW_STARS, "low_review_share"),
    (rf"\b{_ASKED} (?:(?:the|our|all|my) )?(?:(?:customer|client|guest|google|online|product) )?{_BAD} {_RATED}\b{_NOT_SAID}|"
     rf"\b{_BAD} {_RATED} (?:share|rate|ratio|percentage|proportion)\b",
     "low_review_share"),
    (rf"\b{_SHARE_SAID}\b(?: of)? (?:the |our |all |all the |those |these )?(?:[\w-]+ )?(?:reviews|ratings|review scores|"
     rf"star ratings) (?:[\w'-]+ ){{0,3}}?(?:are|were|is|was|have been|came out|come out) (?:mostly |broadly |actually |"
     rf"really |pretty |quite )?{_SAID_BAD}\b{_NOT_SAID}", "low_review_share"),
]

LOW_RATING_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
