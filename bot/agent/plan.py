"""A plan: the tool the offline planner chose for a question, its arguments and the slots they
came from, and the slots as the conversation memory keeps them. Its own module so that the
planner's helpers (bot/agent/unsaved_rules.py) can build plans without importing the planner."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.agent.ranking import Candidate
from bot.agent.slots import Slots
from bot.agent.tools import ToolSpec


@dataclass(frozen=True)
class Plan:
    spec: ToolSpec | None
    args: dict[str, Any]
    slots: Slots
    score: float
    candidates: tuple[Candidate, ...] = ()
    follow_up: bool = False
    notes: tuple[str, ...] = field(default=())
    asked: Slots | None = None  # a follow-up's own words (its slots before the merge)


def stored_slots(data: dict[str, Any]) -> Slots:
    """Slots as the conversation memory kept them (JSON): fields an older version did not keep
    take their defaults, pairs come back as tuples."""
    known = Slots.__dataclass_fields__
    slots = {k: v for k, v in data.items() if k in known}
    for pairs in ("unknown", "fixes"):
        slots[pairs] = [tuple(u) for u in slots.get(pairs, [])]
    return Slots(**slots)
