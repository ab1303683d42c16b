"""serve caps glibc's malloc arenas (issue 22): threads that allocate at once share them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Eight threads allocating at once, then glibc's own report of its arenas (to stderr).
PROBE = r"""
import ctypes, sys, threading
sys.path.insert(0, sys.argv[2])
from tools.core.heap import limit_arenas
if sys.argv[1] != "default":
    assert limit_arenas(int(sys.argv[1]))
start = threading.Barrier(8)
def work():
    start.wait()
    for _ in range(200):
        blocks = [bytearray(5000) for _ in range(200)]
        del blocks
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
ctypes.CDLL("libc.so.6").malloc_stats()
"""


def _arenas(limit: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROBE, limit, str(ROOT)], capture_output=True, text=True,
                         check=True, timeout=120)
    return sum(line.startswith("Arena ") for line in out.stderr.splitlines())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's arenas")
def test_threads_share_the_arenas_serve_allows():
    uncapped = _arenas("default")
    if uncapped == 0:
        pytest.skip("not glibc (no malloc_stats report)")
    assert uncapped > 2  # glibc's own choice: an arena per thread that allocates at once
    assert _arenas("2") == 2
