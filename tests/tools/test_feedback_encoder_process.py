"""The embedding model in a child process (what `journeybot serve` uses): the same vectors as
in-process, none of the model in the server, and the child's memory gone when it is released."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import numpy as np
import pytest

from tools.feedback.embeddings import LocalEmbedder

TEXTS = ["The parcel arrived three days late and the box was crushed.",
         "Lovely sourdough, will order again!!", "", "ok",
         "Card declined at checkout twice; support fixed it in 5 minutes 👍",
         " ".join(["The courier left my order at the wrong address again."] * 40)]


@pytest.fixture
def child():
    pytest.importorskip("onnxruntime")
    embedder = LocalEmbedder(in_child=True)
    yield embedder
    embedder.release()


def test_vectors_equal_the_in_process_models_and_come_from_another_process(child, minilm):
    got = child.embed(TEXTS)
    expected = minilm.embed(TEXTS)
    assert got.shape == (len(TEXTS), 384) and got.dtype == np.float32
    assert float(np.min(np.sum(got * expected, axis=1))) > 0.9999
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    encoder = child.model()
    assert encoder.pid != os.getpid() and Path(f"/proc/{encoder.pid}").exists()
    assert child.runtime.startswith("onnxruntime") and child.identity == minilm.identity
    assert child.embed([]).shape == (0, 384)


def test_release_ends_the_process_and_the_next_embed_starts_another(child):
    child.embed(["first"])
    first = child.model().pid
    assert child.release() and not child.loaded
    assert not Path(f"/proc/{first}").exists() or "zombie" in Path(f"/proc/{first}/status").read_text()
    child.embed(["again"])
    assert child.loads == 2 and child.model().pid != first


def test_a_child_that_died_is_started_again_on_the_next_embed(child):
    child.embed(["first"])
    first = child.model()
    os.kill(first.pid, signal.SIGKILL)
    first._proc.wait(10)
    vectors = child.embed(["after the crash"])
    assert vectors.shape == (1, 384) and child.model().pid != first.pid and child.loads == 2
