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


# (lane probe23a) "compare september and october", "pls compare august with september": the owner
# asks to compare, so the months keep the order said (the period named first is the one asked about)
_COMPARE_SAID = re.compile(r"\bcompare\b")
# (lane probe23c, also "comparing") "compare september and october takings": two months joined by "and" after
# "compare" are asked about in the order said, the first one the period (the lead's phase-Y reading)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_COMPARE_AND = re.compile(rf"\bcompar(?:e|ing)\b(?:(?!\b(?:vs|versus|against|with|to|than)\b)[^,;?.!]){{0,40}}?"
                          rf"\b{_MONTH}(?:'s)? (?:and|&|n) (?:the month of )?{_MONTH}\b")


def later_first(when: Any, text: str = "") -> Any:
    """`when` with its period and the one it is set against swapped when the period named first
    ended before the other began (never after a comparative: "was october busier than november")."""
    period, against = (_SPAN.fullmatch(p or "") for p in (when.period, when.against))
    if period is None or against is None or against.group(1) <= period.group(2):
        return when
    if _COMPARATIVE_THAN.search(text) or _COMPARE_SAID.search(text) or _COMPARE_AND.search(text):
        return when
    if against.group(1)[:7] == period.group(2)[:7]:
        return when  # "the first half of september vs the other half": halves keep the order said
    return dataclasses.replace(when, period=when.against, against=when.period)
