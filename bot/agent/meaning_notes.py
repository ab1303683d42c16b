"""How a group, journey step or customer group read by meaning (bot/agent/meaning_args.py) travels
with the question's slots to the answer (bot/agent/reading.py): as `Slots.unknown` entries, so
conversation memory keeps them like any other reading, and so the answer's reading imports
nothing of the model's side.

An entry is (NOTE, "<kind>SEP<target>SEP<the note>") or (ALTERNATIVE, "<kind>SEP<target>SEP<a
question the planner reads as another reading>"). Both count only while the plan's arguments
carry the target: a note about a breakdown the chosen tool does not split by is no reading of
that answer.
"""

from __future__ import annotations

from typing import Any

NOTE = "meaning_note"  # Slots.unknown kinds: the note said in the answer,
ALTERNATIVE = "meaning_alt"  # and a question the planner reads as another reading
SEP = "\x1f"  # between an entry's kind, its target and its words


def _used(entry: str, args: dict[str, Any] | None) -> bool:
    kind, target, _ = entry.split(SEP, 2)
    if args is None or kind == "advice":  # said by the one tool that adds it (bot/agent/alert_advice.py)
        return True
    if kind == "group":
        return args.get("by") == target
    if kind == "horizon":  # a forecast's horizon other than the one asked (bot/agent/predict_tools.py)
        return args.get("horizon") == target
    if kind == "metric":  # a KPI read as another one the tool has (bot/agent/time_pattern_tool.py)
        return args.get("metric") == target
    if kind == "step":
        return target == args.get("goal_touchpoint") or target in (args.get("touchpoints") or [])
    filters = args.get("filters") or {}
    return target in ((filters.get("segment") if isinstance(filters, dict) else None) or [])


def notes(slots: Any, args: dict[str, Any] | None = None) -> list[str]:
    """What the answer says it read by meaning, of the readings the plan's arguments carry."""
    return [words.split(SEP, 2)[2] for kind, words in getattr(slots, "unknown", [])
            if kind == NOTE and _used(words, args)]


def other_questions(slots: Any, args: dict[str, Any] | None = None) -> list[str]:
    """The question with the runners-up in place, as the answer offers them."""
    return [words.split(SEP, 2)[2] for kind, words in getattr(slots, "unknown", [])
            if kind == ALTERNATIVE and _used(words, args)]
