"""`journeybot alerts` and `journeybot digest` on the command line."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.alerts.rules import MetricInfo
from tools.alerts.series import FrameSeriesProvider

METRICS = [MetricInfo("purchase_conversion", "Purchase conversion", "%", kind="rate", stage_aware=True),
           MetricInfo("orders", "Orders", "", "sum", kind="count")]


@pytest.fixture
def cli(home, tmp_path, monkeypatch):
    """A data folder with one order (so the store has a last day) and alert series from frames."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[alerts]\nstarter_rules = false\n\n[[alerts.rules]]\nid = \"orders-low\"\n"
                                      "metric = \"orders\"\ncomparison = \"below\"\nvalue = 5\n", encoding="utf-8")
    days = pd.date_range("2026-05-04", "2026-06-30", freq="D")
    frame = pd.DataFrame({"date": days.date, "value": 10.0 + (np.arange(len(days)) % 2), "n": 30})
    frame.loc[frame["date"] == dt.date(2026, 6, 30), "value"] = 3.0
    monkeypatch.setattr("bot.alert_wiring.provider_for",
                        lambda config, store: FrameSeriesProvider(METRICS, {"orders": frame}))
    orders = tmp_path / "orders.csv"
    orders.write_text("order_id,customer_id,ts,amount\nO1,C1,2026-06-30 10:00,12.50\n", encoding="utf-8")
    customers = tmp_path / "customers.csv"
    customers.write_text("customer_id\nC1\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "customers", str(customers)]).exit_code == 0
    assert runner.invoke(main, ["ingest", "orders", str(orders)]).exit_code == 0

    def run(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return run


def test_add_list_check_and_remove_rules(cli):
    added = cli("alerts", "add", "--metric", "purchase_conversion", "--stage", "decision", "--condition", "drops_by",
                "--value", "10", "--window", "7")
    assert added.exit_code == 0, added.output
    assert "Created alert rule purchase-conversion-decision-drops-by-7d" in added.output
    listed = cli("alerts", "list").output
    assert "orders-low: Orders is below 5 on a day — medium (config file)" in listed
    assert "purchase-conversion-decision-drops-by-7d" in listed and "(made in cli)" in listed
    assert "No open alerts" in listed
    check = cli("alerts", "check")
    assert check.exit_code == 0, check.output
    assert "Alert rules on Tue 30 Jun 2026: 1 of 2 broken." in check.output
    assert ("FIRE [medium] orders-low: Orders was 3 on Tue 30 Jun 2026 (below the threshold of 5)"
            in check.output)
    # a rule whose metric has no data is shown as not judged, not as fine
    assert ("skip          purchase-conversion-decision-drops-by-7d: Decision -> purchase, same period on the 7 days to "
            "Tue 30 Jun 2026: not judged (no data that day)") in check.output
    removed = cli("alerts", "remove", "purchase-conversion-decision-drops-by-7d")
    assert removed.exit_code == 0 and "Deleted alert rule" in removed.output
    assert "purchase-conversion" not in cli("alerts", "list").output


def test_bad_input_is_explained_and_changes_nothing(cli):
    bad = cli("alerts", "add", "--metric", "orders", "--condition", "below")
    assert bad.exit_code == 1 and "needs a value" in bad.output
    assert cli("alerts", "check", "--date", "30/06/2026").exit_code == 2
    gone = cli("alerts", "remove", "nope")
    assert gone.exit_code == 1 and "No alert rule 'nope'; rules are: orders-low" in gone.output
    assert "purchase" not in cli("alerts", "list").output


def test_backtest_over_a_range(cli):
    result = cli("alerts", "backtest", "--since", "2026-06-01")
    assert result.exit_code == 0, result.output
    # no list of known incidents here (only the sample has one): the alert is not called false
    assert ("Backtest 2026-06-01 to 2026-06-30 (30 days): 1 alerts the rules would have sent. No list of known "
            "incidents to score them against") in result.output
    assert "FALSE" not in result.output and "during real incidents" not in result.output
    assert "Alerts per metric (per 30 days): orders 1 (1.00)" in result.output


def test_digest_post_needs_a_token(cli):
    result = cli("digest", "--post", "--channel", "C1")
    assert result.exit_code == 3 and "SLACK_BOT_TOKEN" in result.output
    assert cli("digest", "--dry-run", "--post").exit_code == 2


def test_add_a_rule_that_watches_each_channel(cli):
    added = cli("alerts", "add", "--metric", "orders", "--condition", "unusual", "--direction", "up",
                "--per", "channel", "--severity", "low")
    assert added.exit_code == 0, added.output
    assert "orders (each channel)" in added.output.lower() and "— low" in added.output
    [line] = [ln for ln in cli("alerts", "list").output.splitlines() if "each channel" in ln]
    assert "(made in cli)" in line
    both = cli("alerts", "add", "--metric", "orders", "--condition", "unusual", "--per", "channel",
               "--channel", "instagram")
    assert both.exit_code == 1 and "not both" in both.output


def test_ask_proposes_a_rule_and_makes_it_only_with_yes(cli):
    asked = cli("ask", "tell me if orders drop by 20% week on week")
    assert asked.exit_code == 0
    assert "I read this as: Create alert rule: metric orders, condition drops_by, value 20.0" in asked.output
    assert "Nothing was changed. To go ahead, ask again with --yes." in asked.output
    assert "orders-drops-by" not in cli("alerts", "list").output  # no prompt without a terminal: no change
    made = cli("ask", "--yes", "tell me if orders drop by 20% week on week")
    assert made.exit_code == 0 and "Created alert rule orders-drops-by-7d" in made.output
    assert "orders-drops-by-7d" in cli("alerts", "list").output


def test_ask_json_shows_the_pending_change_and_the_reading(cli):
    import json

    assert cli("ask", "--yes", "tell me if orders drop by 20% week on week").exit_code == 0
    data = json.loads(cli("ask", "--json", "delete the orders-drops-by-7d alert rule").output)
    assert data["pending"]["tool"] == "delete_alert_rule" and data["tool_calls"] == []
    assert data["pending"]["args"] == {"rule_id": "orders-drops-by-7d"}
    assert data["understood"] == "Delete alert rule: rule id orders-drops-by-7d"
    assert "orders-drops-by-7d" in cli("alerts", "list").output  # JSON never confirms
    # orders-low lives in the config file: the answer says so instead of offering a change
    data = json.loads(cli("ask", "--json", "delete alert rule orders-low").output)
    assert data["pending"] is None and "comes from the config file" in data["answer"]
