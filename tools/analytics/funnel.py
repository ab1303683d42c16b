"""Stage funnel: how many customers reach each step of the journey, in order, within a
conversion window, where the biggest drop-off is and how long each step takes.

The rules (also in docs/METRICS.md, "Journeys", and in every result's provenance):

- A customer enters at their first event at step 1 inside the period. Later steps may happen
  after the period ends, up to `window_days` after entering (24-hour days of elapsed time).
- Steps are followed in time order, not file order. Step k is reached at the customer's first
  event of step k at or after the time step k-1 was reached; an event at the same moment
  counts as in order, because exports often date a whole session or order with one time.
- skips="pass_through" (default): an event at a later step of the funnel also counts as
  passing the steps before it, at that event's time. Someone who walks in and buys (no
  decision-stage touchpoint) counts at decision and at purchase. skips="stop": every step needs
  its own event, and a customer who skips a step stops at the step before it.
- Repeated events count once: customers are counted, not events. Events that match no step
  are ignored.
- Conversion of a step is customers reaching it over customers reaching the step before;
  overall conversion is over customers entering. The biggest drop-off is the step with the
  lowest conversion from the step before (the earliest one on a tie).
- Times between steps are the median and 90th percentile (linear interpolation) of the time
  from reaching step k-1 to reaching step k, over the customers who reached step k.

The work is one DuckDB query and no Python runs per customer. A first pass finds each
customer's entry (and, for channel filters and breakdowns, their first-touch channel, in the
same pass). With pass-through, step k is simply the first event of step k or later inside
[entry, entry + window]: such an event also counts for step k-1, so it can never come before
step k-1 was reached, and following the chain step by step gives the same time (the property
test in tests/tools/test_funnel.py checks it against such a loop). One join of the later
steps' events with the entries and one aggregation give every step at once. Without
pass-through the chain is needed: one join per step over the steps' events, read once.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.coverage import short_coverage_note
from tools.analytics.filters import (
    DIMENSION_LABELS,
    UNKNOWN_GROUP,
    Dimension,
    Filters,
    customers_line,
    groups_held,
)
from tools.analytics.funnel_rows import (
    DropOff,
    FunnelGroup,
    FunnelStep,
    GroupStep,
    biggest_drop,
    group_rows,
    groups_frame,
    ranked_line,
    step_rows,
    steps_frame,
    summary_frame,
)
from tools.analytics.group_gaps import GroupGap, group_gap, held_in, shown
from tools.analytics.named_rates import GO_ON_RATE
from tools.analytics.periods import Period, provenance_period
from tools.analytics.scope import (
    FIRST_TOUCH_SQL,
    Scope,
    StepKind,
    breakdown_join,
    epoch_us,
    has_personas,
    make_scope,
    missing_stage_text,
    resolve_steps,
    step_column,
)
from tools.core.errors import NoDataError, ToolInputError
from tools.core.money import Localised, NumberFormat
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import Stage
from tools.core.text import count, counted, duration, pct, text_table
from tools.data.store import JourneyStore

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DropOff", "FunnelGroup", "FunnelParams", "FunnelResult", "FunnelStep", "GroupStep", "funnel"]

Skips = Literal["pass_through", "stop"]
_US_PER_DAY = 86_400_000_000


class FunnelParams(BaseModel):
    """Customers reaching each journey step in order, with step and overall conversion, the
    biggest drop-off and the time between steps; optionally broken down by a customer
    dimension.

    Use it for questions such as:
    - "Where do we lose people between consideration and purchase?" ->
      stages=["consideration", "decision", "purchase"]
    - "How does the funnel look for Instagram customers this month?" ->
      period={"name": "this_month"}, filters={"channel": ["instagram"]}
    - "Which channel converts web visitors to buyers best?" ->
      touchpoints=["website_visit", "add_to_cart", "order_placed"], by="channel"
    """

    model_config = ConfigDict(extra="forbid")

    stages: list[Stage] | None = Field(
        default=None, min_length=2, max_length=6,
        description="Ordered journey stages to follow, e.g. ['consideration', 'decision', "
        "'purchase']. Leave empty (and touchpoints empty) for all six stages.",
    )
    touchpoints: list[str] | None = Field(
        default=None, min_length=2, max_length=10,
        description="Ordered touchpoints to follow instead of stages, e.g. ['website_visit', "
        "'add_to_cart', 'order_placed']. Names as `describe` lists them.",
    )
    period: Period = Field(
        default_factory=lambda: Period(name="last_30_days"),
        description="When customers entered the funnel (their first step-1 event).",
    )
    window_days: int = Field(
        default=30, ge=1, le=365,
        description="Conversion window: later steps count only within this many days of entering.",
    )
    skips: Skips = Field(
        default="pass_through",
        description="'pass_through': an event at a later step counts as passing skipped steps "
        "(a walk-in purchase passes decision); 'stop': every step needs its own event.",
    )
    filters: Filters = Field(default_factory=Filters, description="Which customers to include.")
    by: Dimension | None = Field(
        default=None,
        description="Break the funnel down by this customer dimension (channel = first-touch channel).",
    )
    max_groups: int = Field(
        default=10, ge=1, le=50,
        description="Breakdown groups shown in the text (largest first); the table keeps all.",
    )


@dataclass(frozen=True)
class FunnelResult(Localised, ResultMixin):
    kind: StepKind
    step_names: tuple[str, ...]
    # One row per step (tools/analytics/funnel_rows.py says what each column holds); the
    # `steps` frame has the same columns.
    step_rows: tuple[FunnelStep, ...]
    entered: int
    completed: int
    overall_conversion: float
    biggest_drop: DropOff | None
    window_days: int
    skips: Skips
    by: str | None
    # One row per group and step (the `groups` frame); None without `by`.
    group_steps: tuple[GroupStep, ...] | None
    # One row per group, largest first (the `group_summary` frame); None without `by`.
    group_rows: tuple[FunnelGroup, ...] | None
    max_groups: int
    provenance: Provenance = field(repr=False)
    locale: str | None = None  # how the business writes numbers (its profile's)
    gap: GroupGap | None = None  # the entrants with no value for `by` (all of them: no split)
    # --json keeps the names the tables have always had there.
    JSON_NAMES: ClassVar[dict[str, str]] = {"step_rows": "steps", "group_steps": "groups",
                                            "group_rows": "group_summary"}

    # The frames load pandas the first time one is read (charts, exports, the agent), never
    # for the text (`journeybot funnel`).
    @functools.cached_property
    def steps(self) -> pd.DataFrame:
        return steps_frame(self.step_rows)

    @functools.cached_property
    def groups(self) -> pd.DataFrame | None:
        return None if self.group_steps is None else groups_frame(self.group_steps)

    @functools.cached_property
    def group_summary(self) -> pd.DataFrame | None:
        return None if self.group_rows is None else summary_frame(self.group_rows)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        overall = self.steps.assign(group="all customers")
        if self.groups is None:
            return overall
        return pd.concat([overall, self.groups], ignore_index=True)

    def to_text(self) -> str:
        nf = self.numbers
        arrow = " > ".join(self.step_names)
        lines = [
            f"Funnel ({self.kind}s): {arrow}",
            f"{counted(self.entered, 'customer', nf)} entered at {self.step_names[0]} in "
            f"{self.provenance.period_label}; later steps counted within {self.window_days} days.",
        ]
        if self.provenance.filters:
            lines.append(customers_line(self.provenance.filters))
        lines.append("")
        rows = []
        for r in self.step_rows:
            first = r.step == 1
            rows.append([
                str(r.name), count(r.customers, nf),
                "-" if first else pct(r.step_conversion, numbers=nf),
                pct(r.overall_conversion, numbers=nf),
                "-" if first else duration(r.median_days, nf),
                "-" if first else duration(r.p90_days, nf),
            ])
        lines += text_table(
            ["step", "customers", "go-on rate", "of entrants", "median time", "90% within"], rows)
        lines.append("")
        last = self.step_names[-1]
        lines.append(
            f"Funnel conversion: {pct(self.overall_conversion, numbers=nf)} "
            f"({count(self.completed, nf)} of {count(self.entered, nf)} reached {last} within {self.window_days} days)."
        )
        lines.append(GO_ON_RATE.said(window=self.window_days) + ".")
        if self.biggest_drop is None:
            lines.append("Nobody dropped off between steps.")
        else:
            d = self.biggest_drop
            lines.append(
                f"Biggest drop-off: {d.from_step} > {d.to_step}: {pct(d.lost_share, numbers=nf)} lost "
                f"({counted(d.lost, 'customer', nf)})."
            )
        if self.group_rows is not None:
            lines.append("")
            label = DIMENSION_LABELS.get(self.by or "", self.by or "")
            lines.append(f"By {label}:")
            if self.gap is not None and self.gap.empty:  # one "(unknown)" group is no split
                lines.append(self.gap.note(nf))
        if self.group_rows is not None and not (self.gap is not None and self.gap.empty):
            label = DIMENSION_LABELS.get(self.by or "", self.by or "")
            top = self.group_rows[: self.max_groups]
            rows = [
                [shown(r.group, self.by or ""), count(r.entered, nf), count(r.completed, nf), pct(r.overall_conversion, numbers=nf),
                 r.biggest_drop if isinstance(r.biggest_drop, str) else "-",
                 pct(r.drop_lost_share, numbers=nf)]
                for r in top
            ]
            lines += text_table(
                [label, "entered", f"reached {last}", "funnel conversion", "biggest drop-off", "lost there"],
                rows)
            hidden = len(self.group_rows) - len(top)
            if hidden > 0:
                lines.append(f"({counted(hidden, 'smaller group', nf)} not shown; they are in the table.)")
            ranked = ranked_line(self.group_rows, label, nf, self.by or "")
            if ranked:
                lines.append(ranked)
        lines += [f"Note: {n}" for n in self.provenance.notes]
        return "\n".join(lines)


def funnel(store: JourneyStore, params: FunnelParams) -> FunnelResult:
    """Customers reaching each step in order within the conversion window (see module doc)."""
    stored = groups_held(store) if params.by else ()
    with store.connect() as con:
        scope = make_scope(con, store.timezone, params.period, params.filters)
        kind, names = resolve_steps(con, params.stages, params.touchpoints)
        if params.by == "persona" and not has_personas(con):
            raise ToolInputError("No personas are saved yet, so there is nothing to break down by persona.")
        window_us = params.window_days * _US_PER_DAY
        tz = scope.period.start.tzinfo
        data_end_us = epoch_us(dt.datetime.combine(scope.data_last + dt.timedelta(days=1), dt.time(), tzinfo=tz))
        sql, args = _funnel_sql(kind, names, scope, window_us, params.skips, params.by, data_end_us)
        # Tuples, not a frame: a few rows, and no pandas import for a command-line funnel.
        cur = con.execute(sql, args)
        columns = [d[0] for d in cur.description]
        raw = [dict(zip(columns, values, strict=True)) for values in cur.fetchall()]
        short = short_coverage_note(con, scope.period)
        # A blank group: the splits worth offering instead are those the entrants have.
        held = stored
        if params.by and any(r["is_total"] == 0 and r["grp"] == UNKNOWN_GROUP for r in raw):
            f1, f1_args, _ = _entrants_sql(step_column(kind), names, scope, params.by)
            held = held_in(con, f"SELECT c FROM ({f1})", f1_args, stored)
    total = next(r for r in raw if r["is_total"] == 1)
    if int(total["n1"]) == 0:
        if kind == "stage":
            with store.connect() as con:
                absent = missing_stage_text(con, names[0])
            if absent:
                raise NoDataError(f"No customers entered the funnel: {absent}. Leave the stages out to "
                                  "start at the first stage the data has, or name stages it has.")
        raise NoDataError(
            f"No customers entered the funnel: nobody had a {names[0]!r} {kind} event in "
            f"{scope.period.label}"
            + (" among the filtered customers" if not scope.cohort.is_empty else "")
            + f"; {scope.data_label}."
        )
    steps = step_rows(total, names)
    entered = steps[0].customers
    completed = steps[-1].customers
    groups = summary = gap = None
    nf = store.profile.numbers
    prov = _provenance(params, kind, names, scope, int(total["rows_read"]), entered,
                       int(total["open_window"]), steps, nf, short)
    if params.by:
        groups, summary = group_rows([r for r in raw if r["is_total"] == 0], names)
        gap = group_gap(((g.group, g.entered) for g in summary), params.by, held, "customers", stored)
        if gap is not None and gap.blank and not gap.empty:
            prov = replace(prov, notes=(*prov.notes, gap.note(nf)))
    return FunnelResult(
        kind=kind,
        step_names=names,
        step_rows=steps,
        entered=entered,
        completed=completed,
        overall_conversion=completed / entered,
        biggest_drop=biggest_drop(steps),
        window_days=params.window_days,
        skips=params.skips,
        by=params.by,
        group_steps=groups,
        group_rows=summary,
        max_groups=params.max_groups,
        provenance=prov,
        locale=nf.locale,
        gap=gap,
    )


def _entrants_sql(col: str, names: tuple[str, ...], scope: Scope, by: str | None) -> tuple[str, list[Any], bool]:
    """Each entrant (customer c) and their entry t1 (and first touch ft when needed): the
    funnel's first pass, and the customers a blank split's other splits are looked up for."""
    cohort = scope.cohort
    start, end = scope.period.start, scope.period.end
    first_touch = by == "channel" or cohort.first_touch is not None
    args: list[Any] = []

    # Pass 1: each customer's entry (first step-1 event in the period), and when needed the
    # first-touch channel, which looks at all of the customer's events.
    # Entry times stay timestamps here (converted once per customer, not once per event);
    # the window is added as microseconds, which is elapsed time across clock changes.
    if first_touch:
        # The period test is left out when the period holds all the data: it is most of the
        # cost of this pass over every event.
        whole = scope.period.first_day <= scope.data_first and scope.period.last_day >= scope.data_last
        when = f"{col} = ?" + ("" if whole else " AND ts >= ? AND ts < ?")
        f1 = (f"SELECT customer_id AS c, min(ts) FILTER (WHERE {when}) AS t1, "
              f"{FIRST_TOUCH_SQL} AS ft FROM events GROUP BY customer_id HAVING t1 IS NOT NULL")
        args += [names[0]] + ([] if whole else [start, end])
        if cohort.first_touch is not None:
            f1 += f" AND ft IN ({', '.join('?' for _ in cohort.first_touch)})"
            args += cohort.first_touch
    else:
        f1 = (f"SELECT customer_id AS c, min(ts) AS t1 FROM events "
              f"WHERE {col} = ? AND ts >= ? AND ts < ? GROUP BY customer_id")
        args += [names[0], start, end]
    if cohort.crm_sql:
        f1 += (" HAVING " if not first_touch else " AND ") + f"customer_id IN ({cohort.crm_sql})"
        args += cohort.crm_params
    return f1, args, first_touch


def _funnel_sql(
    kind: StepKind, names: tuple[str, ...], scope: Scope, window_us: int, skips: Skips,
    by: str | None, data_end_us: int,
) -> tuple[str, list[Any]]:
    """One query; its CTEs are built in text order so the bound parameters line up."""
    col = step_column(kind)
    n = len(names)
    start, end = scope.period.start, scope.period.end
    horizon = end + dt.timedelta(microseconds=window_us)
    f1, args, first_touch = _entrants_sql(col, names, scope, by)
    ctes = [f"f1 AS ({f1})"]
    carry_ft = ", any_value(f.ft) AS ft" if first_touch else ""
    if skips == "pass_through":
        # Step k is reached at the first event of step k or later inside [t1, t1 + window]:
        # with pass-through that needs no chain, one join of the later steps' events.
        args += [list(names[1:]), start, horizon]
        ctes.append(
            f"ev AS (SELECT e.customer_id AS c, e.ts AS t, st.s FROM events e "
            f"JOIN (SELECT unnest(?::VARCHAR[]) AS name, CAST(unnest(range(2, {n + 1})) AS INTEGER) AS s) st "
            f"ON st.name = e.{col} WHERE e.ts >= ? AND e.ts < ?)")
        reached = ", ".join(f"epoch_us(min(e.t) FILTER (WHERE e.s >= {k})) AS t{k}" for k in range(2, n + 1))
        # Which steps had an event of their own: one bit per step, one aggregate for all.
        own = ", ".join(f"(bit_or(1 << e.s) >> {k}) & 1 = 1 AS x{k}" for k in range(2, n + 1))
        ctes.append(
            f"r AS MATERIALIZED (SELECT f.c, epoch_us(any_value(f.t1)) AS t1{carry_ft}, {reached}, {own} "
            "FROM f1 f LEFT JOIN ev e ON e.c = f.c AND e.t >= f.t1 AND e.t <= f.t1 + to_microseconds(?) "
            "GROUP BY f.c)")
        args.append(window_us)
    else:
        # Without pass-through each step needs its own event after the previous step: a chain
        # of joins over the later steps' events, read from the table once.
        cases = " ".join(f"WHEN ? THEN {k}" for k in range(2, n + 1))
        args += list(names[1:])
        args += [start, horizon]
        ctes.append(
            f"ev AS MATERIALIZED (SELECT * FROM (SELECT customer_id AS c, epoch_us(ts) AS t, "
            f"CASE {col} {cases} END AS s FROM events WHERE ts >= ? AND ts < ?) "
            "WHERE s IS NOT NULL)")
        ctes.append("e1 AS (SELECT c, epoch_us(t1) AS t1" + (", ft" if first_touch else "") + " FROM f1)")
        for k in range(2, n + 1):
            carry = ", ".join(f"any_value(p.t{j}) AS t{j}" for j in range(1, k))
            ctes.append(
                f"f{k} AS (SELECT p.c, {carry}, min(e.t) AS t{k} FROM {'e1' if k == 2 else f'f{k - 1}'} p "
                f"JOIN ev e ON e.c = p.c WHERE e.s = {k} AND e.t >= p.t{k - 1} "
                "AND e.t <= p.t1 + ? GROUP BY p.c)")
            args.append(window_us)
        cols = ", ".join(f"f{k}.t{k}, TRUE AS x{k}" for k in range(2, n + 1))
        joins = " ".join(f"LEFT JOIN f{k} ON f{k}.c = e1.c" for k in range(2, n + 1))
        ft = ", e1.ft" if first_touch else ""
        ctes.append(f"r AS MATERIALIZED (SELECT e1.c, e1.t1{ft}, {cols} FROM e1 {joins})")

    def aggregates() -> str:
        parts = ["count(t1) AS n1"]
        for k in range(2, n + 1):
            d = f"CAST(t{k} - t{k - 1} AS DOUBLE) / {_US_PER_DAY}"
            parts += [
                f"count(t{k}) AS n{k}",
                f"median({d}) AS m{k}",
                f"quantile_cont({d}, 0.9) AS q{k}",
                f"count(*) FILTER (WHERE t{k} IS NOT NULL AND NOT coalesce(x{k}, FALSE)) AS v{k}",
            ]
        return ", ".join(parts)

    sql = (f"WITH {', '.join(ctes)} SELECT CAST(NULL AS VARCHAR) AS grp, 1 AS is_total, "
           f"{aggregates()}, count(*) FILTER (WHERE t1 + ? > ?) AS open_window, "
           "(SELECT count(*) FROM events WHERE ts >= ? AND ts < ?) AS rows_read FROM r")
    args += [window_us, data_end_us, start, horizon]
    if by:
        join, value = breakdown_join(by)
        sql += (f" UNION ALL SELECT grp, 0, {aggregates()}, 0, 0 FROM "
                f"(SELECT r.*, {value} AS grp FROM r {join}) GROUP BY grp")
    return sql, args


# Over events dated by month only (every event on the 1st), a step in the same month reads as
# "same time" and the window is a count of months: neither says what happened within a month.
MONTH_STEPS = ("the events are dated by month only (every event on the 1st of its month): \"same time\" means "
               "the same month, the order of steps within a month is not known (a step in the same month "
               "counts as reached), and the {window}-day window is measured between month dates, so times "
               "between steps say months, not days")


def _provenance(
    params: FunnelParams, kind: StepKind, names: tuple[str, ...], scope: Scope, rows_read: int,
    entered: int, late: int, steps: tuple[FunnelStep, ...], nf: NumberFormat, short: str = "",
) -> Provenance:
    rule = ("an event at a later step also passes the steps before it"
            if params.skips == "pass_through" else "every step needs its own event")
    definition = (
        f"customers whose first {names[0]!r} {kind} event falls in the period, followed in time "
        f"order through {' > '.join(names)}; a step counts at the first event at or after the "
        f"previous step and within {params.window_days} days of entering; {rule}; "
        "conversion = customers at a step / customers at the step before; times are median and "
        "90th percentile between consecutive steps"
    )
    notes = [short] if short else []  # the data covers a sliver of the period (tools/analytics/coverage.py)
    # Data dated by month: every event sits on the 1st, so "entered late in the window" is noise.
    if late and scope.granularity != "month":
        notes.append(
            f"{count(late, nf)} of {counted(entered, 'customer', nf)} entered less than {params.window_days} days before "
            "the data ends, so some of them may still convert."
        )
    if scope.granularity == "month" and len(names) > 1:
        notes.append(MONTH_STEPS.format(window=params.window_days))
    skipped = [s for s in steps if s.via_later_step > 0]
    if skipped and params.skips == "pass_through":
        parts = ", ".join(f"{r.name} {count(r.via_later_step, nf)}" for r in skipped)
        notes.append(
            "counted at a step they had no event for, through a later step's event: " + parts
        )
    if entered < 30:
        notes.append(f"only {counted(entered, 'customer', nf)} entered: treat the percentages as rough.")
    if params.stages is None and params.touchpoints is None and len(names) < 6:
        notes.append(f"the funnel follows the stages the data has ({', '.join(names)}); the others have "
                     "no events")
    if scope.period.note:
        notes.append(scope.period.note)
    return Provenance(
        tool="funnel",
        definition=definition,
        params=params.model_dump(mode="json", exclude_defaults=False),
        filters=scope.filters.active(),
        **provenance_period(scope.period, params),
        tables=("events", "customers") if (params.by or not scope.cohort.is_empty) else ("events",),
        row_counts={"events": rows_read},
        notes=tuple(notes),
    )
