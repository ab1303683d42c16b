"""Erasure reaches the files inbox sources keep (waiting, done/, failed/ and refusal reasons),
on vendor exports journeybot did not write; counts checked with pandas over the raw files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from tools.data.keys import customer_key
from tools.privacy.files import erase_in_files, kept_files
from tools.privacy.needles import Needles

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "drop"
    (folder / "done").mkdir(parents=True)
    (folder / "failed").mkdir()
    shutil.copy(VENDORS / "shopify" / "orders_export.csv", folder / "done" / "orders_export.csv")
    shutil.copy(VENDORS / "zendesk" / "tickets.csv", folder / "tickets.csv")  # waiting for the next sync
    bad = folder / "failed" / "orders_broken.csv"
    bad.write_text("not,a\n\"broken", encoding="utf-8")
    (folder / "failed" / "orders_broken.csv.reason.txt").write_text(
        "orders_broken.csv was not loaded; nothing from it was written.\n\n"
        "row 2: marta86@posteo.de has no order time\nrow 3: a price is not a number\n", encoding="utf-8")
    return folder, [folder]


def forget(places, customer_id: str, emails: tuple[str, ...] = ()):
    needles = Needles(customer_id, (("id", customer_id), *(("email", e) for e in emails)))
    return erase_in_files(None, places, needles)


def _raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_an_email_customer_leaves_every_kept_file(inbox):
    folder, spec = inbox
    email = "marta86@posteo.de"
    orders_before = _raw(folder / "done" / "orders_export.csv")
    theirs = int((orders_before["Email"].str.lower() == email).sum())
    assert theirs >= 2  # an order of two line items: both rows are theirs

    # journeybot knows a vendor-export customer by the key of their email (tools/data/keys.py)
    done = forget(spec, customer_key(email), (email,))

    orders_after = _raw(folder / "done" / "orders_export.csv")
    assert len(orders_after) == len(orders_before) - theirs
    assert done.rows == {str(folder / "done" / "orders_export.csv"): theirs}
    assert orders_after.drop(columns=[]).equals(
        orders_before[orders_before["Email"].str.lower() != email].reset_index(drop=True))
    reason = (folder / "failed" / "orders_broken.csv.reason.txt").read_text()
    assert email not in reason and "a price is not a number" in reason
    assert done.notes
    assert all(email.encode() not in p.read_bytes() for p in kept_files(folder, tables_only=False))


def test_a_vendor_id_customer_is_found_in_the_vendors_id_column(inbox):
    folder, spec = inbox
    tickets = _raw(folder / "tickets.csv")
    requester = tickets["Requester id"].iloc[0]
    theirs = int((tickets["Requester id"] == requester).sum())
    others = tickets[tickets["Requester id"] != requester]

    done = forget(spec, f"zendesk-{requester}")

    after = _raw(folder / "tickets.csv")
    assert len(after) == len(tickets) - theirs and done.rows[str(folder / "tickets.csv")] == theirs
    assert sorted(after["Id"]) == sorted(others["Id"])  # nobody else's ticket went
    assert requester not in (folder / "tickets.csv").read_text()


def test_a_customer_in_no_file_changes_nothing_and_says_so(inbox):
    folder, spec = inbox
    before = {p: p.read_bytes() for p in kept_files(folder, tables_only=False)}
    done = forget(spec, "C999999", ("nobody@example.org",))
    assert done.rows == {} and not done.deleted and not done.notes
    assert {p: p.read_bytes() for p in kept_files(folder, tables_only=False)} == before
    with pytest.raises(ValueError):
        forget(spec, "  ")


def test_an_unreadable_file_that_names_them_is_deleted(inbox):
    folder, spec = inbox
    junk = folder / "failed" / "export.xlsx"
    junk.write_bytes(b"PK\x03\x04 binary ... marta86@posteo.de ...")
    done = forget(spec, customer_key("marta86@posteo.de"), ("marta86@posteo.de",))
    assert str(junk) in done.deleted and not junk.exists()
