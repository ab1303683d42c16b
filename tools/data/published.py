"""Published versions of the journey store, for several instances sharing one PostgreSQL.

DuckDB is a file that one process writes at a time, and two machines cannot share it. So with
a shared database journeybot keeps one writer and many readers:

- The writer (whoever holds the "journey-writer" lock, tools/core/opsdb.py `try_lock`) brings
  its working copy up to the newest published version, writes (ingest, a sync), checkpoints
  the file and publishes it: the whole file, in chunks, into the operational database in one
  transaction, with its sha256. A version is either all there or not there at all.
- Readers download a version they do not have into their own data folder, check it, and
  switch to it between answers (`PublishedStore.hold` / `switch_to`): an answer that started
  on version 5 finishes on version 5, the next one starts on 6.

The cost is a copy of the whole file per version in PostgreSQL (the newest `keep` versions
are kept) and one download per reader, so it suits journey stores of a few hundred MB; data is
as fresh as the last publish plus one poll interval. docs/ARCHITECTURE.md has the design.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

from tools.core.errors import ToolUnavailable
from tools.core.opsdb import OpsDB
from tools.data.store import JourneyStore

CHUNK_BYTES = 4 * 1024 * 1024
WRITER_LOCK = "journey-writer"
VERSION_KEY = "journey_version"

METADATA = MetaData()
Table("journey_versions", METADATA,
      Column("version", Integer, primary_key=True, autoincrement=False),
      Column("published_at", Float, nullable=False), Column("publisher", String, nullable=False),
      Column("sha256", String, nullable=False), Column("size", BigInteger, nullable=False),
      Column("chunks", Integer, nullable=False), Column("counts", Text, nullable=False))
Table("journey_chunks", METADATA,
      Column("version", Integer, primary_key=True, autoincrement=False),
      Column("seq", Integer, primary_key=True, autoincrement=False),
      Column("data", LargeBinary, nullable=False))


@dataclass(frozen=True)
class Version:
    version: int
    published_at: float
    publisher: str
    sha256: str
    size: int
    counts: dict[str, int]

    def file_name(self) -> str:
        return f"journey-v{self.version}.duckdb"


def latest(db: OpsDB) -> Version | None:
    """The newest complete published version, or None when nothing was published yet."""
    db.create(METADATA)
    with db.read() as con:
        row = con.execute(text(
            "SELECT version, published_at, publisher, sha256, size, counts FROM journey_versions "
            "ORDER BY version DESC LIMIT 1")).first()
    if row is None:
        return None
    return Version(int(row[0]), float(row[1]), row[2], row[3], int(row[4]), json.loads(row[5]))


def local_version(path: Path) -> int | None:
    """The published version a journey store file is a copy of (None: never published)."""
    if not path.exists():
        return None
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = ?", [VERSION_KEY]).fetchone()
    except duckdb.CatalogException:
        row = None
    finally:
        con.close()
    return int(row[0]) if row else None


def publish(db: OpsDB, store: JourneyStore, *, publisher: str, keep: int = 2,
            copies: Path | None = None) -> Version:
    """Publish the writer's journey store as the next version. The caller holds the writer
    lock. The version number is written into the file first, so every copy knows what it is;
    `copies` (the writer's folder of published copies) gets the file too, saving it a download."""
    assert store.path is not None, "an in-memory store cannot be published"
    db.create(METADATA)
    current = latest(db)
    number = (current.version if current else 0) + 1
    counts = store.counts()
    with store.connect() as con:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [VERSION_KEY, str(number)])
        con.execute("CHECKPOINT")
    digest, size, chunks = hashlib.sha256(), 0, 0
    with db.write(lock="journey-publish") as con, store.path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK_BYTES), b""):
            con.execute(text("INSERT INTO journey_chunks (version, seq, data) VALUES (:v, :s, :d)"),
                        {"v": number, "s": chunks, "d": chunk})
            digest.update(chunk)
            size += len(chunk)
            chunks += 1
        version = Version(number, time.time(), publisher, digest.hexdigest(), size, counts)
        con.execute(text(
            "INSERT INTO journey_versions (version, published_at, publisher, sha256, size, chunks, counts) "
            "VALUES (:v, :t, :p, :h, :n, :c, :counts)"),
            {"v": number, "t": version.published_at, "p": publisher, "h": version.sha256, "n": size,
             "c": chunks, "counts": json.dumps(counts)})
        con.execute(text("DELETE FROM journey_chunks WHERE version <= :old"), {"old": number - keep})
        con.execute(text("DELETE FROM journey_versions WHERE version <= :old"), {"old": number - keep})
    if copies is not None:
        copies.mkdir(parents=True, exist_ok=True)
        _atomic_copy(store.path, copies / version.file_name())
    return version


