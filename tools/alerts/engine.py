"""The alert engine: judge a rule on a day, explain it, and decide what to say.

Three layers, each usable alone:

- `detect(rule, info, frame)`: vectorised over a whole daily series, the value, what was
  expected, the band, the z-score or change, whether the rule is broken, since when;
- `evaluate(provider, rule, day)`: one rule on one day as a `Finding` that explains itself
  (metric, expected vs actual, since when, which groups drove the change, recent history for
  the chart);
- `step(rule, finding, state, now, policy)`: the alert's life as a pure state machine: fire
  once (dedupe while open), escalate high severity, stay quiet in the cooldown and while
  snoozed, and resolve when the condition clears. The scheduler persists its state
  (tools/alerts/store.py); the backtest keeps it in memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from tools.alerts.anomaly import complete_days, rolling_window, run_starts, weekday_baseline
from tools.alerts.rules import GROUP_SEPARATOR, AlertRule, MetricInfo
from tools.alerts.series import Contributor, Scope, SeriesProvider, metric_info
from tools.analytics.filters import UNKNOWN_GROUP
from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Provenance, ResultMixin, to_jsonable

HISTORY_DAYS = 56  # days of history kept with a finding for its chart
# What a metric's not-yet-counted items are (the KPI tools' `excluded`), where they matter on
# the morning after: yesterday's late orders are still pending, its last carts still open.
NOT_YET = {
    "orders": "order(s) placed then and still pending",
    "revenue": "order(s) placed then and still pending",
    "aov": "order(s) placed then and still pending",
    "cart_abandonment": "cart(s) too recent to judge",
}
EventKind = Literal["fire", "escalate", "resolve", "suppressed"]


# -- detection over a series ------------------------------------------------------------
def lookback_days(rule: AlertRule) -> int:
    """Days of data before the judged day that a rule needs."""
    if rule.kind == "anomaly":
        return 7 * rule.baseline_weeks * 2 + rule.window_days
    return 2 * rule.window_days + HISTORY_DAYS


def detect(rule: AlertRule, info: MetricInfo, frame: pd.DataFrame) -> pd.DataFrame:
    """frame: complete daily index with value, n. Returns, per day: value, n, usable,
    expected, lower, upper, z, change_pct, breach, since."""
    win = rolling_window(frame, rule.window_days, info.aggregation)
    usable = (win["n"] >= rule.min_n) & win["value"].notna()
    out = pd.DataFrame({"value": win["value"], "n": win["n"], "usable": usable}, index=frame.index)
    excluded = frame["excluded"] if "excluded" in frame else pd.Series(0, index=frame.index)
    out["excluded"] = excluded.rolling(rule.window_days, min_periods=1).sum().astype(np.int64)
    if rule.kind == "anomaly":
        # A quiet day is real history for a count (0 new visitors from a channel is the usual
        # value that a surge is judged against); for shares and means a small n is just noise.
        history = win["value"].notna() if info.kind == "count" else usable
        base = weekday_baseline(win["value"], history, rule.baseline_weeks)
        base["sigma"] = np.maximum(base["sigma"], sampling_noise(info, base["expected"], win["n"]))
        delta = win["value"] - base["expected"]
        z = delta / base["sigma"]
        direction = rule.direction
        if direction == "bad":
            direction = "down" if info.good_direction == "up" else "up"
        if direction == "down":
            wrong_way = delta < 0
        elif direction == "up":
            wrong_way = delta > 0
        else:
            wrong_way = delta != 0
        relative = (delta.abs() / base["expected"].abs()).where(base["expected"] != 0, np.inf)
        judged = usable & base["expected"].notna() & np.isfinite(base["sigma"])
        out["expected"] = base["expected"]
        out["lower"] = base["expected"] - rule.sensitivity * base["sigma"]
        out["upper"] = base["expected"] + rule.sensitivity * base["sigma"]
        out["z"] = z
        out["change_pct"] = 100 * delta / base["expected"].abs().where(base["expected"] != 0)
        out["breach"] = judged & wrong_way & (z.abs() >= rule.sensitivity) & \
            (relative >= rule.min_change_pct / 100)
        out["judged"] = judged
    else:
        assert rule.comparison is not None and rule.value is not None
        out["z"] = np.nan
        if rule.comparison in ("above", "below"):
            out["expected"] = rule.value
            out["lower"] = rule.value if rule.comparison == "below" else np.nan
            out["upper"] = rule.value if rule.comparison == "above" else np.nan
            out["change_pct"] = np.nan
            hit = win["value"] > rule.value if rule.comparison == "above" else win["value"] < rule.value
            out["judged"] = usable
            out["breach"] = usable & hit
        else:
            prev = win["value"].shift(rule.window_days)
            prev_ok = usable.shift(rule.window_days, fill_value=False) & prev.notna() & (prev != 0)
            change = 100 * (win["value"] - prev) / prev.abs()
            factor = rule.value / 100
            out["expected"] = prev
            if rule.comparison == "drops_by":
                out["lower"] = prev - prev.abs() * factor
                out["upper"] = np.nan
                hit = change <= -rule.value
            else:
                out["lower"] = np.nan
                out["upper"] = prev + prev.abs() * factor
                hit = change >= rule.value
            out["change_pct"] = change
            out["judged"] = usable & prev_ok
            out["breach"] = usable & prev_ok & hit
    out["breach"] = out["breach"].fillna(False).astype(bool)
    out["judged"] = out["judged"].fillna(False).astype(bool)
    out["since"] = run_starts(out["breach"])
    return out


def sampling_noise(info: MetricInfo, expected: pd.Series, n: pd.Series) -> pd.Series:
    """The spread chance alone gives a value of this size: binomial for a share of n, Poisson
    for a count. A quiet day with few customers is noisier than the history says, and a
    history of near-identical small counts would otherwise make every wobble look unusual."""
    n = n.astype(float).where(n > 0)
    if info.kind == "rate":
        # Kept one success and one failure away from 0% and 100%: a weekday whose usual value is
        # 100% of six deliveries on time has not shown that one late parcel is impossible.
        edge = 1 / (n + 2)
        p = (expected / 100).clip(edge, 1 - edge)
        return (100 * np.sqrt(p * (1 - p) / n)).fillna(0.0)
    if info.kind == "count":
        return np.sqrt(expected.clip(lower=1.0)).fillna(0.0)
    return pd.Series(0.0, index=expected.index)


# -- one rule, one day -------------------------------------------------------------------
@dataclass(frozen=True)
class Finding(ResultMixin):
    """A rule judged on a day, with everything needed to explain it."""

    rule_id: str
    condition: str  # the rule in words
    metric: str
    label: str
    unit: str
    day: dt.date
    window_days: int
    kind: str
    breach: bool
    judged: bool  # False: too few customers, too little history, or no data
    value: float | None
    expected: float | None
    lower: float | None
    upper: float | None
    z: float | None
    change_pct: float | None
    n: int
    since: dt.date | None
    reason: str  # why it was not judged, or what broke
    severity: str
    contributors: tuple[Contributor, ...] = ()
    history: tuple[dict[str, Any], ...] = ()  # date, value, expected, lower, upper, breach
    scope: dict[str, str] = field(default_factory=dict)
    not_yet: int = 0  # things of the window not counted yet: orders still pending, carts too recent

    @property
    def info(self) -> MetricInfo:
        return MetricInfo(self.metric, self.label, self.unit)

    def headline(self) -> str:
        """'Checkout conversion dropped to 31.2% on Tue 12 May (expected 45.0%, -31%)'."""
        info = self.info
        when = _day(self.day) if self.window_days == 1 else f"the {self.window_days} days to {_day(self.day)}"
        if not self.judged:
            return f"{self.label} on {when}: not judged ({self.reason})"
        changed = self.change_pct is not None and not math.isnan(self.change_pct)
        if self.kind == "threshold" and not changed:
            side = "below" if (self.value or 0) < (self.expected or 0) else "above"
            return (f"{self.label} was {info.format(self.value)} on {when} ({side} the threshold of "
                    f"{info.format(self.expected)})")
        verb = "was"
        if self.expected is not None and self.value is not None and self.value != self.expected:
            verb = "dropped to" if self.value < self.expected else "rose to"
        text = f"{self.label} {verb} {info.format(self.value)} on {when}"
        if self.kind == "anomaly":
            text += f" (expected {info.format(self.expected)} for a {self.day:%A}"
        else:
            text += f" (before: {info.format(self.expected)}"
        if self.change_pct is not None and not math.isnan(self.change_pct):
            text += f", {self.change_pct:+.0f}%"
        return text + ")"

    def explanation(self) -> list[str]:
        info = self.info
        lines = [self.headline()]
        if not self.judged:
            return lines
        if self.kind == "anomaly" and self.lower is not None and self.upper is not None:
            side = "below" if (self.z or 0) < 0 else "above"
            lines.append(f"Usual range for a {self.day:%A}: {info.format(self.lower)} – "
                         f"{info.format(self.upper)}; this is {abs(self.z or 0):.1f} robust SDs {side} "
                         "the median of recent weeks")
        if self.breach and self.since is not None:
            days = (self.day - self.since).days + 1
            lines.append(f"Since {_day(self.since)}" + (f" ({days} days)" if days > 1 else " (today)"))
        scope = ", ".join(f"{k} {v}" for k, v in self.scope.items())
        lines.append(f"Based on n = {self.n:,}" + (f"; {scope}" if scope else ""))
        if self.contributors:
            lines.append("Biggest contributors: " + "; ".join(c.to_text(info) for c in self.contributors))
        what = NOT_YET.get(self.metric)
        if what and self.not_yet:
            lines.append(f"Not counted yet: {self.not_yet:,} {what}; the value can still change")
        return lines

    def to_text(self) -> str:
        return "\n".join(self.explanation())

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.history))

    @property
    def provenance(self) -> Provenance:
        return Provenance(
            tool="evaluate_alert_rule",
            definition=f"rule {self.rule_id}: {self.condition}",
            params={"rule": self.rule_id, "day": self.day.isoformat()},
            filters=dict(self.scope),
            period_label=f"{self.day}" if self.window_days == 1 else
            f"{self.day - dt.timedelta(days=self.window_days - 1)} to {self.day}",
            row_counts={"n": self.n},
        )

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        data = dict(data)
        data["day"] = dt.date.fromisoformat(data["day"])
        data["since"] = dt.date.fromisoformat(data["since"]) if data.get("since") else None
        data["contributors"] = tuple(Contributor(**c) for c in data.get("contributors") or ())
        data["history"] = tuple(data.get("history") or ())
        data["scope"] = dict(data.get("scope") or {})
        return cls(**data)


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _num(value: Any) -> float | None:
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def series_for(provider: SeriesProvider, rule: AlertRule, first: dt.date, last: dt.date) -> pd.DataFrame:
    """The rule's daily series from `first` (less the lookback) to `last`, complete days."""
    start = first - dt.timedelta(days=lookback_days(rule))
    daily = provider.daily(rule.metric, Scope.of(rule), start, last)
    return complete_days(daily, start, last)


