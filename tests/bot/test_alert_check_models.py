"""An alert check never trains the churn model: a rule on the customers at high risk reads the
model the retrain job trained, and before there is one the check says so (and how it will be
trained) while judging the other rules. The answer about newly-at-risk customers says the same
without calling it temporary."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from fakes.shop import make_shop

from bot.agent.catalog import all_tools
from bot.agent.tools import ToolContext, run_tool
from bot.cli import main
from bot.config import load_config
from tools.data.ingest import folder_loads, ingest_loads
from tools.predict.registry import ModelRegistry
from tools.predict.training import retrain

RULES = ('[alerts]\nstarter_rules = false\n\n'
         '[[alerts.rules]]\nid = "at-risk-many"\nmetric = "high_risk_customers"\ncomparison = "above"\nvalue = 1\n\n'
         '[[alerts.rules]]\nid = "orders-low"\nmetric = "orders"\ncomparison = "below"\nvalue = 1\n')


@pytest.fixture
def shop(home, tmp_path):
    home.mkdir(parents=True)
    (home / "config.toml").write_text(RULES, encoding="utf-8")
    make_shop(tmp_path / "shop", n=300)
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(tmp_path / "shop"))
    return config, store


def _models(home) -> list:
    return sorted((home / "models").rglob("*.joblib")) if (home / "models").exists() else []


def test_an_alert_check_before_any_churn_model_trains_none_and_says_how_one_will_be(shop, home):
    config, store = shop
    check = CliRunner().invoke(main, ["alerts", "check"], catch_exceptions=False)
    assert check.exit_code == 0, check.output
    line = next(x for x in check.output.splitlines() if "at-risk-many" in x)
    assert line.lstrip().startswith("- error") and "not trained yet on this data" in line
    assert "journeybot predict train" in line and "after the next sync" in line
    assert "Temporarily" not in check.output
    # The other rule is judged as usual.
    assert "orders-low: Orders" in check.output
    # Nothing was trained: no model file, no registry row.
    assert _models(home) == [] and ModelRegistry(store, config.models_dir).versions() == []


def test_after_the_retrain_job_the_check_judges_the_rule_with_the_trained_model(shop, home):
    config, store = shop
    retrain(store, ModelRegistry(store, config.models_dir), config.predict.settings(), now=dt.datetime.now(dt.UTC))
    files = _models(home)
    assert files
    check = CliRunner().invoke(main, ["alerts", "check"], catch_exceptions=False)
    assert check.exit_code == 0, check.output
    line = next(x for x in check.output.splitlines() if "at-risk-many" in x)
    assert not line.lstrip().startswith("- error") and "Customers at high risk of leaving" in line
    assert _models(home) == files  # the check added no model


def test_the_answer_says_the_model_is_not_trained_yet_not_that_it_is_temporarily_unavailable(shop):
    config, store = shop
    spec = next(t for t in all_tools() if t.name == "newly_at_risk")
    record = run_tool(spec, ToolContext(store=store, config=config), {"days": 7})
    assert not record.ok
    assert not record.error.startswith("Temporarily") and "Temporarily" not in record.error
    assert record.error.startswith("The churn risk model is not trained yet on this data")
    assert "journeybot predict train" in record.error and "asking again gives this same answer" in record.error
