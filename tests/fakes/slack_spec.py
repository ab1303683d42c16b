"""Checks of what the bot sends to Slack against Slack's published Web API spec and Block Kit's
limits, applied to every call the fake Slack API recorded.

- `slack_web_openapi_v2.json` (Slack's OpenAPI 2.0 spec, 2020): method exists, required
  arguments present, argument types right, no argument the method does not know.
- The 2023 upload methods are not in that spec; their arguments are transcribed below from
  Slack's reference pages, and the fake's responses are compared with the response shapes the
  java-slack-sdk maintainers record (java-slack-sdk-json-logs/). The same for Slack's AI-app
  methods (assistant.threads.*, chat.startStream/appendStream/stopStream; shapes in
  tests/fixtures/slack_ai), with their limits: 12,000 characters of markdown per call, streams
  in threads and, outside a DM, for a named recipient, at most four suggested prompts.
- Block Kit also includes the context_actions block with Slack's feedback buttons.
- Block Kit: 50 blocks per message (100 in a Home tab), 3,000 characters per section text,
  150 per header, 10 context elements, 25 action elements, 75 per button label, 2,000 per
  button value, 255 per action_id/block_id, unique block_ids, and about 12,000 characters of
  text per message in total (Slack's undocumented msg_blocks_too_long, slackapi/bolt-js#2509).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# https://docs.slack.dev/reference/methods/files.getUploadURLExternal and
# https://docs.slack.dev/reference/methods/files.completeUploadExternal (scope files:write)
UPLOAD_METHODS: dict[str, dict[str, tuple[str, bool]]] = {
    "files.getUploadURLExternal": {"filename": ("string", True), "length": ("integer", True),
                                   "alt_txt": ("string", False), "snippet_type": ("string", False)},
    "files.completeUploadExternal": {"files": ("string", True), "channel_id": ("string", False),
                                     "channels": ("string", False), "initial_comment": ("string", False),
                                     "thread_ts": ("string", False), "blocks": ("string", False)},
}
# Slack's AI-app methods (2024-2025), none in the 2020 spec; from their reference pages:
# https://docs.slack.dev/reference/methods/assistant.threads.setStatus (and .setSuggestedPrompts,
# .setTitle), https://docs.slack.dev/reference/methods/chat.startStream (and .appendStream,
# .stopStream). Scopes as the pages give them.
AI_METHODS: dict[str, tuple[dict[str, tuple[str, bool]], str]] = {
    "assistant.threads.setStatus": ({"channel_id": ("string", True), "thread_ts": ("string", True),
                                     "status": ("string", True), "loading_messages": ("array", False),
                                     "icon_emoji": ("string", False), "icon_url": ("string", False),
                                     "username": ("string", False)}, "assistant:write"),
    "assistant.threads.setSuggestedPrompts": ({"channel_id": ("string", True), "prompts": ("array", True),
                                               "thread_ts": ("string", False), "title": ("string", False)},
                                              "assistant:write"),
    "assistant.threads.setTitle": ({"channel_id": ("string", True), "thread_ts": ("string", True),
                                    "title": ("string", True)}, "assistant:write"),
    "chat.startStream": ({"channel": ("string", True), "thread_ts": ("string", False),
                          "markdown_text": ("string", False), "chunks": ("array", False),
                          "recipient_user_id": ("string", False), "recipient_team_id": ("string", False),
                          "task_display_mode": ("string", False), "icon_emoji": ("string", False),
                          "icon_url": ("string", False), "username": ("string", False)}, "chat:write"),
    "chat.appendStream": ({"channel": ("string", True), "ts": ("string", True),
                           "markdown_text": ("string", False), "chunks": ("array", False)}, "chat:write"),
    "chat.stopStream": ({"channel": ("string", True), "ts": ("string", True), "markdown_text": ("string", False),
                         "chunks": ("array", False), "blocks": ("string", False), "metadata": ("string", False),
                         "session_status": ("string", False)}, "chat:write"),
}
STREAM_METHODS = ("chat.startStream", "chat.appendStream", "chat.stopStream")
MAX_MARKDOWN_TEXT = 12_000  # per call, for markdown_text and each markdown chunk
MAX_SUGGESTED_PROMPTS = 4
# Response shapes of the newer methods (java-slack-sdk json-logs), kept with the tests.
AI_SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "slack_ai"
SCOPES_2020_TO_GRANULAR = {"chat:write:bot": "chat:write", "chat:write:user": "chat:write",
                           "channels:write": "channels:join"}
JSON_STRING_ARGS = {"blocks", "attachments", "view", "files", "metadata"}
# Arguments newer than the 2020 spec that every method takes: slack_sdk adds team_id to each
# call of a client bound to a workspace (Bolt's per-request client does, for org-wide apps).
ARGS_EVERY_METHOD_TAKES = {"team_id": "string"}
# Arguments added after the 2020 spec, from Slack's reference pages.
NEWER_ARGS = {"chat.postMessage": {"metadata": ("string", False)}}  # 2022: message metadata
MAX_MESSAGE_TEXT = 12_000
MAX_FALLBACK_TEXT = 40_000
BROADCASTS = ("<!channel>", "<!here>", "<!everyone>")


class SlackSpec:
    def __init__(self, specs_dir: Path):
        self.dir = specs_dir
        self.openapi = json.loads((specs_dir / "slack_web_openapi_v2.json").read_text())

    def method(self, name: str) -> tuple[dict[str, tuple[str, bool]], bool, list[str]]:
        """(arguments -> (type, required), token required, scopes) of a Web API method."""
        if name in UPLOAD_METHODS:
            return UPLOAD_METHODS[name], True, ["files:write"]
        if name in AI_METHODS:
            args, scope = AI_METHODS[name]
            return args, True, [scope]
        path = self.openapi["paths"].get(f"/{name}")
        if path is None:
            raise KeyError(name)
        op = next(iter(path.values()))
        args: dict[str, tuple[str, bool]] = {}
        token_required = False
        for p in op.get("parameters", []):
            if p["name"] == "token":
                token_required = bool(p.get("required"))
                continue
            args[p["name"]] = (p.get("type", "string"), bool(p.get("required")))
        args.update(NEWER_ARGS.get(name, {}))
        scopes = [s for sec in op.get("security", []) for s in sec.get("slackAuth", [])]
        return args, token_required, scopes

    def scopes(self, name: str) -> set[str]:
        """Bot scopes a method needs, in today's granular names."""
        _, _, scopes = self.method(name)
        scopes = [s for s in scopes if s not in ("none", "chat:write:user")]
        if name == "conversations.join":
            return {"channels:join"}
        return {SCOPES_2020_TO_GRANULAR.get(s, s) for s in scopes}

    def response_shape(self, name: str) -> dict[str, Any] | None:
        for path in (self.dir / "java-slack-sdk-json-logs" / f"{name}.json", AI_SHAPES / f"{name}.json"):
            if path.exists():
                return json.loads(path.read_text())
        return None

    # -- checks -----------------------------------------------------------------------------
    def call_problems(self, call: Any) -> list[str]:
        if call.method in ("upload", "response_url"):
            return response_url_problems(call.params) if call.method == "response_url" else []
        where = f"{call.method}"
        try:
            args, token_required, _ = self.method(call.method)
        except KeyError:
            return [f"{where}: not a Slack Web API method"]
        problems = []
        if token_required and not call.token:
            problems.append(f"{where}: no token")
        for name, (_kind, required) in args.items():
            if required and call.params.get(name) in (None, ""):
                problems.append(f"{where}: required argument {name!r} missing")
        for name, value in call.params.items():
            if name in ARGS_EVERY_METHOD_TAKES and name not in args:
                args = {**args, name: (ARGS_EVERY_METHOD_TAKES[name], False)}
            if name not in args:
                problems.append(f"{where}: unknown argument {name!r}")
                continue
            problem = _type_problem(name, args[name][0], value)
            if problem:
                problems.append(f"{where}: {problem}")
        problems += [f"{where}: {p}" for p in self._content_problems(call)]
        shape = self.response_shape(call.method)
        if shape is not None and call.response.get("ok"):
            problems += [f"{where} (fake's response): {p}" for p in shape_problems(call.response, shape)]
        return problems

    def _content_problems(self, call: Any) -> list[str]:
        p = call.params
        out: list[str] = []
        if call.method in ("chat.postMessage", "chat.update", "chat.postEphemeral"):
            text = p.get("text") or ""
            if len(text) > MAX_FALLBACK_TEXT:
                out.append(f"text has {len(text)} characters (> {MAX_FALLBACK_TEXT})")
            out += _broadcast_problems(text)
            blocks = _decoded(p.get("blocks"))
            if blocks is not None:
                out += block_problems(blocks, surface="message")
        if call.method in STREAM_METHODS:
            out += _stream_problems(call.method, p)
        if call.method == "assistant.threads.setSuggestedPrompts":
            prompts = _decoded(p.get("prompts")) or []
            if not 1 <= len(prompts) <= MAX_SUGGESTED_PROMPTS:
                out.append(f"{len(prompts)} suggested prompts (1-{MAX_SUGGESTED_PROMPTS})")
            for prompt in prompts:
                if set(prompt) != {"title", "message"} or not all(isinstance(v, str) and v for v in prompt.values()):
                    out.append(f"a suggested prompt needs a title and a message: {prompt!r:.80}")
        if call.method == "views.publish":
            view = _decoded(p.get("view")) or {}
            if view.get("type") != "home":
                out.append("views.publish view is not a home view")
            out += block_problems(view.get("blocks") or [], surface="home")
        return out

    def problems(self, calls: list[Any]) -> list[str]:
        return [p for c in calls for p in self.call_problems(c)]


