"""The customer journey map: the six stages as columns and, under each, the touchpoints
customers use, how many go on to the next stage and how long that takes, how they feel, where
it hurts, the stage's KPIs, and what to improve.

    journey_map(store, JourneyMapParams(filters=Filters(persona="The Regular")), feedback=fb)
        -> JourneyMap (a MapComparison with compare_period / compare_filters, a StageDetail
           with stage)

Nothing is computed twice: every number on the map comes from the analysis that owns it,
called with the map's period and customers, and the map keeps each call's provenance.

- customers per stage, conversion into the next stage, median and p90 time to it:
  tools.analytics.funnel (all six stages in order, entered at awareness in the period, pass-through);
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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from tools.analytics.filters import DIMENSION_LABELS, Filters, cohort_sql, validate_filters
from tools.analytics.funnel import FunnelParams, FunnelResult, funnel
from tools.analytics.kpi_catalog import SPECS, format_change, format_value
from tools.analytics.kpis import KpiParams, KpiSettings, kpis
from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar, resolve
from tools.analytics.scope import cohort_clause, make_scope
from tools.analytics.trends import CompareParams, compare
from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Attachment, Provenance, ResultMixin
from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES, Stage
from tools.data.store import JourneyStore
from tools.feedback.search import Quote

if TYPE_CHECKING:
    from tools.feedback.store import FeedbackStore
    from tools.journey_map.stage import StageDetail

Health = Literal["red", "amber", "green", "grey"]
Severity = Literal["red", "amber", "info"]
# (rule sentences with their numbers) -> the same sentences in the writer's words, one each.
Writer = Callable[[list[str]], list[str]]

# The KPIs that belong to each stage. Rates and times a shop owner already watches, placed
# where the customer is when they happen.
STAGE_KPIS: dict[str, tuple[str, ...]] = {
    "awareness": ("sessions",),
    "consideration": ("bounce_rate",),
    "decision": ("cart_abandonment",),
    "purchase": ("session_conversion", "orders", "aov"),
    "post-purchase": ("delivery_time", "csat", "first_response_time"),
    "advocacy": ("nps", "repeat_purchase_rate"),
}
MAP_METRICS: tuple[str, ...] = tuple(m for ms in STAGE_KPIS.values() for m in ms)


@dataclass(frozen=True)
class MapSettings:
    """Business settings the map needs; the bot fills them from [analytics] and [business]."""

    window_days: int = 30  # funnel conversion window
    kpi: KpiSettings = field(default_factory=KpiSettings)
    pain_points: int = 3  # per stage, at most
    min_theme_texts: int = 3  # smallest complaint theme shown
    top_touchpoints: int = 4  # per stage on the picture and the grid (the table keeps all)


class JourneyMapParams(BaseModel):
    """The customer journey map: the six stages (awareness, consideration, decision, purchase,
    post-purchase, advocacy) as columns, and per stage the touchpoints customers use with
    counts, conversion into the next stage and the median time it takes, how customers feel
    (mean sentiment of the stage's feedback, with its change), the top pain points with a
    quote each, the stage's KPIs against the period before, a red/amber/green health and the
    opportunities the data suggests. Comes with a picture (PNG) and a spreadsheet.

    Use it for:
    - "Show me the journey map" -> defaults (last 30 days, everyone)
    - "Journey map for The Regular" -> filters={"persona": "The Regular"}
    - "Journey map this month vs last month" -> period={"name": "this_month"},
      compare_period={"name": "last_month"}
    - "Journey map of The Regular vs Gift buyers" -> filters={"persona": "The Regular"},
      compare_filters={"persona": "Gift buyers"}
    - A follow-up about one stage of a map ("why is post-purchase red?") -> the same period
      and filters with stage="post-purchase": that stage in detail (its findings, KPIs week by
      week, sentiment week by week, what customers say with quotes, touchpoints).
    """

    model_config = ConfigDict(extra="forbid")

    period: Period = Field(
        default_factory=lambda: Period(name="last_30_days"),
        description="Period the map covers; relative names count back from the last day of data.",
    )
    filters: Filters = Field(default_factory=Filters,
                             description="Which customers: a persona, segment, first-touch channel, ...")
    stage: Stage | None = Field(
        default=None,
        description="Drill into this one stage instead of drawing the whole map (for 'why is "
        "decision red?' after a map).",
    )
    compare_period: Period | None = Field(
        default=None,
        description="Draw a second map for this period, side by side with differences "
        "highlighted (e.g. last_month for 'this month vs last month').",
    )
    compare_filters: Filters | None = Field(
        default=None,
        description="Draw a second map for these customers in the same period, side by side "
        "(e.g. another persona or segment).",
    )

    @model_validator(mode="after")
    def _one_mode(self) -> JourneyMapParams:
        if self.stage is not None and (self.compare_period or self.compare_filters):
            raise ValueError("drill into one stage or compare two maps, not both")
        if self.compare_filters is not None and self.compare_filters.is_empty() and self.filters.is_empty():
            raise ValueError("compare_filters names no customers; give e.g. a persona or segment")
        return self


# -- what a map is made of ------------------------------------------------------------------


@dataclass(frozen=True)
class TouchpointUse:
    touchpoint: str
    online: bool
    customers: int  # distinct customers with this touchpoint in the period
    events: int
    action: str  # what customers do there, from the touchpoint map


@dataclass(frozen=True)
class Transition:
    """From one stage to the next, as the funnel counts it."""

    from_stage: str
    to_stage: str
    of: int  # customers who reached from_stage
    reached: int  # ... and went on to to_stage within the window
    rate: float | None
    rate_before: float | None  # the same in the period before
    median_days: float | None  # time from reaching from_stage to reaching to_stage
    p90_days: float | None
    # The conversion window reaches past the end of the data: customers who entered late in
    # the period may still go on, so the rate is a floor and is not compared.
    still_open: bool = False

    @property
    def lost(self) -> int:
        return self.of - self.reached

    @property
    def change(self) -> float | None:
        return None if self.rate is None or self.rate_before is None else self.rate - self.rate_before


@dataclass(frozen=True)
class Emotion:
    """Mean sentiment (-1..+1) of the feedback tied to a stage, and the period before."""

    mean: float | None
    previous: float | None
    texts: int
    scored: int
    positive: float  # share of scored texts that are positive
    negative: float

    @property
    def change(self) -> float | None:
        return None if self.mean is None or self.previous is None else self.mean - self.previous


@dataclass(frozen=True)
class PainPoint:
    """A theme of the stage's negative feedback, with one quote (customer text, redacted)."""

    label: str
    size: int  # texts
    sentiment: float | None
    previous: int | None  # texts of the period before close to the theme
    trend: str  # new, rising, falling, steady or ""
    first_day: dt.date | None
    last_day: dt.date | None
    quote: Quote | None

    def change_text(self) -> str:
        if self.previous is None:
            return ""
        if self.previous == 0:
            return "new"
        return f"{self.trend}, {self.previous:,} -> {self.size:,}"


@dataclass(frozen=True)
class StageKpi:
    metric: str
    label: str
    value: float | None
    previous: float | None
    change: float | None
    relative_change: float | None
    assessment: str | None  # better, worse, same, or None when a side is missing
    n: int
    n_previous: int | None
    small_sample: bool

    def formatted(self, currency: str = "GBP") -> str:
        return format_value(SPECS[self.metric], self.value, currency)

    def previous_formatted(self, currency: str = "GBP") -> str:
        return format_value(SPECS[self.metric], self.previous, currency)

    def change_formatted(self, currency: str = "GBP") -> str:
        return format_change(SPECS[self.metric], self.change, currency)


@dataclass(frozen=True)
class Finding:
    """One rule that fired for a stage: a sentence citing the numbers, and what to do."""

    stage: str
    rule: str
    severity: Severity
    text: str
    advice: str
    weight: float  # how far past its threshold, for ordering


@dataclass(frozen=True)
class Opportunity:
    """What to improve at one stage: the findings that fired there (numbers cited) and the
    suggestion of the worst one."""

    stage: str
    rule: str  # the worst finding's rule
    severity: Severity
    text: str  # the findings' sentences
    advice: str
    phrased: str | None = None  # a writer's wording of text and advice, checked to add no numbers

    @property
    def shown(self) -> str:
        return self.phrased or f"{self.text} Suggestion: {self.advice}."


@dataclass(frozen=True)
class StageColumn:
    stage: str
    customers: int  # reached this stage in the funnel (entered at awareness in the period)
    active: int  # customers with any event at this stage in the period
    events: int
    online_share: float | None  # share of the stage's events that are online
    touchpoints: tuple[TouchpointUse, ...]
    to_next: Transition | None
    emotion: Emotion | None
    pain_points: tuple[PainPoint, ...]
    kpis: tuple[StageKpi, ...]
    findings: tuple[Finding, ...] = ()
    health: Health = "green"

    def kpi(self, metric: str) -> StageKpi:
        for k in self.kpis:
            if k.metric == metric:
                return k
        raise KeyError(f"{metric!r} is not a KPI of {self.stage}")


@dataclass(frozen=True)
class JourneyMap(ResultMixin):
    who: str  # "all customers", "persona The Regular"
    period_label: str
    previous_label: str | None
    first_day: dt.date
    last_day: dt.date
    entered: int  # customers entering the funnel at awareness in the period
    stages: tuple[StageColumn, ...]
    weakest: Transition | None  # the transition keeping the smallest share (funnel's biggest drop)
    opportunities: tuple[Opportunity, ...]
    currency: str
    sources: dict[str, Provenance]  # the provenance of every analysis the map was built from
    provenance: Provenance = field(repr=False)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def stage(self, name: str) -> StageColumn:
        for s in self.stages:
            if s.stage == name:
                return s
        raise KeyError(f"no stage {name!r}; stages: {', '.join(STAGES)}")

    def to_frame(self) -> pd.DataFrame:
        from tools.journey_map.render import map_numbers

        return map_numbers(self)

    def to_text(self) -> str:
        from tools.journey_map.render import map_markdown

        return map_markdown(self, grid="aligned")

    def attachments(self) -> list[Attachment]:
        """The picture and the spreadsheet, for Slack and documents."""
        from tools.journey_map.render import map_png, map_xlsx

        return [Attachment("journey-map.png", map_png(self), "Journey map"),
                Attachment("journey-map.xlsx", map_xlsx(self), "Journey map (spreadsheet)")]


@dataclass(frozen=True)
class Difference:
    stage: str
    item: str  # "customers", "conversion to next stage", a KPI label, "emotion", "health"
    left: str
    right: str
    change: str  # in the item's own unit
    verdict: str  # better, worse, different, same (left against right)
    notable: bool


@dataclass(frozen=True)
class MapComparison(ResultMixin):
    left: JourneyMap
    right: JourneyMap
    left_label: str  # "this month (2026-11-01 to 2026-11-15)" or "persona The Regular"
    right_label: str
    differences: tuple[Difference, ...]
    provenance: Provenance = field(repr=False)

    @property
    def notable(self) -> list[Difference]:
        return [d for d in self.differences if d.notable]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([d.__dict__ for d in self.differences])

    def to_text(self) -> str:
        from tools.journey_map.render import comparison_markdown

        return comparison_markdown(self, grid="aligned")

    def attachments(self) -> list[Attachment]:
        from tools.journey_map.render import comparison_png, comparison_xlsx

        return [Attachment("journey-maps.png", comparison_png(self), "Journey maps side by side"),
                Attachment("journey-maps.xlsx", comparison_xlsx(self), "Journey maps side by side (spreadsheet)")]


# -- building a map -------------------------------------------------------------------------


def journey_map(
    store: JourneyStore,
    params: JourneyMapParams,
    *,
    feedback: FeedbackStore | None = None,
    settings: MapSettings | None = None,
    writer: Writer | None = None,
) -> JourneyMap | MapComparison | StageDetail:
    """The map (see the module doc); with compare_period or compare_filters two maps side by
    side; with stage one stage in detail."""
    settings = settings or MapSettings()
    if params.stage is not None:
        from tools.journey_map.stage import stage_detail

        return stage_detail(store, params, feedback=feedback, settings=settings)
    left = build_map(store, params.period, params.filters, feedback=feedback, settings=settings,
                     writer=writer)
    if params.compare_period is None and params.compare_filters is None:
        return left
    right_filters = params.compare_filters if params.compare_filters is not None else params.filters
    right_period = params.compare_period if params.compare_period is not None else params.period
    right = build_map(store, right_period, right_filters, feedback=feedback, settings=settings,
                      writer=writer)
    if params.compare_filters is not None and params.compare_period is None:
        labels = (left.who, right.who)
    elif params.compare_filters is None:
        labels = (left.period_label, right.period_label)
    else:
        labels = (f"{left.who}, {left.period_label}", f"{right.who}, {right.period_label}")
    return compare_maps(left, right, *labels)


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
    from tools.journey_map.rules import evaluate, opportunities, phrase

    settings = settings or MapSettings()
    rng = store.date_range()
    if rng is None:
        raise NoDataError("The journey store is empty, so there is no journey to map. Load data with "
                          "`journeybot ingest` (or try `journeybot demo`).")
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
    for i, stage in enumerate(STAGES):
        su = stage_usage[stage_usage["stage"] == stage]
        tps = usage[usage["stage"] == stage]
        events = int(su["events"].sum())
        columns.append(StageColumn(
            stage=stage,
            customers=_reached(flow, i),
            active=int(su["customers"].sum()),
            events=events,
            online_share=float(tps.loc[tps["online"], "events"].sum() / events) if events else None,
            touchpoints=tuple(
                TouchpointUse(str(r.touchpoint), bool(r.online), int(r.customers), int(r.events), str(r.action))
                for r in tps.itertuples()),
            to_next=_transition(flow, flow_before, i, still_open),
            emotion=emotions.get(stage),
            pain_points=pains.get(stage, ()),
            kpis=tuple(kpi_rows[m] for m in STAGE_KPIS[stage]),
        ))
    weakest = _weakest(flow, columns)
    judged = evaluate(columns, weakest, settings)
    opps = opportunities(judged, weakest)
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
            "(all six stages, entered at awareness in the period, pass-through, "
            f"{settings.window_days}-day window); touchpoints from the period's events; stage "
            "KPIs against the period before; emotion = mean sentiment of the stage's feedback; "
            "pain points = themes of the stage's negative feedback; health and opportunities from "
            "the rules in tools/journey_map/rules.py"
        ),
        params={"period": period.model_dump(mode="json", exclude_none=True),
                "filters": filters.active()},
        filters=filters.active(),
        period_start=current.start, period_end=current.end, period_label=current.label,
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
        currency=settings.kpi.currency, sources=sources, provenance=prov,
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


