"""Churn risk: who may stop buying, how much they are worth, and who is newly at risk.

Churn risk is the probability that a customer who has bought before makes no purchase in the
`churn_window_days` after the last day of data (modelling.py trains and tests it). Value is
what they spent in the last 12 months: what the shop loses in a year if they go.

`newly_at_risk` feeds the daily digest line and the alert rule type on high-risk customers
(metric name `high_risk_customers`, measures `count` and `value`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.filters import Filters
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted
from tools.data.store import JourneyStore
from tools.predict.features import SentimentSource, customer_features
from tools.predict.latest import NEWLY_DAYS
from tools.predict.registry import ModelRegistry
from tools.predict.scoring import (
    Scores,
    cohort,
    model_facts,
    plain_quality_line,
    quality_line,
    require,
    restrict,
    scores_for,
    untrained_note,
)
from tools.predict.settings import PredictSettings

if TYPE_CHECKING:
    from tools.predict.modelling import Trained

HIGH_RISK_METRIC = "high_risk_customers"
_SNAPSHOTS_KEPT = 30

_COLUMNS = ["churn_risk", "risk_before", "risk_tier", "rate_ratio", "spend_365d", "expected_revenue",
            "recency_days", "orders", "reasons"]


def train_churn(store: JourneyStore, settings: PredictSettings | None = None, *,
                sentiment: SentimentSource | None = None) -> Trained:
    """Train and test the churn model (no registry): the evaluation and the fitted model."""
    from tools.predict.modelling import train_and_evaluate  # scikit-learn: only when training

    settings = settings or PredictSettings()
    return train_and_evaluate(store, "churn", settings.churn_window_days, settings, sentiment=sentiment)


class AtRiskParams(BaseModel):
    """Customers at risk of not buying again soon, with their value and the reasons.

    Use for "who is at risk this month?", "which valuable customers might we lose?",
    "who in Bath is likely to churn?". The risk is for the model's window after the last day of
    data (60 days by default), whatever the wording of the question.
    Examples: "who is at risk" -> {}; "valuable customers at risk" -> {"sort_by": "value"};
    "at-risk regulars" -> {"filters": {"persona": "The Regular"}}.
    """

    tier: Literal["high", "high_and_medium", "lapsing"] = Field(
        default="high", description="high: risk at or above the high threshold (60% by default); "
                                    "high_and_medium adds the medium band (35% by default); lapsing: "
                                    "habitual customers buying at half their usual rate or less, who "
                                    "still buy now and then so their risk of stopping outright is low.")
    sort_by: Literal["risk", "value", "rising"] = Field(
        default="risk", description="Order customers by churn risk, by last-12-month spend, or by "
                                    "how much their risk rose in the last 30 days.")
    limit: int = Field(default=15, ge=1, le=200, description="How many customers to list.")
    filters: Filters = Field(default_factory=Filters, description="Restrict to some customers.")


@dataclass(frozen=True)
class AtRiskResult(Priced, ResultMixin):
    customers: pd.DataFrame  # the listed customers: _COLUMNS, index customer_id
    count: int  # customers in the tier (all of them, not only the listed ones)
    buyers: int  # customers with a purchase, within the filters: the population scored
    value: float  # their spend over the last 12 months
    expected_revenue: float  # what the lifetime value model expects from them in the forecast horizon
    tier: str
    window_days: int
    threshold: float
    as_of: dt.date
    model: dict[str, Any]
    provenance: Provenance = field(repr=False)
    quality: str = ""  # how far to trust the model, in plain words (the statistics are in provenance)
    currency: str = "GBP"  # amounts are in the business's currency (the store's profile)
    locale: str | None = None
    # No churn model trained on this data yet: why, when there will be one and how to train it
    # now; the answer is then the lapsing rule, which needs no model.
    untrained: str = ""

    @property
    def share(self) -> float:
        return self.count / self.buyers if self.buyers else 0.0

    def to_frame(self) -> pd.DataFrame:
        return self.customers.reset_index()

    def to_text(self, details: bool = False) -> str:
        n = self.numbers.number
        if self.tier == "lapsing":
            head = ("No churn risk scores yet (no model); by a rule that needs none, " if self.untrained else "")
            head += (f"{n(self.count)} of {n(self.buyers)} customers ({self.share:.0%}) are lapsing: habitual "
                    f"customers now buying at half their usual rate or less (data to {self.as_of}).")
        else:
            band = "high" if self.tier == "high" else "high or medium"
            head = (f"{n(self.count)} of {n(self.buyers)} customers ({self.share:.0%}) are at {band} risk of not "
                    f"buying in the {self.window_days} days after {self.as_of} (risk {self.threshold:.0%} or more).")
        money = self.numbers
        # "They spent £0.00" of nobody reads as customers who spent nothing
        spent = f" They spent {money.money_short(self.value)} in the last 12 months." if self.count else ""
        lines = [f"{head}{spent}"]
        if len(self.customers):
            lines.append("")
            for cid, r in self.customers.iterrows():
                if pd.isna(r.churn_risk):  # no model: no risk to show
                    lines.append(f"  {cid:<14} spent {money.money(r.spend_365d, decimals=0):>11}  {r.reasons or '-'}")
                    continue
                was = f" (was {r.risk_before:.0%})" if pd.notna(r.risk_before) else " (new)"
                lines.append(f"  {cid:<14} risk {r.churn_risk:>4.0%}{was:<11} spent {money.money(r.spend_365d, decimals=0):>11}  "
                             f"{r.reasons or '-'}")
        lines.append("")
        lines.append(self.untrained or (self.provenance.notes[0] if details and self.provenance.notes
                                        else self.quality))
        return "\n".join(lines).rstrip()


def at_risk_customers(
    store: JourneyStore,
    params: AtRiskParams | None = None,
    *,
    registry: ModelRegistry | None = None,
    settings: PredictSettings | None = None,
    sentiment: SentimentSource | None = None,
    scores: Scores | None = None,
    train_if_missing: bool = True,
) -> AtRiskResult:
    """Customers at high (or medium) churn risk, with value and reasons, most urgent first.
    With no churn model trained on this data and `train_if_missing=False` (answers), the
    lapsing rule, which needs no model, answers, and the result says the model is not trained."""
    params = params or AtRiskParams()
    sc = scores_for(store, registry, settings, sentiment, scores, train_if_missing=train_if_missing)
    untrained = ""
    if "churn" not in sc.versions and untrained_note("churn") in sc.notes:
        untrained = untrained_note("churn")
        # Risk and its rise are the model's numbers; without it, the most valuable come first.
        params = params.model_copy(update={"tier": "lapsing", "sort_by": "value"})
        version = None
    else:
        version = require(sc, "churn")
    filters, ids = cohort(store, params.filters)
    frame = restrict(sc.frame, ids)
    buyers = frame[frame["has_purchase"]]
    threshold = sc.settings.high_risk if params.tier == "high" else sc.settings.medium_risk
    if params.tier == "lapsing":
        chosen = buyers[buyers["lapsing"]]
    else:
        chosen = buyers[buyers["churn_risk"] >= threshold]
    key = {"risk": "churn_risk", "value": "spend_365d", "rising": "risk_change"}[params.sort_by]
    listed = chosen.sort_values([key, "churn_risk"], ascending=False, na_position="last").head(params.limit)
    window = int(version.metrics.get("window_days", sc.settings.churn_window_days)) if version else \
        sc.settings.churn_window_days
    prov = Provenance(
        tool="at_risk_customers",
        definition=(f"Churn risk = probability that a customer who has bought before makes no purchase "
                    f"in the {window} days after the last day of data, from the active churn model; "
                    f"value = their spend in the last 12 months."),
        params=params.model_dump(exclude={"filters"}), filters=filters.active(),
        period_label=f"the {window} days after {sc.as_of}",
        tables=("orders", "events", "tickets", "surveys"), row_counts=dict(sc.rows),
        notes=((quality_line(version, store.profile.numbers),) if version else ()) + (*sc.model_notes(), *sc.notes),
    )
    return AtRiskResult(
        customers=listed[_COLUMNS], count=len(chosen), buyers=len(buyers),
        value=float(chosen["spend_365d"].sum()), expected_revenue=float(chosen["expected_revenue"].sum()),
        tier=params.tier, window_days=window, threshold=threshold, as_of=sc.as_of,
        model=model_facts(version) if version else {}, provenance=prov,
        quality=plain_quality_line(version) if version else "", untrained=untrained,
        currency=store.profile.currency, locale=store.profile.numbers.locale,
    )


class NewlyAtRiskParams(BaseModel):
    """Customers who became high risk recently: the digest line and the high-risk alert.

    Use for "who is newly at risk this week?", "has anyone important become at risk lately?".
    Examples: "newly at risk this week" -> {"days": 7}; "since the last digest" ->
    {"since": "previous_scoring"}.
    """

    since: Literal["days_ago", "previous_scoring"] = Field(
        default="days_ago", description="Compare with the risk `days` ago (rescored with the same "
                                        "model) or with the previous saved scoring (the last digest).")
    days: int = Field(default=7, ge=1, le=180, description="How many days back to compare with.")
    limit: int = Field(default=10, ge=1, le=200, description="How many customers to list.")
    filters: Filters = Field(default_factory=Filters, description="Restrict to some customers.")


@dataclass(frozen=True)
class NewlyAtRiskResult(Priced, ResultMixin):
    customers: pd.DataFrame  # newly high-risk customers, highest value first
    count: int  # newly at high risk
    value: float  # their last-12-month spend
    expected_revenue: float
    total_count: int  # all customers at high risk now
    total_value: float
    compared_with: str  # "2026-08-21" or "scoring of 2026-08-27 07:00"
    as_of: dt.date
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"  # amounts are in the business's currency (the store's profile)
    locale: str | None = None

    def metric(self, measure: Literal["count", "value"], *, new_only: bool = False) -> float:
        """The number behind the alert metric `high_risk_customers` (count or value)."""
        if measure == "count":
            return float(self.count if new_only else self.total_count)
        return self.value if new_only else self.total_value

    def digest_line(self) -> str:
        if self.count == 0:
            return f"No customer became high risk since {self.compared_with}; {self.numbers.number(self.total_count)} are at high risk."
        return (f"{counted(self.count, 'customer', self.numbers)} newly at high risk of leaving since {self.compared_with}, "
                f"worth {self.numbers.money_short(self.value)} over the last 12 months ({self.numbers.number(self.total_count)} at high risk in all).")

    def to_frame(self) -> pd.DataFrame:
        return self.customers.reset_index()

    def to_text(self) -> str:
        lines = [self.digest_line()]
        for cid, r in self.customers.iterrows():
            before = f"{r.previous_risk:.0%}" if pd.notna(r.previous_risk) else "not a buyer then"
            lines.append(f"  {cid:<14} risk {r.churn_risk:.0%} (was {before}), spent "
                         f"{self.numbers.money(r.spend_365d, decimals=0)}: "
                         f"{r.reasons or '-'}")
        return "\n".join(lines)


def newly_at_risk(
    store: JourneyStore,
    params: NewlyAtRiskParams | None = None,
    *,
    registry: ModelRegistry | None = None,
    settings: PredictSettings | None = None,
    sentiment: SentimentSource | None = None,
    scores: Scores | None = None,
    record: bool = False,
    now: dt.datetime | None = None,
    train_if_missing: bool = True,
) -> NewlyAtRiskResult:
    """High-risk customers now who were not high risk before. With `record=True` the current
    scoring is saved so that the next call with since="previous_scoring" compares with it
    (the digest job does this; the agent does not). With `train_if_missing=False` (the digest)
    a store without a churn model says so instead of training one."""
    params = params or NewlyAtRiskParams()
    reg = registry or ModelRegistry.beside(store)
    sc = scores_for(store, reg, settings, sentiment, scores, train_if_missing=train_if_missing)
    require(sc, "churn")
    filters, ids = cohort(store, params.filters)
    frame = restrict(sc.frame, ids)
    high = sc.settings.high_risk
    previous, compared, notes = None, "", []
    if params.since == "previous_scoring":
        previous, compared = _previous_snapshot(store)
        if previous is None:
            notes.append(f"no saved scoring to compare with yet; compared with {params.days} days ago instead")
    if previous is None and sc.earlier is not None and params.days == NEWLY_DAYS:
        previous, compared = sc.earlier, (sc.as_of - dt.timedelta(days=params.days)).isoformat()
    if previous is None:
        then = sc.as_of - dt.timedelta(days=params.days)
        model = reg.load(sc.versions["churn"])
        before = customer_features(store, then + dt.timedelta(days=1), sentiment=sentiment, population="buyers")
        previous = pd.Series(model.predict(before), index=before.index)
        compared = then.isoformat()
    buyers = frame[frame["has_purchase"]].copy()
    buyers["previous_risk"] = previous.reindex(buyers.index)
    now_high = buyers["churn_risk"] >= high
    was_high = (buyers["previous_risk"] >= high).fillna(False)
    new = buyers[now_high & ~was_high].sort_values(["spend_365d", "churn_risk"], ascending=False)
    if record:
        _record_snapshot(store, sc, now or dt.datetime.now(dt.UTC))
    prov = Provenance(
        tool="newly_at_risk",
        definition=(f"Customers whose churn risk is {high:.0%} or more now and was below that "
                    f"{'at the previous scoring' if params.since == 'previous_scoring' else f'{params.days} days earlier'}"
                    "; value = spend in the last 12 months."),
        params=params.model_dump(exclude={"filters"}), filters=filters.active(),
        period_label=f"since {compared} (data to {sc.as_of})",
        tables=("orders", "events", "tickets", "surveys"), row_counts=dict(sc.rows),
        notes=(*notes, *sc.model_notes()),
    )
    return NewlyAtRiskResult(
        customers=new.head(params.limit)[["churn_risk", "previous_risk", "spend_365d", "expected_revenue", "reasons"]],
        count=len(new), value=float(new["spend_365d"].sum()),
        expected_revenue=float(np.nansum(new["expected_revenue"])),
        total_count=int(now_high.sum()), total_value=float(buyers.loc[now_high, "spend_365d"].sum()),
        compared_with=compared, as_of=sc.as_of, provenance=prov, currency=store.profile.currency,
        locale=store.profile.numbers.locale,
    )


_SNAPSHOT_DDL = """
CREATE TABLE IF NOT EXISTS predict_scores (
    scored_at TIMESTAMPTZ NOT NULL, as_of DATE NOT NULL, churn_version INTEGER,
    customer_id VARCHAR NOT NULL, churn_risk DOUBLE, spend_365d DOUBLE)
