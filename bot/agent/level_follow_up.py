"""'Stage level pls' right after the drop-offs or the paths: that analysis again at the level
asked for (its `level`), never the funnel a bare "stage" is otherwise a cue of (lane tune30)."""

from __future__ import annotations

from dataclasses import replace

from bot.agent.tools import ToolSpec

# "stage level pls", "at touchpoint level then", "by stage instead", "ok show it step by step":
# only the level changes; a question that says more is read as itself
LEVEL_ONLY = (r"^(?:(?:and|ok|okay|now|right|so|just|can you|could you|please|pls|show (?:me )?(?:that|it|them|those)?|"
              r"do (?:that|it)|make it|switch(?: it)? to|go to|try|now do)[, ]+)*(?:at |by |on |per )?(?:the )?(?:journey )?"
              r"(?:stage|touchpoint|step)s?(?: level| by (?:stage|touchpoint|step))?(?: instead| rather| then)?"
              r"(?:,? (?:please|pls|plz|thanks|ta|mate|instead|then))*[?.! ]*$")


def levelled_by_follow_up(specs: list[ToolSpec]) -> list[ToolSpec]:
    """The analyses with a stage or touchpoint `level` take "stage level" as a follow-up of themselves."""
    return [replace(s, follow_ups=(*s.follow_ups, LEVEL_ONLY))
            if s.plan is not None and "level" in s.params.model_fields and not s.changes_state else s for s in specs]
