"""(lane tune30) A word keeps its meaning within a conversation: after "how many new cases did the
agency take on in october" (cases read as the agency's work, orders), "n september, how many cases"
asks for the same count, not the support tickets "cases" means on its own."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.patterns import rx
from bot.agent.percentile_follow_up import switch_percentile


def follow_up_kpis(old: Any, new: Any) -> list[str] | None:
    """The KPIs a follow-up asks for when its own reading is not the whole story: the median
    after the p90 (bot/agent/percentile_follow_up.py), or the last KPIs said in the same word."""
    return switch_percentile(old.metrics, new.metrics, new.norm) or kept_kpi(old, new)


def kept_kpi(old: Any, new: Any) -> list[str] | None:
    """The last question's KPIs when the follow-up's only KPI is a word the last question used
    and read as another KPI; else None."""
    from bot.agent.slot_readers import parse_metrics

    if not old.metrics or not new.metrics or len(new.metrics) != 1 or new.metrics[0] in old.metrics:
        return None
    before = (old.norm or "").lower()
    words = rx.findall(r"[a-z][a-z'-]{3,}", (new.norm or "").lower())
    # the word said again, and the one that gave the last question its KPI (without it, the KPI goes):
    # "how much did bookings bring in" then "how many bookings" asks the count, not the money again
    again = [w for w in words if rx.search(rf"\b{re.escape(w)}\b", before) and parse_metrics(f"how many {w}") == new.metrics
             and not set(old.metrics) & set(parse_metrics(rx.sub(rf"\b{re.escape(w)}\b", " ", before)))]
    return list(old.metrics) if again else None
