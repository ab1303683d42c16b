"""The offline embedding model in a child process, for a server that must stay small.

`journeybot serve` runs for weeks; the model (onnxruntime's session and arena, or torch) is
about 350 MB while it embeds, and glibc does not hand all of it back when it is dropped
in-process (fragmentation). In a child process the model never enters the server: the child
embeds what it is sent, and when it is idle it is ended and the operating system takes back
every page. The server keeps only the vectors.

    encoder = ChildEncoder(model_path, runtime="auto", cache_dir=None, threads=None, precision="fp32")
    encoder.version                 # "onnxruntime 1.32.0 int8" (what the child loaded)
    vectors = encoder.encode(texts, batch_size=64)
    encoder.close()

The child runs tools/feedback/encoder_child.py: the same `LocalEmbedder` as a command would, so its vectors are the ones an in-process embed gives. Protocol (its stdin
and a private copy of its stdout; everything the libraries print goes to stderr): each message
is a 4-byte big-endian length and a JSON header; a reply with rows is followed by
rows x 384 float32 bytes. When the server dies the child reads end-of-file and exits.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import numpy as np

from tools.core.errors import ToolUnavailable

DIM = 384
# Texts per request: small enough that a question's one-text search waits at most one such
# request behind a running index batch, large enough that the pipe costs nothing measurable.
TEXTS_PER_REQUEST = 64


def send_message(out: IO[bytes], header: dict[str, Any], payload: bytes = b"") -> None:
    body = json.dumps(header).encode()
    out.write(struct.pack(">I", len(body)) + body + payload)
    out.flush()


def _read_exact(src: IO[bytes], n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = src.read(n - got)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def receive_message(src: IO[bytes]) -> dict[str, Any]:
    (size,) = struct.unpack(">I", _read_exact(src, 4))
    return json.loads(_read_exact(src, size))


class ChildEncoder:
    """The model in a child process; `encode` has OnnxEncoder's signature and result."""

    def __init__(self, model_path: Path, *, runtime: str = "auto", cache_dir: Path | None = None,
                 threads: int | None = None, start_timeout: float = 600.0, precision: str = "fp32"):
        spec = {"path": str(model_path), "runtime": runtime, "threads": threads,
                "cache_dir": str(cache_dir) if cache_dir else None, "precision": precision}
        # The child imports this checkout's `tools`, wherever the server was started from.
        root = str(Path(__file__).resolve().parents[2])
        # SIGINT and SIGTERM ignored, first thing: Ctrl-C in a terminal, systemd stopping the
        # service and `kill` of the process group send them to every process of the server, and
        # the server ends this one itself (closing the pipe, or a kill mid-batch); a
        # KeyboardInterrupt here printed a traceback into serve's log, and a signal ending it
        # before serve's own stop could make the index run log a failure. Should the server die
        # without ending it, this one reads end-of-file and exits.
        start = ("import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
                 "signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                 f"import sys; sys.path.insert(0, {root!r}); "
                 "from tools.feedback.encoder_child import main; sys.exit(main())")
        self._lock = threading.Lock()
        self._proc = subprocess.Popen([sys.executable, "-c", start, json.dumps(spec)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        # The first message says what loaded (the export, once per machine, can take a while
        # under load; the caller's thread waits, as it would for an in-process load).
        try:
            hello = receive_message(self._proc.stdout)  # type: ignore[arg-type]
        except EOFError:
            self.close()
            raise ToolUnavailable("the embedding process ended before the model loaded "
                                  "(its error is in the log above)") from None
        if hello.get("error"):
            self.close()
            raise ToolUnavailable(str(hello["error"]))
        self.version: str = hello["runtime"]
        self.note: str = hello.get("note", "")
        self.pid = self._proc.pid

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # Longest first, as the child batches them, so splitting into requests adds no padding.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), TEXTS_PER_REQUEST):
            rows = order[start:start + TEXTS_PER_REQUEST]
            out[rows] = self._request([texts[i] for i in rows], batch_size)
        return out

    def _request(self, texts: list[str], batch_size: int) -> np.ndarray:
        with self._lock:
            proc = self._proc
            if proc.poll() is not None:
                raise ToolUnavailable(f"the embedding process has ended (exit code {proc.returncode})")
            try:
                send_message(proc.stdin, {"texts": texts, "batch_size": batch_size})  # type: ignore[arg-type]
                head = receive_message(proc.stdout)  # type: ignore[arg-type]
                if head.get("error"):
                    raise ToolUnavailable(f"the embedding process failed: {head['error']}")
                data = _read_exact(proc.stdout, head["rows"] * DIM * 4)  # type: ignore[arg-type]
            except (EOFError, BrokenPipeError) as exc:
                raise ToolUnavailable(f"the embedding process ended ({type(exc).__name__}); "
                                      "the next embed starts it again") from None
        return np.frombuffer(data, dtype=np.float32).reshape(head["rows"], DIM)

    @property
    def alive(self) -> bool:
        return self._proc.poll() is None

    def close(self, timeout: float = 10.0, *, now: bool = False) -> None:
        """End the child (end-of-file on its stdin; killed if it does not go in `timeout`).
        `now` kills it at once, even mid-request: the embed under way raises ToolUnavailable
        (a server stopping does not wait for a batch it will never store)."""
        proc = self._proc
        if now and proc.poll() is None:
            proc.kill()
        with self._lock:
            try:
                if proc.stdin is not None:
                    proc.stdin.close()
                proc.wait(timeout)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait(5)
            finally:
                if proc.stdout is not None:
                    proc.stdout.close()
