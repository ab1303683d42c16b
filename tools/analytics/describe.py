"""What is in the store: tables, date coverage, stages, touchpoints, channels, gaps; the
business profile in use (and what was only assumed, with how to change it, and what the data
suggests); and what the loaded data can and cannot answer, with the reason.

The agent reads this before answering, and `journeybot demo` prints it as the overview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import astuple, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tools.analytics.capabilities import (
    AnalysisAvailability,
    MetricAvailability,
    availability_frame,
    capabilities,
)
from tools.analytics.profile_hints import HOW, ProfileAdvice, profile_advice
from tools.core.money import Localised, NumberFormat
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import STAGES
from tools.core.text import count, counted, pct
from tools.data import spans
from tools.data.schema import TABLES
from tools.data.store import JourneyStore

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class TableSummary:
    table: str
    rows: int
    first_day: dt.date | None
    last_day: dt.date | None
    missing: dict[str, float]  # column -> share of rows empty (only columns with gaps)
    granularity: str = "time"  # time, day or month (tools/data/spans.py)
    later_rows: int = 0  # rows dated after the last load (kept with allow_future)
    later_until: dt.date | None = None
    # A few rows far before the bulk (a stray 2011 ticket in a 2017 export): first_day is where
    # the bulk starts, and these say what lies before it (see _strays).
    stray_rows: int = 0
    stray_first: dt.date | None = None
    stray_last: dt.date | None = None

    def stray_text(self, nf: NumberFormat | None = None) -> str:
        """"1 ticket from 2011-05-03; the rest from 2017-10-01", or ""."""
        nf = nf or NumberFormat()
        if not self.stray_rows:
            return ""
        one, many = _NOUNS.get(self.table, (self.table, self.table))
        noun = one if self.stray_rows == 1 else many
        when = (f"from {self.stray_first}" if self.stray_first == self.stray_last
                else f"from {self.stray_first} to {self.stray_last}")
        assert self.first_day is not None and self.stray_last is not None
        gap = (self.first_day - self.stray_last).days
        that = "that one" if self.stray_rows == 1 else f"those {nf.number(self.stray_rows)}"
        return (f"{nf.number(self.stray_rows)} {noun} {when}; the rest from {self.first_day} on. The {self.table} "
                f"are shown from {self.first_day}: {that} lie{'s' if self.stray_rows == 1 else ''} "
                f"{counted(gap, 'day', nf)} before the rest")


@dataclass(frozen=True)
class StageCount:
    stage: str
    events: int
    customers: int  # customers with an event at the stage


@dataclass(frozen=True)
class TouchpointCount:
    touchpoint: str
    stage: str
    online: bool | None  # None: the events do not say
    events: int
    customers: int


@dataclass(frozen=True)
class ChannelCount:
    channel: str  # "(none)" for events without one
    events: int
    customers: int


@dataclass(frozen=True)
class DataDescription(Localised, ResultMixin):
    tables: list[TableSummary]
    as_of: dt.date | None
    first_day: dt.date | None
    timezone: str
    customers: int
    customers_with_events: int
    customers_with_orders: int
    unknown_event_customers: int
    stage_rows: tuple[StageCount, ...]  # in journey order
    touchpoint_rows: tuple[TouchpointCount, ...]  # most events first
    channel_rows: tuple[ChannelCount, ...]  # most events first
    notes: tuple[str, ...]
    provenance: Provenance = field(repr=False)
    # Which KPIs the data can answer, and why not (tools/analytics/capabilities.py)
    kpi_rows: tuple[MetricAvailability, ...] = field(default=(), repr=False)
    # Which analyses it can run
    analysis_rows: tuple[AnalysisAvailability, ...] = field(default=(), repr=False)
    profile: ProfileAdvice | None = field(default=None, repr=False)
    locale: str | None = None  # how the business writes numbers (its profile's)
    # The year a recipe put on dates whose export has none (UCI shoppers: months only)
    assumed_year: int | None = None
    JSON_NAMES: ClassVar[dict[str, str]] = {"stage_rows": "stages", "touchpoint_rows": "touchpoints",
                                            "channel_rows": "channels", "kpi_rows": "kpis",
                                            "analysis_rows": "analyses"}

    # The same tables as frames, for the agent, the tour and exports: pandas loads the first time
    # one is read, never for `journeybot describe`'s text (tests/bot/test_cli_start.py).
    @functools.cached_property
    def stages(self) -> pd.DataFrame:
        return _frame(self.stage_rows, ["stage", "events", "customers"])

    @functools.cached_property
    def touchpoints(self) -> pd.DataFrame:
        return _frame(self.touchpoint_rows, ["touchpoint", "stage", "online", "events", "customers"])

    @functools.cached_property
    def channels(self) -> pd.DataFrame:
        return _frame(self.channel_rows, ["channel", "events", "customers"])

    @functools.cached_property
    def kpis(self) -> pd.DataFrame:
        return availability_frame(self.kpi_rows)

    @functools.cached_property
    def analyses(self) -> pd.DataFrame:
        return availability_frame(self.analysis_rows)

    @property
    def is_empty(self) -> bool:
        return all(t.rows == 0 for t in self.tables)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            [
                {"table": t.table, "rows": t.rows, "first_day": t.first_day, "last_day": t.last_day,
                 "columns_with_gaps": ", ".join(f"{c} {p:.0%}" for c, p in t.missing.items())}
                for t in self.tables
            ]
        )

    def _profile_text(self) -> list[str]:
        if self.profile is None:
            return []
        lines = ["", f"Business profile (change it with {HOW}):"]
        lines += [f"  {line}" for line in self.profile.lines]
        lines += [f"  Assumed: {a}" for a in self.profile.assumed]
        lines += [f"  Suggested by the data: {s}" for s in self.profile.suggestions]
        return lines

    def _answers_text(self) -> list[str]:
        if not self.analysis_rows:
            return []
        can = [r for r in self.analysis_rows if r.available]
        cannot = [r for r in self.analysis_rows if not r.available]
        kpis_ok = [r for r in self.kpi_rows if r.available]
        # KPIs that cannot be answered, grouped by reason in the order reasons first appear.
        kpis_no: dict[str, list[str]] = {}
        for r in self.kpi_rows:
            if not r.available:
                kpis_no.setdefault(r.reason, []).append(r.label)
        lines = ["", "What this data can answer:"]
        lines += [f"  - {r.label}" for r in can]
        if kpis_ok:
            lines.append(f"  - KPIs ({len(kpis_ok)} of {len(self.kpi_rows)}): " + ", ".join(r.label for r in kpis_ok))
        if cannot or kpis_no:
            lines.append("What it cannot answer, and why:")
            lines += [f"  - {r.label}: {r.reason}" for r in cannot]
            lines += [f"  - {', '.join(labels)}: {reason}" for reason, labels in kpis_no.items()]
        return lines

    def to_text(self) -> str:
        if self.is_empty:
            return "The journey store is empty. Load data with `journeybot ingest` or `journeybot demo`."
        lines, nf = [], self.numbers
        dated = [t for t in self.tables if t.table in ("events", "orders") and t.rows]
        if self.first_day and self.as_of and dated and all(t.granularity == "month" for t in dated):
            # Every row on the 1st of its month (UCI's sessions): "2017-02-01 to 2017-12-01 (304
            # days)" left out December's 30 other days and claimed a daily span the data lacks.
            first, last = self.first_day, self.as_of
            months = (last.year - first.year) * 12 + last.month - first.month + 1
            year = (f"; the export has no year: {self.assumed_year} is assumed"
                    if self.assumed_year else "")
            lines.append(f"Data from {first:%b %Y} to {last:%b %Y} ({counted(months, 'month', nf)}, dated by "
                         f"month only, {self.timezone}{year}).")
        elif self.first_day and self.as_of:
            days = (self.as_of - self.first_day).days + 1
            lines.append(f"Data from {self.first_day} to {self.as_of} ({counted(days, 'day', nf)}, {self.timezone}).")
        journeys = [t for t in self.tables if t.table in ("events", "orders") and t.rows]
        texts = [t for t in self.tables if t.table in ("surveys", "tickets") and t.rows]
        if not journeys and texts:
            # A survey or support export alone (UCI's sentences, twcs): "0 customers; 0 with
            # journey events, 0 with orders" read as an empty shop; say what is there instead.
            held = " and ".join(f"{count(t.rows, nf)} {_NOUNS.get(t.table, (t.table, t.table))[t.rows != 1]}"
                                for t in texts)
            who = (f"from {counted(self.customers, 'customer', nf)}" if self.customers
                   else "none of them tied to a customer")
            lines.append(f"{held[0].upper()}{held[1:]}, {who}; no journey events or orders are loaded.")
        elif self.unknown_event_customers:
            # REES46 read "9 customers; 330 with journey events": the customers table holds only
            # the buyers, and the headline counted it as if it were everyone.
            seen = self.customers + self.unknown_event_customers
            lines.append(
                f"{counted(seen, 'customer', nf)} seen: {count(self.customers_with_events, nf)} with journey "
                f"events, {count(self.customers_with_orders, nf)} with orders; "
                f"{count(self.customers, nf)} of them in the customers table.")
        else:
            lines.append(
                f"{counted(self.customers, 'customer', nf)}; {count(self.customers_with_events, nf)} with "
                f"journey events, {count(self.customers_with_orders, nf)} with orders."
            )
        lines.append("")
        lines.append(f"{'table':<10} {'rows':>11}  {'from':<10}  {'to':<10}  gaps")
        for t in self.tables:
            gaps = ", ".join(f"{c} {pct(p, 0, nf)}" for c, p in list(t.missing.items())[:4]) or "-"
            lines.append(
                f"{t.table:<10} {count(t.rows, nf):>11}  {str(t.first_day or '-'):<10}  "
                f"{str(t.last_day or '-'):<10}  {gaps}"
            )
        for t in self.tables:
            if t.rows > 1 and t.first_day is not None and t.first_day == t.last_day:
                lines.append(f"Note: all {count(t.rows, nf)} {t.table} are dated {t.first_day}: the data has no dates "
                             "to tell periods apart")
            elif t.granularity == "month" and t.rows:
                lines.append(f"Note: the {t.table} are dated by month only (every row is on the 1st of a month): "
                             "periods such as 'last 7 days' are read as whole months")
            if t.stray_rows:
                lines.append(f"Note: {t.stray_text(nf)}")
            if t.later_rows:
                lines.append(f"Note: {count(t.later_rows, nf)} {t.table} {'is' if t.later_rows == 1 else 'are'} "
                             f"dated after they were loaded (up to "
                             f"{t.later_until}); they are kept but do not count as the last day of data")
        if self.stage_rows:
            lines.append("")
            lines.append("Journey stages (events, customers reaching it):")
            for r in self.stage_rows:
                lines.append(f"  {r.stage:<14} {count(r.events, nf):>10}  {count(r.customers, nf):>8}")
        if self.touchpoint_rows:
            # A touchpoint whose events do not say (online is NULL) counts as online.
            offline = [r.touchpoint for r in self.touchpoint_rows if r.online is False]
            lines.append("")
            lines.append(
                f"{counted(len(self.touchpoint_rows), 'touchpoint', nf)} ({len(offline)} offline: "
                + (", ".join(offline[:6]) or "none")
                + ")"
            )
        if self.channel_rows:
            top = ", ".join(
                f"{r.channel} {count(r.events, nf)}" for r in self.channel_rows[:8]
            )
            lines.append(f"Channels by events: {top}")
        lines += self._profile_text()
        lines += self._answers_text()
        for note in self.notes:
            lines.append(f"Note: {note}")
        return "\n".join(lines)


def describe_data(store: JourneyStore) -> DataDescription:
    """Summarise the store: coverage, row counts, stages, touchpoints, channels, gaps."""
    summaries: list[TableSummary] = []
    notes: list[str] = []
    with store.connect() as con:
        dated = spans.spans(con)
        for t in TABLES.values():
            tc = t.time_column
            cols = [c.name for c in t.columns if c.name != "source"]
            aggs = ", ".join(f'count("{c}")' for c in cols)
            time_sql = f', min("{tc}")::DATE, max("{tc}")::DATE' if tc else ", NULL, NULL"
            row = con.execute(f'SELECT count(*){time_sql}, {aggs} FROM "{t.name}"').fetchone()
            assert row is not None
            n = int(row[0])
            missing = {}
            if n:
                for c, filled in zip(cols, row[3:], strict=True):
                    share = 1 - int(filled) / n
                    if share > 0:
                        missing[c] = share
            span = dated.get(t.name)
            first, last = (span.first_day, span.last_day) if span is not None else (row[1], row[2])
            summaries.append(TableSummary(
                t.name, n, first, last, dict(sorted(missing.items(), key=lambda kv: -kv[1])),
                span.granularity if span is not None else "time",
                span.later_rows if span is not None else 0, span.later_until if span is not None else None))
            if tc and n:
                strays = _strays(con, t.name, tc)
                if strays is not None:
                    summaries[-1] = dataclasses.replace(summaries[-1], first_day=strays[3], stray_rows=strays[0],
                                                        stray_first=strays[1], stray_last=strays[2])
        # Tuples, not frames: a few dozen rows, and no pandas import for `journeybot describe`.
        stages = [StageCount(*r) for r in con.execute(
            "SELECT stage, count(*) AS events, count(DISTINCT customer_id) AS customers "
            "FROM events GROUP BY stage"
        ).fetchall()]
        touchpoints = tuple(TouchpointCount(*r) for r in con.execute(
            "SELECT touchpoint, any_value(stage) AS stage, bool_and(online) AS online, "
            "count(*) AS events, count(DISTINCT customer_id) AS customers "
            "FROM events GROUP BY touchpoint ORDER BY events DESC"
        ).fetchall())
        channels = tuple(ChannelCount(*r) for r in con.execute(
            "SELECT coalesce(channel, '(none)') AS channel, count(*) AS events, "
            "count(DISTINCT customer_id) AS customers FROM events GROUP BY 1 ORDER BY events DESC"
        ).fetchall())
        customers, with_events, with_orders, unknown = con.execute(
            """SELECT (SELECT count(*) FROM customers),
                      (SELECT count(DISTINCT customer_id) FROM events),
                      (SELECT count(DISTINCT customer_id) FROM orders),
                      (SELECT count(DISTINCT e.customer_id) FROM events e
                        WHERE e.customer_id NOT IN (SELECT customer_id FROM customers))"""
        ).fetchone()  # type: ignore[misc]
    order = {s: i for i, s in enumerate(STAGES)}
    # Journey order; a stage outside the six (none should be) after them, as it came.
    stages = sorted(stages, key=lambda r: order.get(r.stage, len(order)))
    days = [d for t in summaries for d in (t.first_day, t.last_day) if d and t.table in ("events", "orders")]
    # A support desk or a survey export with neither (twcs) is dated by its tickets and answers,
    # as its digest is (JourneyStore.digest_day); the header said nothing of its dates.
    days = days or [d for t in summaries for d in (t.first_day, t.last_day) if d and t.table in ("tickets", "surveys")]
    first_day, as_of = (min(days), max(days)) if days else (None, None)
    by_name = {t.table: t for t in summaries}
    if unknown:
        notes.append(f"{counted(int(unknown), 'customer', store.profile.numbers)} "
                     f"{'appears' if int(unknown) == 1 else 'appear'} in events but not in the customers table")
    missing_stages = [s for s in STAGES if s not in {r.stage for r in stages}] if stages else []
    if missing_stages and by_name["events"].rows:
        notes.append("no events at stage(s): " + ", ".join(missing_stages))
    empty = all(t.rows == 0 for t in summaries)
    caps = capabilities(store)
    kpis = caps.metric_rows() if not empty else ()
    analyses = caps.analysis_rows() if not empty else ()
    advice = profile_advice(store, as_of) if not empty else None
    prov = Provenance(
        tool="describe_data",
        definition="row counts, first and last day, and empty values per column of every table; "
        "events grouped by stage, touchpoint and channel",
        tables=tuple(TABLES),
        row_counts={t.table: t.rows for t in summaries},
    )
    return DataDescription(
        tables=summaries,
        as_of=as_of,
        first_day=first_day,
        timezone=store.timezone,
        customers=int(customers),
        customers_with_events=int(with_events),
        customers_with_orders=int(with_orders),
        unknown_event_customers=int(unknown),
        stage_rows=tuple(stages),
        touchpoint_rows=touchpoints,
        channel_rows=channels,
        notes=tuple(notes),
        provenance=prov,
        kpi_rows=kpis,
        analysis_rows=analyses,
        profile=advice,
        locale=store.profile.numbers.locale,
        assumed_year=store.profile.assumed_year,
    )


# A table's first rows are strays when a handful of them (at most STRAY_MAX_ROWS, and under
# STRAY_SHARE of the table) lie more than STRAY_GAP_DAYS before the next dated row: one ticket
# from 2011 in an export of 2017 support conversations is not the start of the data. Olist's 72
# orders of autumn 2016, 75 days before the rest, are a real first season, not a stray.
STRAY_SHARE = 0.01
STRAY_MAX_ROWS = 20
STRAY_GAP_DAYS = 60
_NOUNS = {"customers": ("customer first seen", "customers first seen"), "events": ("event", "events"), "orders": ("order", "orders"),
          "surveys": ("survey answer", "survey answers"), "tickets": ("ticket", "tickets")}


def _strays(con: Any, table: str, col: str) -> tuple[int, dt.date, dt.date, dt.date] | None:
    """(rows before the bulk, their first and last day, the bulk's first day), or None. The bulk
    starts after the latest gap of more than STRAY_GAP_DAYS days with no more than STRAY_MAX_ROWS
    rows, and under STRAY_SHARE of them, before it. Days are local, as spans.py counts them."""
    row = con.execute(f"""
        WITH d AS (SELECT "{col}"::DATE AS day, count(*) AS n FROM "{table}" WHERE "{col}" IS NOT NULL GROUP BY 1),
        c AS (SELECT day, sum(n) OVER (ORDER BY day) AS before, lead(day) OVER (ORDER BY day) AS nxt,
                     sum(n) OVER () AS total, min(day) OVER () AS first FROM d)
        SELECT CAST(before AS BIGINT), first, day, nxt FROM c
        WHERE nxt - day > {STRAY_GAP_DAYS} AND before < {STRAY_SHARE} * total AND before <= {STRAY_MAX_ROWS}
        ORDER BY day DESC LIMIT 1""").fetchone()
    return None if row is None else (int(row[0]), row[1], row[2], row[3])


def stray_note(store: JourneyStore, table: str) -> tuple[dt.date, str] | None:
    """(lane real28b) Where a dated table's bulk starts and describe's note on the few rows before
    it, so the App Home's coverage line says what `journeybot describe` says; None: no strays."""
    col = spans.DATED.get(table) or TABLES[table].time_column
    if not col:
        return None
    with store.connect() as con:
        strays = _strays(con, table, col)
    if strays is None:
        return None
    summary = TableSummary(table, strays[0], strays[3], None, {}, stray_rows=strays[0],
                           stray_first=strays[1], stray_last=strays[2])
    return strays[3], summary.stray_text(store.profile.numbers)


def _frame(rows: tuple[Any, ...], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([astuple(r) for r in rows], columns=columns)
