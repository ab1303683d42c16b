"""File sources: a folder inbox and a CSV or JSON URL.

An inbox is a folder another tool (or an SFTP upload) drops exports into. Each sync loads every
file in it once, in name order, each in its own transaction, then moves it to `done/` (with
several instances, once the writer has published it), or to `failed/` with `<file>.reason.txt`
beside it saying what was wrong. A file whose bytes were
loaded before (dropped twice) is moved to `done/` without loading it again. Files still being
written (`.part`, `.tmp`, `.filepart`, `.crdownload`, names starting with `.` or `~$`) wait for
the next sync.

A URL is fetched over HTTPS with the ETag and Last-Modified of the last fetch, so an unchanged
file costs one small request; changed bytes are loaded, unchanged ones are not.

What a file becomes: the source's mapping or recipe when it names one, else the vendor export
its header is recognised as, else the journey table its name says (customers.csv, orders.csv).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tools.core.errors import IngestError, JourneyError, Problem
from tools.core.files import sha256_of
from tools.core.stages import TouchpointMap
from tools.data.ingest import IngestReport, Load, erased_text, ingest_loads
from tools.data.mapping import Mapping
from tools.data.schema import TABLES
from tools.data.store import JourneyStore
from tools.data.vendors.catalogue import read_header, recognise
from tools.data.vendors.load import ingest_export
from tools.sources.http import Client, SourceError
from tools.sources.spec import SourceSpec
from tools.sources.state import SourceState

WAITING = (".part", ".tmp", ".filepart", ".crdownload", ".partial")
DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet")


@dataclass(frozen=True)
class FileOutcome:
    file: str
    status: str  # loaded | unchanged | failed
    rows_added: int = 0
    message: str = ""

    def to_text(self) -> str:
        return f"{self.file}: {self.status}" + (f" ({self.message})" if self.message else "")


def load_file(store: JourneyStore, path: Path, spec: SourceSpec, mappings: dict[str, Mapping],
              touchpoints: TouchpointMap | None) -> tuple[list[IngestReport], str]:
    """Load one file the way the source says; returns the reports and what it was taken as."""
    if spec.mapping:
        if spec.mapping not in mappings:
            raise IngestError([Problem(str(path), f"the source names mapping {spec.mapping!r}, which is "
                                                  f"not in the config ([mappings.{spec.mapping}])")])
        m = mappings[spec.mapping].model_copy(update={"name": spec.name})
        return ingest_loads(store, [Load(path, m)], touchpoints=touchpoints), f"mapping {spec.mapping}"
    if spec.recipe or recognise(read_header(path)) is not None or path.stem.lower() not in TABLES:
        report = ingest_export(store, path, recipe=spec.recipe, name=spec.name, touchpoints=touchpoints)
        return list(report.reports), report.recipe.title
    table = path.stem.lower()
    m = Mapping(table=table, name=spec.name, unknown_customers="create")  # type: ignore[arg-type]
    return ingest_loads(store, [Load(path, m)], touchpoints=touchpoints), f"the {table} table"


def added(reports: list[IngestReport]) -> int:
    return sum(r.inserted + r.updated for r in reports)


def newest_loaded(store: JourneyStore, reports: list[IngestReport], name: str) -> Any:
    """The newest record time among the rows this source has in the tables just loaded."""
    times = []
    for table in {r.table for r in reports}:
        col = TABLES[table].time_column
        if col:
            times.append(store.scalar(f'SELECT max("{col}") FROM "{table}" WHERE source = ?', [name]))
    times = [t for t in times if t is not None]
    return max(times) if times else None




# -- inbox ----------------------------------------------------------------------------


def inbox_files(folder: Path) -> list[Path]:
    """The files waiting in the inbox, oldest name first."""
    if not folder.is_dir():
        raise SourceError("inbox folder missing", f"{folder} does not exist or is not a folder")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))
                  and not p.name.endswith(WAITING) and not p.name.endswith(".reason.txt"))


def sync_inbox(store: JourneyStore, spec: SourceSpec, state: SourceState, mappings: dict[str, Mapping],
               touchpoints: TouchpointMap | None) -> list[FileOutcome]:
    folder = Path(str(spec.path)).expanduser()
    out = []
    for path in inbox_files(folder):
        if path.is_symlink():
            # Whoever can drop files in the inbox could link to any file this process can read
            # and get its first line back in the note below (or load it): links are not read.
            # The link is removed, not kept in failed/, where the erasure's pass over files would follow it.
            why = (f"{path.name} was a symbolic link; an inbox loads only files put in it, so it was not read "
                   "and the link was removed.")
            (folder / "failed").mkdir(exist_ok=True)
            path.unlink()
            (folder / "failed" / f"{path.name}.reason.txt").write_text(f"{why}\n", encoding="utf-8")
            out.append(FileOutcome(path.name, "failed", 0, why))
            continue
        digest = sha256_of(path)
        before = state.file_loaded(spec.name, digest)
        if before is not None:
            _move(path, folder / "done")
            out.append(FileOutcome(path.name, "unchanged", 0, f"the same bytes were loaded on {before:%Y-%m-%d %H:%M} UTC"))
            continue
        try:
            reports, what = load_file(store, path, spec, mappings, touchpoints)
        except JourneyError as exc:
            where = _move(path, folder / "failed")
            where.with_name(where.name + ".reason.txt").write_text(
                f"{path.name} was not loaded; nothing from it was written.\n\n{exc}\n", encoding="utf-8")
            out.append(FileOutcome(path.name, "failed", 0, str(exc).splitlines()[0]))
            continue
        rows = added(reports)
        state.record_file(spec.name, digest, path.name, rows)
        state.save_cursor(spec.name, None, rows=rows, newest=newest_loaded(store, reports, spec.name))
        state.once_durable(lambda path=path: _move(path, folder / "done"))
        out.append(FileOutcome(path.name, "loaded", rows, f"as {what}: " + _loaded(reports)))
    return out


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    if target.exists():
        target = folder / f"{path.stem}.{time.strftime('%Y%m%dT%H%M%S')}{path.suffix}"
    shutil.move(str(path), target)
    return target


# -- url ------------------------------------------------------------------------------


def sync_url(store: JourneyStore, spec: SourceSpec, state: SourceState, client: Client,
             mappings: dict[str, Mapping], touchpoints: TouchpointMap | None,
             cursor: dict[str, Any]) -> tuple[FileOutcome, dict[str, Any]]:
    headers = {}
    if cursor.get("etag"):
        headers["If-None-Match"] = cursor["etag"]
    if cursor.get("last_modified"):
        headers["If-Modified-Since"] = cursor["last_modified"]
    r = client.get(str(spec.url), raw=True, headers=headers)
    name = Path(urlsplit(str(spec.url)).path).name or spec.name
    if r.status == 304:
        return FileOutcome(name, "unchanged", 0, "not modified since the last sync"), cursor
    new_cursor = {k: v for k, v in (("etag", r.headers.get("etag")),
                                    ("last_modified", r.headers.get("last-modified"))) if v}
    body: bytes = r.body or b""
    digest = hashlib.sha256(body).hexdigest()
    before = state.file_loaded(spec.name, digest)
    if before is not None:
        return FileOutcome(name, "unchanged", 0, f"same content as loaded on {before:%Y-%m-%d %H:%M} UTC"), new_cursor
    with tempfile.TemporaryDirectory(prefix="journeybot-url-") as tmp:
        path = Path(tmp) / _local_name(name, r.headers.get("content-type", ""), body, spec)
        path.write_bytes(_as_lines(body) if path.suffix == ".jsonl" else body)
        reports, what = load_file(store, path, spec, mappings, touchpoints)
    rows = added(reports)
    state.record_file(spec.name, digest, name, rows)
    state.save_cursor(spec.name, new_cursor, rows=rows, newest=newest_loaded(store, reports, spec.name))
    return FileOutcome(name, "loaded", rows, f"as {what}: " + _loaded(reports)), new_cursor


def _loaded(reports: list[IngestReport]) -> str:
    """"orders 12 new, 0 updated, 1 erased customer left out (2 rows)"; each table loaded."""
    return "; ".join(f"{r.table} {r.inserted:,} new, {r.updated:,} updated"
                     + (f", {erased_text(r.erased, r.erased_rows)}" if r.erased else "") for r in reports)


def _local_name(name: str, content_type: str, body: bytes, spec: SourceSpec) -> str:
    """A file name ingest can read: the table name when the source maps nothing and the URL's
    name says a table, and a suffix from the URL or the content type."""
    stem = Path(name).stem or spec.name
    suffix = Path(name).suffix.lower()
    if suffix not in DATA_SUFFIXES:
        suffix = ".jsonl" if "json" in content_type or body.lstrip()[:1] in (b"[", b"{") else ".csv"
    if suffix == ".json":
        suffix = ".jsonl"
    return f"{stem}{suffix}"


def _as_lines(body: bytes) -> bytes:
    """A JSON array (what most sheet-to-JSON services publish) as JSON lines."""
    text = body.decode("utf-8-sig").strip()
    if not text.startswith("["):
        return text.encode()
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError([Problem("download", f"not valid JSON: {exc}")]) from None
    if isinstance(records, dict):
        records = [records]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
