"""KPIs of a period against the period before: absolute and relative change, and whether the
change is good or bad for the business.

    compare(store, CompareParams(period=Period(name="this_month"))) -> CompareResult

Both periods run on the same SQL as the headline KPIs (tools/analytics/kpis.py). Unless
`against` names one, the period before is the one before: this month -> the same days of last
month, this week -> last week, the last 30 days -> the 30 days before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics import kpi_frame
from tools.analytics.capabilities import capabilities, missing_text
from tools.analytics.coverage import short_coverage_note
from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import (
    ARROWS,
    DEFAULT_METRICS,
    METRICS,
    SIGNED,
    SPECS,
    Metric,
    MetricSpec,
    assessment,
    direction,
    format_change,
    format_relative,
    format_value,
)
from tools.analytics.kpi_notes import ROUGH_TOTALS
from tools.analytics.kpi_result import KpiValue
from tools.analytics.kpi_result import who_text as _who_text
from tools.analytics.kpi_scope import (
    KpiSettings,
    Scope,
    _f,
    by_table,
    describe_definition,
    measure,
    open_scope,
)
from tools.analytics.kpi_stand_ins import as_count, stand_ins
from tools.analytics.kpi_stand_ins import note as stand_in_note
from tools.analytics.kpis import metric_names, unique_metrics
from tools.analytics.named_rates import rate_lines
from tools.analytics.order_status import order_status_counts
from tools.analytics.periods import (
    Period,
    ResolvedPeriod,
    previous_calendar,
    provenance_period,
    same_calendar_length,
)
from tools.core.errors import NoDataError, ToolInputError
from tools.core.money import NumberFormat, Priced
from tools.core.results import Provenance, ResultMixin
from tools.data.store import JourneyStore

__all__ = ["CompareParams", "CompareResult", "compare"]


class CompareParams(BaseModel):
    """KPIs in a period against the period before: absolute and relative change, and whether
    the change is good or bad for the business (churn up is bad, CSAT up is good).

    Examples:
    - "How does this month compare with last month?" -> {"period": {"name": "this_month"}}
    - "Did conversion drop this week?" ->
      {"metrics": ["purchase_conversion"], "period": {"name": "this_week"}}
    - "Compare CSAT in May with April" -> {"metrics": ["csat"],
      "period": {"start": "2026-05-01", "end": "2026-05-31"},
      "against": {"start": "2026-04-01", "end": "2026-04-30"}}
    """

    model_config = ConfigDict(extra="forbid")

    metrics: list[Metric] | None = Field(default=None, min_length=1, max_length=len(METRICS),
                                         description="KPIs to compare; leave empty for all.")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="The period to look at.")
    against: Period | None = Field(
        default=None, description="The period to compare with. Default: the one before (this "
        "month -> the same days of last month, this week -> last week, last 30 days -> the 30 "
        "days before).")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    churn_window_days: int | None = Field(default=None, ge=7, le=730,
                                          description="Churn window in days (default from config).")
    cart_window_hours: int | None = Field(default=None, ge=1, le=168,
                                          description="Cart window in hours (default from config).")

    _aliases = field_validator("metrics", mode="before")(lambda cls, v: metric_names(v))
    _unique = field_validator("metrics")(lambda cls, v: unique_metrics(v))


@dataclass(frozen=True)
class CompareResult(Priced, ResultMixin):
    rows: pd.DataFrame  # metric, label, current, previous, change, relative_change, direction,
    #                      assessment, n_current, n_previous, small_sample, rough (a total on
    #                      too few rows to judge its change: KpiSettings.min_sample)
    current_label: str
    previous_label: str
    currency: str
    provenance: Provenance = field(repr=False)
    locale: str | None = None
    # Orders placed in the current period by kind and raw status (when orders, revenue or AOV
    # were compared): kind, status, orders, amount.
    order_statuses: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["kind", "status", "orders", "amount"]))

    def row(self, metric: str) -> dict:
        hit = self.rows[self.rows["metric"] == metric]
        if hit.empty:
            raise KeyError(f"{metric!r} was not compared")
        return hit.iloc[0].to_dict()

    def to_frame(self) -> pd.DataFrame:
        return self.rows.copy()

    def to_text(self, details: bool = False) -> str:
        lines = [f"{self.current_label}", f"  vs {self.previous_label}"
                 f"{_who_text(self.provenance.filters)}", ""]
        width = max(len(x) for x in self.rows["label"]) + 2
        cells = []
        for r in self.rows.itertuples():
            s = SPECS[r.metric]
            change = ""
            if r.direction == "flat":
                change = f"{ARROWS['flat']} no change"
            elif isinstance(r.direction, str) and r.small_sample and not r.rough:
                # "+9771% worse" for a median of 8.8 h against 0.1 h on a handful of tickets only
                # alarms: the two values say the move, and a small sample is not judged
                was = format_value(s, _f(r.previous), self.numbers)
                change = f"{ARROWS[r.direction]} {was} -> {format_value(s, _f(r.current), self.numbers)}"
            elif isinstance(r.direction, str):
                change = f"{ARROWS[r.direction]} {format_change(s, _f(r.change), self.numbers)}"
                rel = format_relative(_f(r.relative_change))
                if rel and s.unit not in ("points",):
                    change += f" ({rel})"
                if r.assessment in ("better", "worse") and not r.rough:
                    change += f"  {r.assessment}"
            if r.rough:
                n = self.numbers.number
                label = s.n_label[:-1] if r.n_current == 1 and s.n_label.endswith("s") else s.n_label
                change += f"  (rough: {n(r.n_current)} {label} now, {n(r.n_previous)} before)"
            elif r.small_sample:
                change += "  (small sample)"
            now = "no data" if r.no_data else format_value(s, _f(r.current), self.numbers)
            then = "no data" if r.no_data_before else format_value(s, _f(r.previous), self.numbers)
            cells.append((r.label, now, then, change))
        # a column as wide as its widest amount (R$ 480.898,49 is 13 characters): never run together
        col = max([10] + [len(c) for _, now, then, _ in cells for c in (now, then)]) + 2
        lines.append(f"  {'':<{width}}{'now':>{col}}{'before':>{col}}   change")
        for label, now, then, change in cells:
            lines.append(f"  {label:<{width}}{now:>{col}}{then:>{col}}   {change}".rstrip())
        lines.append("")
        lines += rate_lines(list(self.rows["metric"]))
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def resolve_against(scope: Scope, period: Period, against: Period | None) -> ResolvedPeriod:
    if against is not None:
        return scope.resolve(against)
    if period.name == "all":
        raise ToolInputError("'all' has no period before it; choose a period such as "
                             "this_month or last_30_days, or give `against` explicitly")
    if period.name is None:
        return scope.period.previous()
    return previous_calendar(period, scope.as_of, scope.timezone, scope.granularity)


def compare(store: JourneyStore, params: CompareParams | None = None,
            settings: KpiSettings | None = None) -> CompareResult:
    """KPIs of a period against the previous one, with absolute and relative change. Each
    table's KPIs are anchored on its own last day of data; KPIs the data cannot answer are left
    out and named."""
    params = params or CompareParams()
    settings = settings or KpiSettings()
    asked = list(params.metrics) if params.metrics else list(DEFAULT_METRICS)
    with store.connect() as con:
        return _compare(store, con, params, settings, asked)


def _compare(store: JourneyStore, con: duckdb.DuckDBPyConnection, params: CompareParams,
             settings: KpiSettings, asked: list[str]) -> CompareResult:
    caps = capabilities(store, con)
    # buyers or orders asked by name of an export with purchase events and no orders table
    swaps = stand_ins(caps, asked) if params.metrics else {}
    metrics, unavailable = caps.split(list(dict.fromkeys(swaps.get(m, m) for m in asked)))
    if not metrics:
        raise NoDataError(f"The loaded data cannot answer this: {missing_text(unavailable)}. "
                          "`journeybot describe` lists what it can answer.")
    rows: list[dict] = []
    notes: list[str] = []
    now_rows: dict[str, int] = {}
    then_rows: dict[str, int] = {}
    head: tuple[Scope, ResolvedPeriod] | None = None
    statuses = pd.DataFrame(columns=["kind", "status", "orders", "amount"])
    for table, group in by_table(metrics).items():
        with open_scope(store, params.period, params.filters, settings, params.churn_window_days,
                        params.cart_window_hours, table=table, con=con) as (con, scope):
            before = resolve_against(scope, params.period, params.against)
            head = head or (scope, before)
            who = kpi_frame.prepare_who(con, scope.filters, None)
            try:
                now = measure(con, scope, table, group, who=who)
                then = measure(con, scope, table, group, period=before, who=who)
                if not now.empty and table == "orders" and {"orders", "revenue", "aov"} & set(group):
                    counts = order_status_counts(con, scope.frame(who=who))
                    statuses = counts.to_frame()
                    notes.append("orders, revenue and AOV count completed orders: in "
                                 f"{scope.period.label}, {counts.phrase(scope.numbers)}")
            finally:
                kpi_frame.drop_who(con, who)
        now_rows.update(now.rows)
        then_rows.update(then.rows)
        notes += now.notes
        if scope.period.note:
            notes.append(scope.period.note)
        if then.empty and not now.empty:
            notes.append(f"no {scope.noun} in {before.label}: nothing to compare with")
        if (scope.period.label, before.label) != (head[0].period.label, head[1].label):
            notes.append(f"{', '.join(SPECS[m].label for m in group)}: {scope.period.label} vs {before.label} "
                         f"(the last day with {scope.noun} is {scope.as_of})")
        pairs = list(zip(now.values, then.values, strict=True))
        if swaps:
            pairs = [(as_count(a, m), as_count(b, m)) if m != a.metric else (a, b)
                     for a, b in pairs for m in asked if swaps.get(m, m) == a.metric]
        added = [_row(a, b, settings.min_sample) for a, b in pairs]
        for r in added:  # the day each line's period counts back from: its table's own last day (the Home tab says it per line)
            r["anchor"] = scope.as_of
        if not then.empty and before.first_day < scope.data_start <= before.last_day:
            # 2017 against 2016 when the data starts in September 2016: a total over four months
            # set against one over twelve is no change in the business.
            held = (before.last_day - scope.data_start).days + 1
            notes.append(f"the {scope.noun} start on {scope.data_start}, so {before.label} has data on only "
                         f"{held} of its {before.days} days: totals are not called better or worse against it")
            for r in added:
                if SPECS[r["metric"]].kind == "total":
                    r["assessment"] = None
        rows += added
    assert head is not None
    scope, before = head
    if swaps:
        notes.append(stand_in_note(swaps, scope.granularity == "month"))
    notes = [n for n in notes if not n.startswith(ROUGH_TOTALS)]  # one period's rows; compare reads both
    short = short_coverage_note(con, scope.period)
    if short:
        notes.insert(0, short)
    notes += _uneven(rows, scope.period, before, scope.numbers)
    rough = " or ".join(dict.fromkeys(SPECS[r["metric"]].n_label for r in rows if r["rough"]))
    if rough:
        notes.append(f"changes marked rough rest on fewer than {settings.min_sample} {rough} in both periods "
                     f"together: a few {rough} more or less is chance, so they are not called better or worse")
    if all(r["no_data"] for r in rows) and not any(now_rows.values()):
        raise NoDataError("; ".join(n for n in notes if n.startswith("no ")) + ".")
    if unavailable:
        notes.append("left out, the loaded data cannot answer them: " + missing_text(unavailable))
    prov = Provenance(
        tool="compare",
        definition=f"each KPI in {scope.period.label} minus the same KPI in {before.label}; "
        "relative change = change / |previous|; " + describe_definition(scope, metrics),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        **{**provenance_period(scope.period, params), "period_label": f"{scope.period.label} vs {before.label}"},
        tables=tuple(now_rows),
        row_counts={**{f"{k} now": v for k, v in now_rows.items()},
                    **{f"{k} before": v for k, v in then_rows.items()}},
        notes=tuple(dict.fromkeys(notes)),
    )
    return CompareResult(pd.DataFrame(rows), scope.period.label, before.label, scope.numbers.currency, prov,
                         scope.numbers.locale, statuses)


def _uneven(rows: list[dict], now: ResolvedPeriod, before: ResolvedPeriod, numbers: NumberFormat) -> list[str]:
    """This year so far (290 days) against all of last year (365): a total is bound to differ with
    the days it sums. Such totals are not judged (their rows' assessment is cleared) and the note
    sets them per day instead."""
    if now.days == before.days or same_calendar_length(now, before):
        return []
    totals = [r for r in rows if SPECS[r["metric"]].kind == "total" and r["change"] is not None]
    if not totals:
        return []
    per_day = []
    for r in totals:
        r["assessment"] = None
        s = SPECS[r["metric"]]

        def day(v: float, days: int, s: MetricSpec = s) -> str:  # 9.9 orders a day, not 10
            return format_value(s, v / days, numbers) if s.unit == "money" else numbers.number(v / days, 1)

        per_day.append(f"{r['label'].lower()} {day(r['current'], now.days)} a day against "
                       f"{day(r['previous'], before.days)}")
    return [f"the two periods differ in length ({numbers.number(now.days)} days against "
            f"{numbers.number(before.days)}), so totals are not called better or worse as they stand; per day: "
            + "; ".join(per_day)]


def _row(a: KpiValue, b: KpiValue, min_sample: int) -> dict:
    s = SPECS[a.metric]
    change = None if a.value is None or b.value is None else a.value - b.value
    rel = None if change is None or not b.value or s.name in SIGNED else change / abs(b.value)
    # A change in a total resting on fewer rows than the small-sample bound in both periods
    # together (4 orders against 3) is chance as often as news: said as rough, never judged.
    rough = s.kind == "total" and change is not None and a.n + b.n < min_sample
    return {
        "metric": a.metric, "label": a.label, "current": a.value, "previous": b.value,
        "change": change, "relative_change": rel, "direction": direction(change, s),
        "assessment": assessment(s, change), "n_current": a.n, "n_previous": b.n,
        "excluded_current": a.excluded, "small_sample": a.small_sample or b.small_sample or rough,
        "rough": rough,
        "period": a.period_label, "previous_period": b.period_label, "no_data": a.no_data,
        "no_data_before": b.no_data,
    }
