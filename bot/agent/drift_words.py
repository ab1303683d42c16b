"""A slow change asked about ("has our reply time slipped lately", "have scores sagged since
summer", "has the refund rate crept up"): a drift is only seen against the period before, so
the owner wants the two set side by side, not this period's level alone."""

from __future__ import annotations

DRIFT = (r"\b(?:has|have|did|is|are)\b(?:\s+[\w'%-]+){1,8}?\s+"
         r"(?:slipp(?:ed|ing)|slip|slid(?:e|ing)?|sagg(?:ed|ing)|sag|dipp(?:ed|ing)|crept (?:up|down)|creeping (?:up|down)|"
         r"creep (?:up|down)|worsen(?:ed|ing)?|erod(?:ed|ing)|tail(?:ed|ing)? off|drift(?:ed|ing)? (?:up|down)|"
         r"taken a (?:hit|dip|knock)|gone backwards?|went backwards?)\b")
DRIFT_CUES = ((DRIFT, 0.55),)
