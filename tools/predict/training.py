"""Retraining every predictive model, on a schedule or on demand.

`retrain` trains churn, purchase propensity and lifetime value on the data in the store,
registers each as a new version and leaves the previous version active when the new one
scores worse (see registry.py). A model that cannot be trained (too little history, no repeat
buyers) is reported and skipped; the others still train. With `only_if_new_data`, a model
whose active version already covers the last day of data is left alone, so a scheduler can
call this daily without piling up identical versions.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

import pandas as pd

from tools.core.errors import JourneyError, ToolInputError
from tools.core.results import Provenance, ResultMixin
from tools.data.store import JourneyStore
from tools.predict.clv import fit_clv, holdout_check
from tools.predict.features import (
    FEATURES,
    FeatureCache,
    SentimentSource,
    data_span,
    thin_recent_orders,
)
from tools.predict.modelling import train_and_evaluate
from tools.predict.registry import MODEL_NAMES, ModelRegistry, Registered
from tools.predict.settings import PredictSettings


@dataclass(frozen=True)
class ModelOutcome:
    name: str
    status: str  # "activated", "kept previous", "not used" (below its baseline), "skipped", "failed"
    version: int | None
    method: str
    metric: str
    score: float | None
    previous_score: float | None
    message: str
    seconds: float
    metrics: dict = field(default_factory=dict)
    why: str = ""  # the test behind the decision, with its statistics (shown with details)


@dataclass(frozen=True)
class RetrainReport(ResultMixin):
    as_of: dt.date | None
    outcomes: list[ModelOutcome]
    provenance: Provenance

    @property
    def trained(self) -> list[ModelOutcome]:
        return [o for o in self.outcomes if o.version is not None]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([
            {"model": o.name, "status": o.status, "version": o.version, "method": o.method,
             "metric": o.metric, "score": o.score, "previous": o.previous_score, "seconds": o.seconds}
            for o in self.outcomes])

    def to_text(self, details: bool = False) -> str:
        lines = [f"Models trained on data to {self.as_of}:"]
        for o in self.outcomes:
            if not details:
                lines.append(f"  {o.name:<9} {plain_outcome(o)}")
                continue
            head = f"  {o.name:<9} {o.status}"
            if o.version is not None:
                prev = f" (active before: {o.previous_score:.3f})" if o.previous_score is not None else ""
                head += f", v{o.version}, {o.method}, {o.metric} {o.score:.3f}{prev}"
            lines.append(head)
            lines.append(f"            {o.message}" + (f"; {o.why}" if o.why else ""))
        lines.extend(self.provenance.notes)
        return "\n".join(lines)


WHAT = {"churn": ("who stopped buying", "riskiest", "stopped"), "purchase": ("who bought again", "likeliest", "bought")}


def plain_outcome(o: ModelOutcome) -> str:
    """A model's training in words an owner reads: in use or not, and why, without statistics."""
    if o.status == "skipped":
        return f"unchanged: {o.message}"
    if o.status == "failed":
        return f"could not be trained: {o.message}"
    if o.name == "clv":
        skill = o.metrics.get("skill")
        if o.status == "not used" or (isinstance(skill, float) and skill < 0):
            return o.message
        state = "in use" if o.status == "activated" else "new version kept aside, the earlier one stays in use"
        return (f"{state} (v{o.version}): on the days held back it forecast each customer's purchases more "
                "closely than the simple rule 'each customer keeps buying at their past rate'.")
    who, top, did = WHAT.get(o.name, ("the outcome", "top", "did"))
    m = o.metrics
    if m.get("method") == "baseline":
        return (f"the simple rule is used: the model did not pick out {who} better than it on a later period.")
    state = "in use" if o.status == "activated" else "new version kept aside, the earlier one stays in use"
    model_p, rule_p = m.get("precision_top_decile_model"), m.get("precision_top_decile_baseline")
    share = (f" (of the 10% it ranked {top}, {model_p:.0%} {did}, against {rule_p:.0%} for the rule)"
             if isinstance(model_p, float) and isinstance(rule_p, float) else "")
    return f"{state} (v{o.version}): on a later period it picked out {who} better than the simple rule{share}."


