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
                   r"\bstep[- ]by[- ]step\b|\b(?:each|every) step\b")
# the same ends asked as a time or a KPI ("how long from first hearing of us to buying"), or as the
# whole journey drawn ("the full journey from awareness to advocacy with pain points"), or the
# drop-off named as such
_NOT_A_FUNNEL = re.compile(r"\bhow long\b|\b(?:days|weeks|time) (?:from|between|it takes)\b|\bpain ?points?\b|"
                           r"\b(?:full|whole|entire) journey\b|\bjourney map\b|\bmap\b|"
                           # "what's the drop-off between checkout and order placed": the drop-off itself, asked by name
                           r"\bdrop[- ]?offs?\b|\bdropoffs?\b")


def stage_span(slots: Any) -> float:
    """How strongly the words ask for the funnel over a stretch of named stages."""
    stages = getattr(slots, "stages", None) or []
    text = text_of(slots)
    if len(stages) < 2 or getattr(slots, "metrics", None) or _NOT_A_FUNNEL.search(text):
        return 0.0
    return 1.2 if _SPAN.search(text) else 0.0
