"""(lane probe21c) Two periods set side by side, then asked "the other way round": the same two
periods, swapped (the one compared against becomes the one shown), whatever else the follow-up
says ("the other way round, september first" names one of the two again). OTHER_WAY is the
phrasing list the follow-up's arguments use for a comparison (bot/agent/against_again.py); the
lanes wrote the lists apart and they differ at the edges ("in reverse", "switch them over"), so
they are kept as they are until one list is scored against every bank."""

from __future__ import annotations

import re

SWAPPED = re.compile(r"\b(?:the )?other way (?:a)?round\b|\bswap (?:them|those|it|that|the (?:two|periods|months|weeks|dates|order))"
                     r"(?: (?:a)?round)?\b|\bflip (?:it|them|that|the order)(?: (?:a)?round)?\b|\breverse (?:it|them|that|the order)\b|"
                     r"\bthe reverse\b|\bvice versa\b|\bturn (?:it|them|that) (?:a)?round\b")
# The arguments that hold the two periods, in the tools that set two side by side
PERIOD_ARGS = ("period", "against", "compare_period")

# (tune32) "the other way round", "flip them", "swap the two months over": a comparison's sides swapped
OTHER_WAY = re.compile(r"\b(?:the )?other way (?:round|around|about)\b|\b(?:in |the )?reverse(?:d)?(?: order)?\b|"
                        r"\b(?:swap|switch|flip|turn) (?:them|it|that|those|these|the two|the periods|the months|the weeks|"
                        r"the years|the sides)(?: (?:periods|months|weeks|round|around|over))?(?: (?:round|around|over))?\s*[?.!]*$|"
                        r"\b(?:swap|switch|flip) (?:them |it |the two |those |the sides )?(?:round|around|over)\b")
