"""(lane probe21c) Two periods set side by side, then asked "the other way round": the same two
periods, swapped (the one compared against becomes the one shown), whatever else the follow-up
says ("the other way round, september first" names one of the two again)."""

from __future__ import annotations

import re

SWAPPED = re.compile(r"\b(?:the )?other way (?:a)?round\b|\bswap (?:them|those|it|that|the (?:two|periods|months|weeks|dates|order))"
                     r"(?: (?:a)?round)?\b|\bflip (?:it|them|that|the order)(?: (?:a)?round)?\b|\breverse (?:it|them|that|the order)\b|"
                     r"\bthe reverse\b|\bvice versa\b|\bturn (?:it|them|that) (?:a)?round\b")
# The arguments that hold the two periods, in the tools that set two side by side
PERIOD_ARGS = ("period", "against", "compare_period")
