"""A follow-up to an alert rule just proposed: a change of that rule ("actually make that 15%")
or the same rule again for another KPI ("and the same for revenue", "do one for bookings too").

The second is a new rule, so it asks for confirmation like any: the KPI is the follow-up's
own, everything else (condition, threshold, window, severity) the rule just proposed.
"""

from __future__ import annotations

from typing import Any

from bot.agent.alert_slots import amends_rule
from bot.agent.patterns import lazy

# "and the same for revenue", "same again but for new visitors", "do one for bookings as well",
# "and for takings too": the rule again, another KPI named after it
_SAME_FOR = lazy(
    r"^(?:(?:and|ok|okay|now|then|also|please|pls|can you|could you|great|cool|thanks),? )*"
    r"(?:(?:do|set up|make|add|create|give me|i want|i'?d like) )?"
    r"(?:(?:the )?same (?:thing |rule |alert |one |again |deal )?(?:but )?(?:for|on|with)|(?:the )?same again (?:but )?(?:for|on|with)|"
    r"(?:one|another|an? (?:alert|rule|alarm)|it) (?:for|on)|(?:for|on)(?= (?:[\w'-]+ ){0,4}(?:too|as well|also)\s*[?.!]*$))\s"
    r"(?:[\w'-]+ ?){1,5}[?.!]*$")


# (lane probe25b) "make it fire per channel", "have it watch each segment on its own": the rule just
# proposed, watched group by group (change_alert_rule has no `per`: the rule is proposed again)
_PER_ONLY = lazy(
    r"^(?:(?:and|ok|okay|now|then|actually|also|please|pls|oh),? )*(?:(?:can you |could you )?(?:make|have|set|let|get) (?:it|that|this|the rule|the alert) )?"
    r"(?:(?:fire|watch|check|look|go off|alert|run|work|trigger|ping)(?: me)? )?(?:per|for each|for every|by|on each|on every|(?:each|every)) "
    r"(channel|segment|town|city|region)s?(?:'s)?(?: (?:on its own|separately|one by one|individually|instead|too))?\s*[?.!]*$")


def amended_by(prev: str, slots: Any) -> str | None:
    """The alert tool a follow-up of the rule `prev` asks for, if it only speaks to that rule."""
    if prev == "create_alert_rule" and _PER_ONLY.search(slots.norm.lower()):
        return "create_alert_rule"
    if amends_rule(slots.norm):
        return "change_alert_rule"
    if prev == "create_alert_rule" and slots.metrics and _SAME_FOR.search(slots.norm):
        return "create_alert_rule"
    return None


def same_rule_for(previous: dict[str, Any], args: dict[str, Any]) -> dict[str, Any]:
    """The rule just proposed, watching the follow-up's KPI (and its stage, channel or segment)."""
    if m := _PER_ONLY.search(str(args.get("request", "")).lower()):
        per = {"town": "city"}.get(m.group(1), m.group(1))
        return {**previous, "per": per, "request": f"{previous.get('request', '')} (per {per})".strip()[:300]}
    watched = ("metric", "stage", "channel", "segment")
    out = {k: v for k, v in previous.items() if k not in watched}
    out.update({k: v for k, v in args.items() if k in watched})
    out["request"] = f"{previous.get('request', '')} (the same for {args.get('metric', '')})".strip()[:300]
    return out
