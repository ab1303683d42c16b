"""Customer lifetime value: what a customer is worth over their life with the business.

Lifetime value here is what each customer has spent so far (completed, not cancelled or
refunded orders, all the data) plus what the lifetime value model (BG/NBD purchases x
Gamma-Gamma spend, tools/predict/clv.py) expects them to spend over the coming horizon, a year
by default. Only customers who have bought are counted. Averages are given with medians: a few
big spenders pull the mean up, and the median says what a typical customer is worth.

The model is trusted only as far as it was tested: when on its holdout it did not beat the
naive forecast (each customer keeps their past purchase rate), the answer says so and the
expected future part should be read as rough.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.filters import Dimension, Filters
from tools.analytics.group_gaps import GroupGap, shown, split_header
from tools.core.errors import NoDataError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.data.store import JourneyStore
from tools.predict.clv import ClvModel, rfm_summary
from tools.predict.features import data_span
from tools.predict.groups import customer_groups
from tools.predict.registry import ModelRegistry, ModelVersion
from tools.predict.scoring import cohort, model_facts, quality_line, restrict
from tools.predict.settings import PredictSettings

# Every customer dimension, as the forecast and next actions split: asked "by city", the answer
# was the overall value with no word that the split had been dropped.
LifetimeBy = Dimension


class LifetimeValueParams(BaseModel):
    """What a customer is worth over their lifetime: spend so far plus the spend the lifetime
    value model expects over the coming year, per customer, on average (mean and median) and by
    segment, first-touch channel, town, region, age band or persona.

    Use for "what is a customer worth over their lifetime?", "CLV by segment", "which channel
    brings the most valuable customers?", "our top 5 customers by lifetime value".
    Examples: "CLV by channel" -> {"by": "channel"}; "top 5 customers by lifetime value" ->
    {"limit": 5}.
    """

    model_config = ConfigDict(extra="forbid")

    by: LifetimeBy | None = Field(default=None, description="Break the value down by segment, first-touch "
                                  "channel, acquisition channel, city, region, age band or saved persona.")
    limit: int = Field(default=10, ge=0, le=200, description="How many top customers to list.")
    horizon_days: int = Field(default=365, ge=30, le=1825, description="Days of expected future spend added "
                              "to the spend so far (365 = the coming year).")
    filters: Filters = Field(default_factory=Filters, description="Restrict to some customers.")


@dataclass(frozen=True)
class LifetimeValueResult(Priced, ResultMixin):
    customers: int  # customers with at least one completed purchase
    mean_value: float  # mean lifetime value (spend so far + expected)
    median_value: float
    mean_spent: float  # mean spend so far
    mean_expected: float  # mean expected spend over the horizon
    total_value: float
    horizon_days: int
    as_of: dt.date
    breakdown: pd.DataFrame  # value, customers, mean_value, median_value, mean_spent, mean_expected, share
    top: pd.DataFrame  # index customer_id: spent, expected, lifetime_value, p_alive
    beats_baseline: bool | None  # did the model beat the naive forecast on its holdout
    warnings: tuple[str, ...]
    model: dict[str, Any]
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"  # amounts are in the business's currency (the store's profile)
    locale: str | None = None
    gap: GroupGap | None = None  # the customers with no value for `by` (all of them: no split)

    def to_frame(self) -> pd.DataFrame:
        return self.breakdown if len(self.breakdown) else self.top.reset_index()

    def to_text(self) -> str:
        fmt = self.numbers
        money, count = fmt.money, fmt.number
        years = "the coming year" if self.horizon_days == 365 else f"the next {self.horizon_days} days"
        lines = [
            f"Customer lifetime value (spend so far plus expected spend over {years}), "
            f"{count(self.customers)} customers who have bought, data up to {self.as_of}:",
            f"  typical customer (median) {money(self.median_value)}; average {money(self.mean_value)} "
            f"({money(self.mean_spent)} spent so far + {money(self.mean_expected)} expected)",
        ]
        by = self.provenance.params.get("by")
        if self.gap is not None and self.gap.blank:  # all blank: no table of one blank group
            lines += ["", self.gap.note(fmt) + ("" if self.gap.empty else ".")]
        if len(self.breakdown) and not (self.gap is not None and self.gap.empty):
            lines += ["", split_header(by), f"  {'':<22}{'median':>13}{'average':>13}{'customers':>11}{'share':>8}"]
            for r in self.breakdown.itertuples():
                lines.append(f"  {shown(r.value, by):<22}{money(r.median_value):>13}{money(r.mean_value):>13}"
                             f"{count(r.customers):>11}{fmt.percent(r.share, 0):>8}")
        if len(self.top):
            lines += ["", "Top customers by lifetime value:"]
            for cid, r in self.top.iterrows():
                active = "" if pd.isna(r.p_alive) else f"; still active: {fmt.percent(r.p_alive, 0)}"
                lines.append(f"  {cid:<14} {money(r.lifetime_value):>13}  ({money(r.spent)} so far + "
                             f"{money(r.expected)} expected{active})")
        quality = self.provenance.notes[0]
        lines += ["", *self.warnings, *([] if any(quality in w for w in self.warnings) else [quality])]
        return "\n".join(lines).rstrip()


def lifetime_value(
    store: JourneyStore,
    params: LifetimeValueParams | None = None,
    *,
    registry: ModelRegistry | None = None,
    settings: PredictSettings | None = None,
    train_if_missing: bool = True,
) -> LifetimeValueResult:
    """Lifetime value per existing customer, summarised and broken down. Without a lifetime
    value model trained on this data, `train_if_missing=False` (answers) takes the expected part
    from the past-rate rule and says the model is not trained yet."""
    from tools.predict.scoring import lifetime_model

    params = params or LifetimeValueParams()
    settings = settings or PredictSettings()
    reg = registry or ModelRegistry.beside(store)
    chosen = lifetime_model(store, reg, settings, train_if_missing=train_if_missing)
    version, clv, past_rate, notes = chosen.version, chosen.model, chosen.past_rate, chosen.notes
    as_of = data_span(store)[1]
    rfm = rfm_summary(store, as_of + dt.timedelta(days=1))
    filters, ids = cohort(store, params.filters)
    rfm = restrict(rfm, ids)
    if rfm.empty:
        raise NoDataError("No customer with a completed purchase" + (" among the customers asked for."
                          if ids is not None else " in the data: lifetime value needs orders."))
    values = per_customer(clv, rfm, params.horizon_days)
    breakdown, gap = _breakdown(store, values, params.by) if params.by else (pd.DataFrame(), None)
    top = values.sort_values("lifetime_value", ascending=False).head(params.limit)
    if version is None:
        beats, warnings = None, (chosen.untrained + " Until then the expected part assumes each customer "
                                 "keeps buying at their past rate; the spend so far is exact.",)
    elif past_rate:
        beats, warnings = False, ("The expected part assumes each customer keeps buying at their past rate: "
                                  "the lifetime value model did not beat that simple rule on recent data, so it "
                                  "is not used. The spend so far is exact.",)
    else:
        beats, warnings = _trust(version, clv)
    prov = Provenance(
        tool="customer_lifetime_value",
        definition=("per customer with a completed purchase: their completed orders' total so far, plus "
                    f"expected spend over the next {params.horizon_days} days ("
                    + ("their past rate of repeat purchase days x their average value per purchase day"
                       if past_rate else "BG/NBD expected purchase days x Gamma-Gamma expected value per "
                       "purchase day") + "); not discounted; mean and median over customers"),
        params=params.model_dump(exclude={"filters"}), filters=filters.active(),
        period_start=None, period_end=None,
        period_label=f"spend up to {as_of}, expected over the {params.horizon_days} days after",
        tables=("orders",), row_counts={"customers with a purchase": len(values)},
        notes=((quality_line(version, store.profile.numbers), version.summary(), *notes) if version is not None
               else (chosen.untrained, *notes)) + _gap_notes(gap, store),
    )
    return LifetimeValueResult(
        customers=len(values), mean_value=float(values["lifetime_value"].mean()),
        median_value=float(values["lifetime_value"].median()), mean_spent=float(values["spent"].mean()),
        mean_expected=float(values["expected"].mean()), total_value=float(values["lifetime_value"].sum()),
        horizon_days=params.horizon_days, as_of=as_of, breakdown=breakdown, top=top,
        beats_baseline=beats, warnings=warnings, model=model_facts(version) if version is not None else {},
        provenance=prov, currency=store.profile.currency, locale=store.profile.numbers.locale, gap=gap,
    )


def _gap_notes(gap: GroupGap | None, store: JourneyStore) -> tuple[str, ...]:
    """The split's gap as the last note (the first is the model's quality line, read by to_text)."""
    return (gap.note(store.profile.numbers),) if gap is not None and gap.blank else ()


def per_customer(model: ClvModel, rfm: pd.DataFrame, horizon_days: int) -> pd.DataFrame:
    """spent, expected, lifetime_value and p_alive per customer (index customer_id)."""
    pred = model.predict(rfm, float(horizon_days))
    return pd.DataFrame({
        "spent": rfm["spend"], "expected": pred["expected_revenue"],
        "lifetime_value": rfm["spend"] + pred["expected_revenue"], "p_alive": pred["p_alive"],
    }, index=rfm.index)


def _breakdown(store: JourneyStore, values: pd.DataFrame, by: str) -> tuple[pd.DataFrame, GroupGap | None]:
    labels, gap = customer_groups(store, values.index, by, LifetimeBy.__args__)  # type: ignore[attr-defined]
    joined = values.assign(value=labels)
    out = joined.groupby("value").agg(
        customers=("lifetime_value", "size"), mean_value=("lifetime_value", "mean"),
        median_value=("lifetime_value", "median"), mean_spent=("spent", "mean"),
        mean_expected=("expected", "mean"), total=("lifetime_value", "sum")).reset_index()
    total = float(out["total"].sum())
    out["share"] = out["total"] / total if total else 0.0
    return out.sort_values("median_value", ascending=False).reset_index(drop=True), gap


def _trust(version: ModelVersion, model: ClvModel) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the model beat its naive baseline on the holdout, and the warnings to show."""
    m = version.metrics
    mae, naive = m.get("mae"), m.get("naive_mae")
    out = []
    beats = None if mae is None or naive is None else bool(mae < naive)
    if beats is False:
        out.append(
            f"Warning: on its last {m.get('holdout_days')}-day holdout the model did not beat the naive forecast "
            f"(each customer keeps their past purchase rate): error per customer {mae:.3f} against {naive:.3f}. "
            "Read the expected part as rough; the spend so far is exact.")
    if m.get("repeat_share") is not None and m["repeat_share"] < 0.05:
        out.append(f"Only {m['repeat_share']:.1%} of customers had bought more than once when the model was "
                   "checked, so the expected spend rests on very few repeat buyers.")
    if model.spend_note:
        out.append(model.spend_note[0].upper() + model.spend_note[1:] + ".")
    return beats, tuple(out)
