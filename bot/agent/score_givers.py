"""Who the feedback is from, said as the score they gave: "only the ones who scored us 1 or 2",
"people who rated us 2 or less", "the ones who would never recommend us". A score given to us
with no scale named is out of 5 (the satisfaction survey); the recommend question is the NPS."""

from __future__ import annotations

import re
from typing import Any

_GAVE = r"\b(?:scored|scoring|rated|rating|marked|marking|gave|giving|given)\s+(?:us|the \w+|it|them)\s+(?:a |an )?"
# "scored us 1 or 2" (a scale named after the numbers is read by the caller first)
_BAND = re.compile(_GAVE + r"([1-5])\s*(?:or|to|-|and)\s*([1-5])\b(?!\s*(?:stars?|out of|/|of 10|on (?:the )?nps))")
_ONE_END = re.compile(_GAVE + r"([1-5])\s*(?:or|and)\s*(less|lower|under|below|worse|fewer|more|higher|above|over|better)\b"
                      r"(?!\s*(?:out of|/|on (?:the )?nps))")
# "would never recommend us", "wouldn't recommend the place": the NPS detractors (0-6); "would
# happily recommend us": the promoters (9-10)
_DETRACTORS = re.compile(r"\b(?:(?:would|'d|will)\s+never|wouldn'?t|won'?t|would not|will not|never|(?:un|not )likely to)\s+"
                         r"(?:ever\s+)?recommend\b")
_PROMOTERS = re.compile(r"\b(?:would|'d|will) (?:happily|definitely|gladly|certainly|surely|already) recommend\b|"
                        r"\b(?:love|loves) to recommend\b")


def score_given(text: str) -> dict[str, Any]:
    """The score band the writers gave, or {} when none is said this way."""
    m = _BAND.search(text)
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return {"min_csat": lo, "max_csat": hi}
    m = _ONE_END.search(text)
    if m:
        n = int(m.group(1))
        low = m.group(2) in ("less", "lower", "under", "below", "worse", "fewer")
        return {"min_csat": 1, "max_csat": n} if low else {"min_csat": n, "max_csat": 5}
    if _DETRACTORS.search(text):
        return {"min_nps": 0, "max_nps": 6}
    if _PROMOTERS.search(text):
        return {"min_nps": 9, "max_nps": 10}
    return {}
