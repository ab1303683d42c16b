"""The words of a series that every KPI analysis's cues read: the trend words (TREND_CUE: "over
time", "chart", "getting worse") and "X on X" read as a series at that grain or as one comparison
(`series_grain`; convention h in docs/ARCHITECTURE.md). Kept apart from analytics_cues.py so that
module stays under the size limit; it imports nothing of the planner's.
"""

from __future__ import annotations

from bot.agent.patterns import lazy, rx
from bot.agent.word_fragments import DAY_TO_QUARTER

# (lane probe23a) a chart drawn, never a chart read: "star chart readings", "birth chart readings" are the goods
# (lane probe28b) "covers quarter by quarter": each quarter a point, as each week or month
TREND_CUE = lazy(r"\btrend(?:s|ed|ing|line|lines)?\b|\bover time\b|\bweek by week\b|\bday by day\b|\bmonth by month\b|\bquarter by quarter\b|"
                        r"(?<!star )(?<!birth )(?<!natal )(?<!seating )(?<!size )\bchart(?:s|ed|ing)?\b(?! readings?\b)|\bplot(?:s|ted|ting)?\b|\bgraph(?:s|ed|ing|ically)?\b|\bseries\b|\bcreep\w*|\bgoing (?:up|down)\b|"
                        r"\b(?:is|are|has|have|was|were) (?:\w+ ){0,6}(?:been )?(?:rising|falling|climbing|declining|"
                        r"sliding|growing|shrinking|improving|worsening|increasing|decreasing|dropping|slipping|"
                        r"getting (?:better|worse)|creeping|edging)\b|\bhow (?:has|have) .{0,40}\bmoved\b|"
                        r"\b(?:week|day|month) to (?:week|day|month)\b|"
                        # (lane probe22c) "has nps crept up since august": a drift from a month on is its run of
                        # points; "crept up lately" or "over the last 7 days" stays the two periods side by side
                        # (drift_words.py; lane ps5's round)
                        r"\b(?:crept|edged|inched) (?:up|down)\b(?=(?:\s+[\w']+){0,4}?\s+(?:"
                        r"since (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|since the (?:start|beginning)))|"
                        r"\bover the (?:weeks|months)\b|"
                        # "are people ditching their baskets more than they used to?": a drift, no date
                        r"\bthan (?:\w+ )?used to\b|\bthan (?:it|they|we) (?:once )?(?:did|were|was)\b(?! (?:in|last|on)\b)|"
                        # "how's resolution time been moving lately?": the movement is the question
                        r"\bbeen (?:moving|tracking|trending|shifting|changing|developing|behaving|going up and down)\b|"
                        r"\b(?:heading|going|moving|trending) (?:the (?:right|wrong) way|in the (?:right|wrong) direction)\b|"
                        # "has nps moved much lately?": how it went, not against a named period
                        r"\b(?:has|have|did)\b.{0,30}\b(?:moved|move|shifted|shift|changed|change|budged|budge) "
                        r"(?:much|a lot|at all|any|around)\b(?!.*\b(?:since|than|vs|versus|compared|against)\b)")


# "week on week" is a comparison ("churn week on week") until a movement word makes it a series:
# "has churn been getting worse over the last 180 days, week on week" asks for every week.
_X_ON_X = lazy(r"\b(day|week|month|quarter) (?:on|over|to|by) \1\b")


# (lane probe24b) the lead's phase Z convention: "X on X" without two periods named is a series at
# that grain ("pesto aov month on month", "delivery times week on week, how's it going"); it stays
# one comparison when two periods are set side by side ("october vs september, month on month",
# "last month against the one before", "this week than last") or one change is asked for as a
# number ("month on month change in revenue", "what's the week on week growth").
_X_ON_X_ONE_CHANGE = lazy(
    rf"\b(?:vs\.?|versus|against|compared?|than|beside|next to|set against|relative to)\b|"
    rf"\b{DAY_TO_QUARTER} (?:on|over|to|by) {DAY_TO_QUARTER} (?:%|percent(?:age)? |per ?cent )?"
    rf"(?:change|difference|growth|increase|decrease|rise|fall|drop|swing|delta|movement)\b|"
    rf"\b(?:change|difference|growth|increase|decrease|delta|swing)s? (?:\w+ ){{0,2}}{DAY_TO_QUARTER} (?:on|over|to|by) "
    rf"{DAY_TO_QUARTER}\b|\bthe {DAY_TO_QUARTER} before\b|\bthe one before\b|"
    # "week on week revenue": said first, before a bare KPI, the one change's name (as "week-on-week growth")
    # (lane probe26b) after a trade's heading too: "kite shop: week on week bounce rate"
    rf"^(?:[\w'&]+(?: [\w'&]+){{0,2}}(?::| -| \u2013) )?(?:what(?:'s| is| was) (?:the |our )?)?{DAY_TO_QUARTER} on {DAY_TO_QUARTER} "
    rf"[\w-]+(?: [\w-]+){{0,2}}\s*[?.!]*$")


