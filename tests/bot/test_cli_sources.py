"""`journeybot sources list|test|sync|status` as an owner uses them, against the fake Shopify."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes.vendors.shopify import TOKEN

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def configured(tmp_path: Path, fake_shopify, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "journeybot.toml").write_text(f"""
[business]
timezone = "Europe/Berlin"
currency = "EUR"

[[sources]]
name = "shop"
kind = "shopify"
base_url = "{fake_shopify.base_url}"
token_env = "SHOPIFY_TOKEN"
page_size = 10

[[sources]]
name = "drop"
kind = "inbox"
path = "{inbox}"
time = "06:30"
""")
    monkeypatch.setenv("SHOPIFY_TOKEN", TOKEN)
    return fake_shopify


def test_list_names_kinds_schedules_and_missing_tokens(configured, monkeypatch):
    out = run("sources", "list").output
    assert "shop" in out and "shopify" in out and "daily at 07:00" in out and "token from $SHOPIFY_TOKEN" in out
    assert "drop" in out and "daily at 06:30" in out
    monkeypatch.delenv("SHOPIFY_TOKEN")
    assert "(NOT SET)" in run("sources", "list").output


def test_sync_then_status_then_sync_again_adds_nothing(configured):
    first = run("sources", "sync", "shop")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("shop: synced, ")
    status = json.loads(run("sources", "status", "--json").output)
    shop = next(r for r in status if r["name"] == "shop")
    assert shop["freshness"] == "fresh" and shop["last_success"] and shop["rows_added_last_sync"] > 0
    assert shop["next_run"] and shop["last_error"] is None
    again = run("sources", "sync", "shop")
    assert "0 rows added or changed" in again.output
    described = json.loads(run("describe", "--json").output)
    assert any(t["table"] == "orders" and t["rows"] > 0 for t in described["tables"])


def test_a_revoked_token_fails_the_sync_with_exit_3_and_shows_in_status(configured):
    run("sources", "sync", "shop")
    configured.revoke_token()
    result = run("sources", "sync", "shop")
    assert result.exit_code == 3
    assert "error: 401 token refused" in result.output and "Invalid API key or access token" in result.output
    status = run("sources", "status").output
    assert "last error: 401 token refused" in status


def test_test_reaches_each_source_and_writes_nothing(configured):
    result = run("sources", "test")
    assert result.exit_code == 0, result.output
    assert "shop: OK, reached the Shopify Admin API 2025-01" in result.output
    assert "drop: OK, inbox" in result.output
    assert json.loads(run("sources", "status", "--json").output)[0]["last_success"] is None


def test_unknown_source_and_no_sources_are_explained(configured, tmp_path):
    result = run("sources", "sync", "nope")
    assert result.exit_code == 1 and "no source named 'nope'; sources: shop, drop" in result.output
    (tmp_path / "journeybot.toml").write_text("")
    # the reports (list, status) say how to add a source and succeed alike; what needs a source
    # (test, sync) exits 1, as `journeybot sources --help` says
    for command in ("list", "status"):
        empty = run("sources", command)
        assert empty.exit_code == 0 and "[[sources]]" in empty.output, command
        as_json = run("sources", command, "--json")
        assert as_json.exit_code == 0 and json.loads(as_json.output) == [], command
    for command in ("test", "sync"):
        empty = run("sources", command)
        assert empty.exit_code == 1 and "[[sources]]" in empty.output, command
    assert "exit 0, also when no source is configured" in run("sources", "--help").output


def test_config_check_names_a_source_mistake(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nname = "shop"\nkind = "shopify"\nshop = "x"\n'
                   '[[sources]]\nname = "sheet"\nkind = "url"\nurl = "http://example.com/a.csv"\n')
    result = run("config", "check", str(bad))
    assert result.exit_code == 1
    assert "a shopify source needs token_env" in result.output
    assert "https://" in result.output


def test_sync_from_a_terminal_is_handed_to_a_running_serve(configured):
    from bot.config import load_config
    from bot.scheduler.scheduler import JourneyScheduler

    config = load_config()
    serve = JourneyScheduler(config, None).start()  # what `journeybot serve` runs, holding the store
    try:
        result = run("sources", "sync", "shop")
        assert result.exit_code == 0, result.output
        assert "journeybot serve is running" in result.output and "shop: synced, " in result.output
        assert serve.store.count("orders") == len([o for o in configured.orders if not o["test"]])
    finally:
        serve.shutdown()
    # serve gone: the terminal syncs itself again
    here = run("sources", "sync", "shop")
    assert here.exit_code == 0 and "journeybot serve is running" not in here.output


def test_syncing_the_three_apis_from_the_command_line_shows_in_kpis(tmp_path, fake_shopify, fake_zendesk,
                                                                   fake_typeform, monkeypatch):
    from fakes.vendors.typeform import TOKEN as TYPEFORM_TOKEN
    from fakes.vendors.zendesk import API_TOKEN, EMAIL

    (tmp_path / "journeybot.toml").write_text(f"""
[business]
timezone = "Europe/Berlin"
currency = "EUR"
[[sources]]
name = "shop"
kind = "shopify"
base_url = "{fake_shopify.base_url}"
token_env = "SHOPIFY_TOKEN"
[[sources]]
name = "help"
kind = "zendesk"
base_url = "{fake_zendesk.base_url}"
email = "{EMAIL}"
token_env = "ZENDESK_TOKEN"
[[sources]]
name = "survey"
kind = "typeform"
base_url = "{fake_typeform.base_url}"
form_id = "{fake_typeform.form_id}"
token_env = "TYPEFORM_TOKEN"
""")
    for key, value in (("SHOPIFY_TOKEN", TOKEN), ("ZENDESK_TOKEN", API_TOKEN), ("TYPEFORM_TOKEN", TYPEFORM_TOKEN)):
        monkeypatch.setenv(key, value)
    first = run("sources", "sync")
    assert first.exit_code == 0, first.output
    assert [line.split(":")[0] for line in first.output.splitlines() if ": synced" in line] == ["shop", "help", "survey"]
    values = {v["metric"]: v for v in json.loads(run("kpis", "--period", "2025-01-01..2025-06-08", "--metric",
                                                     "orders", "--metric", "csat", "--metric", "nps",
                                                     "--json").output)["values"]}
    completed = [o for o in fake_shopify.orders if not o["test"] and not o["cancelled_at"]
                 and o["financial_status"] in ("paid", "partially_refunded")]
    assert values["orders"]["value"] == len(completed)
    done = [r for r in fake_typeform.responses if r["response_type"] == "completed"]
    rated = {r["ticket_id"] for r in fake_zendesk.ratings if r["score"] in ("good", "bad")}
    assert values["csat"]["n"] == len(done) + len(rated)
    assert values["nps"]["n"] == len(done)
    again = run("sources", "sync")
    assert again.output.count("0 rows added or changed") == 3
