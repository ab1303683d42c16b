"""The offline MiniLM model run through onnxruntime: about twice torch's speed on this CPU.

The ONNX file is made here, from the packaged safetensors weights, the first time it is needed
(torch.onnx.export, about 5 s), and kept in a cache folder named for the weights' hash, so a new
model package makes a new file and nothing stale is ever reused. Mean pooling and the L2
normalisation are part of the exported graph, so the file returns what sentence-transformers
returns. Before the file is kept, its vectors on a set of probe texts are compared with
torch's: any cosine below `TOLERANCE` and the export is discarded (the caller falls back to
torch and says why). Because the vectors agree within that tolerance, the ONNX and torch paths
share one embedder identity and one feedback store: switching between them changes no vector
beyond it.

The int8 file (`[feedback] encoder_precision = "int8"`; fp32 is the default) is made from the fp32 file by
onnxruntime's dynamic quantisation, weights per output channel (one scale per column: per
tensor, as first tried, gave cosine 0.78 to fp32 on real texts; per channel the least is about
0.96 and the median 0.99). Its vectors are near fp32's but not within `TOLERANCE`, so an int8
store has its own identity and never takes fp32 vectors (tools/feedback/reembed.py re-embeds a
store whose precision changed). Before it is kept, its vectors on the probes are compared with
the fp32 file's: below `INT8_TOLERANCE` it is discarded and the embedder says why.

The fp32 file is then split once (`split_encoder`, tools/feedback/word_table.py): the graph
without its word-embedding table, and the table as a file whose rows each call reads, so the
47 MB table is never in the process's memory; the vectors are the whole file's, float for float.

Reading the cached file needs onnxruntime and tokenizers only; making it needs torch,
transformers and onnx as well (the `[local]` extra has them all).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tools.core.heap import release_free_memory
from tools.feedback.word_table import WORDS_INPUT, WordTable, split_files, split_model

log = logging.getLogger(__name__)

TOLERANCE = 0.999  # least cosine per text between the ONNX and torch vectors of the same text
# int8 against fp32, per text: the least cosine and the median over a set of texts. Measured on
# 2,100 real reviews, tweets and Portuguese comments: least 0.967, median 0.991
# (docs/BENCHMARKS.md); tests/tools/test_embeddings_int8.py fails beyond these.
INT8_TOLERANCE = 0.95
INT8_MEDIAN = 0.985
# The split model (word-embedding table outside the graph) against the whole one, per probe
# text: the same graph and the same rows, so measured equal; anything less is a broken split.
SPLIT_TOLERANCE = 0.99999
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut
# Padded tokens per inference call. onnxruntime's arena grows to the largest call's activations
# and keeps that for the session's life: embedding the 1M store's 16,528 survey and ticket
# chunks (up to 70 tokens) in a bare process grew it by 126 MB at 4,096 tokens (64 texts a
# call), 99 MB at 2,048, 56 MB at 1,024 and 33 MB at 512. 2,000 of those chunks as serve sends
# them peaked at 200 MB at 1,024, 186 at 512 and 179 at 256, with the same CPU seconds (24.2,
# 24.3, 23.9; vectors within 3e-8) (docs/BENCHMARKS.md, issue 22). 256 is 16 texts of 16
# tokens or one of the model's 256.
TOKENS_PER_BATCH = 256
# Whether onnxruntime's intra-op threads spin while they wait for work. Spinning shortens a
# call on an idle machine; on a busy one each waiting thread burns a core. serve's embedding
# child turns it off (tools/feedback/encoder_child.py): it shares two cores with the answers,
# and 2,000 chunks took 15.1 CPU-seconds without spinning against 24.2 with it, same floats.
ALLOW_SPINNING = True

# Probe texts for the export check: short and long, punctuation, digits, emoji, accents, an
# empty string and one past the token limit, so truncation and padding are exercised too.
PROBES = (
    "The parcel arrived three days late and the box was crushed.",
    "Lovely sourdough, will order again!!",
    "",
    "ok",
    "Card declined at checkout twice; support fixed it in 5 minutes 👍",
    "Produto chegou antes do prazo, muito bom.",
    "Le gâteau était délicieux mais la livraison très lente.",
    "refund #A-1932 still pending after 14 days??? @support",
    " ".join(["The courier left my order at the wrong address again."] * 40),
)


def cache_root() -> Path:
    """Where exported models are kept unless the caller says (the config passes
    $JOURNEYBOT_MODEL_CACHE): the user cache folder."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("journeybot")) / "models"


def onnx_file(cache: Path, model_name: str, weights_sha: str, precision: str = "fp32") -> Path:
    name = "model.onnx" if precision == "fp32" else f"model.{precision}.onnx"
    return cache / f"{model_name}-{weights_sha[:16]}" / name


