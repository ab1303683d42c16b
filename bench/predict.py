"""Predictive models on the sample data and on the real Olist sample: accuracy and time.

    .venv/bin/python bench/predict.py                       # sample (3,000 customers) + Olist
    .venv/bin/python bench/predict.py --only olist --olist-dir ../shared/data/external/olist_sample

Prints, per data set: the churn and purchase models against the recency rule on a later
period (ROC AUC, precision in the top decile), the BG/NBD + Gamma-Gamma holdout check
(predicted vs actual purchases and revenue, per-customer error against a naive forecast),
training and scoring time; on the sample, how well the planted churners are found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import peak_rss_mb, table  # noqa: E402
from tools.data.ingest import folder_loads, ingest_loads, ingest_recipe  # noqa: E402
from tools.data.store import JourneyStore  # noqa: E402
from tools.predict.clv import holdout_check  # noqa: E402
from tools.predict.modelling import train_and_evaluate  # noqa: E402
from tools.predict.registry import ModelRegistry  # noqa: E402
from tools.predict.scoring import score_customers  # noqa: E402
from tools.predict.settings import PredictSettings  # noqa: E402
from tools.predict.training import retrain  # noqa: E402

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def evaluate(name: str, store: JourneyStore, settings: PredictSettings, folder: Path) -> list[dict]:
    rows = []
    for target, window in (("churn", settings.churn_window_days), ("purchase", settings.propensity_days)):
        started = time.perf_counter()
        try:
            ev = train_and_evaluate(store, target, window, settings).evaluation  # type: ignore[arg-type]
        except Exception as exc:  # a data set may not support a model; say why
            rows.append({"data": name, "model": target, "result": f"not trained: {exc}"})
            continue
        rows.append({
            "data": name, "model": f"{target} ({window} d)", "test cut-off": str(ev.split.test_cutoff),
            "n test": ev.n_test, "positive rate": f"{ev.test_rate:.1%}",
            "AUC model": round(ev.auc_model, 3), "AUC rule": round(ev.auc_baseline, 3),
            "P@10% model": f"{ev.precision_top_decile_model:.0%}",
            "P@10% rule": f"{ev.precision_top_decile_baseline:.0%}",
            "in use": ev.method, "train s": round(time.perf_counter() - started, 2)})
    return rows


def clv_row(name: str, store: JourneyStore, settings: PredictSettings) -> dict:
    started = time.perf_counter()
    try:
        check, model = holdout_check(store, settings)
    except Exception as exc:
        return {"data": name, "result": f"not fitted: {exc}"}
    p = model.params()
    return {
        "data": name, "holdout": f"{check.calibration_end} +{check.holdout_days} d",
        "customers": check.customers, "repeat share": f"{check.repeat_share:.1%}",
        "purchases pred / actual": f"{check.predicted_purchases:,.0f} / {check.actual_purchases:,.0f}",
        "error": f"{check.purchases_error:+.1%}", "naive": f"{check.naive_purchases:,.0f}",
        "MAE / naive": f"{check.mae:.3f} / {check.naive_mae:.3f}",
        "revenue pred / actual": f"{check.predicted_revenue:,.0f} / {check.actual_revenue:,.0f}",
        "rev. error": f"{check.revenue_error:+.1%}", "spearman": round(check.spearman, 2),
        "r, alpha, a, b": ", ".join(f"{p[k]:.3g}" for k in ("bgnbd_r", "bgnbd_alpha", "bgnbd_a", "bgnbd_b")),
        "fit s": round(time.perf_counter() - started, 2),
    }


def pipeline_row(name: str, store: JourneyStore, settings: PredictSettings, folder: Path) -> dict:
    registry = ModelRegistry(store, folder / "models")
    started = time.perf_counter()
    report = retrain(store, registry, settings, now=NOW)
    trained = time.perf_counter() - started
    started = time.perf_counter()
    try:
        scores = score_customers(store, registry, settings, train_if_missing=False)
        scored, n = time.perf_counter() - started, len(scores.frame)
    except Exception:
        scored, n = float("nan"), 0
    return {"data": name, "customers scored": n, "retrain all s": round(trained, 2),
            "score all s": round(scored, 2),
            "status": ", ".join(f"{o.name} {o.status}" for o in report.outcomes)}


def planted(store: JourneyStore, settings: PredictSettings, folder: Path, truth_file: Path) -> list[dict]:
    """Precision and recall of each signal against the regulars the generator made drift away
    (ground_truth.csv churn_drift), among customers who have bought."""
    truth = pd.read_csv(truth_file).set_index("customer_id")
    scores = score_customers(store, ModelRegistry(store, folder / "models"), settings)
    buyers = scores.frame[scores.frame["has_purchase"]]
    drift = truth["churn_drift"].astype(str).str.lower().eq("true").reindex(buyers.index).fillna(False)
    signals = {
        f"high churn risk (>= {settings.high_risk:.0%})": buyers["churn_risk"] >= settings.high_risk,
        f"rising risk (+{settings.rising_risk * 100:.0f} points in {settings.compare_days} d)": buyers["rising"],
        f"lapsing (<= {settings.lapsing_ratio:.0%} of usual rate)": buyers["lapsing"],
        "lapsing or rising": buyers["lapsing"] | buyers["rising"],
    }
    rows = []
    for name, flag in signals.items():
        tp = int((flag & drift).sum())
        rows.append({"signal": name, "drifting regulars": int(drift.sum()), "flagged": int(flag.sum()),
                     "found": tp, "precision": f"{tp / max(int(flag.sum()), 1):.0%}",
                     "recall": f"{tp / max(int(drift.sum()), 1):.0%}"})
    return rows


def load_sample(folder: Path, events: int) -> tuple[JourneyStore, Path | None]:
    try:
        from tools.data.sample import SampleSpec, generate_sample
    except ImportError:
        print("tools/data/sample/ is not on this branch yet: skipping the sample data", file=sys.stderr)
        return None, None  # type: ignore[return-value]
    files = generate_sample(folder / "sample", SampleSpec(events=events, seed=7))
    store = JourneyStore(folder / "sample.duckdb", timezone="Europe/London")
    ingest_loads(store, folder_loads(files.folder))
    return store, Path(files.folder) / "ground_truth.csv"


def load_olist(folder: Path, data_dir: Path, cut: dt.date | None) -> JourneyStore:
    store = JourneyStore(folder / "olist.duckdb", timezone="America/Sao_Paulo")
    ingest_recipe(store, ROOT / "examples" / "olist" / "recipe.toml", data_dir=data_dir)
    if cut:
        # Olist's orders stop part-way through September 2018; end the data where they are complete.
        end = dt.datetime.combine(cut + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        for t, col in (("orders", "ts"), ("events", "ts"), ("surveys", "ts"), ("tickets", "created_at")):
            store.execute(f'DELETE FROM "{t}" WHERE "{col}" >= ?', [end])
    return store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["sample", "olist"])
    ap.add_argument("--events", type=int, default=100_000, help="sample size in journey events")
    shared = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared"))
    ap.add_argument("--olist-dir", type=Path, default=shared / "data" / "external" / "olist_sample")
    ap.add_argument("--olist-cut", type=dt.date.fromisoformat, default=dt.date(2018, 8, 31))
    args = ap.parse_args()
    models, clv, pipe, found = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only in (None, "sample"):
            store, truth = load_sample(folder, args.events)
            if store is not None:
                s = PredictSettings()
                models += evaluate("sample", store, s, folder)
                clv.append(clv_row("sample", store, s))
                pipe.append(pipeline_row("sample", store, s, folder))
                found = planted(store, s, folder, truth)
        if args.only in (None, "olist") and args.olist_dir.exists():
            store = load_olist(folder, args.olist_dir, args.olist_cut)
            # Repeat purchase is rare in Olist: long windows, or no one "stays" to learn from.
            s = PredictSettings(churn_window_days=180, propensity_days=90, clv_holdout_days=180,
                                min_history_days=90, snapshot_step_days=30)
            models += evaluate("olist", store, s, folder)
            clv.append(clv_row("olist", store, s))
            pipe.append(pipeline_row("olist", store, s, folder))
    print("Churn and purchase models vs the recency rule (later test period):\n")
    print(table(models, ["data", "model", "test cut-off", "n test", "positive rate", "AUC model", "AUC rule",
                         "P@10% model", "P@10% rule", "in use", "train s", "result"]))
    print("\nBG/NBD + Gamma-Gamma holdout check:\n")
    print(table(clv, ["data", "holdout", "customers", "repeat share", "purchases pred / actual", "error",
                      "naive", "MAE / naive", "revenue pred / actual", "rev. error", "spearman",
                      "r, alpha, a, b", "fit s", "result"]))
    print("\nWhole pipeline (train every model, score every customer):\n")
    print(table(pipe, ["data", "customers scored", "retrain all s", "score all s", "status"]))
    if found:
        print("\nPlanted churn drift found (ground_truth.csv churn_drift, among buyers):\n")
        print(table(found, ["signal", "drifting regulars", "flagged", "found", "precision", "recall"]))
    print(f"\npeak memory {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
