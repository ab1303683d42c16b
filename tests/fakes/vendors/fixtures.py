"""pytest fixtures for the fake vendor APIs, loaded by tests/conftest.py (`pytest_plugins`).

Each yields a started fake and stops it afterwards; outside pytest use the classes as context
managers: `with FakeShopify() as shop: ...`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fakes.vendors.shopify import FakeShopify
from fakes.vendors.typeform import FakeTypeform
from fakes.vendors.zendesk import FakeZendesk


@pytest.fixture
def fake_shopify() -> Iterator[FakeShopify]:
    with FakeShopify() as fake:
        yield fake


@pytest.fixture
def fake_zendesk() -> Iterator[FakeZendesk]:
    with FakeZendesk() as fake:
        yield fake


@pytest.fixture
def fake_typeform() -> Iterator[FakeTypeform]:
    with FakeTypeform() as fake:
        yield fake
