"""Purchase propensity: who is likely to buy, customers and prospects."""

from __future__ import annotations

import pytest

from tools.predict.propensity import PropensityParams, purchase_propensity


def test_propensity_lists_likely_buyers(scored):
    store, _, scores = scored
    result = purchase_propensity(store, PropensityParams(min_probability=0.5, limit=5), scores=scores)
    p = scores.frame["purchase_propensity"]
    assert result.count == int((p >= 0.5).sum()) and result.population == len(scores.frame)
    assert result.expected_buyers == pytest.approx(p.sum())
    assert result.customers["purchase_propensity"].is_monotonic_decreasing
    prospects = purchase_propensity(store, PropensityParams(who="prospects", min_probability=0.0), scores=scores)
    assert prospects.population == int((~scores.frame["has_purchase"]).sum())
    assert not prospects.customers["has_purchase"].any()
