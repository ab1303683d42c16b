"""Customer texts from one place: search and themes keep the texts of the customers living
there, say which place and how many customers, and say why when there is nothing to show."""

from __future__ import annotations

import pytest
from fakes.embedders import HashEmbedder

from tools.analytics.periods import Period
from tools.core.errors import NoDataError, ToolInputError
from tools.feedback.index import index_store
from tools.feedback.search import SearchParams, search
from tools.feedback.store import FeedbackStore
from tools.feedback.themes import ThemesParams, themes

CUSTOMERS = [("C1", "Leeds", "Yorkshire"), ("C2", "leeds", "Yorkshire"), ("C3", "York", "Yorkshire"),
             ("C4", "Bristol", "South West"), ("C5", None, None), ("C6", "Hull", "Yorkshire")]
TEXTS = [("S1", "C1", "parcel late again, the parcel came late"), ("S2", "C2", "parcel late and the box was damaged"),
         ("S3", "C3", "parcel late by two days"), ("S4", "C4", "parcel late, lovely bread though"),
         ("S5", "C5", "parcel late once more"), ("S6", None, "parcel late and nobody called")]


@pytest.fixture
def shop(store, tmp_path):
    store.execute("INSERT INTO customers (customer_id, city, region) VALUES "
                  + ", ".join("(?, ?, ?)" for _ in CUSTOMERS), [v for row in CUSTOMERS for v in row])
    store.execute("INSERT INTO surveys (survey_id, customer_id, ts, text) VALUES "
                  + ", ".join("(?, ?, '2026-05-10 10:00+00', ?)" for _ in TEXTS), [v for row in TEXTS for v in row])
    fb = FeedbackStore(tmp_path / "feedback", embedder=HashEmbedder(), timezone="UTC")
    index_store(fb, store)
    return store, fb


def writers_in(store, column: str, places: list[str]) -> set[str]:
    """The surveys' writers living in the places, by the test's own SQL (any case)."""
    got = store.query(f"SELECT s.customer_id FROM surveys s JOIN customers c USING (customer_id) "
                      f"WHERE lower(c.{column}) IN ({', '.join('?' for _ in places)})", [p.lower() for p in places])
    return set(got["customer_id"])


def test_search_keeps_the_texts_of_the_customers_living_in_the_town(shop):
    store, fb = shop
    result = search(fb, SearchParams(query="parcel late", city=["LEEDS"], min_similarity=0), store=store)
    assert {q.customer_id for q in result.quotes} == writers_in(store, "city", ["leeds"]) == {"C1", "C2"}
    text = result.to_text()
    # "Leeds" and "leeds": one town typed two ways in the CRM, named as the data mostly writes it
    assert "only the texts of the 2 customers in Leeds; texts with no customer have no place" in text
    assert result.provenance.filters["city"] == ["LEEDS"]


def test_search_by_region_takes_every_town_in_it(shop):
    store, fb = shop
    result = search(fb, SearchParams(query="parcel late", region=["yorkshire"], min_similarity=0, limit=20),
                    store=store)
    # Hull's customer wrote nothing; the anonymous text and the one with no town are in no place
    assert {q.customer_id for q in result.quotes} == writers_in(store, "region", ["yorkshire"]) == {"C1", "C2", "C3"}


def test_themes_of_one_town_are_made_of_its_texts_only(shop):
    store, fb = shop
    got = themes(fb, ThemesParams(period=Period(name="all"), region=["Yorkshire"], min_size=2, compare=False),
                 store=store)
    assert got.texts == len(writers_in(store, "region", ["yorkshire"])) == 3
    assert "only the texts of the 4 customers in Yorkshire" in got.to_text()


def test_a_place_whose_customers_wrote_nothing_says_so(shop):
    store, fb = shop
    with pytest.raises(NoDataError, match=r"No customer texts from Hull in all data: the 1 customer there wrote none"):
        search(fb, SearchParams(query="parcel late", city=["hull"]), store=store)
    with pytest.raises(NoDataError, match=r"No customer texts from Hull in .*: the 1 customer there wrote none"):
        themes(fb, ThemesParams(period=Period(name="all"), city=["Hull"], compare=False), store=store)


def test_an_unknown_town_lists_the_known_ones(shop):
    store, fb = shop
    with pytest.raises(ToolInputError, match=r"Unknown city 'Leith'; known values: .*Leeds"):
        search(fb, SearchParams(query="parcel late", city=["Leith"]), store=store)


def test_data_without_towns_says_texts_cannot_be_picked_by_place(store, tmp_path):
    store.execute("INSERT INTO customers (customer_id) VALUES ('C1')")
    store.execute("INSERT INTO surveys (survey_id, customer_id, ts, text) VALUES "
                  "('S1', 'C1', '2026-05-10 10:00+00', 'parcel late')")
    fb = FeedbackStore(tmp_path / "feedback", embedder=HashEmbedder(), timezone="UTC")
    index_store(fb, store)
    for ask in (lambda: search(fb, SearchParams(query="parcel", city=["Leeds"]), store=store),
                lambda: themes(fb, ThemesParams(period=Period(name="all"), region=["Yorkshire"]), store=store)):
        with pytest.raises(NoDataError, match="No customer in the data has a (town or city|region), so customer "
                                              "texts cannot be picked by place"):
            ask()


def test_texts_with_no_customer_are_in_no_place_and_the_answer_says_so(store, tmp_path):
    """Anonymous reviews beside a CRM with towns: a place filter keeps none of them."""
    store.execute("INSERT INTO customers (customer_id, city) VALUES ('C1', 'Leeds')")
    store.execute("INSERT INTO surveys (survey_id, customer_id, ts, text) VALUES "
                  "('S1', NULL, '2026-05-10 10:00+00', 'parcel late')")
    fb = FeedbackStore(tmp_path / "feedback", embedder=HashEmbedder(), timezone="UTC")
    index_store(fb, store)
    with pytest.raises(NoDataError, match="No customer texts from Leeds in all data: none of the period's texts is "
                                          "tied to a customer, so none has a place"):
        search(fb, SearchParams(query="parcel late", city=["Leeds"]), store=store)


def test_sentiment_of_one_region_counts_its_customers_texts(shop):
    from tools.feedback.sentiment import SentimentParams, sentiment_summary

    store, fb = shop
    got = sentiment_summary(fb, SentimentParams(period=Period(name="all"), region=["yorkshire"]), store=store)
    assert got.texts == len(writers_in(store, "region", ["yorkshire"])) == 3
    assert "only the texts of the 4 customers in Yorkshire" in got.to_text()
    with pytest.raises(NoDataError, match="No customer texts from Hull"):
        sentiment_summary(fb, SentimentParams(period=Period(name="all"), city=["Hull"]), store=store)


def test_a_town_and_a_region_together_both_hold(shop):
    store, fb = shop
    result = search(fb, SearchParams(query="parcel late", city=["Leeds", "Bristol"], region=["Yorkshire"],
                                     min_similarity=0, limit=20), store=store)
    assert {q.customer_id for q in result.quotes} == {"C1", "C2"}  # Bristol is not in Yorkshire
    assert "customers in Leeds or Bristol in Yorkshire" in result.to_text()
