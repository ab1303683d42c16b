"""The journey digest: what a shop owner should know this morning, from the other tools.

Sections, each from the tool that owns the numbers (nothing is computed here):

- KPI snapshot against the previous period, with arrows, absolute and relative change
  (tools/analytics/compare.py); a daily digest sets yesterday against the same weekday a week
  earlier, because a bakery's Tuesday is not its Monday; a weekly one sets the last 7 days
  against the 7 before;
- the funnel with its biggest drop-off over the last 7 days (tools/analytics/funnel.py);
- sentiment by stage with the largest move and one quote (tools/feedback/sentiment.py, tools/feedback/search.py);
- the fastest growing feedback theme (tools/feedback/themes.py);
- open alerts (passed in by the caller, who keeps the alert state);
- customers newly at high risk of leaving (tools/predict);
- a KPI trend for the chart.

A section whose tool has no data, or is not set up (feedback not indexed, no churn model
yet), is left out with a note saying why; the digest itself never fails for one section.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.periods import Period
from tools.core.errors import JourneyError, NoDataError
from tools.core.money import NumberFormat
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted
from tools.data import spans
from tools.data.cache import cached
from tools.data.store import JourneyStore
from tools.digest.periods import day_label as _day_label
from tools.digest.periods import digest_periods, digest_span
from tools.digest.sections import (
    at_risk_line,
    funnel_line,
    sentiment_line,
    theme_line,
)
from tools.digest.summary import opening_lines

log = logging.getLogger(__name__)

Cadence = Literal["daily", "weekly"]
DIGEST_METRICS: tuple[str, ...] = (
    "revenue", "orders", "aov", "session_conversion", "conversion_purchase", "cart_abandonment",
    "csat", "nps", "first_response_time",
)
CHART_METRIC = "revenue"
CHART_DAYS = 28
ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
# (KPI names, day) -> {name: verdict with .judged, .unusual, .range_text()} (tools/alerts/verdicts.py)
Judge = Callable[[tuple[str, ...], dt.date], dict[str, Any]]


class DigestParams(BaseModel):
    """The morning digest: KPIs against the previous period, the funnel's biggest drop-off,
    sentiment and themes, open alerts and customers newly at risk.

    Examples: "give me the digest" -> {}; "the weekly digest" -> {"cadence": "weekly"};
    "what would the digest have said on 1 September?" -> {"date": "2026-09-01"}."""

    model_config = ConfigDict(extra="forbid")

    cadence: Cadence = Field(default="daily", description="daily: one day against the same weekday a "
                             "week before; weekly: the last 7 days against the 7 before.")
    date: dt.date | None = Field(default=None, description="The day the digest reports on (YYYY-MM-DD); "
                                 "default: the last day of data.")


@dataclass(frozen=True)
class KpiLine:
    metric: str
    label: str
    now: str
    before: str
    change: str  # "↓ 3.1 pts (-12%)" or "" when unknown
    direction: str | None  # up | down | flat
    assessment: str | None  # better | worse | same
    relative: float | None
    small_sample: bool
    pending: int = 0  # orders placed but not fulfilled yet: not in orders and revenue
    # The alert engine's judgement (tools/alerts/verdicts.py): outside the usual range for the
    # weekday, or None when it could not judge; `usual` is that range in words.
    unusual: bool | None = None
    usual: str = ""
    others: str = ""  # orders: the ones not completed, by status ("plus 3 shipped not yet delivered")
    # the day a line is about, when its table ends on another day than the digest's ("the
    # tickets of Sat 24 May: their last day is 2025-07-25")
    day_of: str = ""

    def to_text(self, width: int = 24) -> str:
        # a move on a small sample is not judged better or worse (the headline says so too)
        mark = "" if self.small_sample else {"better": "  better", "worse": "  worse"}.get(self.assessment or "", "")
        if self.unusual:
            mark += ", unusual"
        small = "  (small sample)" if self.small_sample and self.now != "no data" else ""  # nothing is not a sample
        if self.others:
            pending = f"  ({self.others})"
        else:
            pending = f"  (+{counted(self.pending, 'order')} still pending)" if self.pending else ""
        on = f"  ({self.day_of})" if self.day_of else ""
        return f"{self.label:<{width}}{self.now:>12}  {self.change or '-'}{mark}{small}{pending}{on}".rstrip()


@dataclass(frozen=True)
class ChartSeries:
    title: str
    unit: str  # the KPI's unit in the catalogue: money, rate, count, hours, ...
    dates: tuple[dt.date, ...]
    values: tuple[float | None, ...]
    currency: str = "GBP"


@dataclass(frozen=True)
class DigestResult(ResultMixin):
    business: str
    cadence: str
    day: dt.date
    period_label: str
    previous_label: str
    kpis: tuple[KpiLine, ...]
    funnel: str | None
    sentiment: str | None
    quote: str | None
    theme: str | None
    alerts: tuple[str, ...]
    risk: str | None
    chart: ChartSeries | None
    summary: str
    notes: tuple[str, ...]
    provenance: Provenance
    sources: tuple[str, ...] = field(default=())  # the tool calls behind the sections
    freshness: tuple[str, ...] = field(default=())  # sources whose data is older than expected
    grain: str = "day"  # "month": the data is dated by month only, and the digest reports on a month

    def title(self) -> str:
        kind = "Daily" if self.cadence == "daily" else "Weekly"
        if self.grain == "month":
            return f"{kind} journey digest — {self.business}, {self.day:%b %Y} (the data is dated by month)"
        return f"{kind} journey digest — {self.business}, {self.day:%a} {self.day.day} {self.day:%b %Y}"

    def sections(self) -> list[tuple[str, str]]:
        """(heading, text) pairs, in the order they are shown."""
        out: list[tuple[str, str]] = []
        if self.freshness:
            out.append(("Data freshness", "\n".join(f"- {line}" for line in self.freshness)))
        if self.kpis:
            width = max(len(k.label) for k in self.kpis) + 2
            head = f"{self.period_label} vs {self.previous_label}"
            out.append(("KPIs", head + "\n" + "\n".join(k.to_text(width) for k in self.kpis)))
        if self.funnel:
            out.append(("Funnel", self.funnel))
        if self.sentiment:
            out.append(("Sentiment", self.sentiment + (f"\n{self.quote}" if self.quote else "")))
        if self.theme:
            out.append(("Growing theme", self.theme))
        out.append(("Open alerts", "\n".join(f"- {a}" for a in self.alerts) if self.alerts else "None."))
        if self.risk:
            out.append(("Customers at risk", self.risk))
        return out

    def to_text(self) -> str:
        lines = [self.title(), "", self.summary]
        for heading, text in self.sections():
            lines += ["", f"{heading}:", text]
        if self.notes:
            lines += [""] + [f"Note: {n}" for n in self.notes]
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([k.__dict__ for k in self.kpis])


def digest(store: JourneyStore, params: DigestParams | None = None, *, business: str = "the shop",
           currency: str | None = None, feedback: Any | None = None, open_alerts: list[str] | None = None,
           metrics: tuple[str, ...] = DIGEST_METRICS, risk: tuple[Any, Any] | None = None,
           record_risk: bool = False, freshness: list[str] | None = None,
           judge: Judge | None = None, feedback_coverage: str | None = None, chart: bool = True) -> DigestResult:
    """Build the digest for `params.date` (default: the last day of data). `risk` is the
    (model registry, settings) of tools/predict; with `record_risk` the churn scores are saved
    so the next digest reports who became high risk since this one. `freshness` names the
    sources whose data is older than their schedule promises (said first, and in the summary):
    a digest of data that stopped arriving must not read like a report on a normal day. `judge`
    says which KPIs are unusual on the day, as the alerts do (the caller passes its alert rules;
    by default the starter rules), so the digest and `alerts check` never disagree.
    `feedback_coverage` says how much of the texts the feedback store holds when that is not all
    of them (tools/feedback/status.py IndexStatus.note): sentiment and themes read only those.
    `chart=False` leaves the chart's series out (`chart` is None): the text shows no chart, so
    a digest printed in the terminal need not read it."""
    # Every section reads the store, a hundred connections in all: held open, each costs a
    # millisecond instead of tens (JourneyStore.held).
    with store.held():
        return _digest(store, params or DigestParams(), business=business, currency=currency, feedback=feedback,
                       open_alerts=open_alerts, metrics=metrics, risk=risk, record_risk=record_risk,
                       freshness=freshness, judge=judge, feedback_coverage=feedback_coverage, chart=chart)


def _digest(store: JourneyStore, params: DigestParams, *, business: str, currency: str | None, feedback: Any | None,
            open_alerts: list[str] | None, metrics: tuple[str, ...], risk: tuple[Any, Any] | None,
            record_risk: bool, freshness: list[str] | None, judge: Judge | None,
            feedback_coverage: str | None, chart: bool) -> DigestResult:
    money = store.profile.numbers_in(currency)  # the business's currency unless one is named
    as_of = store.digest_day()
    if as_of is None:
        raise NoDataError(nothing_to_digest(store))
    day = params.date or as_of
    if day > as_of:
        raise NoDataError(f"The data ends on {as_of}; there is no digest for {day} yet")
    # the periods it compares, and over what the funnel, sentiment and themes read: the month
    # when every dated table is dated by month only (tools/digest/periods.py)
    span = digest_span(store, params.cadence, day)
    period_label, previous_label = span.label, span.previous_label
    notes: list[str] = []
    sources: list[str] = []
    # UCI's sessions are all dated on the 1st of their month: "Fri 1 Dec" is the whole of
    # December, set against a day that holds nothing. Said, so the comparison is not read as a day's.
    apart = spans.ends_apart({t: store.as_of(t) for t in spans.DATED}, as_of) if day == as_of else None
    if apart:
        # Orders to May and tickets to July: the digest reports on the orders' last day, and
        # "tickets in the last 30 days" ends in July; said, so the two answers are not read as
        # contradicting each other.
        mine, others = apart
        what = " and ".join(spans.NOUNS[t] for t in mine) or "data"
        notes.append(f"the tables end on different days: this digest reports on {_day_label(day)} {day:%Y}, the last "
                     f"day of the {what}; {spans.ends_words(others)}. The lines of those tables report on their own "
                     "last day and say which day that is; a question about one table counts back from that table's own last day")
    monthly = span.note(day)
    if monthly:
        notes.append(monthly)
    week, words, monthly_data = span.context, span.context_words, span.grain == "month"
    # The funnel, the risk line and the chart need nothing from the KPIs: read on a second
    # thread while this one compares and judges them (DuckDB releases the GIL; a file store
    # gives each thread its own connection). Their notes and sources are joined below in the
    # order of the sections, so the digest reads the same as when everything ran in turn.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest") as pool:
        futures = [pool.submit(_apart, "Funnel", lambda src: funnel_line(store, week, src, words, monthly_data)),
                   pool.submit(_apart, "Customers at risk", lambda src: at_risk_line(store, risk, record_risk, src))
                   if day == as_of else None,  # churn scores describe the end of the data, not a day in the past
                   pool.submit(_apart, "Chart", lambda src: _chart(store, day, money, src)) if chart and not monthly_data else None]
        # A table that ends on another day (orders to May, tickets to July) reports on its own
        # last day: the orders' last day holds none of the desk's latest tickets, and its "25.0 h"
        # first reply was read as the desk's latest. Each such line says which day it covers.
        ends = {t: store.span(t).last_dated_day or d for t, d in apart[1]} if apart else {}
        kpis = _section("KPIs", lambda: _kpis_by_day(store, params.cadence, day, ends, metrics, money, sources,
                                                     notes, judge, params.cadence == "daily" and not monthly_data, span.periods), notes) or ()
        side = [f.result() if f is not None else (None, [], []) for f in futures]

    def joined(part: tuple[Any, list[str], list[str]]) -> Any:
        value, its_notes, its_sources = part
        notes.extend(its_notes)
        sources.extend(its_sources)
        return value

    funnel = joined(side[0])
    sentiment, quote = (None, None)
    theme = None
    if feedback is None:
        notes.append("Sentiment and themes left out: the feedback store is not set up "
                     "(journeybot feedback index)")
    else:
        sentiment, quote = _section("Sentiment", lambda: sentiment_line(feedback, store, week, sources, words), notes) \
            or (None, None)
        theme = _section("Themes", lambda: theme_line(feedback, store, week, sources), notes)
        if feedback_coverage and (sentiment or theme):
            notes.append(f"Sentiment and themes read only the indexed texts: {feedback_coverage}")
    risk_line = joined(side[1])
    series = joined(side[2])
    # REES46's prices shown in pounds by assumption: said, as every answer with amounts says it.
    assumed = store.profile.currency_note_for("\n".join([*(k.now for k in kpis), risk_line or ""])) if not currency else None
    notes[:0] = [assumed] if assumed else []
    alerts = tuple(open_alerts or ())
    summary = opening_lines(kpis, funnel, alerts, period_label, previous_label,
                            day if params.cadence == "daily" and not monthly_data else None)
    stale = tuple(freshness or ())
    if stale:
        summary = (f"Careful: data is older than expected ({stale[0]}"
                   + (f", and {len(stale) - 1} more" if len(stale) > 1 else "") + "). " + summary)
    prov = Provenance(
        tool="digest",
        definition=f"the {params.cadence} digest: KPIs of {period_label} against {previous_label} "
                   f"(tools/trends compare); funnel, sentiment and themes {words}"
                   f"{'' if monthly_data else f' to {day}'}; open alerts; customers newly at high risk",
        params=params.model_dump(mode="json"),
        period_start=None, period_end=None, period_label=f"{period_label} vs {previous_label}",
        notes=tuple(notes),
        # The day reported on is the data's last, not yesterday: an export that ends in 2018 must
        # not read as this morning's digest (bot/agent/answer_notes.py says how old it is).
        period_name=None if params.date else f"{params.cadence} digest" + (" by month" if monthly_data else ""),
        period_anchor=None if params.date else day,
    )
    return DigestResult(business, params.cadence, day, period_label, previous_label, tuple(kpis), funnel,
                        sentiment, quote, theme, alerts, risk_line, series, summary, tuple(notes), prov,
                        tuple(sources), stale, span.grain)


def nothing_to_digest(store: JourneyStore) -> str:
    """Why there is no digest, in words true of this store: a customer list alone is data, and
    calling it "empty" tells the owner their load failed when it did not."""
    counts = store.counts()
    if not any(counts.values()):
        return "The journey store is empty: no digest to write. Load data first."
    held = ", ".join(f"{n:,} {t}" for t, n in counts.items() if n)
    return (f"No digest to write: the journey store holds {held} but no orders, visits, support tickets "
            "or survey answers, and a digest reports on those (the day's sales, visits, service and "
            "satisfaction against the week before). Load one of them (journeybot ingest orders FILE, "
            "or events, tickets, surveys); `journeybot describe` shows what the data can answer now.")


def _section(name: str, build: Callable[[], Any], notes: list[str]) -> Any:
    """A section's value, or None with a note saying why it is left out: the digest itself
    never fails for one section."""
    try:
        return build()
    except (JourneyError, ImportError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        notes.append(f"{name} left out: {reason}")
        return None


def _apart(name: str, build: Callable[[list[str]], Any]) -> tuple[Any, list[str], list[str]]:
    """A section built on another thread: (value, its notes, its sources)."""
    notes: list[str] = []
    sources: list[str] = []
    return _section(name, lambda: build(sources), notes), notes, sources


# -- sections ---------------------------------------------------------------------------
def _kpis_by_day(store: JourneyStore, cadence: str, day: dt.date, ends: dict[str, dt.date],
                 metrics: tuple[str, ...], money: NumberFormat, sources: list[str], notes: list[str],
                 judge: Judge | None, judged: bool,
                 periods: Callable[[str, dt.date], tuple[Period, Period]] = digest_periods) -> tuple[KpiLine, ...]:
    """The KPI lines in `metrics` order: those of a table in `ends` on that table's own last
    day (and judged on it), the rest on the digest's `day`."""
    from tools.analytics.kpi_scope import metric_table

    days: dict[dt.date, list[str]] = {}
    for m in metrics:
        days.setdefault(ends.get(_table_of(m, metric_table)) or day, []).append(m)
    lines: dict[str, KpiLine] = {}
    for d, mine in days.items():
        current, previous = periods(cadence, d)
        tables = {metric_table(m) for m in mine}
        words = "" if d == day else _day_words(cadence, d, previous, tables)
        # one table's day without rows leaves its lines out and says why, not every line
        got = _section("KPIs" if d == day else f"KPIs of the {_nouns(tables)}",
                       lambda current=current, previous=previous, mine=mine, words=words: _kpis(
                           store, current, previous, tuple(mine), money, sources, notes, words), notes) or ()
        if got and judged:
            verdicts = _section("Usual ranges", lambda got=got, d=d: (judge or _starter_judge(store, money.currency))(
                tuple(k.metric for k in got), d), notes) or {}
            got = tuple(_judged(k, verdicts.get(k.metric)) for k in got)
        lines.update((k.metric, k) for k in got)
    return tuple(lines[m] for m in metrics if m in lines)


