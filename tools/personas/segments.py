"""Behavioural segments of customers: the data behind personas.

Each customer (CRM rows, anyone seen in events or orders) gets a row of behaviour measured in
one SQL pass: recency, frequency and value of purchases, online vs offline, how orders are
fulfilled, the furthest journey stage reached, support contact, survey scores and whether the
business knows who they are. Features are put on a common 0-1 scale (counts on a log scale,
clipped at the 1st and 99th percentiles so one huge caterer does not squash everyone else),
then KMeans is fitted for every k in the range and the k with the best silhouette wins.
Stability is reported too: the same k refitted on bootstrap halves, compared with the full
fit by adjusted Rand index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tools.core.errors import NoDataError, ToolInputError
from tools.core.stages import STAGES
from tools.data.no_behaviour import nothing_to_read
from tools.data.store import JourneyStore

# Words for each feature, in the order they are scaled; shown with a segmentation.
FEATURES: dict[str, str] = {
    "recency": "days since the last purchase (never bought counts as the longest)",
    "frequency": "orders (log scale)",
    "monetary": "money spent (log scale)",
    "avg_order": "average order value (log scale)",
    "activity": "journey events (log scale)",
    "online_share": "share of events that were online",
    "delivery_share": "share of orders delivered",
    "pickup_share": "share of orders collected (pickup)",
    "instore_share": "share of orders bought in the shop",
    "phone_share": "share of orders placed by phone",
    "stage_reached": "furthest journey stage reached",
    "support": "support tickets (log scale)",
    "satisfaction": "mean survey score (CSAT and NPS on one 0-1 scale; the average where none)",
    "sentiment": "mean sentiment of the customer's own survey and ticket texts (the average where none; "
                 "left out when the feedback store is not at hand)",
    "known": "the business has CRM details (city, region, age band or segment)",
}

# Satisfaction is sparse (most customers never answer a survey), so it counts half.
WEIGHTS: dict[str, float] = {"satisfaction": 0.5, "sentiment": 0.5}

_STAGE_CASE = "CASE stage " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STAGES)) + " END"

FEATURES_SQL = f"""
WITH ids AS (
    SELECT customer_id FROM customers
    UNION SELECT DISTINCT customer_id FROM events
    UNION SELECT DISTINCT customer_id FROM orders),
ev AS (
    SELECT customer_id, count(*) AS events,
           avg(CASE WHEN online THEN 1.0 ELSE 0.0 END) AS online_share,
           max({_STAGE_CASE}) AS stage_reached
    FROM events GROUP BY customer_id),
o AS (
    SELECT customer_id, count(*) AS orders, sum(amount) AS revenue,
           max(ts) AS last_order,
           avg(CASE WHEN fulfilment = 'delivery' THEN 1.0 ELSE 0.0 END) AS delivery_share,
           avg(CASE WHEN fulfilment = 'pickup' THEN 1.0 ELSE 0.0 END) AS pickup_share,
           avg(CASE WHEN channel = 'in_store' OR fulfilment = 'in_store' THEN 1.0 ELSE 0.0 END) AS instore_share,
           avg(CASE WHEN channel = 'phone' THEN 1.0 ELSE 0.0 END) AS phone_share
    FROM orders WHERE coalesce(status, 'completed') NOT IN ('cancelled', 'returned')
    GROUP BY customer_id),
t AS (SELECT customer_id, count(*) AS tickets FROM tickets WHERE customer_id IS NOT NULL GROUP BY customer_id),
s AS (
    SELECT customer_id,
           avg(coalesce((csat - 1) / 4.0, nps / 10.0)) AS satisfaction
    FROM surveys WHERE customer_id IS NOT NULL AND (csat IS NOT NULL OR nps IS NOT NULL)
    GROUP BY customer_id)
