"""One stage of the journey map in detail: the drill-down behind "why is post-purchase red?".

It starts from the same map (so the colour and the findings are the ones the owner saw) and
adds, for that stage only: its KPIs week by week (tools.analytics.trends.kpi_series), how customers felt
week by week (tools.feedback.sentiment by week, the stage's feedback), what they said (tools.feedback.themes of
all the stage's feedback, two quotes each), every touchpoint, and the transitions into and out
of the stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from tools.analytics.kpi_catalog import SPECS, format_value
from tools.analytics.trends import kpi_series
from tools.core.errors import NoDataError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import STAGES
from tools.core.text import count, counted, duration, pct, text_table, words
from tools.data.store import JourneyStore
from tools.feedback.sentiment import SentimentParams, sentiment_summary
from tools.feedback.store import FeedbackStore
from tools.feedback.theme_result import TICKETS_NOTE, TICKETS_TONE, Theme
from tools.feedback.themes import ThemesParams, themes
from tools.journey_map.build import build_map, cohort_ids
from tools.journey_map.results import JourneyMap
from tools.journey_map.rules import STAGE_ADVICE
from tools.journey_map.tables import quote_text
from tools.journey_map.types import (
    STAGE_KPIS,
    JourneyMapParams,
    MapSettings,
    StageColumn,
    Transition,
)


@dataclass(frozen=True)
class StageDetail(Priced, ResultMixin):
    stage: str
    who: str
    period_label: str
    column: StageColumn  # the stage as the map shows it: health, findings, numbers
    into: Transition | None  # from the stage before
    kpi_weeks: pd.DataFrame  # bucket, metric, label, value, n, partial
    mood_weeks: pd.DataFrame  # week, texts, scored, mean, negative
    themes: tuple[Theme, ...]  # all of the stage's feedback, largest first
    currency: str
    provenance: Provenance = field(repr=False)
    locale: str | None = None

    def to_frame(self) -> pd.DataFrame:
        return self.kpi_weeks.copy()

    def to_text(self, details: bool = False) -> str:
        c = self.column
        nf = self.numbers  # one locale per answer, the business's
        lines = [f"{self.stage.capitalize()} for {self.who}, {self.period_label}: {c.health.upper()}", ""]
        if c.findings:
            lines.append(f"Why it is {c.health}:")
            lines += [f"- {f.text} Suggestion: {f.advice}." for f in c.findings]
        elif c.health == "grey":
            lines.append(f"Grey: {c.why_grey or 'there are no numbers for this stage in the period'}.")
        else:
            lines.append("Green: no rule fired (conversion, KPIs, sentiment and complaints are within "
                         f"their thresholds). Still worth doing: {STAGE_ADVICE[self.stage]}.")
        lines.append("")
        if self.into is not None:
            t = self.into
            was = _was(t)
            lines.append(f"In: {pct(t.rate, numbers=nf)} of customers at {t.from_stage} reached {self.stage}{was}, "
                         f"{count(t.reached, nf)} of {count(t.of, nf)}, median {duration(t.median_days, nf)}.")
        if c.to_next is not None:
            t = c.to_next
            was = _was(t)
            lines.append(f"Out: {pct(t.rate, numbers=nf)} went on to {t.to_stage}{was}, {count(t.reached, nf)} of "
                         f"{count(t.of, nf)}, "
                         f"median {duration(t.median_days, nf)}.")
        lines.append(f"Active at this stage: {counted(c.active, 'customer', nf)}, {counted(c.events, 'event', nf)}"
                     + (f", {pct(c.online_share, 0, nf)} online." if c.online_share is not None else "."))
        if len(self.kpi_weeks):
            lines += ["", "KPIs week by week:"]
            wide = self.kpi_weeks.pivot_table(index="bucket", columns="label", values="value", aggfunc="first",
                                              sort=False, dropna=False)
            labels = list(dict.fromkeys(self.kpi_weeks["label"]))
            metric_of = dict(zip(self.kpi_weeks["label"], self.kpi_weeks["metric"], strict=False))
            rows = [[str(week)] + [format_value(SPECS[metric_of[lbl]], _val(wide.loc[week, lbl]), self.numbers)
                                   for lbl in labels] for week in wide.index]
            lines += ["  " + line for line in text_table(["week of", *labels], rows)]
        if len(self.mood_weeks):
            lines += ["", "How customers felt week by week (mean sentiment of the stage's feedback):"]
            rows = [[str(r.week), count(r.texts), f"{r.mean:+.2f}" if pd.notna(r.mean) else "-", pct(r.negative, 0)]
                    for r in self.mood_weeks.itertuples()]
            lines += ["  " + line for line in text_table(["week", "texts", "mean", "negative"], rows)]
        if self.themes:
            lines += ["", f"What customers say about {self.stage} (customer words, redacted):"]
            for i, t in enumerate(self.themes, 1):
                mood = f", {t.tone()}" + (f" (sentiment {t.sentiment:+.2f})" if details and t.sentiment is not None else "")
                change = f"; {t.change_text()}" if t.change_text() else ""
                lines.append(f"{i}. {t.label}: {t.size:,} texts{mood}{change}")
                lines += [f'   "{quote_text(q.text)}" ({q.citation()})' for q in t.quotes]
            if any(t.tone() == TICKETS_TONE for t in self.themes):
                lines.append(TICKETS_NOTE)
        if c.touchpoints:
            lines += ["", "Touchpoints:"]
            rows = [[words(t.touchpoint), count(t.customers), count(t.events), "online" if t.online else "offline", t.action]
                    for t in c.touchpoints]
            lines += ["  " + line for line in text_table(["touchpoint", "customers", "events", "", "what they do"],
                                                          rows, align="lrrll")]
        lines += ["", self.provenance.to_text(details)]
        return "\n".join(lines)


def _val(v: object) -> float | None:
    return None if v is None or pd.isna(v) else float(v)  # type: ignore[arg-type]


def stage_detail(store: JourneyStore, params: JourneyMapParams, *, feedback: FeedbackStore | None = None,
                 settings: MapSettings | None = None) -> StageDetail:
    """The stage `params.stage` of the map for params.period and params.filters, in detail."""
    settings = settings or MapSettings()
    stage = str(params.stage)
    m: JourneyMap = build_map(store, params.period, params.filters, feedback=feedback, settings=settings,
                              feedback_stages=(stage,))
    col = m.stage(stage)
    i = STAGES.index(stage)
    into = m.stages[i - 1].to_next if i > 0 else None
    metrics = list(STAGE_KPIS[stage])
    series = kpi_series(store, metrics, period=params.period, grain="week", filters=params.filters,
                        settings=settings.kpi)
    series = series.assign(label=series["metric"].map(lambda x: SPECS[x].label))
    kpi_weeks = series[["bucket", "metric", "label", "value", "n", "partial"]].reset_index(drop=True)
    mood_weeks = pd.DataFrame(columns=["week", "texts", "scored", "mean", "negative"])
    found: tuple[Theme, ...] = ()
    sources = dict(m.sources)
    notes = list(m.provenance.notes)
    if feedback is not None and feedback.count() > 0:
        customers = cohort_ids(store, params.filters)
        try:
            mood = sentiment_summary(feedback, SentimentParams(by="week", period=params.period, stage=[stage],  # type: ignore[list-item]
                                                               compare=False), store=store, customers=customers)
            mood_weeks = mood.groups.rename(columns={"group": "week"})[["week", "texts", "scored", "mean", "negative"]]
            sources["sentiment by week"] = mood.provenance
        except NoDataError:
            notes.append(f"no customer feedback about {stage} in the period")
        try:
            said = themes(feedback, ThemesParams(period=params.period, stage=[stage], max_themes=5,  # type: ignore[list-item]
                                                 min_size=settings.min_theme_texts),
                          store=store, customers=customers)
            found = tuple(said.themes)
            sources["feedback_themes (all sentiment)"] = said.provenance
        except NoDataError:
            pass
    prov = Provenance(
        tool="journey_map",
        definition=f"the {stage} stage of the journey map in detail: " + m.provenance.definition
        + "; plus its KPIs by week, the sentiment of its feedback by week and the themes of all its feedback",
        params={**m.provenance.params, "stage": stage},
        filters=m.provenance.filters,
        period_start=m.provenance.period_start, period_end=m.provenance.period_end,
        period_label=m.period_label,
        tables=m.provenance.tables,
        row_counts=m.provenance.row_counts,
        notes=tuple(dict.fromkeys(notes)),
    )
    return StageDetail(stage=stage, who=m.who, period_label=m.period_label, column=col, into=into,
                       kpi_weeks=kpi_weeks, mood_weeks=mood_weeks.reset_index(drop=True), themes=found,
                       currency=m.currency, provenance=prov, locale=m.locale)


def _was(t: Transition) -> str:
    """After a conversion rate: the period before's, or that the window is still open."""
    if t.still_open:
        return " so far (the conversion window is still open)"
    return f" (was {pct(t.rate_before)})" if t.rate_before is not None else ""
