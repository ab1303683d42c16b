"""What a journey map is made of: the settings and parameters it is built with, its parts
(a column per stage with touchpoints, the transition to the next stage, emotion, pain points,
KPIs, findings) and the numbers of a whole map and of two maps side by side.

Only data lives here, so that the builder (build.py), the rules (rules.py) and the renderings
(tables.py, markdown.py, spreadsheet.py, picture.py) can all import it without importing each
other. `JourneyMapData` and `MapComparisonData` are the numbers; the results the tool returns,
`JourneyMap` and `MapComparison` in results.py, add their text, table and files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import SPECS, Money, format_change, format_value
from tools.analytics.kpis import KpiSettings
from tools.analytics.periods import Period
from tools.core.money import Priced
from tools.core.results import Provenance
from tools.core.stages import STAGES, Stage
from tools.feedback.search import Quote

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

    def formatted(self, currency: Money = "GBP") -> str:
        return format_value(SPECS[self.metric], self.value, currency)

    def previous_formatted(self, currency: Money = "GBP") -> str:
        return format_value(SPECS[self.metric], self.previous, currency)

    def change_formatted(self, currency: Money = "GBP") -> str:
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
    why_grey: str = ""  # why a grey stage is not judged: nobody reached it, or too few to judge

    def kpi(self, metric: str) -> StageKpi:
        for k in self.kpis:
            if k.metric == metric:
                return k
        raise KeyError(f"{metric!r} is not a KPI of {self.stage}")


# -- a whole map, and two maps side by side --------------------------------------------------


@dataclass(frozen=True)
class JourneyMapData(Priced):
    """The numbers of one journey map; `JourneyMap` (results.py) is the same with its renderings."""

    who: str  # "all customers", "persona The Regular"
    period_label: str
    previous_label: str | None
    first_day: dt.date
    last_day: dt.date
    entered: int  # customers entering the funnel at its first stage in the period
    stages: tuple[StageColumn, ...]
    weakest: Transition | None  # the transition keeping the smallest share (funnel's biggest drop)
    opportunities: tuple[Opportunity, ...]
    currency: str
    sources: dict[str, Provenance]  # the provenance of every analysis the map was built from
    provenance: Provenance = field(repr=False)
    locale: str | None = None
    # The funnel's first stage: the first the data has (Olist's events start at the purchase,
    # REES46's at consideration), so "entered at awareness" is not said of a shop without visits.
    entered_at: str = "awareness"

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def stage(self, name: str) -> StageColumn:
        for s in self.stages:
            if s.stage == name:
                return s
        raise KeyError(f"no stage {name!r}; stages: {', '.join(STAGES)}")


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
class MapComparisonData:
    """Two maps side by side and what differs; `MapComparison` (results.py) adds the renderings."""

    left: JourneyMapData
    right: JourneyMapData
    left_label: str  # "this month (2026-11-01 to 2026-11-15)" or "persona The Regular"
    right_label: str
    differences: tuple[Difference, ...]
    provenance: Provenance = field(repr=False)

    @property
    def notable(self) -> list[Difference]:
        return [d for d in self.differences if d.notable]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([d.__dict__ for d in self.differences])
