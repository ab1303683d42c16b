"""SlackPoster against the fake Web API: joining, clear refusals, uploads, redaction."""

from __future__ import annotations

import pytest
from fakes.slack_api import GOOD_TOKENS

from bot.config import SlackConfig
from bot.slack.app import make_client
from bot.slack.poster import CannotPost, SlackPoster


@pytest.fixture
def poster(fake_slack) -> SlackPoster:
    token = next(t for t in GOOD_TOKENS if t.startswith("xoxb-"))
    return SlackPoster(make_client(SlackConfig(api_base_url=fake_slack.base_url, rate_limit_retries=1), token))


def test_joins_a_public_channel_once_before_posting(poster, fake_slack):
    ts = poster.post("C0PUBLIC1", "hello")
    poster.post("C0PUBLIC1", "again", thread_ts=ts)
    assert [c.method for c in fake_slack.calls] == ["conversations.join", "chat.postMessage", "chat.postMessage"]
    assert ts == fake_slack.calls_to("chat.postMessage")[0].response["ts"]


def test_never_joins_a_dm(poster, fake_slack):
    poster.post("D024BE91L", "hello")
    assert [c.method for c in fake_slack.calls] == ["chat.postMessage"]


def test_a_private_channel_it_is_not_in_gives_a_clear_reason(poster, fake_slack):
    fake_slack.private_channels.add("C0SECRET1")
    with pytest.raises(CannotPost) as err:
        poster.post("C0SECRET1", "hello")
    assert str(err.value) == (
        "I can't post in <#C0SECRET1>: I am not a member of that channel and cannot join it by myself "
        "(it is private, or a conversation I was not added to). Invite me with `/invite @journeybot`, "
        "or ask me in a DM.")
    with pytest.raises(CannotPost):
        poster.upload("C0SECRET1", "a.csv", b"x,y\n1,2\n")


def test_other_slack_errors_are_not_disguised(poster, fake_slack):
    from slack_sdk.errors import SlackApiError

    fake_slack.fail_next("chat.postMessage", status=200, error="invalid_blocks")
    with pytest.raises(SlackApiError):
        poster.post("D024BE91L", "hello", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}])


def test_upload_uses_the_v2_flow_with_the_channel_and_thread(poster, fake_slack):
    poster.upload("C0PUBLIC1", "chart.png", b"\x89PNG fake", title="Funnel", thread_ts="1.2", comment="here")
    methods = [c.method for c in fake_slack.calls]
    assert methods == ["conversations.join", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
    done = fake_slack.calls_to("files.completeUploadExternal")[0].params
    assert (done["channel_id"], done["thread_ts"], done["initial_comment"]) == ("C0PUBLIC1", "1.2", "here")
    assert fake_slack.calls_to("upload")[0].body == b"\x89PNG fake"


def test_everything_outgoing_is_redacted(poster, fake_slack):
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "mail jo@example.com"}}]
    ts = poster.post("D024BE91L", "call +44 20 7946 0018", blocks=blocks)
    poster.update("D024BE91L", ts, "card 4111 1111 1111 1111", blocks)
    poster.upload("D024BE91L", "rows.csv", b"email\njo@example.com\n")
    poster.ephemeral("D024BE91L", "U1", "jo@example.com")
    poster.publish_home("U1", {"type": "home", "blocks": blocks})
    sent = str([c.params for c in fake_slack.calls]) + str([c.body for c in fake_slack.calls])
    # Whole fragments, not bare digits: the fake's message ts is the clock, and "4111" turned up
    # inside "1796411191.000001" on the day CI ran.
    assert "jo@example.com" not in sent and "7946 0018" not in sent and "4111 1111" not in sent
    assert "[email]" in sent and "[phone]" in sent and "[card]" in sent


def test_dates_and_aligned_numbers_survive_redaction():
    from bot.slack.redact import redact_text

    table = "events               5  2026-05-01  2026-05-03\norders           1,234  01/05/2026  £12,345.67"
    assert redact_text(table) == table


def test_a_reaction_that_fails_does_not_stop_anything(poster, fake_slack):
    fake_slack.fail_next("reactions.add", status=200, error="already_reacted")
    poster.react("C0PUBLIC1", "1.1", "eyes")  # no exception
    fake_slack.fail_next("reactions.add", status=200, error="missing_scope")
    poster.react("C0PUBLIC1", "1.1", "eyes")


def test_a_post_can_carry_message_metadata(poster, fake_slack, slack_shared):
    from fakes.slack_spec import SlackSpec

    meta = {"event_type": "journeybot_run", "event_payload": {"run_key": "digest:daily:C1:2026-05-31"}}
    poster.post("D024BE91L", "digest", metadata=meta)
    call = fake_slack.calls_to("chat.postMessage")[0]
    assert call.params["metadata"] == meta
    assert SlackSpec(slack_shared / "specs").problems(fake_slack.calls) == []
