"""The demo's "How it looks in Slack" section, and the [slack] config section."""

from __future__ import annotations

import pytest

from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import ConfigError, load_config
from bot.slack.preview import preview


def test_preview_describes_the_message_slack_would_get(slack_store):
    agent = JourneyAgent(ToolContext(store=slack_store, config=load_config()))
    text = preview(agent, "what data do you have?")
    lines = text.splitlines()
    assert lines[0] == "@journeybot what data do you have?"
    # describe's answer: the data, the business profile, and what it can and cannot answer
    assert lines[1].startswith("-> ") and "1 context, 1 actions)" in lines[1]
    assert lines[2] == "   buttons: Show chart, Show the data, :thumbsup:, :thumbsdown:"
    assert lines[3] == "   context: describe_data()"
    assert '"Show chart" uploads journey-stages.png' in text
    assert "   Data from 2026-05-01 to 2026-05-03 (3 days, Europe/London)." in text


def test_slack_settings_are_validated(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[slack]\nmode = "websocket"\napi_base_url = "slack.com/api"\nallowed_user = ["U1"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    text = str(err.value)
    assert "slack.mode: Input should be 'socket' or 'http'" in text
    assert "slack.api_base_url: Value error, expected an http(s) URL" in text
    assert "slack.allowed_user: unknown key" in text
    cfg.write_text('[slack]\napi_base_url = "http://127.0.0.1:8080/api"\n')
    assert load_config(cfg).slack.api_base_url == "http://127.0.0.1:8080/api/"  # slash added for slack_sdk
