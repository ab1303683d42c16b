"""`journeybot predict` as a script sees it: output, exit codes, versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes.shop import make_shop

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def loaded(tmp_path: Path):
    make_shop(tmp_path / "shop", n=300)
    assert run("ingest", "--folder", str(tmp_path / "shop")).exit_code == 0
    return tmp_path


def test_train_risk_actions_and_models(loaded, home):
    trained = run("predict", "train", "--details")
    assert trained.exit_code == 0, trained.output
    assert "churn     activated, v1, gradient boosting" in trained.output
    assert (home / "models" / "churn" / "v1.joblib").exists()
    risk = run("predict", "risk", "--json", "--limit", "3")
    data = json.loads(risk.output)
    assert data["count"] > 0 and len(data["customers"]) == 3 and data["provenance"]["tool"] == "at_risk_customers"
    text = run("predict", "risk", "--sort", "value", "--segment", "loyalty").output
    assert "at high risk of not buying in the 60 days" in text and "Filters" not in text
    rules = run("predict", "actions", "--rules").output
    assert rules.count("\n   when: ") == 9 and "1. personal_follow_up" in rules
    again = run("predict", "train", "--model", "churn", "--if-new-data")
    assert "churn     unchanged: churn v1 already covers data to" in again.output
    listed = run("predict", "models").output
    assert "* churn v1" in listed and "* clv v1" in listed and "* purchase v1" in listed
    forecast = run("predict", "clv", "--horizon", "next_quarter", "--check")
    assert forecast.exit_code == 0 and "Holdout check" in forecast.output
    worth = run("predict", "lifetime", "--by", "segment", "--limit", "2")
    assert worth.exit_code == 0 and "Customer lifetime value (spend so far plus expected spend over the coming year)" \
        in worth.output and "By segment:" in worth.output and "loyalty" in worth.output
    data = json.loads(run("predict", "lifetime", "--json").output)
    assert data["provenance"]["tool"] == "customer_lifetime_value" and data["median_value"] > 0
    # The demo section reuses the trained models (nothing new to train) and runs offline.
    from bot.cli.common import Ctx
    from bot.cli.demo import SECTIONS

    section = next(s for s in SECTIONS if s.title == "Who may leave, and what to do")
    ctx = Ctx()
    with ctx.console.capture() as captured:
        section.run(ctx)
    out = captured.get()
    assert "churn     unchanged" in out and "$ journeybot predict risk --sort value" in out
    assert "Digest line:" in out and "Expected from the" in out and "most (" in out


def test_mistakes_exit_1_and_name_the_valid_values(loaded):
    bad_version = run("predict", "models", "activate", "churn", "9")
    assert bad_version.exit_code == 1 and "versions: none yet" in bad_version.output
    persona = run("predict", "risk", "--persona", "The Regular")
    assert persona.exit_code == 1 and "No saved persona named 'The Regular'" in persona.output
    assert run("predict", "risk", "--tier", "extreme").exit_code == 2


def test_too_short_data_says_what_is_needed(tmp_path):
    (tmp_path / "c.csv").write_text("customer_id\nC1\n")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\nO1,C1,2026-05-01,5\nO2,C1,2026-05-09,5\n")
    run("ingest", "customers", str(tmp_path / "c.csv"))
    run("ingest", "orders", str(tmp_path / "o.csv"))
    result = run("predict", "train", "--model", "churn")
    assert result.exit_code == 0 and "could not be trained" in result.output and "Not enough history" in result.output
    risk = run("predict", "risk")
    assert risk.exit_code == 3 and "The churn risk model is not available" in risk.output


def test_config_check_refuses_crossed_thresholds(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[predict]\nhigh_risk = 0.3\nmedium_risk = 0.5\nchurn_windw_days = 30\n")
    result = run("config", "check", str(cfg))
    assert result.exit_code == 1 and "predict.churn_windw_days: unknown key" in result.output
    cfg.write_text("[predict]\nhigh_risk = 0.3\nmedium_risk = 0.5\n")
    result = run("config", "check", str(cfg))
    assert result.exit_code == 1 and "medium_risk < high_risk" in result.output


def test_a_model_that_lost_to_its_rule_is_not_announced_as_training_again(loaded, home):
    """On the demo sample the lifetime model is trained but not used (the simple rule forecast
    better); `predict risk` then trains nothing and must not say it is training."""
    from bot.cli.common import Ctx

    assert run("predict", "train").exit_code == 0
    ctx = Ctx()
    with ctx.store.connect() as con:
        con.execute("UPDATE predict_models SET active = false WHERE name = 'clv'")
    ctx.close()
    risk = run("predict", "risk", "--limit", "3")
    assert risk.exit_code == 0 and "at high risk" in risk.output
    assert "No trained models yet" not in risk.output
    assert "* clv v1" not in run("predict", "models").output and not (home / "models" / "clv" / "v2.joblib").exists()
