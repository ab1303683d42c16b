"""Versions, activation, and a worse retrain leaving the previous model in use."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.core.errors import ToolInputError, ToolUnavailable
from tools.data.store import JourneyStore
from tools.predict.registry import ModelRegistry

NOW = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)


def register(reg: ModelRegistry, score: float, **kw):
    return reg.register("churn", {"weights": [score]}, now=NOW, data_start=dt.date(2026, 1, 1),
                        data_end=dt.date(2026, 8, 28), method="gradient boosting", metric="roc_auc",
                        score=score, metrics={"auc": score}, features=["recency_days"], **kw)


def test_versions_and_the_rule_for_activation(store, tmp_path):
    reg = ModelRegistry(store, tmp_path / "models")
    first = register(reg, 0.80)
    assert first.activated and first.version.version == 1 and first.reason == "first version"
    worse = register(reg, 0.78)
    assert not worse.activated and "stays active" in worse.reason
    assert reg.active("churn").version == 1
    assert reg.load(reg.versions("churn")[1]) == {"weights": [0.78]}  # kept on file all the same
    better = register(reg, 0.83)
    assert better.activated and reg.active("churn").version == 3
    tolerated = register(reg, 0.825, tolerance=0.01)
    assert tolerated.activated and reg.active("churn").version == 4
    assert [v.active for v in reg.versions("churn")] == [False, False, False, True]
    back = reg.activate("churn", 1)
    assert back.version == 1 and reg.load(back) == {"weights": [0.80]}
    v = reg.versions("churn")[0]
    assert (v.data_start, v.data_end, v.features, v.metrics) == (
        dt.date(2026, 1, 1), dt.date(2026, 8, 28), ["recency_days"], {"auc": 0.80})
    assert (tmp_path / "models" / "churn" / "v4.joblib").exists()


def test_mistakes_name_the_valid_values(store, tmp_path):
    reg = ModelRegistry(store, tmp_path / "models")
    register(reg, 0.8)
    with pytest.raises(ToolInputError, match="versions: 1"):
        reg.activate("churn", 7)
    with pytest.raises(ToolInputError, match="models are: churn, purchase, clv"):
        reg.active("loyalty")
    with pytest.raises(ToolInputError, match="time zone"):
        reg.register("churn", {}, now=dt.datetime(2026, 1, 1), data_start=None, data_end=None,
                     method="x", metric="roc_auc", score=0.5, metrics={})


def test_a_changed_model_file_is_not_loaded(store, tmp_path):
    reg = ModelRegistry(store, tmp_path / "models")
    v = register(reg, 0.8).version
    (tmp_path / "models" / v.path).write_bytes(b"not what was trained")
    with pytest.raises(ToolUnavailable, match="has changed since it was trained"):
        reg.load(v)


def test_the_folder_is_remembered_in_the_store(tmp_path):
    with pytest.raises(ToolUnavailable, match="no models folder"):
        ModelRegistry.beside(JourneyStore(None))
    store = JourneyStore(tmp_path / "home" / "journey.duckdb")
    assert ModelRegistry.beside(store).folder == (tmp_path / "home" / "models").resolve()
    ModelRegistry(store, tmp_path / "elsewhere")
    assert ModelRegistry.beside(store).folder == (tmp_path / "elsewhere").resolve()
