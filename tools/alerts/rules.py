"""Alert rules: what to watch, when it counts as broken, and how loudly to say so.

Two kinds share one model:

- threshold: the metric over a window of days is above or below a value, or changed by more
  than a percentage against the window before ("checkout conversion drops 10% week on week":
  comparison drops_by, value 10, window_days 7);
- anomaly: the day's value is far from what the same weekday usually shows (a robust,
  weekday-aware median and MAD baseline, see tools/alerts/anomaly.py).

Rules come from the config file ([[alerts.rules]]) and from conversation or the command line
(kept in state.sqlite, see tools/alerts/store.py). The metric is checked against the metrics
the series provider knows when a rule is added or evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from tools.core.money import money_format
from tools.core.stages import Stage

# freshness rules are made by journeybot for each configured source (bot/scheduler/
# freshness.py), judged after its syncs rather than over a metric's series.
RuleKind = Literal["threshold", "anomaly", "freshness"]
Comparison = Literal["above", "below", "drops_by", "rises_by"]
Direction = Literal["bad", "down", "up", "both"]
Severity = Literal["low", "medium", "high"]
# customers' town and region (customers.city, region) where the CRM export has them
PerGroup = Literal["channel", "segment", "city", "region"]
PLACE_GROUPS = ("city", "region")
GROUP_SEPARATOR = "/"  # "channel-surge/tiktok": the per-group rule's state for one channel
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

COMPARISON_WORDS: dict[str, str] = {
    "above": "is above",
    "below": "is below",
    "drops_by": "drops by",
    "rises_by": "rises by",
}


@dataclass(frozen=True)
class MetricInfo:
    """What the alert engine needs to know about a metric besides its numbers."""

    name: str
    label: str  # "checkout conversion"
    unit: str = ""  # "%", "h", "points", "", or money: the ISO currency ("BRL", "EUR/de_DE")
    aggregation: Literal["sum", "mean"] = "mean"  # how days combine into a window
    good_direction: Literal["up", "down"] = "up"  # which way is good for the business
    # rate: a share in percent of n; count: a number of things (orders); total: a sum of money;
    # mean and quantile: of n values. Rates and counts get a sampling-noise floor on their spread.
    kind: Literal["rate", "count", "total", "mean", "quantile"] = "mean"
    stage_aware: bool = False  # conversion metrics: a rule's stage picks the step
    # A difference of two counts (tickets opened minus resolved), n their sum: chance moves it by
    # the spread of both counts, sqrt(n), however close to 0 the difference itself is.
    difference: bool = False

    def format(self, value: float | None) -> str:
        if value is None:
            return "n/a"
        if self.unit == "%":
            return f"{value:.1f}%"
        money = money_format(self.unit)
        if money is not None:
            return money.money_short(value)
        if self.unit == "points":
            return f"{value:+.0f} points" if self.name == "nps" else f"{value:.1f} points"
        if self.unit:
            return f"{value:,.1f} {self.unit}"
        if self.kind == "count":  # an expected 55.5 orders reads as about 56
            return f"{value:,.0f}"
        return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}"


class AlertRule(BaseModel):
    """One alert rule. Threshold rules need comparison and value; anomaly rules use the
    weekday-aware baseline and take sensitivity instead."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Short name, lower case letters, digits, - and _, e.g. 'checkout-conversion-wow'.",
                    min_length=1, max_length=63)
    kind: RuleKind = Field(default="threshold", description="'threshold' (a value or a % change) or "
                           "'anomaly' (far from what the same weekday usually shows).")
    metric: str = Field(description="The KPI to watch, e.g. conversion_rate, csat, orders.", min_length=1,
                        max_length=64)
    channel: str | None = Field(default=None, description="Only customers whose first touch came through "
                                "this channel, e.g. 'instagram'.", max_length=64)
    segment: str | None = Field(default=None, description="Only customers in this CRM segment.", max_length=64)
    city: str | None = Field(default=None, description="Only customers living in this town or city.", max_length=64)
    region: str | None = Field(default=None, description="Only customers living in this region.", max_length=64)
    per: PerGroup | None = Field(default=None, description="Watch each first-touch channel (or each CRM "
                                 "segment, town or region) on its own, e.g. 'tell me when any channel's new "
                                 "visitors jump', 'if any town's orders drop by a fifth'; an alert names the "
                                 "group, and each group has its own cooldown.")
    stage: Stage | None = Field(default=None, description="Journey stage the metric is read at, e.g. "
                                "'decision' for checkout conversion (decision -> purchase).")
    comparison: Comparison | None = Field(default=None, description="Threshold rules: above or below the "
                                          "value, or drops_by / rises_by that many percent against the "
                                          "window before.")
    value: float | None = Field(default=None, description="Threshold rules: the value (in the metric's unit) "
                                "or, for drops_by / rises_by, the percentage change, e.g. 10.")
    window_days: int = Field(default=1, ge=1, le=90, description="Days the metric is computed over: 1 = "
                             "each day, 7 = a week (and week on week for drops_by / rises_by).")
    direction: Direction = Field(default="bad", description="Anomaly rules: which moves alert; 'bad' = the "
                                 "direction that is bad for this metric (conversion down, churn up).")
    sensitivity: float = Field(default=4.0, ge=2.0, le=12.0, description="Anomaly rules: how many robust "
                               "standard deviations from the usual value before it alerts.")
    min_change_pct: float = Field(default=10.0, ge=0, le=100, description="Anomaly rules: ignore moves "
                                  "smaller than this percentage of the usual value.")
    baseline_weeks: int = Field(default=8, ge=3, le=26, description="Anomaly rules: weeks of history the "
                                "usual value is taken from (same weekday).")
    min_n: int = Field(default=20, ge=1, le=1_000_000, description="Minimum customers/orders/answers behind "
                       "a value; smaller days or windows never alert.")
    severity: Severity = Field(default="medium", description="low, medium or high; high escalates.")
    cooldown_hours: float | None = Field(default=None, ge=0, le=24 * 90, description="After this rule "
                                         "alerts, stay quiet this long even if it clears and breaks "
                                         "again; empty = the [alerts] default.")
    post_to: str | None = Field(default=None, description="Slack channel for this rule's alerts; empty = "
                                "the [alerts] channel.", max_length=80)
    description: str = Field(default="", description="What the owner asked for, in their words.",
                             max_length=300)
    enabled: bool = Field(default=True, description="Disabled rules are kept but not evaluated.")
    # Set on the rule of one group of a per-group rule: (dimension, group).
    _group: tuple[str, str] | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        v = v.strip().lower()
        if not RULE_ID.match(v):
            raise ValueError(f"rule id {v!r} must be lower case letters, digits, '-' or '_' (e.g. "
                             "'checkout-conversion-wow')")
        return v

    @field_validator("channel", "segment", "city", "region", "post_to", "metric")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = v.strip()
        return v or None

    @model_validator(mode="after")
    def _check_kind(self) -> AlertRule:
        if self.kind == "threshold":
            if self.comparison is None or self.value is None:
                raise ValueError("a threshold rule needs comparison (above, below, drops_by, rises_by) "
                                 "and value")
            if self.comparison in ("drops_by", "rises_by") and not (0 < self.value <= 1000):
                raise ValueError(f"{self.comparison} takes a percentage between 0 and 1000, got {self.value:g}")
        elif self.comparison is not None or self.value is not None:
            raise ValueError("an anomaly rule takes sensitivity, not comparison and value"
                             if self.kind == "anomaly" else "a freshness rule takes no comparison and value")
        if self.per is not None and getattr(self, self.per) is not None:
            raise ValueError(f"a rule watches either each {self.per} (per = {self.per!r}) or one {self.per} "
                             f"({self.per} = {getattr(self, self.per)!r}), not both")
        return self

    # -- per-group rules ------------------------------------------------------------------
    def for_group(self, group: str) -> AlertRule:
        """The rule as it applies to one group of a per-group rule. Its id names the group,
        so dedupe, cooldown, snooze and resolve are kept per group."""
        assert self.per is not None
        rule = self.model_copy(update={"id": f"{self.id}{GROUP_SEPARATOR}{group}", self.per: group, "per": None})
        rule._group = (self.per, group)
        return rule

    @property
    def group(self) -> tuple[str, str] | None:
        """(dimension, group) when this is one group's rule of a per-group rule."""
        return self._group

    # -- words ------------------------------------------------------------------------
    def scope_text(self) -> str:
        parts = [f"each {self.per}"] if self.per else []
        if self.stage:
            parts.append(f"at {self.stage}")
        if self.channel:
            parts.append(f"channel {self.channel}")
        if self.segment:
            parts.append(f"segment {self.segment}")
        if self.city:
            parts.append(f"customers in {self.city}")
        if self.region:
            parts.append(f"region {self.region}")
        return ", ".join(parts)

    def window_text(self) -> str:
        if self.window_days == 1:
            return "day on day" if self.comparison in ("drops_by", "rises_by") else "on a day"
        if self.window_days == 7:
            return "week on week" if self.comparison in ("drops_by", "rises_by") else "over 7 days"
        return (f"last {self.window_days} days vs the {self.window_days} before"
                if self.comparison in ("drops_by", "rises_by") else f"over {self.window_days} days")

    def condition_text(self, info: MetricInfo | None = None) -> str:
        label = info.label if info else self.metric
        scope = self.scope_text()
        head = f"{label}" + (f" ({scope})" if scope else "")
        if self.kind == "freshness":
            return self.description or f"{label} keeps arriving on schedule"
        if self.kind == "anomaly":
            way = {"bad": "moves the bad way", "down": "drops", "up": "rises", "both": "moves"}[self.direction]
            return (f"{head} {way} unusually for the weekday (outside its usual range, sensitivity "
                    f"{self.sensitivity:g}, and by at least {self.min_change_pct:g}%)")
        assert self.comparison is not None and self.value is not None
        if self.comparison in ("drops_by", "rises_by"):
            amount = f"{self.value:g}%"
        else:
            amount = info.format(self.value) if info else f"{self.value:g}"
        return f"{head} {COMPARISON_WORDS[self.comparison]} {amount} {self.window_text()}"

    def summary(self, info: MetricInfo | None = None) -> str:
        state = "" if self.enabled else " [disabled]"
        return f"{self.id}: {self.condition_text(info)} — {self.severity}{state}"