def _table_of(metric: str, metric_table: Callable[[str], str]) -> str | None:
    try:
        return metric_table(metric)
    except KeyError:  # not a catalogue KPI: _kpis leaves it out
        return None


def _nouns(tables: set[str]) -> str:
    return " and ".join(sorted(spans.NOUNS.get(t, t) for t in tables))


def _day_words(cadence: str, day: dt.date, previous: Period, tables: set[str]) -> str:
    """'the tickets of Fri 25 Jul against Fri 18 Jul, the last day one was opened'."""
    last = "the last day one was opened" if tables == {"tickets"} else "their last day"
    if cadence == "daily":
        return f"the {_nouns(tables)} of {_day_label(day)} against {_day_label(previous.start)}, {last}"  # type: ignore[arg-type]
    return f"the {_nouns(tables)} of the 7 days to {_day_label(day)} against the 7 before, {last}"


def _kpis(store: JourneyStore, current: Period, previous: Period, metrics: tuple[str, ...],
          currency: NumberFormat, sources: list[str], notes: list[str],
          day_of: str = "") -> tuple[KpiLine, ...]:
    """The KPI lines; `day_of`: the words that say which day they are about, when it is not the
    digest's (a table that ends on another day)."""
    from tools.analytics.compare import CompareParams, compare
    from tools.analytics.kpi_catalog import SPECS, format_change, format_relative, format_value
    from tools.analytics.order_status import OrderStatusCounts

    wanted = [m for m in metrics if m in SPECS]
    params = CompareParams(metrics=wanted, period=current, against=previous)  # type: ignore[arg-type]
    result = cached(store, "compare", params, lambda: compare(store, params), keep=True)
    sources.append(result.provenance.call_signature())
    # A day without orders (or answers) says so and where the latest are; KPIs the data cannot
    # answer at all are named once, not shown as blanks.
    notes += [n for n in result.provenance.notes if n.startswith(("no ", "left out"))]
    phrase = OrderStatusCounts(result.order_statuses).phrase(currency) if len(result.order_statuses) else ""
    others = phrase.partition(" (")[2].rstrip(")") if "(plus " in phrase else ""
    lines = []
    for r in result.rows.itertuples():
        s = SPECS[r.metric]
        direction = r.direction if isinstance(r.direction, str) else None
        change = ""
        if direction == "flat":
            change = f"{ARROWS['flat']} no change"
        elif direction:
            # the arrow carries the sign: "↓ £477.30 (-65%)", not "↓ -£477.30"
            change = f"{ARROWS[direction]} {format_change(s, _f(r.change), currency).lstrip('+-')}"
            rel = format_relative(_f(r.relative_change))
            if rel and s.unit != "points":
                change += f" ({rel})"
        now = "no data" if r.no_data else format_value(s, _f(r.current), currency)
        before = "no data" if r.no_data_before else format_value(s, _f(r.previous), currency)
        small = bool(r.small_sample) or _few(s.kind, r.n_current, r.n_previous)
        if small and direction in ("up", "down"):
            # A percentage on a handful of rows reads as alarming ("+1760%" for a first reply
            # of 0.5 h against 8.8 h, from 3 tickets): the two values say it without the scare.
            change = f"{ARROWS[direction]} {before} -> {now}"
        lines.append(KpiLine(r.metric, r.label, now, before, change, direction,
                             r.assessment if isinstance(r.assessment, str) else None,
                             _f(r.relative_change), small,
                             int(r.excluded_current) if r.metric in ("orders", "revenue") else 0,
                             others if r.metric == "orders" else "",
                             day_of=day_of))
    return tuple(lines)


