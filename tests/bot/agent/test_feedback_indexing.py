"""Feedback questions never embed the stored texts: a partly indexed store answers from what
is indexed and says how much; serve indexes on its own thread; ingest indexes at load time."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner
from fakes.embedders import HashEmbedder

from bot.agent.agent import JourneyAgent
from bot.cli import main
from bot.config import Config, load_config
from bot.feedback_indexer import FeedbackIndexer
from bot.render.text import answer_text
from tools.data.ingest import folder_loads, ingest_loads
from tools.feedback.index import STORE_SOURCES, documents_from_store, index_documents

SURVEYS = """survey_id,customer_id,ts,csat,text,touchpoint
S1,,2026-05-20 10:00,1,"Checkout failed, my card was declined",checkout_start
S2,,2026-05-21 10:00,5,Lovely sourdough and friendly staff,instore_visit
S3,,2026-05-22 10:00,1,Payment page crashed when I tried to pay,checkout_start
S4,,2026-05-23 10:00,5,The croissants are delicious,instore_visit
S5,,2026-05-24 10:00,2,Could not pay online: the card payment kept failing,checkout_start
"""
TICKETS = """ticket_id,customer_id,created_at,subject,text
T1,,2026-05-20 11:00,Payment error,Charged twice for one loaf
T2,,2026-05-21 11:00,Delivery,The cake arrived squashed
"""
SEARCH = "what do people say about card payment?"
MOOD = "how do customers feel at each stage of the journey?"


@pytest.fixture
def encoder(monkeypatch) -> HashEmbedder:
    """The configured embedding model, replaced by one that counts the texts it embeds."""
    from tools.feedback.scoring import head_for

    fake = HashEmbedder()
    # The sentiment head for this fake model is trained once per process on the shipped
    # sentences; train it here so the counts below are the owner's texts only, whichever test
    # runs first (alone, this test used to count the 432 training sentences too).
    head_for(fake)
    fake.calls.clear()
    monkeypatch.setattr(Config, "embedder", lambda self: fake)
    return fake


@pytest.fixture
def loaded(tmp_path, encoder):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    (folder / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(folder))
    return config, store


def texts_in(store) -> int:
    return int(store.scalar("SELECT (SELECT count(*) FROM surveys WHERE trim(text) <> '') + "
                            "(SELECT count(*) FROM tickets WHERE trim(text) <> '')"))


def texts_indexed(fb) -> int:
    return len({m["doc_id"] for m in fb.get(documents=False)["metadatas"]})


def test_a_partly_indexed_store_answers_and_says_how_much_without_embedding_texts(loaded, encoder):
    config, store = loaded
    fb = config.open_feedback()
    index_documents(fb, documents_from_store(store).head(3), sources=STORE_SOURCES, prune=False)
    indexed, total = texts_indexed(fb), texts_in(store)
    assert (indexed, total) == (3, 7)
    agent = JourneyAgent.from_config(config, store)
    encoder.calls.clear()

    found = agent.answer(SEARCH)
    assert found.tool_calls[0].name == "feedback_search" and found.tool_calls[0].ok
    note = f"{indexed} of {total} texts are indexed so far; run `journeybot feedback index` to read the rest."
    assert note in answer_text(found)
    assert encoder.calls == [1]  # the question itself, no stored text
    mood = agent.answer(MOOD)
    assert mood.tool_calls[0].name == "feedback_sentiment" and mood.tool_calls[0].ok
    assert note in answer_text(mood)
    assert encoder.calls == [1]
    assert texts_indexed(fb) == indexed  # asking indexed nothing


def test_with_a_background_indexer_the_answer_says_the_rest_is_being_read_then_has_it_all(loaded, encoder):
    config, store = loaded
    agent = JourneyAgent.from_config(config, store)
    fb = agent.ctx.service("feedback", config.open_feedback)
    index_documents(fb, documents_from_store(store).head(2), sources=STORE_SOURCES, prune=False)
    indexer = FeedbackIndexer(config, store, fb)  # not started yet: it reads nothing meanwhile
    agent.ctx.services["feedback_indexer"] = indexer
    encoder.calls.clear()

    early = agent.answer(SEARCH)
    assert "2 of 7 texts are indexed so far; the rest are being read." in answer_text(early)
    assert indexer.reading and encoder.calls == [1]

    indexer.start()
    try:
        assert indexer.wait(30)
    finally:
        indexer.stop(timeout=5)
    assert sum(encoder.calls) == 1 + 5  # the question, then the five texts, on the indexer's thread
    assert texts_indexed(fb) == texts_in(store) == 7
    later = agent.answer(SEARCH)
    assert "indexed so far" not in answer_text(later)


def test_with_nothing_indexed_the_answer_says_so_and_how_to_index(loaded, encoder):
    config, store = loaded
    agent = JourneyAgent.from_config(config, store)
    answer = agent.answer(SEARCH)
    assert not answer.tool_calls[0].ok
    assert ("None of the 7 survey and ticket texts is indexed yet; run `journeybot feedback index` "
            "to read them.") in answer.tool_calls[0].error
    assert encoder.calls == []


def test_ingest_indexes_the_new_texts_unless_told_not_to(tmp_path, encoder, monkeypatch):
    monkeypatch.delenv("JOURNEYBOT_INDEX_ON_LOAD")
    (tmp_path / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    (tmp_path / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    runner = CliRunner()

    skipped = runner.invoke(main, ["ingest", "surveys", str(tmp_path / "surveys.csv"), "--no-index"],
                            catch_exceptions=False)
    assert skipped.exit_code == 0, skipped.output
    assert "feedback <-" not in skipped.output and encoder.calls == []

    done = runner.invoke(main, ["ingest", "tickets", str(tmp_path / "tickets.csv")], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert "feedback <- survey, ticket: 7 texts in 7 chunks; 7 embedded" in done.output
    config = load_config()
    assert texts_indexed(config.open_feedback()) == 7

    again = runner.invoke(main, ["ingest", "tickets", str(tmp_path / "tickets.csv")], catch_exceptions=False)
    assert "feedback <-" not in again.output  # nothing new loaded, nothing to embed
    assert sum(encoder.calls) == 7


def test_serve_indexes_at_start_and_after_each_sync_on_its_own_thread(loaded, encoder):
    from types import SimpleNamespace

    from bot.cli.serve import start_feedback_indexer

    config, store = loaded
    agent = JourneyAgent.from_config(config, store)
    scheduler = SimpleNamespace(on_new_data=[])
    indexer = start_feedback_indexer(config, agent.ctx, scheduler)
    try:
        assert agent.ctx.services["feedback_indexer"] is indexer
        assert scheduler.on_new_data == [indexer.request]  # a sync that brought rows wakes it
        assert indexer.wait(30)
    finally:
        indexer.stop(timeout=5)
    assert texts_indexed(agent.ctx.services["feedback"]) == texts_in(store) == 7
    answer = agent.answer(SEARCH)
    assert answer.tool_calls[0].ok and "indexed so far" not in answer_text(answer)


def test_sources_sync_indexes_the_texts_it_loaded(tmp_path, encoder, monkeypatch):
    monkeypatch.delenv("JOURNEYBOT_INDEX_ON_LOAD")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "journeybot.toml").write_text(f'[[sources]]\nname = "drop"\nkind = "inbox"\npath = "{inbox}"\n')
    (inbox / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    done = CliRunner().invoke(main, ["sources", "sync", "drop", "--here"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert "feedback <- survey, ticket: 5 texts in 5 chunks; 5 embedded" in done.output
    assert texts_indexed(load_config().open_feedback()) == 5


def test_the_digest_of_a_partly_indexed_store_says_how_much_is_indexed(tmp_path, encoder):
    from bot.agent.digest import build_digest

    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    (folder / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    (folder / "customers.csv").write_text("customer_id\nC1\nC2\n")
    (folder / "orders.csv").write_text("order_id,customer_id,ts,amount\n" + "".join(
        f"O{d},C{1 + d % 2},2026-05-{d:02d} 12:00,{10 + d}\n" for d in range(10, 25)))
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(folder))
    fb = config.open_feedback()
    index_documents(fb, documents_from_store(store).head(3), sources=STORE_SOURCES, prune=False)
    encoder.calls.clear()
    result = build_digest(config, store, "weekly")
    note = ("Sentiment and themes read only the indexed texts: 3 of 7 texts are indexed so far; run "
            "`journeybot feedback index` to read the rest.")
    assert note in result.notes and f"Note: {note}" in result.to_text()
    assert encoder.calls == []  # the digest embeds no stored text
    index_documents(fb, documents_from_store(store), sources=STORE_SOURCES, prune=False)
    assert not any("indexed so far" in n for n in build_digest(config, store, "weekly").notes)


def test_sample_ingest_indexes_the_sample_texts_as_ingest_does(tmp_path, encoder, monkeypatch):
    monkeypatch.delenv("JOURNEYBOT_INDEX_ON_LOAD")
    runner = CliRunner()
    skipped = runner.invoke(main, ["sample", "--events", "2000", "--days", "30", "--out", str(tmp_path / "s1"),
                                   "--ingest", "--no-index"], catch_exceptions=False)
    assert skipped.exit_code == 0, skipped.output
    assert "feedback <-" not in skipped.output and encoder.calls == []
    done = runner.invoke(main, ["sample", "--events", "2000", "--days", "30", "--out", str(tmp_path / "s2"),
                                "--ingest", "--seed", "8"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    config = load_config()
    store = config.open_store()
    # Counted from the sample's own files, not through journeybot.
    import pandas as pd

    files = {p.stem: pd.read_csv(p) for p in (tmp_path / "s2").glob("*.csv") if p.stem in ("surveys", "tickets")}
    texts = sum(int(f["text"].fillna("").str.strip().ne("").sum()) for f in files.values())
    assert texts > 0 and texts_in(store) >= texts
    assert f"feedback <- survey, ticket: {texts_in(store):,} texts" in done.output
    assert texts_indexed(config.open_feedback()) == texts_in(store)


def test_serve_drops_the_idle_model_after_indexing_and_a_later_search_reloads_it(tmp_path, monkeypatch):
    # The real offline model (onnxruntime when installed): what is released is the real one.
    pytest.importorskip("sentence_transformers")
    from types import SimpleNamespace

    import bot.cli.serve as serve

    monkeypatch.setattr(serve, "RELEASE_ENCODER_AFTER", 0.5)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    (folder / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(folder))
    agent = JourneyAgent.from_config(config, store)
    indexer = serve.start_feedback_indexer(config, agent.ctx, SimpleNamespace(on_new_data=[]))
    model = agent.ctx.services["feedback"].embedder
    assert model.release_after == 0.5

    def dropped(releases: int) -> bool:
        deadline = time.monotonic() + 30
        while model.loaded and time.monotonic() < deadline:
            time.sleep(0.05)
        return not model.loaded and model.releases == releases

    try:
        assert indexer.wait(120)
        assert model.loads == 1 and dropped(1)  # caught up, nobody searching: dropped
        first = answer_text(agent.answer(SEARCH))
        assert model.loads == 2 and dropped(2)  # the search loaded it; idle again, dropped again
        later = answer_text(agent.answer(SEARCH))
    finally:
        indexer.stop(timeout=5)
    assert model.loads == 3
    assert "card" in first.lower() and later == first  # the same texts found, in the same order
