"""The default sample (seed 7, 100k events, 180 days) loaded once per test session, for the
tests that check behaviour on it (alert backtest, digest)."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path


@functools.lru_cache(maxsize=1)
def sample_store():
    """(in-memory JourneyStore, folder with the sample files incl. incidents.json)."""
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    folder = Path(tempfile.mkdtemp(prefix="journeybot-sample-"))
    generate_sample(folder, SampleSpec())
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    import atexit

    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return store, folder


@functools.lru_cache(maxsize=1)
def bank_store():
    """The small sample (5,000 events, last day 2026-11-15) the question banks are written
    against, loaded once per session. Read-only: tests that write make their own."""
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    folder = Path(tempfile.mkdtemp(prefix="journeybot-bank-"))
    generate_sample(folder, SampleSpec(events=5000))
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    import atexit

    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return store
