"""The feedback store: what goes in is redacted, chunked and hashed; re-indexing does only
the work that changed; search cites; erasure leaves nothing behind. Vectors come from a
small deterministic embedder behind the real chromadb."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from fakes.embedders import HashEmbedder

from tools.analytics.periods import Period
from tools.core.errors import NoDataError, ToolFatal, ToolInputError
from tools.feedback.forget import forget_customer
from tools.feedback.index import TextFile, index_file, index_store
from tools.feedback.search import SearchParams, search
from tools.feedback.store import FeedbackStore

LONG = " ".join(f"word{i}" for i in range(25))  # 25 words: three chunks of 10


@pytest.fixture
def journey(store):
    store.execute("INSERT INTO customers (customer_id) VALUES ('C1'), ('C2'), ('C3')")
    # Inserted directly, as rows loaded before ingest redacted text would be.
    store.execute("""INSERT INTO surveys (survey_id, customer_id, ts, csat, nps, text, touchpoint, stage, channel) VALUES
        ('S1', 'C1', '2026-05-01 10:00+01', 1, NULL, 'Checkout failed and my card 4111 1111 1111 1111 was declined', 'checkout_start', 'decision', 'web'),
        ('S2', 'C2', '2026-05-10 10:00+01', 5, 9, 'Lovely sourdough and friendly staff', 'instore_visit', 'consideration', 'in_store'),
        ('S3', NULL, '2026-05-20 10:00+01', 2, NULL, 'Parcel late. ' || ?, 'delivery', 'post-purchase', 'web'),
        ('S4', 'C3', '2026-05-21 10:00+01', 4, NULL, NULL, NULL, NULL, NULL)""", [LONG])
    store.execute("""INSERT INTO tickets (ticket_id, customer_id, created_at, subject, text, channel, status, stage) VALUES
        ('T1', 'C1', '2026-05-02 09:00+01', 'Payment error', 'The payment page crashed, call me on 07700 900123 or jane@example.com', 'email', 'open', 'post-purchase')""")
    store.execute("""INSERT INTO events (customer_id, ts, touchpoint, stage) VALUES ('C2', '2026-05-31 12:00+01', 'instore_visit', 'consideration')""")
    return store


@pytest.fixture
def fb(tmp_path):
    return FeedbackStore(tmp_path / "feedback", embedder=HashEmbedder(), timezone="Europe/London")


def everything(fb):
    got = fb.get()
    return dict(zip(got["ids"], zip(got["documents"], got["metadatas"], strict=True), strict=True))


def test_index_redacts_chunks_and_keeps_the_metadata(journey, fb):
    report = index_store(fb, journey, chunk_words=10)
    # S3 (27 words) is 3 chunks, T1 (13 words) 2; S4 has no text.
    assert (report.documents, report.chunks, report.added) == (4, 7, 7)
    stored = everything(fb)
    texts = " ".join(doc for doc, _ in stored.values())
    for secret in ("4111", "07700", "jane@"):
        assert secret not in texts
    assert "[card]" in texts and "[phone]" in texts and "[email]" in texts
    by_doc = {}
    for doc, meta in stored.values():
        by_doc.setdefault(meta["doc_id"], []).append((meta["chunk"], doc, meta))
    assert sorted(by_doc) == ["survey:S1", "survey:S2", "survey:S3", "ticket:T1"]
    s1 = by_doc["survey:S1"][0][2]
    assert (s1["customer_id"], s1["source"], s1["record_id"], s1["csat"], s1["stage"], s1["touchpoint"],
            s1["channel"], s1["day"]) == ("C1", "survey", "S1", 1, "decision", "checkout_start", "web", "2026-05-01")
    assert s1["ts"] == int(dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC).timestamp())
    assert "nps" not in s1 and by_doc["survey:S2"][0][2]["nps"] == 9
    assert "customer_id" not in by_doc["survey:S3"][0][2]  # anonymous answer
    parts = sorted(by_doc["survey:S3"])
    assert [p[0] for p in parts] == [0, 1, 2] and all(p[2]["chunks"] == 3 for p in parts)
    assert parts[0][1] == "Parcel late. " + " ".join(f"word{i}" for i in range(8))
    assert parts[2][1] == " ".join(f"word{i}" for i in range(18, 25))
    assert by_doc["ticket:T1"][0][1].startswith("Payment error - The payment page crashed")


def test_ids_are_hashes_of_the_text_and_of_its_metadata(journey, fb):
    index_store(fb, journey)
    text = "Lovely sourdough and friendly staff"
    content = hashlib.sha256(f"survey:S2\x1f0\x1f{text}".encode()).hexdigest()[:32]
    ids = [i for i in everything(fb) if i.startswith(content + "-")]
    assert len(ids) == 1 and len(ids[0]) == 32 + 1 + 12


def test_indexing_unchanged_texts_again_embeds_nothing(journey, fb):
    index_store(fb, journey)
    before = fb.embedder.embedded
    again = index_store(fb, journey)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 4)
    assert fb.embedder.embedded == before


def test_changed_text_replaces_the_old_version(journey, fb):
    index_store(fb, journey)
    journey.execute("UPDATE surveys SET text = 'Sourdough was stale today' WHERE survey_id = 'S2'")
    report = index_store(fb, journey)
    assert (report.added, report.removed, report.unchanged) == (1, 1, 3)
    s2 = [doc for doc, meta in everything(fb).values() if meta["doc_id"] == "survey:S2"]
    assert s2 == ["Sourdough was stale today"]


def test_changed_scores_update_metadata_without_embedding(journey, fb):
    index_store(fb, journey)
    before = fb.embedder.embedded
    journey.execute("UPDATE surveys SET csat = 3 WHERE survey_id = 'S2'")
    report = index_store(fb, journey)
    assert (report.added, report.updated) == (0, 1)
    assert fb.embedder.embedded == before
    meta = [m for _, m in everything(fb).values() if m["doc_id"] == "survey:S2"][0]
    assert meta["csat"] == 3 and "sentiment" in meta


def test_rows_gone_from_the_journey_store_are_removed(journey, fb):
    index_store(fb, journey)
    journey.execute("DELETE FROM tickets")
    report = index_store(fb, journey)
    assert report.removed == 1
    assert {m["source"] for _, m in everything(fb).values()} == {"survey"}


def test_search_cites_quotes_and_applies_filters(journey, fb):
    index_store(fb, journey)
    result = search(fb, SearchParams(query="payment card declined at checkout"), store=journey)
    assert [q.id for q in result.quotes][:2] == ["survey:S1", "ticket:T1"]
    first = result.quotes[0]
    assert first.quoted and first.date == dt.date(2026, 5, 1) and first.csat == 1
    assert "4111" not in first.text and "[card]" in first.text
    assert first.similarity > result.quotes[1].similarity
    text = result.to_text()
    assert "survey S1, 2026-05-01" in text and "customer text" in text
    only_tickets = search(fb, SearchParams(query="payment card declined", source=["ticket"]))
    assert [q.id for q in only_tickets.quotes] == ["ticket:T1"]
    low_csat = search(fb, SearchParams(query="sourdough staff parcel payment", max_csat=2, min_similarity=0))
    assert {q.id for q in low_csat.quotes} == {"survey:S1", "survey:S3"}
    may_20s = search(fb, SearchParams(query="parcel late", period=Period(start=dt.date(2026, 5, 15)),
                                      min_similarity=0), store=journey)
    assert [q.id for q in may_20s.quotes] == ["survey:S3"]
    stage = search(fb, SearchParams(query="sourdough", stage=["consideration"], min_similarity=0))
    assert [q.id for q in stage.quotes] == ["survey:S2"]


def test_relative_periods_end_on_the_last_day_of_data(journey, fb):
    index_store(fb, journey)
    # Survey answers end on 2026-05-21 (a later in-store visit does not move them), so the last
    # 14 days are 05-08..05-21: S2 and S3.
    got = search(fb, SearchParams(query="parcel payment sourdough", period=Period(name="last_14_days"),
                                  min_similarity=0), store=journey)
    assert sorted(q.id for q in got.quotes) == ["survey:S2", "survey:S3"]
    assert "2026-05-08 to 2026-05-21" in got.provenance.period_label


def test_an_unknown_filter_value_says_which_values_exist(journey, fb):
    index_store(fb, journey)
    result = search(fb, SearchParams(query="payment", source=["reviewz"]))
    assert result.quotes == []
    assert "no texts have source reviewz; known values: survey, ticket" in result.to_text()


def test_inverted_ranges_are_rejected(journey, fb):
    index_store(fb, journey)
    with pytest.raises(ToolInputError, match="min_csat"):
        search(fb, SearchParams(query="payment", min_csat=4, max_csat=2))


def test_searching_an_empty_store_says_what_to_run(fb):
    with pytest.raises(NoDataError, match="feedback index"):
        search(fb, SearchParams(query="anything"))


def test_another_embedding_model_is_refused_and_nothing_changes(journey, fb, tmp_path):
    index_store(fb, journey)
    other = FeedbackStore(tmp_path / "feedback", embedder=HashEmbedder(salt="v2"), timezone="Europe/London")
    with pytest.raises(ToolFatal) as info:
        index_store(other, journey)
    message = str(info.value)
    assert "hash-64 v1" in message and "hash-64 v2" in message and "--rebuild" in message
    with pytest.raises(ToolFatal):
        search(other, SearchParams(query="payment"))
    assert fb.count() == 4


def test_the_store_opens_without_any_model(journey, fb, tmp_path):
    index_store(fb, journey)
    plain = FeedbackStore(tmp_path / "feedback", embedder=None)
    assert plain.count() == 4
    assert plain.stored_identity() == "hash-64 v1"


def test_forget_leaves_nothing_of_the_customer(journey, fb):
    index_store(fb, journey)
    result = forget_customer("C1", store=journey, fb=fb)
    assert (result.feedback_texts, result.journey_rows["surveys"], result.journey_rows["tickets"],
            result.journey_rows["customers"]) == (2, 1, 1, 1)
    assert fb.get({"customer_id": {"$eq": "C1"}})["ids"] == []
    found = search(fb, SearchParams(query="Checkout failed card declined payment page crashed", min_similarity=0))
    assert all(q.customer_id != "C1" for q in found.quotes)
    assert {q.id for q in found.quotes} == {"survey:S2", "survey:S3"}
    for table in ("customers", "surveys", "tickets", "events", "orders"):
        assert journey.scalar(f"SELECT count(*) FROM {table} WHERE customer_id = 'C1'") == 0
    assert journey.scalar("SELECT count(*) FROM customers") == 2
    with pytest.raises(NoDataError, match="Nothing is stored"):
        forget_customer("C1", store=journey, fb=fb)


def test_a_text_file_is_indexed_as_its_own_source(tmp_path, fb):
    path = tmp_path / "reviews.csv"
    path.write_text(
        "review_id,stars,posted,comment\n"
        "R1,1,2026-05-03,\"Cake arrived squashed, email me at bob@example.org\"\n"
        "R2,5,2026-05-04 12:30,Best croissants in Bristol\n", encoding="utf-8")
    spec = TextFile(source="Reviews", text=["comment"], id="review_id", ts="posted", csat="stars")
    report = index_file(fb, path, spec)
    assert (report.documents, report.added) == (2, 2)
    stored = {m["doc_id"]: (d, m) for d, m in everything(fb).values()}
    assert stored["reviews:R1"][0] == "Cake arrived squashed, email me at [email]"
    assert (stored["reviews:R1"][1]["csat"], stored["reviews:R1"][1]["day"]) == (1, "2026-05-03")
    path.write_text("review_id,stars,posted,comment\nR2,5,2026-05-04 12:30,Best croissants in Bristol\n",
                    encoding="utf-8")
    again = index_file(fb, path, spec)
    assert (again.added, again.removed, again.unchanged) == (0, 1, 1)


def test_a_text_file_with_a_wrong_column_names_the_columns_it_has(tmp_path, fb):
    path = tmp_path / "reviews.csv"
    path.write_text("id,comment\n1,nice\n", encoding="utf-8")
    with pytest.raises(ToolInputError, match="'body'.*columns are 'id', 'comment'"):
        index_file(fb, path, TextFile(source="reviews", text=["body"]))
    with pytest.raises(ValueError, match="reserved"):
        TextFile(source="survey", text=["comment"])


# -- a Chroma server instead of the folder: same code, HTTP client ----------------------------


@pytest.fixture
def chroma_server(tmp_path):
    """`chroma run` on 127.0.0.1 (it ships with the chromadb package)."""
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    binary = Path(sys.executable).parent / "chroma"
    if not binary.exists() and not shutil.which("chroma"):
        pytest.skip("the chroma command is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([str(binary if binary.exists() else "chroma"), "run", "--path", str(tmp_path / "server"),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.skip("the local Chroma server did not start")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_chroma_server_works_with_the_same_code(journey, chroma_server):
    remote = FeedbackStore(url=chroma_server, embedder=HashEmbedder(), timezone="Europe/London")
    first = index_store(remote, journey)
    assert (first.added, index_store(remote, journey).added) == (4, 0)
    found = search(remote, SearchParams(query="payment card declined at checkout"), store=journey)
    assert found.quotes[0].id == "survey:S1"
    assert forget_customer("C1", store=journey, fb=remote).feedback_texts == 2


def test_an_unreachable_server_is_an_environment_problem():
    from tools.core.errors import ToolUnavailable

    with pytest.raises(ToolUnavailable, match="unreachable"):
        FeedbackStore(url="http://127.0.0.1:9", embedder=HashEmbedder()).count()
    with pytest.raises(ToolInputError, match="not a URL"):
        FeedbackStore(url="localhost:8000", embedder=HashEmbedder()).count()


def test_large_collections_are_read_in_pages(journey, fb, monkeypatch):
    import tools.feedback.store as feedback

    monkeypatch.setattr(feedback, "GET_PAGE", 2)
    index_store(fb, journey, chunk_words=10)
    assert len(fb.get()["ids"]) == 7
    assert index_store(fb, journey, chunk_words=10).unchanged == 7
    assert len(fb.frame(embeddings=True).attrs["embeddings"]) == 7


def test_broad_filters_are_applied_to_the_nearest_texts_with_the_same_result(journey, fb, monkeypatch):
    """The fast path (filter the unfiltered nearest texts here) gives what Chroma's own filter
    gives, and falls back to it when too few of the nearest texts pass."""
    import tools.feedback.search as feedback
    from tools.feedback.store import build_where, matches

    index_store(fb, journey)
    col = fb.check_space()
    vector = fb.embedder.embed(["payment card parcel sourdough"])
    calls = []

    class Spy:
        def query(self, **kwargs):
            calls.append(kwargs.get("where"))
            return col.query(**kwargs)

    monkeypatch.setattr(feedback, "PREFILTER_POOL", 3)
    for where in (build_where(ranges={"csat": (None, 2)}), build_where(source=["survey"]),
                  build_where(stage=["decision", "post-purchase"])):
        expected = col.query(query_embeddings=vector, n_results=1, where=where, include=["metadatas"])["ids"][0]
        calls.clear()
        ids, metas, _, _ = feedback._nearest(Spy(), vector, where, 4, 1)
        assert ids == expected and calls == [None]  # one unfiltered query, filtered here
        assert all(matches(m, where) for m in metas)
    calls.clear()
    narrow = build_where(customer_id="C2")
    ids, _, _, _ = feedback._nearest(Spy(), vector, narrow, 4, 2)
    assert len(calls) == 2 and calls[1] == narrow  # too few passed: Chroma filters
