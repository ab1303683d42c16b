"""Changes wait for a yes: the model path's side of "state-changing tools always confirm".

When the model calls a tool that changes something (an alert rule created, changed or
deleted, a persona saved), the call is not run: it is held as a PendingAction on the answer,
and the model is told that the owner has to confirm. The Slack confirm button, the terminal
prompt and `journeybot ask --yes` run it through `JourneyAgent.confirm`. The offline planner
holds such calls the same way (bot/agent/planner.py).
"""

from __future__ import annotations

from typing import Any

from bot.agent.tools import ToolContext, ToolSpec, check_change
from bot.answer import PendingAction, ToolCallRecord


def hold_for_confirmation(spec: ToolSpec, ctx: ToolContext, args: dict[str, Any],
                          held: list[PendingAction] | None) -> str:
    """Keep the call for the person to confirm; what the model reads back. A change that could
    not go through (an unknown metric, no such rule) comes back as the error instead."""
    from bot.agent.understood import understood

    problem = check_change(spec, ctx, args)
    if problem:
        return f"Error: {problem}"
    line = understood(spec.name, dict(args), spec=spec)
    if held is not None:
        held.append(PendingAction(spec.name, dict(args), line))
    return (f"Not done yet: {line}. This changes what journeybot keeps, so the owner must confirm it "
            "first; a confirm button (or prompt) is shown under your answer. Tell them what will "
            "happen and that nothing has changed yet.")


def understood_calls(records: list[ToolCallRecord]) -> str:
    """The reading of a model's answer: its successful tool calls, in words."""
    from bot.agent.understood import answered_args, understood

    lines = [understood(r.name, answered_args(r.args, r.result)) for r in records if r.ok]
    return "; ".join(dict.fromkeys(lines))
