"""Which events a journey analysis reads: the resolved period, the customers the filters
select, and the steps (stages or touchpoints) it follows.

Funnels, drop-offs and paths share these rules so that "last 30 days for Instagram customers"
selects the same people and days in all three.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from tools.analytics.filters import Filters, matched
from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar, resolve
from tools.core.errors import NoDataError, ToolInputError
from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES, normalize_stage, normalize_touchpoint
from tools.data import spans

StepKind = Literal["stage", "touchpoint"]
Connection = duckdb.DuckDBPyConnection


# -- who: filters and breakdowns as SQL for journey queries --------------------------------
#
# Same meaning as tools.analytics.filters.cohort_sql and dimension_sql (tests/tools/test_journey_scope.py
# checks it), but shaped for journey queries over millions of events: the CRM columns come
# straight from the customers table, and the first-touch channel is computed in the same
# pass over events that the analysis makes anyway, instead of a separate pass per use.

FIRST_TOUCH_SQL = "arg_min(channel, ts)"  # as in tools.analytics.filters.DIMS_SQL
CRM_DIMENSIONS = ("acquisition_channel", "segment", "city", "region", "age_band")


@dataclass(frozen=True)
class Cohort:
    crm_sql: str  # "" or a subquery of customer_ids (CRM columns, persona)
    crm_params: list[Any]
    first_touch: list[str] | None  # first-touch channels to keep, or None for all

    @property
    def is_empty(self) -> bool:
        return not self.crm_sql and self.first_touch is None


def cohort_parts(filters: Filters) -> Cohort:
    active = filters.active()
    where: list[str] = []
    params: list[Any] = []
    for dim in CRM_DIMENSIONS:
        if dim in active:
            values = list(active[dim])
            where.append(f"{dim} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    parts = []
    if where:
        parts.append(f"SELECT customer_id FROM customers WHERE {' AND '.join(where)}")
    if "persona" in active:
        parts.append("SELECT customer_id FROM persona_members WHERE persona = ?")
        params.append(active["persona"])
    channels = list(active["channel"]) if "channel" in active else None
    return Cohort(" INTERSECT ".join(parts), params, channels)


def breakdown_join(dimension: str, alias: str = "r", column: str = "c") -> tuple[str, str]:
    """(join clause, value expression) giving a per-customer relation `alias` its breakdown
    value. The first-touch channel is expected as column `ft` of the relation itself."""
    if dimension == "channel":
        return "", f"coalesce({alias}.ft, '(unknown)')"
    if dimension == "persona":
        return (f"LEFT JOIN persona_members bd ON bd.customer_id = {alias}.{column}",
                "coalesce(bd.persona, '(no persona)')")
    if dimension in CRM_DIMENSIONS:
        return (f"LEFT JOIN customers bd ON bd.customer_id = {alias}.{column}",
                f"coalesce(bd.{dimension}, '(unknown)')")
    raise ToolInputError(f"Unknown breakdown {dimension!r}")


@dataclass(frozen=True)
class Scope:
    period: ResolvedPeriod
    filters: Filters  # validated: values spelled as in the data
    cohort: Cohort
    data_first: dt.date  # first and last day with events
    data_last: dt.date
    as_of: dt.date  # the last day with events: relative periods end here
    timezone: str
    granularity: str = "time"  # how finely the events are dated (tools/data/spans.py)

    @property
    def data_label(self) -> str:
        return f"the events cover {self.data_first} to {self.data_last}"


def event_bounds(con: Connection) -> spans.Span:
    """How far the events reach (not counting rows dated in the future) and how finely they
    are dated, in the business time zone; NoDataError when there are no events. Journey
    analyses read events, so their relative periods end on the last day with events."""
    span = spans.table_span(con, "events", spans.load_cap(con))
    if not span.has_data:
        raise NoDataError(
            "No journey events are loaded, so there is no journey to analyse. "
            "Load web, shop or CRM events with `journeybot ingest events FILE`."
        )
    return span


def make_scope(con: Connection, timezone: str, period: Period, filters: Filters | None) -> Scope:
    """Resolve the period against the last day with events and check the filter values."""
    span = event_bounds(con)
    assert span.first_day is not None and span.last_day is not None
    resolved = resolve(period, span.last_day, timezone, data_start=span.first_day, granularity=span.granularity)
    fixed = validate_journey_filters(con, filters or Filters())
    return Scope(resolved, fixed, cohort_parts(fixed), span.first_day, span.last_day, span.last_day, timezone,
                 span.granularity)


def previous_period(scope: Scope, period: Period) -> ResolvedPeriod | None:
    """The comparison period people mean (this month -> last month, last 30 days -> the 30
    before); None for 'all', which has nothing before it."""
    if period.name == "all":
        return None
    if period.name is None:
        return scope.period.previous()
    return previous_calendar(period, scope.as_of, scope.timezone, scope.granularity)


def validate_journey_filters(con: Connection, filters: Filters) -> Filters:
    """Match filter values to the data case-insensitively, as tools.analytics.filters.validate_filters
    does, but with one cheap lookup per filter: CRM values from the customers table, channels
    from the channels events carry (a first-touch channel is always one of them)."""
    fixed: dict[str, Any] = {}
    for dim, wanted in filters.active().items():
        if dim == "persona":
            exists = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'persona_members'"
            ).fetchone()
            known = [str(r[0]) for r in con.execute(
                "SELECT DISTINCT persona FROM persona_members ORDER BY 1").fetchall()] if exists and exists[0] else []
        else:
            table = "events" if dim == "channel" else "customers"
            column = "channel" if dim == "channel" else dim
            known = [str(r[0]) for r in con.execute(
                f"SELECT {column}, count(*) AS n FROM {table} WHERE {column} IS NOT NULL "
                "GROUP BY 1 ORDER BY n DESC, 1").fetchall()]
        fixed[dim] = matched(dim, wanted, known)
    return Filters(**fixed)


def resolve_steps(
    con: Connection, stages: list[str] | None, touchpoints: list[str] | None
) -> tuple[StepKind, tuple[str, ...]]:
    """The ordered steps of an analysis: stages (by default the stages the events have, in
    journey order: a web-analytics export starts at consideration, a shop's orders at
    purchase) or touchpoints.

    Touchpoint names are normalised like ingest does ("Add to cart" -> add_to_cart); a name that
    is neither in the built-in map nor in the data is refused with the data's touchpoints."""
    if stages and touchpoints:
        raise ToolInputError("Give stages or touchpoints for the steps, not both.")
    if touchpoints:
        names = tuple(normalize_touchpoint(t) for t in touchpoints)
        unknown = [t for t in names if t not in DEFAULT_TOUCHPOINTS]
        if unknown:
            present = known_touchpoints(con)
            missing = [t for t in unknown if t not in present]
            if missing:
                raise ToolInputError(
                    f"Unknown touchpoint {missing[0]!r}; touchpoints in the data: "
                    + (", ".join(present[:30]) or "none")
                )
        _check_unique(names, "touchpoint")
        return "touchpoint", names
    if stages:
        names = []
        for s in stages:
            canon = normalize_stage(str(s))
            if canon is None:
                raise ToolInputError(f"Unknown stage {s!r}; stages are: {', '.join(STAGES)}")
            names.append(canon)
        _check_unique(tuple(names), "stage")
        order = [STAGES.index(n) for n in names]
        if order != sorted(order):
            raise ToolInputError(
                "Stages must be in journey order (" + " > ".join(STAGES) + "); got "
                + " > ".join(names)
            )
        return "stage", tuple(names)
    present = present_stages(con)
    if len(present) < 2:
        raise NoDataError(
            "The events are all at one journey stage (" + (", ".join(present) or "none")
            + "), so there is no journey from one stage to another to follow. Name touchpoints "
            "as the steps instead (`describe` lists them)."
        )
    return "stage", present


