"""Building the customer journey map: the six stages as columns and, under each, the
touchpoints customers use, how many go on to the next stage and how long that takes, how they
feel, where it hurts, the stage's KPIs, and what to improve.

    build_map(store, Period(name="this_month"), Filters(persona="The Regular"), feedback=fb)
        -> JourneyMap
    compare_maps(left_map, right_map) -> MapComparison (two maps side by side)

The tool the agent and the CLI call, journey_map() in tool.py, picks a map, two maps or one
stage in detail (stage.py) from its parameters. What a map is made of is in types.py.

Nothing is computed twice: every number on the map comes from the analysis that owns it,
called with the map's period and customers, and the map keeps each call's provenance.

- customers per stage, conversion into the next stage, median and p90 time to it:
  tools.analytics.funnel (the stages the data has, in order, entered at the first of them in the
  period, pass-through);
  the period before for the change in conversion;
- touchpoints per stage with customers and events, online or offline: the events of the
  period (the same count `describe` makes over all data), the action from the touchpoint map;
- stage KPIs (bounce rate at consideration, cart abandonment at decision, ...): tools.analytics.trends
  compare (tools.analytics.kpis for 'all'), against the period before;
- emotion: tools.feedback.sentiment mean sentiment of the feedback tied to each stage, with the change
  against the period before; pain points: tools.feedback.themes of the stage's negative feedback, each
  with a quote (redacted at ingest and again when quoted);
- stage health (red, amber, green) and opportunities: the rules in tools/journey_map/rules.py,
  which an owner can read, each finding a sentence that cites its numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pandas as pd

from tools.analytics.compare import CompareParams, compare
from tools.analytics.filters import DIMENSION_LABELS, Filters, cohort_sql, validate_filters
from tools.analytics.funnel import FunnelParams, FunnelResult, funnel
from tools.analytics.kpis import KpiParams, kpis, numbers_of
from tools.analytics.periods import (
    Period,
    ResolvedPeriod,
    previous_calendar,
    provenance_period,
    resolve,
)
from tools.analytics.scope import cohort_clause, make_scope
from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Provenance
from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES
from tools.data.store import JourneyStore
from tools.feedback.sentiment import SentimentParams, sentiment_summary
from tools.feedback.store import FeedbackStore
from tools.feedback.themes import ThemesParams, themes
from tools.journey_map.results import JourneyMap, MapComparison
from tools.journey_map.rules import differences, evaluate, opportunities, phrase
from tools.journey_map.types import (
    MAP_METRICS,
    STAGE_KPIS,
    Emotion,
    MapSettings,
    PainPoint,
    StageColumn,
    StageKpi,
    TouchpointUse,
    Transition,
    Writer,
)

# -- one map ----------------------------------------------------------------------------------


def previous_of(period: Period, as_of: dt.date, timezone: str, data_start: dt.date | None) -> ResolvedPeriod | None:
    """The period people compare with (this month -> the same days of last month, last 30 days
    -> the 30 before, dates -> as many days before); None for 'all'."""
    if period.name == "all":
        return None
    if period.name is None:
        return resolve(period, as_of, timezone, data_start).previous()
    return previous_calendar(period, as_of, timezone)


def build_map(
    store: JourneyStore,
    period: Period,
    filters: Filters | None = None,
    *,
    feedback: FeedbackStore | None = None,
    settings: MapSettings | None = None,
    writer: Writer | None = None,
    feedback_stages: tuple[str, ...] = STAGES,
) -> JourneyMap:
    """One map for one period and group of customers (see the module doc).

    `feedback_stages` limits the pain-point themes to some stages (a drill-down needs one)."""
    settings = settings or MapSettings()
    # Amounts in the business's currency: the rules and renderings read it from the settings.
    money = numbers_of(store, settings.kpi)
    settings = replace(settings, kpi=replace(settings.kpi, currency=money.currency, locale=money.locale))
    rng = store.date_range()
    if rng is None:
        # Not "the store is empty": survey answers, tickets or a customer list may be loaded.
        raise NoDataError("No journey events or orders are loaded, so there is no journey to map. Load them "
                          "with `journeybot ingest` (or try `journeybot demo`).")
    data_start, as_of = rng
    current = resolve(period, as_of, store.timezone, data_start)
    before = previous_of(period, as_of, store.timezone, data_start)
    filters = validate_filters(store, filters) if filters is not None and not filters.is_empty() else Filters()
    notes: list[str] = []
    sources: dict[str, Provenance] = {}

    usage, stage_usage, rows_read = touchpoint_usage(store, period, filters, settings)
    if stage_usage["customers"].sum() == 0:
        raise NoDataError(f"No journey events in {current.label} for {who_text(filters)}; "
                          f"the data covers {data_start} to {as_of}.")

    flow, flow_before = _funnels(store, period, before, filters, settings, notes)
    if flow is not None:
        sources["funnel"] = flow.provenance
    kpi_rows, kpi_prov = _stage_kpis(store, period, before, filters, settings)
    sources[kpi_prov.tool] = kpi_prov
    emotions, pains = _feedback(store, feedback, period, filters, settings, feedback_stages, notes, sources)

    still_open = current.last_day + dt.timedelta(days=settings.window_days) > as_of
    if still_open and flow is not None:
        notes.append(f"the {settings.window_days}-day conversion window of the period reaches past the end of "
                     f"the data ({as_of}): customers who entered late may still go on, so conversions are "
                     "floors and are not judged against the period before")
    columns = []
    for stage in STAGES:
        su = stage_usage[stage_usage["stage"] == stage]
        tps = usage[usage["stage"] == stage]
        events = int(su["events"].sum())
        columns.append(StageColumn(
            stage=stage,
            customers=_reached(flow, stage),
            active=int(su["customers"].sum()),
            events=events,
            online_share=float(tps.loc[tps["online"], "events"].sum() / events) if events else None,
            touchpoints=tuple(
                TouchpointUse(str(r.touchpoint), bool(r.online), int(r.customers), int(r.events), str(r.action))
                for r in tps.itertuples()),
            to_next=_transition(flow, flow_before, stage, still_open),
            emotion=emotions.get(stage),
            pain_points=pains.get(stage, ()),
            kpis=tuple(kpi_rows[m] for m in STAGE_KPIS[stage] if m in kpi_rows),  # answerable ones
        ))
    weakest = _weakest(flow, columns)
    judged = evaluate(columns, weakest, settings)
    opps = opportunities(judged, weakest, numbers=money)
    if writer is not None and opps:
        opps, note = phrase(opps, writer)
        if note:
            notes.append(note)
    for prov in sources.values():
        notes.extend(f"{prov.tool}: {n}" for n in prov.notes)
    who = who_text(filters)
    prov = Provenance(
        tool="journey_map",
        definition=(
            "per stage: customers, conversion to the next stage and median time from the funnel "
            f"(the stages the data has, entered at {flow.step_names[0] if flow is not None else STAGES[0]} in the "
            "period, pass-through, "
            f"{settings.window_days}-day window); touchpoints from the period's events; stage "
            "KPIs against the period before; emotion = mean sentiment of the stage's feedback; "
            "pain points = themes of the stage's negative feedback; health and opportunities from "
            "the rules in tools/journey_map/rules.py"
        ),
        params={"period": period.model_dump(mode="json", exclude_none=True),
                "filters": filters.active()},
        filters=filters.active(),
        **provenance_period(current),
        tables=("events", "customers", "orders", "surveys", "tickets", "feedback"),
        row_counts={"events": rows_read,
                    **{f"{k} ({p.tool})": v for p in sources.values() for k, v in p.row_counts.items()
                       if p.tool != "funnel"}},
        notes=tuple(dict.fromkeys(notes)),
    )
    return JourneyMap(
        who=who, period_label=current.label, previous_label=before.label if before else None,
        first_day=current.first_day, last_day=current.last_day,
        entered=int(flow.entered) if flow is not None else 0,
        stages=tuple(judged), weakest=weakest, opportunities=tuple(opps),
        currency=money.currency, sources=sources, provenance=prov, locale=money.locale,
        entered_at=flow.step_names[0] if flow is not None and flow.step_names else STAGES[0],
    )


def who_text(filters: Filters | None) -> str:
    if filters is None or filters.is_empty():
        return "all customers"
    parts = []
    for dim, value in filters.active().items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        parts.append(f"{DIMENSION_LABELS.get(dim, dim)} {shown}")
    return "; ".join(parts)


def cohort_ids(store: JourneyStore, filters: Filters | None) -> frozenset[str] | None:
    """The customers the filters select (None for everyone), for analyses that filter by id."""
    sql, args = cohort_sql(filters)
    if not sql:
        return None
    ids = store.query(f"SELECT DISTINCT customer_id FROM ({sql}) c", args)["customer_id"]
    return frozenset(ids.astype(str))


def touchpoint_usage(store: JourneyStore, period: Period, filters: Filters, settings: MapSettings
                     ) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(per touchpoint: stage, touchpoint, online, customers, events, action, largest first
    within a stage; per stage: stage, customers, events; events read). Over all data and
    customers these are the counts `describe` shows."""
    with store.connect() as con:
        scope = make_scope(con, store.timezone, period, filters)
        clause, args = cohort_clause(scope.cohort)
        raw = con.execute(
            "SELECT stage, touchpoint, bool_and(coalesce(online, TRUE)) AS online, "
            "count(DISTINCT customer_id) AS customers, count(*) AS events, "
            "grouping(touchpoint) AS per_stage "
            f"FROM events WHERE ts >= ? AND ts < ?{clause} "
            "GROUP BY GROUPING SETS ((stage, touchpoint), (stage))",
            [scope.period.start, scope.period.end, *args]).df()
    per_tp = raw[raw["per_stage"] == 0].copy()
    per_tp["action"] = per_tp["touchpoint"].map(
        lambda t: DEFAULT_TOUCHPOINTS[t].description if t in DEFAULT_TOUCHPOINTS else str(t).replace("_", " "))
    per_tp["online"] = per_tp["online"].astype(bool)
    per_tp = per_tp.sort_values(["stage", "customers", "events", "touchpoint"],
                                ascending=[True, False, False, True])
    per_stage = raw[raw["per_stage"] == 1][["stage", "customers", "events"]]
    cols = ["stage", "touchpoint", "online", "customers", "events", "action"]
    return per_tp[cols].reset_index(drop=True), per_stage.reset_index(drop=True), int(raw.loc[raw["per_stage"] == 1, "events"].sum())


