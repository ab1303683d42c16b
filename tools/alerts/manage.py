"""Alert rules people manage in conversation or on the command line: list, create, change,
delete, and the list of open alerts.

"tell me if checkout conversion drops 10% week on week" becomes
CreateAlertRuleParams(metric="conversion_rate", stage="decision", condition="drops_by",
value=10, window_days=7). Rules from the config file are listed too but can only be changed in
the file; rules made here live in state.sqlite (tools/alerts/store.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tools.alerts.rules import (
    PLACE_GROUPS,
    AlertRule,
    Comparison,
    Direction,
    MetricInfo,
    PerGroup,
    Severity,
)
from tools.core.errors import ToolInputError
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import Stage
from tools.core.text import counted

if TYPE_CHECKING:  # the agent imports this module for its params models; the store (SQLAlchemy) and
    # pandas load when a tool runs
    import pandas as pd

    from tools.alerts.store import AlertRecord, AlertStore

Condition = Literal["drops_by", "rises_by", "below", "above", "unusual"]


class ListAlertRulesParams(BaseModel):
    """The alert rules in force: from the config file and made in conversation.

    Examples: "which alerts do we have?" -> {}; "show the alert rules, also the disabled ones"
    -> {"include_disabled": true}."""

    model_config = ConfigDict(extra="forbid")
    include_disabled: bool = Field(default=True, description="Also list rules that are switched off.")


# The metric a request to create an alert gets when it names no figure ("alert me when things
# look off"): never a metric, so the rule is refused before anyone is asked to confirm it, and
# never shown to the owner (the agent's precheck and its summary of the change read it).
NO_METRIC_GIVEN = "(none_given)"


class CreateAlertRuleParams(BaseModel):
    """Create an alert rule. Examples:
    - "tell me if checkout conversion drops 10% week on week" -> metric conversion_rate, stage
      decision, condition drops_by, value 10, window_days 7;
    - "alert me when CSAT goes below 80%" -> metric csat, condition below, value 80;
    - "warn me about unusual days for orders" -> metric orders, condition unusual;
    - "tell me when any channel suddenly brings lots of new visitors" -> metric new_visitors,
      condition unusual, direction up, per channel (each first-touch channel watched on its own)."""

    model_config = ConfigDict(extra="forbid")
    metric: str = Field(description="KPI to watch, e.g. conversion_rate, csat, orders, first_response_time.",
                        min_length=1, max_length=64)
    condition: Condition = Field(description="drops_by / rises_by: changes by at least `value` percent "
                                 "against the window before; below / above: crosses `value`; unusual: "
                                 "far from what the same weekday usually shows (no value needed).")
    value: float | None = Field(default=None, ge=-1e9, le=1e9, description="Percent for drops_by / "
                                "rises_by (10 = 10%); the threshold in the metric's own unit for below / "
                                "above (80 for 80%, 25 for £25, 12 for 12 hours).")
    window_days: int = Field(default=1, ge=1, le=90, description="1 = day by day, 7 = week (on week), "
                             "28 = four weeks.")
    stage: Stage | None = Field(default=None, description="For conversion: the stage people convert from "
                                "(decision = checkout conversion).")
    channel: str | None = Field(default=None, max_length=64, description="Only customers whose first touch "
                                "was this channel, e.g. instagram.")
    segment: str | None = Field(default=None, max_length=64, description="Only this CRM segment.")
    per: PerGroup | None = Field(default=None, description="Watch each first-touch channel (or each CRM "
                                 "segment, each town: city, each region) on its own: 'any channel', 'each "
                                 "channel', 'which channel', 'any town's', 'per region'. The alert names the "
                                 "group. Not together with channel (or segment).")
    direction: Direction | None = Field(default=None, description="For unusual only: bad (the default: "
                                        "the way that hurts, e.g. conversion down), up ('spikes', 'surges', "
                                        "'lots of'), down ('unusually low', 'dries up') or both.")
    severity: Severity = Field(default="medium", description="low, medium or high (high escalates).")
    name: str | None = Field(default=None, max_length=63, description="Short id for the rule; made up "
                             "from the metric and condition when empty.")
    request: str = Field(default="", max_length=300, description="The request in the owner's words.")


class ChangeAlertRuleParams(BaseModel):
    """Change a rule made in conversation (config rules are changed in the file). Examples:
    "make the checkout alert 15%" -> rule_id checkout..., value 15; "switch off the orders
    alert" -> enabled false; "make it high severity" -> severity high."""

    model_config = ConfigDict(extra="forbid")
    rule_id: str = Field(min_length=1, max_length=63, description="The rule's id, as listed.")
    value: float | None = Field(default=None, ge=-1e9, le=1e9, description="New value or percentage.")
    condition: Condition | None = Field(default=None, description="New condition.")
    window_days: int | None = Field(default=None, ge=1, le=90, description="New window in days.")
    severity: Severity | None = Field(default=None, description="New severity.")
    enabled: bool | None = Field(default=None, description="false switches the rule off, true on.")
    sensitivity: float | None = Field(default=None, ge=2, le=12, description="Unusual rules: robust "
                                      "SDs before alerting (higher = fewer alerts).")
    direction: Direction | None = Field(default=None, description="Unusual rules: which moves alert, bad, "
                                        "up, down or both.")


