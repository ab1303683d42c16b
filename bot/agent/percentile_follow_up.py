"""A follow-up that moves a time KPI between its median and its 90th percentile: "and the slowest
ten percent?" after the median reply time, and (lane probe15c) "and the median?", "what about the
typical one", "and on average?" after the slowest tenth: the same times at the other end, which
the follow-up's own words name (so the last answer's KPI is not kept over it)."""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.vocab import P90, P90_OF

_MEDIAN_OF = {p90: median for median, p90 in P90_OF.items()}
_MEDIAN = lazy(r"\b(?:median|typical|usual|normal|middle|mid|average|avg|mean|on average|most of them|"
                     r"half of them)\b")


def switch_percentile(old: list[str], new: list[str], norm: str | None) -> list[str] | None:
    """The last answer's time KPIs at the end the follow-up names, or None when it names no end
    (or names a KPI of its own)."""
    if new or not old:
        return None
    if P90.search(norm or ""):
        return [P90_OF.get(m, m) for m in old]
    if _MEDIAN.search(norm or "") and any(m in _MEDIAN_OF for m in old):
        return [_MEDIAN_OF.get(m, m) for m in old]
    return None