@dataclass(frozen=True)
class ExportCheck:
    """What the export check found: the least cosine against torch over the probe texts."""

    min_cosine: float
    seconds: float
    torch_version: str
    onnxruntime_version: str


def _tokenizer(model_path: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_path / "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
    return tok


class OnnxEncoder:
    """One inference session and the model's own tokenizer; `encode` gives unit rows."""

    def __init__(self, file: Path, model_path: Path, *, threads: int | None = None,
                 table: Path | None = None):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or 0  # 0: onnxruntime picks (one per core)
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # The CPU arena stays on: turned off (each run's buffers from malloc), 2,500 real texts
        # peaked at 712 MB against 482 MB with it and ran slower (glibc's per-thread heaps
        # fragment under the varying batch shapes). Its memory goes when the session is
        # released (LocalEmbedder.release_after).
        # No memory pattern: onnxruntime plans and keeps one pattern (a preallocated block) per
        # input shape it has seen, and every batch here has its own (texts x padded tokens).
        # Off, embedding 2,000 of the 1M store's chunks peaked 23 MB lower in a bare process
        # (225 -> 202 MB) with bit-identical vectors (docs/BENCHMARKS.md, issue 22).
        opts.enable_mem_pattern = False
        if not ALLOW_SPINNING:
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(file), opts, providers=["CPUExecutionProvider"])
        # Parsing the 90 MB file leaves freed buffers in glibc's heap: 22 MB handed back here.
        release_free_memory()
        self.tokenizer = _tokenizer(model_path)
        self.file = file
        # A split model (tools/feedback/word_table.py) takes the word-embedding rows as an
        # input, read from this file per call; None: the graph holds the table itself.
        self.table = WordTable(table) if table is not None else None
        self.version = f"onnxruntime {ort.__version__}"

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Texts of like length share a batch, so little of each batch is padding (longest
        # first). A batch also holds at most TOKENS_PER_BATCH tokens: attention needs
        # batch x 12 heads x tokens^2 floats and the feed-forward batch x tokens x 1,536, and
        # the arena keeps the largest call's buffers; short texts still go `batch_size` at a
        # time.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        start = 0
        while start < len(texts):
            rows = order[start:start + batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in rows])
            fit = max(1, min(len(rows), TOKENS_PER_BATCH // max(len(enc[0].ids), 1)))
            if fit < len(rows):
                rows = rows[:fit]
                enc = self.tokenizer.encode_batch([texts[i] for i in rows])  # padded to these
            out[rows] = self.session.run(None, self.feeds(enc))[0]
            start += len(rows)
        return out

    def feeds(self, encodings: list[Any]) -> dict[str, np.ndarray]:
        """The session's inputs for one call: the tokenizer's encodings of its texts (padded to
        the longest), and the word-embedding rows when the table is outside the graph."""
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "token_type_ids": np.zeros_like(ids),
                 "attention_mask": np.asarray([e.attention_mask for e in encodings], dtype=np.int64)}
        if self.table is not None:
            feeds[WORDS_INPUT] = self.table.lookup(ids)
        return feeds


def split_encoder(full: Path, model_path: Path, *, threads: int | None = None) -> OnnxEncoder:
    """The encoder of the fp32 export `full` with its word-embedding table outside the graph
    (tools/feedback/word_table.py: 47 MB less resident memory, the same floats). The split is
    made beside `full` once, and again when `full` is newer (a new export) or the split will
    not open; before it is kept its probe vectors are compared with `full`'s, and below
    SPLIT_TOLERANCE it is discarded (RuntimeError: the caller embeds with `full`)."""
    model, table = split_files(full)
    if model.exists() and table.exists() and model.stat().st_mtime_ns >= full.stat().st_mtime_ns:
        try:
            return OnnxEncoder(model, model_path, threads=threads, table=table)
        except Exception as exc:  # a truncated or foreign file: make it again
            log.warning("the cached split model %s is unreadable (%s); making it again",
                        model, type(exc).__name__)
    model.unlink(missing_ok=True)
    table.unlink(missing_ok=True)
    split_model(full, model, table)
    encoder = OnnxEncoder(model, model_path, threads=threads, table=table)
    whole = OnnxEncoder(full, model_path, threads=threads)
    least = float(np.min(np.sum(encoder.encode(list(PROBES)) * whole.encode(list(PROBES)), axis=1)))
    del whole
    release_free_memory()
    if not least >= SPLIT_TOLERANCE:
        encoder.table.close()  # type: ignore[union-attr]
        model.unlink(missing_ok=True)
        table.unlink(missing_ok=True)
        raise RuntimeError(f"the split model's vectors differ from the whole model's (least "
                           f"cosine {least:.7f} < {SPLIT_TOLERANCE})")
    log.info("word-embedding table split from %s (least cosine to the whole model %.7f)", full.name, least)
    return encoder


def export_onnx(model_path: Path, target: Path) -> ExportCheck:
    """Export the packaged weights to `target` and check them against torch on the probes.

    Raises RuntimeError when the check fails (nothing is written then); the file appears
    atomically, so a process reading the cache never sees half of one."""
    import onnxruntime as ort
    import torch
    from transformers import AutoModel

    started = time.perf_counter()
    # Eager attention traces to plain ops; the SDPA path bakes a Python branch into the graph.
    bert = AutoModel.from_pretrained(str(model_path), attn_implementation="eager").eval()

    class Pooled(torch.nn.Module):
        """The sentence-transformers pipeline of this model: BERT, mean pooling, L2 norm."""

        def __init__(self, inner: Any):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    model = Pooled(bert).eval()
    tok = _tokenizer(model_path)
    enc = tok.encode_batch(list(PROBES))
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    types = torch.zeros_like(ids)
    with torch.no_grad():
        expected = model(ids, mask, types).numpy()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".onnx.part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        axes = {0: "batch", 1: "tokens"}
        # The tracer warns about shapes it treats as constants (none matter: the check below
        # runs the file on texts of other lengths); on a terminal that is only noise.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                model, (ids[:2, :8], mask[:2, :8], types[:2, :8]), str(tmp),
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["embedding"], opset_version=17, dynamo=False,
                dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                              "embedding": {0: "batch"}},
            )
        session = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
        got = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy(),
                                 "token_type_ids": types.numpy()})[0]
        min_cos = float(np.min(np.sum(got * expected, axis=1)))
        if not min_cos >= TOLERANCE:
            raise RuntimeError(f"the ONNX export's vectors differ from torch's (least cosine "
                               f"{min_cos:.5f} < {TOLERANCE})")
        check = ExportCheck(min_cos, time.perf_counter() - started, torch.__version__, ort.__version__)
        target.with_suffix(".json").write_text(json.dumps(
            {"source": str(model_path), "min_cosine_vs_torch": check.min_cosine,
             "probes": len(PROBES), "torch": check.torch_version,
             "onnxruntime": check.onnxruntime_version, "export_seconds": round(check.seconds, 2)},
            indent=2))
        tmp.chmod(0o644)  # mkstemp makes it private; the cache is as readable as the model
        os.replace(tmp, target)
        return check
    finally:
        tmp.unlink(missing_ok=True)