def rules_with_series(provider: SeriesProvider, rule: AlertRule, first: dt.date,
                      last: dt.date) -> list[tuple[AlertRule, pd.DataFrame]]:
    """The rule and its series; for a per-group rule, each group's rule and series, all read
    in one grouped query."""
    if rule.per is None:
        return [(rule, series_for(provider, rule, first, last))]
    start = first - dt.timedelta(days=lookback_days(rule))
    daily = provider.daily_by(rule.metric, rule.per, Scope.of(rule), start, last)
    if daily.empty:
        return []
    # Customers without a channel or segment are no group anyone can act on.
    return [(rule.for_group(str(group)), complete_days(part.drop(columns="grp"), start, last))
            for group, part in daily.groupby("grp", sort=True) if group != UNKNOWN_GROUP]


def finding_from(rule: AlertRule, info: MetricInfo, checked: pd.DataFrame, day: dt.date,
                 contributors: tuple[Contributor, ...] = ()) -> Finding:
    ts = pd.Timestamp(day)
    if ts not in checked.index:
        raise NoDataError(f"No data for {rule.metric} on {day}")
    row = checked.loc[ts]
    value = _num(row["value"])
    not_yet = int(row["excluded"]) if "excluded" in row.index else 0
    if bool(row["judged"]):
        reason = "broken" if bool(row["breach"]) else "within bounds"
    elif value is None and not_yet and rule.metric in NOT_YET:
        reason = f"nothing to count yet: {not_yet:,} {NOT_YET[rule.metric]}"
    elif value is None:
        reason = "no data that day"
    elif int(row["n"]) < rule.min_n:
        reason = f"only {int(row['n'])} behind the value, below the minimum of {rule.min_n}"
    else:
        reason = "not enough history for a baseline yet"
    recent = checked.loc[:ts].tail(HISTORY_DAYS)
    history = tuple(
        {"date": d.date().isoformat(), "value": _num(v), "expected": _num(e), "lower": _num(lo),
         "upper": _num(hi), "breach": bool(b)}
        for d, v, e, lo, hi, b in zip(recent.index, recent["value"], recent["expected"], recent["lower"],
                                      recent["upper"], recent["breach"], strict=True)
    )
    since = row["since"]
    scope = {k: v for k, v in {"stage": rule.stage, "channel": rule.channel, "segment": rule.segment}.items() if v}
    label = info.label
    if rule.group is not None:  # one group of a per-group rule: the headline names it
        dimension, group = rule.group
        label = f"{info.label} from {group}" if dimension == "channel" else f"{info.label} in segment {group}"
    return Finding(
        rule_id=rule.id, condition=rule.condition_text(info), metric=rule.metric, label=label,
        unit=info.unit, day=day, window_days=rule.window_days, kind=rule.kind,
        breach=bool(row["breach"]), judged=bool(row["judged"]), value=value,
        expected=_num(row["expected"]), lower=_num(row["lower"]), upper=_num(row["upper"]),
        z=_num(row["z"]), change_pct=_num(row["change_pct"]), n=int(row["n"]),
        not_yet=not_yet,
        since=since.date() if isinstance(since, pd.Timestamp) and not pd.isna(since) else None,
        reason=reason, severity=rule.severity, contributors=contributors, history=history, scope=scope,
    )


