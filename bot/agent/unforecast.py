"""(lane real15) A forecast asked of something other than money or buying: "forecast ticket volume",
"predict next month's visitors", "how many complaints should we expect". journeybot forecasts
revenue (and purchases) from customers' buying history only (revenue_forecast); read as that,
the answer was a revenue forecast, or on a support desk a refusal about purchases. The planner
gives no tool and the answer says which forecasts exist and what shows the measure's course."""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.patterns import rx as _rx

_MONEY = (r"revenue|sales|sell|sold|takings|income|spend\w*|money|turnover|earn\w*|worth|value|orders?|purchases?|"
          r"buy\w*|bought|bookings?|cash|profit|margin|churn\w*|leav\w*|lapse\w*|quit\w*|likel\w*|chance|odds|propensity")
_ASKED = (r"forecast\w*|predict\w*|projections?|projected|(?:should|will|would|can|do|might) (?:we|i|you) expect|"
          r"expected (?:next|over|in the coming|for (?:next|the coming))")
# an alert's "expected" range, a model's "predicted" scores: not a forecast asked
_OTHER = r"alert\w*|warn\w*|notify|ping|threshold|unusual|usual range|accura\w*|model"
_MEASURE = {
    "support tickets": r"tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|support (?:volume|requests?|load|contacts?)|"
                       r"(?:phone )?calls?|cases?|contacts? (?:volume|per)|help ?desk (?:volume|load)",
    "visits": r"visits?|visitors?|traffic|sessions?|footfall|page ?views?",
    "reviews": r"reviews?|ratings?|survey (?:answers|responses)|nps|csat|satisfaction",
}
FORECAST_ELSEWHERE = lazy(
    rf"^(?!.*\b(?:{_MONEY}|{_OTHER})\b)(?=.*\b(?:{_ASKED}))(?=.*\b(?:{'|'.join(_MEASURE.values())})\b)")


def no_forecast(t: str) -> str | None:
    """What journeybot cannot forecast of this question, said plainly, if it asks that."""
    if not FORECAST_ELSEWHERE.search(t):
        return None
    what = next(name for name, rx in _MEASURE.items() if _rx.search(rf"\b(?:{rx})\b", t))
    return (f"I can't forecast {what}: journeybot's only forecast is of revenue and purchases from customers "
            f"who have already bought (their buying history), and there is no forecast of {what}. What I can "
            f"show is their course so far, week by week or month by month (a trend), and when they come by "
            "weekday or hour (a pattern). Try one of these:")
