"""Features see only what happened before the cut-off; labels only what happened after."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tools.core.errors import NoDataError, ToolInputError
from tools.data.ingest import ingest_file
from tools.predict.features import (
    FEATURE_NAMES,
    customer_features,
    data_span,
    labelled_frame,
    thin_recent_orders,
)

CUTOFF = dt.date(2026, 3, 1)

FILES = {
    "customers": "customer_id,first_seen\nC1,2026-01-01\nC2,2026-01-05\nC3,2026-02-01\n",
    "orders": (
        "order_id,customer_id,ts,amount,status,channel\n"
        "O1,C1,2026-01-10 10:00,10,completed,online\n"
        "O2,C1,2026-01-20 10:00,20,completed,in_store\n"
        "O3,C1,2026-02-09 10:00,30,completed,online\n"
        "O4,C2,2026-02-01 12:00,50,cancelled,online\n"
        "O5,C2,2026-02-02 12:00,40,completed,online\n"
        "O6,C1,2026-03-05 10:00,99,completed,online\n"          # after the cut-off
        "O7,C2,2026-03-01 00:00,99,completed,online\n"          # exactly at the cut-off: after
    ),
    "events": (
        "customer_id,ts,touchpoint,channel,session_id\n"
        "C1,2026-02-09 09:00,product_view,search,s1\n"
        "C1,2026-02-09 09:30,add_to_cart,search,s1\n"
        "C3,2026-02-20 09:00,product_view,instagram,s2\n"
        "C3,2026-02-21 09:00,review_posted,instagram,s3\n"
    ),
    "tickets": "ticket_id,customer_id,created_at,resolved_at\nT1,C2,2026-02-03 09:00,\n",
    "surveys": "survey_id,customer_id,ts,nps,csat\nS1,C1,2026-01-21 10:00,9,5\nS2,C1,2026-02-10 10:00,4,\n",
}


@pytest.fixture
def small(store, tmp_path):
    for table in ("customers", "orders", "events", "tickets", "surveys"):
        (tmp_path / f"{table}.csv").write_text(FILES[table])
        ingest_file(store, table, tmp_path / f"{table}.csv")
    return store


def test_features_use_only_what_happened_before_the_cutoff(small):
    f = customer_features(small, CUTOFF)
    assert list(f.index) == ["C1", "C2", "C3"]
    assert set(FEATURE_NAMES) <= set(f.columns)
    c1, c2, c3 = f.loc["C1"], f.loc["C2"], f.loc["C3"]
    # C1: purchases on Jan 10, Jan 20, Feb 9 (the March order is after the cut-off).
    assert c1.orders == 3 and c1.spend == 60 and c1.avg_order_value == 20
    assert c1.recency_days == pytest.approx(19 + 14 / 24)  # Feb 9 10:00 -> Mar 1 00:00 (GMT)
    assert c1.mean_gap_days == pytest.approx(15.0)  # 30 days over 2 gaps
    assert c1.overdue_ratio == pytest.approx((19 + 14 / 24) / 15)
    assert c1.tenure_days == pytest.approx(59.0)  # CRM first_seen Jan 1
    assert c1.online_share == pytest.approx(2 / 3) and c1.order_channels == 2
    assert c1.surveys == 2 and c1.nps_last == 4 and c1.low_scores_90d == 1 and c1.csat_mean == 5
    assert c1.decision_30d == 1 and c1.deepest_stage == 3  # basket, then the purchase itself
    # C2: the cancelled order is no purchase; the order at midnight of the cut-off is after it.
    assert c2.orders == 1 and c2.spend == 40 and c2.cancelled_orders == 1
    assert pd.isna(c2.mean_gap_days) and pd.isna(c2.overdue_ratio)
    assert c2.tickets == 1 and c2.open_tickets == 1 and c2.deepest_stage == 3
    # C3 never bought but reviewed: advocacy reached, no purchase features.
    assert not f.loc["C3", "has_purchase"] and c3.orders == 0 and pd.isna(c3.recency_days)
    assert c3.advocate == 1 and c3.deepest_stage == 5 and c3.sessions_30d == 2


def test_labels_come_from_the_window_after_the_cutoff(small):
    churn = labelled_frame(small, CUTOFF, 30, target="churn")
    assert list(churn.index) == ["C1", "C2"]  # buyers only
    assert churn["label"].tolist() == [0, 0]  # both bought in March
    churn_short = labelled_frame(small, CUTOFF, 1, target="churn")
    assert churn_short["label"].to_dict() == {"C1": 1, "C2": 0}  # only C2 bought on Mar 1
    buy = labelled_frame(small, CUTOFF, 30, target="purchase")
    assert buy["label"].to_dict() == {"C1": 1, "C2": 1, "C3": 0}


def test_sentiment_frame_joins_and_bad_frames_are_refused(small):
    sent = pd.DataFrame({"customer_id": ["C1", "C9"], "mean_sentiment": [-0.6, 0.2], "n": [3, 1]})
    f = customer_features(small, CUTOFF, sentiment=sent)
    assert f.loc["C1", "sentiment_mean"] == -0.6 and f.loc["C1", "sentiment_n"] == 3
    assert pd.isna(f.loc["C2", "sentiment_mean"]) and f.loc["C2", "sentiment_n"] == 0
    seen = []
    customer_features(small, CUTOFF, sentiment=lambda at: seen.append(at) or sent)
    assert seen[0].date() == CUTOFF
    with pytest.raises(ToolInputError, match="lacks column"):
        customer_features(small, CUTOFF, sentiment=pd.DataFrame({"customer_id": ["C1"]}))


def test_the_models_end_where_the_orders_end(small, tmp_path):
    (tmp_path / "late.csv").write_text("customer_id,ts,touchpoint\nC3,2026-06-01 10:00,survey_response\n")
    ingest_file(small, "events", tmp_path / "late.csv")
    assert small.as_of() == dt.date(2026, 6, 1)
    assert data_span(small) == (dt.date(2026, 1, 10), dt.date(2026, 3, 5))


def test_data_without_orders_is_refused(store):
    with pytest.raises(NoDataError, match="no orders or events"):
        data_span(store)


def test_a_cut_export_is_noticed(store, tmp_path):
    rows = ["order_id,customer_id,ts,amount"]
    rows += [f"O{i},C{i % 7},2026-0{1 + i // 40}-{1 + i % 28:02d} 10:00,5" for i in range(120)]
    rows.append("OLAST,C1,2026-05-20 10:00,5")
    (tmp_path / "o.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "c.csv").write_text("customer_id\n" + "\n".join(f"C{i}" for i in range(7)) + "\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    ingest_file(store, "orders", tmp_path / "o.csv")
    note = thin_recent_orders(store, dt.date(2026, 5, 20))
    assert note is not None and "hold 1 orders against about" in note
    assert thin_recent_orders(store, dt.date(2026, 3, 28)) is None