def comparison_periods(rule: AlertRule, day: dt.date) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """The window judged and the one it is set against, for top contributors: the window
    before for changes and thresholds, the same weekday a week earlier for anomalies."""
    w = rule.window_days
    current = (day - dt.timedelta(days=w - 1), day)
    shift = 7 if rule.kind == "anomaly" and w < 7 else w
    previous = (current[0] - dt.timedelta(days=shift), current[1] - dt.timedelta(days=shift))
    return current, previous


def evaluate(provider: SeriesProvider, rule: AlertRule, day: dt.date, *, explain: bool = True) -> Finding:
    """Judge one rule on one day; contributors are looked up only when it is broken. A
    per-group rule gives one finding per group: use evaluate_groups."""
    if rule.per is not None:
        raise ToolInputError(f"rule {rule.id} watches each {rule.per}: judge it with evaluate_groups")
    return evaluate_groups(provider, rule, day, explain=explain)[0][1]


def evaluate_groups(provider: SeriesProvider, rule: AlertRule, day: dt.date, *,
                    explain: bool = True) -> list[tuple[AlertRule, Finding]]:
    """Judge a rule on one day: [(rule, finding)] for a plain rule, one pair per group for a
    per-group rule (each with the group's own rule, whose state is kept apart)."""
    info = metric_info(provider, rule.metric)
    out: list[tuple[AlertRule, Finding]] = []
    for concrete, series in rules_with_series(provider, rule, day, day):
        try:
            finding = finding_from(concrete, info, detect(concrete, info, series), day)
        except NoDataError:
            if rule.per is None:
                raise
            continue
        if finding.breach and explain:
            current, previous = comparison_periods(concrete, day)
            found = tuple(provider.contributors(concrete.metric, Scope.of(concrete), current, previous, 3))
            finding = dataclasses.replace(finding, contributors=found)
        out.append((concrete, finding))
    return out


