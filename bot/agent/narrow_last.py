"""'Narrow it to the vip shoppers' right after an analysis: that analysis again for those
customers, never a persona card narrowed (unless the last answer was a persona)."""

from __future__ import annotations

from dataclasses import replace

from bot.agent.tools import ToolSpec

# "narrow it to the loyalty-card buyers", "ok filter that down to weekday clients", "restrict
# the list to vips": the order to narrow what was just shown (a card is named when one is meant)
NARROW_THE_LAST = (r"^(?:(?:ok|okay|right|now|so|and|then|can you|could you|please|pls|just),? )*"
                   r"(?:narrow|filter|restrict|limit|trim|pare|whittle)(?: (?:it|that|this|those|these|them|the (?:list|results?|"
                   r"numbers|figures|chart|graph|trend|view|table|analysis|breakdown|funnel|ranking|answer)))?"
                   r"(?: (?:down|back))? (?:to|for|by|on) (?!.*\b(?:personas?|her|him|she|he)\b|.*\b(?:the|that|this|first|second|third|"
                   r"fourth|fifth|sixth|last|[1-6](?:st|nd|rd|th)?) (?:card|one)\b|.*\bcard (?:number |no\.? |#)?[1-6]\b)")


def narrowed_by_follow_up(specs: list[ToolSpec]) -> list[ToolSpec]:
    """Every analysis takes the narrowing as a follow-up of itself; the persona tools (where
    "narrow it" edits a card) and those that change something do not."""
    return [replace(s, follow_ups=(*s.follow_ups, NARROW_THE_LAST))
            if s.plan is not None and not (s.changes_state or s.edits) and "persona" not in s.name else s for s in specs]
