"""`journeybot serve` at start-up: wrong or missing tokens stop it at once with one clear
message and exit code 3; good ones get it listening."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fakes.slack_harness import APP_TOKEN, BOT_TOKEN, write_config

from bot.cli import main


def serve(*args: str):
    return CliRunner().invoke(main, ["serve", *args], catch_exceptions=False)


@pytest.fixture
def configured(tmp_path, fake_slack, monkeypatch):
    write_config(tmp_path, fake_slack, 'mode = "socket"')
    return fake_slack


def test_a_revoked_bot_token_stops_it_with_one_clear_message(configured, monkeypatch):
    configured.revoked.add("xoxb-old")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-old")
    monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    result = serve()
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "Error: Slack refused SLACK_BOT_TOKEN (token_revoked): the token is wrong, revoked or lacks a scope. "
        "Copy a fresh xoxb-… token from your app's settings (OAuth & Permissions > Bot User OAuth Token), "
        "or reinstall the app."]


def test_an_invalid_app_token_stops_socket_mode(configured, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-typo")
    result = serve()
    assert result.exit_code == 3
    assert "Slack refused SLACK_APP_TOKEN (invalid_auth)" in result.output
    assert "App-Level Tokens (scope connections:write)" in result.output


@pytest.mark.parametrize("env, http, says", [
    ({}, False, "SLACK_BOT_TOKEN is not set"),
    ({"SLACK_BOT_TOKEN": BOT_TOKEN}, False, "SLACK_APP_TOKEN is not set"),
    ({"SLACK_BOT_TOKEN": BOT_TOKEN}, True, "SLACK_SIGNING_SECRET is not set"),
])
def test_missing_secrets_are_named(configured, monkeypatch, env, http, says):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    result = serve(*(["--http"] if http else []))
    assert result.exit_code == 3 and says in result.output
    assert configured.calls == []  # nothing was tried


def test_slack_unreachable_is_an_environment_problem(tmp_path, monkeypatch):
    (tmp_path / "journeybot.toml").write_text('[slack]\napi_base_url = "http://127.0.0.1:9/api/"\n'
                                               "rate_limit_retries = 0\n")
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    result = serve("--http")
    assert result.exit_code == 3 and "Slack is unreachable at http://127.0.0.1:9/api/" in result.output


def test_good_tokens_start_the_http_server(configured, monkeypatch):
    from bot.slack.app import SlackHTTPServer

    started = []
    monkeypatch.setattr(SlackHTTPServer, "serve_forever", lambda self, poll_interval=0.5: started.append(self.url))
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    result = serve("--http", "--port", "0")
    assert result.exit_code == 0, result.output
    assert "Connected to Slack workspace Crumb & Co. as @journeybot (HTTP; answering offline)." in result.output
    assert "No [slack] allow-lists are set: everyone in the workspace can ask." in result.output
    assert "not wired yet:" not in result.output  # personas are wired too now
    assert started and started[0].endswith("/slack/events")
    assert [c.method for c in configured.calls] == ["auth.test"]


def test_good_tokens_start_socket_mode(configured, monkeypatch):
    import bot.slack.app as slack_app

    seen = {}
    monkeypatch.setattr(slack_app, "start_socket_mode", lambda app, token, health=None: seen.update(token=token, app=app, health=health))
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    result = serve()
    assert result.exit_code == 0, result.output
    assert seen["token"] == APP_TOKEN
    assert seen["app"].client.base_url == configured.base_url  # the WebSocket URL comes from the fake too
    assert [c.method for c in configured.calls] == ["auth.test", "apps.connections.open"]


def test_digests_and_alerts_are_wired_when_the_scheduler_is_installed(configured, monkeypatch):
    """bot/scheduler (issue 8) is not in this build; a stand-in with its documented API
    (start_scheduler, scheduler_features) shows serve starts it, wires it and stops it."""
    import importlib.machinery
    import sys
    import types

    from bot.slack.app import SlackHTTPServer

    events = []

    class Clock:
        def shutdown(self):
            events.append("shutdown")

    fake = types.ModuleType("bot.scheduler")
    fake.__spec__ = importlib.machinery.ModuleSpec("bot.scheduler", None)

    def start_scheduler(config, poster, *, client=None, store=None):
        events.append(("start", type(poster).__name__, client is not None, store is not None))
        return Clock()

    names = ("digest_now", "subscribe", "unsubscribe", "subscriptions", "open_alerts", "acknowledge_alert",
             "mute_alert", "alert_chart", "thread_context", "sources_status")
    fake.start_scheduler = start_scheduler
    fake.scheduler_features = lambda scheduler: {n: (lambda *a, **k: None) for n in names}
    monkeypatch.setitem(sys.modules, "bot.scheduler", fake)
    monkeypatch.setattr(SlackHTTPServer, "serve_forever", lambda self, poll_interval=0.5: events.append("serving"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    result = serve("--http", "--port", "0")
    assert result.exit_code == 0, result.output
    assert events == [("start", "SlackPoster", True, True), "serving", "shutdown"]
    assert "not wired yet" not in result.output  # everything, personas included
