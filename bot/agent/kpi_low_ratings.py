"""(lane real27a) The share of reviews at the bad end, 1 or 2 of 5 stars: the low_review_share KPI
(tools/analytics/kpi_catalog.py). Read before the other KPI sayings (bot/agent/kpi_words.py),
whose "share of reviews" and "review score" would read it as CSAT or the mean score.

Two classes: the low scores said by their stars ("1 or 2 stars", "one- or two-star reviews",
"1-2 star ratings", "rated 1 or 2 out of 5"); and the bad end said by a word ("bad reviews",
"low ratings", "poor scores") when a count or share of them is asked ("how many bad reviews",
"what percentage of bad ratings", "low ratings share"); "what share of reviews are negative"
(the reviews said good or bad as a whole) stays CSAT, as lane real25 read it. What the bad reviews SAY is no count:
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
_TERMS: list[tuple[str, str]] = [
    (_LOW_STARS, "low_review_share"),
    (rf"\b{_ASKED} (?:(?:the|our|all|my) )?(?:(?:customer|client|guest|google|online|product) )?{_BAD} {_RATED}\b{_NOT_SAID}|"
     rf"\b{_BAD} {_RATED} (?:share|rate|ratio|percentage|proportion)\b",
     "low_review_share"),
]

LOW_RATING_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
