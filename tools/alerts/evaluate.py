"""One rule judged on one day, as a `Finding` that explains itself: metric, expected against
actual, since when, which groups drove the change, and recent history for the chart.

`evaluate(provider, rule, day)` judges a plain rule; `evaluate_groups` judges any rule and gives
one finding per group for a per-channel or per-segment rule. The series come from a
`SeriesProvider` (tools/alerts/series.py) and are judged by `detect` (tools/alerts/detect.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from tools.alerts.anomaly import complete_days
from tools.alerts.detect import HISTORY_DAYS, detect, lookback_days
from tools.alerts.rules import AlertRule, MetricInfo
from tools.alerts.series import Contributor, Scope, SeriesProvider, metric_info, step_label
from tools.analytics.filters import UNKNOWN_GROUP
from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Provenance, ResultMixin, to_jsonable
from tools.core.text import counted

# What a metric's not-yet-counted items are (the KPI tools' `excluded`), where they matter on
# the morning after: yesterday's late orders are still pending, its last carts still open.
NOT_YET = {
    "orders": ("order", "placed then and still pending"),
    "revenue": ("order", "placed then and still pending"),
    "aov": ("order", "placed then and still pending"),
    "cart_abandonment": ("cart", "too recent to judge"),
}


def _not_yet(metric: str, n: int) -> str:
    """'12 orders placed then and still pending', '1 cart too recent to judge'."""
    noun, what = NOT_YET[metric]
    return f"{counted(n, noun)} {what}"


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
    metric_kind: str = "mean"  # the metric's kind (rate, count, total, ...), for writing its values

    @property
    def info(self) -> MetricInfo:
        return MetricInfo(self.metric, self.label, self.unit, kind=self.metric_kind)  # type: ignore[arg-type]

    def headline(self) -> str:
        """'Checkout conversion dropped to 31.2% on Tue 12 May (expected 45.0%, -31%)'."""
        info = self.info
        if self.kind == "freshness":  # a source's state, said by tools/sources/freshness.py
            return self.reason
        when = day_text(self.day) if self.window_days == 1 else f"the {self.window_days} days to {day_text(self.day)}"
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

    @property
    def usual_range(self) -> tuple[float, float] | None:
        """The band of usual values for the weekday, never below zero for what cannot be
        negative (money, counts, shares)."""
        if self.kind != "anomaly" or self.lower is None or self.upper is None:
            return None
        from tools.core.money import money_format

        cannot_be_negative = self.unit in ("%", "", "h", "days") or money_format(self.unit) is not None
        floor = 0.0 if cannot_be_negative else self.lower
        ceiling = 100.0 if self.unit == "%" else self.upper  # a share never passes 100%
        return max(self.lower, floor), min(self.upper, ceiling)

    @property
    def outside_usual_range(self) -> bool:
        band = self.usual_range
        return bool(self.judged and band is not None and self.value is not None
                    and not band[0] <= self.value <= band[1])

    def explanation(self, details: bool = False) -> list[str]:
        info = self.info
        lines = [self.headline()]
        if not self.judged or self.kind == "freshness":
            return lines + [f"{k}: {v}" for k, v in self.scope.items()]
        band = self.usual_range
        if band is not None:
            where = ("within it" if not self.outside_usual_range else
                     "below it" if (self.z or 0) < 0 else "above it")
            line = f"Usual range for a {self.day:%A}: {info.format(band[0])} – {info.format(band[1])}; this is {where}"
            if details:
                side = "below" if (self.z or 0) < 0 else "above"
                line += f" ({abs(self.z or 0):.1f} robust SDs {side} the median of recent weeks)"
            lines.append(line)
        if self.breach and self.since is not None:
            days = (self.day - self.since).days + 1
            lines.append(f"Since {day_text(self.since)}" + (f" ({days} days)" if days > 1 else " (today)"))
        scope = ", ".join(f"{k} {v}" for k, v in self.scope.items())
        lines.append(f"Based on n = {self.n:,}" + (f"; {scope}" if scope else ""))
        if self.contributors:
            lines.append("Biggest contributors: " + "; ".join(c.to_text(info) for c in self.contributors))
        if self.metric in NOT_YET and self.not_yet:
            lines.append(f"Not counted yet: {_not_yet(self.metric, self.not_yet)}; the value can still change")
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


def day_text(day: dt.date) -> str:
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
    frame = complete_days(daily, start, last)
    windows = _windows(provider, rule, start, last)
    return with_windows(frame, windows) if windows is not None else frame


def _windows(provider: SeriesProvider, rule: AlertRule, first: dt.date, last: dt.date,
             by: str | None = None) -> pd.DataFrame | None:
    """Medians over a window are the median of the window's rows: asked of the provider
    when it can (tools/alerts/series.py `windowed`); otherwise the detector falls back to an
    n-weighted mean of the daily values, which is exact for shares and means only."""
    windowed = getattr(provider, "windowed", None)
    if rule.window_days <= 1 or windowed is None or metric_info(provider, rule.metric).kind != "quantile":
        return None
    return windowed(rule.metric, Scope.of(rule), rule.window_days, first, last, by)


def with_windows(frame: pd.DataFrame, windows: pd.DataFrame) -> pd.DataFrame:
    """The daily frame with the window's own value and n (window_value, window_n) per day."""
    w = windows.assign(date=pd.to_datetime(windows["date"])).drop_duplicates("date", keep="last").set_index("date")
    return frame.assign(window_value=w["value"].reindex(frame.index).astype(float),
                        window_n=w["n"].reindex(frame.index).fillna(0).astype(np.int64))


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
    windows = _windows(provider, rule, start, last, rule.per)
    out = []
    for group, part in daily.groupby("grp", sort=True):
        if group == UNKNOWN_GROUP:  # customers without a channel or segment: no group anyone can act on
            continue
        frame = complete_days(part.drop(columns="grp"), start, last)
        if windows is not None:
            frame = with_windows(frame, windows[windows["grp"] == group])
        out.append((rule.for_group(str(group)), frame))
    return out


