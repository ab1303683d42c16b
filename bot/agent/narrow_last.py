"""'Narrow it to the vip shoppers' right after an analysis: that analysis again for those
customers, never a persona card narrowed (unless the last answer was a persona)."""

from __future__ import annotations

from dataclasses import replace

from bot.agent.patterns import lazy
from bot.agent.tools import ToolSpec

# "narrow it to the loyalty-card buyers", "ok filter that down to weekday clients", "restrict
# the list to vips": the order to narrow what was just shown (a card is named when one is meant);
# (lane probe23b) "narrow the tablet funnel to last month only": the analysis in the trade's words
NARROW_THE_LAST = (r"^(?:(?:ok|okay|right|now|so|and|then|can you|could you|please|pls|just),? )*"
                   r"(?:narrow|filter|restrict|limit|trim|pare|whittle)(?: (?:it|that|this|those|these|them|the (?:[\w'-]+ ){0,2}?(?:list|results?|"
                   r"numbers|figures|chart|graph|trend|view|table|analysis|breakdown|funnel|ranking|answer|map|drop-?offs|paths|forecast)))?"
                   r"(?: (?:down|back))? (?:to|for|by|on) (?!.*\b(?:personas?|her|him|she|he)\b|.*\b(?:the|that|this|first|second|third|"
                   r"fourth|fifth|sixth|last|[1-6](?:st|nd|rd|th)?) (?:card|one)\b|.*\bcard (?:number |no\.? |#)?[1-6]\b)")


def narrowed_by_follow_up(specs: list[ToolSpec]) -> list[ToolSpec]:
    """Every analysis takes the narrowing as a follow-up of itself; the persona tools (where
    "narrow it" edits a card) and those that change something do not."""
    return [replace(s, follow_ups=(*s.follow_ups, NARROW_THE_LAST))
            if s.plan is not None and not (s.changes_state or s.edits) and "persona" not in s.name else s for s in specs]


# (lane probe23b) "split the pudding funnel per age band", "redo the shop drop-offs for last week": the
# analysis just shown named by its own noun (a trade's word before it), then what changes
_THE_LAST_NAMED = lazy(r"^(?:(?:ok|okay|right|now|so|and|then|can you|could you|please|pls|just),? )*(?:split|break|cut|chop|divide|"
                             r"slice|redo|rerun|re-run|run|show|do|give me)(?: (?:up|down|out))? the (?:[\w'-]+ ){0,2}?"
                             r"(funnel|drop-?offs|journey map|map|paths|forecast|trend|chart|graph)\b(?! (?:for|of) (?:the )?(?:persona|card))")
_NOUN_TOOL = {"funnel": "funnel", "drop-offs": "dropoffs", "dropoffs": "dropoffs", "journey map": "journey_map", "map": "journey_map",
              "paths": "paths", "forecast": "revenue_forecast", "trend": "trend", "chart": "trend", "graph": "trend"}


def the_last_named(last: str, text: str) -> bool:
    """Whether the follow-up names the analysis just shown by its noun, to change a setting of it."""
    m = _THE_LAST_NAMED.search(text)
    return bool(m) and _NOUN_TOOL.get(m.group(1)) == last
