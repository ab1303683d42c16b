"""Scores saved by the retrain job: read back exactly as scoring would compute them, and never
once the data, the model or the settings changed."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tools.data.ingest import folder_loads, ingest_file, ingest_loads
from tools.data.store import JourneyStore
from tools.predict import latest
from tools.predict.churn import AtRiskParams, NewlyAtRiskParams, at_risk_customers, newly_at_risk
from tools.predict.registry import ModelRegistry
from tools.predict.scoring import refresh_saved_scores, saved_scores, score_customers
from tools.predict.settings import PredictSettings
from tools.predict.training import retrain

NOW = dt.datetime(2026, 9, 1, 6, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def on_file(shop_files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("saved")
    store = JourneyStore(folder / "journey.duckdb", timezone="Europe/London")
    ingest_loads(store, folder_loads(shop_files[0]))
    registry = ModelRegistry(store, folder / "models")
    retrain(store, registry, PredictSettings(), now=NOW, models=("churn",))
    return store, registry, folder


def test_saved_scores_are_the_computed_ones(on_file):
    store, registry, _ = on_file
    settings = PredictSettings()
    assert saved_scores(store, registry, settings) is None  # nothing saved yet
    assert refresh_saved_scores(store, registry, settings) is True
    assert refresh_saved_scores(store, registry, settings) is False  # current: not scored again
    saved = saved_scores(store, registry, settings)
    computed = score_customers(store, registry, settings, train_if_missing=False)
    assert saved is not None and saved.as_of == computed.as_of
    assert list(saved.frame.columns) == list(computed.frame.columns)
    pd.testing.assert_frame_equal(saved.frame, computed.frame, check_names=False, check_index_type=False)
    assert saved.value_threshold == computed.value_threshold
    # What people read is the same: who is newly at high risk against a week ago (the digest's
    # line, from the saved risk a week earlier) and the at-risk list.
    fresh = newly_at_risk(store, NewlyAtRiskParams(days=7), registry=registry, scores=computed,
                          train_if_missing=False)
    read = newly_at_risk(store, NewlyAtRiskParams(days=7), registry=registry, train_if_missing=False)
    assert read.digest_line() == fresh.digest_line()
    pd.testing.assert_frame_equal(read.customers, fresh.customers, check_index_type=False)
    a = at_risk_customers(store, AtRiskParams(limit=20), registry=registry, scores=computed)
    b = at_risk_customers(store, AtRiskParams(limit=20), registry=registry)
    assert a.to_text() == b.to_text()


def test_new_data_other_settings_or_a_new_model_are_not_read_from_the_saving(on_file, tmp_path, monkeypatch):
    store, registry, _ = on_file
    settings = PredictSettings()
    refresh_saved_scores(store, registry, settings)
    assert saved_scores(store, registry, settings) is not None
    assert saved_scores(store, registry, PredictSettings(high_risk=0.7)) is None
    # Saved by other scoring code (before an upgrade): not read either.
    monkeypatch.setattr(latest, "_code_key", lambda: "scoring code of an earlier release")
    assert saved_scores(store, registry, settings) is None
    monkeypatch.undo()
    assert saved_scores(store, registry, settings) is not None
    last = store.as_of()
    (tmp_path / "late.csv").write_text(f"customer_id,ts,touchpoint,channel\nlate1,{last} 09:00,ad_click,email\n")
    ingest_file(store, "events", tmp_path / "late.csv")
    assert saved_scores(store, registry, settings) is None
    # The answer is then computed and counts the new customer; saving again catches up.
    assert "late1" in score_customers(store, registry, settings, train_if_missing=False).frame.index
    assert refresh_saved_scores(store, registry, settings) is True
    assert "late1" in saved_scores(store, registry, settings).frame.index
    retrain(store, registry, settings, now=NOW, models=("churn",))
    if registry.active("churn").version > 1:  # a new active version: the saving is of the old one
        assert saved_scores(store, registry, settings) is None


def test_in_memory_stores_save_nothing(trained):
    store, registry, _ = trained
    assert refresh_saved_scores(store, registry, PredictSettings()) is False
    assert saved_scores(store, registry, PredictSettings()) is None
