"""What the predictive tools' planners read from any question alike: the customer filters, the
question's text, how many people to list ("the five fish keepers we are most likely to lose")
and the groups they can split by. Shared by bot/agent/predict_tools.py and
bot/agent/actions_plan.py."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

DIMS = ("channel", "acquisition_channel", "segment", "city", "region", "age_band", "persona")


def filters_arg(slots: Any) -> dict[str, Any]:
    from bot.agent.analytics_tools import filters_from

    out = filters_from(slots)
    return {"filters": out} if out else {}


def slot_text(slots: Any) -> str:
    return getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()


# "the five fish keepers we are most likely to lose", "our 10 hottest prospects": a number of
# people, then the ranking word
_THE_N_MOST = lazy(r"(?:\b(?:the|our|my)|^) ?(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty) "
                         r"(?!days?\b|weeks?\b|months?\b|years?\b|percent\b|%)(?:[\w'-]+ ){0,5}?(?:most|likeliest|hottest|"
                         r"warmest|keenest|riskiest|shakiest|biggest|highest|largest|greatest|best)\b")


def limit_arg(slots: Any) -> dict[str, Any]:
    top = getattr(slots, "top", None)
    m = None if top else _THE_N_MOST.search(slot_text(slots))
    if m:
        from bot.agent.vocab import NUMBER_WORDS

        top = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS.get(m.group(1))
    return {"limit": max(1, min(int(top), 200))} if top else {}
