"""The business profile travels with the journey store; recipes and config set it; order
statuses in vendor words are mapped to their kind at ingest and re-mapped when the profile
changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tools.core.errors import IngestError, ToolInputError
from tools.core.profile import BusinessProfile
from tools.data.ingest import ingest_file, ingest_recipe
from tools.data.store import JourneyStore

RECIPE = """
name = "a Brazilian shop"
[profile]
currency = "BRL"
timezone = "America/Sao_Paulo"
order_statuses = { pending = ["aguardando"] }

[[load]]
file = "customers.csv"
table = "customers"

[[load]]
file = "orders.csv"
table = "orders"
"""
CUSTOMERS = "customer_id\nC1\nC2\n"
ORDERS = """order_id,customer_id,ts,amount,status
O1,C1,2018-08-01 10:00,100.00,delivered
O2,C1,2018-08-02 10:00,50.00,shipped
O3,C2,2018-08-03 10:00,20.00,canceled
O4,C2,2018-08-04 10:00,30.00,aguardando
O5,C2,2018-08-05 10:00,40.00,Partially Refunded
"""


def _files(tmp_path: Path, orders: str = ORDERS) -> Path:
    (tmp_path / "customers.csv").write_text(CUSTOMERS)
    (tmp_path / "orders.csv").write_text(orders)
    recipe = tmp_path / "recipe.toml"
    recipe.write_text(RECIPE)
    return recipe


def test_a_recipe_profile_is_kept_in_the_store_and_travels_with_it(tmp_path):
    path = tmp_path / "home" / "journey.duckdb"
    store = JourneyStore(path)
    assert store.profile.assumed() == ["currency", "timezone"]
    ingest_recipe(store, _files(tmp_path))
    assert (store.profile.currency, store.timezone) == ("BRL", "America/Sao_Paulo")
    again = JourneyStore(path)  # another process, no config
    assert again.profile.currency == "BRL" and again.timezone == "America/Sao_Paulo"
    assert again.profile.sources["currency"].startswith("recipe ")
    assert again.profile.numbers.money(1234.5) == "R$ 1.234,50"
    # timestamps without an offset were read in the recipe's zone: 10:00 in Sao Paulo is 13:00 UTC
    first = again.scalar("SELECT min(ts) FROM orders")
    assert first.astimezone(dt.UTC) == dt.datetime(2018, 8, 1, 13, 0, tzinfo=dt.UTC)


def test_vendor_statuses_map_to_their_kind_and_the_raw_word_is_kept(tmp_path):
    store = JourneyStore(None)
    ingest_recipe(store, _files(tmp_path))
    got = store.query("SELECT order_id, status, status_raw FROM orders ORDER BY order_id")
    assert got.values.tolist() == [
        ["O1", "completed", "delivered"], ["O2", "pending", "shipped"], ["O3", "cancelled", "canceled"],
        ["O4", "pending", "aguardando"], ["O5", "returned", "partially_refunded"]]


def test_an_unknown_status_is_refused_with_how_to_name_it(tmp_path, store):
    (tmp_path / "c.csv").write_text(CUSTOMERS)
    ingest_file(store, "customers", tmp_path / "c.csv")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount,status\nO1,C1,2018-08-01,1,completed\n"
                                    "O2,C1,2018-08-01,1,lost_in_space\n")
    with pytest.raises(IngestError) as err:
        ingest_file(store, "orders", tmp_path / "o.csv")
    text = str(err.value)
    assert "row 2" in text and "'status'" in text and "lost_in_space" in text
    assert "[business.order_statuses]" in text and "Nothing was written" in text
    assert store.count("orders") == 0


def test_moving_a_status_to_another_kind_remaps_the_stored_orders(tmp_path):
    store = JourneyStore(None)
    ingest_recipe(store, _files(tmp_path))
    store.set_profile({"order_statuses": {"completed": ["shipped"]}}, "journeybot profile set")
    kinds = dict(store.query("SELECT status_raw, status FROM orders").values.tolist())
    assert kinds["shipped"] == "completed" and kinds["aguardando"] == "pending"  # the recipe's word stays
    assert store.profile.kind_of("Shipped") == "completed"


def test_config_keys_win_over_the_stored_ones_and_are_kept(tmp_path):
    path = tmp_path / "j.duckdb"
    JourneyStore(path, profile={"currency": "BRL"}, profile_source="recipe r.toml")
    store = JourneyStore(path, profile={"currency": "USD", "locale": "en_US"}, profile_source="config j.toml")
    assert store.profile.currency == "USD" and store.profile.sources["currency"] == "config j.toml"
    assert JourneyStore(path).profile.numbers.money(5) == "$5.00"


def test_a_wrong_profile_value_is_refused_and_changes_nothing(tmp_path):
    store = JourneyStore(None)
    with pytest.raises(ValueError, match="time zone"):
        store.set_profile({"timezone": "Mars/Olympus"}, "test")
    assert store.timezone == "Europe/London"
    recipe = _files(tmp_path)
    recipe.write_text(RECIPE.replace('"BRL"', '"REAIS"'))
    with pytest.raises(IngestError, match="ISO 4217"):
        ingest_recipe(store, recipe)
    assert store.profile.currency == "GBP" and store.count("orders") == 0
    with pytest.raises(ToolInputError, match="business profile"):
        JourneyStore(None, profile={"locale": "klingon"})


def test_a_status_listed_under_two_kinds_is_refused():
    with pytest.raises(ValueError, match="both completed and pending"):
        BusinessProfile().with_updates({"order_statuses": {"completed": ["x"], "pending": ["X"]}}, "t")


def test_a_new_time_zone_recuts_the_session_days(tmp_path):
    store = JourneyStore(None, timezone="UTC")
    (tmp_path / "e.csv").write_text("customer_id,ts,touchpoint\nC1,2026-05-01T23:30:00+00:00,page_view\n"
                                    "C1,2026-05-02T00:30:00+00:00,page_view\n")
    ingest_file(store, "events", tmp_path / "e.csv")
    assert store.scalar("SELECT count(*) FROM sessions") == 2  # two UTC days
    store.set_profile({"timezone": "Europe/London"}, "test")  # 00:30 and 01:30 on 2 May there
    assert store.scalar("SELECT count(*) FROM sessions") == 1
