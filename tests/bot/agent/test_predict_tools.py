"""The predictive tools as the agent and the planner call them: schema, answers that never train
(they read the latest trained model, and say plainly when there is none yet), results with
provenance, and mistakes as messages."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from fakes.shop import make_shop

from bot.agent.catalog import all_tools
from bot.agent.tools import ToolContext, render_for_model, run_tool
from bot.config import load_config
from tools.data.ingest import folder_loads, ingest_loads
from tools.predict.registry import ModelRegistry
from tools.predict.training import retrain

NAMES = {"at_risk_customers", "newly_at_risk", "revenue_forecast", "purchase_propensity", "next_best_actions",
         "customer_lifetime_value"}


def test_every_predictive_tool_is_declared_for_the_model():
    specs = {t.name: t for t in all_tools() if t.name in NAMES}
    assert set(specs) == NAMES
    for spec in specs.values():
        assert spec.description and spec.examples and spec.plan is not None
        for name, field in spec.params.model_fields.items():
            assert field.description, f"{spec.name}.{name} has no description"


def _past_rate_total(shop_folder, horizon_days: int) -> tuple[int, float, float]:
    """Customers, spend so far and the past-rate rule's expected spend, from the raw orders file
    (not through journeybot): per customer, repeat purchase days per day since the first one,
    times the horizon, times spend per purchase day; a purchase day is a day with a completed
    order. Days are read in the shop's time zone, as written in the file."""
    orders = pd.read_csv(shop_folder / "orders.csv")
    orders = orders[orders["status"].fillna("completed").isin(["completed"])]
    orders["day"] = pd.to_datetime(orders["ts"].str[:10])
    days = orders.groupby("customer_id").agg(first=("day", "min"), last=("day", "max"),
                                             n=("day", "nunique"), spend=("amount", "sum"))
    end = orders["day"].max() + pd.Timedelta(days=1)
    age = (end - days["first"]).dt.days
    rate = ((days["n"] - 1) / age.where(age > 0)).fillna(0.0)
    expected = rate * horizon_days * days["spend"] / days["n"]
    return len(days), float(days["spend"].sum()), float(expected.sum())


def test_answers_on_fresh_data_train_nothing_and_say_so(tmp_path, home):
    make_shop(tmp_path / "shop", n=300)
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(tmp_path / "shop"))
    ctx = ToolContext(store=store, config=config)
    specs = {t.name: t for t in all_tools()}
    said = {}
    for name, args in (("at_risk_customers", {"sort_by": "value", "limit": 3}),
                       ("revenue_forecast", {"horizon": "next_90_days"}),
                       ("customer_lifetime_value", {"limit": 3}),
                       ("purchase_propensity", {"who": "customers"}),
                       ("next_best_actions", {}), ("newly_at_risk", {"days": 7})):
        record = run_tool(specs[name], ctx, args)
        said[name] = record.result.to_text() if record.ok else record.error
        assert "not trained yet on this data" in said[name], (name, said[name])
        assert "journeybot predict train" in said[name] and "after the next sync" in said[name]
    # Nothing was trained or written: no model file, no registry row.
    assert not list((home / "models").rglob("*.joblib")) if (home / "models").exists() else True
    assert ModelRegistry(store, config.models_dir).versions() == []
    # What a rule can answer without a model is still answered, with the rule named.
    assert "by a rule that needs none" in said["at_risk_customers"] and "lapsing" in said["at_risk_customers"]
    assert "if each keeps buying at their past rate" in said["revenue_forecast"]
    assert "Only the rules that need no model apply" in said["next_best_actions"]
    assert "by the simple rule the model is tested against" in said["purchase_propensity"]
    rule = run_tool(specs["purchase_propensity"], ctx, {"limit": 50}).result.customers
    last_active = rule[["recency_days", "days_since_event"]].min(axis=1)
    assert last_active.is_monotonic_increasing and rule["purchase_propensity"].isna().all()  # no made-up chances
    lifetime = run_tool(specs["customer_lifetime_value"], ctx, {"limit": 0, "horizon_days": 365}).result
    customers, spent, expected = _past_rate_total(tmp_path / "shop", 365)
    assert lifetime.customers == customers
    assert abs(lifetime.mean_spent * customers - spent) < 0.01
    assert abs(lifetime.mean_expected * customers - expected) < 0.01 * max(expected, 1)
    assert "past rate" in lifetime.to_text()


def test_tools_read_the_trained_models_and_answer_with_provenance(tmp_path, home):
    make_shop(tmp_path / "shop", n=300)
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(tmp_path / "shop"))
    ctx = ToolContext(store=store, config=config)
    specs = {t.name: t for t in all_tools()}
    # What the scheduled retrain and `journeybot predict train` do.
    retrain(store, ModelRegistry(store, config.models_dir), config.predict.settings(), now=dt.datetime.now(dt.UTC))
    trained = len(ModelRegistry(store, config.models_dir).versions())
    first = run_tool(specs["at_risk_customers"], ctx, {"sort_by": "value", "limit": 3})
    assert first.ok, first.error
    assert (home / "models" / "churn" / "v1.joblib").exists()
    assert "[how this was computed]" in render_for_model(first) and "churn v1" in render_for_model(first)
    assert "not trained yet" not in first.result.to_text()
    for name, args in (("revenue_forecast", {"horizon": "next_quarter", "by": "segment"}),
                       ("purchase_propensity", {"who": "customers"}),
                       ("next_best_actions", {"filters": {"segment": ["loyalty"]}}),
                       ("newly_at_risk", {"days": 7}),
                       ("customer_lifetime_value", {"by": "segment", "limit": 3})):
        record = run_tool(specs[name], ctx, args)
        assert record.ok, (name, record.error)
        assert record.result.provenance.tool == name
    assert len(ctx.services["predict_registry"].versions()) == trained == 3  # answers added none
    wrong = run_tool(specs["at_risk_customers"], ctx, {"tier": "extreme"})
    assert wrong.error.startswith("Invalid arguments: tier")
    persona = run_tool(specs["next_best_actions"], ctx, {"filters": {"persona": "The Regular"}})
    assert "No saved persona named 'The Regular'" in persona.error
