"""(lane probe23c) A KPI's groups asked for in ranked order: "net promoter per segment, best
first", "satisfaction % per channel, worst to best". The order asked for is a ranking of each
group's value, which movers gives (`rank="value"`); a satisfaction KPI split by channel or segment
without it ("nps by segment") stays satisfaction_by's side by side."""

from __future__ import annotations

from bot.agent.patterns import lazy

_END = r"(?:best|worst|highest|lowest|top|bottom|most|least|biggest|smallest)"
RANKED_ORDER = lazy(rf"\b{_END} (?:first|to {_END}|down)\b|\b(?:ranked|in order) (?:from )?{_END}\b")
