""""Refund rate by the week", "bookings by the month": the grain said with its article, read as
"by week" (when.py's grain words, which are full, know only the bare form; the KPI alone was
answered as one total, not the series asked for). Not "by the hour": hourly is a time pattern."""

from __future__ import annotations

import re

# only where the grain closes the clause or a period follows ("by the day we promised" is a deadline)
_BY_THE = re.compile(r"\bby the (day|week|month|quarter)\b(?=\s*(?:[,.;:!?]|$|(?:this|last|past|since|in|for|over|from|during|"
                     r"across|pls|please|so far|through|and|or|then|now)\b))")


def plain_grain(t: str) -> str:
    """The lower-cased question with "by the week" said "by week"."""
    return _BY_THE.sub(r"by \1", t)
