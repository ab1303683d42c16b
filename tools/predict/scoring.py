"""Scoring every customer with the active models: the frame the predictive tools read.

Features are taken at the end of the data (midnight after the last day), so churn risk is the
probability of no purchase in the `churn_window_days` after the data ends, and propensity the
probability of a purchase in the `propensity_days` after it. The churn model also scores the
customers as they stood `compare_days` earlier, which is what "rising risk" and "newly at high
risk" compare with. Missing models are trained on demand only when the caller asks
(`train_if_missing`, the `journeybot predict` commands): answers and the digest read the latest
trained models and, when there are none yet, say so (`untrained_note`) and answer what a rule
can without a model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from tools.analytics.filters import Filters, cohort_sql, validate_filters
from tools.core.errors import NoDataError, NotReadyYet, ToolUnavailable
from tools.core.money import NumberFormat
from tools.core.text import counted_each
from tools.data.store import JourneyStore
from tools.predict.features import SentimentSource, customer_features, data_span, thin_recent_orders
from tools.predict.registry import MODEL_NAMES, ModelRegistry, ModelVersion
from tools.predict.settings import PredictSettings

if TYPE_CHECKING:  # both pull in SciPy and scikit-learn (seconds): loaded with the models
    from tools.predict.clv import ClvModel
    from tools.predict.modelling import ScoreModel


# What each model is called where an owner reads about it.
MODEL_LABELS = {"churn": "churn risk model", "purchase": "purchase propensity model",
                "clv": "lifetime value model"}


def untrained_note(name: str) -> str:
    """Why there is no model yet, when there will be, and how to have one now."""
    return (f"The {MODEL_LABELS.get(name, name + ' model')} is not trained yet on this data: the scheduled "
            "retrain trains it after the next sync that brings new data (and every night while "
            "`journeybot serve` runs); `journeybot predict train` trains it now.")


@dataclass(frozen=True)
class Scores:
    frame: pd.DataFrame  # index customer_id; see score_customers
    as_of: dt.date
    versions: dict[str, ModelVersion]
    value_threshold: float  # last-12-month spend from which a customer is "high value"
    settings: PredictSettings
    notes: tuple[str, ...]
    rows: dict[str, int]
    # Each buyer's churn risk latest.NEWLY_DAYS before the end of the data, when the scores were
    # read from the saved ones (tools/predict/latest.py), which keep it for "newly at high risk".
    earlier: pd.Series | None = None

    def model_notes(self) -> tuple[str, ...]:
        return tuple(v.summary() for v in self.versions.values())


def missing_models(store: JourneyStore, registry: ModelRegistry,
                   names: tuple[str, ...] = MODEL_NAMES) -> list[str]:
    """The models a `journeybot predict` command would train first: those with no active
    version. One trained on the current data but never made active (it did not beat its
    baseline) is not retrained on every call: the answer says the simple rule is used instead."""
    as_of = data_span(store)[1]
    return [n for n in names if registry.active(n) is None
            and not any(v.data_end == as_of for v in registry.versions(n))]


def active_models(
    store: JourneyStore,
    registry: ModelRegistry,
    settings: PredictSettings,
    *,
    train_if_missing: bool = True,
    sentiment: SentimentSource | None = None,
    now: dt.datetime | None = None,
    names: tuple[str, ...] = MODEL_NAMES,
) -> tuple[dict[str, tuple[ModelVersion, Any]], list[str]]:
    """The active version and loaded model of each of `names`; with `train_if_missing`, trains
    the missing ones first. Returns the models and a note per model that could not be had."""
    from tools.predict.training import retrain

    as_of = data_span(store)[1]
    missing = missing_models(store, registry, names)
    notes: list[str] = []
    if missing and train_if_missing:
        report = retrain(store, registry, settings, now=now or dt.datetime.now(dt.UTC),
                         models=tuple(missing), sentiment=sentiment)
        notes += [f"{o.name} model could not be trained: {o.message}" for o in report.outcomes
                  if o.status == "failed"]
    out: dict[str, tuple[ModelVersion, Any]] = {}
    for name in names:
        version = registry.active(name)
        if version is not None:
            out[name] = (version, registry.load(version))
        elif (unused := next((v for v in reversed(registry.versions(name)) if v.data_end == as_of), None)):
            notes.append(f"the {name} model is {unused.note}")
        elif not train_if_missing:
            notes.append(untrained_note(name))
    return out, notes


@dataclass(frozen=True)
class LifetimeModel:
    """What forecasts lifetime spend: the lifetime value model, or the simple past-rate rule
    when the model did not beat it (`version` is that unused model) or when no model has been
    trained on this data yet (`version` is None and `untrained` says so)."""

    version: ModelVersion | None
    model: Any  # ClvModel or PastRate
    past_rate: bool
    notes: tuple[str, ...]
    untrained: str = ""


def lifetime_model(store: JourneyStore, registry: ModelRegistry, settings: PredictSettings, *,
                   train_if_missing: bool = True) -> LifetimeModel:
    """The lifetime value model to use, or the rule and why."""
    from tools.predict.clv import PastRate  # with BG/NBD's SciPy: only for value forecasts

    models, notes = active_models(store, registry, settings, train_if_missing=train_if_missing,
                                  names=("clv",))
    if "clv" in models:
        version, model = models["clv"]
        return LifetimeModel(version, model, False, tuple(notes))
    as_of = data_span(store)[1]
    # Trained on this data but no better than the simple rule (so not made active): the rule
    # gives the expected part, and the answer says so.
    unused = next((v for v in reversed(registry.versions("clv")) if v.data_end == as_of and not v.active), None)
    if unused is not None:
        return LifetimeModel(unused, PastRate(), True, tuple(notes))
    if train_if_missing:  # training was tried and failed: nothing to forecast with
        raise ToolUnavailable("The lifetime value model is not available: " + "; ".join(notes))
    # Answers never train: the rule forecasts until the scheduled retrain has run.
    untrained = untrained_note("clv")
    return LifetimeModel(None, PastRate(), True, tuple(n for n in notes if n != untrained), untrained)


def score_customers(
    store: JourneyStore,
    registry: ModelRegistry,
    settings: PredictSettings | None = None,
    *,
    sentiment: SentimentSource | None = None,
    train_if_missing: bool = True,
    now: dt.datetime | None = None,
) -> Scores:
    """Every customer seen in the data, scored by the active models.

    Columns: has_purchase, churn_risk (buyers only), risk_tier (high/medium/low), risk_before
    and risk_change (vs `compare_days` ago), rising, purchase_propensity, p_alive,
    expected_purchases and expected_revenue (next `forecast_days`), the behavioural features,
    high_value, recent_complaint and reasons (why the risk is what it is, in words)."""
    settings = settings or PredictSettings()
    as_of = data_span(store)[1]
    models, notes = active_models(store, registry, settings, train_if_missing=train_if_missing,
                                  sentiment=sentiment, now=now)
    warning = thin_recent_orders(store, as_of)
    if warning:
        notes.append(f"Warning: {warning}")
    end = as_of + dt.timedelta(days=1)
    frame = customer_features(store, end, sentiment=sentiment)
    if frame.empty:
        raise NoDataError("No customers with orders or journey events to score.")
    buyers = frame["has_purchase"]
    frame["churn_risk"] = np.nan
    frame["risk_before"] = np.nan
    if "churn" in models:
        churn: ScoreModel = models["churn"][1]
        frame.loc[buyers, "churn_risk"] = churn.predict(frame[buyers])
        before = customer_features(store, end - dt.timedelta(days=settings.compare_days),
                                   sentiment=sentiment, population="buyers")
        frame["risk_before"] = pd.Series(churn.predict(before), index=before.index).reindex(frame.index)
    frame["risk_change"] = frame["churn_risk"] - frame["risk_before"]
    frame["risk_tier"] = pd.Series(
        np.select([frame["churn_risk"] >= settings.high_risk, frame["churn_risk"] >= settings.medium_risk,
                   frame["churn_risk"].notna()], ["high", "medium", "low"], default=None),
        index=frame.index, dtype="object")
    frame["rising"] = (frame["risk_change"] >= settings.rising_risk).fillna(False).astype(bool)
    frame["lapsing"] = ((frame["days_prev_90d"] >= settings.lapsing_min_days)
                        & (frame["rate_ratio"] <= settings.lapsing_ratio).fillna(False)).astype(bool)
    frame["purchase_propensity"] = np.nan
    if "purchase" in models:
        frame["purchase_propensity"] = models["purchase"][1].predict(frame)
    for col in ("p_alive", "expected_purchases", "expected_revenue"):
        frame[col] = np.nan
    if "clv" in models:
        from tools.predict.clv import rfm_summary

        clv: ClvModel = models["clv"][1]
        rfm = rfm_summary(store, end)
        pred = clv.predict(rfm, float(settings.forecast_days))
        frame.loc[pred.index, ["p_alive", "expected_purchases", "expected_revenue"]] = \
            pred[["p_alive", "expected_purchases", "expected_revenue"]].to_numpy()
    spenders = frame.loc[buyers & (frame["spend_365d"] > 0), "spend_365d"]
    threshold = float(spenders.quantile(settings.high_value_quantile)) if len(spenders) else float("inf")
    frame["high_value"] = buyers & (frame["spend_365d"] >= threshold) & (frame["spend_365d"] > 0)
    negative_text = (frame["sentiment_mean"] <= -0.2).fillna(False)
    frame["recent_complaint"] = ((frame["days_since_complaint"] <= settings.recent_days).fillna(False)
                                 | (frame["open_tickets"] > 0) | negative_text).astype(bool)
    frame["reasons"] = risk_reasons(frame)
    return Scores(frame, as_of, {n: v for n, (v, _) in models.items()}, threshold, settings,
                  tuple(notes), {"customers scored": len(frame), "buyers": int(buyers.sum())})


def risk_reasons(f: pd.DataFrame) -> pd.Series:
    """Why a customer's risk is what it is, in the owner's words: one column of '; '-joined
    phrases built per condition (vectorised; no loop over customers)."""
    def days(s: pd.Series) -> pd.Series:
        return s.round().astype("Int64").astype(str)

    overdue = f["overdue_ratio"] >= 1.5
    lapsing = f["lapsing"] if "lapsing" in f else pd.Series(False, index=f.index)
    parts = [
        np.where(lapsing, "buying at " + (f["rate_ratio"] * 100).round().astype("Int64").astype(str)
                 + "% of their usual rate (" + f["days_45d"].astype(int).astype(str) + " visits in 45 days, "
                 + f["days_prev_90d"].astype(int).astype(str) + " in the 90 before)", ""),
        np.where(overdue, "no purchase for " + days(f["recency_days"]) + " days (usually every "
                 + days(f["mean_gap_days"]) + ")", ""),
        np.where(~overdue & f["mean_gap_days"].isna() & (f["recency_days"] >= 30),
                 "one purchase, " + days(f["recency_days"]) + " days ago", ""),
        np.where(f["order_trend"] < 0, counted_each(f["orders_90d"], "purchase")
                 + " in the last 90 days, down from " + f["orders_prev_90d"].astype(int).astype(str), ""),
        np.where(f["tickets_90d"] > 0, counted_each(f["tickets_90d"], "support ticket") + " in 90 days", ""),
        np.where(f["open_tickets"] > 0, "a ticket still open", ""),
        np.where(f["low_scores_90d"] > 0, "a low survey score lately"
                 + np.where(f["nps_last"].notna(), " (last NPS " + f["nps_last"].astype("Int64").astype(str) + ")", ""), ""),
        np.where((f["sentiment_mean"] <= -0.2).fillna(False), "negative tone in their feedback", ""),
        np.where(f["cancelled_orders"] > 0, counted_each(f["cancelled_orders"], "cancelled or refunded order"), ""),
    ]
    joined = np.full(len(f), "", dtype=object)
    for part in parts:
        part = np.asarray(part, dtype=object)
        joined = np.where(joined == "", part, np.where(part == "", joined, joined + "; " + part))
    return pd.Series(joined, index=f.index, dtype=object)


def cohort(store: JourneyStore, filters: Filters | None) -> tuple[Filters, pd.Index | None]:
    """Validated filters and the customer ids they select (None: everyone)."""
    checked = validate_filters(store, filters)
    sql, params = cohort_sql(checked)
    if not sql:
        return checked, None
    return checked, pd.Index(store.query(sql, params)["customer_id"])


def restrict(frame: pd.DataFrame, ids: pd.Index | None) -> pd.DataFrame:
    return frame if ids is None else frame[frame.index.isin(ids)]


def require(scores: Scores, name: str) -> ModelVersion:
    if name not in scores.versions:
        label = MODEL_LABELS.get(name, f"{name} model")
        why = [n for n in scores.notes if label in n or n.startswith(name) or f"the {name} model" in n]
        if why and untrained_note(name) in why:
            raise NotReadyYet(" ".join(why))  # the retrain job brings it: asking again now will not
        if why and label in why[0]:
            raise ToolUnavailable(" ".join(why))
        raise ToolUnavailable(f"The {label} is not available: " + ("; ".join(why) or f"no active {name} model"))
    return scores.versions[name]


def scores_for(
    store: JourneyStore,
    registry: ModelRegistry | None,
    settings: PredictSettings | None,
    sentiment: SentimentSource | None,
    scores: Scores | None,
    *,
    train_if_missing: bool = True,
) -> Scores:
    """The scores a tool works on: given, the ones the retrain job saved when they are still
    current (tools/predict/latest.py), or computed with the registry beside the store."""
    if scores is not None:
        return scores
    registry = registry or ModelRegistry.beside(store)
    if sentiment is None and (saved := saved_scores(store, registry, settings)) is not None:
        return saved
    return score_customers(store, registry, settings, sentiment=sentiment, train_if_missing=train_if_missing)


def saved_scores(store: JourneyStore, registry: ModelRegistry, settings: PredictSettings | None) -> Scores | None:
    """The scores the retrain job saved, when the data, the active models and the settings are
    the ones they were computed with (tools/predict/latest.py); else None."""
    from tools.predict.latest import load_latest

    settings = settings or PredictSettings()
    saved = load_latest(store, registry, settings)
    if saved is None:
        return None
    versions = registry.actives()
    return Scores(saved["frame"], saved["as_of"], versions, saved["value_threshold"], settings, saved["notes"],
                  saved["rows"], earlier=saved["earlier"] if "churn" in versions else None)


def refresh_saved_scores(store: JourneyStore, registry: ModelRegistry, settings: PredictSettings | None = None) -> bool:
    """Score every customer with the active models and save it, unless the saved scoring is
    current; True when it scored. For the retrain job (after every sync, also when no model was
    retrained) and `journeybot predict train`. Never trains."""
    from tools.predict.latest import NEWLY_DAYS, save_latest

    settings = settings or PredictSettings()
    if store.path is None:  # in-memory stores (tests, scratch work) score on every read
        return False
    if not any(registry.active(n) for n in MODEL_NAMES) or saved_scores(store, registry, settings) is not None:
        return False
    version = store.data_version()
    scores = score_customers(store, registry, settings, train_if_missing=False)
    earlier = None
    if "churn" in scores.versions:
        # as newly_at_risk computes it without a saved scoring: the features NEWLY_DAYS earlier
        model = registry.load(scores.versions["churn"])
        before = customer_features(store, scores.as_of - dt.timedelta(days=NEWLY_DAYS - 1), population="buyers")
        earlier = pd.Series(model.predict(before), index=before.index)
    if store.data_version() != version:
        return False  # a sync committed while scoring: this scoring is of neither version
    save_latest(store, registry, settings, scores, earlier, version)
    return True


def model_facts(version: ModelVersion) -> dict[str, Any]:
    """What a result tells about the model behind it."""
    m = version.metrics
    facts: dict[str, Any] = {"model": version.label(), "method": version.method,
                             "trained_on": f"{version.data_start} to {version.data_end}",
                             version.metric: version.score}
    for key in ("auc_baseline", "precision_top_decile", "precision_top_decile_baseline",
                "purchases_error", "revenue_error", "mae", "naive_mae"):
        if key in m and m[key] is not None:
            facts[key] = m[key]
    return facts


def plain_quality_line(version: ModelVersion) -> str:
    """How far to trust the model, in one sentence without statistics (quality_line has them)."""
    m = version.metrics
    if version.name in ("churn", "purchase"):
        who = "who stopped buying" if version.name == "churn" else "who bought again"
        if m.get("method") == "baseline":
            return f"Scored by the simple rule ({version.label()}): the model did not pick out {who} better on a later period."
        return (f"Tested on a later period, the model ({version.label()}) picked out {who} better than the "
                "simple rule.")
    return f"The model ({version.label()}) was checked on the last {m.get('holdout_days')} days held back."


def quality_line(version: ModelVersion, numbers: NumberFormat | None = None) -> str:
    """How good the model was when tested, in one sentence (counts in the business's locale)."""
    m = version.metrics
    n = (numbers or NumberFormat()).number
    if version.name in ("churn", "purchase"):
        rule = "the recency rule"
        if m.get("method") == "baseline":
            return (f"Scored by {rule} ({version.label()}): the model did not beat it on a later "
                    f"period (ROC AUC {m.get('auc_model', float('nan')):.2f} vs {m.get('auc_baseline', float('nan')):.2f}).")
        return (f"{version.label()} ({version.method}): ROC AUC {m.get('auc_model', float('nan')):.2f} vs "
                f"{m.get('auc_baseline', float('nan')):.2f} for {rule}, top-decile precision "
                f"{m.get('precision_top_decile_model', float('nan')):.0%} vs "
                f"{m.get('precision_top_decile_baseline', float('nan')):.0%}, on a later period.")
    return (f"{version.label()} ({version.method}): on the last {m.get('holdout_days')} days it predicted "
            f"{n(m.get('predicted_purchases'))} purchases against "
            f"{n(m.get('actual_purchases'))} actual "
            f"({m.get('purchases_error', float('nan')):+.0%}) and revenue "
            f"{m.get('revenue_error', float('nan')):+.0%} off.")
