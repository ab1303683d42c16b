"""One judgement of what is unusual, shared by the alerts and the digest.

`alerts check` judges each rule on a day; the digest leads with the KPIs that moved. Both must
agree on whether a move is out of the ordinary, so the digest asks the alert engine here: each
KPI is judged by the rule that watches it for all customers (the same rule `alerts check`
runs), or, for a KPI no rule watches, by an unusual-day rule with the starter rules' settings.
A value is unusual when it falls outside the usual range for its weekday, the band the alert
engine draws (tools/alerts/anomaly.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tools.alerts.detect import lookback_days
from tools.alerts.evaluate import Finding, evaluate
from tools.alerts.rules import AlertRule
from tools.alerts.series import (
    HIGH_RISK_COUNT,
    HIGH_RISK_VALUE,
    STAGE_AWARE,
    STEP_FROM_STAGE,
    Scope,
    SeriesProvider,
)
from tools.core.errors import JourneyError

STARTER_SENSITIVITY = 3.5  # as the starter rules (tools/alerts/rules.py)


@dataclass(frozen=True)
class Verdict:
    """The alert engine's view of one KPI on one day."""

    metric: str
    rule_id: str  # the rule that judged it
    judged: bool
    unusual: bool  # outside the usual range for the weekday
    lower: float | None
    upper: float | None
    finding: Finding

    def range_text(self) -> str:
        """'£0 – £1,898', in the units the alert shows."""
        band = self.finding.usual_range
        if band is None:
            return ""
        info = self.finding.info
        return f"{info.format(band[0])} – {info.format(band[1])}"


def rule_for(metric: str, rules: list[AlertRule], provider: SeriesProvider) -> AlertRule:
    """The enabled one-day rule watching `metric` for all customers, else a starter-like one."""
    for rule in rules:
        if not rule.enabled or rule.kind != "anomaly" or rule.window_days != 1 or rule.per or rule.channel \
                or rule.segment:
            continue
        name = provider.canonical(rule.metric) if hasattr(provider, "canonical") else rule.metric
        if rule.stage is None and name == metric:
            return rule
        if rule.stage is not None and name == STAGE_AWARE and STEP_FROM_STAGE.get(rule.stage) == metric:
            return rule
    stage = next((s for s, m in STEP_FROM_STAGE.items() if m == metric), None)
    return AlertRule(id=f"usual-{metric.replace('_', '-')}", kind="anomaly",
                     metric=STAGE_AWARE if stage else metric, stage=stage, direction="both",
                     sensitivity=STARTER_SENSITIVITY, min_n=20)


def kpi_verdicts(provider: SeriesProvider, rules: list[AlertRule], metrics: list[str] | tuple[str, ...],
                 day: dt.date) -> dict[str, Verdict]:
    """Each KPI judged on `day` as the alert engine judges it; KPIs it cannot judge are left out.

    Through the result cache (tools/data/cache.py) when the provider reads a journey store and
    says what its numbers depend on (`cache_key`): the verdicts are then a function of the
    store's data version, the rules and the day, and a second digest of unchanged data (the
    scheduler, Slack, App Home) judges nothing again. Not the high-risk metrics: they read the
    churn model, which changes without the data."""
    chosen = {metric: rule_for(metric, rules, provider) for metric in metrics}
    store = getattr(provider, "store", None)
    key = getattr(provider, "cache_key", None)
    if store is None or key is None or any(r.metric in (HIGH_RISK_COUNT, HIGH_RISK_VALUE) for r in chosen.values()):
        return _verdicts(provider, chosen, day)
    from tools.data.cache import cached

    params = {"provider": key(), "day": day, "rules": {m: r.model_dump(mode="json") for m, r in chosen.items()}}
    # Kept in the journey store by the jobs that save the digest's inputs (tools/data/saved_results.py).
    return dict(cached(store, "kpi_verdicts", params, lambda: _verdicts(provider, chosen, day),  # a copy: the
                       keep=True))  # cached one stays as computed


def _verdicts(provider: SeriesProvider, chosen: dict[str, AlertRule], day: dt.date) -> dict[str, Verdict]:
    out: dict[str, Verdict] = {}
    prefetch = getattr(provider, "prefetch", None)
    if prefetch is not None:  # one read for the KPIs of a table, not one per KPI
        try:
            prefetch([(r.metric, Scope.of(r), day - dt.timedelta(days=lookback_days(r)), day)
                      for r in chosen.values()])
        except JourneyError:
            pass  # each KPI then reads its own series, and one that cannot be judged is left out
    for metric, rule in chosen.items():
        try:
            f = evaluate(provider, rule, day, explain=False)
        except JourneyError:
            continue
        out[metric] = Verdict(metric, rule.id, f.judged, f.judged and f.outside_usual_range, f.lower, f.upper, f)
    return out