class DeleteAlertRuleParams(BaseModel):
    """Delete a rule made in conversation. Example: "stop the checkout conversion alert"."""

    model_config = ConfigDict(extra="forbid")
    rule_id: str = Field(min_length=1, max_length=63, description="The rule's id, as listed.")


class OpenAlertsParams(BaseModel):
    """Alerts that fired and have not cleared yet. Example: "are there any open alerts?"."""

    model_config = ConfigDict(extra="forbid")
    include_resolved: bool = Field(default=False, description="Also the recently resolved ones.")


@dataclass(frozen=True)
class RuleLine:
    rule: AlertRule
    source: str  # config | chat | cli
    text: str


@dataclass(frozen=True)
class AlertRulesResult(ResultMixin):
    rules: tuple[RuleLine, ...]
    provenance: Provenance

    def to_text(self) -> str:
        if not self.rules:
            return ("No alert rules yet. Say for example “tell me if checkout conversion drops 10% week "
                    "on week”, or add [[alerts.rules]] to the config.")
        lines = [f"{counted(len(self.rules), 'alert rule')}:"]
        for line in self.rules:
            origin = {"config": "config file", "starter": "starter rule"}.get(line.source, f"made in {line.source}")
            lines.append(f"- {line.text} ({origin})")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([{**r.rule.model_dump(), "source": r.source} for r in self.rules])


@dataclass(frozen=True)
class RuleChangeResult(ResultMixin):
    action: str  # created | changed | deleted
    rule: AlertRule
    text: str
    provenance: Provenance
    notes: tuple[str, ...] = field(default=())

    def to_text(self) -> str:
        return "\n".join([self.text, *self.notes])

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([{**self.rule.model_dump(), "action": self.action}])


@dataclass(frozen=True)
class OpenAlertsResult(ResultMixin):
    alerts: tuple[AlertRecord, ...]
    provenance: Provenance
    # the latest day a rule was judged; None before any check: "within bounds at its last
    # check" was said of rules never checked (a store just loaded, no morning run yet)
    last_checked: dt.date | None = None

    def to_text(self) -> str:
        if not self.alerts and self.last_checked is None:
            return ("No open alerts, and no rule has been checked yet: the rules are judged each morning "
                    "while journeybot runs, on the last complete day of data.")
        if not self.alerts:
            return f"No open alerts: every rule was within bounds at its last check ({self.last_checked})."
        return "\n".join([f"{counted(len(self.alerts), 'alert')}:", *(f"- {a.summary()}" for a in self.alerts)])

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([{"id": a.id, "rule": a.rule_id, "status": a.status, "severity": a.severity,
                              "since": a.since_day, "headline": a.finding.headline(), "acked_by": a.acked_by}
                             for a in self.alerts])


def _infos(metrics: list[MetricInfo]) -> dict[str, MetricInfo]:
    return {m.name: m for m in metrics}


def _prov(tool: str, definition: str, params: dict[str, Any]) -> Provenance:
    return Provenance(tool=tool, definition=definition, params=params, tables=("state.sqlite",))


def _origin(rule: AlertRule) -> str:
    from tools.alerts.rules import STARTER_RULES

    return "starter" if any(rule == r for r in STARTER_RULES) else "config"


