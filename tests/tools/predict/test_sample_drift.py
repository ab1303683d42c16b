"""On the generated sample, the regulars planted to drift away (ground_truth.csv churn_drift)
are found. The drift is a 75% slowdown, not a stop, so it is the lapsing signal (buying at half
the usual rate or less) that finds them; the "no purchase in 60 days" churn risk rightly stays
low for most of them."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample
from tools.data.store import JourneyStore
from tools.predict.churn import AtRiskParams, at_risk_customers
from tools.predict.registry import ModelRegistry
from tools.predict.scoring import score_customers
from tools.predict.settings import PredictSettings


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    files = generate_sample(folder, SampleSpec(events=40_000, seed=7))
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(files.folder))
    truth = pd.read_csv(files.folder / "ground_truth.csv").set_index("customer_id")
    registry = ModelRegistry(store, folder / "models")
    scores = score_customers(store, registry, PredictSettings(), now=dt.datetime(2026, 11, 16, tzinfo=dt.UTC))
    yield store, truth, scores
    store.close()


def test_the_drifting_regulars_are_found(sample):
    store, truth, scores = sample
    buyers = scores.frame[scores.frame["has_purchase"]]
    drift = truth["churn_drift"].astype(str).str.lower().eq("true").reindex(buyers.index).fillna(False)
    assert drift.sum() >= 20
    flagged = buyers["lapsing"]
    found = int((flagged & drift).sum())
    precision, recall = found / flagged.sum(), found / drift.sum()
    assert precision >= 0.5 and recall >= 0.6, (precision, recall)
    # The owner sees them through the at-risk tool, with the reason in words.
    lapsing = at_risk_customers(store, AtRiskParams(tier="lapsing", limit=200), scores=scores)
    assert lapsing.count == int(flagged.sum())
    assert lapsing.customers["reasons"].str.contains("of their usual rate").all()


def test_the_models_beat_the_recency_rule_on_the_sample(sample):
    _, _, scores = sample
    for name in ("churn", "purchase"):
        m = scores.versions[name].metrics
        assert m["method"] == "model" and m["auc_model"] > m["auc_baseline"], (name, m)
