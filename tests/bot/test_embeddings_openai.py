"""OpenAI embeddings through the real openai client against a local compatible server."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import pytest

from bot.config import load_config
from bot.embeddings_openai import OpenAIEmbedder
from tools.core.errors import ToolUnavailable
from tools.feedback.index import index_documents
from tools.feedback.search import SearchParams, search
from tools.feedback.store import FeedbackStore

DIM = 8


def fake_vector(text: str) -> list[float]:
    digest = hashlib.sha256(text.lower().encode()).digest()
    return [b - 128.0 for b in digest[:DIM]]


@contextmanager
def embeddings_server(status: int = 200) -> Iterator[dict[str, Any]]:
    seen: dict[str, Any] = {"requests": []}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen["requests"].append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            if status != 200:
                payload = {"error": {"message": "bad key", "type": "invalid_request_error", "code": "invalid_api_key"}}
            else:
                # Out of order on purpose: the client must put them back by index.
                data = [{"object": "embedding", "index": i, "embedding": fake_vector(t)}
                        for i, t in enumerate(body["input"])][::-1]
                payload = {"object": "list", "data": data, "model": body["model"],
                           "usage": {"prompt_tokens": 1, "total_tokens": 1}}
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    seen["url"] = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield seen
    finally:
        server.shutdown()
        server.server_close()


def test_vectors_come_back_in_order_normalised_and_batched():
    with embeddings_server() as srv:
        emb = OpenAIEmbedder("nomic-embed", api_key="sk-test", base_url=srv["url"], batch_size=2)
        vectors = emb.embed(["a", "b", "c"])
        assert vectors.shape == (3, DIM) and emb.dim == DIM
        expected = np.array([fake_vector(t) for t in "abc"], dtype=np.float32)
        expected /= np.linalg.norm(expected, axis=1, keepdims=True)
        assert np.allclose(vectors, expected, atol=1e-6)
        assert [len(r["body"]["input"]) for r in srv["requests"]] == [2, 1]
        assert srv["requests"][0]["path"] == "/v1/embeddings"
        assert srv["requests"][0]["auth"] == "Bearer sk-test"
    assert emb.identity == f"openai-compatible:nomic-embed@{srv['url'].split('//')[1].split('/')[0]}"
    assert OpenAIEmbedder("text-embedding-3-small", api_key="k").identity == "openai:text-embedding-3-small"
    assert OpenAIEmbedder("text-embedding-3-small", api_key="k").dim == 1536


def test_a_refused_key_is_an_environment_problem():
    with embeddings_server(status=401) as srv:
        emb = OpenAIEmbedder("m", api_key="sk-bad", base_url=srv["url"])
        with pytest.raises(ToolUnavailable, match="refused the API key"):
            emb.embed(["x"])


def test_openai_without_a_key_says_which_variable_to_set():
    with pytest.raises(ToolUnavailable, match="OPENAI_API_KEY"):
        OpenAIEmbedder("text-embedding-3-small", api_key=None).embed(["x"])


def test_the_feedback_store_works_the_same_with_remote_embeddings(tmp_path):
    import pandas as pd

    with embeddings_server() as srv:
        emb = OpenAIEmbedder("nomic-embed", api_key=None, base_url=srv["url"])
        fb = FeedbackStore(tmp_path / "fb", embedder=emb, timezone="UTC")
        docs = pd.DataFrame({"doc_id": ["survey:1", "survey:2"], "record_id": ["1", "2"], "source": "survey",
                             "text": ["late parcel", "nice bread"], "ts": [1.7e9, 1.7e9 + 60]})
        index_documents(fb, docs, sources=["survey"])
        found = search(fb, SearchParams(query="nice bread", limit=1, min_similarity=0))
        assert found.quotes[0].id == "survey:2" and found.quotes[0].similarity == pytest.approx(1.0, abs=1e-4)
        assert fb.stored_identity().startswith("openai-compatible:nomic-embed@127.0.0.1")


def test_config_picks_the_embedder(tmp_path):
    cfg_file = tmp_path / "openai.toml"
    cfg_file.write_text('[feedback]\nembedding = "openai"\nopenai_model = "text-embedding-3-large"\n')
    cfg = load_config(cfg_file, env={"OPENAI_API_KEY": "sk-x", "JOURNEYBOT_HOME": str(tmp_path)})
    emb = cfg.embedder()
    assert isinstance(emb, OpenAIEmbedder) and emb.identity == "openai:text-embedding-3-large"
    assert cfg.feedback_path == tmp_path / "feedback"
    local = load_config(None, env={"JOURNEYBOT_HOME": str(tmp_path)}).embedder()
    assert local.name == "all-MiniLM-L6-v2"