def list_alert_rules(store: AlertStore, config_rules: list[AlertRule], metrics: list[MetricInfo],
                     params: ListAlertRulesParams | None = None) -> AlertRulesResult:
    params = params or ListAlertRulesParams()
    infos = _infos(metrics)
    lines = [RuleLine(r, _origin(r), r.summary(infos.get(r.metric))) for r in config_rules]
    lines += [RuleLine(s.rule, s.source, s.rule.summary(infos.get(s.rule.metric))) for s in store.stored_rules()]
    if not params.include_disabled:
        lines = [line for line in lines if line.rule.enabled]
    return AlertRulesResult(tuple(lines), _prov(
        "list_alert_rules", "alert rules from the config file and those made in conversation or on the "
        "command line", params.model_dump()))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:63] or "rule"


def _rule_fields(condition: str, value: float | None, direction: str | None = None) -> dict[str, Any]:
    if condition == "unusual":
        if value is not None:
            raise ToolInputError("an 'unusual' rule takes no value: it compares with the usual value for "
                                 "the weekday")
        return {"kind": "anomaly", "comparison": None, "value": None, "direction": direction or "bad"}
    if direction is not None:
        # A threshold already says its way (drops_by, above, ...); a second one could contradict it.
        raise ToolInputError(f"direction ({direction}) applies to 'unusual' rules only; condition {condition} "
                             "already says which way counts")
    if value is None:
        raise ToolInputError(f"condition {condition} needs a value (a percentage for drops_by / rises_by, "
                             "a threshold for below / above)")
    comparison: Comparison = condition  # type: ignore[assignment]
    if comparison in ("drops_by", "rises_by"):
        value = abs(value)
    return {"kind": "threshold", "comparison": comparison, "value": value}


def _check_scope(metric: str, metrics: list[MetricInfo], stage: str | None) -> MetricInfo:
    infos = _infos(metrics)
    if metric not in infos:
        raise ToolInputError(f"Unknown metric {metric!r} for alerts; use one of {', '.join(sorted(infos))}")
    info = infos[metric]
    if stage and not info.stage_aware:
        aware = sorted(m.name for m in metrics if m.stage_aware)
        raise ToolInputError(f"A stage applies to conversion metrics only ({', '.join(aware) or 'none'}), "
                             f"not to {metric}")
    return info


def create_alert_rule(store: AlertStore, config_rules: list[AlertRule], metrics: list[MetricInfo],
                      params: CreateAlertRuleParams, *, source: str = "chat",
                      created_by: str | None = None, journey: Any = None) -> RuleChangeResult:
    """`journey`: the journey store, to refuse a rule per town or region over customers with none."""
    info = _check_scope(params.metric, metrics, params.stage)
    if params.per in PLACE_GROUPS and journey is not None:
        check_places(journey, params.per)
    fields = _rule_fields(params.condition, params.value, params.direction)
    rule_id = _slug(params.name or _rule_name(params))
    taken = {r.id for r in config_rules} | {s.rule.id for s in store.stored_rules()}
    if params.name is None:
        base, i = rule_id, 2
        while rule_id in taken:
            rule_id, i = f"{base[:60]}-{i}", i + 1
    try:
        rule = AlertRule(id=rule_id, metric=params.metric, stage=params.stage, channel=params.channel,
                         segment=params.segment, per=params.per, window_days=params.window_days,
                         severity=params.severity, description=params.request, **fields)
    except ValidationError as exc:
        raise ToolInputError(_first_error(exc)) from None
    store.add_rule(rule, source=source, created_by=created_by, reserved={r.id for r in config_rules})
    text = f"Created alert rule {rule.id}: {rule.condition_text(info)} — {rule.severity}."
    return RuleChangeResult("created", rule, text, _prov(
        "create_alert_rule", "a new alert rule, kept in state.sqlite and checked every day with the others",
        params.model_dump()), notes=("It is checked every morning on the last complete day of data.",))


def check_places(journey: Any, per: str) -> None:
    """A rule per town (region) over customers with no town (region) would watch nothing and stay
    quiet forever: refused, saying so, and nothing is created."""
    with journey.connect() as con:
        places = con.execute(f"SELECT count(DISTINCT {per}) FROM customers WHERE {per} IS NOT NULL "
                             f"AND trim({per}) <> ''").fetchone()[0]
    if not places:
        word = "town" if per == "city" else "region"
        raise ToolInputError(f"The customer data has no {word}s (customers.{per} is empty), so an alert per "
                             f"{word} has nothing to watch; no rule was created. Load a customer export with "
                             f"a {word} column to watch each {word}.")


