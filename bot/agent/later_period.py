"""Two dated periods set side by side, the earlier named first: "csat in september vs october,
which was better?", "august or september, when did we sell more?". The later one is the period
asked about and the earlier the one it is measured against (as "october vs september" reads), so
the change is said from the earlier to the later, never backwards in time. The halves of one month keep the order they are said in.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_SPAN = re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")


def later_first(when: Any) -> Any:
    """`when` with its period and the one it is set against swapped when the period named first
    ended before the other began."""
    period, against = (_SPAN.fullmatch(p or "") for p in (when.period, when.against))
    if period is None or against is None or against.group(1) <= period.group(2):
        return when
    if against.group(1)[:7] == period.group(2)[:7]:
        return when  # "the first half of september vs the other half": halves keep the order said
    return dataclasses.replace(when, period=when.against, against=when.period)
