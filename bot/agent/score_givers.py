"""Who the feedback is from, said as the score they gave: "only the ones who scored us 1 or 2",
"people who rated us 2 or less", "the ones who would never recommend us". A score given to us
with no scale named is out of 5 (the satisfaction survey); the recommend question is the NPS.
`score_filters` reads every way of saying a score band as the feedback search's filters
(moved from bot/agent/feedback_tools.py, which was at its size limit)."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy, rx

_GAVE = r"\b(?:scored|scoring|rated|rating|marked|marking|gave|giving|given)\s+(?:us|the \w+|it|them)\s+(?:a |an )?"
# "scored us 1 or 2" (a scale named after the numbers is read by the caller first)
_BAND = lazy(_GAVE + r"([1-5])\s*(?:or|to|-|and)\s*([1-5])\b(?!\s*(?:stars?|out of|/|of 10|on (?:the )?nps))")
_ONE_END = lazy(_GAVE + r"([1-5])\s*(?:or|and)\s*(less|lower|under|below|worse|fewer|more|higher|above|over|better)\b"
                      r"(?!\s*(?:out of|/|on (?:the )?nps))")
# (lane ps25) "the ones who gave 9 or 10", "scored us 0 to 6": a band reaching past 5 with no scale
# named is the recommend question's 0-10, the NPS
_NPS_BAND = lazy(r"\b(?:scored|scoring|rated|rating|marked|marking|gave|giving|given)\s+(?:us\s+|the \w+\s+|it\s+|them\s+)?"
                       r"(?:a |an )?(\d{1,2})\s*(?:or|to|-|and)\s*(\d{1,2})\b(?!\s*(?:stars?|out of|/|of 5|%|percent))")
# "would never recommend us", "wouldn't recommend the place": the NPS detractors (0-6); "would
# happily recommend us": the promoters (9-10)
_DETRACTORS = lazy(r"\b(?:(?:would|'d|will)\s+never|wouldn'?t|won'?t|would not|will not|never|(?:un|not )likely to)\s+"
                         r"(?:ever\s+)?recommend\b")
_PROMOTERS = lazy(r"\b(?:would|'d|will) (?:happily|definitely|gladly|certainly|surely|already) recommend\b|"
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
    m = _NPS_BAND.search(text)
    if m and 5 < max(int(m.group(1)), int(m.group(2))) <= 10:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return {"min_nps": lo, "max_nps": hi}
    if _DETRACTORS.search(text):
        return {"min_nps": 0, "max_nps": 6}
    if _PROMOTERS.search(text):
        return {"min_nps": 9, "max_nps": 10}
    return {}


def score_filters(text: str) -> dict[str, Any]:
    """Survey-score filters: "scored us 5 out of 5", "the passives, the 7s and 8s", "detractors"."""
    out: dict[str, Any] = {}
    # "people who scored us 1 or 2 out of 5": a range on the named scale
    m = rx.search(r"\b(?:scored|scoring|rated|rating|gave|giving|marked|marking|score of|rating of)\s+(?:us\s+)?(\d{1,2})\s*(?:or|to|-|and)\s*(\d{1,2})\s*"
                  r"(?:out of|/|of)\s*(5|five|10|ten)\b", text)
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        key = "csat" if m.group(3) in ("5", "five") else "nps"
        return {f"min_{key}": lo, f"max_{key}": hi}
    # (lane probe23a) "the ones who rated the seitan kitchen 2 or lower out of 5": one end, on the named scale
    m = rx.search(r"\b(?:scored|scoring|rated|rating|gave|giving|marked|marking)\s+(?:us\s+|(?:the|our|my)\s+(?:[\w'-]+\s+){1,3}?)?"
                  r"(?:a |an )?(\d{1,2})\s*(?:or|and)\s*(less|lower|under|below|worse|more|higher|above|over|better)\s*"
                  r"(?:out of|/|of)\s*(5|five|10|ten)\b", text)
    if m:
        n, low, key = int(m.group(1)), m.group(2) in ("less", "lower", "under", "below", "worse"), \
            "csat" if m.group(3) in ("5", "five") else "nps"
        top = 5 if key == "csat" else 10
        if n <= top:
            return {f"min_{key}": (1 if key == "csat" else 0) if low else n, f"max_{key}": n if low else top}
    m = rx.search(r"\b(?:scored|scoring|rated|rating|gave|giving|marked|marking|score of|rating of)\s+(?:us\s+)?(\d{1,2})\s*(?:out of|/|of)\s*(5|five|10|ten)\b",
                  text)
    if m:
        score, scale = int(m.group(1)), m.group(2)
        key = "csat" if scale in ("5", "five") else "nps"
        out[f"min_{key}"] = out[f"max_{key}"] = score
        return out
    # "gave us 6 or less on nps", "an nps of 9 or more", "csat 2 or under": one end of the scale
    m = rx.search(r"\b(?:(\d{1,2})\s*(?:or|and)\s*(less|lower|under|below|fewer|more|higher|above|over|better|worse)\s+"
                  r"(?:on|in|for|at|with|as)\s+(?:the |our |their |an? |its )?(csat|nps)|(csat|nps)(?: scores?| ratings?)?"
                  r"(?: of| at)?\s+(\d{1,2})\s*(?:or|and)\s*(less|lower|under|below|fewer|more|higher|above|over|better|worse))\b",
                  text)
    if m:
        scale, n, way = (m.group(3), m.group(1), m.group(2)) if m.group(3) else (m.group(4), m.group(5), m.group(6))
        top = 10 if scale == "nps" else 5
        if int(n) <= top:
            low = way in ("less", "lower", "under", "below", "fewer", "worse")
            return {f"min_{scale}": 0 if low and scale == "nps" else 1 if low else int(n),
                    f"max_{scale}": int(n) if low else top}
    # "a csat of 1 or 2", "nps 0-6", "csat score below 3": the scale is named, the numbers follow
    m = rx.search(r"\b(csat|nps)(?: scores?| ratings?)?(?: of| at| between| from)?\s+(\d{1,2})(?:\s*(?:or|to|-|and)\s*(\d{1,2}))?\b",
                  text)
    if m and (m.group(1) == "nps" or int(m.group(3) or m.group(2)) <= 5):
        lo, hi = sorted((int(m.group(2)), int(m.group(3) or m.group(2))))
        return {f"min_{m.group(1)}": lo, f"max_{m.group(1)}": hi}
    m = rx.search(r"\b(csat|nps)(?: scores?| ratings?)?(?: was| is| were| of)? (?:below|under|less than|lower than) "
                  r"(\d{1,2})\b", text)
    if m and int(m.group(2)) >= 1 + (m.group(1) == "csat"):
        return {f"max_{m.group(1)}": int(m.group(2)) - 1}
    m = rx.search(r"\b([1-5])\s*(?:or|to|-|and)\s*([1-5])\s*stars?\b", text)  # "gave us 1 or 2 stars"
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return {"min_csat": lo, "max_csat": hi}
    # "the people who gave us a 1 or 2 satisfaction score", "satisfaction 4 or 5": that score band
    m = rx.search(r"\b([1-5])\s*(?:or|to|-|and)\s*([1-5])\s*(?:out of (?:5|five) )?(?:on (?:the |our )?)?(?:satisfaction|csat|happiness)\b|"
                  r"\bsatisfaction(?: scores?| ratings?)?(?: of| at| between| from)?\s+([1-5])\s*(?:or|to|-|and)\s*([1-5])\b", text)
    if m:
        lo, hi = sorted(int(g) for g in m.groups() if g)
        return {"min_csat": lo, "max_csat": hi}
    # "customers who gave 1 star", "the one-star reviews": searched every score before (Olist's
    # "what do customers who gave 1 star say?" quoted 5-star answers)
    m = rx.search(r"\b([1-5]|one|two|three|four|five)[- ]?stars?\b", text)
    if m:
        n = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}.get(m.group(1)) or int(m.group(1))
        return {"min_csat": n, "max_csat": n}
    if given := score_given(text):  # "the ones who scored us 1 or 2", "would never recommend us"
        return given
    m = rx.search(r"\b(\d{1,2})s?\s+(?:and|or|to|-)\s+(\d{1,2})s\b", text)
    if rx.search(r"\bpassives?\b", text) or (m and int(m.group(2)) <= 10):
        lo, hi = (int(m.group(1)), int(m.group(2))) if m else (7, 8)
        out.update(min_nps=lo, max_nps=hi)
    elif rx.search(r"\bdetractors?\b", text):
        out.update(min_nps=0, max_nps=6)
    elif rx.search(r"(?<!\bnet )\bpromoters?\b(?! score)", text):  # (ps27) "net promoter" is the NPS itself
        out.update(min_nps=9, max_nps=10)
    return out
