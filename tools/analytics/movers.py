"""Which group (channel, segment, city, ...) moved a KPI most between two periods, and how much
of the overall change each explains.

    top_movers(store, MoversParams(metric="revenue", by="channel")) -> MoversResult

Each group's value in both periods comes from the same SQL as the headline KPIs
(tools/analytics/kpi_sql.py) grouped by the breakdown value; the periods are chosen as in
tools/analytics/compare.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics import kpi_frame
from tools.analytics.capabilities import capabilities
from tools.analytics.compare import resolve_against
from tools.analytics.filters import DIMENSION_LABELS, UNKNOWN_GROUP, Dimension, Filters
from tools.analytics.group_gaps import (
    GroupGap,
    group_gap,
    held_of,
    held_sql,
    require_personas,
    shown,
    word,
)
from tools.analytics.kpi_catalog import (
    ARROWS,
    SPECS,
    Metric,
    MetricSpec,
    Money,
    assessment,
    direction,
    format_change,
    format_value,
    normalize_metric,
)
from tools.analytics.kpi_result import who_text as _who_text
from tools.analytics.kpi_scope import (
    UNDATED_FAMILIES,
    KpiSettings,
    Rows,
    _f,
    describe_definition,
    kpi_values,
    metric_table,
    no_data,
    open_scope,
    rows_for,
    rows_of,
    snapshot,
)
from tools.analytics.periods import Period, provenance_period
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted, text_table
from tools.data.store import JourneyStore

__all__ = ["MoversParams", "MoversResult", "top_movers"]


class MoversParams(BaseModel):
    """Which segment, channel or other group moved a KPI most between two periods, and how
    much of the overall change each group explains.

    Examples:
    - "Which channel drove the change in revenue this month?" ->
      {"metric": "revenue", "by": "channel", "period": {"name": "this_month"}}
    - "Why did conversion drop this week? Any segment in particular?" ->
      {"metric": "purchase_conversion", "by": "segment", "period": {"name": "this_week"}}
    - "Which cities got unhappier in the last 30 days?" -> {"metric": "csat", "by": "city"}
    - "Revenue by town last month" or "delivery time in Clifton vs Redland" (each group's own
      value, not a change) -> {"metric": "revenue", "by": "city", "rank": "value"}
    """

    model_config = ConfigDict(extra="forbid")

    metric: Metric = Field(description="The KPI whose change to explain.")

    _alias = field_validator("metric", mode="before")(lambda cls, v: normalize_metric(v))
    by: Dimension = Field(default="channel", description="Group customers by this dimension "
                          "(channel = first-touch channel).")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="The period to look at.")
    against: Period | None = Field(default=None, description="The period to compare with; "
                                   "default: the one before.")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    min_n: int | None = Field(default=None, ge=1, le=1_000_000, description="Ignore groups with "
                              "fewer than this many in both periods (default from config, 30).")
    top: int = Field(default=5, ge=1, le=50, description="How many groups to list.")
    rank: Literal["change", "value"] = Field(
        default="change", description="change: the groups that moved the KPI most (small groups "
        "left out); value: each group's own value this period, highest first, small groups "
        "listed and marked (for 'revenue by town', 'which area orders most', 'A vs B').")
    churn_window_days: int | None = Field(default=None, ge=7, le=730,
                                          description="Churn window in days (default from config).")
    cart_window_hours: int | None = Field(default=None, ge=1, le=168,
                                          description="Cart window in hours (default from config).")


@dataclass(frozen=True)
class MoversResult(Priced, ResultMixin):
    metric: str
    label: str
    by: str
    current: float | None
    previous: float | None
    change: float | None
    groups: pd.DataFrame  # group, current, previous, change, n_current, n_previous,
    #   share_current, share_previous, contribution, rate_effect, mix_effect, small, thin
    #   (sorted: biggest mover first; groups small in both periods last)
    top: int
    min_n: int
    currency: str
    current_label: str
    previous_label: str
    provenance: Provenance = field(repr=False)
    locale: str | None = None
    rank: str = "change"
    gap: GroupGap | None = None  # the rows with no value for `by` (all of them: no split)

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    @property
    def movers(self) -> pd.DataFrame:
        """The ranked groups big enough to count, at most `top` of them (ranked by value: the
        top groups whatever their size, since the owner asked for each group's level)."""
        if self.rank == "value":
            return self.groups.head(self.top)
        return self.groups[~self.groups["small"]].head(self.top)

    def to_text(self, details: bool = False) -> str:
        if self.rank == "value":
            return self._levels_text(details)
        s = SPECS[self.metric]
        dim = DIMENSION_LABELS.get(self.by, self.by)
        lines = [f"What moved {self.label}, by {dim}: {self.current_label} vs {self.previous_label}"
                 f"{_who_text(self.provenance.filters)}"]
        overall = (f"Overall {format_value(s, self.previous, self.numbers)} -> "
                   f"{format_value(s, self.current, self.numbers)}")
        if direction(self.change, s) is not None:
            overall += f" ({change_phrase(s, self.change, self.numbers)})"
        lines += [overall, ""]
        movers = self.movers
        if self.gap is not None and self.gap.empty:  # one "(unknown)" group is no split
            lines += [self.gap.note(self.numbers), "", self.provenance.to_text(details)]
            return "\n".join(lines)
        if movers.empty:
            lines.append("No group is big enough in both periods to rank.")
        else:
            has_contrib = s.kind != "quantile"
            # columns as wide as their widest cell: R$ 132.392,81 is 13 characters and ran into
            # the next column at a fixed 12
            # the split as the owner says it ("first-touch channel", "age band"), not its code name
            header = [word(self.by), "now", "before", "change", "n now"] + (["contribution"] if has_contrib else []) + [""]
            rows = []
            for r in movers.itertuples():
                dd = direction(_f(r.change), s)
                change = f"{ARROWS[dd]} {format_change(s, _f(r.change), self.numbers)}" if dd else "-"
                rows.append([shown(r.group, self.by), format_value(s, _f(r.current), self.numbers),
                             format_value(s, _f(r.previous), self.numbers), change, self.numbers.number(r.n_current)]
                            + ([format_change(s, _f(r.contribution), self.numbers)] if has_contrib else [])
                            + ["*" if r.thin else ""])
            lines += text_table(header, rows)
            if movers["thin"].any():
                lines.append(f"* fewer than {self.min_n} in one of the periods: its own change is uncertain")
        small = self.groups[self.groups["small"]]
        if len(small):
            lines.append(f"{counted(len(small), 'group')} with fewer than {self.min_n} in both periods left out "
                         "of the ranking.")
            if movers.empty:  # say what there is rather than nothing at all
                biggest = small.sort_values(["n_current", "group"], ascending=[False, True]).head(self.top)
                listed = ", ".join(f"{shown(g, self.by)} {format_value(s, _f(v), self.numbers) if n else 'no data'} (n {self.numbers.number(n)})"
                                  for g, v, n in zip(biggest["group"], biggest["current"], biggest["n_current"], strict=True))
                lines.append(f"The biggest of them now, too small to rank: {listed}.")
        lines.append("")
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)

    def _levels_text(self, details: bool) -> str:
        """Each group's own value, highest first, with the period before beside it."""
        s = SPECS[self.metric]
        dim = DIMENSION_LABELS.get(self.by, self.by)
        beside = f", with {self.previous_label} beside it" if self.previous_label else ""
        lines = [f"{self.label} by {dim}: {self.current_label}{beside}{_who_text(self.provenance.filters)}",
                 "All groups together: " + (format_value(s, self.current, self.numbers) if self.current is not None
                                            else "no data in this period"), ""]
        top = self.movers
        if self.gap is not None and self.gap.empty:  # one "(unknown)" group is no split
            lines.append(self.gap.note(self.numbers))
        elif top.empty:
            lines.append("No group has data in this period.")
        else:
            # A total's share is of the total itself (a town's part of the revenue); a rate's or
            # a median's is of the customers, orders or tickets it rests on.
            total = s.kind == "total" and bool(self.current)
            header = [word(self.by), "now", "n now", "share" if total else "of n"] + (["before"] if beside else []) + [""]
            rows = []
            for r in top.itertuples():
                part = (_f(r.current) or 0.0) / self.current if total else r.share_current
                share = "" if part is None or pd.isna(part) else self.numbers.percent(part, 0)
                now = format_value(s, _f(r.current), self.numbers) if r.n_current else "no data"
                row = [shown(r.group, self.by), now, self.numbers.number(r.n_current), share]
                if beside:  # a group with nothing the period before says so, not "-" or 0
                    row.append(format_value(s, _f(r.previous), self.numbers) if r.n_previous else "no data")
                rows.append([*row, "*" if r.n_current < self.min_n else ""])
            lines += text_table(header, rows)
            if (top["n_current"] < self.min_n).any():
                lines.append(f"* fewer than {self.min_n} now: a rough figure")
            rest = len(self.groups) - len(top)
            if rest > 0:
                lines.append(f"{counted(rest, 'more group')} not shown (ask for the top {min(50, len(self.groups))}).")
        lines.append("")
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def top_movers(store: JourneyStore, params: MoversParams,
               settings: KpiSettings | None = None) -> MoversResult:
    """Each group's value in both periods, its change and its contribution to the overall
    change; groups below the minimum size in either period are not ranked."""
    settings = settings or KpiSettings()
    s = SPECS[params.metric]
    metric = [params.metric]
    capabilities(store).require(params.metric)
    held = require_personas(store, params.by)
    table = metric_table(params.metric)
    with open_scope(store, params.period, params.filters, settings,
                    params.churn_window_days, params.cart_window_hours, table=table) as (con, scope):
        # Each group's level over all the data has no period before it: the levels alone.
        alone = params.rank == "value" and params.period.name == "all" and params.against is None
        before = scope.period if alone else resolve_against(scope, params.period, params.against)
        no_before = ""
        if params.rank != "value" and before.last_day < scope.data_start:
            # Ranked by change, not "£0.00 -> £255.00, better": the period before was never
            # measured. Each group's level now is what can be said, and the answer says why.
            no_before = (f"{before.label[0].upper()}{before.label[1:]} is before the data starts "
                         f"({scope.data_start}), so there is nothing to compare {s.label} with: each "
                         f"{DIMENSION_LABELS.get(params.by, params.by)}'s level in {scope.period.label} instead; "
                         f"the data covers {scope.data_start} to {scope.as_of}")
            params = params.model_copy(update={"rank": "value"})
            alone, before = True, scope.period
        frame = scope.frame()
        if rows_for(con, frame, table) == 0:
            raise no_data(con, scope, frame, table)
        # Orders in the period but none completed (Olist's last weeks: only cancellations) is no
        # revenue to split by group, not "R$ 0,00": said as the KPIs say it, with the latest
        # period that has them.
        need = rows_of(params.metric)
        if s.family not in UNDATED_FAMILIES and rows_for(con, frame, need) == 0:
            raise no_data(con, scope, frame, need)
        now_all, now_rows, _ = snapshot(con, scope, metric)
        then_all, then_rows, _ = (now_all.iloc[0:0], {}, None) if alone else snapshot(con, scope, metric, period=before)
        # Each customer's group is the same in both periods: find it once.
        who = kpi_frame.prepare_who(con, scope.filters, params.by)
        try:
            now_g, _, _ = snapshot(con, scope, metric, by=params.by, who=who)
            then_g = now_g.iloc[0:0] if alone else snapshot(con, scope, metric, period=before, by=params.by, who=who)[0]
            # A blank group: the splits worth offering instead are those these rows' customers have.
            blank = len(now_g) and (now_g["grp"].astype(str) == UNKNOWN_GROUP).any()
            rows_held = _held_in_rows(con, frame, need, held) if blank else held
        finally:
            kpi_frame.drop_who(con, who)
    overall_now = kpi_values(now_all, metric, settings)[0]
    overall_then = kpi_values(then_all, metric, settings)[0]
    min_n = params.min_n or settings.min_sample
    groups = movers_table(now_g, then_g, s, min_n)
    gap = group_gap(zip(groups["group"], groups["n_current"], strict=True), params.by, rows_held, s.n_label, held)
    if params.rank == "value":
        groups = _levels(groups, getattr(params.filters, params.by, None) if params.by != "persona" else None)
    change = (None if overall_now.value is None or overall_then.value is None
              else overall_now.value - overall_then.value)
    dim = DIMENSION_LABELS.get(params.by, params.by)
    how = {"rate": "share-weighted: contribution = share now x value now - share before x value "
                   "before, where share = the group's part of the denominator; it splits into a "
                   "rate effect (the group's value changed) and a mix effect (the group's share "
                   "changed), and the contributions add up to the overall change",
           "mean": "share-weighted like a rate, shares being the group's part of n",
           "total": "contribution = the group's change; contributions add up to the overall change",
           "quantile": "medians and percentiles do not add up, so groups are ranked by their own "
                       "change weighted by their share of n, with no contribution"}[s.kind]
    ranked = (f"groups ranked by their value in {scope.period.label}, highest first; groups with n "
              f"below {min_n} marked" if params.rank == "value" else
              f"{how}; groups with n below {min_n} in both periods are not ranked")
    prov = Provenance(
        tool="top_movers",
        definition=f"{s.label} per {dim} in {scope.period.label}" + ("" if alone else f" and {before.label}")
        + f"; {ranked}; "
        + describe_definition(scope, metric),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        **{**provenance_period(scope.period, params),
           "period_label": scope.period.label if alone else f"{scope.period.label} vs {before.label}"},
        tables=tuple(now_rows),
        row_counts={**{f"{k} now": v for k, v in now_rows.items()},
                    **{f"{k} before": v for k, v in then_rows.items()}},
        notes=tuple([gap.note(scope.numbers)] if gap is not None and gap.blank and not gap.empty else []) + tuple(
            ["groups overlap (a customer can be in several personas), so contributions "
                     "need not add up"] if params.by == "persona" else []) + tuple(
            n for n in (scope.period.note, no_before) if n),
    )
    return MoversResult(params.metric, s.label, params.by, overall_now.value, overall_then.value,
                        change, groups, params.top, min_n, scope.numbers.currency, scope.period.label,
                        "" if alone else before.label, prov, scope.numbers.locale, params.rank, gap)


