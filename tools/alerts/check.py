"""Every enabled rule judged on one day: what `journeybot alerts check` prints.

A rule that cannot be judged (unknown metric, no data) is reported, not raised, so one bad rule
does not silence the others. Nothing is fired or stored here (that is tools/alerts/lifecycle.py
and store.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from tools.alerts.detect import lookback_days
from tools.alerts.evaluate import Finding, day_text, evaluate_groups
from tools.alerts.rules import GROUP_SEPARATOR, AlertRule
from tools.alerts.series import Scope, SeriesProvider
from tools.core.errors import JourneyError, NotReadyYet, TableNotLoaded, ToolInputError
from tools.core.results import Provenance, ResultMixin


@dataclass(frozen=True)
class AlertCheckResult(ResultMixin):
    day: dt.date
    findings: tuple[Finding, ...]
    errors: tuple[tuple[str, str], ...]  # rule id, message
    provenance: Provenance
    # rule id, what is missing ("no orders"): rules on a table this data does not have (a
    # support desk's orders rule), not judged rather than reported as errors
    unloaded: tuple[tuple[str, str], ...] = ()

    @property
    def firing(self) -> list[Finding]:
        return [f for f in self.findings if f.breach]

    def to_text(self, details: bool = False) -> str:
        # A per-channel rule is one line, not one per channel, unless a channel fires.
        groups: dict[str, list[Finding]] = {}
        for f in self.findings:
            groups.setdefault(f.rule_id.split(GROUP_SEPARATOR, 1)[0], []).append(f)
        broken = sum(1 for fs in groups.values() if any(f.breach for f in fs))
        lines = [f"Alert rules on {day_text(self.day)}: {broken} of {len(groups) + len(self.unloaded)} broken."]
        entries: list[tuple[bool, str, list[str]]] = []
        for rule_id, fs in groups.items():
            per_group = any(GROUP_SEPARATOR in f.rule_id for f in fs)
            for f in (f for f in fs if f.breach or not per_group):
                mark = f"FIRE [{f.severity}]" if f.breach else ("ok" if f.judged else "skip")
                detail = [f"    {line}" for line in f.explanation(details)[1:]] if f.breach else []
                entries.append((not f.breach, f.rule_id,
                                [f"- {mark:<13} {f.rule_id}: {f.headline()}{_range_note(f)}", *detail]))
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
        lines += unloaded_lines(self.unloaded, "- skip          ")
        for rule_id, message in self.errors:
            lines.append(f"- error         {rule_id}: {message}")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([
            {"rule": f.rule_id, "breach": f.breach, "judged": f.judged, "value": f.value,
             "expected": f.expected, "change_pct": f.change_pct, "z": f.z, "n": f.n, "since": f.since,
             "severity": f.severity}
            for f in self.findings])


def unloaded_lines(unloaded: tuple[tuple[str, str], ...], lead: str) -> list[str]:
    """A rule whose data is not loaded, said as such: "not judged: no orders are loaded"."""
    return [f"{lead}{rule_id}: not judged: {missing} are loaded" for rule_id, missing in unloaded]


def _range_note(f: Finding) -> str:
    """For a rule that is not broken: whether the value sits in its usual range, as the digest says."""
    band = f.usual_range
    if f.breach or not f.judged or band is None:
        return ""
    where = "outside" if f.outside_usual_range else "within"
    return f"; {where} the usual range for a {f.day:%A} ({f.info.format(band[0])} – {f.info.format(band[1])})"


def _judge_all(provider: SeriesProvider, rules: list[AlertRule], day: dt.date,
               explain: bool) -> tuple[list[Finding], list[tuple[str, str]], list[tuple[str, str]]]:
    findings: list[Finding] = []
    errors: list[tuple[str, str]] = []
    unloaded: list[tuple[str, str]] = []
    enabled = [r for r in rules if r.enabled]
    prefetch = getattr(provider, "prefetch", None)
    if prefetch is not None:  # the plain rules' series, one read per table (series.py prefetch)
        try:
            prefetch([(r.metric, Scope.of(r), day - dt.timedelta(days=lookback_days(r)), day)
                      for r in enabled if r.per is None and r.kind != "freshness"])
        except JourneyError:
            pass  # each rule then reads its own series and reports its own problem

    for rule in enabled:
        try:
            findings.extend(f for _, f in evaluate_groups(provider, rule, day, explain=explain))
        except TableNotLoaded as exc:
            unloaded.append((rule.id, exc.missing))
        except (ToolInputError, NotReadyYet) as exc:  # NotReadyYet: a high-risk rule before any churn model
            errors.append((rule.id, str(exc)))
    return findings, errors, unloaded


def check_rules(provider: SeriesProvider, rules: list[AlertRule], day: dt.date, *,
                explain: bool = True) -> AlertCheckResult:
    """Judge every enabled rule on `day`. A rule that cannot be judged (unknown metric, no
    data) is reported, not raised, so one bad rule does not silence the others."""
    store = getattr(provider, "store", None)
    # Held open for the whole check (JourneyStore.held): each rule reads the store several times.
    with (store.held() if hasattr(store, "held") else contextlib.nullcontext()):
        findings, errors, unloaded = _judge_all(provider, rules, day, explain)
    prov = Provenance(
        tool="check_alerts",
        definition="each enabled rule judged on the day: threshold rules against their value or the "
                   "window before, anomaly rules against the median of the same weekday over recent "
                   "weeks with a robust spread (MAD); days below the rule's minimum n are skipped; "
                   "a per-channel or per-segment rule is judged for each group on its own",
        params={"day": day.isoformat(), "rules": [r.id for r in rules if r.enabled]},
        period_label=str(day),
    )
    return AlertCheckResult(day, tuple(findings), tuple(errors), prov, tuple(unloaded))
