"""Purchase days, the RFM summary, and the holdout check of the lifetime value model."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tools.data.ingest import ingest_file
from tools.predict.clv import actual_between, holdout_check, rfm_summary
from tools.predict.settings import PredictSettings


def test_rfm_by_hand(store, tmp_path):
    (tmp_path / "c.csv").write_text("customer_id\nC1\nC2\n")
    (tmp_path / "o.csv").write_text(
        "order_id,customer_id,ts,amount,status\n"
        "O1,C1,2026-01-10 10:00,10,completed\n"
        "O2,C1,2026-01-20 09:00,12,completed\n"
        "O3,C1,2026-01-20 17:00,8,completed\n"     # same day: one purchase worth 20
        "O4,C1,2026-02-09 10:00,30,pending\n"     # not a sale yet: no purchase, no spend
        "O5,C2,2026-02-01 12:00,50,cancelled\n"
        "O6,C2,2026-02-02 12:00,40,completed\n"
        "O7,C1,2026-03-05 10:00,99,completed\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    ingest_file(store, "orders", tmp_path / "o.csv")
    rfm = rfm_summary(store, dt.date(2026, 3, 1))
    c1, c2 = rfm.loc["C1"], rfm.loc["C2"]
    assert c1.tolist() == [1, 10, 50, 20, 30]  # x, t_x, T, m (the repeat worth 20), spend
    assert c2[["x", "t_x", "T", "spend"]].tolist() == [0, 0, 27, 40] and pd.isna(c2.m)
    after = actual_between(store, dt.date(2026, 3, 1), dt.date(2026, 4, 1))
    assert after.to_dict("index") == {"C1": {"purchases": 1.0, "revenue": 99.0}}


def test_holdout_check_compares_with_what_happened(shop, shop_files):
    check, model = holdout_check(shop, PredictSettings(clv_holdout_days=60))
    assert check.calibration_end == dt.date(2026, 6, 30)
    # The actual figures, counted independently from the raw file.
    orders = pd.read_csv(shop_files[0] / "orders.csv", parse_dates=["ts"])
    first = orders.groupby("customer_id")["ts"].min()
    known = first[first < "2026-06-30"].index
    hold = orders[(orders.ts >= "2026-06-30") & orders.customer_id.isin(known)]
    assert check.actual_purchases == hold.groupby("customer_id")["ts"].apply(lambda s: s.dt.date.nunique()).sum()
    assert check.actual_revenue == pytest.approx(hold.amount.sum())
    assert check.customers == len(known)
    assert check.by_frequency["customers"].sum() == check.customers
    # The model ranks customers usefully and beats "everyone keeps their past rate".
    assert check.spearman > 0.4 and check.mae < check.naive_mae
    assert abs(check.purchases_error) < 0.35
    assert model.spend is not None and model.spend.q > 1
    assert "Holdout check" in check.to_text()
