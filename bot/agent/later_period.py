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


# (lane ps22) "was the first half of october busier than the first half of november": a comparative
# said of the first period asks about that one, set against the second, whichever came first
_COMPARATIVE_THAN = re.compile(r"\b(?:busier|quieter|better|worse|higher|lower|bigger|smaller|stronger|weaker|more|less|fewer|"
                               r"[a-z]{3,}ier)\b[^,;?]{0,80}\bthan\b")


# (lane probe23b, the lead's phase-Y reading) only a choice between the two ("which was better",
# "august or september, when did we sell more") is read forwards in time; "compare september and
# october", "put q2 and q3 side by side" keep the period named first as the one asked about
_WHICH_OF_THEM = re.compile(r"\b(?:which|when|or)\b")


def later_first(when: Any, text: str = "") -> Any:
    """`when` with its period and the one it is set against swapped when the period named first
    ended before the other began (never after a comparative: "was october busier than november")."""
    period, against = (_SPAN.fullmatch(p or "") for p in (when.period, when.against))
    if period is None or against is None or against.group(1) <= period.group(2):
        return when
    if _COMPARATIVE_THAN.search(text) or not _WHICH_OF_THEM.search(text):
        return when
    if against.group(1)[:7] == period.group(2)[:7]:
        return when  # "the first half of september vs the other half": halves keep the order said
    return dataclasses.replace(when, period=when.against, against=when.period)
