"""Expected revenue from existing customers: the lifetime value model, summed over a horizon.

Only customers who have already bought are counted: the forecast says what the current
customer base is expected to spend, not what new customers will bring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.filters import Dimension, Filters
from tools.analytics.group_gaps import GroupGap, shown, split_header
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.data.store import JourneyStore
from tools.predict.clv import ClvModel, PastRate, rfm_summary
from tools.predict.features import data_span
from tools.predict.groups import customer_groups
from tools.predict.registry import ModelRegistry
from tools.predict.scoring import cohort, model_facts, quality_line, restrict
from tools.predict.settings import PredictSettings

Horizon = Literal["next_30_days", "next_90_days", "next_180_days", "next_365_days", "next_month",
                  "next_quarter"]


class RevenueForecastParams(BaseModel):
    """Expected purchases and revenue from existing customers over a coming period.

    Use for "what is our expected revenue from existing customers next quarter?", "how much
    will our regulars spend in the next 90 days?", "which segment brings the most next year?".
    next_month and next_quarter are calendar periods after the month or quarter the data ends
    in; next_N_days start the day after the data ends.
    Examples: "next quarter" -> {"horizon": "next_quarter"}; "next year by segment" ->
    {"horizon": "next_365_days", "by": "segment"}.
    """

    horizon: Horizon = Field(default="next_90_days", description="The coming period to forecast.")
    by: Dimension | None = Field(default=None, description="Break the forecast down by this dimension.")
    limit: int = Field(default=10, ge=0, le=200, description="How many top customers to list.")
    filters: Filters = Field(default_factory=Filters, description="Restrict to some customers.")


@dataclass(frozen=True)
class RevenueForecastResult(Priced, ResultMixin):
    revenue: float  # expected revenue from existing customers in the horizon
    purchases: float  # expected purchase days
    customers: int  # existing customers counted
    expected_active: float  # sum of P(still a customer) at the end of the data
    first_day: dt.date
    last_day: dt.date
    breakdown: pd.DataFrame  # value, customers, expected_purchases, expected_revenue, share (when `by`)
    top: pd.DataFrame  # top customers by expected revenue
    holdout: dict[str, Any]  # how the model did on the last holdout days
    caveats: tuple[str, ...]  # what limits the forecast (few repeat buyers, spend model fallback)
    model: dict[str, Any]
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"  # amounts are in the business's currency (the store's profile)
    locale: str | None = None
    # "model" (BG/NBD + Gamma-Gamma) or "past rate": the simple rule, when the model did not beat it
    # or has not been trained on this data yet (then `untrained` says so, when and how to train it)
    method: str = "model"
    untrained: str = ""
    gap: GroupGap | None = None  # the customers with no value for `by` (all of them: no split)

    def to_frame(self) -> pd.DataFrame:
        return self.breakdown if len(self.breakdown) else self.top.reset_index()

    def to_text(self, details: bool = False) -> str:
        money = self.numbers
        head = (f"Expected from the {money.number(self.customers)} existing customers between {self.first_day} and "
                f"{self.last_day}: {money.money_short(self.revenue)} in revenue from {money.number(self.purchases)} purchases")
        if self.method == "past rate":
            head += ", if each keeps buying at their past rate."
        else:
            head += f" (about {money.number(self.expected_active)} of them are still active)."
        lines = [head]
        by = str(self.provenance.params.get("by"))
        if self.gap is not None and self.gap.blank:  # all blank: no table of one blank group
            lines += ["", self.gap.note(money) + ("" if self.gap.empty else ".")]
        if len(self.breakdown) and not (self.gap is not None and self.gap.empty):
            lines += ["", split_header(by)]  # the rows alone did not say which split they are
            for r in self.breakdown.itertuples():
                lines.append(f"  {shown(r.value, by):<22} {money.money(r.expected_revenue, decimals=0):>13}  ({r.share:.0%}, "
                             f"{money.number(r.customers)} customers)")
        if len(self.top):
            lines.append("")
            lines.append("Top customers by expected revenue:")
            for cid, r in self.top.iterrows():
                active = "" if pd.isna(r.p_alive) else f", still active: {r.p_alive:.0%}"
                lines.append(f"  {cid:<14} {money.money(r.expected_revenue, decimals=0):>11}  "
                             f"({money.number(r.expected_purchases, 1)} purchases{active})")
        lines.append("")
        quality = self.untrained or (plain_quality(self.holdout, self.method) if not details
                                     else self.provenance.notes[0])
        lines.extend([quality, *self.caveats])
        if details:
            lines.append(self.provenance.to_text(details=True))
        return "\n".join(lines).rstrip()


def horizon_days(horizon: Horizon, as_of: dt.date) -> tuple[int, int, dt.date, dt.date]:
    """(offset, length) in days after the end of the data, and the first and last day."""
    start = as_of + dt.timedelta(days=1)
    if horizon.startswith("next_") and horizon.endswith("_days"):
        n = int(horizon.split("_")[1])
        return 0, n, start, start + dt.timedelta(days=n - 1)
    if horizon == "next_month":
        first = (as_of.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    else:
        q_month = 3 * ((as_of.month - 1) // 3) + 1
        first = (dt.date(as_of.year, q_month, 1) + dt.timedelta(days=100)).replace(day=1)
        last = (dt.date(first.year, first.month, 1) + dt.timedelta(days=95)).replace(day=1) - dt.timedelta(days=1)
    return (first - start).days, (last - first).days + 1, first, last


def revenue_forecast(
    store: JourneyStore,
    params: RevenueForecastParams | None = None,
    *,
    registry: ModelRegistry | None = None,
    settings: PredictSettings | None = None,
    currency: str = "GBP",
    train_if_missing: bool = True,
) -> RevenueForecastResult:
    """Expected revenue and purchases from existing customers over the horizon. Without a
    lifetime value model trained on this data, `train_if_missing=False` (answers) forecasts with
    the past-rate rule and says the model is not trained yet."""
    from tools.predict.scoring import lifetime_model

    params = params or RevenueForecastParams()
    settings = settings or PredictSettings()
    reg = registry or ModelRegistry.beside(store)
    chosen = lifetime_model(store, reg, settings, train_if_missing=train_if_missing)
    version, notes = chosen.version, list(chosen.notes)
    clv: ClvModel | PastRate = chosen.model
    method = "past rate" if chosen.past_rate else "model"
    as_of = data_span(store)[1]
    offset, length, first, last = horizon_days(params.horizon, as_of)
    rfm = rfm_summary(store, as_of + dt.timedelta(days=1))
    filters, ids = cohort(store, params.filters)
    rfm = restrict(rfm, ids)
    pred = clv.predict(rfm, float(length), start_offset=float(offset))
    total = float(pred["expected_revenue"].sum())
    breakdown, gap = pd.DataFrame(), None
    if params.by:
        labels, gap = customer_groups(store, pred.index, params.by)
        joined = pred.assign(value=labels)
        breakdown = joined.groupby("value").agg(
            customers=("expected_revenue", "size"), expected_purchases=("expected_purchases", "sum"),
            expected_revenue=("expected_revenue", "sum")).reset_index()
        breakdown["share"] = breakdown["expected_revenue"] / total if total else 0.0
        breakdown = breakdown.sort_values("expected_revenue", ascending=False).reset_index(drop=True)
    top = pred.sort_values("expected_revenue", ascending=False).head(params.limit)
    m = version.metrics if version is not None else {}
    caveats = []
    if m.get("repeat_share", 1) < 0.05:
        caveats.append(
            f"Only {m.get('repeat_share', 0):.1%} of customers had bought more than once when the model was "
            "checked: the forecast rests on very few repeat buyers and most customers are expected to "
            "buy nothing more.")
    if clv.spend_note:
        caveats.append(clv.spend_note)
    definition = ("Expected purchases per existing customer from the BG/NBD model (purchase rate "
                  "and dropout) times expected value per purchase from the Gamma-Gamma model, "
                  "summed; a purchase is a day with a non-cancelled order; not discounted.")
    if method == "past rate":
        definition = ("Each existing customer's repeat purchase days per day since their first purchase, "
                      "times the days of the horizon, times their average value per purchase day, summed "
                      + ("(the simple rule, because the lifetime value model has not been trained on this "
                         "data yet)." if version is None else
                         "(the simple rule, because the lifetime value model did not beat it on the holdout)."))
    prov = Provenance(
        tool="revenue_forecast",
        definition=definition,
        params=params.model_dump(exclude={"filters"}), filters=filters.active(),
        period_start=None, period_end=None,
        period_label=f"{params.horizon.replace('_', ' ')} ({first} to {last})",
        tables=("orders",), row_counts={"customers with a purchase": len(rfm)},
        notes=((quality_line(version, store.profile.numbers), *caveats, version.summary(), *notes)
               if version is not None else (chosen.untrained, *caveats, *notes))
        + ((gap.note(store.profile.numbers),) if gap is not None and gap.blank else ()),
    )
    return RevenueForecastResult(
        revenue=total, purchases=float(pred["expected_purchases"].sum()), customers=len(rfm),
        expected_active=float(pred["p_alive"].sum()), first_day=first, last_day=last,
        breakdown=breakdown, top=top[["expected_revenue", "expected_purchases", "p_alive"]],
        holdout={k: m.get(k) for k in ("holdout_days", "calibration_end", "predicted_purchases",
                                       "actual_purchases", "purchases_error", "predicted_revenue",
                                       "actual_revenue", "revenue_error", "mae", "naive_mae", "skill")},
        caveats=tuple(caveats), model=model_facts(version) if version is not None else {}, provenance=prov,
        method=method, untrained=chosen.untrained, gap=gap,
        currency=store.profile.currency, locale=store.profile.numbers.locale,
    )


def plain_quality(holdout: dict[str, Any], method: str) -> str:
    """How far to trust the forecast, without the statistics."""
    days = holdout.get("holdout_days") or "the last"
    if method == "past rate":
        return (f"The lifetime value model is not used: on the {days} days held back it was further off per "
                "customer than this simple rule, so the rule gives the forecast.")
    error = holdout.get("revenue_error")
    off = f", revenue {abs(error):.0%} {'too high' if error > 0 else 'too low'}" if isinstance(error, float) else ""
    skill = holdout.get("skill")
    if isinstance(skill, float) and skill < 0:
        return (f"Warning: on the {days} days held back this model was further off per customer than the simple "
                f"rule 'each customer keeps buying at their past rate'{off}; treat the forecast as rough, or "
                "retrain with `journeybot predict train`.")
    return f"Checked on the {days} days held back: it beat the simple past-rate rule{off}."
