"""What is in the store: tables, date coverage, stages, touchpoints, channels, gaps.

The agent reads this before answering, and `journeybot demo` prints it as the overview.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from tools.core.results import Provenance, ResultMixin
from tools.core.stages import STAGES
from tools.data.schema import TABLES
from tools.data.store import JourneyStore


@dataclass(frozen=True)
class TableSummary:
    table: str
    rows: int
    first_day: dt.date | None
    last_day: dt.date | None
    missing: dict[str, float]  # column -> share of rows empty (only columns with gaps)


@dataclass(frozen=True)
class DataDescription(ResultMixin):
    tables: list[TableSummary]
    as_of: dt.date | None
    first_day: dt.date | None
    timezone: str
    customers: int
    customers_with_events: int
    customers_with_orders: int
    unknown_event_customers: int
    stages: pd.DataFrame  # stage, events, customers
    touchpoints: pd.DataFrame  # touchpoint, stage, online, events, customers
    channels: pd.DataFrame  # channel, events, customers
    notes: tuple[str, ...]
    provenance: Provenance = field(repr=False)
    # metric, label, available, reason: which KPIs the data can answer (tools/analytics/kpis.py)
    kpis: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    @property
    def is_empty(self) -> bool:
        return all(t.rows == 0 for t in self.tables)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {"table": t.table, "rows": t.rows, "first_day": t.first_day, "last_day": t.last_day,
                 "columns_with_gaps": ", ".join(f"{c} {p:.0%}" for c, p in t.missing.items())}
                for t in self.tables
            ]
        )

    def to_text(self) -> str:
        if self.is_empty:
            return "The journey store is empty. Load data with `journeybot ingest` or `journeybot demo`."
        lines = []
        if self.first_day and self.as_of:
            days = (self.as_of - self.first_day).days + 1
            lines.append(f"Data from {self.first_day} to {self.as_of} ({days} days, {self.timezone}).")
        lines.append(
            f"{self.customers:,} customers; {self.customers_with_events:,} with journey events, "
            f"{self.customers_with_orders:,} with orders."
        )
        lines.append("")
        lines.append(f"{'table':<10} {'rows':>11}  {'from':<10}  {'to':<10}  gaps")
        for t in self.tables:
            gaps = ", ".join(f"{c} {p:.0%}" for c, p in list(t.missing.items())[:4]) or "-"
            lines.append(
                f"{t.table:<10} {t.rows:>11,}  {str(t.first_day or '-'):<10}  "
                f"{str(t.last_day or '-'):<10}  {gaps}"
            )
        if len(self.stages):
            lines.append("")
            lines.append("Journey stages (events, customers reaching it):")
            for r in self.stages.itertuples():
                lines.append(f"  {r.stage:<14} {r.events:>10,}  {r.customers:>8,}")
        if len(self.touchpoints):
            offline = self.touchpoints[~self.touchpoints["online"].fillna(True)]
            lines.append("")
            lines.append(
                f"{len(self.touchpoints)} touchpoints ({len(offline)} offline: "
                + (", ".join(offline["touchpoint"].head(6)) or "none")
                + ")"
            )
        if len(self.channels):
            top = ", ".join(
                f"{r.channel} {r.events:,}" for r in self.channels.head(8).itertuples()
            )
            lines.append(f"Channels by events: {top}")
        if len(self.kpis) and not self.kpis["available"].all():
            missing = self.kpis[~self.kpis["available"]]
            lines.append("KPIs the data cannot answer: " + "; ".join(
                f"{r.metric} ({r.reason})" for r in missing.itertuples()))
        for note in self.notes:
            lines.append(f"Note: {note}")
        return "\n".join(lines)


def describe_data(store: JourneyStore) -> DataDescription:
    """Summarise the store: coverage, row counts, stages, touchpoints, channels, gaps."""
    summaries: list[TableSummary] = []
    notes: list[str] = []
    with store.connect() as con:
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
            summaries.append(TableSummary(t.name, n, row[1], row[2], dict(
                sorted(missing.items(), key=lambda kv: -kv[1]))))
        stages = con.execute(
            "SELECT stage, count(*) AS events, count(DISTINCT customer_id) AS customers "
            "FROM events GROUP BY stage"
        ).df()
        touchpoints = con.execute(
            "SELECT touchpoint, any_value(stage) AS stage, bool_and(online) AS online, "
            "count(*) AS events, count(DISTINCT customer_id) AS customers "
            "FROM events GROUP BY touchpoint ORDER BY events DESC"
        ).df()
        channels = con.execute(
            "SELECT coalesce(channel, '(none)') AS channel, count(*) AS events, "
            "count(DISTINCT customer_id) AS customers FROM events GROUP BY 1 ORDER BY events DESC"
        ).df()
        customers, with_events, with_orders, unknown = con.execute(
            """SELECT (SELECT count(*) FROM customers),
                      (SELECT count(DISTINCT customer_id) FROM events),
                      (SELECT count(DISTINCT customer_id) FROM orders),
                      (SELECT count(DISTINCT e.customer_id) FROM events e
                        WHERE e.customer_id NOT IN (SELECT customer_id FROM customers))"""
        ).fetchone()  # type: ignore[misc]
    order = {s: i for i, s in enumerate(STAGES)}
    stages = stages.sort_values("stage", key=lambda s: s.map(order)).reset_index(drop=True)
    days = [d for t in summaries for d in (t.first_day, t.last_day) if d and t.table in ("events", "orders")]
    first_day, as_of = (min(days), max(days)) if days else (None, None)
    by_name = {t.table: t for t in summaries}
    if by_name["surveys"].rows == 0:
        notes.append("no surveys loaded: NPS, CSAT and feedback themes are not available")
    if by_name["tickets"].rows == 0:
        notes.append("no support tickets loaded: response and resolution times are not available")
    if by_name["events"].rows == 0:
        notes.append("no events loaded: funnels and paths are not available")
    if unknown:
        notes.append(f"{int(unknown):,} customers appear in events but not in the customers table")
    missing_stages = [s for s in STAGES if s not in set(stages["stage"])] if len(stages) else []
    if missing_stages and by_name["events"].rows:
        notes.append("no events at stage(s): " + ", ".join(missing_stages))
    from tools.analytics.kpis import metric_availability

    kpis = metric_availability(store) if not all(t.rows == 0 for t in summaries) else pd.DataFrame()
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
        stages=stages,
        touchpoints=touchpoints,
        channels=channels,
        notes=tuple(notes),
        provenance=prov,
        kpis=kpis,
    )