def _few(kind: str, n_now: object, n_before: object) -> bool:
    """A count or sum resting on fewer rows than the KPIs' small-sample bound in both periods
    together (3 orders against 4) moves by chance: shown, flagged, never the headline's "better"
    or "worse". The bound is the one compare() flagged the rates with (its default settings)."""
    from tools.analytics.kpi_scope import KpiSettings

    rows = sum(int(n) for n in (n_now, n_before) if isinstance(n, (int, float)) and n == n)
    return kind == "total" and rows < KpiSettings().min_sample


def _chart(store: JourneyStore, day: dt.date, currency: NumberFormat, sources: list[str]) -> ChartSeries:
    from tools.analytics.kpi_catalog import SPECS
    from tools.analytics.trends import kpi_series

    period = Period(start=day - dt.timedelta(days=CHART_DAYS - 1), end=day)
    series = cached(store, "kpi_series", {"metrics": [CHART_METRIC], "period": period.model_dump(mode="json"),
                                          "grain": "day"},
                    lambda: kpi_series(store, [CHART_METRIC], period=period, grain="day"), keep=True)
    sources.append(f"kpi_series(metrics=[{CHART_METRIC}], last {CHART_DAYS} days to {day})")
    s = SPECS[CHART_METRIC]
    return ChartSeries(f"{s.label} by day, last {CHART_DAYS} days", s.unit,
                       tuple(pd.to_datetime(series["bucket"]).dt.date), tuple(_f(v) for v in series["value"]),
                       currency.currency)


def _judged(line: KpiLine, verdict: Any) -> KpiLine:
    if verdict is None or not verdict.judged:
        return line
    return replace(line, unusual=bool(verdict.unusual), usual=verdict.range_text())


def _starter_judge(store: JourneyStore, currency: str) -> Judge:
    """The starter alert rules on the store's KPI series: what `alerts check` runs by default."""
    from tools.alerts.rules import STARTER_RULES
    from tools.alerts.series import KpiSeriesProvider
    from tools.alerts.verdicts import kpi_verdicts

    provider = KpiSeriesProvider(store, currency=currency)
    return lambda metrics, day: kpi_verdicts(provider, list(STARTER_RULES), metrics, day)


def _f(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(f) else f