SELECT ids.customer_id,
       date_diff('day', o.last_order::DATE, $as_of::DATE) AS recency_days,
       coalesce(o.orders, 0) AS orders,
       coalesce(o.revenue, 0.0) AS revenue,
       coalesce(ev.events, 0) AS events,
       coalesce(ev.online_share, 0.0) AS online_share,
       coalesce(o.delivery_share, 0.0) AS delivery_share,
       coalesce(o.pickup_share, 0.0) AS pickup_share,
       coalesce(o.instore_share, 0.0) AS instore_share,
       coalesce(o.phone_share, 0.0) AS phone_share,
       greatest(coalesce(ev.stage_reached, -1), CASE WHEN o.orders > 0 THEN 3 ELSE -1 END) AS stage_reached,
       coalesce(t.tickets, 0) AS tickets,
       s.satisfaction,
       (c.city IS NOT NULL OR c.region IS NOT NULL OR c.age_band IS NOT NULL OR c.segment IS NOT NULL) AS known
FROM ids
LEFT JOIN customers c USING (customer_id)
LEFT JOIN ev USING (customer_id)
LEFT JOIN o USING (customer_id)
LEFT JOIN t USING (customer_id)
LEFT JOIN s USING (customer_id)
ORDER BY ids.customer_id
"""


def customer_features(store: JourneyStore, sentiment: pd.Series | None = None) -> pd.DataFrame:
    """One row per customer (index customer_id) with the raw behaviour, in the units people
    read: days, counts, money, shares. `sentiment` (customer_id -> mean sentiment of their own
    texts, -1..1) comes from the feedback store, which tools/ does not open itself."""
    as_of = store.as_of()
    if as_of is None:
        raise NoDataError(nothing_to_read(store, "personas group customers by what they do (orders, visits)"))
    frame = store.query(FEATURES_SQL, {"as_of": as_of})
    if frame.empty:
        raise NoDataError("No customers are loaded.")
    frame = frame.set_index("customer_id")
    frame["sentiment"] = (sentiment.groupby(level=0).mean().reindex(frame.index).astype(float)
                          if sentiment is not None else np.nan)
    return frame


def _log_scaled(values: pd.Series) -> np.ndarray:
    return _unit(np.log1p(values.to_numpy(dtype=float).clip(min=0)))


def _unit(values: np.ndarray) -> np.ndarray:
    lo, hi = np.nanpercentile(values, [1, 99]) if len(values) else (0.0, 0.0)
    if not np.isfinite(hi - lo) or hi - lo <= 1e-12:
        return np.zeros_like(values, dtype=float)
    return (np.clip(values, lo, hi) - lo) / (hi - lo)


def scaled_features(raw: pd.DataFrame) -> pd.DataFrame:
    """The raw behaviour on a 0-1 scale per feature (constant features become 0)."""
    bought = raw["orders"] > 0
    # A store with visits but no orders (a web analytics export) has no recency at all: DuckDB's
    # nullable integers then give pd.NA, which has no truth value, so read them as floats.
    days = raw["recency_days"].astype(float)
    latest = days.max(skipna=True)
    window = max(float(latest) if pd.notna(latest) else 0.0, 1.0)
    recency = np.where(bought, days.fillna(window).clip(lower=0) / window, 1.0)
    avg_order = (raw["revenue"] / raw["orders"].where(bought)).fillna(0.0)
    satisfaction = raw["satisfaction"].astype(float)
    satisfaction = satisfaction.fillna(satisfaction.mean() if satisfaction.notna().any() else 0.5)
    # Without feedback the column is constant, so it scales to 0 and changes no distance.
    feeling = raw["sentiment"].astype(float) if "sentiment" in raw else pd.Series(0.0, index=raw.index)
    feeling = feeling.fillna(feeling.mean() if feeling.notna().any() else 0.0)
    out = pd.DataFrame(
        {
            "recency": _unit(recency.astype(float)),
            "frequency": _log_scaled(raw["orders"]),
            "monetary": _log_scaled(raw["revenue"]),
            "avg_order": _log_scaled(avg_order),
            "activity": _log_scaled(raw["events"]),
            "online_share": _unit(raw["online_share"].to_numpy(dtype=float)),
            "delivery_share": _unit(raw["delivery_share"].to_numpy(dtype=float)),
            "pickup_share": _unit(raw["pickup_share"].to_numpy(dtype=float)),
            "instore_share": _unit(raw["instore_share"].to_numpy(dtype=float)),
            "phone_share": _unit(raw["phone_share"].to_numpy(dtype=float)),
            "stage_reached": _unit(raw["stage_reached"].to_numpy(dtype=float)),
            "support": _log_scaled(raw["tickets"]),
            "satisfaction": _unit(satisfaction.to_numpy(dtype=float)),
            "sentiment": _unit(feeling.to_numpy(dtype=float)),
            "known": raw["known"].fillna(False).to_numpy(dtype=float),
        },
        index=raw.index,
    )
    for name, weight in WEIGHTS.items():
        out[name] = out[name] * weight
    return out


@dataclass(frozen=True)
class Segmentation:
    labels: pd.Series  # customer_id -> segment number 0..k-1 (0 = most revenue)
    raw: pd.DataFrame  # customer_features()
    k: int
    silhouette: float  # of the chosen k, -1..1 (above 0.5: clearly separated)
    stability: float  # mean ARI of bootstrap refits against the full fit, 0..1
    silhouettes: dict[int, float] = field(default_factory=dict)  # every k tried
    chosen_by: str = "silhouette"

    @property
    def separation(self) -> str:
        """The silhouette in words (Kaufman and Rousseeuw's bands)."""
        s = self.silhouette
        if s >= 0.7:
            return "strong"
        if s >= 0.5:
            return "reasonable"
        if s >= 0.25:
            return "weak"
        return "no real structure"


def _fit(Z: np.ndarray, k: int, seed: int):
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    # On a few thousand rows OpenMP's thread start-up costs more than the work (2-5x slower
    # on two cores); one thread it is.
    with threadpool_limits(limits=1 if len(Z) < 50_000 else None):
        return KMeans(n_clusters=k, n_init=10, random_state=seed).fit(Z)


def segment_customers(
    store: JourneyStore,
    *,
    k: int | None = None,
    k_min: int = 2,
    k_max: int = 6,
    seed: int = 0,
    bootstraps: int = 3,
    silhouette_sample: int = 3000,
    sentiment: pd.Series | None = None,
) -> Segmentation:
    """Segment every customer on behaviour; k from the data (best silhouette) unless given."""
    from sklearn.metrics import adjusted_rand_score, silhouette_score

    if not 2 <= k_min <= k_max <= 6:
        raise ToolInputError(f"Segments must be between 2 and 6; got {k_min}..{k_max}.")
    if k is not None and not 2 <= k <= 6:
        raise ToolInputError(f"The number of segments must be from 2 to 6; got {k}.")
    raw = customer_features(store, sentiment)
    Z = scaled_features(raw).to_numpy()
    distinct = len(np.unique(Z.round(6), axis=0))
    if distinct < (k or k_min) + 1:
        raise NoDataError(
            f"Only {distinct} distinct customer behaviours are in the data; segments need more customers."
        )
    rng = np.random.default_rng(seed)
    sample = min(silhouette_sample, len(Z))
    candidates = [k] if k is not None else list(range(k_min, min(k_max, distinct - 1) + 1))
    fits = {}
    silhouettes: dict[int, float] = {}
    for n in candidates:
        fits[n] = _fit(Z, n, seed)
        silhouettes[n] = float(silhouette_score(Z, fits[n].labels_, sample_size=sample, random_state=seed))
    best = max(silhouettes, key=lambda n: (round(silhouettes[n], 3), n))
    labels = fits[best].labels_
    aris = []
    for _ in range(bootstraps):
        rows = rng.choice(len(Z), size=len(Z) // 2, replace=False)
        refit = _fit(Z[rows], best, seed)
        aris.append(adjusted_rand_score(labels, refit.predict(Z)))
    labels = _order_by_revenue(pd.Series(labels, index=raw.index), raw)
    return Segmentation(
        labels=labels, raw=raw, k=best, silhouette=silhouettes[best],
        stability=float(np.mean(aris)) if aris else float("nan"), silhouettes=silhouettes,
        chosen_by="given" if k is not None else "silhouette",
    )


def _order_by_revenue(labels: pd.Series, raw: pd.DataFrame) -> pd.Series:
    """Renumber segments so 0 brings the most revenue, then the most customers."""
    summary = pd.DataFrame({"seg": labels, "revenue": raw["revenue"]}).groupby("seg").agg(
        revenue=("revenue", "sum"), n=("revenue", "size"))
    order = summary.sort_values(["revenue", "n"], ascending=False).index.tolist()
    mapping = {old: new for new, old in enumerate(order)}
    return labels.map(mapping).rename("segment")
