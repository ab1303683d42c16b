"""Results computed from the journey store, kept while the data they were computed from is
unchanged.

The digest, the alert check, App Home and people asking the same question again all ask for
the same analyses of the same data; recomputing them is most of the time an answer takes.
A result is cached under (store, data version, analysis, parameters). The data version is the
counter every write to the journey tables bumps (`JourneyStore.data_version`: ingest, sync,
erasure, in the same transaction as the write), so a load makes every earlier entry unreachable
the moment it commits, in this process and in any other reading the same file: nothing has to
be told to forget. Entries of old versions fall out as the least recently used.

Only analyses that depend on nothing but the journey tables and their parameters belong here
(funnel, KPIs, trends, ...); anything reading the feedback store, models, saved personas or the
clock is computed every time. Callers get the same object back on a hit, so results must be
treated as read-only (they are frozen dataclasses and models).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tools.data.store import JourneyStore

T = TypeVar("T")
MAX_ENTRIES = 256


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


class ResultCache:
    """A bounded, thread-safe map from (store, data version, analysis, params) to a result."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self.stats = CacheStats()
        self._entries: OrderedDict[tuple[str, int, str, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, store: JourneyStore, analysis: str, params: Any,
                       compute: Callable[[], T]) -> T:
        """The cached result of `analysis` with `params` on the store's current data, computed
        by `compute()` when there is none. Errors are not cached: they are raised each time.
        In-memory stores (tests, scratch work) are not cached: they are written to directly."""
        if store.path is None:
            return compute()
        key = (str(store.path.resolve()), store.data_version(), analysis, _params_key(params))
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.stats.hits += 1
                return self._entries[key]
            self.stats.misses += 1
        # Computed outside the lock: two threads asking at once both compute, which is cheaper
        # than making every other analysis wait behind a slow one.
        value = compute()
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def _params_key(params: Any) -> str:
    if hasattr(params, "model_dump"):
        params = params.model_dump(mode="json")
    return json.dumps(params, sort_keys=True, default=str)


# The process's cache: the Slack server, the scheduler and the command line share it.
RESULTS = ResultCache()


def cached(store: JourneyStore, analysis: str, params: Any, compute: Callable[[], T]) -> T:
    return RESULTS.get_or_compute(store, analysis, params, compute)