def _stream_problems(method: str, p: dict[str, Any]) -> list[str]:
    out = []
    texts = [p.get("markdown_text") or ""] + [c.get("text", "") for c in _decoded(p.get("chunks")) or []
                                              if isinstance(c, dict) and c.get("type") == "markdown_text"]
    for text in texts:
        if len(text) > MAX_MARKDOWN_TEXT:
            out.append(f"markdown text of {len(text)} characters (> {MAX_MARKDOWN_TEXT})")
        out += _broadcast_problems(text)
    for c in _decoded(p.get("chunks")) or []:
        if not isinstance(c, dict) or c.get("type") not in ("markdown_text", "task_update", "plan_update", "blocks"):
            out.append(f"unknown chunk {c!r:.60}")
    if method == "chat.startStream":
        if not p.get("thread_ts"):
            out.append("a stream should reply in a thread (thread_ts)")
        if not str(p.get("channel", "")).startswith("D") and not (p.get("recipient_user_id")
                                                                  and p.get("recipient_team_id")):
            out.append("streaming into a channel needs recipient_user_id and recipient_team_id")
    blocks = _decoded(p.get("blocks"))
    if blocks:
        out += block_problems(blocks, surface="message")
    return out


def response_url_problems(body: dict[str, Any]) -> list[str]:
    out = []
    if body.get("response_type") not in (None, "ephemeral", "in_channel"):
        out.append(f"response_url: response_type {body.get('response_type')!r}")
    if not body.get("text") and not body.get("blocks"):
        out.append("response_url: neither text nor blocks")
    out += _broadcast_problems(body.get("text") or "")
    if body.get("blocks"):
        out += block_problems(body["blocks"], surface="message")
    return out


