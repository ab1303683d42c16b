"""The lifetime value check on the real Olist sample, where almost nobody buys twice."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO, external

from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore
from tools.predict.clv import holdout_check
from tools.predict.features import data_span, thin_recent_orders
from tools.predict.settings import PredictSettings

pytestmark = pytest.mark.realdata


def test_olist_holdout_and_the_cut_export():
    store = JourneyStore(None, timezone="America/Sao_Paulo")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=external("olist_sample"))
    # Review answers run on after the orders stop; the models end with the orders, and say the
    # last weeks are thin.
    assert data_span(store)[1] == dt.date(2018, 10, 17) < store.as_of()
    assert "looks cut part-way" in thin_recent_orders(store, dt.date(2018, 10, 17))
    end = dt.datetime(2018, 9, 1, tzinfo=dt.UTC)
    for table, col in (("orders", "ts"), ("events", "ts"), ("surveys", "ts")):
        store.execute(f'DELETE FROM "{table}" WHERE "{col}" >= ?', [end])
    check, model = holdout_check(store, PredictSettings(clv_holdout_days=180, min_history_days=90))
    assert check.repeat_share < 0.02  # the reason BG/NBD has little to learn from
    assert check.actual_purchases > 10
    assert abs(check.purchases_error) < 0.5  # the total holds up ...
    assert check.spearman < 0.3  # ... the ranking of customers does not
