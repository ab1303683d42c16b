"""The BG/NBD and Gamma-Gamma maths against published and hand-computed values, and against
data simulated from known parameters."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tools.core.errors import NoDataError
from tools.predict.bgnbd import (
    BGNBDParams,
    GammaGammaParams,
    bgnbd_log_likelihood,
    expected_purchases,
    expected_spend,
    fit_bgnbd,
    fit_gamma_gamma,
    gamma_gamma_log_likelihood,
    p_alive,
    simulate_bgnbd,
)

# Fader, Hardie & Lee (2005), CDNOW: fitted parameters (weeks) and their worked example, a
# customer with x = 2, t_x = 30.43, T = 38.86 expected to make 1.226 purchases in 39 weeks.
CDNOW = BGNBDParams(r=0.243, alpha=4.414, a=0.793, b=2.426)


def test_conditional_expectation_matches_the_paper():
    got = expected_purchases(CDNOW, 39, np.array([2.0]), np.array([30.43]), np.array([38.86]))
    assert got[0] == pytest.approx(1.226, abs=5e-4)


def test_p_alive_by_hand():
    # 1 / (1 + a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))
    #   = 1 / (1 + 0.793/3.426 * (43.274/34.844)^2.243) = 1 / (1 + 0.23147 * 1.62580) = 0.72658
    got = p_alive(CDNOW, np.array([2.0, 0.0]), np.array([30.43, 0.0]), np.array([38.86, 38.86]))
    assert got[0] == pytest.approx(0.72658, abs=1e-4)
    assert got[1] == 1.0  # nobody drops out before a repeat purchase


def test_log_likelihood_by_hand():
    # x = 0: L = (alpha / (alpha + T))^r = (2/8)^0.5 = 0.5
    p = BGNBDParams(r=0.5, alpha=2.0, a=1.0, b=1.0)
    assert bgnbd_log_likelihood(p, np.array([0.0]), np.array([0.0]), np.array([6.0]))[0] == pytest.approx(math.log(0.5))
    # x = 1, r = alpha = a = b = 1, t_x = 1, T = 3:
    #   B(1,2)/B(1,1) * 1/(1+3)^2 + B(2,1)/B(1,1) * 1/(1+1)^2 = 0.5/16 + 0.5/4 = 0.15625
    p = BGNBDParams(r=1.0, alpha=1.0, a=1.0, b=1.0)
    assert bgnbd_log_likelihood(p, np.array([1.0]), np.array([1.0]), np.array([3.0]))[0] == pytest.approx(math.log(0.15625))


def test_heavy_buyers_do_not_overflow():
    x, t_x, T = np.array([800.0]), np.array([364.0]), np.array([365.0])
    assert np.isfinite(bgnbd_log_likelihood(CDNOW, x, t_x, T)).all()
    e = expected_purchases(CDNOW, 30, x, t_x, T)
    assert np.isfinite(e).all() and e[0] > 0


def test_parameters_are_recovered_from_simulated_customers():
    true = BGNBDParams(r=0.5, alpha=20.0, a=0.8, b=2.5)
    rng = np.random.default_rng(3)
    T = rng.uniform(60, 300, size=4000).round()
    x, t_x, holdout = simulate_bgnbd(true, T, 90, rng)
    fitted, ll = fit_bgnbd(x, t_x, T)
    for name in ("r", "alpha", "a", "b"):
        assert getattr(fitted, name) == pytest.approx(getattr(true, name), rel=0.15), name
    assert ll == pytest.approx(float(bgnbd_log_likelihood(fitted, x, t_x, T).sum()))
    predicted = expected_purchases(fitted, 90, x, t_x, T).sum()
    assert predicted == pytest.approx(holdout.sum(), rel=0.06)


def test_grouped_and_ungrouped_fits_agree():
    rng = np.random.default_rng(5)
    T = rng.integers(30, 120, size=800).astype(float)
    x, t_x, _ = simulate_bgnbd(BGNBDParams(0.8, 15.0, 1.2, 3.0), T, 0, rng)
    t_x = np.round(t_x)
    flat, _ = fit_bgnbd(x, t_x, T)
    keys, counts = np.unique(np.column_stack([x, t_x, T]), axis=0, return_counts=True)
    grouped, _ = fit_bgnbd(keys[:, 0], keys[:, 1], keys[:, 2], weights=counts)
    assert grouped.r == pytest.approx(flat.r, rel=1e-3) and grouped.b == pytest.approx(flat.b, rel=1e-2)


def test_no_repeat_purchases_is_a_clear_error():
    with pytest.raises(NoDataError, match="repeat purchases"):
        fit_bgnbd(np.zeros(5), np.zeros(5), np.full(5, 30.0))


# Fader & Hardie (2013), CDNOW spend: p = 6.25, q = 3.74, gamma = 15.44.
SPEND = GammaGammaParams(p=6.25, q=3.74, gamma=15.44)


def test_expected_spend_by_hand():
    # (gamma + x m) p / (p x + q - 1) = (15.44 + 3*40) * 6.25 / (18.75 + 2.74) = 846.5 / 21.49
    got = expected_spend(SPEND, np.array([3.0, 0.0]), np.array([40.0, np.nan]))
    assert got[0] == pytest.approx(846.5 / 21.49)
    assert got[1] == pytest.approx(6.25 * 15.44 / 2.74) == SPEND.mean_spend  # no repeats: the mean


def test_gamma_gamma_density_integrates_to_one():
    from scipy.integrate import quad

    total, _ = quad(lambda m: math.exp(gamma_gamma_log_likelihood(SPEND, np.array([2.0]), np.array([m]))[0]), 0, np.inf)
    assert total == pytest.approx(1.0, abs=1e-6)


def test_spend_parameters_are_recovered_from_simulated_customers():
    rng = np.random.default_rng(11)
    n = 3000
    x = rng.integers(1, 8, size=n).astype(float)
    nu = rng.gamma(SPEND.q, 1 / SPEND.gamma, size=n)
    m = rng.gamma(SPEND.p * x, 1 / nu) / x  # mean of x Gamma(p, nu) spends
    fitted, _ = fit_gamma_gamma(x, m)
    assert fitted.mean_spend == pytest.approx(SPEND.mean_spend, rel=0.05)
    assert fitted.p == pytest.approx(SPEND.p, rel=0.15) and fitted.q == pytest.approx(SPEND.q, rel=0.25)