def block_problems(blocks: list[dict[str, Any]], *, surface: str = "message") -> list[str]:
    limit = 100 if surface == "home" else 50
    out = []
    if len(blocks) > limit:
        out.append(f"{len(blocks)} blocks (> {limit})")
    ids = [b["block_id"] for b in blocks if "block_id" in b]
    if len(ids) != len(set(ids)):
        out.append("duplicate block_id")
    total = 0
    for i, b in enumerate(blocks):
        kind = b.get("type")
        if "block_id" in b and not (0 < len(b["block_id"]) <= 255):
            out.append(f"block {i}: block_id length {len(b['block_id'])}")
        if kind == "section":
            text = b.get("text") or {}
            if text.get("type") not in ("mrkdwn", "plain_text") or not (1 <= len(text.get("text", "")) <= 3000):
                out.append(f"block {i}: section text of {len(text.get('text', ''))} characters")
            total += len(text.get("text", ""))
            out += _broadcast_problems(text.get("text", ""))
        elif kind == "header":
            text = b.get("text") or {}
            if text.get("type") != "plain_text" or not (1 <= len(text.get("text", "")) <= 150):
                out.append(f"block {i}: header text must be plain_text of 1-150 characters")
            total += len(text.get("text", ""))
        elif kind == "context":
            elements = b.get("elements") or []
            if not (1 <= len(elements) <= 10):
                out.append(f"block {i}: context with {len(elements)} elements")
            for e in elements:
                if e.get("type") in ("mrkdwn", "plain_text"):
                    if not (1 <= len(e.get("text", "")) <= 3000):
                        out.append(f"block {i}: context text of {len(e.get('text', ''))} characters")
                    total += len(e.get("text", ""))
                    out += _broadcast_problems(e.get("text", ""))
        elif kind == "actions":
            elements = b.get("elements") or []
            if not (1 <= len(elements) <= 25):
                out.append(f"block {i}: actions with {len(elements)} elements")
            for e in elements:
                out += [f"block {i}: {p}" for p in _button_problems(e)]
        elif kind == "context_actions":
            elements = b.get("elements") or []
            if not (1 <= len(elements) <= 5):
                out.append(f"block {i}: context_actions with {len(elements)} elements")
            for e in elements:
                out += [f"block {i}: {p}" for p in _feedback_problems(e)]
        elif kind == "image":
            if not b.get("image_url") or not b.get("alt_text"):
                out.append(f"block {i}: image needs image_url and alt_text")
        elif kind != "divider":
            out.append(f"block {i}: unexpected block type {kind!r}")
    if surface == "message" and total > MAX_MESSAGE_TEXT:
        out.append(f"{total} characters of block text (> {MAX_MESSAGE_TEXT}, msg_blocks_too_long)")
    return out