def _held_in_rows(con: Any, frame: kpi_frame.Frame, rows: Rows, stored: tuple[str, ...]) -> tuple[str, ...]:
    """The dimensions the customers behind the period's rows have values for (for orders: the
    ordering customers), so a blank split never offers another split that is empty too."""
    ids = (f'SELECT t.customer_id FROM {rows.from_sql} t {frame.join("t")} '
           f'WHERE t."{rows.dated}" >= $start AND t."{rows.dated}" < $end AND ({rows.where})')
    return held_of(kpi_frame.run_records(con, held_sql(ids), frame)[0], stored)


def _levels(groups: pd.DataFrame, named: list[str] | None) -> pd.DataFrame:
    """Groups by their value now, highest first. A group without data now is left out unless
    the owner named it ("Clifton vs Redland": both are shown, one as no data)."""
    named = named or []
    missing = [g for g in named if g not in set(groups["group"].astype(str))]
    if missing:
        blank = pd.DataFrame({"group": missing, "n_current": 0, "n_previous": 0, "small": True, "thin": False})
        groups = pd.concat([groups, blank], ignore_index=True)
    out = groups[(groups["n_current"] > 0) | groups["group"].astype(str).isin(named)]
    return out.sort_values(["current", "n_current", "group"], ascending=[False, False, True],
                           na_position="last", kind="stable").reset_index(drop=True)