# -- the alert's life -------------------------------------------------------------------
@dataclass(frozen=True)
class AlertPolicy:
    cooldown_hours: float = 72.0  # after an alert fires, no new one for the rule this long
    clear_days: int = 1  # judged days within bounds before an open alert is resolved
    escalate: tuple[str, ...] = ("high",)  # severities that escalate


@dataclass(frozen=True)
class OpenAlert:
    id: str
    rule_id: str
    severity: str
    opened_day: dt.date
    since_day: dt.date
    opened_at: dt.datetime
    last_breach_day: dt.date
    clear_streak: int = 0


@dataclass(frozen=True)
class RuleState:
    open: OpenAlert | None = None
    last_fired_at: dt.datetime | None = None
    snoozed_until: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> RuleState:
        if not data:
            return cls()
        o = data.get("open")
        open_alert = None
        if o:
            open_alert = OpenAlert(
                id=o["id"], rule_id=o["rule_id"], severity=o["severity"],
                opened_day=dt.date.fromisoformat(o["opened_day"]), since_day=dt.date.fromisoformat(o["since_day"]),
                opened_at=dt.datetime.fromisoformat(o["opened_at"]),
                last_breach_day=dt.date.fromisoformat(o["last_breach_day"]), clear_streak=int(o["clear_streak"]))
        return cls(open_alert, _dt(data.get("last_fired_at")), _dt(data.get("snoozed_until")))


