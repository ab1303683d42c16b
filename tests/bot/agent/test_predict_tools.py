"""The predictive tools as the agent and the planner call them: schema, first-use training,
results with provenance, and mistakes as messages."""

from __future__ import annotations

from fakes.shop import make_shop

from bot.agent.catalog import all_tools
from bot.agent.tools import ToolContext, render_for_model, run_tool
from bot.config import load_config
from tools.data.ingest import folder_loads, ingest_loads

NAMES = {"at_risk_customers", "newly_at_risk", "revenue_forecast", "purchase_propensity", "next_best_actions",
         "customer_lifetime_value"}


def test_every_predictive_tool_is_declared_for_the_model():
    specs = {t.name: t for t in all_tools() if t.name in NAMES}
    assert set(specs) == NAMES
    for spec in specs.values():
        assert spec.description and spec.examples and spec.plan is not None
        for name, field in spec.params.model_fields.items():
            assert field.description, f"{spec.name}.{name} has no description"


def test_tools_train_on_first_use_and_answer_with_provenance(tmp_path, home):
    make_shop(tmp_path / "shop", n=300)
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(tmp_path / "shop"))
    ctx = ToolContext(store=store, config=config)
    specs = {t.name: t for t in all_tools()}
    first = run_tool(specs["at_risk_customers"], ctx, {"sort_by": "value", "limit": 3})
    assert first.ok, first.error
    assert (home / "models" / "churn" / "v1.joblib").exists()
    assert "[how this was computed]" in render_for_model(first) and "churn v1" in render_for_model(first)
    for name, args in (("revenue_forecast", {"horizon": "next_quarter", "by": "segment"}),
                       ("purchase_propensity", {"who": "customers"}),
                       ("next_best_actions", {"filters": {"segment": ["loyalty"]}}),
                       ("newly_at_risk", {"days": 7}),
                       ("customer_lifetime_value", {"by": "segment", "limit": 3})):
        record = run_tool(specs[name], ctx, args)
        assert record.ok, (name, record.error)
        assert record.result.provenance.tool == name
    assert len(ctx.services["predict_registry"].versions()) == 3  # trained once, then reused
    wrong = run_tool(specs["at_risk_customers"], ctx, {"tier": "extreme"})
    assert wrong.error.startswith("Invalid arguments: tier")
    persona = run_tool(specs["next_best_actions"], ctx, {"filters": {"persona": "The Regular"}})
    assert "No saved persona named 'The Regular'" in persona.error
