"""Olist's reviews thin out at the end of the data (5 texts in its last 30 days, 404 in August
2018): sentiment and themes on the default period read those few and said nothing of where the
texts are. The answer names the latest 30 days with 30 or more texts, checked here against the
raw reviews file with pandas. And a search for an accented word ("entregá") searched for "entre":
the planner cut the word at its accent and the speller "corrected" the rest."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd


def _latest_stretch(raw, first_day: str) -> tuple[str, str, int]:
    reviews = pd.read_csv(raw / "olist_order_reviews_dataset.csv", dtype=str)
    said = (reviews.review_comment_title.fillna("").str.strip()
            + reviews.review_comment_message.fillna("").str.strip()) != ""
    days = pd.to_datetime(reviews.review_answer_timestamp[said]).dt.normalize()
    days = days[days < pd.Timestamp(first_day)]
    per_day = days.value_counts().sort_index()
    window = per_day.reindex(pd.date_range(per_day.index.min(), per_day.index.max()), fill_value=0).rolling(30, min_periods=1).sum()
    ends = window[(window >= 30) & window.index.isin(per_day.index)]
    end = ends.index[-1]
    return str((end - pd.Timedelta(days=29)).date()), str(end.date()), int(ends.iloc[-1])


def test_sentiment_on_the_thin_tail_names_the_latest_30_days_with_texts(olist):
    answer = olist.ask("how do customers feel?")["answer"]
    first_day = re.search(r"last 30 days \((\d{4}-\d\d-\d\d) to", answer).group(1)
    start, end, n = _latest_stretch(olist.raw, first_day)
    assert f"the latest 30 days with 30 or more are {start} to {end} ({n} texts): ask about that period" in answer, answer
    assert np.datetime64(end) < np.datetime64(first_day)


def test_an_accented_search_word_is_searched_whole_and_finds_both_spellings(olist):
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv", dtype=str)
    text = reviews.review_comment_message.fillna("").str.lower()
    assert text.str.contains("entrega").any()  # the plain spelling is in the raw file
    data = olist.ask('search the reviews for "entregá"')
    assert data["tool_calls"][0]["args"]["query"] == "entregá", data["tool_calls"][0]["args"]
    quotes = data["tool_calls"][0]["result"]["quotes"]
    assert quotes and all("entrega" in q["text"].lower() or "entregá" in q["text"].lower() for q in quotes[:3]), quotes
    data = olist.ask('any reviews that say "não recebi"?')
    assert data["tool_calls"][0]["args"]["query"] == "não recebi", data["tool_calls"][0]["args"]
