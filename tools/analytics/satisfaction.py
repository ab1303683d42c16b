"""Satisfaction across the journey: does a review score, CSAT, NPS or the sentiment of what
customers wrote differ with what happened to them?

    satisfaction_by(store, SatisfactionParams(measure="review_score", by="delivery"))
    -> "Yes: review score 2.18 of 5 for late (345 answers) against 4.27 for on time (4,893) ..."

Each answer (a survey answer, or for sentiment a survey or ticket text) is tied to what it can
be compared by:
- delivery: the order the answer is about (surveys.order_id, else the customer's latest order
  in the 30 days before answering), and whether that order arrived by its promised day (the
  same rule as the on_time_delivery KPI: the order's promised date, else order day + the
  promise in days), arrived late, or never arrived;
- product_category: that order's categories (an order in two categories counts in both);
  orders without categories fall back to their products, and the answer says so;
- channel: the customer's first-touch channel; segment: the CRM segment;
- stage: the journey stage the answer is about.
Each group gets its number of answers and a 95% interval, and the verdict says in plain words
whether a gap is larger than chance would give with that many answers
(tools/analytics/satisfaction_stats.py). What could not be tied to a group is counted and said.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.filters import DIMS_SQL, Filters, cohort_sql, validate_filters
from tools.analytics.group_gaps import splits_sentence
from tools.analytics.kpi_scope import numbers_of
from tools.analytics.periods import Period, provenance_period, resolve
from tools.analytics.satisfaction_stats import (
    MEASURES,
    MIN_GROUP,
    Measure,
    against_rest,
    difference,
    group_table,
    verdict_many,
    verdict_two,
)
from tools.core.errors import NoDataError, ToolInputError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted
from tools.data.store import JourneyStore

By = Literal["delivery", "channel", "stage", "product_category", "segment"]
LINK_DAYS = 30  # an answer without an order id is about the customer's latest order this recent
SHOWN = 12  # groups listed in the text; every group is in to_frame()
DELIVERY_GROUPS = ("on time", "late", "never arrived")
BY_WORDS = {"delivery": "delivery outcome", "channel": "first-touch channel", "stage": "journey stage",
            "product_category": "product category", "segment": "segment"}


class SatisfactionParams(BaseModel):
    """Compare a satisfaction measure across an order or journey attribute: late against on-time
    deliveries, first-touch channels, journey stages, product categories or CRM segments, with
    the number of answers per group and a plain verdict that allows for small samples.

    Use for "are late deliveries hurting our reviews?", "which product category gets the worst
    reviews?", "do Instagram customers rate us lower?", "is sentiment worse for some segments?".
    Examples:
    - "Are late deliveries hurting reviews?" -> {"measure": "review_score", "by": "delivery"}
    - "Which segment is least satisfied?" -> {"measure": "csat", "by": "segment"}
    - "Do late orders get more negative comments?" -> {"measure": "sentiment", "by": "delivery"}
    """

    model_config = ConfigDict(extra="forbid")

    measure: Measure = Field(
        default="review_score",
        description="review_score: mean 1-5 score; csat: share of 4-5 scores; nps: net promoter "
        "score; sentiment: mean sentiment of what customers wrote (surveys and tickets).")
    by: By = Field(
        default="delivery",
        description="delivery: late vs on time (and never arrived); channel: first-touch channel; "
        "stage: journey stage the answer is about; product_category: categories of the order; "
        "segment: CRM segment.")
    period: Period = Field(
        default_factory=lambda: Period(name="all"),
        description="Answers given in this period; all the data by default, since a comparison "
        "needs many answers. Relative names count back from the last answer.")
    filters: Filters = Field(default_factory=Filters,
                             description="Only the answers of these customers (region, city, segment, channel, "
                             "persona...): \"are late deliveries hurting reviews in SP?\".")


@dataclass(frozen=True)
class SatisfactionResult(Priced, ResultMixin):
    measure: str
    by: str
    # group, n, value, low, high, sd, small, and vs_rest (with its 95% interval): the gap to all
    # other answers, or for delivery the gap of late to on time
    groups: pd.DataFrame
    verdict: str
    answers: int  # answers compared
    not_counted: tuple[str, ...]  # what could not be tied to a group, and why
    provenance: Provenance = field(repr=False)
    group_label: str = ""  # what a group is ("product category", or "product" without categories)
    currency: str = "GBP"  # with locale: how the business writes numbers (the KPIs' format)
    locale: str | None = None
    asked: str = ""  # the measure asked for when the surveys hold none of it (answered in `measure`)

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    def to_text(self) -> str:
        info = replace(MEASURES[self.measure], numbers=self.numbers)
        head = self.group_label or BY_WORDS[self.by]
        title = info.label[0].upper() + info.label[1:]
        who = self.provenance.filters or {}
        only = (", customers with " + ", ".join(f"{d} {v if isinstance(v, str) else ' or '.join(map(str, v))}"
                                                for d, v in who.items())) if who else ""
        lines = [f"{title} by {head}, {self.provenance.period_label}{only}:"]
        if self.asked:
            lines.append(_stand_in_line(self.asked, self.measure) + ".")
        lines += [self.verdict, ""]
        rows = self.groups if self.by == "delivery" else self.groups.sort_values("value")
        width = max([len(head)] + [len(str(g)) for g in rows["group"].head(SHOWN)]) + 2
        lines.append(f"  {head:<{width}}{'answers':>8}   {info.label:<16}95% interval")
        for r in rows.head(SHOWN).itertuples():
            span = "" if pd.isna(r.low) else f"{info.bare(r.low)} to {info.bare(r.high)}"
            flag = "  (too few to judge)" if r.n < MIN_GROUP else ("  (small sample)" if r.small else "")
            lines.append(f"  {str(r.group):<{width}}{info.count(r.n):>8}   {info.value(r.value):<16}{span}{flag}")
        if len(rows) > SHOWN:
            lines.append(f"  ... and {len(rows) - SHOWN} more (lowest first; all of them with --json)")
        if self.not_counted:
            lines.append("Not compared: " + "; ".join(self.not_counted) + ".")
        lines.append("")
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


# One number per answer (see satisfaction_stats): its mean is the measure.
_ANSWERS = {
    "review_score": ("csat", "CAST(csat AS DOUBLE)"),
    "csat": ("csat", "CASE WHEN csat >= 4 THEN 1.0 ELSE 0.0 END"),
    "nps": ("nps", "CASE WHEN nps >= 9 THEN 100.0 WHEN nps <= 6 THEN -100.0 ELSE 0.0 END"),
}
TEXTS_VIEW = "jb_satisfaction_texts"

# Each delivery order's outcome, by the rule of the on_time_delivery KPI (kpi_families.py):
# due on its promised day, else order day + the promise; arrived on its delivered date, else at
# its own delivery event (an event whose session is the order), else the first delivery event
# whose latest waiting delivery order before it (not cancelled, no delivered date) it is, so one
# parcel never arrives for two orders. Days are local days: the store's connection runs in the
# business time zone.
_OUTCOMES = """
    od AS (
        SELECT order_id, customer_id, ts, delivered_at,
               coalesce(CAST(promised_at AS DATE), CAST(ts AS DATE) + CAST($days AS INTEGER)) AS due
        FROM orders WHERE fulfilment = 'delivery' OR promised_at IS NOT NULL OR delivered_at IS NOT NULL),
    dv AS (SELECT customer_id, session_id, ts AS dts FROM events
           WHERE touchpoint = 'delivery' AND customer_id IN (SELECT customer_id FROM od WHERE delivered_at IS NULL)),
    own AS (SELECT customer_id, session_id AS order_id, min(dts) AS dts FROM dv
            WHERE session_id IN (SELECT order_id FROM orders) GROUP BY ALL),
    free AS (SELECT customer_id, dts FROM dv WHERE session_id IS NULL OR session_id NOT IN (SELECT order_id FROM orders)),
    waiting AS (SELECT order_id, customer_id, ts FROM orders
                WHERE (fulfilment = 'delivery' OR promised_at IS NOT NULL) AND delivered_at IS NULL
                  AND status IS DISTINCT FROM 'cancelled' AND customer_id IN (SELECT customer_id FROM free)),
    claimed AS (SELECT w.order_id, w.customer_id, min(free.dts) AS dts
                FROM free ASOF JOIN waiting w ON free.customer_id = w.customer_id AND free.dts >= w.ts
                GROUP BY ALL),
    outcome AS (
        SELECT od.order_id,
               CASE WHEN coalesce(od.delivered_at, own.dts, claimed.dts) IS NULL THEN 'never arrived'
                    WHEN od.due IS NULL THEN NULL
                    WHEN CAST(coalesce(od.delivered_at, own.dts, claimed.dts) AS DATE) <= od.due THEN 'on time'
                    ELSE 'late' END AS grp
        FROM od
        LEFT JOIN own ON own.order_id = od.order_id AND own.customer_id = od.customer_id
        LEFT JOIN claimed ON claimed.order_id = od.order_id AND claimed.customer_id = od.customer_id)"""


def _answers_sql(measure: str) -> str:
    if measure == "sentiment":
        return (f"SELECT t.record_id AS id, t.customer_id, t.ts, t.stage, s.order_id, t.x "
                f"FROM {TEXTS_VIEW} t LEFT JOIN surveys s ON t.source = 'survey' AND s.survey_id = t.record_id "
                "WHERE t.x IS NOT NULL")
    col, x = _ANSWERS[measure]
    return f"SELECT survey_id AS id, customer_id, ts, stage, order_id, {x} AS x FROM surveys WHERE {col} IS NOT NULL"


def _grouped_sql(measure: str, by: str, categories: bool, cohort: str = "") -> str:
    """id, x, grp (NULL when the answer cannot be grouped), why (the reason then); `cohort`: a
    subquery of the customer_ids whose answers count (empty: everyone's, anonymous ones too)."""
    only = f" AND customer_id IN ({cohort})" if cohort else ""
    base = f"""
        WITH a AS ({_answers_sql(measure)}),
        p AS (SELECT * FROM a WHERE ts >= $start AND ts < $end{only})"""
    if by in ("stage", "channel", "segment"):
        if by == "stage":
            grp, why, join = "p.stage", "'no journey stage recorded'", ""
        else:
            col = "channel" if by == "channel" else "segment"
            grp = f"d.{col}"
            why = (f"CASE WHEN p.customer_id IS NULL THEN 'anonymous' "
                   f"ELSE 'customer has no {BY_WORDS[by]} recorded' END")
            join = f"LEFT JOIN ({DIMS_SQL}) d ON d.customer_id = p.customer_id"
        return base + f"""
        SELECT p.id, p.x, CAST({grp} AS VARCHAR) AS grp, CASE WHEN {grp} IS NULL THEN {why} END AS why,
               p.customer_id
        FROM p {join}"""
    linked = base + f""",
        {_OUTCOMES.strip()},
        linked AS (
            SELECT p.id, p.x, p.customer_id, p.order_id AS given,
                   CASE WHEN p.order_id IS NOT NULL THEN o1.order_id
                        WHEN p.ts - o2.ots <= INTERVAL {LINK_DAYS} DAY THEN o2.order_id END AS oid
            FROM p
            LEFT JOIN orders o1 ON o1.order_id = p.order_id
            ASOF LEFT JOIN (SELECT customer_id, ts AS ots, order_id FROM orders) o2
              ON p.customer_id = o2.customer_id AND p.ts >= o2.ots)"""
    no_order = ("CASE WHEN l.given IS NOT NULL THEN 'its order is not in the orders' "
                f"ELSE 'no order in the {LINK_DAYS} days before it' END")
    if by == "delivery":
        return linked + f"""
        SELECT l.id, l.x, oc.grp,
               CASE WHEN l.oid IS NULL THEN {no_order}
                    WHEN oc.order_id IS NULL THEN 'its order was not a delivery'
                    WHEN oc.grp IS NULL THEN 'its order has no delivery promise' END AS why, l.customer_id
        FROM linked l LEFT JOIN outcome oc ON oc.order_id = l.oid"""
    column = "categories" if categories else "products"
    return linked + f""",
        cats AS (SELECT order_id, trim(unnest(string_split({column}, ','))) AS grp FROM orders
                 WHERE nullif(trim({column}), '') IS NOT NULL)
        SELECT l.id, l.x, c.grp,
               CASE WHEN l.oid IS NULL THEN {no_order}
                    WHEN c.grp IS NULL THEN 'its order has no {"category" if categories else "products"} recorded' END AS why,
               l.customer_id
        FROM linked l LEFT JOIN cats c ON c.order_id = l.oid"""


def satisfaction_by(store: JourneyStore, params: SatisfactionParams, *, promise_days: int | None = 2,
                    texts: pd.DataFrame | None = None) -> SatisfactionResult:
    """Compare params.measure across params.by. For measure="sentiment" the caller passes the
    scored texts (`texts`: source, record_id, customer_id, ts, stage, score), since scores live
    in the feedback store; `promise_days` is the delivery promise for orders without a date."""
    numbers = numbers_of(store)
    info = replace(MEASURES[params.measure], numbers=numbers)
    asked = ""  # the measure asked for, when the surveys hold none of it and another answers
    filters = validate_filters(store, params.filters)
    cohort, cohort_args = cohort_sql(filters)
    with store.connect() as con:
        registered = False
        try:
            if params.measure == "sentiment":
                frame = _texts_frame(texts)
                con.register(TEXTS_VIEW, frame)
                registered = True
            span = con.execute(f"SELECT min(ts), max(ts), count(*) FROM ({_answers_sql(params.measure)})").fetchone()
            assert span is not None
            other = _STAND_IN.get(params.measure)
            if not span[2] and other:
                # "how satisfied are customers by channel?" over a survey that asks only NPS (or
                # only a 1-5 score) is answered in the score the surveys hold, saying so, rather
                # than refused for want of the one the question happened to default to.
                held = con.execute(f"SELECT min(ts), max(ts), count(*) FROM ({_answers_sql(other)})").fetchone()
                if held is not None and held[2]:
                    asked, span = params.measure, held
                    params = params.model_copy(update={"measure": other})
                    info = replace(MEASURES[other], numbers=numbers)
            if not span[2]:
                texts_only = params.measure != "sentiment" and con.execute(
                    "SELECT count(*) FROM surveys WHERE text IS NOT NULL").fetchone()[0]  # type: ignore[index]
                raise NoDataError(_nothing_to_measure(params.measure) + (
                    f" The surveys hold {numbers.number(texts_only)} written answers without a score: how "
                    "they feel can be compared instead (measure sentiment, or `journeybot feedback sentiment "
                    "--by channel`)." if texts_only else ""))
            first, last = _local_day(span[0], store.timezone), _local_day(span[1], store.timezone)
            period = resolve(params.period, last, store.timezone, first)
            categories = bool(con.execute("SELECT count(categories) FROM orders").fetchone()[0])  # type: ignore[index]
            if cohort:  # positional filter values do not mix with the named bounds: inline them as a table
                con.execute("CREATE OR REPLACE TEMP TABLE jb_satisfaction_cohort AS " + cohort, cohort_args)
            sql = _grouped_sql(params.measure, params.by, categories,
                               "SELECT customer_id FROM jb_satisfaction_cohort" if cohort else "")
            bound = {"start": period.start, "end": period.end, "days": promise_days}
            rows = con.execute(sql, {k: v for k, v in bound.items() if f"${k}" in sql}).df()
            others = _other_splits(con, params, categories, "SELECT customer_id FROM jb_satisfaction_cohort"
                                   if cohort else "", bound) if len(rows) and rows["grp"].isna().all() else ""
        finally:
            if registered:
                con.unregister(TEXTS_VIEW)
            if cohort:
                con.execute("DROP TABLE IF EXISTS jb_satisfaction_cohort")
    if rows.empty:
        whose = f" from customers with {_filters_words(filters)}" if cohort else ""
        raise NoDataError(f"No {info.label} answers{whose} in {period.label}; the answers run from {first} to {last}.")
    values = rows[rows["grp"].notna()][["id", "x", "grp"]]
    skipped = rows[rows["grp"].isna()].drop_duplicates("id")
    not_counted = [f"{counted(n, 'answer', numbers)}: {why}" for why, n in skipped["why"].value_counts().items()]
    if params.by == "product_category" and not categories:
        not_counted.insert(0, "the orders have no product categories, so answers are grouped by product")
    if values.empty:
        raise NoDataError(
            f"None of the {numbers.number(rows['id'].nunique())} {info.label} answers in {period.label} can be tied to "
            f"a {BY_WORDS[params.by]}: " + "; ".join(not_counted) + "." + others)
    table = group_table(values, params.measure)
    what = "product" if params.by == "product_category" and not categories else BY_WORDS[params.by]
    if params.by == "delivery":
        order = {g: i for i, g in enumerate(DELIVERY_GROUPS)}
        table = table.sort_values("group", key=lambda s: s.map(order)).reset_index(drop=True)
        x, grp = values["x"].to_numpy(dtype=float), values["grp"].to_numpy()
        d = difference(x[grp == "late"], x[grp == "on time"], "late", "on time")
        verdict = verdict_two(d, info, "late", "on time", values,
                              f"whether late deliveries go with a lower {info.label}")
        diffs = {"late": d} if d is not None else {}
    else:
        diffs = against_rest(values, [str(g) for g in table.loc[table["n"] >= MIN_GROUP, "group"]])
        verdict = verdict_many(table, diffs, info, what)
    table["vs_rest"] = table["group"].map(lambda g: diffs[g].diff if g in diffs else None)
    table["vs_rest_low"] = table["group"].map(lambda g: diffs[g].low if g in diffs else None)
    table["vs_rest_high"] = table["group"].map(lambda g: diffs[g].high if g in diffs else None)
    prov = Provenance(
        tool="satisfaction_by",
        definition=_definition(params, info.scale, promise_days, categories),
        params=params.model_dump(mode="json", exclude_defaults=False),
        filters=filters.active(),
        **provenance_period(period, params),
        tables=("surveys", "orders", "events", "customers") if params.by in ("delivery", "product_category")
        else ("surveys", "customers"),
        row_counts={"answers": int(rows["id"].nunique()), "compared": int(values["id"].nunique())},
        notes=tuple(_notes(table)),  # a stand-in measure is said under the title (to_text), not twice
    )
    return SatisfactionResult(params.measure, params.by, table, verdict, int(values["id"].nunique()),
                              tuple(not_counted), prov, what, numbers.currency, numbers.locale, asked)


def _other_splits(con: Any, params: SatisfactionParams, categories: bool, cohort: str, bound: dict[str, Any]) -> str:
    """' Splits it can make here: delivery outcome and journey stage.': when no answer ties to the
    group asked for, the splits satisfaction_by makes (its own `by`, never a region or a city it
    does not take) that tie at least one of the same answers to a group. One count per split,
    only on this path."""
    held = []
    for by in BY_WORDS:
        if by == params.by:
            continue
        sql = f"SELECT count(grp) FROM ({_grouped_sql(params.measure, by, categories, cohort)})"
        # fetchall, not fetchone: an open result keeps the texts view from being unregistered
        if con.execute(sql, {k: v for k, v in bound.items() if f"${k}" in sql}).fetchall()[0][0]:
            held.append(by)
    return " " + splits_sentence(["product" if by == "product_category" and not categories else BY_WORDS[by]
                                  for by in held], none="No other split ties these answers to a group either.")


def _filters_words(filters: Filters) -> str:
    return ", ".join(f"{dim} {value if isinstance(value, str) else ' or '.join(map(str, value))}"
                     for dim, value in filters.active().items())


def _texts_frame(texts: pd.DataFrame | None) -> pd.DataFrame:
    if texts is None:
        raise ToolInputError("sentiment needs the scored customer texts: index them first with "
                             "`journeybot feedback index`")
    need = ["source", "record_id", "customer_id", "ts", "stage", "score"]
    missing = [c for c in need if c not in texts]
    if missing:
        raise ToolInputError(f"scored texts lack the column(s) {', '.join(missing)}")
    frame = texts[need].rename(columns={"score": "x"}).copy()
    frame["ts"] = pd.to_datetime(frame["ts"], utc=True)
    frame["x"] = pd.to_numeric(frame["x"], errors="coerce")
    return frame


def _local_day(value: object, timezone: str) -> dt.date:
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts
    return ts.tz_convert(timezone).date()


# A survey score the surveys lack, and the one that answers instead: the 1-5 score (review score
# or CSAT) and the 0-10 NPS both say how satisfied customers are. Sentiment reads texts, not scores.
_STAND_IN = {"review_score": "nps", "csat": "nps", "nps": "csat"}
_SCALE_WORDS = {"review_score": "review scores (1-5)", "csat": "CSAT answers (1-5)", "nps": "NPS answers (0-10)"}


def _stand_in_line(asked: str, used: str) -> str:
    return (f"Answered in {MEASURES[used].label}: the surveys hold no {_SCALE_WORDS[asked]}, "
            f"only {_SCALE_WORDS[used]}, so {MEASURES[used].label} is the measure here "
            f"({MEASURES[used].scale})")


def _nothing_to_measure(measure: str) -> str:
    return {
        "review_score": "No review scores in the surveys (the csat column, 1-5): load reviews or CSAT answers first.",
        "csat": "No CSAT answers in the surveys (the csat column, 1-5): load them first.",
        "nps": "No NPS answers in the surveys (the nps column, 0-10): load them first.",
        "sentiment": "No scored customer texts: every text is unscored (a language the offline reader "
                     "does not understand) or none is indexed; run `journeybot feedback index`.",
    }[measure]


def _definition(params: SatisfactionParams, scale: str, promise_days: int | None, categories: bool) -> str:
    what = {"review_score": "survey answers with a 1-5 score", "csat": "survey answers with a 1-5 score",
            "nps": "survey answers with a 0-10 NPS score",
            "sentiment": "survey answers and tickets with a text sentiment score"}[params.measure]
    text = f"{scale}, over {what}, per {BY_WORDS[params.by]}; 95% intervals (Welch's t, Wilson for shares)"
    if params.by in ("delivery", "product_category"):
        text += (f"; an answer is about its order (order id), else the customer's latest order in the "
                 f"{LINK_DAYS} days before it")
    if params.by == "delivery":
        promise = "order day + " + (f"{promise_days} days" if promise_days is not None else "(no promise set)")
        text += (f"; on time = arrived by the end of the promised day (the order's own promised date, "
                 f"else {promise}); never arrived = no delivery recorded")
    if params.by == "product_category":
        text += "; an order in several categories counts in each" if categories else "; by product"
    if params.by != "delivery":
        text += "; each group is compared with all other answers, allowing for the number of groups"
    return text


def _notes(table: pd.DataFrame) -> list[str]:
    notes = []
    few = table[table["n"] < MIN_GROUP]
    if len(few):
        notes.append(f"{counted(len(few), 'group')} {'has' if len(few) == 1 else 'have'} fewer than {MIN_GROUP} "
                     "answers: shown, not judged")
    return notes