# How an alert's headline names the one group of a per-group rule: "Orders from instagram",
# "Orders in Redland", "Orders in region South West", "Orders in segment vip".
_GROUP_WORDS = {"channel": "from", "city": "in", "region": "in region", "segment": "in segment"}


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
        reason = f"nothing to count yet: {_not_yet(rule.metric, not_yet)}"
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
    scope = {k: v for k, v in {"stage": rule.stage, "channel": rule.channel, "segment": rule.segment,
                               "city": rule.city, "region": rule.region}.items() if v}
    label = step_label(rule.stage, info.label) if rule.stage and info.stage_aware else info.label
    if rule.group is not None:  # one group of a per-group rule: the headline names it
        dimension, group = rule.group
        label = f"{label} {_GROUP_WORDS.get(dimension, 'in segment')} {group}"
    return Finding(
        rule_id=rule.id, condition=rule.condition_text(info), metric=rule.metric, label=label,
        unit=info.unit, day=day, window_days=rule.window_days, kind=rule.kind,
        breach=bool(row["breach"]), judged=bool(row["judged"]), value=value,
        expected=_num(row["expected"]), lower=_num(row["lower"]), upper=_num(row["upper"]),
        z=_num(row["z"]), change_pct=_num(row["change_pct"]), n=int(row["n"]),
        not_yet=not_yet,
        since=since.date() if isinstance(since, pd.Timestamp) and not pd.isna(since) else None,
        reason=reason, severity=rule.severity, contributors=contributors, history=history, scope=scope,
        metric_kind=info.kind,
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
    if rule.kind == "freshness":
        raise ToolInputError(f"rule {rule.id}: freshness is judged when its source syncs, not over a series")
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
