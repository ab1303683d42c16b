"""Purchase propensity: who is likely to buy in the next N days, customers and prospects alike.

The probability comes from the purchase model (modelling.py, target "purchase"): trained on
everyone seen before past cut-offs, labelled by whether they bought in the `propensity_days`
after, tested on a later cut-off against the rule "the more recently active, the likelier".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.filters import Filters
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted
from tools.data.store import JourneyStore
from tools.predict.features import SentimentSource
from tools.predict.modelling import Trained, baseline_score, train_and_evaluate
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

_COLUMNS = ["purchase_propensity", "has_purchase", "orders", "recency_days", "days_since_event",
            "decision_30d", "spend_365d"]


def train_propensity(store: JourneyStore, settings: PredictSettings | None = None, *,
                     sentiment: SentimentSource | None = None) -> Trained:
    """Train and test the purchase model (no registry): the evaluation and the fitted model."""
    settings = settings or PredictSettings()
    return train_and_evaluate(store, "purchase", settings.propensity_days, settings, sentiment=sentiment)


class PropensityParams(BaseModel):
    """Who is likely to buy in the next weeks (30 days by default), and how many buyers to expect.

    Use for "who is likely to buy soon?", "which prospects are close to a first order?",
    "how many customers will buy next month?".
    Examples: "prospects close to buying" -> {"who": "prospects"}; "likely buyers in Bath" ->
    {"filters": {"city": ["Bath"]}}.
    """

    who: Literal["everyone", "customers", "prospects"] = Field(
        default="everyone", description="customers: have bought before; prospects: seen in the "
                                        "journey but never bought; everyone: both.")
    min_probability: float = Field(default=0.5, ge=0.0, le=1.0,
                                   description="List people at or above this purchase probability.")
    limit: int = Field(default=15, ge=1, le=200, description="How many people to list.")
    filters: Filters = Field(default_factory=Filters, description="Restrict to some customers.")


@dataclass(frozen=True)
class PropensityResult(Priced, ResultMixin):
    customers: pd.DataFrame  # listed people, most likely first
    count: int  # people at or above min_probability
    population: int  # people scored within who/filters
    expected_buyers: float  # sum of probabilities: how many of them should buy
    horizon_days: int
    as_of: dt.date
    model: dict[str, Any]
    provenance: Provenance = field(repr=False)
    quality: str = ""  # how far to trust the model, in plain words (the statistics are in provenance)
    currency: str = "GBP"  # counts are written in the business's locale (the store's profile)
    locale: str | None = None
    # No purchase model trained on this data yet: why, when and how; the people are then ranked
    # by the rule the model is tested against (the most recently active first), with no chances.
    untrained: str = ""

    def to_frame(self) -> pd.DataFrame:
        return self.customers.reset_index()

    def to_text(self, details: bool = False) -> str:
        p = self.provenance.params
        n = self.numbers.number
        if self.untrained:
            lines = [f"No purchase chances yet (no model); by the simple rule the model is tested against, "
                     f"the most recently active of the {n(self.population)} people are the likeliest to buy "
                     f"(data to {self.as_of}):"]
            last = self.customers[["recency_days", "days_since_event"]].min(axis=1)  # the rule's own measure
            for (cid, r), days in zip(self.customers.iterrows(), last, strict=True):
                kind = counted(int(r.orders), "order", self.numbers) if r.has_purchase else "prospect"
                # days run to midnight after the last day of data: an event at 00:10 on it is
                # 0.99 days back, "last active on" that day, not "1 days before the end"
                on = self.as_of + dt.timedelta(days=1 - math.ceil(days)) if pd.notna(days) else None
                seen = f"; last active on {on}" if on else ""
                lines.append(f"  {cid:<14} {kind}{seen}")
            return "\n".join([*lines, self.untrained])
        lines = [f"{n(self.count)} of {n(self.population)} people have a {p['min_probability']:.0%}+ chance "
                 f"of buying in the {counted(self.horizon_days, 'day', self.numbers)} after {self.as_of}. In all, about "
                 f"{n(self.expected_buyers)} of the {n(self.population)} are expected to buy."]
        for cid, r in self.customers.iterrows():
            kind = counted(int(r.orders), "order", self.numbers) if r.has_purchase else "prospect"
            lines.append(f"  {cid:<14} {r.purchase_propensity:>4.0%}  {kind}")
        lines.append(self.provenance.notes[0] if details and self.provenance.notes else self.quality)
        return "\n".join(lines).rstrip()


def purchase_propensity(
    store: JourneyStore,
    params: PropensityParams | None = None,
    *,
    registry: ModelRegistry | None = None,
    settings: PredictSettings | None = None,
    sentiment: SentimentSource | None = None,
    scores: Scores | None = None,
    train_if_missing: bool = True,
) -> PropensityResult:
    """People most likely to buy in the purchase model's horizon."""
    params = params or PropensityParams()
    sc = scores_for(store, registry, settings, sentiment, scores, train_if_missing=train_if_missing)
    untrained = untrained_note("purchase") if "purchase" not in sc.versions and \
        untrained_note("purchase") in sc.notes else ""
    version = None if untrained else require(sc, "purchase")
    filters, ids = cohort(store, params.filters)
    frame = restrict(sc.frame, ids)
    if params.who == "customers":
        frame = frame[frame["has_purchase"]]
    elif params.who == "prospects":
        frame = frame[~frame["has_purchase"]]
    if version is None:  # the recency rule ranks; it gives no probability, so nobody is counted
        likely = frame.iloc[:0]
        listed = frame.iloc[np.argsort(-baseline_score(frame, "purchase"), kind="stable")].head(params.limit)
        horizon = sc.settings.propensity_days
    else:
        likely = frame[frame["purchase_propensity"] >= params.min_probability]
        listed = likely.sort_values("purchase_propensity", ascending=False).head(params.limit)
        horizon = int(version.metrics.get("window_days", sc.settings.propensity_days))
    prov = Provenance(
        tool="purchase_propensity",
        definition=(f"Probability of at least one purchase in the {horizon} days after the last day "
                    "of data, from the active purchase model; expected buyers = sum of probabilities."),
        params=params.model_dump(exclude={"filters"}), filters=filters.active(),
        period_label=f"the {horizon} days after {sc.as_of}",
        tables=("orders", "events", "tickets", "surveys"), row_counts=dict(sc.rows),
        notes=((quality_line(version, store.profile.numbers),) if version else ()) + (*sc.model_notes(), *sc.notes),
    )
    return PropensityResult(
        customers=listed[_COLUMNS], count=len(likely), population=len(frame),
        expected_buyers=float(frame["purchase_propensity"].sum()), horizon_days=horizon,
        as_of=sc.as_of, model=model_facts(version) if version else {}, provenance=prov,
        quality=plain_quality_line(version) if version else "", untrained=untrained,
        currency=store.profile.currency, locale=store.profile.numbers.locale,
    )
