"""Time-based training and evaluation shared by the churn and purchase-propensity models.

The split mirrors how a model is used: it is trained on what was known at some cut-offs and
judged on a later cut-off whose outcome window it never saw.

    data start .. [history] .. train cut-offs --window--> ... test cut-off --window--> end of data

Training stacks a few cut-offs (`snapshot_step_days` apart) for more examples; the latest
training label window ends on or before the test cut-off, so no test outcome leaks into
training. The model is compared with a one-feature rule an owner would use anyway (days since
the last purchase); it is kept only when it ranks customers better on the test cut-off (higher
ROC AUC and at least the same precision in the top decile). Otherwise the rule is what scores
customers, and the registry says so.

After the evaluation the chosen method is refitted on the latest cut-offs whose windows are
complete, so the deployed scores use the most recent behaviour.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from tools.core.errors import NoDataError
from tools.data.store import JourneyStore
from tools.predict.features import (
    FEATURE_NAMES,
    FeatureCache,
    SentimentSource,
    data_span,
    labelled_frame,
)
from tools.predict.settings import PredictSettings

if TYPE_CHECKING:
    # Imported where a model is trained or scored: every process that lists the agent's tools
    # reads this module (the propensity tool's parameters), and scikit-learn with scipy is
    # about 80 MB of a server's memory that answers without training never use.
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

Target = Literal["churn", "purchase"]
Method = Literal["model", "baseline"]

# The rule each model must beat: days since the customer last bought (churn: longer = riskier)
# or last did anything at all (purchase: shorter = likelier).
BASELINES: dict[str, tuple[str, float]] = {
    "churn": ("days since the last purchase", 1.0),
    "purchase": ("days since the last purchase or journey event", -1.0),
}


@dataclass(frozen=True)
class Split:
    target: Target
    window_days: int
    first_day: dt.date
    as_of: dt.date  # last day of data
    train_cutoffs: tuple[dt.date, ...]  # newest first
    test_cutoff: dt.date
    final_cutoffs: tuple[dt.date, ...]  # the refit for scoring, newest first

    def describe(self) -> str:
        train = ", ".join(d.isoformat() for d in sorted(self.train_cutoffs))
        return (f"trained on cut-offs {train}; tested on cut-off {self.test_cutoff} with outcomes "
                f"to {self.test_cutoff + dt.timedelta(days=self.window_days - 1)}")


def plan_split(target: Target, first_day: dt.date, as_of: dt.date, window_days: int,
               settings: PredictSettings) -> Split:
    """The cut-offs for a time-based split of the data from `first_day` to `as_of`."""
    end = as_of + dt.timedelta(days=1)
    window = dt.timedelta(days=window_days)
    earliest = first_day + dt.timedelta(days=settings.min_history_days)
    test_cutoff = end - window
    step = dt.timedelta(days=settings.snapshot_step_days)

    def ladder(newest: dt.date) -> tuple[dt.date, ...]:
        return tuple(d for d in (newest - k * step for k in range(settings.max_snapshots)) if d >= earliest)

    train = ladder(test_cutoff - window)
    if not train:
        covered = (as_of - first_day).days + 1
        needed = settings.min_history_days + 2 * window_days
        raise NoDataError(
            f"Not enough history to train and test the {target} model: it needs at least "
            f"{needed} days of data ({settings.min_history_days} days of history plus two "
            f"{window_days}-day outcome windows); the data covers {covered} days "
            f"({first_day} to {as_of}). Use a shorter window."
        )
    return Split(target, window_days, first_day, as_of, train, test_cutoff, ladder(test_cutoff))


def baseline_score(frame: pd.DataFrame, target: Target) -> np.ndarray:
    """The rule's score: higher means more likely to churn (or to buy)."""
    if target == "churn":
        days = frame["recency_days"]
    else:
        days = frame[["recency_days", "days_since_event"]].min(axis=1)
    # Never seen before the cut-off cannot happen here, but keep NaN the least likely case.
    days = days.fillna(days.max() + 1 if days.notna().any() else 0.0)
    return BASELINES[target][1] * days.to_numpy(dtype=float)


def precision_top_decile(y: np.ndarray, score: np.ndarray) -> float:
    """Share of real positives among the 10% scored highest (at least one customer)."""
    k = max(1, math.ceil(len(y) / 10))
    top = np.argsort(-score, kind="stable")[:k]
    return float(np.mean(y[top]))