def _rule_name(params: CreateAlertRuleParams) -> str:
    """An id that reads as the rule: "new-visitors-each-channel-unusual-up"."""
    direction = params.direction if params.direction not in (None, "bad") else None
    return "-".join(p for p in (
        params.metric, params.stage, params.channel, params.segment,
        f"each-{params.per}" if params.per else None, params.condition, direction,
        f"{params.window_days}d" if params.window_days > 1 else None) if p)


def change_alert_rule(store: AlertStore, config_rules: list[AlertRule], metrics: list[MetricInfo],
                      params: ChangeAlertRuleParams) -> RuleChangeResult:
    rule = _stored(store, config_rules, params.rule_id)
    updates: dict[str, Any] = {k: v for k, v in params.model_dump().items()
                               if v is not None and k not in ("rule_id", "condition", "value", "direction")}
    if params.condition is not None or params.value is not None or params.direction is not None:
        condition = params.condition or ("unusual" if rule.kind == "anomaly" else rule.comparison)
        value = params.value if params.value is not None else (None if condition == "unusual" else rule.value)
        # An unusual rule keeps the way it watched unless told otherwise.
        direction = params.direction or (rule.direction if condition == "unusual" else None)
        updates.update(_rule_fields(str(condition), value, direction))
    try:
        changed = AlertRule.model_validate({**rule.model_dump(), **updates})
    except ValidationError as exc:
        raise ToolInputError(_first_error(exc)) from None
    store.replace_rule(changed)
    info = _infos(metrics).get(changed.metric)
    return RuleChangeResult("changed", changed, f"Changed alert rule {changed.summary(info)}.", _prov(
        "change_alert_rule", "an alert rule made in conversation, changed in place", params.model_dump()))


def delete_alert_rule(store: AlertStore, config_rules: list[AlertRule], metrics: list[MetricInfo],
                      params: DeleteAlertRuleParams) -> RuleChangeResult:
    rule = _stored(store, config_rules, params.rule_id)
    store.remove_rule(rule.id)
    info = _infos(metrics).get(rule.metric)
    return RuleChangeResult("deleted", rule, f"Deleted alert rule {rule.id} ({rule.condition_text(info)}).", _prov(
        "delete_alert_rule", "an alert rule made in conversation, removed", params.model_dump()))


def open_alerts(store: AlertStore, params: OpenAlertsParams | None = None) -> OpenAlertsResult:
    params = params or OpenAlertsParams()
    records = store.alerts(status=None if params.include_resolved else "open", limit=20)
    return OpenAlertsResult(tuple(records), _prov(
        "open_alerts", "alerts raised by the daily check that have not been resolved"
        + (" (and recently resolved ones)" if params.include_resolved else ""), params.model_dump()),
        store.last_checked_day())


def _stored(store: AlertStore, config_rules: list[AlertRule], rule_id: str) -> AlertRule:
    rule_id = rule_id.strip().lower()
    for s in store.stored_rules():
        if s.rule.id == rule_id:
            return s.rule
    for r in config_rules:
        if r.id == rule_id and _origin(r) == "starter":
            raise ToolInputError(f"Rule {rule_id!r} is a starter rule: replace it with an [[alerts.rules]] entry "
                                 "of the same id in the config, or set [alerts] starter_rules = false")
        if r.id == rule_id:
            raise ToolInputError(f"Rule {rule_id!r} comes from the config file; change it there ([[alerts.rules]])")
    known = [s.rule.id for s in store.stored_rules()] + [r.id for r in config_rules]
    raise ToolInputError(f"No alert rule {rule_id!r}; rules are: {', '.join(known) or 'none yet'}")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return str(err.get("msg", "invalid rule")).removeprefix("Value error, ")


def check_rule_change(store: AlertStore, config_rules: list[AlertRule], metrics: list[MetricInfo],
                      params: CreateAlertRuleParams | ChangeAlertRuleParams | DeleteAlertRuleParams) -> None:
    """Raise ToolInputError when the change could not be made (unknown metric, a rule that does
    not exist or lives in the config file), without making it: callers ask the person to
    confirm a change only when it can go through."""
    if isinstance(params, CreateAlertRuleParams):
        _check_scope(params.metric, metrics, params.stage)
        _rule_fields(params.condition, params.value, params.direction)
    else:
        _stored(store, config_rules, params.rule_id)
