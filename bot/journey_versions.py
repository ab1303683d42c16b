"""The journey store when several instances share PostgreSQL: one elected writer, readers on
published copies (the mechanism is tools/data/published.py; the design is in
docs/ARCHITECTURE.md, "Several instances").

For whatever writes the journey store (ingest today, the source sync job):

    with journey_writer(config, wait_seconds=600) as store:   # CLI: wait for the lock
        ingest(store, ...)
    # published as the next version when the block ends without an error

    with journey_writer(config) as store:                     # a scheduled job: skip when
        ...                                                   # another instance is writing
    # raises WriterBusy at once when another instance holds the writer lock

    publication = Publication()                                # a writer that may have
    with journey_writer(config, publication=publication) as store:   # written nothing, or
        report = sync(store, ...)                              # must act after publishing
        publication.wanted = report.rows_added > 0
        publication.then = progress.commit                     # still the only writer here
    publication.version                                        # what was published, or None

With one instance (no `[state] url`) `journey_writer` is just the journey store: no lock, no
publishing, the same code for the caller (`then` runs when the block ends).

For `journeybot serve`: `serving_store(config)` opens the newest published version, and a
`Follower` thread fetches newer ones and switches between answers.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot import metrics
from tools.core.errors import ToolUnavailable
from tools.data.published import (
    WRITER_LOCK,
    PublishedStore,
    Version,
    fetch,
    latest,
    prepare_working_copy,
    publish,
)

log = logging.getLogger(__name__)


class WriterBusy(ToolUnavailable):
    """Another instance is writing the journey store right now."""


@dataclass
class Publication:
    """What a writer tells `journey_writer`, and learns from it. `wanted = False` (set inside
    the block): nothing was written, so nothing is published. `then`: run after publishing,
    while this instance is still the only writer, so the next writer sees what it did (a sync
    moves its cursor there). `version`: what was published (None with one instance, or when
    nothing was)."""

    wanted: bool = True
    then: Callable[[], None] | None = None
    version: Version | None = None


def copies_dir(config: Any) -> Path:
    return config.home_path / "published"


def _me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@contextmanager
def journey_writer(config: Any, *, wait_seconds: float = 0.0, store: Any = None,
                   keep: int | None = None, publication: Publication | None = None) -> Iterator[Any]:
    """The journey store to write, as the only writer; publishes it afterwards when shared.
    `keep=1` drops every older published version (erasure: no old copy keeps the rows)."""
    publication = publication or Publication()
    if not config.shared:
        yield store if store is not None else config.open_store()
        if publication.then is not None:
            publication.then()
        return
    db = config.ops_db()
    deadline = time.monotonic() + wait_seconds
    lock = db.try_lock(WRITER_LOCK)
    while lock is None and time.monotonic() < deadline:
        time.sleep(0.5)
        lock = db.try_lock(WRITER_LOCK)
    if lock is None:
        raise WriterBusy("Another journeybot instance is writing the journey store right now; "
                         "try again when it has finished (its new version is published when it is done).")
    with lock:
        base = prepare_working_copy(db, config.store_path, copies_dir(config))
        log.info("writing the journey store on top of version %s", base.version if base else "none")
        working = config.open_store()
        yield working
        if publication.wanted:
            version = publish(db, working, publisher=_me(), keep=keep or config.state.keep_versions,
                              copies=copies_dir(config))
            publication.version = version
            log.info("published journey store version %d (%d bytes)", version.version, version.size)
        if publication.then is not None:
            publication.then()


def serving_store(config: Any) -> Any:
    """The store `journeybot serve` answers from: the journey store itself with one instance;
    with several, the newest published copy (an empty one when nothing was published yet)."""
    if not config.shared:
        return config.open_store()
    db = config.ops_db()
    newest = latest(db)
    folder = copies_dir(config)
    path = fetch(db, newest, folder) if newest else folder / "journey-v0.duckdb"
    folder.mkdir(parents=True, exist_ok=True)
    store = PublishedStore(path, version=newest, timezone=config.business.timezone,
                           memory_limit=config.store.memory_limit, threads=config.store.threads or None)
    metrics.store_version(newest.version if newest else 0, newest.published_at if newest else None)
    return store


class Follower:
    """Polls for newer published versions, fetches them and switches the serving store."""

    def __init__(self, config: Any, store: PublishedStore):
        self.config = config
        self.store = store
        self.db = config.ops_db()
        self.every = config.state.follow_seconds
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Follower:
        self._thread = threading.Thread(target=self._loop, name="journeybot-follower", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.poll()

    def poll(self) -> Version | None:
        """One look: switch to the newest version when it is newer; the version now served."""
        try:
            newest = latest(self.db)
            current = self.store.version.version if self.store.version else 0
            if newest is not None and newest.version > current:
                path = fetch(self.db, newest, copies_dir(self.config))
                if self.store.switch_to(path, newest):
                    log.info("now answering from journey store version %d", newest.version)
                    metrics.store_version(newest.version, newest.published_at)
                    self._tidy(newest)
            self.last_error = None
        except Exception as exc:
            self.last_error = f"{type(exc).__name__}: {str(exc)[:200]}"
            log.warning("could not follow the published journey store: %s", self.last_error)
        return self.store.version

    def _tidy(self, current: Version) -> None:
        """Older copies go: after the switch no answer reads them (switch_to waited for the
        answers on the old copy), and an erased customer must not linger in one."""
        for old in copies_dir(self.config).glob("journey-v*.duckdb"):
            try:
                number = int(old.stem.removeprefix("journey-v"))
            except ValueError:
                continue
            if number < current.version:
                old.unlink(missing_ok=True)
                Path(str(old) + ".wal").unlink(missing_ok=True)

    def problem(self) -> str | None:
        """For /ready: None while following works."""
        return self.last_error
