"""One sync of one source: fetch what is new, load it through the validated ingest, remember
where to start next time, and record how it went.

Exactly-once in effect: each page (or file) is written in its own transaction and only then is
the cursor moved past it, so a sync that dies between the two fetches that page again next time,
and ingest's idempotent upsert leaves the store as if it had been loaded once. A page ingest
refuses stops the sync with the cursor before it, so nothing after a bad page is skipped over.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from tools.core.errors import JourneyError, ToolUnavailable
from tools.core.stages import TouchpointMap
from tools.core.text import counted
from tools.data.ingest import IngestReport, Load, ingest_loads
from tools.data.mapping import Mapping
from tools.data.store import JourneyStore
from tools.sources.files import FileOutcome, sync_inbox, sync_url
from tools.sources.http import Client, HttpSettings, RateLimited, SourceError, Unreachable
from tools.sources.pages import Connector, Page
from tools.sources.spec import SourceSpec
from tools.sources.state import SourceState, SyncBusy

Credentials = dict[str, str]  # "token" and any other secret a source needs, read by bot/config/loading.py


def connector(kind: str) -> Connector:
    if kind == "shopify":
        from tools.sources.shopify import Shopify

        return Shopify()
    if kind == "zendesk":
        from tools.sources.zendesk import Zendesk

        return Zendesk()
    if kind == "typeform":
        from tools.sources.typeform import Typeform

        return Typeform()
    raise ValueError(f"no API connector for {kind!r}")


@dataclass(frozen=True)
class SyncReport:
    name: str
    kind: str
    ok: bool
    rows_added: int
    records: int  # records fetched (API) or files seen (inbox, url)
    pages: int
    requests: int
    seconds: float
    error: str | None = None  # the reason in a few words
    detail: str | None = None
    files: tuple[FileOutcome, ...] = field(default=())
    busy: bool = False  # another sync of this source was running: nothing done
    retry: bool = False  # failed for a passing reason (vendor down, rate limit, store busy): try again soon
    published: int | None = None  # several instances: the journey store version its rows went out in
    erased_rows: int = 0  # API sources: rows of customers erased by `journeybot forget`, left out

    def to_text(self) -> str:
        if self.busy:
            return f"{self.name}: not synced, {self.detail}"
        done = f"{self.name}: {'synced' if self.ok else 'sync failed'}, {self.rows_added:,} rows added or changed"
        if self.kind in ("inbox", "url"):
            head = f"{done} from {counted(self.records, 'file')} ({self.seconds:.1f} s)"
        else:
            head = (f"{done} from {self.records:,} records ({self.pages} pages, {self.requests} requests, "
                    f"{self.seconds:.1f} s)")
        lines = [head]
        if self.published is not None:
            lines.append(f"  published as journey store version {self.published}")
        if self.erased_rows:
            lines.append(f"  {self.erased_rows:,} row{'s' if self.erased_rows != 1 else ''} of erased customers "
                         "left out (they stay erased; erase them at the vendor too)")
        if self.error:
            lines.append(f"  error: {self.error}" + (f" — {self.detail}" if self.detail else ""))
        lines += [f"  {f.to_text()}" for f in self.files]
        return "\n".join(lines)


def sync_source(store: JourneyStore, spec: SourceSpec, state: SourceState, *,
                credentials: Credentials | None = None, mappings: dict[str, Mapping] | None = None,
                touchpoints: TouchpointMap | None = None, settings: HttpSettings | None = None,
                on_page: Callable[[Page], None] | None = None) -> SyncReport:
    """Sync one source now. Failures are recorded in `state` and returned, not raised (the
    report says why); only a crash of the process itself leaves the run to be taken over.
    `state` is the SourceState, or a StagedProgress (tools/sources/staged.py) when the writer
    publishes the store afterwards and the progress must wait for that."""
    started = time.perf_counter()
    try:
        run = state.begin(spec.name, spec.kind)
    except SyncBusy as exc:
        return SyncReport(spec.name, spec.kind, False, 0, 0, 0, 0, 0.0, busy=True, detail=str(exc))
    progress = _Progress()
    client: Client | None = None
    try:
        if spec.kind == "inbox":
            progress.files = sync_inbox(store, spec, state, mappings or {}, touchpoints)
        else:
            client = _client(spec, credentials or {}, settings)
            if spec.kind == "url":
                status = state.get(spec.name)
                outcome, _ = sync_url(store, spec, state, client, mappings or {}, touchpoints,
                                      status.cursor if status else {})
                progress.files = [outcome]
            else:
                _sync_api(store, spec, state, client, touchpoints, progress, on_page)
    except (SourceError, JourneyError) as exc:
        if isinstance(exc, SourceError):
            short, detail = exc.short, str(exc).removeprefix(exc.short).lstrip(": ")
        else:
            short, detail = ("journey store busy" if isinstance(exc, ToolUnavailable) else "data refused"), str(exc)
        retry = isinstance(exc, (Unreachable, RateLimited, ToolUnavailable))
        return _finish(state, run, spec, progress, started, client, error=short, detail=detail, retry=retry)
    except Exception as exc:  # a bug: record it so freshness says the source stopped, then raise
        _finish(state, run, spec, progress, started, client, error=type(exc).__name__, detail=str(exc)[:300])
        raise
    except BaseException:
        state.release(spec.name)  # interrupted: the next sync takes the run over
        raise
    failed = [f for f in progress.files if f.status == "failed"]
    if failed:
        return _finish(state, run, spec, progress, started, client,
                       error=f"{len(failed)} of {len(progress.files)} files refused",
                       detail="; ".join(f.to_text() for f in failed)[:500])
    return _finish(state, run, spec, progress, started, client)


@dataclass
class _Progress:
    rows: int = 0
    erased_rows: int = 0  # rows of erased customers the vendor sent again, left out
    records: int = 0
    pages: int = 0
    files: list[FileOutcome] = field(default_factory=list)


def _client(spec: SourceSpec, credentials: Credentials, settings: HttpSettings | None) -> Client:
    if spec.kind == "url":
        return Client(spec.what, {}, settings)
    token = credentials.get("token")
    if not token:
        raise SourceError("no token", f"set the environment variable {spec.token_env} to the "
                          f"{connector(spec.kind).vendor} access token")
    c = connector(spec.kind)
    return Client(c.vendor, c.headers(spec, token, credentials), settings, getattr(c, "throttle", None))


def _sync_api(store: JourneyStore, spec: SourceSpec, state: SourceState, client: Client,
              touchpoints: TouchpointMap | None, progress: _Progress,
              on_page: Callable[[Page], None] | None) -> None:
    status = state.get(spec.name)
    cursor = status.cursor if status else {}
    with TemporaryDirectory(prefix=f"journeybot-{spec.name}-") as tmp:
        for n, page in enumerate(connector(spec.kind).pages(client, spec, cursor)):
            reports = load_page(store, spec, page, Path(tmp) / f"page{n}", touchpoints)
            rows = sum(r.inserted + r.updated for r in reports)
            progress.erased_rows += sum(r.erased_rows for r in reports)
            state.save_cursor(spec.name, page.cursor, rows=rows, newest=page.newest)
            progress.rows += rows
            progress.records += page.records
            progress.pages += 1
            if on_page is not None:
                on_page(page)


def load_page(store: JourneyStore, spec: SourceSpec, page: Page, folder: Path,
              touchpoints: TouchpointMap | None) -> list[IngestReport]:
    """The page's rows into the journey tables, in one transaction; a report per table."""
    loads = []
    folder.mkdir(parents=True, exist_ok=True)
    for i, batch in enumerate(page.batches):
        if batch.rows.empty:
            continue
        path = folder / f"{batch.table}{i}.parquet"
        batch.rows.astype({c: "string" for c in batch.rows.columns if batch.rows[c].dtype == object}) \
            .to_parquet(path, index=False)
        m: dict[str, Any] = {"table": batch.table, "name": spec.name, "unknown_customers": "create", **batch.mapping}
        loads.append(Load(path, Mapping.model_validate(m)))
    if not loads:
        return []
    return ingest_loads(store, loads, touchpoints=touchpoints)