def present_stages(con: Connection) -> tuple[str, ...]:
    """The stages the events have, in journey order."""
    have = {r[0] for r in con.execute("SELECT DISTINCT stage FROM events WHERE stage IS NOT NULL").fetchall()}
    return tuple(s for s in STAGES if s in have)


def missing_stage_text(con: Connection, stage: str) -> str | None:
    """'the data has no awareness-stage events at all (it has consideration, purchase)', or
    None when it has some."""
    present = present_stages(con)
    if stage in present:
        return None
    return (f"the data has no {stage}-stage events at all (its events are at "
            + (", ".join(present) or "no stage") + ")")


def _check_unique(names: tuple[str, ...], what: str) -> None:
    seen: set[str] = set()
    for n in names:
        if n in seen:
            raise ToolInputError(f"The {what} {n!r} is listed twice; list each step once, in order.")
        seen.add(n)


def known_touchpoints(con: Connection) -> list[str]:
    rows = con.execute("SELECT touchpoint, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1").fetchall()
    return [str(r[0]) for r in rows]


def has_personas(con: Connection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'persona_members'"
    ).fetchone()
    return bool(row and row[0])


def step_column(kind: StepKind) -> str:
    """The events column a step name is matched against (fixed identifiers only)."""
    return "stage" if kind == "stage" else "touchpoint"


