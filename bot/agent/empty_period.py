"""A period with none of what the question counts ("which state brings the most revenue?" when
the last 30 days hold only cancelled orders): the tool says so and names the latest period of
the same length that has them (tools/analytics/kpi_scope.py's `empty_note`). The answer says it
as the KPIs do, plainly, and offers that period as a reading to run, rather than "I tried
movers(...) but it did not work"."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.plan import Plan
from bot.answer import Alternative, ToolCallRecord

_LATEST = re.compile(r"; the latest [\w ]+? with [\w -]+? (?:is|are) (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}): "
                     r"ask about that period\b")


def failed_body(planner: Any, plan: Plan, record: ToolCallRecord,
                alts: list[Alternative]) -> tuple[str, list[Alternative]]:
    """What the owner reads when the tool gave no result, and the readings offered with it."""
    m = _LATEST.search(record.error or "")
    if m is None or plan.spec is None or "period" not in plan.spec.params.model_fields:
        return f"I tried {record.signature} but it did not work: {record.error}", alts
    # reading.py names the planner's types: read when needed, not at import
    from bot.agent.reading import _alternative

    args: dict[str, Any] = {**plan.args, "period": {"start": m.group(1), "end": m.group(2)}}
    latest = _alternative(planner, plan.spec.name, args, plan.slots)
    error = str(record.error)[:m.start()]
    body = (f"{error[0].upper()}{error[1:]}, so there is nothing to show for it. The latest period of the same "
            f"length with them is {m.group(1)} to {m.group(2)}: ask “{latest.question}” or use the button.")
    return body, [latest, *[a for a in alts if a.question != latest.question]]