def _finish(state: SourceState, run: int, spec: SourceSpec, p: _Progress, started: float,
            client: Client | None, *, error: str | None = None, detail: str | None = None,
            retry: bool = False) -> SyncReport:
    rows = p.rows + sum(f.rows_added for f in p.files)
    requests = client.requests if client else 0
    if client is not None:
        client.close()
    state.finish(run, spec.name, ok=error is None, rows=rows,
                 error=None if error is None else error + (f": {detail}" if detail else ""))
    return SyncReport(spec.name, spec.kind, error is None, rows, p.records or len(p.files), p.pages, requests,
                      time.perf_counter() - started, error, detail, tuple(p.files), retry=retry,
                      erased_rows=p.erased_rows)


def probe_source(spec: SourceSpec, *, credentials: Credentials | None = None,
                 settings: HttpSettings | None = None) -> str:
    """One cheap look at the source, writing nothing: can it be reached, with these credentials?"""
    if spec.kind == "inbox":
        from tools.sources.files import inbox_files

        waiting = inbox_files(Path(str(spec.path)).expanduser())
        return f"inbox {spec.path} is readable; {counted(len(waiting), 'file')} waiting"
    with _client(spec, credentials or {}, settings) as client:
        if spec.kind == "url":
            r = client.get(str(spec.url), raw=True)
            size = len(r.body or b"")
            return f"fetched {spec.url}: {size:,} bytes ({r.headers.get('content-type', 'unknown type')})"
        return connector(spec.kind).probe(client, spec)
