"""`journeybot serve` indexes survey and ticket texts on its own thread, never inside an answer.

    indexer = FeedbackIndexer(config, store, feedback, classify=...).start()
    indexer.request()      # after a load (a sync job, start-up, a question finding texts missing)
    indexer.reading        # True from a request until the feedback store has caught up

A request while indexing runs is remembered and runs once more afterwards, so texts loaded
mid-way are read too; any number of requests meanwhile make one more run. Progress goes to the
log every tenth of the way. A failed run is logged and left for the next request: answers go
on from what is indexed and say how much that is (bot/agent/feedback_tools.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from tools.core.heap import trim_heap
from tools.data.published import held

log = logging.getLogger(__name__)


class _Stopped(Exception):
    """The server is stopping: the run ends after the batch under way (which is stored)."""


class FeedbackIndexer:
    def __init__(self, config: Any, store: Any, feedback: Any, *,
                 classify: Callable[[list[str]], Any] | None = None):
        self.config = config
        self.store = store
        self.feedback = feedback  # the FeedbackStore answers read, so they see each batch
        self.classify = classify
        self.last_report: Any = None
        self.last_error: str | None = None
        self._wanted = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stop = threading.Event()
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> FeedbackIndexer:
        self._thread = threading.Thread(target=self._loop, name="journeybot-feedback-index", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        """End the embedding process (serve runs the model in one) and the run under way:
        a run left embedding in this process while the interpreter exits has onnxruntime's
        threads torn down under it ("terminate called without an active exception", exit
        code 134). Without a child process the run stops after the batch under way."""
        self._stop.set()
        self._wanted.set()
        embedder = getattr(self.feedback, "embedder", None)
        if getattr(embedder, "in_child", False):
            embedder.release(now=True)  # the batch under way fails at once: the run ends
        if self._thread is not None:
            self._thread.join(timeout)

    def request(self) -> None:
        """Bring the feedback store in line with the journey store soon (returns at once)."""
        with self._guard:
            self._idle.clear()
            self._wanted.set()

    @property
    def reading(self) -> bool:
        """A run is asked for or under way."""
        return not self._idle.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Until no run is asked for or under way (tests, benchmarks); False on timeout."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wanted.wait()
            if self._stop.is_set():
                break
            self._wanted.clear()
            self.run_once()
            with self._guard:
                if not self._wanted.is_set():
                    self._idle.set()

    def run_once(self) -> Any:
        """One run in this thread: read the texts, embed what is new. Returns the report."""
        from tools.feedback.documents import STORE_SOURCES, documents_from_store
        from tools.feedback.index import index_documents, store_names

        started = time.perf_counter()
        step = {"next": 0.1, "again": 0.1}

        def progress(label: str, fraction: float) -> None:
            if self._stop.is_set():  # called after each stored batch: a stop ends the run here
                raise _Stopped
            # Each batch's texts, scores and metadata are freed once written, and answers
            # free their frames meanwhile; glibc keeps those pages unless trimmed (about 30 MB
            # of a serve at 1M events while it indexed, issue 22). Milliseconds, GIL released.
            trim_heap()
            if label.endswith("re-embedding"):  # the encoder's precision changed (tools/feedback/reembed.py)
                if fraction >= step["again"]:
                    log.info("feedback index: %d%% of the stored texts embedded again with the configured "
                             "encoder", int(fraction * 100))
                    step["again"] = (int(fraction * 10) + 1) / 10
            elif label.endswith("embedding") and fraction >= step["next"]:
                log.info("feedback index: %d%% of the new texts embedded", int(fraction * 100))
                step["next"] = (int(fraction * 10) + 1) / 10

        try:
            with held(self.store):  # one journey store version for the read; embedding holds none
                docs = documents_from_store(self.store, STORE_SOURCES)
                names = store_names(self.store)
            report = index_documents(self.feedback, docs, sources=STORE_SOURCES, prune=True,
                                     chunk_words=self.config.feedback.chunk_words,
                                     classify=self.classify, progress=progress, names=names)
        except _Stopped:
            log.info("feedback index stopped with the server after %.1f s; the texts not yet "
                     "embedded are read at the next start", time.perf_counter() - started)
            return None
        except Exception as exc:  # the next load or question asks again; answers go on meanwhile
            if self._stop.is_set():  # the embedding process was ended under the run by stop()
                log.info("feedback index stopped with the server after %.1f s; the texts not "
                         "yet embedded are read at the next start", time.perf_counter() - started)
                return None
            self.last_error = f"{type(exc).__name__}: {str(exc)[:200]}"
            log.warning("feedback index failed after %.1f s: %s", time.perf_counter() - started,
                        self.last_error)
            return None
        self.last_report, self.last_error = report, None
        if report.added or report.updated or report.removed:
            log.info("%s", report.to_text().splitlines()[0])
        return report
