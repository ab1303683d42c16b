"""Give freed memory back to the operating system.

CPython and native libraries (onnxruntime, torch, tokenizers) allocate through the C
library's malloc. glibc keeps freed blocks in its arenas for reuse, so after a large model is
dropped the process's resident memory often stays where it was; `malloc_trim(0)` returns the
free pages at the top of every arena and the unused pages inside them. Elsewhere (musl, macOS,
Windows) there is nothing portable to call and collecting garbage is all that is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys

_LIBC: ctypes.CDLL | None | bool = None


def _libc() -> ctypes.CDLL | None:
    global _LIBC
    if _LIBC is None:
        _LIBC = False
        if sys.platform.startswith("linux"):
            try:
                lib = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                lib.malloc_trim.argtypes = [ctypes.c_size_t]
                lib.malloc_trim.restype = ctypes.c_int
                _LIBC = lib
            except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
                _LIBC = False
    return _LIBC or None


def release_free_memory() -> bool:
    """Collect garbage, then trim the C heap; True when the heap was trimmed (glibc)."""
    gc.collect()
    return trim_heap()


def trim_heap() -> bool:
    """Trim the C heap only (every thread's arena): milliseconds, and the GIL is released
    meanwhile (ctypes), so a server may call it often; a full garbage collection would pause
    every thread. True when the heap was trimmed (glibc)."""
    lib = _libc()
    if lib is None:
        return False
    lib.malloc_trim(0)
    return True


_M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)


def limit_arenas(count: int) -> bool:
    """At most `count` malloc arenas for the threads started from now on (glibc's
    MALLOC_ARENA_MAX, set from inside the process). glibc gives threads that allocate at once
    arenas of their own, up to 8 per core, and each keeps its freed pages apart from the others;
    a server answering on many threads holds the sum. True when set (glibc)."""
    lib = _libc()
    if lib is None:
        return False
    return bool(lib.mallopt(_M_ARENA_MAX, int(count)))
