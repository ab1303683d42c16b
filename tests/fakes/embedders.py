"""A tiny deterministic embedder for tests where the vectors' meaning does not matter.

Words are hashed into a few dimensions, so texts sharing words are close and the same text
always gets the same vector. It implements tools.feedback.embeddings.Embedder, runs behind the real
chromadb, and costs nothing to load.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from tools.feedback.embeddings import normalize_rows


class HashEmbedder:
    def __init__(self, dim: int = 64, salt: str = "v1"):
        self._dim = dim
        self.salt = salt
        self.calls: list[int] = []  # texts embedded per call, to count work

    @property
    def name(self) -> str:
        return f"hash-{self._dim}"

    @property
    def identity(self) -> str:
        return f"hash-{self._dim} {self.salt}"

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                h = int(hashlib.md5(f"{self.salt}:{word}".encode()).hexdigest(), 16)
                out[i, h % self._dim] += 1.0 if (h >> 8) % 2 else -1.0
            if not out[i].any():
                out[i, 0] = 1.0
        return normalize_rows(out)

    @property
    def embedded(self) -> int:
        return sum(self.calls)