def _dt(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class AlertEvent:
    kind: EventKind
    alert_id: str
    rule_id: str
    day: dt.date
    severity: str
    finding: Finding
    note: str = ""

    @property
    def key(self) -> str:
        return f"alert:{self.alert_id}:{self.kind}"


def alert_id(rule_id: str, day: dt.date) -> str:
    return f"{rule_id}@{day.isoformat()}"


def step(rule: AlertRule, finding: Finding, state: RuleState, now: dt.datetime,
         policy: AlertPolicy) -> tuple[RuleState, list[AlertEvent]]:
    """Advance one rule by one judged day. Pure: same inputs, same outputs."""
    cooldown = dt.timedelta(hours=rule.cooldown_hours if rule.cooldown_hours is not None else policy.cooldown_hours)
    opened = state.open
    if not finding.judged:
        return state, []  # no data or too few customers: neither fire nor resolve
    if finding.breach:
        if opened is not None:  # dedupe: the open alert already says it
            return dataclasses.replace(state, open=dataclasses.replace(
                opened, last_breach_day=finding.day, clear_streak=0)), []
        aid = alert_id(rule.id, finding.day)
        if state.snoozed_until is not None and now < state.snoozed_until:
            return state, [AlertEvent("suppressed", aid, rule.id, finding.day, rule.severity, finding,
                                      f"snoozed until {state.snoozed_until:%Y-%m-%d %H:%M}")]
        if state.last_fired_at is not None and now - state.last_fired_at < cooldown:
            return state, [AlertEvent("suppressed", aid, rule.id, finding.day, rule.severity, finding,
                                      f"in the {cooldown.total_seconds() / 3600:g} h cooldown")]
        new = OpenAlert(aid, rule.id, rule.severity, finding.day, finding.since or finding.day, now, finding.day)
        events = [AlertEvent("fire", aid, rule.id, finding.day, rule.severity, finding)]
        if rule.severity in policy.escalate:
            events.append(AlertEvent("escalate", aid, rule.id, finding.day, rule.severity, finding))
        return RuleState(new, now, state.snoozed_until), events
    if opened is None:
        return state, []
    streak = opened.clear_streak + 1
    if streak < policy.clear_days:
        return dataclasses.replace(state, open=dataclasses.replace(opened, clear_streak=streak)), []
    resolved = AlertEvent("resolve", opened.id, rule.id, finding.day, opened.severity, finding,
                          f"open since {opened.since_day}")
    return dataclasses.replace(state, open=None), [resolved]


# -- checking every rule on a day (what `journeybot alerts check` prints) ------------------
@dataclass(frozen=True)
class AlertCheckResult(ResultMixin):
    day: dt.date
    findings: tuple[Finding, ...]
    errors: tuple[tuple[str, str], ...]  # rule id, message
    provenance: Provenance

    @property
    def firing(self) -> list[Finding]:
        return [f for f in self.findings if f.breach]

    def to_text(self) -> str:
        # A per-channel rule is one line, not one per channel, unless a channel fires.
        groups: dict[str, list[Finding]] = {}
        for f in self.findings:
            groups.setdefault(f.rule_id.split(GROUP_SEPARATOR, 1)[0], []).append(f)
        broken = sum(1 for fs in groups.values() if any(f.breach for f in fs))
        lines = [f"Alert rules on {_day(self.day)}: {broken} of {len(groups)} broken."]
        entries: list[tuple[bool, str, list[str]]] = []
        for rule_id, fs in groups.items():
            per_group = any(GROUP_SEPARATOR in f.rule_id for f in fs)
            for f in (f for f in fs if f.breach or not per_group):
                mark = f"FIRE [{f.severity}]" if f.breach else ("ok" if f.judged else "skip")
                detail = [f"    {line}" for line in f.explanation()[1:]] if f.breach else []
                entries.append((not f.breach, f.rule_id, [f"- {mark:<13} {f.rule_id}: {f.headline()}", *detail]))
            quiet = [f for f in fs if not f.breach]
            if per_group and quiet:
                judged = sum(1 for f in quiet if f.judged)
                small = len(quiet) - judged
                parts = [f"{judged} within bounds" if judged else "", f"{small} too small or too new to judge" if small else ""]
                what = ", ".join(p for p in parts if p)
                names = ", ".join(f.rule_id.split(GROUP_SEPARATOR, 1)[1] for f in quiet)
                mark = "ok" if judged else "skip"
                entries.append((True, rule_id, [f"- {mark:<13} {rule_id}: {what} ({names})"]))
        for _, _, block in sorted(entries, key=lambda e: (e[0], e[1])):
            lines.extend(block)
        for rule_id, message in self.errors:
            lines.append(f"- error         {rule_id}: {message}")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([
            {"rule": f.rule_id, "breach": f.breach, "judged": f.judged, "value": f.value,
             "expected": f.expected, "change_pct": f.change_pct, "z": f.z, "n": f.n, "since": f.since,
             "severity": f.severity}
            for f in self.findings])


def check_rules(provider: SeriesProvider, rules: list[AlertRule], day: dt.date, *,
                explain: bool = True) -> AlertCheckResult:
    """Judge every enabled rule on `day`. A rule that cannot be judged (unknown metric, no
    data) is reported, not raised, so one bad rule does not silence the others."""
    findings: list[Finding] = []
    errors: list[tuple[str, str]] = []
    for rule in rules:
        if not rule.enabled:
            continue
        try:
            findings.extend(f for _, f in evaluate_groups(provider, rule, day, explain=explain))
        except ToolInputError as exc:
            errors.append((rule.id, str(exc)))
    prov = Provenance(
        tool="check_alerts",
        definition="each enabled rule judged on the day: threshold rules against their value or the "
                   "window before, anomaly rules against the median of the same weekday over recent "
                   "weeks with a robust spread (MAD); days below the rule's minimum n are skipped; "
                   "a per-channel or per-segment rule is judged for each group on its own",
        params={"day": day.isoformat(), "rules": [r.id for r in rules if r.enabled]},
        period_label=str(day),
    )
    return AlertCheckResult(day, tuple(findings), tuple(errors), prov)
