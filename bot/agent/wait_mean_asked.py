"""(lane real29b) "What is our average first response time?": the KPI is the median, said as
such; asked for the average (or mean), the answer also gives the mean over the same tickets
(tools/analytics/wait_means.py), so the median is not taken for the average asked."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_AVERAGE = lazy(r"\b(?:average|averages|mean|avg)\b")
_WAITS = frozenset({"first_response_time", "resolution_time"})


def mean_beside_median(question: str, tool: str, args: dict[str, Any], result: Any, store: Any) -> str:
    """The line to add under a median wait asked for as an average ("" when none)."""
    if tool != "kpis" or not _AVERAGE.search(question.lower()):
        return ""
    metrics = [m for m in (args.get("metrics") or []) if m in _WAITS]
    prov = getattr(result, "provenance", None)
    if len(metrics) != 1 or args.get("filters") or prov is None or prov.period_start is None:
        return ""  # one wait over all tickets: a filtered or mixed answer keeps its own wording
    from tools.analytics.wait_means import mean_wait

    try:
        got = mean_wait(store, metrics[0], prov.period_start, prov.period_end)
    except Exception:  # noqa: BLE001 - no tickets table: the median answer stands alone
        return ""
    return "" if got is None else got.said(metrics[0])
