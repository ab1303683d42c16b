"""Retraining every model, on demand or on a schedule."""

from __future__ import annotations

import datetime as dt

from tools.data.ingest import folder_loads, ingest_loads
from tools.data.store import JourneyStore
from tools.predict.registry import ModelRegistry
from tools.predict.settings import PredictSettings
from tools.predict.training import retrain

LATER = dt.datetime(2026, 9, 2, tzinfo=dt.UTC)


def test_first_training_activates_every_model(trained):
    store, registry, report = trained
    assert [(o.name, o.status, o.version) for o in report.outcomes] == [
        ("churn", "activated", 1), ("purchase", "activated", 1), ("clv", "activated", 1)]
    churn = registry.active("churn")
    assert churn.method == "gradient boosting" and churn.metric == "roc_auc"
    assert churn.data_end == dt.date(2026, 8, 28) and churn.metrics["auc_model"] > churn.metrics["auc_baseline"]
    assert "trained on cut-offs" in churn.training
    clv = registry.active("clv")
    assert clv.method == "BG/NBD + Gamma-Gamma" and clv.metric == "holdout_skill"
    assert {"predicted_purchases", "actual_purchases", "bgnbd_r", "by_frequency"} <= set(clv.metrics)
    assert "churn     in use (v1): on a later period it picked out who stopped buying better" in report.to_text()
    assert "ROC AUC" not in report.to_text() and "activated" in report.to_text(details=True)


def test_a_scheduled_run_without_new_data_does_nothing(trained):
    store, registry, _ = trained
    report = retrain(store, registry, now=LATER, only_if_new_data=True)
    assert {o.status for o in report.outcomes} == {"skipped"}
    assert len(registry.versions()) == 3


def test_one_model_that_cannot_train_does_not_stop_the_others(shop_files, tmp_path):
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(shop_files[0]))
    registry = ModelRegistry(store, tmp_path / "models")
    report = retrain(store, registry, PredictSettings(churn_window_days=120), now=LATER,
                     models=("churn", "clv"))
    status = {o.name: o for o in report.outcomes}
    assert status["churn"].status == "failed" and "Not enough history" in status["churn"].message
    assert status["clv"].status == "activated"
    assert registry.active("churn") is None and registry.active("clv").version == 1
