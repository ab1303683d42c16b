"""The int8 encoder (`[feedback] encoder_precision = "int8"`): vectors within the stated tolerance of fp32's on real texts,
its own identity, and a store that never mixes the two: switching the precision re-embeds every
stored text at the next index run and refuses searches until then, saying why."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import external

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

from tools.core.errors import ToolFatal  # noqa: E402
from tools.feedback.embeddings import LocalEmbedder  # noqa: E402
from tools.feedback.embeddings_onnx import INT8_MEDIAN, INT8_TOLERANCE, onnx_file  # noqa: E402
from tools.feedback.index import TextFile, index_file, index_store  # noqa: E402
from tools.feedback.scoring import head_for  # noqa: E402
from tools.feedback.search import SearchParams, search  # noqa: E402
from tools.feedback.store import FeedbackStore, same_model  # noqa: E402


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("model_cache")


@pytest.fixture(scope="module")
def fp32(cache):
    emb = LocalEmbedder(cache_dir=cache, runtime="onnx", precision="fp32")
    emb.embed(["warm up"])
    return emb


@pytest.fixture(scope="module")
def int8(cache, fp32):  # after fp32: the int8 file is made from the fp32 export
    emb = LocalEmbedder(cache_dir=cache, runtime="onnx", precision="int8")
    emb.embed(["warm up"])
    return emb


def _real_texts() -> list[str]:
    uci = external("uci_sentiment_labelled")
    texts: list[str] = []
    for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
        lines = (uci / name).read_text(encoding="utf-8", errors="replace").splitlines()
        texts += [line.rsplit("\t", 1)[0] for line in lines[:200]]
    tweets = pd.read_csv(external("twcs_sample") / "twcs.csv", usecols=["text"], nrows=400)
    reviews = pd.read_csv(external("olist_sample") / "olist_order_reviews_dataset.csv",
                          usecols=["review_comment_message"]).dropna().head(200)
    return texts + tweets["text"].astype(str).tolist() + reviews["review_comment_message"].tolist()


def test_int8_vectors_stay_within_the_stated_tolerance_of_fp32(fp32, int8, cache):
    texts = _real_texts() + ["", "ok", "Péssimo 👎", " ".join(["the courier left my parcel in the rain"] * 80)]
    got, want = int8.embed(texts), fp32.embed(texts)
    cosine = np.sum(got * want, axis=1)
    worst = int(np.argmin(cosine))
    assert cosine.min() >= INT8_TOLERANCE, f"least cosine {cosine.min():.4f} on {texts[worst]!r}"
    assert np.median(cosine) >= INT8_MEDIAN
    assert got.shape == (len(texts), 384) and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    # Near, not the same: its own identity, its own cached file, a quarter of the size.
    assert int8.identity != fp32.identity and same_model(fp32.identity, int8.identity)
    assert int8.runtime.endswith("int8") and not fp32.runtime.endswith("int8")
    weights = fp32._weights_sha()
    small, full = (onnx_file(cache, "all-MiniLM-L6-v2", weights, p).stat().st_size for p in ("int8", "fp32"))
    assert small < full / 3


def test_int8_finds_the_same_nearest_texts(fp32, int8):
    texts = _real_texts()
    queries = ["the delivery was late", "rude customer service", "battery stopped working",
               "great food and friendly staff", "refund still not received", "the film was boring"]
    overlap = []
    for q in queries:
        top = [set(np.argsort(-(e.embed(texts) @ e.embed([q])[0]))[:5]) for e in (fp32, int8)]
        overlap.append(len(top[0] & top[1]) / 5)
    assert np.mean(overlap) >= 0.8, overlap


def test_each_precision_has_its_own_sentiment_head(fp32, int8):
    heads = head_for(fp32), head_for(int8)
    assert [h.identity for h in heads] == [fp32.identity, int8.identity]
    words = ["The cake was stale and the staff were rude.", "Absolutely loved the almond croissants!"]
    for head, emb in zip(heads, (fp32, int8), strict=True):
        scores = head.score(emb.embed(words))
        assert scores[0] < 0 < scores[1]


def test_int8_cannot_run_on_torch_so_it_says_fp32_from_the_start(cache):
    emb = LocalEmbedder(cache_dir=cache, runtime="torch", precision="int8")
    assert emb.precision == "fp32" and "int8" not in emb.identity
    assert "int8 needs onnxruntime" in emb.precision_note
    with pytest.raises(ValueError):
        LocalEmbedder(precision="int4")


@pytest.fixture
def journey(store):
    store.execute("INSERT INTO customers (customer_id) VALUES ('C1'), ('C2')")
    store.execute("""INSERT INTO surveys (survey_id, customer_id, ts, csat, text, stage, channel) VALUES
        ('S1', 'C1', '2026-05-01 10:00+01', 1, 'The parcel arrived three days late and squashed', 'post-purchase', 'web'),
        ('S2', 'C2', '2026-05-10 10:00+01', 5, 'Lovely sourdough and friendly staff', 'consideration', 'in_store')""")
    store.execute("""INSERT INTO tickets (ticket_id, customer_id, created_at, subject, text, channel, status, stage) VALUES
        ('T1', 'C1', '2026-05-02 09:00+01', 'Payment', 'My card was declined at checkout twice', 'email', 'open', 'decision')""")
    return store


def _vectors(fb: FeedbackStore) -> dict[str, np.ndarray]:
    got = fb.get(embeddings=True)
    return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"], strict=True)}


def test_switching_precision_re_embeds_the_store_and_never_mixes(journey, fp32, int8, tmp_path):
    folder = tmp_path / "feedback"
    old = FeedbackStore(folder, embedder=fp32, timezone="Europe/London")
    index_store(old, journey)
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("review_id,comment\nR1,Best croissants in Bristol\n", encoding="utf-8")
    index_file(old, reviews, TextFile(source="reviews", text=["comment"], id="review_id"))
    before = _vectors(old)
    assert old.stored_identity() == fp32.identity and len(before) == 4

    new = FeedbackStore(folder, embedder=int8, timezone="Europe/London")
    # Before the index run: a search refuses, and says what will happen.
    with pytest.raises(ToolFatal, match="embeds every stored text again"):
        search(new, SearchParams(query="late parcel"))
    report = index_store(new, journey)
    assert "embedded again with all-MiniLM-L6-v2 int8" in report.to_text(), report.to_text()
    assert new.stored_identity() == int8.identity
    after = _vectors(new)
    assert set(after) == set(before)  # the --file review kept its record too
    docs = new.collection().get(include=["documents"])
    want = int8.embed(docs["documents"])
    for i, doc_id in enumerate(docs["ids"]):
        assert float(after[doc_id] @ want[i]) > 0.9999  # every vector is int8's now
    assert (report.added, report.removed) == (0, 0)
    found = search(new, SearchParams(query="late parcel", min_similarity=0))
    assert found.quotes[0].id == "survey:S1"

    # And back: fp32 again re-embeds, with fp32's vectors.
    back = FeedbackStore(folder, embedder=fp32, timezone="Europe/London")
    index_store(back, journey)
    again = _vectors(back)
    assert all(float(again[k] @ before[k]) > 0.9999 for k in before)


def test_the_config_picks_the_precision_and_the_environment_overrides_it(tmp_path):
    from bot.config import load_config

    plain, int8_file = tmp_path / "plain.toml", tmp_path / "int8.toml"
    plain.write_text("")
    int8_file.write_text('[feedback]\nencoder_precision = "int8"\n')
    home = {"JOURNEYBOT_HOME": str(tmp_path / "home")}
    default = load_config(plain, env=home).embedder()
    assert default.precision == "fp32" and " int8 " not in default.identity  # stores as before
    chosen = load_config(int8_file, env=home).embedder()
    assert chosen.precision == "int8" and " int8 " in chosen.identity
    forced = load_config(int8_file, env={**home, "JOURNEYBOT_ENCODER_PRECISION": "fp32"}).embedder()
    assert forced.precision == "fp32" and " int8 " not in forced.identity
