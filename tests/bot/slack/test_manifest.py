"""The app manifests ask for exactly the scopes the bot's calls and events need: each scope
is justified by a Web API method (from Slack's spec) or an event, and none is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from fakes.slack_spec import SlackSpec

REPO = Path(__file__).resolve().parents[3]
# Every Web API method journeybot calls (the end-to-end tests record each of them).
METHODS = ("auth.test", "chat.postMessage", "chat.update", "chat.postEphemeral", "reactions.add",
           "conversations.join", "files.getUploadURLExternal", "files.completeUploadExternal", "views.publish",
           "assistant.threads.setStatus", "assistant.threads.setSuggestedPrompts", "assistant.threads.setTitle",
           "chat.startStream", "chat.appendStream", "chat.stopStream")
# Scopes of the events the listeners subscribe to. app_mention needs app_mentions:read for bot
# tokens (https://docs.slack.dev/reference/events/app_mention); the 2020 event catalogue
# predates it. Slash commands need `commands`.
EVENT_SCOPES = {"app_mention": {"app_mentions:read"}, "app_home_opened": set(),
                # "No scopes required!" (docs.slack.dev/reference/events/assistant_thread_started and
                # .../assistant_thread_context_changed); the feature itself brings assistant:write.
                "assistant_thread_started": set(), "assistant_thread_context_changed": set()}


@pytest.fixture(params=["manifest.yml", "manifest-http.yml"])
def manifest(request) -> dict:
    return yaml.safe_load((REPO / "slack" / request.param).read_text())


def _event_scopes(specs: Path, event: str) -> set[str]:
    if event in EVENT_SCOPES:
        return EVENT_SCOPES[event]
    topics = json.loads((specs / "slack_events_api_async_v1.json").read_text())["topics"]
    return set(topics[event]["subscribe"]["x-scopes-required"])


def test_scopes_are_exactly_what_the_features_need(manifest, slack_shared):
    spec = SlackSpec(slack_shared / "specs")
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    needed = {"commands"} | set().union(*(spec.scopes(m) for m in METHODS))
    needed |= set().union(*(_event_scopes(slack_shared / "specs", e) for e in events))
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(needed)


def test_events_and_command_match_the_listeners(manifest):
    # The listeners for these are exercised end to end in test_events/test_commands/test_home.
    assert sorted(manifest["settings"]["event_subscriptions"]["bot_events"]) == [
        "app_home_opened", "app_mention", "assistant_thread_context_changed", "assistant_thread_started",
        "message.im"]
    # Slack's AI-app surface: the side panel, and DMs (assistant threads live in the app's DM).
    assert manifest["features"]["assistant_view"]["assistant_description"]
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/journey"]
    assert manifest["features"]["slash_commands"][0]["should_escape"] is True  # <#C…|name> in subscribe
    assert manifest["settings"]["interactivity"]["is_enabled"] is True  # the buttons
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_socket_mode_and_http_manifests_differ_only_in_transport():
    socket = yaml.safe_load((REPO / "slack" / "manifest.yml").read_text())
    http = yaml.safe_load((REPO / "slack" / "manifest-http.yml").read_text())
    assert socket["settings"]["socket_mode_enabled"] and not http["settings"]["socket_mode_enabled"]
    for m in (socket, http):
        m["settings"].pop("socket_mode_enabled")
        m["settings"]["event_subscriptions"].pop("request_url", None)
        m["settings"]["interactivity"].pop("request_url", None)
        m["features"]["slash_commands"][0].pop("url", None)
    assert socket == http
