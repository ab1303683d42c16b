"""Labelled phrasings' vectors kept in the model cache folder, shared by the planner's
nearest-phrasing fallback (bot/agent/similar.py) and its KPI reading by meaning
(bot/agent/arg_match.py): a question pays for the encoder, never for re-embedding the phrasings.

A file is named for the phrasings' hash and the model's identity, so other phrasings or another
model never read it; it is written whole or not at all (two processes may start at once), and
the vectors of an older phrasing file for the same model are removed as dead weight.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy loads with the encoder, not with the planner (command start time)
    import numpy as np

log = logging.getLogger(__name__)


def cache_file(cache_dir: Path | None, folder: str, digest: str, embedder: Any) -> Path | None:
    """Where the vectors of phrasings with this digest live for this model (None: no cache)."""
    if cache_dir is None:
        return None
    model = hashlib.sha256(embedder.identity.encode()).hexdigest()[:16]
    return cache_dir / folder / f"{digest[:16]}-{model}.npy"


def load_or_embed(texts: list[str], embedder: Any, file: Path | None, what: str) -> np.ndarray:
    """(len(texts), dim) vectors: read from `file` when it holds them, else embedded and kept."""
    import numpy as np

    if file is not None and file.exists():
        try:
            vectors = np.load(file)
            if vectors.shape == (len(texts), embedder.dim):
                return vectors
        except (OSError, ValueError):  # a torn or foreign file: embed again and replace it
            pass
    vectors = embedder.embed(texts)
    if file is not None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            part = file.with_suffix(f".{os.getpid()}.part")
            with part.open("wb") as fh:
                np.save(fh, vectors)
            part.replace(file)  # whole or not at all, also with two processes at once
            # An older phrasing file's vectors for the same model are dead weight (MBs a release).
            for old in file.parent.glob(f"*-{file.stem.split('-')[-1]}.npy"):
                if old != file:
                    old.unlink(missing_ok=True)
        except OSError as exc:  # a read-only cache still answers, it only embeds again next time
            log.info("could not keep the %s in %s: %s", what, file.parent, exc)
    return vectors
