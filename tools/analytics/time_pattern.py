"""When customers come and buy: a KPI by day of the week, hour of the day or month of the year.

    time_pattern(store, PatternParams(metric="orders", by="weekday")) -> TimePatternResult

Runs on the same SQL as the headline KPIs (tools/analytics/kpi_sql.py): a daily series (an
hourly one for `by="hour"`) in the business time zone, folded into its weekday, hour or month.
Rows dated in UTC or with offsets land on the business's clock (a 23:30 UTC order in a London
summer is Monday 00:30), with the zone's own offsets on each side of a clock change.

Counts are made fair: a period can hold five Mondays and four Tuesdays, so every bucket carries
its total, how many such days (hours) the data covers and the average per occurrence, and is
ranked by that average. Months are ranked by their average per day (February is short). Rates,
means and NPS pool the bucket's own rows (sum of numerators over sum of denominators of its
days, never a mean of daily rates); medians are taken over the bucket's own rows. Purchase
conversion by weekday counts customer-days (a customer active on a Monday who bought that
Monday), by hour customer-hours (active at 14:00 and bought in that hour; what a bucket holds:
tools/analytics/pattern_holds.py).
Active customers and buyers count the different customers of each day (hour): the average per
occurrence is how many come on a Monday, the total the different customers over the period,
each once (tools/analytics/pattern_kpis.py, which also says why the other KPIs are refused).
A web session's own figures (length, pages, exit, cart) count the session in the bucket it
started in; the whole-period value from the same rows is the kpis tool's (`overall`).

Whether the highest bucket really stands out is judged against the spread between occurrences
(counts, means, medians: the standard error of the per-occurrence values) or between the
sample's proportions (rates): within noise, the answer says so instead of naming a winner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics import kpi_frame, kpi_sql
from tools.analytics.capabilities import capabilities, unanswerable
from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import SPECS, Metric, MetricSpec, format_value, normalize_metric
from tools.analytics.kpi_result import who_text
from tools.analytics.kpi_scope import (
    TABLE_NOUNS,
    KpiSettings,
    describe_definition,
    metric_table,
    no_data,
    open_scope,
    rows_for,
)
from tools.analytics.pattern_holds import BUYING, bucket_holds, buying_unit, hour_cut
from tools.analytics.pattern_kpis import (
    PATTERN_METRICS,
    PEOPLE,
    UNTIMED,
    WHO_COUNTS,
    distinct_people,
    quantile_rows,
    refusal,
    session_notes,
)
from tools.analytics.periods import Period, provenance_period
from tools.analytics.time_buckets import fold_buckets, occurrence_grid
from tools.analytics.time_pattern_notes import (
    a_unit,
    gap_words,
    occurrences,
    one_day_note,
    ordinal,
    pattern_notes,
    per_occurrence,
)
from tools.analytics.trend_notes import statuses_note
from tools.core.errors import NoDataError, ToolInputError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.data.spans import DATED
from tools.data.store import JourneyStore

__all__ = ["PATTERN_METRICS", "PatternParams", "TimePatternResult", "time_pattern"]

By = Literal["weekday", "hour", "month"]
# Which KPIs have a weekday or hour of their own, and why the others have none: pattern_kpis.py.
# What a pattern counts when no KPI is named and there are no orders: the first the data holds.
_STAND_INS = ("sessions", "tickets", "survey_responses")
_DEFAULT_PERIOD = {"weekday": "last_90_days", "hour": "last_90_days", "month": "all"}
_UNIT_WORD = {"weekday": "day", "hour": "hour", "month": "day"}
_TITLE = {"weekday": "day of the week", "hour": "hour of the day", "month": "month of the year"}
_Z = 1.96  # two-sided 95%
_MIN_OCCURRENCES = 3  # fewer Mondays (9 o'clocks) than this cannot show a steady difference


class PatternParams(BaseModel):
    """A KPI by day of the week, hour of the day or month of the year, in the business's time
    zone: totals with the number of such days (hours) and the average per occurrence, rates
    pooled over each bucket's rows.

    Examples:
    - "What's our busiest day of the week?" -> {"metric": "orders", "by": "weekday"}
    - "What time do most orders come in?" -> {"metric": "orders", "by": "hour"}
    - "When do people send complaints?" -> {"metric": "tickets", "by": "hour"}
    - "Which month is best for revenue?" -> {"metric": "revenue", "by": "month"}
    - "Which day do members turn up most?" -> {"metric": "active_customers", "by": "weekday"}
    """

    model_config = ConfigDict(extra="forbid")

    metric: Metric = Field(default="orders", description="The KPI per bucket: " + ", ".join(PATTERN_METRICS))
    _alias = field_validator("metric", mode="before")(lambda cls, v: normalize_metric(v))
    by: By = Field(default="weekday", description="weekday (Mon-Sun), hour (0-23) or month (Jan-Dec).")
    period: Period | None = Field(default=None, description="Period (default: last 90 days; all data by month).")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    focus: str | None = Field(default=None, max_length=20,
                              description="A weekday or month the question names (\"are Mondays worth opening?\" -> "
                                          "Monday): the answer says where it ranks.")


@dataclass(frozen=True)
class TimePatternResult(Priced, ResultMixin):
    metric: str
    label: str
    by: str
    kind: str  # the KPI's kind: total, rate, mean, quantile
    # bucket (0-6 Monday first, 0-23, 1-12), label, occurrences (days or hours the data covers),
    # total (counts: over the period), value (counts: average per occurrence; else the KPI),
    # n (rows behind it), se (standard error of value)
    table: pd.DataFrame
    highest: str | None
    lowest: str | None
    verdict: str  # clear, tied (with the runner-up), noise, few, flat
    runner_up: str | None
    timezone: str
    covered_from: dt.date
    covered_to: dt.date
    months: int  # calendar months the covered days touch
    currency: str
    provenance: Provenance = field(repr=False)
    locale: str | None = None
    # active customers, buyers: `total` is the different customers over the period, each once
    people: bool = False
    holds: str = ""  # what one bucket is made of, in words (customer-hours for the buying rate by hour)
    data_through: dt.date | None = None  # freshness: the table's last day with rows, whatever the period
    # the kpis tool's value for the whole period from the same rows (None for the people counts: a
    # regular of two buckets is one customer; and when nothing is measured)
    overall: float | None = None
    overall_n: int = 0
    min_n: int = 30  # a bucket's n below this is a rough figure, as in the KPIs (KpiSettings.min_sample)

    def to_frame(self) -> pd.DataFrame:
        return self.table.copy()

    def to_text(self, details: bool = False) -> str:
        s = SPECS[self.metric]
        count = s.kind == "total"
        unit = _UNIT_WORD[self.by]
        lines = [f"{self.label} by {_TITLE[self.by]}, {self.provenance.period_label}"
                 f"{who_text(self.provenance.filters)} ({self.timezone} time)", ""]
        head = {"weekday": "day", "hour": "hour", "month": "month"}[self.by]
        if count:
            lines.append(f"{head:<13}{'different' if self.people else 'total':>12}{unit + 's':>8}{'per ' + unit:>12}")
        else:
            lines.append(f"{head:<13}{'value':>12}{'n':>9}")
        for r in self.table.itertuples():
            if count:
                lines.append(f"{r.label:<13}{format_value(s, r.total, self.numbers):>12}{r.occurrences:>8}"
                             f"{per_occurrence(s, r.value, self.numbers):>12}")
            else:
                lines.append(f"{r.label:<13}{format_value(s, r.value, self.numbers):>12}"
                             f"{self.numbers.number(r.n):>9}")
        lines.append("")
        if s.kind != "total" and self.overall is not None:
            lines.append(f"Whole period: {format_value(s, self.overall, self.numbers)}, "
                         f"n={self.numbers.number(self.overall_n)}")
        lines.append(self.summary())
        focus = self.focus_line()
        if focus:
            lines.append(focus)
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)

    def summary(self) -> str:
        """Which bucket is highest and lowest and by how much, or why none is named."""
        s = SPECS[self.metric]
        word = _TITLE[self.by].split(" of ")[0]
        if self.highest is None or self.lowest is None:
            return f"Too few {word}s with data to compare."
        if self.verdict == "flat":
            return f"Every {word} has the same {s.label.lower()}: none stands out."
        t = self.table.set_index("label")
        hi, lo = t.loc[self.highest], t.loc[self.lowest]
        top, bottom = ("Busiest", "quietest") if s.kind == "total" else ("Highest", "lowest")
        if s.kind != "total" and s.higher_is_better is not None:  # a slow first reply is the worst
            top, bottom = (f"{top} (best)", f"{bottom} (worst)") if s.higher_is_better else \
                (f"{top} (worst)", f"{bottom} (best)")
        if self.verdict == "few":
            return (f"Too few to tell: {self.highest} is highest ({self._fig(hi, long=True)}) and "
                    f"{self.lowest} lowest ({self._fig(lo)}), but fewer than {_MIN_OCCURRENCES} of them "
                    "have data.")
        if self.verdict == "noise":
            return (f"No clear {top.split()[0].lower()} {word}: {self.highest} ({self._fig(hi, long=True)}) and "
                    f"{self.lowest} ({self._fig(lo)}) differ by less than the "
                    f"{_UNIT_WORD[self.by]}-to-{_UNIT_WORD[self.by]} noise in this data (95%).")
        low = f"{bottom}: {self.lowest} ({self._fig(lo)})"
        if s.kind == "total" and lo.value == 0:
            nones = int(((self.table["total"] == 0) & (self.table["occurrences"] > 0)).sum())
            more = f" and {nones - 1} other {word}{'s' if nones > 2 else ''}" if nones > 1 else ""
            low = f"{bottom}: {self.lowest}{more}, with none"
        else:
            low += f", {gap_words(s, lo.value, hi.value, self.numbers)} the {top.split()[0].lower()}"
        if self.verdict == "tied":
            runner = t.loc[self.runner_up] if self.runner_up else None
            level = f" and {self.runner_up} ({self._fig(runner)})" if runner is not None else ""
            return (f"{top}: {self.highest} ({self._fig(hi, long=True)}){level} are level within "
                    f"noise at the top; {low}.{self.rough()}")
        nxt = ""
        if self.runner_up:
            r2 = t.loc[self.runner_up]
            nxt = f", {gap_words(s, hi.value, r2.value, self.numbers)} the next, {self.runner_up} ({self._fig(r2)})" \
                if r2.value else f", and no other {word} has any"
        return f"{top}: {self.highest}, {self._fig(hi, long=True)}{nxt}; {low}.{self.rough()}"

    def rough(self) -> str:
        """' Caution: ...' when a rate, mean or median named highest or lowest rests on fewer rows
        than the KPIs call a rough figure (a Sunday with one order is no best day); "" otherwise."""
        if SPECS[self.metric].kind == "total" or self.verdict not in ("clear", "tied"):
            return ""
        t = self.table.set_index("label")
        named = dict.fromkeys(x for x in (self.highest, self.runner_up if self.verdict == "tied" else None,
                                          self.lowest) if x)
        thin = [(x, self.numbers.number(int(t.loc[x].n))) for x in named if int(t.loc[x].n) < self.min_n]
        if not thin:
            return ""
        if len(thin) == 1:
            return (f" Caution: {thin[0][0]} rests on n={thin[0][1]}, fewer than {self.min_n}: a rough figure, "
                    "not a peak to plan by.")
        each = [f"{x} (n={n})" for x, n in thin]
        return (f" Caution: {', '.join(each[:-1])} and {each[-1]} rest on fewer than {self.min_n} each: rough "
                "figures, not a ranking to plan by.")

    def focus_line(self) -> str:
        """Where the weekday or month the owner asked about ranks ("are Mondays worth opening?")."""
        asked = self.provenance.params.get("focus")
        if not asked:
            return ""
        t = self.table
        hit = t[t["label"].str.lower().str.startswith(str(asked).lower()[:3])]
        if hit.empty:
            return f"{asked}: not in this data."
        s = SPECS[self.metric]
        pts = t if s.kind == "total" else t[(t["n"] > 0) & t["value"].notna()]
        r = hit.iloc[0]
        if r["label"] not in set(pts["label"]):
            return f"{r['label']}: nothing to measure."
        rank = int((pts["value"] > r["value"]).sum()) + 1
        fig = self._fig(r.rename(r["label"]), long=True)
        if s.kind == "total" and r["value"] == 0:
            fig = f"none in {int(r['occurrences'])} {occurrences(self.by, str(r['label']), int(r['occurrences']))}"
        top = pts["value"].max()
        gap = "" if rank == 1 else f", {gap_words(s, float(r['value']), float(top), self.numbers)} the highest"
        noise = " (within noise of the others)" if self.verdict in ("noise", "flat") else ""
        return f"{r['label']}: {fig}; {ordinal(rank)} of {len(pts)}{gap}{noise}."

    def headline(self) -> str:
        """The summary in a few words, for the demo's screen: "day: busiest Thursday 113 a day
        (Wednesday 110, level), quietest Saturday 46"."""
        s = SPECS[self.metric]
        word = _TITLE[self.by].split(" of ")[0]
        top, bottom = ("busiest", "quietest") if s.kind == "total" else ("highest", "lowest")
        if self.highest is None or self.lowest is None or self.verdict == "few":
            return f"{word}: too few with data to tell"
        if self.verdict in ("flat", "noise"):
            return f"{word}: none stands out (the differences are within noise)"
        t = self.table.set_index("label")

        def fig(label: str, unit: bool = True) -> str:
            v = float(t.loc[label].value)
            if s.kind != "total":
                return format_value(s, v, self.numbers)
            if v == 0:
                return "none"
            text = format_value(s, v, self.numbers) if s.unit == "money" else \
                (self.numbers.number(v) if v >= 10 else f"{v:.2g}".replace(".", self.numbers.marks.decimal))
            return f"{text} {a_unit(_UNIT_WORD[self.by])}" if unit else text

        def name(label: str) -> str:
            return label[:5] if self.by == "hour" else label

        level = f" ({name(self.runner_up)} {fig(self.runner_up, False)}, level)" \
            if self.verdict == "tied" and self.runner_up else ""
        rough = " (rough: few rows)" if self.rough() else ""
        return (f"{word}: {top} {name(self.highest)} {fig(self.highest)}{level}, "
                f"{bottom} {name(self.lowest)} {fig(self.lowest, False)}{rough}")

    def _fig(self, row: pd.Series, long: bool = False) -> str:
        s = SPECS[self.metric]
        unit = _UNIT_WORD[self.by]
        if s.kind != "total":
            return f"{format_value(s, row.value, self.numbers)}, n={self.numbers.number(row.n)}"
        k = int(row.occurrences)
        if long:
            return f"{per_occurrence(s, row.value, self.numbers)} {s.label.lower()} {a_unit(unit)} on average over {self.numbers.number(k)} " \
                   f"{occurrences(self.by, str(row.name), k)}"
        return f"{per_occurrence(s, row.value, self.numbers)} {a_unit(unit)}"


