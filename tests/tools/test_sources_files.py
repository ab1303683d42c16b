"""File sources: a folder inbox (each file once, then done/ or failed/ with the reason) and a
CSV or JSON URL on a local HTTP server (ETag, changed and unchanged content, redirects)."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from tools.data.mapping import Mapping
from tools.data.store import JourneyStore
from tools.sources.spec import SourceSpec
from tools.sources.state import SourceState
from tools.sources.sync import probe_source, sync_source

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"


@pytest.fixture
def shop() -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/London")
    yield s
    s.close()


@pytest.fixture
def state() -> SourceState:
    return SourceState(None)


def test_inbox_loads_each_file_once_and_files_it_away(tmp_path, shop, state):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(VENDORS / "shopify" / "orders_export.csv", inbox / "orders_export.csv")
    (inbox / "customers.csv").write_text("customer_id,city\nC1,Bath\nC2,Bristol\n")
    (inbox / "orders.csv").write_text("order_id,customer_id,ts,amount\nX1,C1,2026-05-01,-3\n")
    (inbox / "upload.csv.part").write_text("still arriving")
    spec = SourceSpec(name="drop", kind="inbox", path=str(inbox))
    report = sync_source(shop, spec, state)
    d = pd.read_csv(VENDORS / "shopify" / "orders_export.csv", dtype=str, keep_default_na=False)
    shopify_orders = ((d["Financial Status"] != "") & (d["Payment Method"] != "bogus")).sum()
    assert shop.count("orders") == shopify_orders and shop.count("customers") >= 2
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["customers.csv", "orders_export.csv"]
    assert [p.name for p in (inbox / "failed").iterdir()] == ["orders.csv", "orders.csv.reason.txt"]
    reason = (inbox / "failed" / "orders.csv.reason.txt").read_text()
    assert "row 1, column 'amount'" in reason and "nothing from it was written" in reason
    assert (inbox / "upload.csv.part").exists()  # still being written: left for the next sync
    # a refused file makes the sync say so, with the good files loaded all the same
    assert not report.ok and report.error == "1 of 3 files refused" and "orders.csv" in report.detail
    assert {f.status for f in report.files} == {"loaded", "failed"}
    assert set(shop.query("SELECT DISTINCT source FROM orders")["source"]) == {"drop"}


def test_a_file_dropped_twice_is_loaded_once(tmp_path, shop, state):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    spec = SourceSpec(name="drop", kind="inbox", path=str(inbox))
    shutil.copy(VENDORS / "zendesk" / "tickets.csv", inbox / "tickets-monday.csv")
    first = sync_source(shop, spec, state)
    assert first.ok and first.rows_added > 0
    before = shop.counts()
    shutil.copy(VENDORS / "zendesk" / "tickets.csv", inbox / "tickets-tuesday.csv")
    second = sync_source(shop, spec, state)
    assert second.ok and second.rows_added == 0 and second.files[0].status == "unchanged"
    assert shop.counts() == before
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["tickets-monday.csv", "tickets-tuesday.csv"]


def test_a_missing_inbox_folder_is_a_failed_sync_with_the_reason(tmp_path, shop, state):
    report = sync_source(shop, SourceSpec(name="drop", kind="inbox", path=str(tmp_path / "nope")), state)
    assert not report.ok and report.error == "inbox folder missing"
    assert state.get("drop").failing


class _Files:
    """A local web server with one file at /sheet.csv (ETag from its bytes) and a redirect."""

    def __init__(self) -> None:
        self.body = b""
        self.content_type = "text/csv; charset=utf-8"
        self.requests: list[dict[str, str]] = []
        files = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                files.requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
                if self.path == "/published":
                    self.send_response(307)
                    self.send_header("Location", "/sheet.csv")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(files.body).hexdigest() + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", files.content_type)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(files.body)))
                self.end_headers()
                self.wfile.write(files.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def web() -> Iterator[_Files]:
    files = _Files()
    yield files
    files.server.shutdown()
    files.server.server_close()


def test_a_published_sheet_syncs_when_it_changes(web, shop, state):
    web.body = b"Customer Ref,Town\nC1,Bath\nC2,Bristol\n"
    mappings = {"crm": Mapping(table="customers", columns={"customer_id": "Customer Ref", "city": "Town"})}
    spec = SourceSpec(name="sheet", kind="url", url=f"{web.url}/published", mapping="crm")
    first = sync_source(shop, spec, state, mappings=mappings)
    assert first.ok and shop.count("customers") == 2, first.to_text()
    again = sync_source(shop, spec, state, mappings=mappings)
    assert again.ok and again.rows_added == 0 and again.files[0].status == "unchanged"
    assert web.requests[-1].get("if-none-match")  # asked with the ETag: a 304, no download
    web.body = b"Customer Ref,Town\nC1,Bath\nC2,Bristol\nC3,Frome\n"
    third = sync_source(shop, spec, state, mappings=mappings)
    assert third.rows_added == 1 and shop.count("customers") == 3


def test_a_json_url_and_a_vendor_export_url(web, shop, state):
    web.body = b'[{"customer_id": "C1", "city": "Bath"}, {"customer_id": "C2", "city": "Leeds"}]'
    web.content_type = "application/json"
    spec = SourceSpec(name="crm", kind="url", url=f"{web.url}/customers.json")
    assert sync_source(shop, spec, state).ok and shop.count("customers") == 2
    web.body = (VENDORS / "stripe" / "unified_payments.csv").read_bytes()
    web.content_type = "text/csv"
    stripe = SourceSpec(name="payments", kind="url", url=f"{web.url}/export")
    report = sync_source(shop, stripe, state)
    assert report.ok and "Stripe payments export" in report.files[0].message


def test_plain_http_is_refused_except_from_this_computer():
    with pytest.raises(ValueError, match="https"):
        SourceSpec(name="sheet", kind="url", url="http://example.com/sheet.csv")
    SourceSpec(name="sheet", kind="url", url="https://docs.google.com/spreadsheets/d/x/pub?output=csv")


def test_probe_reads_without_writing(web, shop, state, tmp_path):
    web.body = b"a,b\n1,2\n"
    text = probe_source(SourceSpec(name="sheet", kind="url", url=f"{web.url}/sheet.csv"))
    assert "8 bytes" in text
    (tmp_path / "inbox").mkdir()
    assert "0 files waiting" in probe_source(SourceSpec(name="drop", kind="inbox", path=str(tmp_path / "inbox")))
    assert shop.is_empty() and state.all() == {}
