"""A period with none of what the question counts ("which state brings the most revenue?" when
the last 30 days hold only cancelled orders): the tool says so and names the latest period of
the same length that has them (tools/analytics/kpi_scope.py's `no_data`, as the error's `latest`
field). The answer says it as the KPIs do, plainly, and offers that period as a reading to run,
rather than "I tried movers(...) but it did not work"."""

from __future__ import annotations

from typing import Any

from bot.agent.plan import Plan
from bot.answer import Alternative, ToolCallRecord


def failed_body(planner: Any, plan: Plan, record: ToolCallRecord,
                alts: list[Alternative]) -> tuple[str, list[Alternative]]:
    """What the owner reads when the tool gave no result, and the readings offered with it."""
    latest = record.latest
    if latest is None or plan.spec is None or "period" not in plan.spec.params.model_fields:
        return f"I tried {record.signature} but it did not work: {record.error}", alts
    # reading.py names the planner's types: read when needed, not at import
    from bot.agent.reading import alternative

    first, last = latest.first.isoformat(), latest.last.isoformat()
    offer = alternative(planner, plan.spec.name, {**plan.args, "period": {"start": first, "end": last}}, plan.slots)
    missing = latest.missing
    body = (f"{missing[0].upper()}{missing[1:]}, so there is nothing to show for it. The latest period of the same "
            f"length with them is {first} to {last}: ask “{offer.question}” or use the button.")
    return body, [offer, *[a for a in alts if a.question != offer.question]]
