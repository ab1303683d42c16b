"""Results computed from the journey store, kept while the data they were computed from is
unchanged.

The digest, the alert check, App Home and people asking the same question again all ask for
the same analyses of the same data; recomputing them is most of the time an answer takes.
A result is cached under (store, data version, analysis, parameters, business profile). The
data version is the counter every write to the journey tables bumps (`JourneyStore.data_version`:
ingest, sync, erasure, in the same transaction as the write), so a load makes every earlier
entry unreachable the moment it commits, in this process and in any other reading the same
file: nothing has to be told to forget. Entries of old versions fall out as the least recently
used.

Only analyses that depend on nothing but the journey tables and their parameters belong here
(funnel, KPIs, trends, ...); anything reading the feedback store, models, saved personas or the
clock is computed every time. Callers get the same object back on a hit, so results must be
treated as read-only (they are frozen dataclasses and models).

The few a digest reads also outlive the process (`keep=True`): inside `RESULTS.keeping(store)`
(the retrain job, the scheduled digest) they are saved in the journey store under the same
data version, and any later process finds them there before computing
(tools/data/saved_results.py). Outside `keeping` nothing is ever written: a dry run only reads.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from tools.data.saved_results import profile_key
from tools.data.store import JourneyStore

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ENTRIES = 256


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    saved_hits: int = 0  # of the misses in memory, those read from the journey store


class ResultCache:
    """A bounded, thread-safe map from (store, data version, analysis, params) to a result."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self.stats = CacheStats()
        self._entries: OrderedDict[tuple[str, int, str, str, str], Any] = OrderedDict()
        self._lock = threading.Lock()
        # (store path, data version, profile) -> what the journey store had saved, read once
        self._saved: dict[tuple[str, int, str], dict[tuple[str, str], Any]] = {}
        # store path -> one {(data version, analysis, params key): result} per open `keeping`
        # (the retrain job and a scheduled digest may keep at once, on two threads)
        self._keeping: dict[str, list[dict[tuple[int, str, str], Any]]] = {}

    def get_or_compute(self, store: JourneyStore, analysis: str, params: Any,
                       compute: Callable[[], T], keep: bool = False) -> T:
        """The cached result of `analysis` with `params` on the store's current data, computed
        by `compute()` when there is none. Errors are not cached: they are raised each time.
        In-memory stores (tests, scratch work) are not cached: they are written to directly.
        With `keep`, a result saved in the journey store by an earlier process is read before
        computing, and one computed or found inside `keeping(store)` is saved when it ends."""
        if store.path is None:
            return compute()
        path, version, pkey = str(store.path.resolve()), store.data_version(), _params_key(params)
        # The business profile too: a new time zone rebuilds the sessions (and so every day's
        # numbers) without a new data version (JourneyStore.set_profile). The key the saved
        # results are filed under, so the two caches can never disagree on what a profile is.
        key = (path, version, analysis, pkey, profile_key(store))
        with self._lock:
            found = key in self._entries
            if found:
                self._entries.move_to_end(key)
                self.stats.hits += 1
                value = self._entries[key]
            else:
                self.stats.misses += 1
        if not found and keep:
            saved = self._saved_of(store, path, version)
            if (analysis, pkey) in saved:
                value, found = saved[(analysis, pkey)], True
                with self._lock:
                    self.stats.saved_hits += 1
                self._put(key, value)
        if not found:
            # Computed outside the lock: two threads asking at once both compute, which is
            # cheaper than making every other analysis wait behind a slow one.
            value = compute()
            self._put(key, value)
        if keep:
            with self._lock:
                for kept in self._keeping.get(path, ()):
                    kept[(version, analysis, pkey)] = value
        return value

    def _put(self, key: tuple[str, int, str, str, str], value: Any) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def _saved_of(self, store: JourneyStore, path: str, version: int) -> dict[tuple[str, str], Any]:
        """What the journey store has saved for this data version: one read per version (a
        process that saved since finds its results in memory anyway)."""
        from tools.data import saved_results

        memo = (path, version, profile_key(store))
        with self._lock:
            if memo in self._saved:
                return self._saved[memo]
        saved = saved_results.load(store, version)
        with self._lock:
            self._saved = {k: v for k, v in self._saved.items() if k[0] != path}  # older versions: never again
            self._saved[memo] = saved
        return saved

    @contextlib.contextmanager
    def keeping(self, store: JourneyStore) -> Iterator[None]:
        """Save the `keep` results this block computes or reads from `store` in the store, for
        other processes (tools/data/saved_results.py). For the jobs that write anyway (the
        retrain job, the scheduled digest), never for a dry run."""
        if store.path is None:
            yield
            return
        path = str(store.path.resolve())
        kept: dict[tuple[int, str, str], Any] = {}
        with self._lock:
            self._keeping.setdefault(path, []).append(kept)
        try:
            yield
            with self._lock:  # another thread may still be adding to it
                mine = dict(kept)
            if mine:
                from tools.data import saved_results

                version = max(v for v, _, _ in mine)  # a load in between: only the newest counts
                try:
                    saved_results.save(store, version, {(a, p): value for (v, a, p), value in mine.items()
                                                        if v == version})
                except Exception as exc:  # a store busy or read-only: the work done stands, unsaved
                    log.warning("could not save results for other processes: %s", exc)
        finally:
            with self._lock:
                self._keeping[path] = [k for k in self._keeping[path] if k is not kept]
                if not self._keeping[path]:
                    del self._keeping[path]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._saved.clear()

    def __len__(self) -> int:
        return len(self._entries)


def _params_key(params: Any) -> str:
    if hasattr(params, "model_dump"):
        params = params.model_dump(mode="json")
    return json.dumps(params, sort_keys=True, default=str)


# The process's cache: the Slack server, the scheduler and the command line share it.
RESULTS = ResultCache()


def cached(store: JourneyStore, analysis: str, params: Any, compute: Callable[[], T], keep: bool = False) -> T:
    return RESULTS.get_or_compute(store, analysis, params, compute, keep=keep)