def _funnels(store: JourneyStore, period: Period, before: ResolvedPeriod | None, filters: Filters,
             settings: MapSettings, notes: list[str]) -> tuple[FunnelResult | None, FunnelResult | None]:
    def run(p: Period) -> FunnelResult:
        return funnel(store, FunnelParams(period=p, filters=filters, window_days=settings.window_days))

    try:
        flow = run(period)
    except NoDataError as exc:
        notes.append(f"no conversion numbers: {exc}")
        return None, None
    flow_before = None
    if before is not None:
        try:
            flow_before = run(Period(start=before.first_day, end=before.last_day))
        except NoDataError:
            notes.append(f"nobody entered the funnel in {before.label}: conversion has no comparison")
    return flow, flow_before


def _step(flow: FunnelResult | None, stage: str) -> int | None:
    """Where a stage is among the funnel's steps: the funnel follows the stages the data has,
    so a stage without events has no step (and no numbers)."""
    if flow is None or stage not in flow.step_names:
        return None
    return flow.step_names.index(stage)


def _reached(flow: FunnelResult | None, stage: str) -> int:
    k = _step(flow, stage)
    return int(flow.steps["customers"].iloc[k]) if flow is not None and k is not None else 0


def _num(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _transition(flow: FunnelResult | None, flow_before: FunnelResult | None, stage: str,
                still_open: bool) -> Transition | None:
    """From a stage to the next stage the data has (UCI's consideration goes on to purchase)."""
    k = _step(flow, stage)
    if flow is None or k is None or k + 1 >= len(flow.step_names):
        return None
    step = flow.steps.iloc[k + 1]
    to = flow.step_names[k + 1]
    j = _step(flow_before, to)
    before = _num(flow_before.steps["step_conversion"].iloc[j]) if flow_before is not None and j else None
    return Transition(
        from_stage=stage, to_stage=to, of=int(flow.steps["customers"].iloc[k]),
        reached=int(step["customers"]), rate=_num(step["step_conversion"]), rate_before=before,
        median_days=_num(step["median_days"]), p90_days=_num(step["p90_days"]), still_open=still_open,
    )


def _weakest(flow: FunnelResult | None, columns: list[StageColumn]) -> Transition | None:
    if flow is None or flow.biggest_drop is None:
        return None
    drop = flow.biggest_drop
    return next((c.to_next for c in columns if c.to_next is not None
                 and (c.to_next.from_stage, c.to_next.to_stage) == (drop.from_step, drop.to_step)), None)


def _stage_kpis(store: JourneyStore, period: Period, before: ResolvedPeriod | None, filters: Filters,
                settings: MapSettings) -> tuple[dict[str, StageKpi], Provenance]:
    metrics = list(MAP_METRICS)
    try:
        if before is None:
            result = kpis(store, KpiParams(metrics=metrics, period=period, filters=filters), settings.kpi)  # type: ignore[arg-type]
            rows = {v.metric: StageKpi(v.metric, v.label, v.value, None, None, None, None, v.n, None,
                                       v.small_sample) for v in result.values if not v.no_data}
            return rows, result.provenance
        against = Period(start=before.first_day, end=before.last_day)
        cmp = compare(store, CompareParams(metrics=metrics, period=period, against=against, filters=filters),  # type: ignore[arg-type]
                      settings.kpi)
    except NoDataError as exc:  # no KPI has data for these customers: the map says so, no KPI layer
        return {}, Provenance("kpis", "the stages' KPIs", notes=(f"no KPIs on the map: {exc}",))
    rows = {}
    for r in cmp.rows.to_dict(orient="records"):
        if r["no_data"]:
            continue
        rows[r["metric"]] = StageKpi(
            r["metric"], r["label"], _num(r["current"]), _num(r["previous"]), _num(r["change"]),
            _num(r["relative_change"]), r["assessment"] if isinstance(r["assessment"], str) else None,
            int(r["n_current"]), int(r["n_previous"]), bool(r["small_sample"]))
    return rows, cmp.provenance


def _feedback(store: JourneyStore, fb: FeedbackStore | None, period: Period, filters: Filters,
              settings: MapSettings, stages: tuple[str, ...], notes: list[str],
              sources: dict[str, Provenance]) -> tuple[dict[str, Emotion], dict[str, tuple[PainPoint, ...]]]:
    if fb is None or fb.count() == 0:
        notes.append("no customer feedback is indexed, so the map has no emotions or pain points "
                     "(run `journeybot feedback index`)")
        return {}, {}
    customers = cohort_ids(store, filters)
    emotions: dict[str, Emotion] = {}
    try:
        mood = sentiment_summary(fb, SentimentParams(by="stage", period=period, compare=True),
                                 store=store, customers=customers)
    except NoDataError:
        notes.append("no customer feedback in the period: no emotions or pain points")
        return {}, {}
    sources["sentiment_summary"] = mood.provenance
    for r in mood.groups.itertuples():
        emotions[str(r.group)] = Emotion(_num(r.mean), _num(r.previous_mean), int(r.texts), int(r.scored),
                                         float(r.positive), float(r.negative))
    pains: dict[str, tuple[PainPoint, ...]] = {}
    texts = 0
    for stage in stages:
        if stage not in emotions:
            continue
        try:
            found = themes(fb, ThemesParams(period=period, stage=[stage], sentiment="negative",  # type: ignore[list-item]
                                            max_themes=settings.pain_points, min_size=settings.min_theme_texts),
                           store=store, customers=customers)
        except NoDataError:
            continue
        texts += found.texts
        if "feedback_themes" not in sources:
            sources["feedback_themes"] = found.provenance
        pains[stage] = tuple(
            PainPoint(t.label, t.size, t.sentiment, t.previous, t.trend, t.first_day, t.last_day,
                      t.quotes[0] if t.quotes else None)
            for t in found.themes)
    if "feedback_themes" in sources:
        sources["feedback_themes"] = replace(sources["feedback_themes"],
                                             params={"stage": "each stage", "sentiment": "negative"},
                                             row_counts={"negative feedback texts": texts})
    return emotions, pains


# -- two maps side by side ------------------------------------------------------------------


def compare_maps(left: JourneyMap, right: JourneyMap, left_label: str | None = None,
                 right_label: str | None = None) -> MapComparison:
    """Every number of two maps next to each other, left against right; differences past the
    notable thresholds of tools/journey_map/rules.py are highlighted."""
    left_label = left_label or f"{left.who}, {left.period_label}"
    right_label = right_label or f"{right.who}, {right.period_label}"
    if left_label == right_label:
        raise ToolInputError("Both maps are the same customers in the same period; compare another "
                             "period or other customers.")
    diffs = differences(left, right)
    prov = Provenance(
        tool="journey_map",
        definition=f"two journey maps side by side, {left_label} against {right_label}; " + left.provenance.definition,
        params={"left": left.provenance.params, "right": right.provenance.params},
        filters=left.provenance.filters,
        period_start=left.provenance.period_start, period_end=left.provenance.period_end,
        period_label=f"{left_label} vs {right_label}",
        tables=left.provenance.tables,
        row_counts={**{f"{k} (left)": v for k, v in left.provenance.row_counts.items() if k == "events"},
                    **{f"{k} (right)": v for k, v in right.provenance.row_counts.items() if k == "events"}},
        notes=tuple(dict.fromkeys([*(f"left: {n}" for n in left.provenance.notes),
                                   *(f"right: {n}" for n in right.provenance.notes)])),
    )
    return MapComparison(left, right, left_label, right_label, tuple(diffs), prov)
