"""Feelings compared site by site (lane real25): "which site has the happiest reviewers?", "are
yelp reviewers more negative than amazon ones?", "is sentiment better on imdb or yelp?".

A review export loads each site's reviews with the site as their channel (the UCI sentences
recipe: amazon, imdb, yelp). Asked by site, or with two of the sites the loaded texts hold named
side by side, the feeling is split by that channel, not by journey stage (the default, which a
review export has only one of)."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.patterns import lazy, rx

_SITE = r"(?:review |web ?|online )?(?:sites?|websites?|platforms?)"
SITE_SPLIT = lazy(rf"\b(?:which|what|each|every|per|by|across|between|from one|one) {_SITE}\b|"
                        r"\b(?:site|website|platform) (?:by|to|vs\.?|versus) (?:site|website|platform)\b")
# the feeling asked site by site (ratings and scores named are the KPIs', not the texts')
SITE_FEELING_CUE = (rf"^(?!.*\b(?:nps|csat|ratings?|rated|scores?|stars?|satisf\w*)\b).*\b(?:which|what) {_SITE}\b.{{0,40}}"
                    r"\b(?:happiest|unhappiest|angriest|grumpiest|nicest|kindest|harshest|warmest|happier|unhappier|"
                    r"(?:most|more|less|least) (?:negative|positive|critical|upset|upbeat))\b")


def _sites_held(store: Any) -> list[str]:
    """The channels the loaded survey texts come from (a review export's sites), lower case."""
    try:
        with store.connect() as con:
            rows = con.execute("SELECT DISTINCT lower(channel) FROM surveys WHERE channel IS NOT NULL "
                               "AND text IS NOT NULL LIMIT 50").fetchall()
    except Exception:  # noqa: BLE001 - no surveys: no sites to split by
        return []
    return [r[0] for r in rows if r[0]]


def site_split(text: str, store: Any, args: dict[str, Any]) -> dict[str, Any]:
    """{"by": "channel"} when the feeling is asked site by site; else nothing."""
    if args.get("by"):
        return {}
    if SITE_SPLIT.search(text):
        return {"by": "channel"}
    named = [s for s in _sites_held(store) if rx.search(rf"\b{re.escape(s)}\b", text)]
    return {"by": "channel"} if len(named) >= 2 else {}
