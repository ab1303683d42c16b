"""serve's memory (issue 22): Arrow's buffers come from malloc, which serve's trims hand back."""

from __future__ import annotations

import pandas as pd
import pytest

from bot.cli.serve import arrow_from_malloc


def test_serve_takes_arrow_buffers_from_malloc_and_frees_them_when_a_frame_goes():
    pa = pytest.importorskip("pyarrow")
    previous = pa.default_memory_pool()
    try:
        arrow_from_malloc()
        pool = pa.default_memory_pool()
        assert pool.backend_name == "system"  # glibc's malloc: malloc_trim gives its pages back
        held = pool.bytes_allocated()
        frame = pd.DataFrame({"text": [f"the parcel came late, order {i}" for i in range(50_000)]})
        assert frame["text"].str.len().sum() > 0
        assert pool.bytes_allocated() - held > 1_000_000  # pandas' strings live in Arrow's buffers
        same = frame["text"].str.upper().str.lower().equals(frame["text"])  # strings work as before
        del frame
        assert same
        assert pool.bytes_allocated() == held
    finally:
        pa.set_memory_pool(previous)
