"""Customer lifetime value for a shop without subscriptions: BG/NBD purchases x Gamma-Gamma spend.

A purchase is a day with at least one order that was not cancelled or refunded (two orders on
one day are one visit); its value is that day's total. Time is counted in days from each
customer's first purchase. The model is checked before it is trusted: it is fitted on the data
up to `holdout_days` before the end, asked how many purchases each customer makes in the
held-out days, and compared with what they did, next to a naive forecast (each customer keeps
their past repeat rate). Then it is refitted on all data for the forecast.

Revenue is not discounted: the horizons are a quarter or a year, where a small business's
cost of capital moves the figure by a few percent at most.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tools.core.errors import NoDataError
from tools.core.money import Priced
from tools.data.store import JourneyStore
from tools.predict.bgnbd import (
    BGNBDParams,
    GammaGammaParams,
    expected_purchases,
    expected_spend,
    fit_bgnbd,
    fit_gamma_gamma,
    p_alive,
)
from tools.predict.features import PURCHASE_SQL, data_span
from tools.predict.settings import PredictSettings, day_start

_RFM_SQL = f"""
WITH days AS (
    SELECT customer_id, (ts AT TIME ZONE $tz)::DATE AS day, sum(amount) AS value
    FROM orders WHERE ts < $cutoff AND {PURCHASE_SQL}
    GROUP BY 1, 2),
firsts AS (SELECT customer_id, min(day) AS first_day FROM days GROUP BY 1)
SELECT d.customer_id,
       count(*) - 1 AS x,
       date_diff('day', f.first_day, max(d.day)) AS t_x,
       date_diff('day', f.first_day, $cutoff_day) AS T,
       avg(d.value) FILTER (WHERE d.day > f.first_day) AS m,
       sum(d.value) AS spend