def shape_problems(response: dict[str, Any], shape: dict[str, Any], path: str = "") -> list[str]:
    out = []
    for key, value in response.items():
        if key not in shape:
            out.append(f"{path}{key}: not in the recorded response shape")
            continue
        expected = shape[key]
        if isinstance(expected, dict) and isinstance(value, dict):
            out += shape_problems(value, expected, f"{path}{key}.")
        elif isinstance(expected, list) and isinstance(value, list):
            if expected and isinstance(expected[0], dict):
                for item in value:
                    out += shape_problems(item, expected[0], f"{path}{key}[].")
        elif type(expected) is not type(value):
            out.append(f"{path}{key}: {type(value).__name__}, the shape has {type(expected).__name__}")
    return out


def _feedback_problems(e: dict[str, Any]) -> list[str]:
    """https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element"""
    if e.get("type") != "feedback_buttons":
        return [f"context_actions element type {e.get('type')!r} (journeybot sends feedback_buttons)"]
    out = []
    if not (1 <= len(e.get("action_id", "")) <= 255):
        out.append("feedback_buttons action_id must have 1-255 characters")
    for side in ("positive_button", "negative_button"):
        button = e.get(side) or {}
        text = button.get("text") or {}
        if text.get("type") != "plain_text" or not (1 <= len(text.get("text", "")) <= 75):
            out.append(f"{side} text must be plain_text of 1-75 characters")
        if not (1 <= len(button.get("value", "")) <= 2000):
            out.append(f"{side} value must have 1-2,000 characters")
        if len(button.get("accessibility_label", "")) > 75:
            out.append(f"{side} accessibility_label over 75 characters")
    return out


def _button_problems(e: dict[str, Any]) -> list[str]:
    out = []
    if e.get("type") != "button":
        return [f"element type {e.get('type')!r}"]
    text = e.get("text") or {}
    if text.get("type") != "plain_text" or not (1 <= len(text.get("text", "")) <= 75):
        out.append("button label must be plain_text of 1-75 characters")
    if not (1 <= len(e.get("action_id", "")) <= 255):
        out.append("button action_id must have 1-255 characters")
    if len(e.get("value", "")) > 2000:
        out.append("button value over 2,000 characters")
    if "style" in e and e["style"] not in ("primary", "danger"):
        out.append(f"button style {e['style']!r}")
    return out


def _type_problem(name: str, kind: str, value: Any) -> str | None:
    if name in JSON_STRING_ARGS:
        if isinstance(value, (list, dict)):
            return None  # sent as JSON body: Slack accepts the structure itself
        try:
            json.loads(value)
        except (TypeError, ValueError):
            return f"{name} must be JSON-encoded, got {str(value)[:40]!r}"
        return None
    if kind == "array":
        decoded = _decoded(value)
        ok = isinstance(decoded, list)
    elif kind == "boolean":
        ok = isinstance(value, bool) or str(value).lower() in ("true", "false", "1", "0")
    elif kind == "integer":
        ok = (isinstance(value, int) and not isinstance(value, bool)) or str(value).isdigit()
    elif kind == "number":
        ok = isinstance(value, (int, float)) or _is_number(str(value))
    else:
        ok = isinstance(value, str)
    return None if ok else f"{name} should be {kind}, got {type(value).__name__} {value!r:.40}"


def _decoded(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _broadcast_problems(text: str) -> list[str]:
    return [f"unescaped {b} would notify everyone" for b in BROADCASTS if b in text]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
