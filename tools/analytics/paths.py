"""Journey paths: the most common touchpoint sequences to purchase and to drop-off, the
first- and last-touch channels of buyers, and how many journeys have an offline touchpoint.

The rules (also in docs/METRICS.md, "Journeys", and in every result's provenance):

- Journeys are built as for drop-offs (tools/analytics/dropoffs.py): customers with an event before the
  goal, or the goal, in the period; what the business sends (email_send, receipt_email) and
  events after the goal's stage are left out.
- A buyer's path runs from their first event in the period to their first goal event,
  inclusive; a non-buyer's path is all their events before the goal in the period. Events are
  in time order; events at the same moment are ordered by stage, then in the touchpoint map's
  order (visit, pages, product, cart, checkout, order; tools/core/stages.py).
- Consecutive repeats collapse (product_view > product_view > add_to_cart is
  product_view > add_to_cart), so a variant is the route, not the number of clicks. Paths
  longer than `max_steps` keep their last steps, the ones just before buying or leaving,
  after a leading "...".
- First touch: the channel of the first event of a buyer's path that has a channel. Last touch:
  the channel of the last such event before the goal event, or of the goal event when
  nothing before it has one. "(none)" when no event has a channel.
- A journey has an offline touchpoint when any event of its path is offline (the touchpoint
  map's online flag, e.g. instore_visit, phone_call, instore_purchase).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.coverage import short_coverage_note
from tools.analytics.filters import Filters, customers_line
from tools.analytics.periods import Period, provenance_period
from tools.analytics.scope import (
    STAGE_RANK_SQL,
    TIE_ORDER_SQL,
    Goal,
    Scope,
    cohort_clause,
    make_scope,
    present_stages,
    resolve_goal,
)
from tools.core.errors import NoDataError
from tools.core.money import Localised
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import STAGES, Stage
from tools.core.text import count, counted, pct, plural, text_table
from tools.data.store import JourneyStore

Level = Literal["touchpoint", "stage"]
ELLIPSIS = "..."
NO_CHANNEL = "(none)"  # a buyer with no channel on their path (the typed value; shown "(no channel)")


class PathParams(BaseModel):
    """The most common routes customers take to buying (or to leaving without buying), where
    buyers first and last came from, and how many journeys include an offline touchpoint.

    Use it for questions such as:
    - "What do customers usually do before they buy?" -> defaults
    - "How do people who don't buy move through the stages?" -> level="stage"
    - "Which channels bring buyers in, and which close the sale, this quarter?" ->
      period={"name": "this_quarter"} (first_touch and last_touch in the result)
    """

    model_config = ConfigDict(extra="forbid")

    period: Period = Field(
        default_factory=lambda: Period(name="last_30_days"),
        description="Whose journeys: customers with journey events in this period.",
    )
    goal_stage: Stage = Field(default="purchase", description="Paths lead to this stage (default purchase).")
    goal_touchpoint: str | None = Field(
        default=None, description="Paths lead to this touchpoint instead, e.g. 'order_placed'."
    )
    level: Level = Field(default="touchpoint", description="Steps of a path are touchpoints or stages.")
    max_steps: int = Field(
        default=6, ge=2, le=12,
        description="Longer paths keep their last steps (the ones before buying or leaving).",
    )
    top: int = Field(default=10, ge=1, le=50, description="Path variants listed per outcome.")
    filters: Filters = Field(default_factory=Filters, description="Which customers to include.")


@dataclass(frozen=True)
class OfflineShare:
    journeys: int
    with_offline: int
    buyers: int
    buyers_with_offline: int
    others: int
    others_with_offline: int

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def share(self) -> float | None:
        return self._share(self.with_offline, self.journeys)

    @property
    def buyers_share(self) -> float | None:
        return self._share(self.buyers_with_offline, self.buyers)

    @property
    def others_share(self) -> float | None:
        return self._share(self.others_with_offline, self.others)


@dataclass(frozen=True)
class PathResult(Localised, ResultMixin):
    goal: str
    goal_kind: str
    level: Level
    started: int
    converted: int
    lost: int
    # path, steps (shown, after collapsing repeats and keeping the last max_steps), customers,
    # share (of buyers or of the others): the `top` most common each, and how many distinct
    # variants there were.
    to_goal: pd.DataFrame
    to_dropoff: pd.DataFrame
    variants_to_goal: int
    variants_to_dropoff: int
    # channel, first_touch, first_share, last_touch, last_share (buyers, shares of buyers).
    touches: pd.DataFrame
    offline: OfflineShare
    provenance: Provenance = field(repr=False)
    locale: str | None = None  # how the business writes numbers (its profile's)

    def to_frame(self) -> pd.DataFrame:
        return pd.concat([
            self.to_goal.assign(outcome="converted"),
            self.to_dropoff.assign(outcome="did not convert"),
        ], ignore_index=True)

    def to_text(self) -> str:
        word, nf = self.goal, self.numbers
        lines = [
            f"Journeys: {self.provenance.period_label}",
            f"{counted(self.started, 'customer', nf)}; {count(self.converted, nf)} reached {word}, "
            f"{count(self.lost, nf)} did not.",
        ]
        if self.provenance.filters:
            lines.append(customers_line(self.provenance.filters))
        for title, frame, total, variants in (
            (f"Most common paths to {word}", self.to_goal, self.converted, self.variants_to_goal),
            (f"Most common paths of customers who did not reach {word}", self.to_dropoff, self.lost,
             self.variants_to_dropoff),
        ):
            lines.append("")
            if frame.empty:
                lines.append(f"{title}: none.")
                continue
            lines.append(f"{title} (of {counted(total, 'customer', nf)}, {count(variants, nf)} different "
                         f"{plural('path', variants)}):")
            rows = [[count(r.customers, nf), pct(r.share, numbers=nf), str(r.path)] for r in frame.itertuples()]
            lines += ["  " + line for line in text_table(["customers", "share", "path"], rows, align="rrl")]
        if not self.touches.empty and set(self.touches["channel"]) == {NO_CHANNEL}:
            # a table of one "(none) 100%" row read as a channel that brought every buyer
            lines += ["", f"Where buyers came from: no event on the paths of the {counted(self.converted, 'buyer', nf)} "
                          "has a channel, so their first and last touch cannot be told."]
        elif not self.touches.empty:
            lines.append("")
            lines.append(f"Where buyers came from ({counted(self.converted, 'buyer', nf)}):")
            rows = [["(no channel)" if r.channel == NO_CHANNEL else str(r.channel), count(r.first_touch, nf),
                     pct(r.first_share, numbers=nf), count(r.last_touch, nf), pct(r.last_share, numbers=nf)]
                    for r in self.touches.itertuples()]
            lines += ["  " + line for line in text_table(
                ["channel", "first touch", "share", "last touch", "share"], rows)]
        o = self.offline
        lines.append("")
        lines.append(
            f"Journeys with an offline touchpoint: {pct(o.share, numbers=nf)} ({count(o.with_offline, nf)} of "
            f"{count(o.journeys, nf)}); buyers {pct(o.buyers_share, numbers=nf)}, others {pct(o.others_share, numbers=nf)}."
        )
        lines += [f"Note: {n}" for n in self.provenance.notes]
        return "\n".join(lines)


def paths(store: JourneyStore, params: PathParams) -> PathResult:
    """Path variants, first/last touch of buyers and offline share (see module doc)."""
    with store.connect() as con:
        scope = make_scope(con, store.timezone, params.period, params.filters)
        goal = resolve_goal(con, params.goal_stage, params.goal_touchpoint)
        have = present_stages(con)
        if goal.nothing_before(have):
            raise NoDataError(
                f"No paths towards {goal.what}: the data has no events before it (its events are at "
                f"{', '.join(have) or 'no stage'}), so every journey starts there.")
        sql, args = _paths_sql(goal, params, scope)
        raw = con.execute(sql, args).df()
        short = short_coverage_note(con, scope.period)
    totals = raw[raw.kind == "total"].set_index("outcome")
    started = int(totals.customers.sum()) if not totals.empty else 0
    if started == 0:
        raise NoDataError(
            f"No customer started a journey towards {goal.what} in {scope.period.label}"
            + (" among the filtered customers" if not scope.cohort.is_empty else "")
            + f"; {scope.data_label}."
        )
    converted = int(totals.customers.get(1, 0))
    lost = int(totals.customers.get(0, 0))
    to_goal = _variants(raw, 1, converted)
    to_dropoff = _variants(raw, 0, lost)
    offline = OfflineShare(
        journeys=started,
        with_offline=int(totals.offline.sum()),
        buyers=converted,
        buyers_with_offline=int(totals.offline.get(1, 0)),
        others=lost,
        others_with_offline=int(totals.offline.get(0, 0)),
    )
    touches = _touches(raw, converted)
    nf = store.profile.numbers
    notes = [n for n in (short, scope.period.note) if n]
    if started < 30:
        notes.append(f"only {counted(started, 'journey', nf)}: treat the shares as rough.")
    prov = Provenance(
        tool="paths",
        definition=(
            f"customers with an event before {goal.what}, or {goal.what} itself, in the period; "
            f"a buyer's path runs from their first event in the period to their first "
            f"{goal.name} event, a non-buyer's is all their events before {goal.what}; "
            f"{params.level}s in time order (ties by stage, then the touchpoint map's order), "
            "consecutive repeats "
            f"collapsed, paths longer than {params.max_steps} steps keep their last steps; "
            "emails the business sent are left out; first/last touch = channel of the first/last "
            "event with a channel before the goal; offline = any offline touchpoint on the path"
        ),
        params=params.model_dump(mode="json"),
        filters=scope.filters.active(),
        **provenance_period(scope.period, params),
        tables=("events", "customers") if not scope.cohort.is_empty else ("events",),
        row_counts={"events": int(totals.events.sum())},
        notes=tuple(notes),
    )
    return PathResult(
        goal=goal.name, goal_kind=goal.kind, level=params.level, started=started,
        converted=converted, lost=lost, to_goal=to_goal, to_dropoff=to_dropoff,
        variants_to_goal=int(totals.variants.get(1, 0)), variants_to_dropoff=int(totals.variants.get(0, 0)),
        touches=touches, offline=offline, provenance=prov, locale=nf.locale,
    )


def _paths_sql(goal: Goal, params: PathParams, scope: Scope) -> tuple[str, list[Any]]:
    """One query. Per customer it finds the first goal event, then collects two lists of
    numbers for the events up to it (a sort key, and the point, channel and offline flag
    packed in one), sorts them once by the key (list_grade_up + list_select) and collapses
    repeats; touchpoint and channel names are small dictionaries joined back at the end.
    Numbers instead of ordered lists of text are what keep this cheap at millions of events."""
    is_goal, is_before, goal_args, before_args = goal.sql()
    cohort, cohort_args = cohort_clause(scope.cohort, "e.customer_id")
    m = int(params.max_steps)
    if params.level == "touchpoint":
        point_code = "CAST(dense_rank() OVER (ORDER BY touchpoint) AS INTEGER)"
        point_name = "touchpoint"
        names = "(SELECT list(point ORDER BY pcode) FROM (SELECT DISTINCT pcode, point FROM tpd0))"
    else:
        point_code = f"CAST({STAGE_RANK_SQL} AS INTEGER)"
        point_name = "stage"
        names = "[" + ", ".join(f"'{stage}'" for stage in STAGES) + "]"
    args: list[Any] = [*goal_args, *before_args, scope.period.start, scope.period.end,
                       scope.period.start, scope.period.end, *cohort_args]
    sql = f"""
        WITH
        -- The (touchpoint, stage) pairs of the period: which are the goal or before it, one
        -- code each in the tie order, and the point each one shows as. Deciding per pair
        -- instead of per event is what keeps the string comparisons off the big table.
        tpd0 AS MATERIALIZED (
            SELECT touchpoint, stage, g, {point_name} AS point,
                   CAST(row_number() OVER (ORDER BY {TIE_ORDER_SQL}) AS BIGINT) AS code,
                   {point_code} AS pcode, g OR b AS keep
            FROM (SELECT touchpoint, stage, {is_goal} AS g, {is_before} AS b
                  FROM (SELECT DISTINCT touchpoint, stage FROM events WHERE ts >= ? AND ts < ?))),
        tpd AS (SELECT * FROM tpd0 WHERE code IN (SELECT code FROM tpd0 WHERE keep)),
        base AS (
            SELECT e.customer_id, e.ts, e.channel, e.online, t.g, t.code, t.pcode
            FROM events e JOIN tpd t ON t.touchpoint = e.touchpoint AND t.stage = e.stage
            WHERE e.ts >= ? AND e.ts < ?{cohort}),
        chd AS (
            SELECT channel, CAST(row_number() OVER (ORDER BY channel) AS BIGINT) AS ccode
            FROM (SELECT DISTINCT channel FROM base WHERE channel IS NOT NULL)),
        -- Per event one sort key (time, then tie order) and one number holding the point, the
        -- channel and the offline flag.
        ev0 AS MATERIALIZED (
            SELECT b.customer_id AS c, b.g,
                   CAST(epoch_us(b.ts) AS HUGEINT) * 4294967296 + b.code AS key,
                   b.pcode * 4294967296 + coalesce(ch.ccode, 0) * 2
                       + CAST(coalesce(NOT b.online, FALSE) AS BIGINT) AS info
            FROM base b LEFT JOIN chd ch ON ch.channel = b.channel),
        -- A buyer's path ends at their first goal event: what comes after it is dropped before
        -- the lists are built (most of a regular's events come after their first purchase).
        firsts AS (SELECT c, min(key) FILTER (WHERE g) AS gk, count(*) AS n FROM ev0 GROUP BY c),
        per AS (
            SELECT e.c, any_value(f.n) AS n, any_value(f.gk) IS NOT NULL AS reached,
                   list(e.key) AS ks, list(e.info) AS infos
            FROM ev0 e JOIN firsts f ON f.c = e.c
            WHERE f.gk IS NULL OR e.key <= f.gk
            GROUP BY e.c),
        dec AS (
            SELECT c, n, reached, len(infos) AS gi,
                   list_transform(infos, lambda x: x // 4294967296) AS ps,
                   list_transform(infos, lambda x: NULLIF((x % 4294967296) // 2, 0)) AS chs,
                   list_transform(infos, lambda x: x % 2 = 1) AS offs
            FROM (SELECT c, n, reached, list_select(infos, list_grade_up(ks)) AS infos FROM per)),
        k AS MATERIALIZED (
            SELECT c, n, CAST(reached AS INTEGER) AS outcome,
                   list_filter(ps, lambda x, i: i = 1 OR x <> ps[i - 1]) AS steps,
                   list_bool_or(offs) AS offline,
                   list_filter(chs, lambda x: x IS NOT NULL)[1] AS first_touch,
                   CASE WHEN reached THEN coalesce(
                       list_filter(list_slice(chs, 1, gi - 1), lambda x: x IS NOT NULL)[-1], chs[gi])
                   END AS last_touch
            FROM dec),
        v AS (
            SELECT outcome, label, any_value(len(shown)) AS shown_steps, count(*) AS customers FROM (
                SELECT outcome,
                       CASE WHEN len(steps) > {m} THEN list_slice(steps, -{m}, -1) ELSE steps END AS shown,
                       CASE WHEN len(steps) > {m} THEN '{ELLIPSIS} > ' ELSE '' END
                           || array_to_string(list_transform(shown, lambda x: nm.names[x]), ' > ') AS label
                FROM k, (SELECT {names} AS names) nm)
            GROUP BY outcome, label),
        top AS (
            SELECT * FROM v
            QUALIFY row_number() OVER (PARTITION BY outcome ORDER BY customers DESC, label) <= ?)
        SELECT 'total' AS kind, outcome, NULL AS label, NULL AS steps, count(*) AS customers,
               count(*) FILTER (WHERE offline) AS offline, sum(n) AS events,
               (SELECT count(*) FROM v WHERE v.outcome = k.outcome) AS variants
        FROM k GROUP BY outcome
        UNION ALL
        SELECT 'path', outcome, label, shown_steps, customers, 0, 0, 0
        FROM top
        UNION ALL
        SELECT 'first', 1, coalesce(chd.channel, '{NO_CHANNEL}'), NULL, count(*), 0, 0, 0
        FROM k LEFT JOIN chd ON chd.ccode = k.first_touch WHERE outcome = 1 GROUP BY 3
        UNION ALL
        SELECT 'last', 1, coalesce(chd.channel, '{NO_CHANNEL}'), NULL, count(*), 0, 0, 0
        FROM k LEFT JOIN chd ON chd.ccode = k.last_touch WHERE outcome = 1 GROUP BY 3"""
    args.append(int(params.top))
    return sql, args


def _variants(raw: pd.DataFrame, outcome: int, total: int) -> pd.DataFrame:
    rows = raw[(raw.kind == "path") & (raw.outcome == outcome)]
    frame = pd.DataFrame({
        "path": rows.label.astype(str).tolist(),
        "steps": rows.steps.astype("int64").tolist(),
        "customers": rows.customers.astype("int64").tolist(),
    })
    frame["share"] = frame.customers / total if total else float("nan")
    return frame.sort_values(["customers", "path"], ascending=[False, True]).reset_index(drop=True)


def _touches(raw: pd.DataFrame, buyers: int) -> pd.DataFrame:
    first = raw[raw.kind == "first"].set_index("label").customers.rename("first_touch")
    last = raw[raw.kind == "last"].set_index("label").customers.rename("last_touch")
    frame = pd.concat([first, last], axis=1).fillna(0).astype("int64")
    frame.index.name = "channel"
    frame = frame.reset_index()
    frame["first_share"] = frame.first_touch / buyers if buyers else float("nan")
    frame["last_share"] = frame.last_touch / buyers if buyers else float("nan")
    frame = frame.sort_values(["first_touch", "last_touch", "channel"], ascending=[False, False, True])
    return frame[["channel", "first_touch", "first_share", "last_touch", "last_share"]].reset_index(drop=True)