def retrain(
    store: JourneyStore,
    registry: ModelRegistry,
    settings: PredictSettings | None = None,
    *,
    now: dt.datetime,
    models: tuple[str, ...] = MODEL_NAMES,
    only_if_new_data: bool = False,
    sentiment: SentimentSource | None = None,
) -> RetrainReport:
    """Train the named models on everything in the store and register new versions."""
    settings = settings or PredictSettings()
    unknown = [m for m in models if m not in MODEL_NAMES]
    if unknown:
        raise ToolInputError(f"Unknown model(s) {', '.join(unknown)}; models are: {', '.join(MODEL_NAMES)}")
    first_day, as_of = data_span(store)
    warning = thin_recent_orders(store, as_of)
    cache: FeatureCache = {}  # churn and purchase share most cut-offs
    outcomes = []
    for name in models:
        started = time.perf_counter()
        active = registry.active(name)
        if only_if_new_data and active is not None and active.data_end == as_of:
            outcomes.append(ModelOutcome(name, "skipped", None, active.method, active.metric, None,
                                         active.score, f"{active.label()} already covers data to {as_of}",
                                         0.0))
            continue
        try:
            registered = _train_one(name, store, registry, settings, now, first_day, as_of, sentiment, cache)
        except JourneyError as exc:
            outcomes.append(ModelOutcome(name, "failed", None, "", "", None,
                                         active.score if active else None, str(exc),
                                         time.perf_counter() - started))
            continue
        v = registered.version
        status = "activated" if registered.activated else "kept previous" if registered.previous else "not used"
        outcomes.append(ModelOutcome(
            name, status, v.version, v.method,
            v.metric, v.score, registered.previous.score if registered.previous else None,
            registered.reason, time.perf_counter() - started, v.metrics, registered.extra.get("why", "")))
    prov = Provenance(
        tool="retrain",
        definition=("Churn and purchase models trained at past cut-offs and tested on a later one "
                    "against a recency rule; lifetime value (BG/NBD + Gamma-Gamma) checked on a "
                    "holdout, then refitted on all data. A version that scores worse than the "
                    "active one is kept inactive."),
        params={"models": list(models), "only_if_new_data": only_if_new_data, **settings.to_dict()},
        tables=("orders", "events", "tickets", "surveys", "customers"),
        period_label=f"data {first_day} to {as_of}",
        notes=(f"Warning: {warning}",) if warning else (),
    )
    return RetrainReport(as_of, outcomes, prov)


def _train_one(name: str, store: JourneyStore, registry: ModelRegistry, settings: PredictSettings,
               now: dt.datetime, first_day: dt.date, as_of: dt.date,
               sentiment: SentimentSource | None, cache: FeatureCache) -> Registered:
    if name in ("churn", "purchase"):
        window = settings.churn_window_days if name == "churn" else settings.propensity_days
        trained = train_and_evaluate(store, name, window, settings, sentiment=sentiment, cache=cache)  # type: ignore[arg-type]
        ev = trained.evaluation
        metrics = {**ev.metrics(), "top_features": [list(t) for t in ev.top_features],
                   "window_days": window}
        method = ("gradient boosting" if ev.method == "model" else "recency rule") 
        registered = registry.register(
            name, trained.model, now=now, data_start=first_day, data_end=as_of, method=method,
            metric="roc_auc", score=ev.auc, metrics=metrics,
            features=list(trained.model.features), settings=settings.to_dict(),
            training=ev.split.describe(), tolerance=settings.retrain_tolerance)
        return Registered(registered.version, registered.activated, registered.previous,
                          registered.reason, {"why": ev.reason})
    check, _ = holdout_check(store, settings)
    model, rfm = fit_clv(store, as_of + dt.timedelta(days=1))
    method = "BG/NBD + Gamma-Gamma" if model.spend is not None else "BG/NBD + average spend"
    metrics = {**check.metrics(), **model.params(), "log_likelihood": model.log_likelihood,
               "customers_fitted": len(rfm), "spend_note": model.spend_note,
               "by_frequency": check.by_frequency.to_dict(orient="records")}
    n = store.profile.numbers.number
    why = (f"holdout: {n(check.predicted_purchases)} purchases predicted vs {n(check.actual_purchases)} "
           f"actual over {check.holdout_days} days; per-customer MAE {check.mae:.3f} vs naive {check.naive_mae:.3f}")
    registered = registry.register(
        "clv", model, now=now, data_start=first_day, data_end=as_of, method=method,
        metric="holdout_skill", score=check.skill, metrics=metrics, features=["x", "t_x", "T", "m"],
        settings=settings.to_dict(),
        training=f"checked on {check.calibration_end} to {as_of}, refitted on all data",
        tolerance=settings.retrain_tolerance,
        floor=(0.0, f"not used: on the last {check.holdout_days} days it was further off per customer than the "
                    "simple rule 'each customer keeps buying at their past rate', so forecasts use that rule"))
    return Registered(registered.version, registered.activated, registered.previous, registered.reason,
                      {"why": why})


FEATURE_GLOSSARY = FEATURES  # re-exported for the CLI's `predict models --features`