def epoch_us(value: dt.datetime) -> int:
    """Microseconds since 1970 UTC, as DuckDB's epoch_us gives them for a TIMESTAMPTZ."""
    return (value - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(microseconds=1)


def cohort_clause(cohort: Cohort, column: str = "customer_id") -> tuple[str, list[Any]]:
    """' AND <column> IN (...)' restricting rows to the filtered customers; ('', []) for all."""
    parts: list[str] = []
    params: list[Any] = []
    if cohort.crm_sql:
        parts.append(f"{column} IN ({cohort.crm_sql})")
        params += cohort.crm_params
    if cohort.first_touch is not None:
        marks = ", ".join("?" for _ in cohort.first_touch)
        parts.append(f"{column} IN (SELECT customer_id FROM events GROUP BY customer_id "
                     f"HAVING {FIRST_TOUCH_SQL} IN ({marks}))")
        params += cohort.first_touch
    return ("".join(f" AND {p}" for p in parts), params)


# -- the goal of a journey: what counts as converting -----------------------------------------

# How events at the same moment are ordered (a product view and the purchase in the same
# second: the view came first; a session dated once: visit, pages, product, cart, checkout,
# order): by stage, then by the touchpoint map's order, which follows a visit through the
# site, then by name for touchpoints the map does not know. Constants of the code base.
STAGE_RANK_SQL = "list_position([" + ", ".join(f"'{s}'" for s in STAGES) + "], stage)"
TOUCHPOINT_RANK_SQL = (
    "coalesce(list_position([" + ", ".join(f"'{t}'" for t in DEFAULT_TOUCHPOINTS) + "], touchpoint), "
    f"{len(DEFAULT_TOUCHPOINTS) + 1})"
)
TIE_ORDER_SQL = f"{STAGE_RANK_SQL}, {TOUCHPOINT_RANK_SQL}, touchpoint"


# Touchpoints the business sends, not steps a customer takes: a newsletter that went out is
# not a journey, and "last seen at email_send" would only say who is on the mailing list.
# Drop-offs and paths leave them out; funnels count every event of their steps.
SENT_BY_BUSINESS: tuple[str, ...] = ("email_send", "receipt_email")
_NOT_SENT_SQL = "touchpoint NOT IN (" + ", ".join(f"'{t}'" for t in SENT_BY_BUSINESS) + ")"


@dataclass(frozen=True)
class Goal:
    kind: StepKind
    name: str  # a stage or a touchpoint
    stage: str  # the goal's stage (its own for a stage goal)
    before: tuple[str, ...]  # stages before the goal's stage

    @property
    def label(self) -> str:
        return f"reach {self.name}" if self.kind == "stage" else f"have a {self.name} event"

    @property
    def what(self) -> str:
        return f"the {self.name} stage" if self.kind == "stage" else f"touchpoint {self.name}"

    def nothing_before(self, present: tuple[str, ...]) -> bool:
        """A stage goal whose earlier stages the data has none of: every journey starts at it,
        so nobody can be seen dropping off or taking a path towards it."""
        return self.kind == "stage" and not any(s in present for s in self.before)

    def sql(self) -> tuple[str, str, list[Any], list[Any]]:
        """(is_goal, is_before_goal) boolean SQL over an events row, and their parameters.
        Events before the goal are those at an earlier stage and, for a touchpoint goal, the
        other touchpoints of its stage (add_to_cart comes before checkout_start); what the
        business sends (SENT_BY_BUSINESS) is not a step before anything."""
        before = ", ".join("?" for _ in self.before) or "NULL"
        if self.kind == "stage":
            return ("stage = ?", f"(stage IN ({before}) AND {_NOT_SENT_SQL})",
                    [self.name], list(self.before))
        return ("touchpoint = ?",
                f"((stage IN ({before}) OR (stage = ? AND touchpoint <> ?)) AND {_NOT_SENT_SQL})",
                [self.name], [*self.before, self.stage, self.name])


def resolve_goal(con: Connection, goal_stage: str, goal_touchpoint: str | None) -> Goal:
    if goal_touchpoint:
        name = normalize_touchpoint(goal_touchpoint)
        info = DEFAULT_TOUCHPOINTS.get(name)
        stage = info.stage if info else None
        if stage is None:
            row = con.execute("SELECT any_value(stage) FROM events WHERE touchpoint = ?", [name]).fetchone()
            stage = row[0] if row else None
        if stage is None:
            present = known_touchpoints(con)
            raise ToolInputError(f"Unknown touchpoint {name!r}; touchpoints in the data: "
                                 + (", ".join(present[:30]) or "none"))
        return Goal("touchpoint", name, stage, STAGES[: STAGES.index(stage)])
    stage = normalize_stage(goal_stage)
    if stage is None:
        raise ToolInputError(f"Unknown stage {goal_stage!r}; stages are: {', '.join(STAGES)}")
    if stage == STAGES[0]:
        raise ToolInputError(
            "The goal cannot be awareness: nothing comes before it. Use consideration or a later stage.")
    return Goal("stage", stage, stage, STAGES[: STAGES.index(stage)])
