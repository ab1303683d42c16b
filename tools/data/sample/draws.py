"""The random draws every behaviour uses: a time of day, a channel, how often a customer does
something on each day of their active window. Each takes the random generator explicitly, so
the order of draws (and with it the output) is visible at the call site."""

from __future__ import annotations

import numpy as np

from tools.data.sample.codes import CH, DAY, HOUR
from tools.data.sample.hours import HOURS
from tools.data.sample.timeline import Timeline


def clock(
    rng: np.random.Generator,
    tl: Timeline,
    days: np.ndarray,
    weekday: str,
    weekend: str | None = None,
) -> np.ndarray:
    """Seconds since period start for a time of day drawn from the hour profiles."""
    days = np.asarray(days, np.int64)
    h = rng.choice(24, size=len(days), p=HOURS[weekday])
    if weekend is not None:
        hw = rng.choice(24, size=len(days), p=HOURS[weekend])
        h = np.where(tl.is_weekend(days), hw, h)
    return days * DAY + h * HOUR + rng.integers(0, HOUR, len(days))


def channels(
    rng: np.random.Generator,
    tl: Timeline,
    days: np.ndarray,
    mix: dict[str, float],
    tiktok_scale: float = 1.0,
) -> np.ndarray:
    """A channel per day from `mix`, with tiktok taking its share of the day on top (scaled)."""
    names = list(mix)
    p = np.array([mix[n] for n in names], float)
    base = np.array([CH[n] for n in names])[rng.choice(len(names), size=len(days), p=p / p.sum())]
    s = tl.incidents.tiktok[np.clip(days, 0, tl.days - 1)] * tiktok_scale
    return np.where(rng.random(len(days)) < s, CH["tiktok"], base).astype(np.int16)


def poisson_days(
    rng: np.random.Generator,
    tl: Timeline,
    first_day: np.ndarray,
    last_day: np.ndarray,
    rows: np.ndarray,
    rate: np.ndarray,
    dayw: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Activity counts per customer-day inside each customer's active window.

    `rows` are the customers (chunk positions), `rate` their daily rate and `dayw` a weight per
    day (or per customer and day). Returns one (customer, day) pair per activity.
    """
    d = np.arange(tl.days)
    lam = rate[:, None] * (dayw if dayw.ndim == 2 else dayw[None, :])
    active = (d[None, :] > first_day[rows][:, None]) & (d[None, :] <= last_day[rows][:, None])
    counts = rng.poisson(lam * active)
    r, c = np.nonzero(counts)
    k = counts[r, c]
    return np.repeat(rows[r], k), np.repeat(c, k).astype(np.int64)
