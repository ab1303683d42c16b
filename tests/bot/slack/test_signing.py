"""Request signing as Slack does it, checked against Slack's published worked example, and
the spec checks themselves (a check that cannot fail would prove nothing)."""

from __future__ import annotations

import json

from fakes.slack_api import Call
from fakes.slack_requests import sign
from fakes.slack_spec import SlackSpec, block_problems
from slack_sdk.signature import SignatureVerifier


class FixedClock:
    def __init__(self, now: float):
        self.value = now

    def now(self) -> float:
        return self.value


def test_signing_reproduces_slacks_worked_example(slack_shared):
    vector = json.loads((slack_shared / "payloads" / "signature_test_vector.json").read_text())
    body = (slack_shared / "payloads" / vector["body_file"]).read_text()
    ts = vector["headers"]["X-Slack-Request-Timestamp"]
    assert sign(vector["signing_secret"], ts, body) == vector["headers"]["X-Slack-Signature"]
    # Bolt's verifier agrees inside the 5-minute window and refuses outside it.
    headers = {"x-slack-request-timestamp": ts, "x-slack-signature": vector["headers"]["X-Slack-Signature"]}
    inside = SignatureVerifier(vector["signing_secret"], clock=FixedClock(int(ts) + 60))
    late = SignatureVerifier(vector["signing_secret"], clock=FixedClock(int(ts) + 6 * 60))
    assert inside.is_valid_request(body, headers)
    assert not late.is_valid_request(body, headers)
    assert not inside.is_valid_request(body.replace("roadrunner", "coyote"), headers)


def _call(method: str, **params) -> Call:
    return Call(method, params, "xoxb-x", "application/json", 0)


def test_the_spec_check_catches_what_slack_would_refuse(slack_shared):
    spec = SlackSpec(slack_shared / "specs")
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}
    assert spec.call_problems(_call("chat.postMessage", channel="C1", text="hi", blocks=[section])) == []
    assert spec.call_problems(_call("chat.postMessage", text="hi")) == [
        "chat.postMessage: required argument 'channel' missing"]
    assert spec.call_problems(_call("chat.update", channel="C1", ts="1.2", thread="1.1")) == [
        "chat.update: unknown argument 'thread'"]
    assert spec.call_problems(_call("chat.postMessage", channel="C1", unfurl_links="maybe")) == [
        "chat.postMessage: unfurl_links should be boolean, got str 'maybe'"]
    assert spec.call_problems(_call("files.getUploadURLExternal", filename="a.png", length="12")) == []
    assert spec.call_problems(_call("files.getUploadURLExternal", filename="a.png")) == [
        "files.getUploadURLExternal: required argument 'length' missing"]
    assert spec.call_problems(_call("chat.postMesage", channel="C1")) == [
        "chat.postMesage: not a Slack Web API method"]
    no_token = Call("views.publish", {"user_id": "U1", "view": {"type": "home", "blocks": []}}, None, "", 0)
    assert spec.call_problems(no_token) == ["views.publish: no token"]


def test_the_block_check_catches_every_limit():
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}}
    assert block_problems([section] * 50) == []
    assert block_problems([section] * 51) == ["51 blocks (> 50)"]
    assert block_problems([section] * 100, surface="home") == []
    long = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    assert block_problems([long]) == ["block 0: section text of 3001 characters"]
    many = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3000}}] * 5
    assert block_problems(many) == ["15000 characters of block text (> 12000, msg_blocks_too_long)"]
    button = {"type": "button", "text": {"type": "plain_text", "text": "y" * 76}, "action_id": "a", "value": "v"}
    assert block_problems([{"type": "actions", "elements": [button]}]) == [
        "block 0: button label must be plain_text of 1-75 characters"]
    assert block_problems([{"type": "section", "text": {"type": "mrkdwn", "text": "<!here> look"}}]) == [
        "unescaped <!here> would notify everyone"]
    assert block_problems([dict(section, block_id="a"), dict(section, block_id="a")]) == ["duplicate block_id"]


def test_the_fakes_upload_answers_have_slacks_recorded_shape(slack_shared):
    spec = SlackSpec(slack_shared / "specs")
    good = Call("files.getUploadURLExternal", {"filename": "a", "length": 1}, "xoxb-x", "", 0,
                response={"ok": True, "upload_url": "http://x/upload/F1", "file_id": "F1"})
    assert spec.call_problems(good) == []
    bad = Call("files.getUploadURLExternal", {"filename": "a", "length": 1}, "xoxb-x", "", 0,
               response={"ok": True, "upload_link": "http://x", "file_id": 1})
    assert spec.call_problems(bad) == [
        "files.getUploadURLExternal (fake's response): upload_link: not in the recorded response shape",
        "files.getUploadURLExternal (fake's response): file_id: int, the shape has str"]
