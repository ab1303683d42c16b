"""Two periods named outright against each other, with no KPI named: "how did October stack up
against September, all the numbers", "last quarter against the one before, the full picture".
The headline words ("all the numbers") are kpis' cue, but kpis reads one period and drops the
other without saying so; compare shows the headline KPIs of both, side by side."""

from __future__ import annotations

import re
from typing import Any

# the word that sets the two periods side by side
_PAIRED = re.compile(r"\b(?:against|vs\.?|versus|next to|alongside|beside|side by side with|compared (?:to|with)|"
                     r"stack(?:s|ed)? up)\b")
# the headline words kpis answers alone ("map last month's journey vs this month's" is the map's)
_HEADLINE = re.compile(r"\b(?:numbers|figures|stats|kpis|metrics|headlines?|full picture|everything|across the board)\b")
# (lane probe15c) "how did the septic side do in October vs September", "how did we get on in Q3
# against Q2", "how's the shop doing this week next to last week": how the business did, asked of
# two periods, is the headline too (kpis' own cue, which reads one period and drops the other)
_HOW_DID_IT_DO = re.compile(r"\bhow(?:'s|'d| is| was| are| were| did| does| do| has| have) (?:[\w'-]+ ){1,4}?"
                            r"(?:do|doing|done|go|going|gone|get on|getting on|got on|fare|faring|fared|perform|"
                            r"performing|performed|look|looking|looked)\b(?!.*\b(?:feel|felt|feeling|feelings|mood)\b)")


def boost_two_periods(slots: Any) -> float:
    """compare's extra weight when the question sets one period against another it names."""
    from bot.agent.analytics_cues import metrics_from

    if getattr(slots, "against", None) is None or metrics_from(slots) or getattr(slots, "breakdown", None):
        return 0.0
    text = getattr(slots, "norm", "") or ""
    return 1.0 if _PAIRED.search(text) and (_HEADLINE.search(text) or _HOW_DID_IT_DO.search(text)) else 0.0
