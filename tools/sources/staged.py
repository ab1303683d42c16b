"""A sync's progress held back until the rows it describes are published.

With one journey store a page is kept for good when ingest commits it, so the cursor moves
right after (tools/sources/sync.py). With several instances the writer loads into its working
copy, and the rows reach everyone only when that copy is published (tools/data/published.py).
A writer that died between the two would leave the shared cursor past rows nobody else has:
the next writer, on another machine, starts from the last published version and would never
fetch them again. So the elected writer syncs through a `StagedProgress`: cursor moves, loaded
files, inbox files going to done/ and the run's end wait in memory, and `commit()` applies them
after publishing. A crash before that leaves the cursor where the published data ends; the next
sync fetches those pages again and ingest's idempotent upsert absorbs them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from tools.sources.state import SourceState, SourceStatus


class StagedProgress:
    """The SourceState interface a sync uses, with every write of progress held back."""

    def __init__(self, state: SourceState):
        self.state = state
        self._cursors: list[tuple[str, dict[str, Any] | None, int, dt.datetime | None, float]] = []
        self._files: dict[tuple[str, str], tuple[str, int, float]] = {}
        self._actions: list[Callable[[], None]] = []
        self._finish: dict[str, Any] | None = None

    # -- what sync_source calls ------------------------------------------------------------
    def get(self, name: str) -> SourceStatus | None:
        status = self.state.get(name)
        cursor = next((c for n, c, *_ in reversed(self._cursors) if n == name and c is not None), None)
        return dataclasses.replace(status, cursor=cursor) if status and cursor is not None else status

    def begin(self, name: str, kind: str, *, now: float | None = None) -> int:
        return self.state.begin(name, kind, now=now)

    def save_cursor(self, name: str, cursor: dict[str, Any] | None, *, rows: int = 0,
                    newest: dt.datetime | None = None, now: float | None = None) -> None:
        self._cursors.append((name, cursor, rows, newest, time.time() if now is None else now))

    def file_loaded(self, name: str, sha256: str) -> dt.datetime | None:
        staged = self._files.get((name, sha256))
        if staged is not None:
            return dt.datetime.fromtimestamp(staged[2], dt.UTC)
        return self.state.file_loaded(name, sha256)

    def record_file(self, name: str, sha256: str, file: str, rows: int, *, now: float | None = None) -> None:
        self._files.setdefault((name, sha256), (file, rows, time.time() if now is None else now))

    def once_durable(self, action: Callable[[], None]) -> None:
        self._actions.append(action)

    def finish(self, run_id: int, name: str, *, ok: bool, rows: int, error: str | None = None,
               now: float | None = None) -> None:
        # The claim on the source is kept until commit or abandon: nobody may start this
        # source's next sync from a cursor that has not moved yet.
        self._finish = {"run_id": run_id, "name": name, "ok": ok, "rows": rows, "error": error,
                        "now": time.time() if now is None else now}

    def release(self, name: str) -> None:
        self.state.release(name)

    # -- after the writer -------------------------------------------------------------------
    def commit(self) -> None:
        """The rows are published: move the cursors, record the files, file the inbox's files
        away and end the run."""
        for name, cursor, rows, newest, now in self._cursors:
            self.state.save_cursor(name, cursor, rows=rows, newest=newest, now=now)
        for (name, sha256), (file, rows, now) in self._files.items():
            self.state.record_file(name, sha256, file, rows, now=now)
        for action in self._actions:
            action()
        self._settle()

    def abandon(self, error: str) -> None:
        """Publishing failed (or the sync raised): nothing staged is kept, so the next sync
        starts where the published data ends; the run ends failed, with `error` unless it had
        failed for a reason of its own already."""
        if self._finish is not None:
            if self._finish["ok"]:
                self._finish.update(ok=False, error=error)
            self._finish["rows"] = 0
        self._settle()

    def _settle(self) -> None:
        self._cursors, self._files, self._actions = [], {}, []
        finish, self._finish = self._finish, None
        if finish is not None:
            self.state.finish(finish.pop("run_id"), finish.pop("name"), **finish)
