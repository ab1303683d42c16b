"""The churn window an owner sets in a question ("if 45 days without an order means they're gone",
"a two month cut off"), and the words that say the owner is defining how a KPI counts. Split out
of analytics_cues.py, which had reached the size limit."""

from __future__ import annotations

from bot.agent.patterns import lazy, rx

# "churn if we say 45 days without an order means they're gone": the owner defining how a KPI
# counts (its window), not quoting what customers said.
DEFINES = lazy(r"\b(?:if|when|assuming|supposing) (?:we |you |i )?(?:say|count|call|treat|define|consider|give|allow)\b|"
                      # "treat anyone who hasn't been back in 120 days as lost", "call a client lost once..."
                      # (lane probe24c) and a basket's: "counting a cart as abandoned once it has sat 6 hrs, ..."
                      r"\b(?:treat|count|call|consider|class|mark)\w* (?:[\w']+ ){0,8}(?:as )?(?:gone|lost|lapsed|churned|abandoned|dumped|ditched)\b|"
                      r"\b(?:is |are |be )?(?:counted|treated|classed) as (?:gone|lost|lapsed|churned|abandoned|dumped|ditched)\b|"
                      r"\blet'?s say\b|\bcounts? as (?:gone|lost|lapsed|churned|abandoned)\b|"
                      r"\bmeans? (?:they'?re|they are|they've|someone|a customer) (?:\w+ )?(?:gone|lost|lapsed|churned)\b")


# "if 45 days without an order means they've gone", "churn at 60 days", "members who haven't
# paid in 60 days count as gone", "a two month cut off": the churn window.
_SPAN = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve) ?[- ]?(?:days?|weeks?|months?)"
_CHURN_WINDOW = lazy(rf"\b{_SPAN} (?:without|with no|of no|since|after) (?:an? |their |the )?(?:last )?"
                           r"(?:orders?|purchases?|visits?|bookings?|appointments?|buying|ordering|booking|activity)\b|"
                           rf"\bchurn\w* (?:window|cut[- ]?off|threshold)? ?(?:of|at|after|=|is)? ?{_SPAN}\b|"
                           rf"\b(?:gone|lapsed|lost|inactive|quiet) (?:for|after) {_SPAN}\b|"
                           # "once they've been away 90 days"
                           rf"\b(?:been|stayed|gone) away (?:for )?(?:more than |over |longer than )?{_SPAN}\b|"
                           # "anyone with no order for 8 weeks counts as lost"
                           rf"\b(?:no|without an?|without any) (?:orders?|purchases?|visits?|bookings?|activity|sales?) "
                           rf"(?:for|in|within) (?:the (?:last|past) )?{_SPAN}\b|"
                           rf"\b{_SPAN} (?:churn |lapse |inactivity )?(?:cut[- ]?off|window|threshold|rule)\b|"
                           # "if 45 days with no wash counts as gone": a span without the trade's service
                           rf"\b{_SPAN} (?:with no|without(?: an?| any)?|of no|no) (?:[\w-]+ ){{1,2}}(?:counts?|means?|is|are) "
                           r"(?:as |(?:they|that they|someone|(?:the|a|an) [\w-]+)(?:'?ve| have|'?s| has|'?re| are| is) )?"
                           r"(?:gone|lost|churned|lapsed|inactive|a churn|a leaver|left|quit|stopped|dropped off|moved on)\b|\b(?:cut[- ]?off|window|threshold) of {_SPAN}\b|"
                           r"\b(?:haven'?t|have not|hasn'?t|has not|not|didn'?t|did not|never) (?:paid|bought|ordered|purchased|"
                           r"visited|shopped|renewed|been (?:in|back)|come (?:in|back)|book(?:ed|ing)|(?:buy|order|visit|pay|shopp)ing)\w* (?:anything |(?:an?|the|their) [\w-]+ )?(?:in|for|within) "
                           rf"(?:the (?:last|past) |over )?{_SPAN}\b|"
                           # (lane ps24) "a rower who hasnt trained for 60 days", "members not swum in 8 weeks": any
                           # trade's own deed, undone for the span (read only where churn is asked)
                           r"\b(?:haven'?t|have not|hasn'?t|has not|not|didn'?t|did not|never) (?:[a-z]+ed|been|come|shown up|"
                           r"turned up|swum|ridden|run|sung|danced) (?:[\w-]+ ){0,2}?(?:in|for|within) (?:the (?:last|past) |over )?"
                           rf"{_SPAN}\b|"
                           # (lane probe24b) "if a buyer goes 75 days without a sack of grain theyre gone": the
                           # trade's goods named after "without", then who is gone said plainly
                           rf"\b{_SPAN} (?:with no|without(?: an?| any)?|of no|no) (?:[\w-]+ ){{1,3}}?[-,]*\s*(?:then )?"
                           r"(?:they|theyre|theyve|he|she|someone|that customer)(?:'re|'ve| are| have| is|'s)? "
                           r"(?:gone|lost|churned|lapsed|left|quit|done)\b")
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def churn_window_days(text: str) -> int | None:
    """The churn window a question sets, in days (7 to 730), or None."""
    from bot.agent.vocab import NUMBER_WORDS

    m = _CHURN_WINDOW.search(text)
    span = rx.search(r"(\d{1,3}|[a-z]+) ?[- ]?(day|week|month)", m.group(0)) if m else None
    if span is None:
        return None
    n = int(span.group(1)) if span.group(1).isdigit() else NUMBER_WORDS.get(span.group(1), 0)
    return max(7, min(n * _UNIT_DAYS[span.group(2)], 730)) if n else None
