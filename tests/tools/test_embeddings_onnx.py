"""The offline model through onnxruntime: the same vectors as torch (cosine >= 0.999 per text on
real reviews, tweets and comments), exported once into a cache and reused without torch, and
torch standing in, said plainly, when onnxruntime is missing or the export fails."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest
from conftest import REPO, external

pytest.importorskip("sentence_transformers")
pytest.importorskip("onnxruntime")

from tools.feedback.embeddings import LocalEmbedder  # noqa: E402
from tools.feedback.embeddings_onnx import TOKENS_PER_BATCH, TOLERANCE, onnx_file  # noqa: E402


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx_cache")


@pytest.fixture(scope="session")
def onnx_minilm(onnx_cache):
    emb = LocalEmbedder(cache_dir=onnx_cache, runtime="onnx")
    emb.embed(["warm up"])
    return emb


@pytest.fixture(scope="session")
def torch_minilm():
    emb = LocalEmbedder(runtime="torch")
    emb.embed(["warm up"])
    return emb


def _real_texts() -> list[str]:
    uci = external("uci_sentiment_labelled")
    texts: list[str] = []
    for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
        lines = (uci / name).read_text(encoding="utf-8", errors="replace").splitlines()
        texts += [line.rsplit("\t", 1)[0] for line in lines[:150]]
    tweets = pd.read_csv(external("twcs_sample") / "twcs.csv", usecols=["text"], nrows=300)
    reviews = pd.read_csv(external("olist_sample") / "olist_order_reviews_dataset.csv",
                          usecols=["review_comment_message"]).dropna().head(150)
    return texts + tweets["text"].astype(str).tolist() + reviews["review_comment_message"].tolist()


def test_onnx_vectors_match_torch_on_real_texts(onnx_minilm, torch_minilm):
    texts = _real_texts()
    assert onnx_minilm.runtime.startswith("onnxruntime") and torch_minilm.runtime.startswith("torch")
    got = onnx_minilm.embed(texts)
    # The reference is sentence-transformers itself, not our export's own torch module.
    want = np.asarray(torch_minilm.model().encode(texts, normalize_embeddings=True), dtype=np.float32)
    cosine = np.sum(got * want, axis=1)
    worst = int(np.argmin(cosine))
    assert cosine.min() >= TOLERANCE, f"least cosine {cosine.min():.5f} on {texts[worst]!r}"
    assert got.shape == (len(texts), 384) and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    # Same space, one identity: a store built by either runtime is read by the other.
    assert onnx_minilm.identity == torch_minilm.identity


def test_long_and_empty_texts_are_cut_and_padded_like_torch(onnx_minilm, torch_minilm):
    texts = ["", "ok", " ".join(["the courier left my parcel in the rain"] * 80), "Péssimo 👎"]
    cosine = np.sum(onnx_minilm.embed(texts) * torch_minilm.embed(texts), axis=1)
    assert cosine.min() >= TOLERANCE


def test_no_inference_call_holds_more_than_the_token_cap_and_vectors_do_not_change(onnx_minilm):
    """onnxruntime's arena keeps the largest call's activations for the session's life (the
    embedding child's memory, issue 22): every call stays within TOKENS_PER_BATCH padded
    tokens, short texts still share calls, and a text's vector is the one it gets alone."""
    encoder = onnx_minilm.model()
    texts = _real_texts()[:400] + [" ".join(["the courier left my parcel in the rain"] * 80)] * 3
    shapes: list[tuple[int, int]] = []

    class Recording:
        def __init__(self, session):
            self.session = session

        def run(self, names, feeds):
            shapes.append(feeds["input_ids"].shape)
            return self.session.run(names, feeds)

    real = encoder.session
    encoder.session = Recording(real)
    try:
        got = encoder.encode(texts, batch_size=128)
    finally:
        encoder.session = real
    assert sum(rows for rows, _ in shapes) == len(texts)
    assert max(rows * tokens for rows, tokens in shapes) <= TOKENS_PER_BATCH
    assert max(rows for rows, _ in shapes) >= 16  # short texts are not embedded one by one
    assert max(tokens for _, tokens in shapes) == 256  # the long ones cut at the model's limit
    alone = np.concatenate([real.run(None, _feeds(encoder, [t]))[0] for t in texts[::20]])
    assert float(np.min(np.sum(got[::20] * alone, axis=1))) >= 0.9999


