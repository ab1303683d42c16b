"""BG/NBD purchase counts and Gamma-Gamma spend: the buy-till-you-die models, from the papers.

- BG/NBD: Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way: An Alternative
  to the Pareto/NBD Model", Marketing Science 24(2). While alive a customer buys as a Poisson
  process with rate lambda ~ Gamma(r, alpha); after each repeat purchase they drop out with
  probability p ~ Beta(a, b).
- Gamma-Gamma: Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer
  Base Analysis", and Fader and Hardie (2013), "The Gamma-Gamma Model of Monetary Value".

Per customer: x repeat purchases (purchase days after the first), t_x the time of the last
one and T the time observed, both counted from the first purchase; m the mean value of the
repeat purchases. Everything is computed in log space with gammaln/betaln, since Gamma
functions of x + r overflow for regular customers, and parameters are fitted as logs so they
stay positive. No maintained package fits here: `lifetimes` is unmaintained and does not
support current numpy/pandas, and PyMC-Marketing brings a probabilistic programming stack
for four parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# scipy is imported inside the functions that use it: the forecast's parameter model is read
# by every process that lists the agent's tools, and scipy is tens of MB a server rarely needs.
from tools.core.errors import NoDataError

# Parameters are fitted as logs within these bounds (days as the unit). When nobody seems to
# drop out, a and b grow together without limit; the bound stops them where the forecast no
# longer changes.
_LOG_BOUNDS = (-9.0, 12.0)


@dataclass(frozen=True)
class BGNBDParams:
    r: float
    alpha: float
    a: float
    b: float

    def as_array(self) -> np.ndarray:
        return np.array([self.r, self.alpha, self.a, self.b])


@dataclass(frozen=True)
class GammaGammaParams:
    p: float
    q: float
    gamma: float

    @property
    def mean_spend(self) -> float:
        """Population mean of the expected spend per purchase (finite only when q > 1)."""
        return self.p * self.gamma / (self.q - 1) if self.q > 1 else float("nan")


# -- BG/NBD -------------------------------------------------------------------------------

def bgnbd_log_likelihood(params: BGNBDParams, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Log-likelihood of each customer's (x, t_x, T): FHL 2005, equation (6)."""
    from scipy import special
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x), -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)


def fit_bgnbd(x: np.ndarray, t_x: np.ndarray, T: np.ndarray, *, weights: np.ndarray | None = None) -> tuple[BGNBDParams, float]:
    """Maximum-likelihood (r, alpha, a, b) and the total log-likelihood. `weights` counts
    customers sharing one (x, t_x, T), so data can be passed grouped."""
    from scipy import optimize
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    if len(x) == 0 or w.sum() == 0:
        raise NoDataError("No customers with a purchase to fit the BG/NBD model on.")
    if not np.any(x > 0):
        raise NoDataError(
            "No customer has bought more than once, so the BG/NBD model cannot learn how often "
            "customers come back. It needs repeat purchases.")

    def nll(theta: np.ndarray) -> float:
        value = -float(np.sum(w * bgnbd_log_likelihood(BGNBDParams(*np.exp(theta)), x, t_x, T)))
        return value if np.isfinite(value) else 1e300

    # Start from a rate that matches the observed repeat rate and a mild dropout.
    rate = max(float(np.sum(w * x) / np.sum(w * np.maximum(T, 1e-9))), 1e-4)
    start = np.log([1.0, 1.0 / rate, 1.0, 3.0])
    start = np.clip(start, *_LOG_BOUNDS)
    best = None
    for method in ("L-BFGS-B", "Nelder-Mead"):
        res = optimize.minimize(nll, start, method=method, bounds=[_LOG_BOUNDS] * 4,
                                options={"maxiter": 5000})
        if best is None or res.fun < best.fun:
            best = res
        start = best.x  # Nelder-Mead polishes where the gradient method stopped
    assert best is not None
    return BGNBDParams(*np.exp(best.x)), -float(best.fun)