def movers_table(now: pd.DataFrame, then: pd.DataFrame, s: MetricSpec, min_n: int) -> pd.DataFrame:
    """Per group: both values, change, shares and contribution (vectorised over groups)."""
    cols = ["grp", "value", "n", "num", "den"]
    a = now[cols] if len(now) else pd.DataFrame(columns=cols)
    b = then[cols] if len(then) else pd.DataFrame(columns=cols)
    t = a.merge(b, on="grp", how="outer", suffixes=("_now", "_then")).set_index("grp")
    for c in ("n_now", "n_then"):
        t[c] = pd.to_numeric(t[c]).fillna(0).astype("int64")
    for c in ("value_now", "value_then", "num_now", "num_then", "den_now", "den_then"):
        t[c] = pd.to_numeric(t[c]).astype(float)
    if s.kind == "total":
        t["value_now"] = t["value_now"].fillna(0.0)
        t["value_then"] = t["value_then"].fillna(0.0)
    out = pd.DataFrame(index=t.index)
    out["current"] = t["value_now"]
    out["previous"] = t["value_then"]
    out["change"] = t["value_now"] - t["value_then"]
    out["n_current"] = t["n_now"]
    out["n_previous"] = t["n_then"]
    tot_now, tot_then = t["n_now"].sum(), t["n_then"].sum()
    out["share_current"] = t["n_now"] / tot_now if tot_now else np.nan
    out["share_previous"] = t["n_then"] / tot_then if tot_then else np.nan
    if s.kind in ("rate", "mean"):
        part_now = (t["num_now"].fillna(0) / tot_now) if tot_now else 0.0
        part_then = (t["num_then"].fillna(0) / tot_then) if tot_then else 0.0
        out["contribution"] = part_now - part_then
        w0, w1 = out["share_previous"].fillna(0), out["share_current"].fillna(0)
        both = t["value_now"].notna() & t["value_then"].notna()
        out["rate_effect"] = ((w0 + w1) / 2 * out["change"]).where(both, 0.0)
        out["mix_effect"] = out["contribution"] - out["rate_effect"]
        key = out["contribution"].abs()
    elif s.kind == "total":
        out["contribution"] = out["change"]
        out["rate_effect"] = np.nan
        out["mix_effect"] = np.nan
        key = out["contribution"].abs()
    else:
        out["contribution"] = np.nan
        out["rate_effect"] = np.nan
        out["mix_effect"] = np.nan
        key = (out["change"].abs() * out["share_current"].fillna(0)).fillna(0)
    # A group too small in both periods is noise; one that is big in one period only (a new
    # or a vanishing channel) is exactly what a mover can be, so it stays, marked.
    out["small"] = (out["n_current"] < min_n) & (out["n_previous"] < min_n)
    out["thin"] = ~out["small"] & ((out["n_current"] < min_n) | (out["n_previous"] < min_n))
    out["_key"] = key.fillna(0)
    out = out.reset_index(names="group")
    out = out.sort_values(["small", "_key", "group"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_key").reset_index(drop=True)


def change_phrase(s: MetricSpec, delta: float | None, currency: Money = "GBP") -> str:
    """'↓ -1.2 pp, worse', 'no change' or '' when unknown."""
    d = direction(delta, s)
    if d is None:
        return ""
    if d == "flat":
        return "no change"
    verdict = assessment(s, delta)
    text = f"{ARROWS[d]} {format_change(s, delta, currency)}"
    return text + (f", {verdict}" if verdict in ("better", "worse") else "")