def _auc(y: np.ndarray, score: np.ndarray) -> float:
    """ROC AUC as the Mann-Whitney statistic (ties count half); NaN with one class only."""
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    from scipy.stats import rankdata

    ranks = rankdata(score)
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


class ScoreModel:
    """A fitted churn or purchase model as the registry stores it. `method` says whether the
    gradient-boosted model or the baseline rule produces the probabilities."""

    def __init__(self, target: Target, method: Method, features: tuple[str, ...],
                 estimator: HistGradientBoostingClassifier | None, baseline: LogisticRegression):
        self.target = target
        self.method = method
        self.features = features
        self.estimator = estimator
        self.baseline = baseline

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        """Probability of the target (churn / purchase) per row of a feature frame."""
        if len(frame) == 0:
            return np.zeros(0)
        if self.method == "model" and self.estimator is not None:
            with threadpool_limits(1, user_api="openmp"):
                return self.estimator.predict_proba(frame[list(self.features)].to_numpy(dtype=float))[:, 1]
        return self.baseline.predict_proba(_baseline_input(frame, self.target))[:, 1]


def _baseline_input(frame: pd.DataFrame, target: Target) -> np.ndarray:
    # log days: the odds of coming back fall fast at first, then slowly.
    return np.log1p(np.abs(baseline_score(frame, target))).reshape(-1, 1)


def usable_features(frame: pd.DataFrame) -> tuple[str, ...]:
    """Features with at least one known value: a source that is not loaded (no surveys, no
    sentiment) gives an all-empty column, which carries nothing and trips the binning."""
    return tuple(f for f in FEATURE_NAMES if frame[f].notna().any())


def _fit_estimator(frame: pd.DataFrame, features: tuple[str, ...], seed: int) -> HistGradientBoostingClassifier:
    # Shallow trees, slow learning and large leaves: a small shop has hundreds, not millions, of
    # customers, and the model must not memorise them.
    from sklearn.ensemble import HistGradientBoostingClassifier

    est = HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=150, max_leaf_nodes=8, min_samples_leaf=20,
        l2_regularization=1.0, random_state=seed,
    )
    est.fit(frame[list(features)].to_numpy(dtype=float), frame["label"].to_numpy())
    return est


def _fit_baseline(frame: pd.DataFrame, target: Target) -> LogisticRegression:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression()
    lr.fit(_baseline_input(frame, target), frame["label"].to_numpy())
    return lr


@dataclass(frozen=True)
class Evaluation:
    target: Target
    split: Split
    auc_model: float
    auc_baseline: float
    precision_top_decile_model: float
    precision_top_decile_baseline: float
    test_rate: float  # share of positives on the test cut-off
    n_train: int
    n_test: int
    positives_train: int
    positives_test: int
    method: Method
    reason: str
    top_features: tuple[tuple[str, float], ...] = field(default=())

    @property
    def auc(self) -> float:
        """AUC of the method in use: the registry compares retrains on it."""
        return self.auc_model if self.method == "model" else self.auc_baseline

    @property
    def precision_top_decile(self) -> float:
        return (self.precision_top_decile_model if self.method == "model"
                else self.precision_top_decile_baseline)

    def metrics(self) -> dict[str, float | int | str]:
        return {
            "auc": self.auc, "precision_top_decile": self.precision_top_decile,
            "auc_model": self.auc_model, "auc_baseline": self.auc_baseline,
            "precision_top_decile_model": self.precision_top_decile_model,
            "precision_top_decile_baseline": self.precision_top_decile_baseline,
            "test_rate": self.test_rate, "n_train": self.n_train, "n_test": self.n_test,
            "positives_train": self.positives_train, "positives_test": self.positives_test,
            "method": self.method, "reason": self.reason,
        }


@dataclass(frozen=True)
class Trained:
    model: ScoreModel
    evaluation: Evaluation


def _stack(store: JourneyStore, cutoffs: tuple[dt.date, ...], split: Split,
           sentiment: SentimentSource | None, cache: FeatureCache | None) -> pd.DataFrame:
    frames = [labelled_frame(store, c, split.window_days, target=split.target, sentiment=sentiment,
                             cache=cache)
              .assign(cutoff=c) for c in cutoffs]
    return pd.concat(frames) if frames else pd.DataFrame()


