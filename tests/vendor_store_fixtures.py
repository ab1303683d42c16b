"""The vendor store shared by the tests of splits on real vendor exports (test_split_tables.py,
test_group_gaps_predict.py), a plugin of tests/conftest.py: a conftest.py under tests/tools
would shadow the `conftest` module that tests import."""

from __future__ import annotations

from pathlib import Path

import pytest

VENDORS = Path(__file__).resolve().parent / "fixtures" / "vendors"


@pytest.fixture(scope="module")
def vendor(tmp_path_factory):
    """The Shopify customers and orders exports plus the Mailchimp activity export, loaded as
    downloaded into one store (Europe/Berlin), with a model registry beside it; no model is
    trained."""
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export
    from tools.predict.registry import ModelRegistry

    store = JourneyStore(None, timezone="Europe/Berlin")
    for export in ("shopify/customers_export.csv", "shopify/orders_export.csv", "mailchimp/email_activity.csv"):
        ingest_export(store, VENDORS / export)
    yield store, ModelRegistry(store, tmp_path_factory.mktemp("models"))
    store.close()
