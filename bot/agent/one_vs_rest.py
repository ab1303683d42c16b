"""One weekday or month weighed against the rest: "is friday a big night compared to the rest of
the week", "monday sales, any good vs other days?", "how's August compared to the other months?".
The other side is the rest of the week or year, not a period: the time_pattern tool with that
day or month in focus answers it (where it ranks among the others). Before, these went to the
period comparison, which compared this month with last and never looked at the day.
"""

from __future__ import annotations

from bot.agent.patterns import rx
from bot.agent.when_words import MONTH_NAMES, WEEKDAY_NAMES

# (lane probe22b) "does october beat every other month", "does friday outsell the other days": a
# verb of beating the rest is the same weighing
_VS = (r"(?:compared (?:to|with)|compares? (?:to|with)|stacks? up (?:to|with|against)|vs\.?|versus|against|next to|relative to|over|than|"
       r"beat(?:s|ing)?|outdo(?:es|ing)?|outsell(?:s|ing)?|outperform(?:s|ing)?|outshine(?:s)?|tops?|trumps?|ahead of|edges? out|"
       # (lane probe24b) "does october stand out from the other months", "is friday any different from the other days"
       r"stands? out (?:from|among(?:st)?|above)|(?:any )?different (?:from|to)|"
       # (lane probe29a) "is november head and shoulders above the other months", "a cut above every other month"
       r"(?:head and shoulders |a cut |a notch |way |well |miles |streets )above|(?:streets|miles|way) ahead of)")
# (lane ps21) "than in any other month", "compared with every other day": the rest said one by one
_ANY = r"(?:(?:any|every|each|all(?: the)?) )?"
_REST_DAYS = (rf"(?:the )?{_ANY}(?:other|rest of the) (?:days?|weekdays?|nights?|evenings?|days of the week)\b|"
              r"(?:the )?rest of (?:the|our) week\b|(?:the )?other \d days\b")
_REST_MONTHS = rf"(?:the )?{_ANY}(?:other|rest of the) months?\b|(?:the )?rest of (?:the|our) year\b"
_DAY = "(?:" + "|".join(WEEKDAY_NAMES) + ")s?"
# not "may" ("may" is as often the verb)
_MONTH = "(?:" + "|".join(m for m in MONTH_NAMES if m != "may") + ")"
DAY_VS_REST = rf"\b{_DAY}\b.{{0,80}}\b{_VS}(?: in| on| for)? {_REST_DAYS}"
MONTH_VS_REST = rf"\b{_MONTH}\b.{{0,80}}\b{_VS}(?: in| for)? {_REST_MONTHS}"


def one_vs_rest(text: str) -> str | None:
    """weekday | month when one day or month is set against the rest of the week or year."""
    if rx.search(DAY_VS_REST, text):
        return "weekday"
    if rx.search(MONTH_VS_REST, text):
        return "month"
    return None