FROM days d JOIN firsts f USING (customer_id)
GROUP BY d.customer_id, f.first_day
ORDER BY d.customer_id
"""

_ACTUAL_SQL = f"""
SELECT customer_id, count(DISTINCT (ts AT TIME ZONE $tz)::DATE) AS purchases, sum(amount) AS revenue
FROM orders WHERE ts >= $start AND ts < $end AND {PURCHASE_SQL}
GROUP BY customer_id
"""


def rfm_summary(store: JourneyStore, cutoff: dt.date) -> pd.DataFrame:
    """Per customer with a purchase before `cutoff`: x (repeat purchase days), t_x and T (days
    from the first purchase to the last one and to the cut-off), m (mean value of the repeat
    purchase days, NaN without repeats) and total spend. Index customer_id."""
    params = {"cutoff": day_start(cutoff, store.timezone), "cutoff_day": cutoff, "tz": store.timezone}
    df = store.query(_RFM_SQL, params).set_index("customer_id")
    return df.astype({"x": float, "t_x": float, "T": float, "m": float, "spend": float})


def actual_between(store: JourneyStore, first: dt.date, end: dt.date) -> pd.DataFrame:
    """Purchase days and revenue per customer from `first` to `end` (exclusive)."""
    params = {"start": day_start(first, store.timezone), "end": day_start(end, store.timezone),
              "tz": store.timezone}
    return store.query(_ACTUAL_SQL, params).set_index("customer_id").astype(float)


class ClvModel:
    """Fitted BG/NBD and Gamma-Gamma parameters, as the registry stores them."""

    def __init__(self, bgnbd: BGNBDParams, spend: GammaGammaParams | None, mean_spend: float,
                 cutoff: dt.date, log_likelihood: float, spend_note: str = ""):
        self.bgnbd = bgnbd
        self.spend = spend
        self.mean_spend = mean_spend  # per purchase day, when the spend model could not be fitted
        self.cutoff = cutoff
        self.log_likelihood = log_likelihood
        self.spend_note = spend_note

    def predict(self, rfm: pd.DataFrame, days: float, *, start_offset: float = 0.0) -> pd.DataFrame:
        """Per customer: p_alive, expected purchases and revenue in the `days` after the
        cut-off (or from `start_offset` days after it), and the expected value per purchase."""
        x, t_x, T = (rfm[c].to_numpy(dtype=float) for c in ("x", "t_x", "T"))
        purchases = expected_purchases(self.bgnbd, days + start_offset, x, t_x, T)
        if start_offset:
            purchases = purchases - expected_purchases(self.bgnbd, start_offset, x, t_x, T)
        if self.spend is not None:
            value = expected_spend(self.spend, x, rfm["m"].to_numpy(dtype=float))
        else:
            value = np.full(len(rfm), self.mean_spend)
        return pd.DataFrame({
            "p_alive": p_alive(self.bgnbd, x, t_x, T),
            "expected_purchases": purchases,
            "expected_spend_per_purchase": value,
            "expected_revenue": purchases * value,
        }, index=rfm.index)

    def params(self) -> dict[str, float]:
        out = {f"bgnbd_{k}": float(v) for k, v in vars(self.bgnbd).items()}
        if self.spend is not None:
            out.update({f"gamma_gamma_{k}": float(v) for k, v in vars(self.spend).items()})
        return out


def fit_clv(store: JourneyStore, cutoff: dt.date) -> tuple[ClvModel, pd.DataFrame]:
    """Fit both models on purchases before `cutoff`; also return the RFM frame they saw."""
    rfm = rfm_summary(store, cutoff)
    if rfm.empty:
        raise NoDataError(f"No purchases before {cutoff}: nothing to fit the lifetime value model on.")
    grouped = rfm.groupby(["x", "t_x", "T"]).size().reset_index(name="n")
    bg, ll = fit_bgnbd(grouped["x"], grouped["t_x"], grouped["T"], weights=grouped["n"])
    repeaters = rfm[(rfm["x"] > 0) & (rfm["m"] > 0)]
    spend: GammaGammaParams | None = None
    note = ""
    # The spend model needs a handful of repeat customers and q > 1 for a finite mean; fall back
    # to the plain average value of a purchase day, and say so.
    if len(repeaters) >= 10:
        gg, _ = fit_gamma_gamma(repeaters["x"], repeaters["m"])
        if gg.q > 1:
            spend = gg
        else:
            note = "the spend model gave no finite mean (q <= 1); the average purchase value is used"
    else:
        note = (f"only {len(repeaters)} customers bought twice or more, too few for the spend model; "
                "the average purchase value is used")
    mean_value = float(rfm["spend"].sum() / (rfm["x"] + 1).sum())
    return ClvModel(bg, spend, mean_value, cutoff, ll, note), rfm


@dataclass(frozen=True)
class HoldoutCheck(Priced):
    """How the model fitted before the holdout predicted the holdout, per customer and in total."""

    calibration_end: dt.date  # first day of the holdout
    holdout_days: int
    customers: int
    repeat_share: float  # share of customers with a repeat purchase in calibration
    actual_purchases: float
    predicted_purchases: float
    naive_purchases: float
    mae: float  # mean absolute error of purchases per customer
    naive_mae: float
    rmse: float
    actual_revenue: float
    predicted_revenue: float
    spearman: float  # rank correlation of predicted and actual purchases per customer
    by_frequency: pd.DataFrame = field(repr=False)  # calibration repeats -> mean predicted vs actual
    params: dict[str, float] = field(default_factory=dict)
    currency: str = "GBP"  # revenue is in the business's currency (the store's profile)
    locale: str | None = None

    @property
    def purchases_error(self) -> float:
        """Relative error of the total purchases: (predicted - actual) / actual."""
        return (self.predicted_purchases - self.actual_purchases) / self.actual_purchases \
            if self.actual_purchases else float("nan")

    @property
    def revenue_error(self) -> float:
        return (self.predicted_revenue - self.actual_revenue) / self.actual_revenue \
            if self.actual_revenue else float("nan")

    @property
    def skill(self) -> float:
        """1 - MAE / naive MAE: above 0 the model beats "everyone keeps their past rate"."""
        return 1 - self.mae / self.naive_mae if self.naive_mae else float("nan")

    def metrics(self) -> dict[str, float | int | str]:
        return {
            "skill": self.skill, "mae": self.mae, "naive_mae": self.naive_mae, "rmse": self.rmse,
            "purchases_error": self.purchases_error, "revenue_error": self.revenue_error,
            "actual_purchases": self.actual_purchases, "predicted_purchases": self.predicted_purchases,
            "naive_purchases": self.naive_purchases, "actual_revenue": self.actual_revenue,
            "predicted_revenue": self.predicted_revenue, "spearman": self.spearman,
            "customers": self.customers, "repeat_share": self.repeat_share,
            "holdout_days": self.holdout_days, "calibration_end": self.calibration_end.isoformat(),
        }

    def to_text(self) -> str:
        n, money = self.numbers.number, self.numbers.money_short
        lines = [
            f"Holdout check: fitted on purchases before {self.calibration_end}, predicted the next "
            f"{self.holdout_days} days for {n(self.customers)} customers "
            f"({self.repeat_share:.1%} had bought more than once).",
            f"  purchases: predicted {n(self.predicted_purchases)}, actual {n(self.actual_purchases)} "
            f"({self.purchases_error:+.1%}); naive (past rate) {n(self.naive_purchases)}",
            f"  per customer: MAE {self.mae:.3f} vs naive {self.naive_mae:.3f} (skill {self.skill:+.2f}); "
            f"rank correlation {self.spearman:.2f}",
            f"  revenue: predicted {money(self.predicted_revenue)}, actual {money(self.actual_revenue)} "
            f"({self.revenue_error:+.1%})",
        ]
        return "\n".join(lines)


class PastRate:
    """The simple rule the lifetime value model is checked against, used when the model does
    not beat it: each customer keeps buying at their past rate (repeat purchase days per day
    since their first purchase), at their average value per purchase day."""

    spend_note = ""

    def predict(self, rfm: pd.DataFrame, days: float, *, start_offset: float = 0.0) -> pd.DataFrame:
        rate = (rfm["x"] / rfm["T"].where(rfm["T"] > 0)).fillna(0.0)
        value = rfm["spend"] / (rfm["x"] + 1.0)
        purchases = rate * days
        return pd.DataFrame({"p_alive": np.nan, "expected_purchases": purchases,
                             "expected_spend_per_purchase": value, "expected_revenue": purchases * value},
                            index=rfm.index)


def holdout_check(store: JourneyStore, settings: PredictSettings) -> tuple[HoldoutCheck, ClvModel]:
    """Fit before the last `clv_holdout_days` days, compare with what happened in them."""
    first_day, as_of = data_span(store)
    end = as_of + dt.timedelta(days=1)
    cutoff = end - dt.timedelta(days=settings.clv_holdout_days)
    if (cutoff - first_day).days < settings.min_history_days:
        raise NoDataError(
            f"Not enough history for the lifetime value check: it needs {settings.min_history_days} "
            f"days before a {settings.clv_holdout_days}-day holdout; the data covers "
            f"{(as_of - first_day).days + 1} days. Use a shorter holdout.")
    model, rfm = fit_clv(store, cutoff)
    days = float(settings.clv_holdout_days)
    pred = model.predict(rfm, days)
    actual = actual_between(store, cutoff, end).reindex(rfm.index).fillna(0.0)
    naive = rfm["x"] / rfm["T"].where(rfm["T"] > 0) * days
    naive = naive.fillna(0.0)
    err = pred["expected_purchases"] - actual["purchases"]
    group = np.minimum(rfm["x"], 4).astype(int).map(lambda k: "4+" if k >= 4 else str(k))
    by_freq = pd.DataFrame({
        "repeat_purchases_before": group, "customers": 1, "predicted": pred["expected_purchases"],
        "actual": actual["purchases"], "naive": naive,
    }).groupby("repeat_purchases_before").agg(
        customers=("customers", "sum"), predicted=("predicted", "mean"), actual=("actual", "mean"),
        naive=("naive", "mean")).reset_index()
    check = HoldoutCheck(
        calibration_end=cutoff, holdout_days=settings.clv_holdout_days, customers=len(rfm),
        repeat_share=float((rfm["x"] > 0).mean()),
        actual_purchases=float(actual["purchases"].sum()),
        predicted_purchases=float(pred["expected_purchases"].sum()),
        naive_purchases=float(naive.sum()),
        mae=float(err.abs().mean()), naive_mae=float((naive - actual["purchases"]).abs().mean()),
        rmse=float(np.sqrt((err ** 2).mean())),
        actual_revenue=float(actual["revenue"].sum()),
        predicted_revenue=float(pred["expected_revenue"].sum()),
        spearman=float(pred["expected_purchases"].corr(actual["purchases"], method="spearman")),
        by_frequency=by_freq, params=model.params(),
        currency=store.profile.currency, locale=store.profile.numbers.locale,
    )
    return check, model
