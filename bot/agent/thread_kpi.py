"""(lane probe23b) The KPI just shown, carried into another analysis that names none.

"how many tubs went out today" then "as a chart over time, day by day for the past fortnight":
the series of those tubs, not of a default KPI; "refund rate last month" then "ping me if it
goes above 5% again": an alert on the refund rate; "on time delivery % over the half year" then
"let me see the complaints behind that": what customers wrote over that half year. The new
words name the analysis but point back at the figure ("it", "that", "they") or ask for it drawn.
"""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

# "as a chart over time", "show it as a weekly graph", "plot that": the last figure, drawn
CHART_OF_IT = lazy(r"^(?:ok,? |and |now |then |so )?(?:(?:show|put|give|draw)(?: me)? (?:it|that|this) )?as an? "
                         r"(?:(?:weekly|daily|monthly) )?(?:chart|graph|line|trend|series)\b|"
                         r"^(?:ok,? |and |now |then |so )?(?:chart|graph|plot|draw) (?:it|that|this)(?: one)?\b")
# "ping me if it goes above 5% again", "let me know if they jump by half": the figure as "it"
IT_MOVES = lazy(r"\b(?:if|when|whenever|once|should) (?:it|that|this|they|those|these)\b")
# "show me the complaints behind that", "the comments explaining it": what customers wrote about it
SAID_BEHIND = lazy(r"\b(?:complaints?|comments?|moans?|gripes?|grumbles?|feedback|reviews?|quotes?) "
                         r"(?:behind|explaining|that explain|about|around) (?:that|this|it|those|these)\b")
_METRIC_TOOLS = ("kpis", "compare", "trend", "movers", "time_pattern")


def carried(prev: Any, old: Any, new: Any, best: Any) -> str | None:
    """The tool a follow-up asks for with the last analysis's KPI (or span) carried over, or None."""
    if prev is None or old is None or prev.name not in _METRIC_TOOLS or new.metrics or best is None:
        return None
    if len(old.metrics or []) != 1:
        return None
    text = new.norm
    if best.tool == "trend" and CHART_OF_IT.search(text):
        return "trend"
    if best.tool == "create_alert_rule" and IT_MOVES.search(text):
        new.metrics = list(old.metrics)  # the alert watches the figure just shown, nothing else of it
        return "create_alert_rule"
    if best.tool in ("feedback_search", "feedback_themes") and SAID_BEHIND.search(text):
        if not new.period:
            new.period = old.period  # the words of that span; the KPI itself is no topic to search
        new.query = ""  # no topic of its own: the most negative texts of that span first
        return "feedback_search"
    return None