def _reached(flow: FunnelResult | None, i: int) -> int:
    return int(flow.steps["customers"].iloc[i]) if flow is not None else 0


def _num(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _transition(flow: FunnelResult | None, flow_before: FunnelResult | None, i: int,
                still_open: bool) -> Transition | None:
    if flow is None or i + 1 >= len(STAGES):
        return None
    step = flow.steps.iloc[i + 1]
    before = _num(flow_before.steps["step_conversion"].iloc[i + 1]) if flow_before is not None else None
    return Transition(
        from_stage=STAGES[i], to_stage=STAGES[i + 1], of=int(flow.steps["customers"].iloc[i]),
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
    if before is None:
        result = kpis(store, KpiParams(metrics=metrics, period=period, filters=filters), settings.kpi)  # type: ignore[arg-type]
        rows = {v.metric: StageKpi(v.metric, v.label, v.value, None, None, None, None, v.n, None,
                                   v.small_sample) for v in result.values}
        return rows, result.provenance
    against = Period(start=before.first_day, end=before.last_day)
    cmp = compare(store, CompareParams(metrics=metrics, period=period, against=against, filters=filters),  # type: ignore[arg-type]
                  settings.kpi)
    rows = {}
    for r in cmp.rows.to_dict(orient="records"):
        rows[r["metric"]] = StageKpi(
            r["metric"], r["label"], _num(r["current"]), _num(r["previous"]), _num(r["change"]),
            _num(r["relative_change"]), r["assessment"] if isinstance(r["assessment"], str) else None,
            int(r["n_current"]), int(r["n_previous"]), bool(r["small_sample"]))
    return rows, cmp.provenance


def _feedback(store: JourneyStore, fb: FeedbackStore | None, period: Period, filters: Filters,
              settings: MapSettings, stages: tuple[str, ...], notes: list[str],
              sources: dict[str, Provenance]) -> tuple[dict[str, Emotion], dict[str, tuple[PainPoint, ...]]]:
    from tools.feedback.sentiment import SentimentParams, sentiment_summary
    from tools.feedback.themes import ThemesParams, themes

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
    from tools.journey_map.rules import differences

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


__all__ = [
    "JourneyMapParams", "MapSettings", "JourneyMap", "MapComparison", "StageColumn", "Transition",
    "TouchpointUse", "Emotion", "PainPoint", "StageKpi", "Finding", "Opportunity", "Difference",
    "journey_map", "build_map", "compare_maps", "touchpoint_usage", "cohort_ids", "STAGE_KPIS",
]
