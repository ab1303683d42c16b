"""A stretch of the journey asked about by its ends (lane tune27): "where do people fall off
between finding the gig listing and buying a seat, step by step", "where are we losing people
between browsing the bikes and paying for a hire". Two stages or more read from the owner's
words (bot/agent/stage_phrases.py), set as the ends of a span, ask how many get through each
step of it: the funnel over those stages, not the drop-off points of the whole journey (the
catalog's own example: "where do we lose people between consideration and purchase?")."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.analytics_cues import text_of

_SPAN = re.compile(r"\bbetween\b.{3,80}\band\b|\bfrom\b.{3,80}\b(?:to|through to|until|till)\b|"
                   r"\b(?:step|stage)[- ]by[- ](?:step|stage)\b|\b(?:each|every) (?:step|stage)\b")


def stage_span(slots: Any) -> float:
    """How strongly the words ask for the funnel over a stretch of named stages."""
    stages = getattr(slots, "stages", None) or []
    return 1.2 if len(stages) >= 2 and _SPAN.search(text_of(slots)) else 0.0
