"""A fake Slack Socket Mode endpoint on 127.0.0.1: the WebSocket that `apps.connections.open`
hands out. It greets each connection with Slack's `hello`, pushes events as Socket Mode
envelopes, and records the acks the app sends back (slack_sdk's own Socket Mode client
connects to it unchanged; on a port other than 443 it speaks plain ws://).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

from websockets.sync.server import ServerConnection, serve


class FakeSocketMode:
    def __init__(self) -> None:
        self.acks: list[str] = []
        self._connections: list[ServerConnection] = []
        self._cond = threading.Condition()
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link"

    def start(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    def _handle(self, ws: ServerConnection) -> None:
        ws.send(json.dumps({"type": "hello", "num_connections": 1,
                            "connection_info": {"app_id": "A0FAKE"}, "debug_info": {"host": "fake"}}))
        with self._cond:
            self._connections.append(ws)
            self._cond.notify_all()
        try:
            for message in ws:
                data = json.loads(message)
                with self._cond:
                    if data.get("envelope_id"):
                        self.acks.append(data["envelope_id"])
                    self._cond.notify_all()
        except Exception:
            pass
        finally:
            with self._cond:
                if ws in self._connections:
                    self._connections.remove(ws)

    def wait_connected(self, timeout: float = 15.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: self._connections, timeout):
                raise AssertionError("the app did not open the Socket Mode connection")

    def push_event(self, body: dict[str, Any], *, timeout: float = 10.0) -> float:
        """Send an Events API payload as an envelope; seconds until the app acked it."""
        envelope = str(uuid.uuid4())
        started = time.monotonic()
        with self._cond:
            ws = self._connections[-1]
        ws.send(json.dumps({"envelope_id": envelope, "type": "events_api", "payload": body,
                            "accepts_response_payload": False, "retry_attempt": 0, "retry_reason": ""}))
        with self._cond:
            if not self._cond.wait_for(lambda: envelope in self.acks, timeout):
                raise AssertionError("the app did not ack the envelope")
        return time.monotonic() - started

    def drop(self) -> None:
        """Close every connection, as Slack does when it rotates its servers."""
        with self._cond:
            connections = list(self._connections)
        for ws in connections:
            ws.close()
