"""When customers come and buy: the `time_pattern` tool (tools/analytics/time_pattern.py) for the
agent and the offline planner.

"What's our busiest day of the week?", "what time do most orders come in?", "are Mondays worth
opening?", "when do people send complaints?", "which month is best for us?". One particular day
("which day last week was busiest?") stays a daily trend (bot/agent/time_peaks.py).
"""

from __future__ import annotations

import re
from typing import Any

from bot.agent.analytics_cues import metrics_from, text_of
from bot.agent.tools import ToolContext, ToolSpec

_DAYS = r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays)"
_BUSY = (r"(?:busiest|quietest|slowest|best|worst|biggest|strongest|weakest|peak|most|least|highest|lowest|"
         r"top|fewest)")
# What owners say when they want a pattern of the week, the day or the year.
_WEEKDAY = (r"\bdays? of (?:the )?week\b|\b(?:by|per|each|every|which|what) weekday\b|\bweekday (?:pattern|split|breakdown)\b|"
            rf"\b(?:are|is) (?:it )?(?:\w+ )?{_DAYS} (?:(?:really|even|actually) )?worth\b|"
            rf"\b(?:busy|quiet|slow|dead) (?:on )?{_DAYS}\b|\b{_DAYS} (?:busier|quieter|slower|better|worse)\b|"
            rf"\bmore (?:\w+ )?(?:on|at) {_DAYS}\b|\bweekends? (?:or|vs\.?|versus|compared (?:to|with)) weekdays?\b|"
            rf"\bweekdays? (?:or|vs\.?|versus|compared (?:to|with)) weekends?\b|"
            rf"\b{_BUSY} day\b(?! (?:last|this|of (?:last|this|the (?:last|past|month|year)))\b)")
_HOUR = (r"\btimes? of (?:the )?day\b|\bhour of (?:the )?day\b|\b(?:by|per|each|every) hour\b|\bhourly\b|"
         rf"\b(?:which|what) hours?\b(?! (?:do|does|are|is) (?:\w+ )?(?:open|close|shut))|\b{_BUSY} (?:hours?|times?)\b|"
         r"\bwhat times? (?:of day )?(?:do|does|did|are|is)\b(?!.{0,40}\b(?:open|close|shut|it)\b)|"
         r"\bmornings? or (?:the )?(?:afternoons?|evenings?)\b|\b(?:afternoons?|evenings?) or (?:the )?mornings?\b|"
         r"\bwhen do (?:\w+ ){0,3}(?:buy|order|shop|send|complain|visit|come|book|write|raise|open|get in touch|check out)\b|"
         r"\bwhen (?:are|is) (?:we|it|the shop|the site|our \w+) (?:busiest|quietest)\b")
_MONTH = (rf"\b(?:which|what) months? (?:of the year )?(?:is|are|was|were|do|does|did|has|had|brings?|gets?|sells?)\b"
          rf".{{0,50}}\b{_BUSY}\b|\b{_BUSY} months?\b(?! (?:of|this|last)\b)|\bmonths? of (?:the )?year\b|"
          r"\bseasonal(?:ity)?\b|\bby calendar month\b|\bquiet(?:er)? months?\b|\bbusy months?\b")
PATTERN_CUES: tuple[tuple[str, float], ...] = ((_WEEKDAY, 0.6), (_HOUR, 0.6), (_MONTH, 0.6))
_FOLLOW = (r"^(?:(?:and|ok|okay|so|now|what about|how about)[, ]+)*(?:(?:split |broken down )?(?:by|per) |for each )"
           r"(?:the )?(?:hour|weekday|day of (?:the )?week|month|time of day|day)\b",)
_METRIC_WORDS = (
    (r"\bcomplain\w*|\btickets?\b|\bsupport (?:requests?|emails?)\b|\bget in touch\b|\bcontact us\b", "tickets"),
    (r"\breviews?\b|\bsurveys?\b|\bfeedback\b|\bratings?\b", "survey_responses"),
    (r"\bvisit\w*\b|\btraffic\b|\bfootfall\b|\bsessions?\b|\bbrowse\w*\b|\bon the site\b", "sessions"),
    (r"\brevenue\b|\bsales\b|\btakings\b|\bturnover\b|\bmoney\b|\bearn\w*\b|\bmake the most\b", "revenue"),
)


def pattern_by(text: str) -> str | None:
    """weekday | hour | month when the question asks for a pattern of the week, day or year."""
    if re.search(_HOUR, text):
        return "hour"
    if re.search(_MONTH, text):
        return "month"
    if re.search(_WEEKDAY, text):
        return "weekday"
    return None


def _by(text: str) -> str | None:
    """The unit a question or a follow-up names ("and by hour?")."""
    found = pattern_by(text)
    if found:
        return found
    if re.search(r"\bhours?\b|\btimes? of day\b", text):
        return "hour"
    if re.search(r"\bmonths?\b", text):
        return "month"
    if re.search(r"\bweekdays?\b|\bdays?\b", text):
        return "weekday"
    return None


def boost_pattern(slots: Any) -> float:
    from bot.agent.time_peaks import time_peak

    unit = time_peak(slots)
    return 0.8 if unit in ("weekday", "hour", "month") else 0.0


def plan_pattern(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    from bot.agent.analytics_tools import _common
    from bot.agent.time_peaks import time_peak
    from tools.analytics.time_pattern import PATTERN_METRICS

    text = text_of(slots)
    args = _common(slots)
    peak = time_peak(slots)
    by = peak if peak in ("weekday", "hour", "month") else _by(text)
    args["by"] = by or "weekday"
    metric = next((m for m in metrics_from(slots) if m in PATTERN_METRICS), None)
    if metric is None:
        metric = next((code for rx, code in _METRIC_WORDS if re.search(rx, text)), "orders")
    if metric == "purchase_conversion" and args["by"] == "hour":
        metric = "session_conversion"  # by hour, the share of sessions that bought
    args["metric"] = metric
    return args


def _run(ctx: ToolContext, params: Any):
    from tools.analytics.time_pattern import time_pattern

    return time_pattern(ctx.store, params, settings=ctx.config.kpi_settings())


def time_pattern_tools() -> list[ToolSpec]:
    from tools.analytics.time_pattern import PatternParams

    return [
        ToolSpec(
            name="time_pattern",
            params=PatternParams,
            run=_run,
            cached=True,
            description=(PatternParams.__doc__ or "").strip(),
            examples=(
                "what's our busiest day of the week?",
                "which hours bring the most orders?",
                "are Mondays worth opening?",
                "which month is best for us?",
            ),
            phrasings=(
                "busiest day of the week", "time of day people buy", "orders by hour",
                "which weekday sells most", "are weekends busier", "which month of the year is best",
                "complaints by time of day", "peak hours", "seasonality",
            ),
            keywords=("day of the week", "time of day", "by hour", "weekday", "peak hours", "seasonal"),
            cues=PATTERN_CUES,
            plan=plan_pattern,
            boost=boost_pattern,
            follow_ups=_FOLLOW,
        ),
    ]
