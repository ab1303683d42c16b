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


def test_without_a_model_the_list_says_when_each_person_was_last_active(store, tmp_path):
    """REES46 (all 17 minutes on 1 Oct 2019) listed everyone as 'last active 1 days before the
    end of the data'; they were active on its last day."""
    import datetime as dt

    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping

    (tmp_path / "events.csv").write_text("customer_id,ts,touchpoint\nA,2019-10-01 00:10,product_view\n"
                                         "B,2019-09-29 23:50,product_view\nB,2019-09-28 10:00,product_view\n"
                                         "C,2019-10-01 00:00,product_view\n")
    ingest_file(store, "events", tmp_path / "events.csv", Mapping(table="events", unknown_customers="create"))
    (tmp_path / "orders.csv").write_text("order_id,customer_id,ts,amount\nO1,D,2019-10-01 00:05,10\n")
    ingest_file(store, "orders", tmp_path / "orders.csv", Mapping(table="orders", unknown_customers="create"))
    from tools.predict.registry import ModelRegistry

    result = purchase_propensity(store, PropensityParams(), registry=ModelRegistry(store, tmp_path / "models"),
                                 train_if_missing=False)
    assert result.untrained and result.as_of == dt.date(2019, 10, 1)
    lines = {line.split()[0]: line for line in result.to_text().splitlines() if line.startswith("  ")}
    assert lines["A"].endswith("prospect; last active on 2019-10-01")
    assert lines["C"].endswith("prospect; last active on 2019-10-01")
    assert lines["B"].endswith("prospect; last active on 2019-09-29")
    assert lines["D"].endswith("1 order; last active on 2019-10-01")  # not "1 orders"