# -- computing ------------------------------------------------------------------------------

def time_pattern(store: JourneyStore, params: PatternParams, settings: KpiSettings | None = None) -> TimePatternResult:
    metric, by = str(params.metric), params.by
    why_not = refusal(metric, by)
    if why_not:
        raise ToolInputError(why_not)
    able, why = capabilities(store).metric(metric)
    instead = ""
    held = None if able else next((m for m in _STAND_INS if capabilities(store).metric(m)[0]), None)
    if held is not None and "metric" not in params.model_fields_set:
        # "Which day is busiest for support?" with no KPI named, over a help desk's tickets: the
        # default, orders, is not loaded; count what the data holds, and say so.
        instead = f"no KPI was named and {why}, so this counts {SPECS[held].label.lower()}"
        metric, able = held, True
    bought = None if able else _bought_instead(store, metric, by)
    if bought is not None:
        instead = ("no orders or amounts are loaded, only whether each visit bought: sales are counted as the "
                   f"{bought[1]} that bought, with the share that bought in the table")
        metric, able = bought[0], True
    if not able:
        hint = (f" The data holds {SPECS[held].label.lower()}: ask when they come (metric {held})."
                if held is not None else "")
        raise NoDataError(unanswerable(metric, why, hint))
    s = SPECS[metric]
    table = metric_table(metric)
    column = DATED[table]
    period = params.period or Period(name=_DEFAULT_PERIOD[by])  # type: ignore[arg-type]
    with open_scope(store, period, params.filters, settings, table=table) as (con, scope):
        if scope.granularity == "month" and by != "month":
            raise NoDataError(f"The {TABLE_NOUNS[table]} are dated by month only ({table}.{column} is the 1st "
                              f"of a month on every row), so they cannot say which {_UNIT_WORD[by]} "
                              "they came on; by month can be answered.")
        who = kpi_frame.prepare_who(con, scope.filters, None)
        try:
            frame = scope.frame("hour" if by == "hour" else "day", who=who)
            read = rows_for(con, frame, table)
            if read == 0:
                raise no_data(con, scope, frame, table)
            notes: list[str] = []
            hours = cut = None
            if by == "hour":
                notes, hours = _hour_checks(con, frame, table, column, scope.granularity)
                cut = hour_cut(con, frame) if metric == BUYING else None
            long = kpi_sql.compute(con, frame, [metric])
            notes += [n for n in (statuses_note(con, scope, frame, metric),) if n]  # Olist: 81 of 130 Monday orders
            rows, q = None, 0.5
            people = distinct_people(con, frame, metric, by) if metric in PEOPLE else None
            if s.kind == "quantile":
                rows, q = quantile_rows(con, frame, metric)
        finally:
            kpi_frame.drop_who(con, who)
    first = max(scope.period.first_day, scope.data_start)
    last = min(scope.period.last_day, scope.as_of)
    if scope.granularity == "month":  # rows on the 1st stand for their whole month
        nxt = (scope.as_of.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = max(last, nxt - dt.timedelta(days=1)) if scope.period.last_day >= scope.as_of else last
    grid = occurrence_grid(by, first, last, scope.timezone)
    if hours is not None:
        grid = grid[(grid >= hours[0]) & (grid <= hours[1])]
    series = long[long["metric"] == metric]
    out = fold_buckets(by, s.name, grid, series, rows, monthly=scope.granularity == "month", q=q)
    if metric in UNTIMED and scope.granularity == "month" and not out["n"].any():
        raise NoDataError(f"{s.label} has no month pattern here: the web events are dated by month only, one time "
                          "for a whole visit, so no visit's pages, exit or length can be read (the kpis tool leaves "
                          "them out too); sessions and session_conversion by month can be answered.")
    overall = _overall(s, series, rows, q, out)
    if people is not None:  # each customer once over the period, not once per day they came
        out["total"] = people.reindex(out["bucket"]).fillna(0).to_numpy()
    verdict, hi, lo, runner_up = _verdict(out, s.kind, s.unit, missing_months=scope.granularity == "month" and by == "month")
    months = len({(d.year, d.month) for d in pd.date_range(first, last)})
    notes += pattern_notes(out, by, s.label, s.kind, months, first, last, scope.timezone,
                           monthly=scope.granularity == "month",
                           who="active customers" if metric == BUYING else s.n_label, unit=s.unit)
    notes += cut.notes(out, scope.numbers) if cut is not None else []
    if people is None and s.kind == "total":  # customer-days are no pile of rows one day could hold most of
        notes += one_day_note(series, by, s, scope.numbers)
    if instead:
        notes.insert(0, instead)
    if bought is not None:
        notes.insert(1, _bought_counts(out, bought[1], scope.numbers))
    notes[:0] = session_notes(metric, by, int(series["excluded"].sum()), scope.cart_hours)
    if people is not None:
        unit = _UNIT_WORD[by]
        notes.insert(0, f"{WHO_COUNTS[metric]}; 'per {unit}' is the different ones of an average such {unit}, "
                        "'different' counts each customer once over the whole period")
    used = int(out["n"].sum())
    holds = bucket_holds(metric, by)
    prov = Provenance(
        tool="time_pattern",
        definition=(f"{s.label}: {buying_unit(by) if metric == BUYING else s.definition}; folded by {_TITLE[by]} on the {scope.timezone} clock from a "
                    f"{'hourly' if by == 'hour' else 'daily'} series of the same SQL as the KPIs; "
                    + ("totals with the days (hours) the data covers and the average per occurrence, ranked by "
                       "that average" + (_PEOPLE_TOTAL if people is not None else "") if s.kind == "total"
                       else "pooled over each bucket's own rows, not an "
                       "average of daily values") + "; " + describe_definition(scope, [metric])),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        **provenance_period(scope.period, params),
        tables=(table,),
        row_counts={table: read, "rows_used": used},
        notes=tuple(notes) + tuple(n for n in (scope.period.note,) if n),
    )
    return TimePatternResult(metric, s.label, by, s.kind, out, hi, lo, verdict, runner_up, scope.timezone, first, last,
                             months, scope.numbers.currency, prov, locale=scope.numbers.locale,
                             people=people is not None, holds=holds, data_through=scope.as_of,
                             overall=None if people is not None else overall[0], overall_n=overall[1],
                             min_n=(settings or KpiSettings()).min_sample)


# (lane real29b) "which month had the most sales?" of web sessions with a bought flag and no orders
# (UCI shoppers) was refused: sales, orders and buyers by month are the sessions that bought.
_SALES = ("revenue", "orders", "buyers", "aov")


def _bought_instead(store: JourneyStore, metric: str, by: str) -> tuple[str, str] | None:
    """(the buying rate whose numerator counts the sales, its noun) when no orders are loaded
    but purchase events are, asked by month: None otherwise (the usual refusal)."""
    caps = capabilities(store)
    if metric not in _SALES or by != "month" or caps.has("orders") or not caps.has("purchase_events"):
        return None
    return ("session_conversion", "web sessions") if caps.has("session_purchases") else \
        ("purchase_conversion", "customers")


def _bought_counts(out: pd.DataFrame, noun: str, numbers: Any) -> str:
    """The month-by-month count that bought (the rate's numerator), most first."""
    rows = out[out["n"] > 0]
    bought = [(str(r.label), round(float(r.value) * int(r.n))) for r in rows.itertuples() if pd.notna(r.value)]
    bought.sort(key=lambda b: -b[1])
    listed = ", ".join(f"{name} {numbers.number(k)}" for name, k in bought)
    top = f"; most: {bought[0][0]}" if bought else ""
    return f"{noun} that bought, by month: {listed}{top}"


_PEOPLE_TOTAL = ("; a day's (hour's) value is the different customers that day (hour), so the average is how "
                 "many come on such a day, and the total is the different customers over the whole period "
                 "(one who came on three Mondays counts once)")


def _overall(s: MetricSpec, series: pd.DataFrame, rows: pd.DataFrame | None, q: float,
             out: pd.DataFrame) -> tuple[float | None, int]:
    """The KPI over the whole period and its n, from the rows the buckets were made of: numerators
    over denominators of every occurrence (never a mean of the buckets' rates), the quantile of
    every row behind a median, the sum of a count."""
    if s.kind == "total":
        return float(out["total"].sum()), int(out["n"].sum())
    if s.kind == "quantile":
        if rows is None or rows.empty:
            return None, 0
        return float(rows["value"].quantile(q)), len(rows)
    num, den = float(series["num"].sum()), float(series["den"].sum())
    return (num / den if den > 0 else None), int(den)


def _hour_checks(con: object, frame: kpi_frame.Frame, table: str, column: str,
                 granularity: str) -> tuple[list[str], tuple[int, int]]:
    """Refuse a table dated by day only; name a pile of rows at exactly midnight. Also the first
    and last local hour with rows: hours outside them are not covered by the data (an export
    taken at 14:00 says nothing about that evening), so they are no zero hours."""
    where = f'"{column}" >= $start AND "{column}" < $end'
    local = f"(epoch_us(\"{column}\") + {kpi_frame.utc_offset_case(column, frame.start, frame.end)})"
    [r] = kpi_frame.run_records(con, f"SELECT count(*) AS n, count_if({local} % {86_400_000_000} = 0) AS midnight, "  # type: ignore[arg-type]
                                     f"min({local} // 3600000000) AS lo, max({local} // 3600000000) AS hi "
                                     f'FROM "{table}" WHERE {where}', frame)
    n, midnight = int(r["n"]), int(r["midnight"] or 0)
    if granularity == "day" or (n and midnight == n):
        raise NoDataError(f"The {TABLE_NOUNS[table]} have dates but no time of day ({table}.{column} is at "
                          f"00:00 on all {n:,} rows in the period), so they cannot say which hour they came "
                          "in; by weekday or month can be answered.")
    notes = []
    if n and midnight / n > 0.2:
        notes.append(f"{midnight:,} of {n:,} {TABLE_NOUNS[table]} are at exactly 00:00, which is usually a date "
                     "without a time: the 00:00 hour is inflated by them")
    return notes, (int(r["lo"]), int(r["hi"]))


def _verdict(out: pd.DataFrame, kind: str, unit: str,
             missing_months: bool = False) -> tuple[str, str | None, str | None, str | None]:
    """(clear | tied | noise | few | flat, highest, lowest, runner-up): noise when even the
    highest and the lowest differ by less than chance would make them; tied when the highest
    does not stand clear of the next one. With `missing_months` (month-dated data by month) a
    month with no rows may be missing from the export: it is no quietest month (lane real29b:
    "which month had the fewest visitors?" named UCI's April, which the export leaves out)."""
    pts = out if kind == "total" and not missing_months else out[(out["n"] > 0) & out["value"].notna()]
    if len(pts) < 2:
        return "few", None, None, None
    ranked = pts.sort_values("value", ascending=False, kind="stable")
    hi, second, lo = ranked.iloc[0], ranked.iloc[1], ranked.iloc[-1]
    names = str(hi["label"]), str(lo["label"]), str(second["label"])
    if hi["value"] == lo["value"]:
        return "flat", *names
    closed = kind == "total" and lo["value"] == 0  # a day with none at all is no sampling accident
    if unit != "rate" and not closed and min(hi["with_data"], lo["with_data"]) < _MIN_OCCURRENCES:
        return "few", *names

    def apart(a: pd.Series, b: pd.Series) -> bool:
        se = np.sqrt(np.nan_to_num(a["se"]) ** 2 + np.nan_to_num(b["se"]) ** 2)
        return bool(a["value"] - b["value"] > _Z * se)

    if not apart(hi, lo):
        return "noise", *names
    return ("clear" if apart(hi, second) else "tied"), *names