"""
# By name: the table may have been made by a version with its columns in another order.
_SNAPSHOT_COLUMNS = "scored_at, as_of, churn_version, customer_id, churn_risk, spend_365d"


def _record_snapshot(store: JourneyStore, scores: Scores, now: dt.datetime) -> None:
    buyers = scores.frame[scores.frame["has_purchase"]]
    snap = pd.DataFrame({
        "scored_at": now, "as_of": scores.as_of, "churn_version": scores.versions["churn"].version,
        "customer_id": buyers.index, "churn_risk": buyers["churn_risk"].to_numpy(),
        "spend_365d": buyers["spend_365d"].to_numpy()})
    with store.connect() as con:
        con.execute(_SNAPSHOT_DDL)
        con.begin()
        con.register("snap_df", snap)
        con.execute(f"INSERT INTO predict_scores ({_SNAPSHOT_COLUMNS}) SELECT {_SNAPSHOT_COLUMNS} FROM snap_df")
        con.unregister("snap_df")
        # A digest runs daily; a month of snapshots is plenty to compare with.
        con.execute("""DELETE FROM predict_scores WHERE scored_at NOT IN (
                         SELECT DISTINCT scored_at FROM predict_scores ORDER BY scored_at DESC LIMIT ?)""",
                    [_SNAPSHOTS_KEPT])
        con.commit()


def _previous_snapshot(store: JourneyStore) -> tuple[pd.Series | None, str]:
    if store.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'predict_scores'") == 0:
        return None, ""  # never recorded (and reading must not create the table)
    df = store.query("""SELECT customer_id, churn_risk, scored_at FROM predict_scores
                        WHERE scored_at = (SELECT max(scored_at) FROM predict_scores)""")
    if df.empty:
        return None, ""
    when = pd.Timestamp(df["scored_at"].iloc[0])
    return df.set_index("customer_id")["churn_risk"], f"the scoring of {when:%Y-%m-%d %H:%M}"