def test_the_session_plans_no_memory_pattern_and_its_vectors_are_those_of_one_that_does(onnx_minilm):
    """A memory pattern is a block planned and kept per input shape, and every batch has its
    own shape (the child's peak, issue 22): the session runs without one, and that changes no
    vector: a session with the pattern gives the same floats on real texts of every length."""
    import onnxruntime as ort

    encoder = onnx_minilm.model()
    assert encoder.session.get_session_options().enable_mem_pattern is False
    opts = encoder.session.get_session_options()  # a copy: the same threads and optimisations
    opts.enable_mem_pattern = True
    with_pattern = ort.InferenceSession(str(encoder.file), opts, providers=["CPUExecutionProvider"])
    texts = _real_texts()[:300:10] + ["ok", "", " ".join(["late again, no call"] * 60)]
    feeds = _feeds(encoder, texts)
    np.testing.assert_array_equal(encoder.session.run(None, feeds)[0], with_pattern.run(None, feeds)[0])


def _feeds(encoder, texts: list[str]) -> dict[str, np.ndarray]:
    return encoder.feeds(encoder.tokenizer.encode_batch(texts))


def test_the_export_is_cached_and_reused_without_torch(onnx_minilm, onnx_cache):
    file = onnx_file(onnx_cache, "all-MiniLM-L6-v2", onnx_minilm.identity.split("sha256:")[1])
    assert file.exists() and file.with_suffix(".json").exists()
    code = (
        "import sys; from tools.feedback.embeddings import LocalEmbedder; "
        f"e = LocalEmbedder(cache_dir={str(onnx_cache)!r}); v = e.embed(['late parcel']); "
        "print(e.runtime.split()[0], 'torch' in sys.modules, round(float(v[0] @ v[0]), 4))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["onnxruntime", "False", "1.0"]


def test_an_unreadable_cached_file_is_exported_again(tmp_path, torch_minilm):
    emb = LocalEmbedder(cache_dir=tmp_path)
    file = onnx_file(tmp_path, "all-MiniLM-L6-v2", emb.identity.split("sha256:")[1])
    file.parent.mkdir(parents=True)
    file.write_bytes(b"not a model")
    assert emb.runtime.startswith("onnxruntime")
    v = emb.embed(["the cake arrived squashed"])
    assert float(v[0] @ torch_minilm.embed(["the cake arrived squashed"])[0]) >= TOLERANCE


def test_without_onnxruntime_torch_embeds_and_says_so(monkeypatch, tmp_path, caplog):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    emb = LocalEmbedder(cache_dir=tmp_path)
    v = emb.embed(["my order never came"])
    assert emb.runtime.startswith("torch") and v.shape == (1, 384)
    assert "onnxruntime is not installed" in emb.runtime_note
    assert "onnxruntime is not installed" in caplog.text
    assert not any(tmp_path.iterdir())  # nothing exported


def test_a_failed_export_falls_back_to_torch_and_the_ingest_says_so(monkeypatch, tmp_path):
    from tools.feedback import embeddings_onnx
    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore

    def broken(model_path, target):
        raise RuntimeError("the ONNX export's vectors differ from torch's (least cosine 0.91)")

    monkeypatch.setattr(embeddings_onnx, "export_onnx", broken)
    emb = LocalEmbedder(cache_dir=tmp_path / "cache")
    fb = FeedbackStore(tmp_path / "fb", embedder=emb, timezone="UTC")
    docs = pd.DataFrame({"doc_id": ["survey:1", "survey:2"], "record_id": ["1", "2"],
                         "source": "survey", "customer_id": ["C1", "C2"],
                         "ts": [1.7e9, 1.7e9 + 60], "text": ["Bread was stale", "Great service"]})
    report = index_documents(fb, docs, sources=["survey"])
    assert report.added == 2 and emb.runtime.startswith("torch")
    assert "least cosine 0.91" in report.to_text() and "embedded with torch" in report.to_text()
    assert fb.collection().metadata["encoder"].startswith("torch")


def test_the_store_records_the_encoder_and_either_runtime_reads_it(tmp_path, onnx_minilm, torch_minilm):
    from tools.feedback.index import index_documents
    from tools.feedback.store import FeedbackStore

    docs = pd.DataFrame({"doc_id": ["ticket:1"], "record_id": ["1"], "source": "ticket",
                         "customer_id": ["C1"], "ts": [1.7e9], "text": ["Refund still pending"]})
    fb = FeedbackStore(tmp_path / "fb", embedder=onnx_minilm, timezone="UTC")
    report = index_documents(fb, docs, sources=["ticket"])
    assert fb.collection().metadata["encoder"].startswith("onnxruntime")
    assert "embedded with" not in report.to_text()
    again = FeedbackStore(tmp_path / "fb", embedder=torch_minilm, timezone="UTC")
    again.check_space()  # same identity: no refusal
    stored = np.asarray(again.collection().get(include=["embeddings"])["embeddings"][0])
    assert float(stored @ torch_minilm.embed(["Refund still pending"])[0]) >= TOLERANCE


def test_the_runtime_and_cache_can_be_set_from_the_environment(tmp_path):
    from bot.config import load_config

    env = {"JOURNEYBOT_HOME": str(tmp_path), "JOURNEYBOT_ENCODER": "torch",
           "JOURNEYBOT_MODEL_CACHE": str(tmp_path / "models")}
    forced = load_config(None, env=env).embedder()
    assert forced.runtime.startswith("torch") and not (tmp_path / "models").exists()
    cached = load_config(None, env={**env, "JOURNEYBOT_ENCODER": ""}).embedder()
    assert cached.runtime.startswith("onnxruntime") and list((tmp_path / "models").rglob("model.onnx"))


def _rss_mb() -> float:
    for line in open("/proc/self/status").read().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def test_an_idle_encoder_is_released_and_the_next_embed_loads_it_again(onnx_cache, onnx_minilm):
    texts = _real_texts()[:200]
    emb = LocalEmbedder(cache_dir=onnx_cache, runtime="onnx", release_after=0.5)
    first = emb.embed(texts)
    assert emb.loaded and (emb.loads, emb.releases) == (1, 0)
    deadline = time.monotonic() + 20
    while emb.loaded and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not emb.loaded and (emb.loads, emb.releases) == (1, 1)
    again = emb.embed(texts)  # loads from the cached export: no torch, same file
    assert emb.loaded and (emb.loads, emb.releases) == (2, 1)
    # Same file, same weights: the same vectors to float32 rounding, not merely close ones.
    assert float(np.min(np.sum(first * again, axis=1))) > 0.99999
    assert onnx_minilm.loaded  # another embedder's model is not touched by this one's release


def test_the_encoder_is_never_released_under_an_embed_and_stays_without_a_delay(onnx_cache):
    kept = LocalEmbedder(cache_dir=onnx_cache, runtime="onnx")  # a command: kept till exit
    kept.embed(["a parcel came late"])
    time.sleep(0.3)
    assert kept.loaded and kept.releases == 0
    kept._busy += 1  # as while a batch is being embedded on another thread
    try:
        assert kept.release() is False and kept.loaded
    finally:
        kept._busy -= 1
    assert kept.release() is True and not kept.loaded
    assert kept.release() is False  # nothing left to drop


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_releasing_the_encoder_gives_its_memory_back(tmp_path, onnx_cache, onnx_minilm):
    # In a fresh process, so the session's other models do not hold the same one.
    (tmp_path / "texts.json").write_text(json.dumps(_real_texts()), encoding="utf-8")
    code = f"""
import json, sys
sys.path.insert(0, {str(REPO)!r})
from tools.feedback.embeddings import LocalEmbedder

def rss_mb():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024

texts = json.load(open({str(tmp_path / "texts.json")!r}))
emb = LocalEmbedder(cache_dir={str(onnx_cache)!r}, runtime="onnx")  # exported already
emb.embed(texts[:8])
base = rss_mb()
emb.embed(texts)
loaded = rss_mb()
assert emb.release()
print(base, loaded, rss_mb())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    base, loaded, released = map(float, out.stdout.split()[-3:])
    # What the model and its buffers held (the weights in the process are 43 MB: the word
    # table, 47 more, is read from its file) goes back to the operating system, not merely
    # to the allocator.
    assert loaded - released > 45, (base, loaded, released)
    assert released < base, (base, loaded, released)


def test_the_word_table_is_read_from_a_file_and_the_vectors_are_the_whole_models(onnx_minilm, onnx_cache):
    """The word-embedding table (47 MB of the model's 90) sits outside the graph, in a file
    beside the export, and each call reads the rows it needs (the embedding child's memory,
    issue 22); the vectors are the whole model's, float for float, on real texts of every
    length, emoji, Portuguese and an empty one."""
    from tools.feedback.embeddings_onnx import OnnxEncoder
    from tools.feedback.word_table import WORDS_INPUT, split_files

    encoder = onnx_minilm.model()
    whole = onnx_file(onnx_cache, "all-MiniLM-L6-v2", onnx_minilm.identity.split("sha256:")[1])
    assert encoder.table is not None and (encoder.file, encoder.table.path) == split_files(whole)
    assert WORDS_INPUT in {i.name for i in encoder.session.get_inputs()}
    assert encoder.file.stat().st_size < whole.stat().st_size - 45_000_000  # the table is not in it
    texts = _real_texts() + ["", "ok", "Péssimo 👎", " ".join(["late again, no call"] * 90)]
    want = OnnxEncoder(whole, onnx_minilm.path).encode(texts, batch_size=64)
    np.testing.assert_array_equal(encoder.encode(texts, batch_size=64), want)


def test_a_split_older_than_its_export_or_unreadable_is_made_again(tmp_path, onnx_minilm, onnx_cache):
    import os
    import shutil

    from tools.feedback.embeddings_onnx import split_encoder
    from tools.feedback.word_table import split_files

    whole = tmp_path / "model.onnx"
    shutil.copy(onnx_file(onnx_cache, "all-MiniLM-L6-v2", onnx_minilm.identity.split("sha256:")[1]), whole)
    model, table = split_files(whole)
    want = split_encoder(whole, onnx_minilm.path).encode(["the loaf was stale"])
    made = model.stat().st_mtime_ns
    table.write_bytes(table.read_bytes()[:1000])  # cut short: not whole rows
    assert np.array_equal(split_encoder(whole, onnx_minilm.path).encode(["the loaf was stale"]), want)
    assert table.stat().st_size % (384 * 4) == 0 and model.stat().st_mtime_ns > made
    # A new export (new weights get a new folder; a re-export of the same ones a newer file)
    # is never read through the split of the one before.
    made = model.stat().st_mtime_ns
    os.utime(whole, ns=(made + 10**9, made + 10**9))
    split_encoder(whole, onnx_minilm.path)
    assert model.stat().st_mtime_ns > made


def test_without_the_split_the_whole_model_embeds_and_says_so(tmp_path, monkeypatch, caplog, onnx_minilm, onnx_cache):
    import shutil

    from tools.feedback import word_table

    sha = onnx_minilm.identity.split("sha256:")[1]
    whole = onnx_file(tmp_path, "all-MiniLM-L6-v2", sha)
    whole.parent.mkdir(parents=True)
    shutil.copy(onnx_file(onnx_cache, "all-MiniLM-L6-v2", sha), whole)

    def no_onnx(*args):
        raise ImportError("No module named 'onnx'")

    monkeypatch.setattr(word_table, "split_model", no_onnx)
    monkeypatch.setattr("tools.feedback.embeddings_onnx.split_model", no_onnx)
    emb = LocalEmbedder(cache_dir=tmp_path, runtime="onnx")
    got = emb.embed(["the loaf was stale"])
    assert emb.model().table is None and emb.model().file == whole
    assert "word-embedding table stays inside the model" in caplog.text
    assert float(got[0] @ onnx_minilm.embed(["the loaf was stale"])[0]) > 0.99999


def test_the_table_lookup_refuses_ids_outside_the_vocabulary(onnx_minilm):
    table = onnx_minilm.model().table
    rows = table.lookup(np.array([[101, 2023, 102], [101, 102, 0]]))
    assert rows.shape == (2, 3, 384) and rows.dtype == np.float32
    assert np.array_equal(rows[0, 0], rows[1, 0]) and not np.array_equal(rows[0, 1], rows[0, 2])
    with pytest.raises(ValueError, match="out of the table"):
        table.lookup(np.array([[table.rows]]))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_embedding_process_holds_the_table_out_of_its_memory(tmp_path, onnx_cache, onnx_minilm):
    """What `top` shows for a process that embeds: with the table read from its file the
    process holds at least 35 MB less than with the whole model in the graph (47 MB of
    weights), after embedding the same 600 real texts, each in a fresh process."""
    (tmp_path / "texts.json").write_text(json.dumps(_real_texts()), encoding="utf-8")
    sha = onnx_minilm.identity.split("sha256:")[1]
    code = f"""
import json, sys
from pathlib import Path
sys.path.insert(0, {str(REPO)!r})
from tools.feedback.embeddings_onnx import OnnxEncoder, split_encoder
from tools.feedback.embeddings import local_model_path

whole = Path({str(onnx_file(onnx_cache, "all-MiniLM-L6-v2", sha))!r})
texts = json.load(open({str(tmp_path / "texts.json")!r}))
encoder = split_encoder(whole, local_model_path()) if sys.argv[1] == "split" else OnnxEncoder(whole, local_model_path())
encoder.encode(texts, batch_size=64)
print(int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024)
"""
    rss = {}
    for how in ("split", "whole"):
        out = subprocess.run([sys.executable, "-c", code, how], capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr[-2000:]
        rss[how] = float(out.stdout.split()[-1])
    assert rss["whole"] - rss["split"] > 35, rss
