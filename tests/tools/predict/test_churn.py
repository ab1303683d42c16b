"""Who is at risk, who is newly at risk, and whether the planted churners are found."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.analytics.filters import Filters
from tools.core.errors import ToolInputError
from tools.predict.churn import AtRiskParams, NewlyAtRiskParams, at_risk_customers, newly_at_risk
from tools.predict.features import customer_features


def test_planted_churners_are_found(scored, shop_files):
    store, registry, scores = scored
    truth = shop_files[1].set_index("customer_id")
    buyers = scores.frame[scores.frame["has_purchase"]]
    churner = truth.reindex(buyers.index)["type"] == "churner"
    high = buyers["churn_risk"] >= 0.6
    precision = (high & churner).sum() / high.sum()
    recall = (high & churner).sum() / churner.sum()
    assert precision >= 0.85 and recall >= 0.8, (precision, recall)


def test_at_risk_lists_the_tier_with_value_and_reasons(scored):
    store, registry, scores = scored
    result = at_risk_customers(store, AtRiskParams(sort_by="value", limit=5), scores=scores)
    buyers = scores.frame[scores.frame["has_purchase"]]
    high = buyers[buyers["churn_risk"] >= 0.6]
    assert result.count == len(high) and result.buyers == len(buyers)
    assert result.value == pytest.approx(high["spend_365d"].sum())
    assert list(result.customers.index) == list(high["spend_365d"].sort_values(ascending=False).index[:5])
    assert (result.customers["reasons"] != "").all()
    assert result.provenance.tool == "at_risk_customers"
    assert "ROC AUC" in result.provenance.notes[0] and "churn v1" in result.to_text()
    assert result.window_days == 60 and result.as_of == dt.date(2026, 8, 28)
    wider = at_risk_customers(store, AtRiskParams(tier="high_and_medium"), scores=scores)
    assert wider.count == int((buyers["churn_risk"] >= 0.35).sum()) > result.count


def test_filters_restrict_and_typos_are_refused(scored):
    store, registry, scores = scored
    loyal = at_risk_customers(store, AtRiskParams(filters=Filters(segment=["Loyalty"])), scores=scores)
    assert loyal.provenance.filters == {"segment": ["loyalty"]}
    everyone = at_risk_customers(store, AtRiskParams(), scores=scores)
    assert loyal.count < everyone.count
    with pytest.raises(ToolInputError, match="known values"):
        at_risk_customers(store, AtRiskParams(filters=Filters(segment=["vip"])), scores=scores)
    with pytest.raises(ToolInputError, match="none yet"):
        at_risk_customers(store, AtRiskParams(filters=Filters(persona="The Regular")), scores=scores)


def test_newly_at_risk_compares_with_the_risk_days_ago(scored):
    store, registry, scores = scored
    result = newly_at_risk(store, NewlyAtRiskParams(days=14), registry=registry, scores=scores)
    model = registry.load(registry.active("churn"))
    then = customer_features(store, dt.date(2026, 8, 15), population="buyers")
    risk_then = dict(zip(then.index, model.predict(then), strict=True))
    buyers = scores.frame[scores.frame["has_purchase"]]
    expected = {c for c, r in buyers["churn_risk"].items() if r >= 0.6 and not risk_then.get(c, 0) >= 0.6}
    assert result.count == len(expected) and set(result.customers.index) <= expected
    assert result.total_count == int((buyers["churn_risk"] >= 0.6).sum())
    assert result.metric("count") == result.total_count and result.metric("value") == result.total_value
    assert result.metric("count", new_only=True) == result.count
    assert result.compared_with == "2026-08-14" and "newly at high risk" in result.digest_line()


def test_newly_at_risk_since_the_previous_scoring(scored):
    store, registry, scores = scored
    first = newly_at_risk(store, NewlyAtRiskParams(since="previous_scoring"), registry=registry,
                          scores=scores, record=True, now=dt.datetime(2026, 8, 29, 7, tzinfo=dt.UTC))
    assert "no saved scoring" in first.provenance.notes[0]
    again = newly_at_risk(store, NewlyAtRiskParams(since="previous_scoring"), registry=registry, scores=scores)
    assert again.count == 0 and again.compared_with == "the scoring of 2026-08-29 08:00"
    assert again.total_count == first.total_count
