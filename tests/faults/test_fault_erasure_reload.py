"""Fault: an erased customer came back when the owner loaded their old export again.

After `journeybot forget C100`, the export it came from (still on the owner's disk, and at
the vendor) is loaded again through `journeybot ingest` and through an inbox source: C100's
rows are left out, the load says so, C1000 (whose id holds C100's) loads as before, and the
journey store's bytes never hold C100, not even in the ledger that keeps them out (a salted
hash). Counts are checked against the export read with pandas.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main

CUSTOMERS = "customer_id,First Name,Last Name,Email\nC100,Ann,Lee,a@x.com\nC1000,Joann,Leeds,aa@x.com\nC7,Bo,Quist,bo@x.org\n"
ORDERS = ("order_id,customer_id,ts,amount\nO1,C100,2026-05-02 10:00,20\nO2,C1000,2026-05-02 11:00,35\n"
          "O3,C100,2026-05-04 09:00,12.5\nO4,C7,2026-05-03 12:00,8\nO5,C1000,2026-05-05 12:00,9\n")
SURVEYS = ("survey_id,customer_id,ts,csat,text\nV1,C100,2026-05-03 18:00,1,The parcel came soaked through twice\n"
           "V2,C1000,2026-05-03 19:00,5,Early and friendly\n")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def theirs(export: Path, customer: str) -> int:
    """Rows of one customer in an export, read independently of journeybot."""
    frame = pd.read_csv(export, dtype=str)
    return int((frame["customer_id"] == customer).sum())


def c100_outside_c1000(path: Path) -> int:
    data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())
    return data.count(b"C100") - data.count(b"C1000")


@pytest.fixture
def erased(home: Path, tmp_path: Path):
    """Two customers loaded from an export kept outside the data folder, then C100 erased."""
    home.mkdir(parents=True)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (home / "config.toml").write_text(f'[[sources]]\nname = "drop"\nkind = "inbox"\npath = "{inbox}"\n')
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name, body in (("customers", CUSTOMERS), ("orders", ORDERS), ("surveys", SURVEYS)):
        (downloads / f"{name}.csv").write_text(body)
    first = run("ingest", "--folder", str(downloads))
    assert first.exit_code == 0, first.output
    assert "erased" not in first.output
    store = home / "journey.duckdb"
    before = _c1000(store)
    assert before["orders"] == theirs(downloads / "orders.csv", "C1000") == 2
    assert before.pop("C100 anywhere") == 4  # the set-up loaded them
    forgot = run("forget", "C100", "--yes")
    assert forgot.exit_code == 0, forgot.output
    assert c100_outside_c1000(store) == 0
    return downloads, inbox, store, before


def _c1000(store: Path) -> dict[str, object]:
    from tools.data.store import JourneyStore

    js = JourneyStore(store, timezone="Europe/London")
    try:
        out: dict[str, object] = {t: js.scalar(f"SELECT count(*) FROM {t} WHERE customer_id = 'C1000'")
                                  for t in ("customers", "orders", "surveys")}
        out["C100 anywhere"] = sum(js.scalar(f"SELECT count(*) FROM {t} WHERE customer_id = 'C100'")
                                   for t in ("customers", "orders", "events", "surveys", "tickets"))
        out["amount"] = js.scalar("SELECT sum(amount) FROM orders WHERE customer_id = 'C1000'")
        return out
    finally:
        js.close()


def test_fault_erased_customer_stays_out_of_an_ingest_of_the_old_export(erased):
    downloads, _, store, before = erased
    again = run("ingest", "--folder", str(downloads))
    assert again.exit_code == 0, again.output
    for table in ("customers", "orders", "surveys"):
        rows = theirs(downloads / f"{table}.csv", "C100")
        line = next(ln for ln in again.output.splitlines() if ln.startswith(table))
        assert f"1 erased customer left out ({rows} row{'s' if rows != 1 else ''})" in line, again.output
    after = _c1000(store)
    assert after.pop("C100 anywhere") == 0
    assert after == before
    assert c100_outside_c1000(store) == 0  # the ledger holds a salted hash, never the id


def test_fault_erased_customer_stays_out_of_an_inbox_sync_of_the_old_export(erased):
    downloads, inbox, store, before = erased
    shutil.copy(downloads / "orders.csv", inbox / "orders.csv")
    synced = run("sources", "sync", "drop", "--here")
    assert synced.exit_code == 0, synced.output
    rows = theirs(downloads / "orders.csv", "C100")
    assert f"1 erased customer left out ({rows} rows)" in synced.output, synced.output
    after = _c1000(store)
    assert after.pop("C100 anywhere") == 0
    assert after == before
    assert c100_outside_c1000(store) == 0


def test_fault_erasing_again_says_the_customer_was_erased_before(erased):
    again = run("forget", "C100", "--yes")
    assert again.exit_code == 1
    assert "Nothing is stored for customer 'C100'" in again.output
    assert "erased before" in again.output
    # Someone never stored is not reported as erased.
    nobody = run("forget", "C999", "--yes")
    assert nobody.exit_code == 1 and "erased before" not in nobody.output


def test_fault_erased_customer_stays_out_of_a_text_file_indexed_again(erased, tmp_path, minilm):
    from bot.config import load_config

    _, _, store, _ = erased
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("review_id,customer_id,date,comment\n"
                       "R1,C100,2026-05-06,The parcel came soaked through twice again\n"
                       "R2,C1000,2026-05-06,Early and friendly again\n")
    indexed = run("feedback", "index", "--file", str(reviews), "--name", "reviews", "--map", "text=comment",
                  "--map", "id=review_id", "--map", "ts=date", "--map", "customer_id=customer_id")
    assert indexed.exit_code == 0, indexed.output
    assert "1 erased customer left out" in indexed.output
    got = load_config().open_feedback().get({"source": {"$eq": "reviews"}}, documents=True)
    assert [m["customer_id"] for m in got["metadatas"]] == ["C1000"]
