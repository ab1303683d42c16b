"""Shared fixtures: the synthetic shop, loaded once, and models trained on it once.

Both are shared by every test here, so tests that write (new versions, snapshots) use
their own store."""

from __future__ import annotations

import datetime as dt

import pytest
from fakes.shop import make_shop

from tools.data.ingest import folder_loads, ingest_loads
from tools.data.store import JourneyStore
from tools.predict.registry import ModelRegistry
from tools.predict.settings import PredictSettings
from tools.predict.training import retrain

NOW = dt.datetime(2026, 9, 1, 6, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def shop_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shop")
    truth = make_shop(folder)
    return folder, truth


@pytest.fixture(scope="session")
def shop(shop_files):
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(shop_files[0]))
    yield store
    store.close()


@pytest.fixture(scope="session")
def trained(shop, tmp_path_factory):
    """The shop with every model trained once: (store, registry, report)."""
    registry = ModelRegistry(shop, tmp_path_factory.mktemp("models"))
    report = retrain(shop, registry, PredictSettings(), now=NOW)
    return shop, registry, report


@pytest.fixture(scope="session")
def scored(trained):
    """Every customer scored by the trained models: (store, registry, scores)."""
    from tools.predict.scoring import score_customers

    store, registry, _ = trained
    return store, registry, score_customers(store, registry, PredictSettings())
