"""Syncs asked of a running `journeybot serve` from a terminal.

`serve` holds the journey store while it answers; a terminal loading into the same file would
make its answers wait for the file (DuckDB lets one process write it). So `journeybot sources
sync` hands the sync to the running serve when there is one (tools/sources/state.py
`SyncRequests`): serve beats every second, takes the requests, runs each as its scheduled job
would (freshness judged, alerts posted, a passing failure retried) and leaves the report for the
terminal to print.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)


class SyncRequestLoop:
    def __init__(self, scheduler: Any, every: float = 1.0):
        from bot.sources import source_state
        from tools.sources.state import SyncRequests

        self.scheduler = scheduler
        self.every = every
        self.requests = SyncRequests(source_state(scheduler.config))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journeybot-sync-requests", daemon=True)

    def start(self) -> None:
        # Beat once before returning: a terminal asking right after serve started finds it.
        try:
            self.requests.beat()
        except Exception:
            log.exception("sync request loop: first beat")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)
        try:
            self.requests.leave()
        except Exception:
            log.exception("could not sign off the sync request loop")

    def _run(self) -> None:
        from tools.core.results import to_jsonable

        while not self._stop.is_set():
            try:
                self.requests.beat()
                for request_id, name in self.requests.take():
                    try:
                        result = self.scheduler.run_sync(name)
                        report = {**to_jsonable(result), "text": result.to_text()}
                    except Exception as exc:  # an unknown name, a bug: the terminal gets the reason
                        log.exception("requested sync of %s failed", name)
                        report = {"name": name, "ok": False, "error": type(exc).__name__, "detail": str(exc),
                                  "text": f"{name}: sync failed: {exc}"}
                    self.requests.done(request_id, report)
            except Exception:
                log.exception("sync request loop")
            self._stop.wait(self.every)
