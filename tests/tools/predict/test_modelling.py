"""The time-based split, the metrics, and keeping the model only where it beats the rule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from tools.core.errors import NoDataError
from tools.predict import modelling
from tools.predict.modelling import _auc, plan_split, precision_top_decile, train_and_evaluate
from tools.predict.settings import PredictSettings

D = dt.date


def test_split_by_hand():
    s = plan_split("churn", D(2026, 1, 1), D(2026, 8, 28), 60, PredictSettings())
    # Data ends 2026-08-29 00:00; the test cut-off leaves one 60-day window after it, the
    # newest training cut-off leaves its own window before the test cut-off.
    assert s.test_cutoff == D(2026, 6, 30)
    assert s.train_cutoffs == (D(2026, 5, 1), D(2026, 4, 17), D(2026, 4, 3), D(2026, 3, 20))
    assert s.train_cutoffs[0] + dt.timedelta(days=60) <= s.test_cutoff
    assert s.final_cutoffs == (D(2026, 6, 30), D(2026, 6, 16), D(2026, 6, 2), D(2026, 5, 19))
    # History rule: no cut-off earlier than 45 days after the first day.
    short = plan_split("churn", D(2026, 1, 1), D(2026, 8, 28), 60, PredictSettings(min_history_days=100))
    assert short.train_cutoffs == (D(2026, 5, 1), D(2026, 4, 17))


def test_too_little_history_says_how_much_is_needed():
    with pytest.raises(NoDataError, match=r"at least 165 days of data .* covers 120 days"):
        plan_split("churn", D(2026, 1, 1), D(2026, 4, 30), 60, PredictSettings())


def test_precision_in_the_top_decile_by_hand():
    y = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])  # 11 customers: the top decile is 2
    score = np.array([0.9, 0.8, 0.7, 0, 0, 0, 0, 0, 0, 0, 0.1])
    assert precision_top_decile(y, score) == 0.5
    assert precision_top_decile(y, -score) == 0.0


def test_auc_matches_sklearn_with_ties():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=300)
    score = rng.integers(0, 5, size=300).astype(float)  # many ties
    assert _auc(y, score) == pytest.approx(roc_auc_score(y, score))
    assert np.isnan(_auc(np.ones(4), score[:4]))


def test_the_model_beats_the_recency_rule_on_the_shop(shop):
    trained = train_and_evaluate(shop, "churn", 60, PredictSettings())
    ev = trained.evaluation
    assert ev.method == "model" and trained.model.method == "model"
    assert ev.auc_model > ev.auc_baseline and ev.auc_model > 0.8
    assert ev.precision_top_decile_model >= ev.precision_top_decile_baseline
    assert ev.split.test_cutoff == D(2026, 6, 30) and ev.positives_test > 10
    # The planted warning signs (a complaint and a low NPS before leaving) are what it learned.
    assert {"nps_last", "low_scores_90d", "days_since_complaint", "tickets_90d"} & {f for f, _ in ev.top_features}


def test_a_model_that_does_not_beat_the_rule_is_not_used(shop, monkeypatch):
    class Coin:
        def predict_proba(self, x):
            p = np.random.default_rng(0).random(len(x))
            return np.column_stack([1 - p, p])

    monkeypatch.setattr(modelling, "_fit_estimator", lambda frame, features, seed: Coin())
    trained = train_and_evaluate(shop, "churn", 60, PredictSettings())
    assert trained.evaluation.method == "baseline" and trained.model.estimator is None
    assert "does not beat the rule 'days since the last purchase'" in trained.evaluation.reason
    # The rule scores: risk rises with the days since the last purchase.
    frame = modelling.labelled_frame(shop, D(2026, 6, 30), 60, target="churn").sort_values("recency_days")
    risk = trained.model.predict(frame)
    assert (np.diff(risk) >= -1e-12).all() and risk[-1] > risk[0]
