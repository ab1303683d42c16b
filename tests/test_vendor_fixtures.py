"""The vendor export fixtures stay usable: every vendor has a documented main export and a held-back
one of the same files, each a well-formed UTF-8 CSV of 60-400 rows, or a JSON document of 60-400
records (Google Takeout's reviews.json; see tests/fixtures/vendors/README.md)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"
VENDORS = sorted(p.name for p in MAIN.iterdir() if p.is_dir() and not p.name.startswith("_"))
FILES = [f for root in (MAIN, HELDOUT) for v in VENDORS for f in sorted((root / v).glob("*.csv"))]
DOCUMENTS = [f for root in (MAIN, HELDOUT) for v in VENDORS for f in sorted((root / v).glob("*.json"))]


def exports(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".csv", ".json"))


def test_every_vendor_has_a_held_back_twin_with_the_same_files():
    assert {"shopify", "square", "stripe", "woocommerce", "zendesk", "typeform", "mailchimp"} <= set(VENDORS)
    for vendor in VENDORS:
        main = exports(MAIN / vendor)
        assert main and main == exports(HELDOUT / vendor), vendor
        assert "https://" in (MAIN / vendor / "SOURCE.md").read_text(encoding="utf-8")
        assert "must not tune" in (HELDOUT / vendor / "SOURCE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_export_is_a_well_formed_csv_of_60_to_400_rows(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert len(set(header)) == len(header)
    assert 60 <= len(rows) <= 400
    assert {len(r) for r in rows} == {len(header)}


def records(path: Path) -> list:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_document_is_one_json_list_of_60_to_400_records(path: Path):
    rows = records(path)
    assert 60 <= len(rows) <= 400 and all(isinstance(r, dict) for r in rows)


@pytest.mark.parametrize("vendor", VENDORS)
def test_held_back_export_comes_from_another_shop(vendor: str):
    for main in (MAIN / vendor).glob("*.csv"):
        held = HELDOUT / vendor / main.name
        main_rows = set(main.read_text(encoding="utf-8").splitlines()[1:])
        assert not main_rows & set(held.read_text(encoding="utf-8").splitlines()[1:])
    for main in (MAIN / vendor).glob("*.json"):
        def keys(path: Path) -> set[str]:
            return {json.dumps(r, sort_keys=True) for r in records(path)}
        assert not keys(main) & keys(HELDOUT / vendor / main.name)
