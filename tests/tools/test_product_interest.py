"""(lane real29a) product_interest: views, viewers, carts and purchases by brand, category or
product from events that name them; events that name none are said, never ranked as nothing."""

from __future__ import annotations

import pytest

from tools.analytics.product_interest import ProductInterestParams, product_interest
from tools.core.errors import NoDataError
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore

_NAMED = """customer_id,ts,touchpoint,session_id,value,product,category,brand
a,2026-05-01 09:00,product_view,s1,20,p1,kitchen.kettle,Acme
a,2026-05-01 09:00,product_view,s1,30,p2,kitchen.toaster,Acme
b,2026-05-01 09:05,product_view,s2,20,p1,kitchen.kettle,Acme
b,2026-05-01 09:06,add_to_cart,s2,20,p1,kitchen.kettle,Acme
b,2026-05-01 09:07,purchase,s2,20,p1,kitchen.kettle,Acme
c,2026-05-01 09:10,product_view,s3,50,p3,garden.hose,
"""


def _store(tmp_path, text: str) -> JourneyStore:
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    store = JourneyStore(None, timezone="UTC")
    ingest_file(store, "events", path)
    return store


def test_views_by_brand_and_the_unnamed_said(tmp_path):
    store = _store(tmp_path, _NAMED)
    r = product_interest(store, ProductInterestParams(by="brand"))
    [acme] = r.groups.to_dict("records")
    # two views at one second in one session of two products are two events
    assert (acme["group"], acme["views"], acme["viewers"], acme["carts"], acme["purchases"]) == ("acme", 3, 2, 1, 1)  # brands are codes: "Acme" and "acme" are one
    assert acme["revenue"] == 20
    text = r.to_text()
    assert "1 view name no brand" in text and "the events cover 10 minutes" in text


def test_a_name_counts_only_its_events(tmp_path):
    store = _store(tmp_path, _NAMED)
    r = product_interest(store, ProductInterestParams(by="product", name=["kettle"]))
    assert r.groups["group"].tolist() == ["p1"] and r.totals["views"] == 2
    assert "“kettle”: 2 views by 2 people, 1 cart, 1 purchase" in r.to_text()


def test_events_naming_no_product_say_so(tmp_path):
    store = _store(tmp_path, "customer_id,ts,touchpoint,session_id\na,2026-05-01 09:00,product_view,s1\n")
    with pytest.raises(NoDataError, match="do not say which brand each was about"):
        product_interest(store, ProductInterestParams(by="brand"))