def rule_from_dict(data: dict) -> AlertRule:
    return AlertRule.model_validate(data)


def find_rule(rules: list[AlertRule], rule_id: str) -> AlertRule | None:
    """A rule by id, also one group's rule of a per-group rule ("channel-surge/tiktok")."""
    found = next((r for r in rules if r.id == rule_id), None)
    if found is not None or GROUP_SEPARATOR not in rule_id:
        return found
    parent_id, group = rule_id.split(GROUP_SEPARATOR, 1)
    parent = next((r for r in rules if r.id == parent_id and r.per is not None), None)
    return parent.for_group(group) if parent is not None else None


def _starter(**kw: object) -> AlertRule:
    return AlertRule.model_validate({"kind": "anomaly", **kw})


# Rules a small shop gets before writing its own ([alerts] starter_rules = true): each watches
# a KPI for days that are unusual for their weekday, in the direction that hurts (channel-surge:
# the direction that helps). Windows and minimum sizes follow the volumes: conversion, orders
# and on-time delivery are judged per day, first responses over 3 days, CSAT over a week. A
# rule of the same id in the config replaces a starter rule.
STARTER_RULES: tuple[AlertRule, ...] = (
    _starter(id="checkout-conversion", metric="purchase_conversion", stage="decision", min_n=15,
             sensitivity=3.5, severity="high",
             description="checkout conversion (decision -> purchase) unusually low for the weekday"),
    _starter(id="session-conversion", metric="session_conversion", min_n=40, sensitivity=3.5,
             severity="high", description="share of web sessions that buy unusually low"),
    _starter(id="cart-abandonment", metric="cart_abandonment", min_n=15, sensitivity=3.5,
             description="carts abandoned unusually often"),
    _starter(id="orders", metric="orders", min_n=20, sensitivity=3.5, description="unusually few orders"),
    _starter(id="revenue", metric="revenue", min_n=20, sensitivity=3.5, description="unusually low revenue"),
    _starter(id="support-tickets", metric="tickets", min_n=1, sensitivity=3.5, min_change_pct=50,
             description="unusually many support tickets"),
    _starter(id="first-response-3d", metric="first_response_time", window_days=3, min_n=6, sensitivity=3.5,
             description="replies to customers unusually slow over 3 days"),
    # Judged by the day deliveries are due, so a courier failure shows the first day parcels
    # are missed rather than days later when they arrive late.
    _starter(id="on-time-delivery", metric="on_time_delivery", min_n=5, sensitivity=3.5,
             description="deliveries unusually often late"),
    _starter(id="csat-7d", metric="csat", window_days=7, min_n=20, sensitivity=3.5,
             description="satisfaction over the last week unusually low"),
    # Good news is news too: a channel suddenly bringing many new people (a post that took
    # off, a mention in the press) is worth acting on while it lasts. At least 10 newcomers
    # from the channel and at least double the usual, so a small channel's lucky day is quiet.
    _starter(id="channel-surge", metric="new_visitors", per="channel", direction="up", min_n=10,
             sensitivity=5.0, min_change_pct=100, severity="low",
             description="a channel brings unusually many new visitors"),
)