# (lane probe27b) the same convention (h), however long the rest: "week on week revenue for the limpet
# shack", "month on month takings at the soap shop", "lace school week on week revenue": the step said
# before its KPI, with nothing but a trade's name ahead of it, names the one change. Not a quarter
# ("quarter-over-quarter orders at the print shop" is tune25's series) and not a KPI said ahead of
# the step ("medlar jar buyers week on week pls", "cantaloupe stand aov week on week": their runs).
_SAID_FIRST = lazy(r"^(?P<head>(?:[\w'&]+ ){0,3}?)(?:the |our )?(?P<step>day|week|month) on (?P=step) (?P<tail>.*[a-z].*)$")


def said_first(text: str) -> bool:
    """Whether "X on X" comes before the KPI it changes, with no KPI ahead of it."""
    m = _SAID_FIRST.search(text)
    if m is None:
        return False
    from bot.agent.slot_readers import parse_metrics  # the KPI reader (it never reads a series)

    return not parse_metrics(m["head"]) and bool(parse_metrics(m["tail"]))


def series_grain(text: str) -> str | None:
    """The grain of a series asked for as "X on X" together with a movement word, or None."""
    # Not a special case but the reading of X-on-X beside a rule: where an alert, alarm, rule or
    # warning is named, "week on week" is what the rule compares ("tell me if covers drop 20% week on
    # week", "the revenue alert should go week by week instead of day by day": its window or
    # condition, read by bot/agent/alert_slots.py), never a series to chart. Any of the four words
    # suffices because none of them names a KPI or a period of its own (probe24b's X-on-X met
    # tune17b's alert windows, merge mend 84772fd2).
    if rx.search(r"\b(?:alert|alarm|rule|warning)s?\b", text):
        return None
    m = _X_ON_X.search(text)
    over = rx.search(r"\bover the (?:passing |last few |past few )?(day|week|month|quarter)s\b", text)
    if m is None and over is not None:
        return over.group(1)  # (lane probe24b) "nps over the months", "plot it over the weeks": that grain's run
    first = m is not None and said_first(text)
    if m is not None and not _X_ON_X_ONE_CHANGE.search(text) and not first:
        return m.group(1)  # (lane probe24b) phase Z: "takings month on month" with no two periods is its run of months
    # "week on week since 1 Sept": an open run of weeks from a date is a series, not one pair; so is
    # "week on week for the last 90 days", ", the last 90 days" (many weeks, each against the one before)
    if m is None or not (TREND_CUE.search(_X_ON_X.sub(" ", text)) or rx.search(r"\bsince\b", text)
                         # "month on month this year": a period holding many of them, each against the one before
                         or (m.group(1) != "month" and rx.search(r"\b(?:this|last|the past|the last) (?:year|quarter)\b", text))
                         or (m.group(1) == "month" and rx.search(r"\b(?:this|last|the past|the last) year\b|\bytd\b", text))
                         # (lane probe24a, the lead's phase-Z convention) "korfball receipts month on month":
                         # with no two periods named and no change asked, the months in a row
                         or (m.group(1) == "month" and not first and not rx.search(
                             r"\b(?:chang\w*|differen\w*|compar\w*|vs\.?|versus|against|up or down|than|alert\w*|tell me|let me know|"
                             r"warn\w*|ping|notify|flag)\b|%", text))
                         or rx.search(r"(?:\b(?:for|over|across|during|in) |(?:^|,)\s*)(?:the )?(?:last|past|previous) (?:(?:[3-9]\d|[1-9]\d\d) days|"
                                      r"(?:\d+|few|couple of|two|three|four|five|six|twelve) (?:weeks|months|quarters|years)|half[- ](?:a )?year)\b", text)):
        return None
    return m.group(1)