def _log_alive_odds(params: BGNBDParams, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """log of a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x): the odds of having dropped out;
    -inf when x = 0 (nobody drops out before a repeat purchase)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(
            x > 0,
            np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x)),
            -np.inf,
        )


def p_alive(params: BGNBDParams, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Probability that each customer is still active at T: FHL 2005, equation (13)."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    return np.exp(-np.logaddexp(0.0, _log_alive_odds(params, x, t_x, T)))


def expected_purchases(params: BGNBDParams, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Expected purchases in (T, T + t] given each customer's history: FHL 2005, equation (10)."""
    from scipy import special
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    if abs(a - 1) < 1e-6:  # the closed form divides by a - 1; a hair off is numerically fine
        a = 1 + 1e-6
    z = t / (alpha + T + t)
    log_ratio = (r + x) * (np.log(alpha + T) - np.log(alpha + T + t))
    h = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    # 2F1 can come out non-positive (or overflow) for extreme fitted parameters: that customer's
    # value is unknown (NaN below), not a warning on every run.
    with np.errstate(invalid="ignore", divide="ignore"):
        inner = -np.expm1(log_ratio + np.log(h))  # 1 - ratio * 2F1, without cancelling digits away
    head = (a + b + x - 1) / (a - 1)
    out = head * inner / (1 + np.exp(np.minimum(_log_alive_odds(params, x, t_x, T), 700)))
    return np.where(np.isfinite(out), np.maximum(out, 0.0), np.nan)


def expected_purchases_new(params: BGNBDParams, t: np.ndarray | float) -> np.ndarray:
    """Expected repeat purchases in (0, t] for a customer just acquired: FHL 2005, equation (7)."""
    from scipy import special
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    t = np.asarray(t, dtype=float)
    h = special.hyp2f1(r, b, a + b - 1, t / (alpha + t))
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * h)


def simulate_bgnbd(params: BGNBDParams, T: np.ndarray, holdout: float, rng: np.random.Generator
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw (x, t_x, holdout purchases) for customers observed for T after their first purchase.

    Vectorised. A customer makes J ~ Geometric(p) repeat purchases before dropping out; the
    Poisson process of rate lambda has N arrivals in (0, T + holdout], uniform in time given
    N, and the purchases are its first min(J, N) arrivals. Of all N arrivals B ~ Binomial(N,
    T / (T + holdout)) fall by T, so x = min(J, N, B) and t_x is the x-th smallest of B
    uniform times on (0, T): T * Beta(x, B - x + 1)."""
    T = np.asarray(T, dtype=float)
    n = len(T)
    lam = rng.gamma(params.r, 1 / params.alpha, size=n)
    p = rng.beta(params.a, params.b, size=n)
    horizon = T + holdout
    arrivals = rng.poisson(lam * horizon)
    purchases = np.minimum(arrivals, rng.geometric(p))
    by_T = rng.binomial(arrivals, T / horizon)
    x = np.minimum(purchases, by_T)
    t_x = np.where(x > 0, T * rng.beta(np.maximum(x, 1), np.maximum(by_T - x + 1, 1)), 0.0)
    return x.astype(float), t_x, (purchases - x).astype(float)


# -- Gamma-Gamma --------------------------------------------------------------------------

def gamma_gamma_log_likelihood(params: GammaGammaParams, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Log-density of each customer's mean spend m over x purchases (Fader & Hardie 2013, (4))."""
    from scipy import special
    p, q, g = params.p, params.q, params.gamma
    x = np.asarray(x, dtype=float)
    m = np.asarray(m, dtype=float)
    return (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q)
            + q * np.log(g) + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(g + m * x))


def fit_gamma_gamma(x: np.ndarray, m: np.ndarray) -> tuple[GammaGammaParams, float]:
    """Maximum-likelihood (p, q, gamma) over customers with x >= 1 and m > 0."""
    from scipy import optimize
    x = np.asarray(x, dtype=float)
    m = np.asarray(m, dtype=float)
    keep = (x > 0) & (m > 0)
    x, m = x[keep], m[keep]
    if len(x) < 2:
        raise NoDataError("Fewer than two customers with repeat purchases: the spend model cannot be fitted.")

    def nll(theta: np.ndarray) -> float:
        value = -float(np.sum(gamma_gamma_log_likelihood(GammaGammaParams(*np.exp(theta)), x, m)))
        return value if np.isfinite(value) else 1e300

    start = np.log([2.0, 3.0, max(float(np.mean(m)), 1e-3)])
    bounds = [_LOG_BOUNDS, _LOG_BOUNDS, (-9.0, 16.0)]
    best = None
    for method in ("L-BFGS-B", "Nelder-Mead"):
        res = optimize.minimize(nll, start, method=method, bounds=bounds, options={"maxiter": 5000})
        if best is None or res.fun < best.fun:
            best = res
        start = best.x
    assert best is not None
    return GammaGammaParams(*np.exp(best.x)), -float(best.fun)


def expected_spend(params: GammaGammaParams, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Expected value of a customer's future purchases given x repeat purchases averaging m
    (Fader & Hardie 2013, (5)); customers with x = 0 get the population mean."""
    p, q, g = params.p, params.q, params.gamma
    x = np.asarray(x, dtype=float)
    m = np.nan_to_num(np.asarray(m, dtype=float))
    return (g + x * m) * p / (p * x + q - 1)