def fetch(db: OpsDB, version: Version, folder: Path) -> Path:
    """The version as a file in `folder`: downloaded, checked against its sha256 and renamed
    into place in one step, so a reader never opens half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / version.file_name()
    if final.exists() and final.stat().st_size == version.size:
        return final
    part = final.with_suffix(f".part{os.getpid()}")
    digest = hashlib.sha256()
    with part.open("wb") as out, db.read() as con:
        seq = 0
        while True:
            data = con.execute(text("SELECT data FROM journey_chunks WHERE version = :v AND seq = :s"),
                               {"v": version.version, "s": seq}).scalar()
            if data is None:
                break
            out.write(bytes(data))
            digest.update(bytes(data))
            seq += 1
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != version.sha256:
        part.unlink(missing_ok=True)
        raise ToolUnavailable(f"journey store version {version.version} changed or went away while it was "
                              "downloaded; a newer one will be fetched")
    os.replace(part, final)
    return final


def prepare_working_copy(db: OpsDB, path: Path, copies: Path) -> Version | None:
    """Before writing: make the writer's working copy the newest published version, unless it
    is that version already. A working copy that was never published (data loaded before the
    instances shared a database) is kept beside, not overwritten."""
    newest = latest(db)
    if newest is None:
        return None
    mine = local_version(path)
    if mine is not None and mine >= newest.version:
        return newest
    if path.exists() and mine is None:
        os.replace(path, path.with_name(f"{path.name}.unpublished-{int(time.time())}"))
    _atomic_copy(fetch(db, newest, copies), path)
    for extra in (path.with_name(path.name + ".wal"),):
        extra.unlink(missing_ok=True)
    return newest


def _atomic_copy(source: Path, target: Path) -> None:
    part = target.with_name(f"{target.name}.part{os.getpid()}")
    with source.open("rb") as src, part.open("wb") as dst:
        for chunk in iter(lambda: src.read(CHUNK_BYTES), b""):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(part, target)


class PublishedStore(JourneyStore):
    """A journey store that answers from a published copy and switches to a newer one only
    between answers: `hold()` around everything one answer reads, `switch_to()` waits until no
    answer holds the current copy (new answers wait for the switch, which takes a moment)."""

    def __init__(self, path: str | Path, *, version: Version | None = None, **kwargs: Any):
        super().__init__(path, **kwargs)
        self.version = version
        self._readers = 0
        self._switching = False
        self._cond = threading.Condition()

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        with self._cond:
            while self._switching:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    def switch_to(self, path: Path, version: Version, *, timeout: float = 30.0) -> bool:
        """Answer from `path` from the next answer on; False when answers kept the current copy
        busy for `timeout` seconds (try again later)."""
        with self._cond:
            self._switching = True
            try:
                if not self._cond.wait_for(lambda: self._readers == 0, timeout):
                    return False
                with self._lock:  # no query of a caller outside hold() is half-way either
                    self.path = Path(path)
                    self.version = version
                return True
            finally:
                self._switching = False
                self._cond.notify_all()


@contextlib.contextmanager
def held(store: Any) -> Iterator[None]:
    """`store.hold()` when the store switches versions, else nothing to hold."""
    hold = getattr(store, "hold", None)
    if hold is None:
        yield
        return
    with hold():
        yield
