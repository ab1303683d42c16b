"""Drop-off points: where the customers who did not convert were last, ranked by how many
were lost there, next to the period before.

The rules (also in docs/METRICS.md, "Journeys", and in every result's provenance):

- The goal is a stage (purchase by default) or a touchpoint (e.g. order_placed). Events
  before the goal are those at an earlier stage and, for a touchpoint goal, the other
  touchpoints of its stage.
- A customer started a journey in the period when they had an event before the goal, or the
  goal itself, inside the period. They converted when they had a goal event in the period;
  the others were lost.
- What the business sends (email_send, receipt_email) is not a step a customer takes and is
  left out.
- A lost customer's drop-off point is their last event before the goal in the period (by
  time; events at the same moment are ordered by stage, then in the touchpoint map's order:
  visit, pages, product, cart, checkout, order), as a touchpoint
  or as a stage. Events after the goal's stage (a delivery of an older order, a review) are
  not journeys towards the goal and are left out.
- The comparison period is the one people mean: this month against last month, last 30 days
  against the 30 days before (tools/periods.previous_calendar). Nothing is compared for "all".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.coverage import short_coverage_note
from tools.analytics.filters import Filters, customers_line
from tools.analytics.named_rates import GOAL_RATE
from tools.analytics.periods import Period, ResolvedPeriod, provenance_period
from tools.analytics.scope import (
    TIE_ORDER_SQL,
    Goal,
    Scope,
    cohort_clause,
    epoch_us,
    make_scope,
    present_stages,
    previous_period,
    resolve_goal,
)
from tools.core.errors import NoDataError
from tools.core.money import Localised, NumberFormat
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import Stage
from tools.core.text import count, counted, pct, plural, points, signed, text_table, words
from tools.data.store import JourneyStore

Level = Literal["touchpoint", "stage"]
# Keeps packed keys positive for any timestamp, so that // and % take them apart again.
_EPOCH_SHIFT = 2**62


class DropoffParams(BaseModel):
    """Where the customers who did not convert (buy, by default) were last before they left,
    ranked by lost customers and compared with the period before.

    Use it for questions such as:
    - "Where do we lose people?" -> defaults (purchase, last 30 days, by touchpoint)
    - "Where did people who didn't order online drop off last month?" ->
      goal_touchpoint="order_placed", period={"name": "last_month"}
    - "At which stage do TikTok visitors give up?" -> level="stage", filters={"channel": ["tiktok"]}
    """

    model_config = ConfigDict(extra="forbid")

    period: Period = Field(
        default_factory=lambda: Period(name="last_30_days"),
        description="Whose journeys: customers with journey events in this period.",
    )
    goal_stage: Stage = Field(
        default="purchase", description="Converting means reaching this stage (default purchase)."
    )
    goal_touchpoint: str | None = Field(
        default=None,
        description="Converting means this touchpoint instead of a stage, e.g. 'order_placed'.",
    )
    level: Level = Field(
        default="touchpoint", description="Report the last touchpoint, or the last stage, before leaving."
    )
    compare: bool = Field(default=True, description="Also count the period before, for comparison.")
    filters: Filters = Field(default_factory=Filters, description="Which customers to include.")
    top: int = Field(default=10, ge=1, le=50, description="Drop-off points shown in the text.")


@dataclass(frozen=True)
class JourneyCounts:
    """Customers who started a journey in a period, and how many converted."""

    label: str
    started: int
    converted: int
    lost: int
    recent: int  # lost customers last seen in the last days of the period (recent_days)

    @property
    def conversion(self) -> float | None:
        return self.converted / self.started if self.started else None


@dataclass(frozen=True)
class DropoffResult(Localised, ResultMixin):
    goal: str  # "purchase" or "order_placed"
    goal_kind: str  # "stage" or "touchpoint"
    level: Level
    # One row per drop-off point, most lost first: point, stage, lost, share (of lost),
    # lost_previous, share_previous, change (lost - lost_previous), share_change.
    points: pd.DataFrame
    current: JourneyCounts
    previous: JourneyCounts | None
    top: int
    provenance: Provenance = field(repr=False)
    locale: str | None = None  # how the business writes numbers (its profile's)

    def to_frame(self) -> pd.DataFrame:
        return self.points

    def to_text(self) -> str:
        c, p, nf = self.current, self.previous, self.numbers
        verb = f"reach {self.goal}" if self.goal_kind == "stage" else f"get to {self.goal}"
        lines = [
            f"Where customers who did not {verb} were last: {self.provenance.period_label}",
            f"{counted(c.started, 'customer', nf)} took a step towards {self.goal}; {count(c.converted, nf)} reached it "
            f"(goal rate {pct(c.conversion, numbers=nf)}), {count(c.lost, nf)} did not.",
        ]
        if p is not None:
            lines.append(
                f"Before, {p.label}: {count(p.started, nf)} started, {count(p.converted, nf)} reached it "
                f"(goal rate {pct(p.conversion, numbers=nf)}), {count(p.lost, nf)} did not."
            )
        lines.append(GOAL_RATE.said(goal=self.goal) + ".")
        if self.provenance.filters:
            lines.append(customers_line(self.provenance.filters))
        lines.append("")
        if self.points.empty:
            lines.append("Nobody was lost: every customer who started a journey converted.")
        else:
            shown = self.points.head(self.top)
            header = [f"last {self.level}"]
            if self.level == "touchpoint":
                header.append("stage")
            header += ["lost", "share"]
            if p is not None:
                header += ["before", "change", "share change"]
            rows = []
            for r in shown.itertuples():
                row = [words(str(r.point))]
                if self.level == "touchpoint":
                    row.append(str(r.stage))
                row += [count(r.lost, nf), pct(r.share, numbers=nf)]
                if p is not None:
                    row += [count(r.lost_previous, nf), signed(int(r.change), nf), points(r.share_change, nf)]
                rows.append(row)
            lines += text_table(header, rows, left=2 if self.level == "touchpoint" else 1)
            hidden = len(self.points) - len(shown)
            if hidden > 0:
                lines.append(f"({count(hidden, nf)} more {plural('drop-off point', hidden)} with fewer customers "
                             f"{'is' if hidden == 1 else 'are'} in the table.)")
            top = self.points.iloc[0]
            lines.append("")
            lines.append(
                f"Most lost at {words(str(top.point))}: {counted(int(top.lost), 'customer', nf)} "
                f"({pct(top.share, numbers=nf)} of those lost)"
                + (f", {signed(int(top.change), nf)} on the period before." if p is not None else ".")
            )
        lines += [f"Note: {n}" for n in self.provenance.notes]
        return "\n".join(lines)


def dropoffs(store: JourneyStore, params: DropoffParams) -> DropoffResult:
    """Lost customers by their last touchpoint (or stage) before the goal (see module doc)."""
    with store.connect() as con:
        scope = make_scope(con, store.timezone, params.period, params.filters)
        goal = resolve_goal(con, params.goal_stage, params.goal_touchpoint)
        have = present_stages(con)
        if goal.nothing_before(have):
            # Everyone "started" at the goal itself: "nobody was lost" would be made up.
            raise NoDataError(
                f"Nobody can be seen dropping off before {goal.what}: the data has no events before it "
                f"(its events are at {', '.join(have) or 'no stage'}). Ask about a later goal, e.g. "
                + (f"goal_stage={have[1]!r}" if len(have) > 1 else "with data that has earlier stages")
                + ".")
        prev = previous_period(scope, params.period) if params.compare else None
        unmeasured = prev if prev is not None and prev.last_day < scope.data_first else None
        if unmeasured is not None:
            # The days before lie wholly before the first event: "0 started, 0 did not" and a
            # "+1 on the period before" per point would read as a measured quiet spell.
            prev = None
        sql, args = _dropoff_sql(goal, params.level, scope, prev)
        raw = con.execute(sql, args).df()
        short = short_coverage_note(con, scope.period)
    totals = raw[raw.kind == "total"].set_index("cur")
    if 1 not in totals.index or int(totals.loc[1, "started"]) == 0:
        outside = _outside_the_data(scope)
        if outside:
            raise NoDataError(f"{scope.period.label[0].upper()}{scope.period.label[1:]} holds no data: {outside}; "
                              "ask about days inside that span.")
        raise NoDataError(
            f"No customer started a journey towards {goal.what} in {scope.period.label}"
            + (" among the filtered customers" if not scope.cohort.is_empty else "")
            + f"; {scope.data_label}."
        )
    current = _counts(totals, 1, scope.period.label)
    previous = _counts(totals, 0, prev.label) if prev is not None else None
    table = _points(raw[raw.kind == "point"], current, previous)
    nf = store.profile.numbers
    notes = _notes(scope, prev, current, previous, nf)
    if unmeasured is not None:
        notes.insert(0, f"not compared with the period before ({unmeasured.label}): it lies before the "
                        f"data starts ({scope.data_first}), so there is nothing to compare with.")
    if short:
        notes.insert(0, short)
    rows_read = int(raw.rows_read.max())
    rule = ("an event at an earlier stage" if goal.kind == "stage"
            else f"an event at an earlier stage or another {goal.stage} touchpoint")
    prov = Provenance(
        tool="dropoffs",
        definition=(
            f"customers with {rule} than {goal.what}, or {goal.what} itself, in the period; "
            f"converted = had {goal.what} in the period; the others are lost, each counted once "
            f"at their last {params.level} before {goal.what} in the period (by time, ties by "
            "stage, then the touchpoint map's order); compared with the period before"
            if prev is not None else
            f"customers with {rule} than {goal.what}, or {goal.what} itself, in the period; "
            f"converted = had {goal.what} in the period; the others are lost, each counted once "
            f"at their last {params.level} before {goal.what} in the period"
        ),
        params=params.model_dump(mode="json"),
        filters=scope.filters.active(),
        **provenance_period(scope.period, params),
        tables=("events", "customers") if not scope.cohort.is_empty else ("events",),
        row_counts={"events": rows_read},
        notes=tuple(notes),
    )
    return DropoffResult(
        goal=goal.name, goal_kind=goal.kind, level=params.level, points=table, current=current,
        previous=previous, top=params.top, provenance=prov, locale=nf.locale,
    )


def _dropoff_sql(goal: Goal, level: Level, scope: Scope, prev: ResolvedPeriod | None) -> tuple[str, list[Any]]:
    is_goal, is_before, goal_args, before_args = goal.sql()
    start = prev.start if prev is not None else scope.period.start
    end = scope.period.end
    tail = dt.timedelta(days=recent_days(scope.period.days))
    recent_from = end - tail
    prev_recent = prev.end - tail if prev is not None else end
    cohort, cohort_args = cohort_clause(scope.cohort, "e.customer_id")
    point = "touchpoint" if level == "touchpoint" else "stage"
    args: list[Any] = [*goal_args, *before_args, start, end, scope.period.start, start, end,
                       *cohort_args]
    # The (touchpoint, stage) pairs present are sorted out once: goal or before it, and a code
    # in the tie order. Events then only need a join, and the last one before the goal is the
    # largest key (its time, then its code) from a single max(), which also says when it was.
    sql = f"""
        WITH
        tpd0 AS MATERIALIZED (
            SELECT touchpoint, stage, g, b,
                   CAST(row_number() OVER (ORDER BY {TIE_ORDER_SQL}) AS BIGINT) AS code
            FROM (SELECT touchpoint, stage, {is_goal} AS g, {is_before} AS b
                  FROM (SELECT DISTINCT touchpoint, stage FROM events WHERE ts >= ? AND ts < ?))),
        -- (selected by code, so that the string tests stay on these few rows)
        tpd AS (SELECT * FROM tpd0 WHERE code IN (SELECT code FROM tpd0 WHERE g OR b)),
        ev AS (
            SELECT e.customer_id AS c, e.ts >= ? AS cur, t.g, t.b,
                   (CAST(epoch_us(e.ts) AS HUGEINT) + {_EPOCH_SHIFT}) * 4294967296 + t.code AS key
            FROM events e JOIN tpd t ON t.touchpoint = e.touchpoint AND t.stage = e.stage
            WHERE e.ts >= ? AND e.ts < ?{cohort}),
        per AS MATERIALIZED (
            SELECT c, cur, bool_or(g) AS converted, max(key) FILTER (WHERE b) AS last_key,
                   count(*) AS n
            FROM ev GROUP BY c, cur),
        last AS (
            SELECT p.*, t.{point} AS point, t.stage AS point_stage,
                   CAST(p.last_key // 4294967296 - {_EPOCH_SHIFT} AS BIGINT) AS last_us
            FROM per p LEFT JOIN tpd0 t ON t.code = CAST(p.last_key % 4294967296 AS BIGINT))
        SELECT 'total' AS kind, CAST(cur AS INTEGER) AS cur, NULL AS point, NULL AS stage,
               count(*) AS started, count(*) FILTER (WHERE converted) AS converted,
               count(*) FILTER (WHERE NOT converted) AS lost,
               count(*) FILTER (WHERE NOT converted AND last_us >= CASE WHEN cur THEN ? ELSE ? END) AS recent,
               sum(sum(n)) OVER () AS rows_read
        FROM last GROUP BY cur
        UNION ALL
        SELECT 'point', CAST(cur AS INTEGER), point, any_value(point_stage), 0, 0, count(*), 0, 0
        FROM last WHERE NOT converted GROUP BY cur, point"""
    args += [epoch_us(recent_from), epoch_us(prev_recent)]
    return sql, args


def recent_days(period_days: int) -> int:
    """How close to the end of a period a lost customer may still come back: a week, or a
    quarter of a short period."""
    return max(1, min(7, period_days // 4))


def _counts(totals: pd.DataFrame, cur: int, label: str) -> JourneyCounts:
    if cur not in totals.index:
        return JourneyCounts(label, 0, 0, 0, 0)
    row = totals.loc[cur]
    return JourneyCounts(label, int(row.started), int(row.converted), int(row.lost), int(row.recent))


def _points(rows: pd.DataFrame, current: JourneyCounts, previous: JourneyCounts | None) -> pd.DataFrame:
    now = rows[rows.cur == 1].set_index("point")
    before = rows[rows.cur == 0].set_index("point")
    names = list(now.index)
    if previous is not None:
        names += [p for p in before.index if p not in now.index]
    table = pd.DataFrame({"point": names})
    stage_of = {**before.stage.to_dict(), **now.stage.to_dict()}
    table["stage"] = table.point.map(stage_of)
    table["lost"] = table.point.map(now.lost).fillna(0).astype("int64")
    table["share"] = table.lost / current.lost if current.lost else float("nan")
    if previous is not None:
        table["lost_previous"] = table.point.map(before.lost).fillna(0).astype("int64")
        table["share_previous"] = table.lost_previous / previous.lost if previous.lost else float("nan")
        table["change"] = table.lost - table.lost_previous
        table["share_change"] = table.share - table.share_previous
    table = table.sort_values(["lost", "point"], ascending=[False, True]).reset_index(drop=True)
    return table


def _outside_the_data(scope: Scope) -> str:
    """Why a period has nothing, when it lies wholly before or after the events (else "")."""
    if scope.period.last_day < scope.data_first:
        return f"it ends before the events start ({scope.data_first}); {scope.data_label}"
    if scope.period.first_day > scope.data_last:
        return f"it starts after the last event ({scope.data_last}); {scope.data_label}"
    return ""


# Over events dated by month only, a customer's last month holds several events at one time:
# which they left from cannot be told, so the tie order (scope.TIE_ORDER_SQL) is said.
MONTH_LAST = ("the events are dated by month only, so the order of a customer's events within a month is "
              "not known: of the events of their last month, the later stage, then the later step of a visit "
              "(visit, pages, product, cart, checkout, order) is taken as where they were last; read it as "
              "the furthest step reached that month, not the page they left from")


def _notes(scope: Scope, prev: ResolvedPeriod | None, current: JourneyCounts,
           previous: JourneyCounts | None, nf: NumberFormat) -> list[str]:
    notes = [scope.period.note] if scope.period.note else []
    if scope.period.first_day < scope.data_first:
        notes.append(f"the period starts before the data ({scope.data_first}): only the days from then on "
                     "hold customers.")
    if scope.granularity == "month" and current.lost:
        notes.append(MONTH_LAST)
    # Data dated by month puts every event on the 1st: "last seen lately" would be everyone.
    if current.recent and scope.granularity != "month":
        days = recent_days(scope.period.days)
        notes.append(
            f"{count(current.recent, nf)} of the {counted(current.lost, 'lost customer', nf)} "
            f"{'was' if current.recent == 1 else 'were'} last seen in the last "
            f"{counted(days, 'day', nf)} of the period; some of them may still convert."
        )
    if prev is not None and prev.first_day < scope.data_first:
        notes.append(
            f"the period before ({prev.label}) starts before the data ({scope.data_first}), so its "
            "counts are partial."
        )
    if previous is not None and previous.started == 0:
        notes.append("nobody started a journey in the period before, so there is nothing to compare.")
    if current.started < 30:
        notes.append(f"only {counted(current.started, 'customer', nf)} started a journey: treat the shares as rough.")
    return notes
