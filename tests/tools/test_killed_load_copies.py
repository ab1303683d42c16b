"""A load killed midway leaves its copy of the rows (texts before redaction) in the data
folder's tmp/: `forget` shreds the copy that holds the customer (its raw check used to find it
and stop with "erasure is not complete"), and the next load clears the copies of dead loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main

REVIEWS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors" / "google_reviews" / "reviews.json"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def left_copy(home: Path, pid: int) -> Path:
    """A copy as documents.as_rows writes it: the document's records as JSON lines."""
    folder = home / "tmp" / f"journeybot-doc-{pid}-k1ll3d"
    folder.mkdir(parents=True)
    rows = json.loads(REVIEWS.read_text(encoding="utf-8"))["reviews"]
    (folder / "reviews.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                          encoding="utf-8")
    return folder


def test_forget_shreds_a_killed_loads_copy_that_holds_the_customer(home, tmp_path):
    crm = tmp_path / "customers.csv"
    crm.write_text("customer_id,email,city\nC1001,ann.lee@example.com,Leeds\nC1002,bo@example.com,York\n")
    assert run("ingest", "--no-index", "customers", str(crm)).exit_code == 0
    copy = home / "tmp" / f"journeybot-doc-{dead_pid()}-k1ll3d"
    copy.mkdir(parents=True)
    (copy / "rows.jsonl").write_text('{"customer": "C1001", "email": "ann.lee@example.com", "text": "late again"}\n'
                                     '{"customer": "C1002", "email": "bo@example.com", "text": "lovely"}\n')

    out = run("forget", "C1001", "--yes")

    assert out.exit_code == 0, out.output
    assert "not complete" not in out.output and "tmp/" in out.output
    assert not (copy / "rows.jsonl").exists()


def test_a_load_clears_the_copies_of_dead_loads_and_keeps_a_running_ones(home):
    import os

    dead, running = left_copy(home, dead_pid()), left_copy(home, os.getpid())
    assert run("ingest", "--no-index", str(REVIEWS)).exit_code == 0
    assert not dead.exists()
    assert running.exists()
