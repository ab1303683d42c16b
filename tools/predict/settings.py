"""The knobs of the predictive models, in one frozen value.

`bot/config/data.py` (PredictConfig) fills it from the `[predict]` section; tools and tests build it directly. The
training windows are stored with every model version, so a model is always scored with the
windows it was trained for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class PredictSettings:
    # Churn label: no purchase in this many days after the cut-off. Shorter than the 90-day
    # churn definition of the KPIs because a time-based split needs two label windows plus
    # some history inside the data (a 180-day export cannot hold two 90-day windows).
    churn_window_days: int = 60
    propensity_days: int = 30  # purchase propensity: will they buy in the next N days
    clv_holdout_days: int = 60  # BG/NBD is checked on the last N days before it is refitted
    forecast_days: int = 90  # default horizon of the revenue forecast ("next quarter")
    min_history_days: int = 45  # features need at least this much history before a cut-off
    snapshot_step_days: int = 14  # training stacks cut-offs this far apart ...
    max_snapshots: int = 4  # ... at most this many of them
    min_positives: int = 10  # each class needs this many customers in train and in test
    high_risk: float = 0.6  # churn probability at or above which a customer is high risk
    medium_risk: float = 0.35
    high_value_quantile: float = 0.8  # top 20% by last-12-month spend are "high value"
    rising_risk: float = 0.15  # risk up by this much since `compare_days` ago is "rising"
    compare_days: int = 30
    recent_days: int = 30  # a ticket or low score this recent counts as a recent complaint
    likely_buyer: float = 0.5  # purchase propensity at or above which someone is a likely buyer
    # Lapsing: a habitual customer (at least `lapsing_min_days` purchase days in the 90 days
    # before the last 45) buying at this share of their usual rate or less.
    lapsing_ratio: float = 0.5
    lapsing_min_days: int = 6
    retrain_tolerance: float = 0.0  # a retrain scoring lower than the active model by more than this is kept inactive
    seed: int = 7

    def __post_init__(self) -> None:
        problems = []
        for name in ("churn_window_days", "propensity_days", "clv_holdout_days", "forecast_days",
                     "snapshot_step_days", "max_snapshots", "compare_days", "recent_days"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1, got {getattr(self, name)}")
        if not 0 < self.medium_risk < self.high_risk < 1:
            problems.append(
                f"risk thresholds must satisfy 0 < medium_risk < high_risk < 1, got "
                f"{self.medium_risk} and {self.high_risk}")
        if not 0 < self.high_value_quantile < 1:
            problems.append(f"high_value_quantile must be between 0 and 1, got {self.high_value_quantile}")
        if problems:
            raise ValueError("; ".join(problems))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def day_start(day: dt.date, timezone: str) -> dt.datetime:
    """Midnight at the start of `day` in the business time zone: a cut-off."""
    return dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(timezone))
