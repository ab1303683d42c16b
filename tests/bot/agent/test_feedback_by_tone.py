"""A feedback search with no topic ("show me angry customers") lists the most negative texts of
the period, ranked by tone (the customer's own score where given, else the words' sentiment),
quoted and redacted, and says it ranked by tone because no topic was given (lane real16). It
searched the literal word "feedback" before."""

from __future__ import annotations

import pandas as pd
import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.data.ingest import folder_loads, ingest_loads
from tools.feedback.index import index_store

SURVEYS = """survey_id,customer_id,ts,csat,text,touchpoint
S1,,2026-05-20 10:00,1,"Checkout failed twice, write to me at ana@example.com",checkout_start
S2,,2026-05-21 10:00,5,Lovely sourdough and friendly staff,instore_visit
S3,,2026-05-22 10:00,2,The payment page was slow,checkout_start
S4,,2026-05-23 10:00,4,The croissants are delicious,instore_visit
S5,,2026-05-24 10:00,1,Never again: cold coffee and a rude reply,instore_visit
S6,,2026-05-25 10:00,3,It was fine I suppose,instore_visit
"""


@pytest.fixture
def shop(tmp_path, home, minilm):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(tmp_path / "data"))
    index_store(config.open_feedback(), store)
    return OfflinePlanner(ToolContext(store=store, config=config), all_tools())


@pytest.mark.parametrize("question", ["show me angry customers", "let me read what the disgruntled members wrote"])
def test_angry_customers_are_the_most_negative_texts_first(shop, question):
    answer = shop.answer(question, question)
    call = answer.tool_calls[0]
    assert call.name == "feedback_search" and "query" not in {k for k, v in call.args.items() if v}, call.args
    quotes = call.result.quotes
    # 1 star before 2, the newer of the two 1-star texts first; 3 stars and up are not negative
    assert [q.record_id for q in quotes] == ["S5", "S1", "S3"]
    text = answer.text
    assert "The 3 most negative customer texts" in text and "no topic was given, so ranked by tone" in text
    assert "ana@example.com" not in text and "[email]" in text
    assert "“feedback”" not in text and "the most negative feedback" in text.splitlines()[0].lower()


def test_a_topic_is_still_searched_by_meaning(shop):
    answer = shop.answer("show me complaints about the coffee", "topic")
    call = answer.tool_calls[0]
    assert call.args["query"] == "coffee" and call.result.ranked_by == "meaning"


def test_nice_words_with_no_topic_are_the_most_positive_first(shop):
    from tools.feedback.search import SearchParams, search

    fb = shop.ctx.config.open_feedback()
    r = search(fb, SearchParams(min_sentiment=0.05, limit=5), store=shop.ctx.store)
    assert [q.record_id for q in r.quotes] == ["S2", "S4"] and r.ranked_by == "positive"
    newest = search(fb, SearchParams(limit=2), store=shop.ctx.store)
    assert [q.record_id for q in newest.quotes] == ["S6", "S5"] and "newest" in newest.to_text()


def test_on_the_sample_the_lowest_scores_come_first(home, minilm):
    """The banks' sample (surveys with NPS and CSAT, tickets with none), indexed: the list is
    checked against the tone worked out here with pandas from the surveys table."""
    from sample_cache import bank_store

    config = load_config()
    store = bank_store()
    index_store(config.open_feedback(), store)
    planner = OfflinePlanner(ToolContext(store=store, config=config), all_tools())
    answer = planner.answer("show me angry customers", "angry")
    quotes = answer.tool_calls[0].result.quotes
    assert quotes and "ranked by tone" in answer.text
    surveys = store.query("SELECT survey_id, csat, nps, text FROM surveys WHERE coalesce(trim(text), '') <> ''")
    csat_tone = surveys.csat.map({1: -1.0, 2: -0.5, 3: 0.0, 4: 0.5, 5: 1.0})
    nps_tone = pd.cut(surveys.nps, [-1, 6, 8, 10], labels=False).map({0: -1.0, 1: 0.0, 2: 1.0})  # sign only
    surveys["sign"] = csat_tone.fillna(nps_tone)
    worst = surveys[surveys.sign < 0]
    quoted = [q for q in quotes if q.source == "survey"]
    assert quoted and {q.record_id for q in quoted} <= set(worst.survey_id.astype(str))
    if (surveys.csat == 1).any():  # the lowest score there is comes first
        lowest = surveys.loc[surveys.csat == 1, "survey_id"].astype(str)
        assert quotes[0].record_id in set(lowest) or quotes[0].source != "survey"
