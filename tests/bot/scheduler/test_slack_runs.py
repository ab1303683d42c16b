"""The Slack side of exactly-once: run keys in message metadata, found again after a crash."""

from __future__ import annotations

from unittest.mock import MagicMock

from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.render.message import Message
from bot.scheduler.delivery import RunLedger, RunMarkingPoster
from bot.scheduler.slack_runs import ClientPoster, RunMarkingSlackPoster
from bot.state import StateStore


def _response(data: dict) -> SlackResponse:
    return SlackResponse(client=None, http_verb="POST", api_url="", req_args={}, data=data, headers={},
                         status_code=200)


def test_marked_posts_carry_the_run_key_and_are_found_again():
    client = MagicMock()
    client.chat_postMessage.return_value = _response({"ok": True, "ts": "171.000200"})
    client.conversations_history.side_effect = [
        _response({"ok": True, "messages": [{"ts": "170.1", "text": "other"}],
                   "response_metadata": {"next_cursor": "page2"}}),
        _response({"ok": True, "messages": [
            {"ts": "171.000200", "metadata": {"event_type": "journeybot_run",
                                              "event_payload": {"run_key": "digest:daily:C1:2026-05-06"}}}]}),
    ]
    poster = RunMarkingSlackPoster(ClientPoster(client), client)
    assert isinstance(poster, RunMarkingPoster)
    ts = poster.post_marked("C1", "hello", None, run_key="digest:daily:C1:2026-05-06")
    assert ts == "171.000200"
    assert client.chat_postMessage.call_args.kwargs["metadata"] == {
        "event_type": "journeybot_run", "event_payload": {"run_key": "digest:daily:C1:2026-05-06"}}
    found = poster.find_marked("C1", "digest:daily:C1:2026-05-06", oldest=170.0)
    assert found == "171.000200"
    first, second = client.conversations_history.call_args_list
    assert first.kwargs == {"channel": "C1", "oldest": "170.000000", "limit": 200, "include_all_metadata": True}
    assert second.kwargs["cursor"] == "page2"


def test_thread_replies_are_looked_for_in_the_thread_and_a_miss_is_none():
    client = MagicMock()
    client.conversations_replies.return_value = _response({"ok": True, "messages": [{"ts": "1.0"}]})
    poster = RunMarkingSlackPoster(ClientPoster(client), client)
    assert poster.find_marked("C1", "alert:x:resolve", oldest=0, thread_ts="1.0") is None
    assert client.conversations_replies.call_args.kwargs["ts"] == "1.0"


def test_not_in_channel_joins_and_posts_again():
    client = MagicMock()
    refused = SlackApiError("not in channel", _response({"ok": False, "error": "not_in_channel"}))
    client.chat_postMessage.side_effect = [refused, _response({"ok": True, "ts": "2.0"})]
    assert ClientPoster(client).post("C1", "hi") == "2.0"
    client.conversations_join.assert_called_once_with(channel="C1")


def test_the_ledger_uses_the_marked_post(tmp_path):
    client = MagicMock()
    client.chat_postMessage.return_value = _response({"ok": True, "ts": "3.0"})
    ledger = RunLedger(StateStore(tmp_path / "s.sqlite"), owner="a")
    delivery = ledger.deliver("k1", "C1", Message("x"), RunMarkingSlackPoster(ClientPoster(client), client))
    assert delivery.outcome == "posted" and delivery.ts == "3.0"
    assert client.chat_postMessage.call_args.kwargs["metadata"]["event_payload"] == {"run_key": "k1"}
