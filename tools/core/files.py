"""Replacing and removing files so their old bytes do not stay behind (erasure), and a file's
sha256 (model files, synced exports, saved models).

Unlinking a file frees its blocks without overwriting them; a later reader of the disk, or a
process that still has the file open, can read them. `shred` overwrites the file with zeros
and flushes before unlinking (best effort: copy-on-write and flash file systems may keep old
blocks elsewhere). `replace` swaps a rewritten file in and shreds the old one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHUNK = 1 << 20


def shred(path: Path) -> None:
    """Overwrite the file with zeros, flush it to disk and unlink it; nothing if it is absent."""
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        zeros = bytes(_CHUNK)
        left = size
        while left > 0:
            n = min(left, _CHUNK)
            fh.write(zeros[:n])
            left -= n
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def swap(fresh: Path, path: Path) -> Path | None:
    """Atomically put `fresh` in place of `path`; the old file stays reachable under a second
    name (returned) until it is shredded, so a process that still has it open is not disturbed.
    None when the file system has no hard links (the old inode is then only unlinked)."""
    old = path.with_name(path.name + ".old")
    shred(old)  # from a run killed half-way
    try:
        os.link(path, old)
    except OSError:
        old = None  # type: ignore[assignment]
    os.replace(fresh, path)
    return old


def replace(fresh: Path, path: Path) -> None:
    """`swap`, then shred the old bytes at once."""
    old = swap(fresh, path)
    if old is not None:
        shred(old)


def write_atomic(path: Path, content: bytes) -> None:
    """Write the file next to its final name and move it into place, so a full disk or a kill
    leaves either the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.writing")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file, read a block at a time (model files run to hundreds of MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
