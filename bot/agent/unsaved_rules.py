"""An alert rule proposed in the conversation and not confirmed yet: nothing is kept until the
owner confirms (bot/agent/confirm.py), so a change of it is the proposal made again with the new
setting, and a deletion of it says there is nothing to delete. Used by
OfflinePlanner.answer (bot/agent/planner.py imports this module only when it answers)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.agent.plan import Plan, stored_slots
from bot.agent.slots import Slots
from bot.answer import Answer

AMENDED = " ;; "  # joins a proposed rule's words and the changes asked for since


def unsaved_deletion(planner: Any, plan: Plan, key: str) -> Answer | None:
    """"Actually, delete that alert" right after a rule was proposed and not confirmed: nothing
    was kept, so there is nothing to delete; said so, with the proposal it means (not "no
    alert rule '(which rule?)'" and the list of every rule)."""
    from bot.agent.understood import understood

    previous = planner._state.get(key)
    if plan.spec is None or plan.spec.name != "delete_alert_rule" or plan.args.get("rule_id") != "(which rule?)" \
            or not previous or previous["tool"] != "create_alert_rule":
        return None
    proposed = understood("create_alert_rule", previous.get("args") or {}, stored_slots(previous["slots"]))
    planner.reset(key)  # a later "make it 15%" has no proposal left to change
    text = (f"There is nothing to delete: the rule I proposed ({proposed[0].lower() + proposed[1:]}) was never "
            "confirmed, so nothing was kept. Leave it unconfirmed and no alert will be made.")
    return Answer(text, "offline", understood=understood(plan.spec.name, plan.args, plan.slots))


def unsaved_rule(planner: Any, plan: Plan, key: str) -> Plan | None:
    """"Make that 15%" before the proposed rule was confirmed: there is no rule to change
    yet, so the proposal itself is made again with the new setting (and confirmed)."""
    from bot.agent.alert_slots import parse_rule_request

    previous = planner._state.get(key)
    create = planner.by_name.get("create_alert_rule")
    if not (plan.follow_up and plan.spec is not None and plan.spec.name == "change_alert_rule" and create
            and create.plan and previous and previous["tool"] == "create_alert_rule"
            and plan.args.get("rule_id") == "(which rule?)") or "enabled" in parse_rule_request(plan.slots.norm):
        return None  # switching off a rule never made: the change finds no rule and says so
    before = stored_slots(previous["slots"])
    # The proposal's own words first, then each change in the order it was asked for
    # (kept in the remembered text, so "15%" then "high priority" keeps both).
    asked = [*before.text.split(AMENDED), plan.slots.norm]
    first = Slots(**{**asdict(before), "text": asked[0], "norm": asked[0].lower()})
    args = create.plan(first, planner.ctx.for_conversation(key))
    for change in asked[1:]:
        args.update({k: v for k, v in parse_rule_request(change).items()
                     if k in ("value", "severity", "window_days", "condition", "direction", "enabled")
                     and k in create.params.model_fields})
    kept = Slots(**{**asdict(before), "text": AMENDED.join(asked)})
    return Plan(create, args, kept, plan.score, plan.candidates, True)
