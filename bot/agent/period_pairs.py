"""Two periods named outright against each other, with no KPI named: "how did October stack up
against September, all the numbers", "last quarter against the one before, the full picture".
Or said as more or less of the one than the other: "were we busier yesterday than the Saturday
before". The headline words ("all the numbers") are kpis' cue, but kpis reads one period and drops the
other without saying so; compare shows the headline KPIs of both, side by side."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy
from bot.agent.word_fragments import WEEKDAY

# the word that sets the two periods side by side
_PAIRED = lazy(r"\b(?:against|vs\.?|versus|next to|alongside|beside|side by side with|compared (?:to|with)|"
                     r"stack(?:s|ed)? up)\b")
# the headline words kpis answers alone ("map last month's journey vs this month's" is the map's)
_HEADLINE = lazy(r"\b(?:numbers|figures|stats|kpis?|metrics|headlines?|full picture|everything|across the board)\b|"
                       # "how did the forge do in october compared with september": how the business did, both months
                       r"\bhow(?: did|'d| have| has) (?:(?:we|things|it) |(?:the|our|my) (?:[\w'&-]+ ){1,3}?)(?:do|done|get on|got on|go|"
                       r"gone|fare|fared|perform|performed|trade|traded)\b")


# "were we busier yesterday than the Saturday before": a comparative, then the other period
# (how busy the business was, or how it did; "more positive than last month" is the feeling's, sentiment's)
_THAN = lazy(r"\b(?:busier|quieter|slower|(?:do|did|doing|done|fare|fared|trade|traded) (?:any |a bit |much )?(?:better|worse))\b"
                   r"[^.?!]{0,40}?\bthan\b")
_DAY = rf"{WEEKDAY}"
# "than the Saturday before", "than the tuesday before it", "than the week before": a span set
# against the one just before it, which no pattern of the week (time_pattern) says
THAN_CUES = ((r"\bthan (?:on )?the (?:same )?(?:" + _DAY + r"|day|week|weekend|fortnight|month|quarter|year) "
              r"(?:before|prior|previous|earlier)\b|\bthan (?:on )?(?:last|the previous) " + _DAY + r"\b|"
              # "was last monday or last thursday busier", "which was busier": one day set against another
              r"\bwhich (?:one |day |of (?:them|the two) )?was (?:busier|quieter|better|worse)\b|"
              r"\b(?:last|this) " + _DAY + r" or (?:last |this )?" + _DAY + r" (?:busier|quieter|better|worse)\b", 0.55),)
# (lane probe15c) "how did the septic side do in October vs September", "how did we get on in Q3
# against Q2", "how's the shop doing this week next to last week": how the business did, asked of
# two periods, is the headline too (kpis' own cue, which reads one period and drops the other)
_HOW_DID_IT_DO = lazy(r"\bhow(?:'s|'d| is| was| are| were| did| does| do| has| have) (?:[\w'-]+ ){1,4}?"
                            r"(?:do|doing|done|go|going|gone|get on|getting on|got on|fare|faring|fared|perform|"
                            r"performing|performed|look|looking|looked)\b(?!.*\b(?:feel|felt|feeling|feelings|mood)\b)")


# (lane probe22a) "q3 against q2 for the snail farm", "october vs september at the forge": two periods
# set against each other and nothing else asked, the headline KPIs of both
_P = (r"(?:q[1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:last|this|the previous|the past) "
      r"(?:week|month|quarter|year|fortnight)|yesterday|today|(?:the )?(?:first|second) half of [a-z]+)")
_BARE_PAIR = lazy(rf"^{_P} (?:against|vs\.?|versus|next to|alongside|beside|compared (?:to|with)) {_P}"
                        r"(?:,? (?:for|at|in|of) (?:the |our |my )?(?:[\w'-]+ ){0,3}[\w'-]+)?[?.! ]*$")


def boost_two_periods(slots: Any) -> float:
    """compare's extra weight when the question sets one period against another it names."""
    from bot.agent.analytics_cues import metrics_from

    if getattr(slots, "against", None) is None or metrics_from(slots) or getattr(slots, "breakdown", None):
        return 0.0
    text = getattr(slots, "norm", "") or ""
    return 1.0 if (_PAIRED.search(text) and (_HEADLINE.search(text) or _HOW_DID_IT_DO.search(text))) or _THAN.search(text) \
        or _BARE_PAIR.search(text) else 0.0