def quantize_int8(source: Path, target: Path, model_path: Path) -> float:
    """Write the int8 version of the fp32 file `source` to `target` and return the least cosine
    of its probe vectors to fp32's. Raises RuntimeError below INT8_TOLERANCE (nothing is kept);
    the file appears atomically, as the fp32 export does."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    started = time.perf_counter()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".onnx.part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # Per channel: each weight column its own scale (per tensor, one outlier column squeezes
        # every other into a few levels). Gather's embedding table is quantised too (47 of the
        # 90 MB): it moved no measured vector beyond what the MatMuls alone did.
        with _quiet_quantiser():
            quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        tok = _tokenizer(model_path)
        enc = tok.encode_batch(list(PROBES))
        feed = {"input_ids": np.asarray([e.ids for e in enc], dtype=np.int64),
                "attention_mask": np.asarray([e.attention_mask for e in enc], dtype=np.int64)}
        feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        want = ort.InferenceSession(str(source), providers=["CPUExecutionProvider"]).run(None, feed)[0]
        got = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"]).run(None, feed)[0]
        min_cos = float(np.min(np.sum(got * want, axis=1)))
        if not min_cos >= INT8_TOLERANCE:
            raise RuntimeError(f"the int8 model's vectors differ from fp32's (least cosine "
                               f"{min_cos:.4f} < {INT8_TOLERANCE})")
        target.with_suffix(".json").write_text(json.dumps(
            {"source": str(source), "quantisation": "dynamic, int8 weights per channel",
             "min_cosine_vs_fp32": min_cos, "probes": len(PROBES), "onnxruntime": ort.__version__,
             "seconds": round(time.perf_counter() - started, 2)}, indent=2))
        tmp.chmod(0o644)
        os.replace(tmp, target)
        return min_cos
    finally:
        tmp.unlink(missing_ok=True)
        release_free_memory()


class _PreprocessAdvice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR


@contextmanager
def _quiet_quantiser() -> Iterator[None]:
    """The quantiser logs on the root logger, a line per tensor and advice for image models (a
    graph pre-pass that changes nothing measured here): noise in a terminal and in serve's log.
    Its errors still show."""
    advice = _PreprocessAdvice()
    root = logging.getLogger()
    root.addFilter(advice)
    try:
        yield
    finally:
        root.removeFilter(advice)
