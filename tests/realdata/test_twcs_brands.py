"""(lane real27a) twcs support tickets split by brand: the account that answered each conversation
(the recipe keeps it as the ticket's subject). "Which brand's customers wait longest for a reply"
is the brands ranked by their median hours to the first reply. Expected numbers are rebuilt here
from the raw CSV with pandas, threads followed up the reply links (tests/realdata/test_twcs.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from realdata.test_twcs import threads, tickets
from tools.analytics.periods import Period
from tools.analytics.ticket_brands import TicketBrandParams, tickets_by_brand
from tools.core.errors import NoDataError
from tools.data.store import JourneyStore

MIN = 5


def by_brand(raw) -> pd.DataFrame:
    """Per brand (the author of each conversation's first reply): tickets and the median hours."""
    t = threads(raw)
    heads = tickets(raw)
    mine = t[t.root.isin(heads.index)].join(heads.opened, on="root")
    replies = mine[~mine.inbound & (mine.tweet_id != mine.root) & (mine.ts >= mine.opened)]
    first = replies.sort_values("ts").groupby("root").head(1).set_index("root")
    first["hours"] = (first.ts - first.opened).dt.total_seconds() / 3600
    return first.groupby("author_id").hours.agg(["size", "median"])


@pytest.fixture(scope="module")
def store(twcs):
    return JourneyStore(twcs.home / "journey.duckdb")


def test_each_brands_tickets_and_wait_are_the_raw_threads(twcs, store):
    want = by_brand(twcs.raw)
    got = tickets_by_brand(store, TicketBrandParams(period=Period(name="all"), limit=200, min_tickets=MIN))
    assert got.brands == len(want)
    rows = {r.brand: r for r in got.rows}
    for brand, w in want.iterrows():
        assert rows[brand].tickets == w["size"]
        assert rows[brand].median_hours == pytest.approx(w["median"])


def test_the_brand_whose_customers_wait_longest_comes_first(twcs, store):
    want = by_brand(twcs.raw)
    ranked = want[want["size"] >= MIN]
    got = tickets_by_brand(store, TicketBrandParams(period=Period(name="all"), min_tickets=MIN))
    assert got.rows[0].brand == ranked["median"].idxmax()
    text = got.to_text()
    assert f"{ranked['median'].idxmax()}'s customers waited longest" in text
    busiest = tickets_by_brand(store, TicketBrandParams(period=Period(name="all"), rank="tickets"))
    assert busiest.rows[0].brand == want["size"].idxmax()


def test_a_helpdesks_subject_sentences_are_no_brand(tmp_path):
    """A shop's own desk keeps what a ticket is about as its subject: no brand to split by."""
    s = JourneyStore(tmp_path / "journey.duckdb")
    for i, subject in enumerate(["Charged the wrong price", "Parcel never arrived", "Where is my refund"]):
        s.execute("INSERT INTO tickets (ticket_id, customer_id, created_at, first_response_at, subject) "
                  f"VALUES ('t{i}', 'c{i}', TIMESTAMPTZ '2026-01-0{i + 2} 09:00+00', "
                  f"TIMESTAMPTZ '2026-01-0{i + 2} 11:00+00', ?)", [subject])
    with pytest.raises(NoDataError, match="not the brand"):
        tickets_by_brand(s, TicketBrandParams(period=Period(name="all")))


@pytest.mark.parametrize("question, rank", [
    ("which brand's customers wait longest for a reply", "wait"),
    ("first response time by company", "wait"),
    ("how many tickets per brand", "tickets"),
])
def test_asked_in_plain_words_the_brands_are_split(twcs, question, rank):
    out = twcs.ask(question)
    [call] = [c for c in out["tool_calls"] if c["tool"] == "tickets_by_brand"]
    want = by_brand(twcs.raw)
    top = want[want["size"] >= MIN]["median"].idxmax() if rank == "wait" else want["size"].idxmax()
    assert call["result"]["rows"][0]["brand"] == top
    assert "no analysis splits by it yet" not in out["answer"]
