"""The vendor export fixtures stay usable: every vendor has a documented main export and a held-back
one of the same files, each a well-formed UTF-8 CSV of 60-400 rows (see tests/fixtures/vendors/README.md)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"
VENDORS = sorted(p.name for p in MAIN.iterdir() if p.is_dir() and not p.name.startswith("_"))
FILES = [f for root in (MAIN, HELDOUT) for v in VENDORS for f in sorted((root / v).glob("*.csv"))]


def test_every_vendor_has_a_held_back_twin_with_the_same_files():
    assert {"shopify", "square", "stripe", "woocommerce", "zendesk", "typeform", "mailchimp"} <= set(VENDORS)
    for vendor in VENDORS:
        main = sorted(p.name for p in (MAIN / vendor).glob("*.csv"))
        assert main and main == sorted(p.name for p in (HELDOUT / vendor).glob("*.csv")), vendor
        assert "https://" in (MAIN / vendor / "SOURCE.md").read_text(encoding="utf-8")
        assert "must not tune" in (HELDOUT / vendor / "SOURCE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_export_is_a_well_formed_csv_of_60_to_400_rows(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert len(set(header)) == len(header)
    assert 60 <= len(rows) <= 400
    assert {len(r) for r in rows} == {len(header)}


@pytest.mark.parametrize("vendor", VENDORS)
def test_held_back_export_comes_from_another_shop(vendor: str):
    for main in (MAIN / vendor).glob("*.csv"):
        held = HELDOUT / vendor / main.name
        main_rows = set(main.read_text(encoding="utf-8").splitlines()[1:])
        assert not main_rows & set(held.read_text(encoding="utf-8").splitlines()[1:])
