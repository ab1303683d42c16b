"""A local OpenAI-compatible HTTP server that misbehaves, for the real openai client.

Each POST /v1/chat/completions gets the next behaviour of a script (the last one repeats):
- `Reply(message)`: a well-formed completion with that assistant message (text or tool calls);
- `Raw(body, status)`: these bytes as the response body (invalid JSON, an HTML error page);
- `Hang(seconds)`: accept the request and send nothing for that long, then close.
Every request is recorded with the time it arrived, so tests can count attempts and retries.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    message: dict[str, Any]


@dataclass(frozen=True)
class Raw:
    body: bytes
    status: int = 200
    content_type: str = "application/json"


@dataclass(frozen=True)
class Hang:
    seconds: float


def tool_call(name: str, arguments: dict[str, Any] | str, call_id: str = "call_1") -> Reply:
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return Reply({"role": "assistant", "content": None, "tool_calls": [
        {"id": call_id, "type": "function", "function": {"name": name, "arguments": args}}]})


def text(content: str) -> Reply:
    return Reply({"role": "assistant", "content": content})


class FaultyOpenAI:
    def __init__(self, script: list[Reply | Raw | Hang]):
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"at": time.monotonic(), "body": body})
                step = server.script.pop(0) if len(server.script) > 1 else server.script[0]
                if isinstance(step, Hang):
                    server._stop.wait(step.seconds)
                    self.close_connection = True
                    return
                if isinstance(step, Raw):
                    data, status, ctype = step.body, step.status, step.content_type
                else:
                    calls = step.message.get("tool_calls")
                    data = json.dumps({
                        "id": f"chatcmpl-{len(server.requests)}", "object": "chat.completion",
                        "created": int(time.time()), "model": body.get("model", "stub"),
                        "choices": [{"index": 0, "message": step.message, "logprobs": None,
                                     "finish_reason": "tool_calls" if calls else "stop"}],
                        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
                    }).encode()
                    status, ctype = 200, "application/json"
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up first
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@contextmanager
def faulty_openai(script: list[Reply | Raw | Hang]) -> Iterator[FaultyOpenAI]:
    fake = FaultyOpenAI(script)
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake._stop.set()
        fake.server.shutdown()
        fake.server.server_close()