def _check_classes(frame: pd.DataFrame, what: str, split: Split, settings: PredictSettings) -> None:
    pos = int(frame["label"].sum()) if len(frame) else 0
    neg = len(frame) - pos
    if min(pos, neg) < settings.min_positives:
        name = {"churn": ("churned", "stayed"), "purchase": ("bought", "did not buy")}[split.target]
        raise NoDataError(
            f"Too few customers to {what} the {split.target} model: {pos} {name[0]} and {neg} "
            f"{name[1]} (at least {settings.min_positives} of each are needed). Load more "
            "history or use a shorter window."
        )


def train_and_evaluate(store: JourneyStore, target: Target, window_days: int, settings: PredictSettings,
                       *, sentiment: SentimentSource | None = None,
                       cache: FeatureCache | None = None) -> Trained:
    """Evaluate model and rule on a later cut-off, keep the better, refit it on recent data."""
    # One OpenMP thread: on a few thousand rows the gradient-boosting threads spend far more
    # time waiting on each other than working (10-30x slower on the 2-core machines measured).
    with threadpool_limits(1, user_api="openmp"):
        return _train_and_evaluate(store, target, window_days, settings, sentiment, cache)


def _train_and_evaluate(store: JourneyStore, target: Target, window_days: int, settings: PredictSettings,
                        sentiment: SentimentSource | None, cache: FeatureCache | None) -> Trained:
    first_day, as_of = data_span(store)
    split = plan_split(target, first_day, as_of, window_days, settings)
    train = _stack(store, split.train_cutoffs, split, sentiment, cache)
    test = labelled_frame(store, split.test_cutoff, window_days, target=target, sentiment=sentiment,
                          cache=cache)
    _check_classes(train, "train", split, settings)
    _check_classes(test, "test", split, settings)

    features = usable_features(train)
    est = _fit_estimator(train, features, settings.seed)
    y = test["label"].to_numpy()
    model_score = est.predict_proba(test[list(features)].to_numpy(dtype=float))[:, 1]
    rule_score = baseline_score(test, target)
    auc_m, auc_b = _auc(y, model_score), _auc(y, rule_score)
    p_m, p_b = precision_top_decile(y, model_score), precision_top_decile(y, rule_score)
    rule_name = BASELINES[target][0]
    if auc_m > auc_b and p_m >= p_b:
        method: Method = "model"
        reason = (f"the model ranks better than the rule '{rule_name}' on the test cut-off "
                  f"(ROC AUC {auc_m:.3f} vs {auc_b:.3f}; top-decile precision {p_m:.0%} vs {p_b:.0%})")
    else:
        method = "baseline"
        reason = (f"the model does not beat the rule '{rule_name}' on the test cut-off "
                  f"(ROC AUC {auc_m:.3f} vs {auc_b:.3f}; top-decile precision {p_m:.0%} vs "
                  f"{p_b:.0%}), so the rule scores customers")
    evaluation = Evaluation(
        target=target, split=split, auc_model=auc_m, auc_baseline=auc_b,
        precision_top_decile_model=p_m, precision_top_decile_baseline=p_b,
        test_rate=float(y.mean()), n_train=len(train), n_test=len(test),
        positives_train=int(train["label"].sum()), positives_test=int(y.sum()),
        method=method, reason=reason, top_features=_importance(est, features, test, y, settings.seed),
    )
    final = _stack(store, split.final_cutoffs, split, sentiment, cache)
    _check_classes(final, "refit", split, settings)
    features = usable_features(final)
    model = ScoreModel(
        target, method, features,
        _fit_estimator(final, features, settings.seed) if method == "model" else None,
        _fit_baseline(final, target),
    )
    return Trained(model, evaluation)


def _importance(est: HistGradientBoostingClassifier, features: tuple[str, ...], test: pd.DataFrame,
                y: np.ndarray, seed: int) -> tuple[tuple[str, float], ...]:
    """The five features whose shuffling costs the most AUC on the test cut-off (one shuffle
    per feature: a ranking for people to read, not a statistic)."""
    if not 0 < y.sum() < len(y):
        return ()
    rng = np.random.default_rng(seed)
    x = test[list(features)].to_numpy(dtype=float)
    base = _auc(y, est.predict_proba(x)[:, 1])
    drops = []
    for i in range(len(features)):  # one pass per feature, never per row
        shuffled = x.copy()
        shuffled[:, i] = rng.permutation(shuffled[:, i])
        drops.append(base - _auc(y, est.predict_proba(shuffled)[:, 1]))
    order = np.argsort(-np.asarray(drops))[:5]
    return tuple((features[i], round(float(drops[i]), 4)) for i in order if drops[i] > 0)
