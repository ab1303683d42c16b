"""Olist's reviews are Portuguese, which the offline reader gives no sentiment score: "the main
complaints in August 2018" found no negative texts and told the owner to widen the period, which
finds none either. The answer counts the unscored texts (the month's reviews with a title or a
comment, counted here from the raw CSV with pandas) and says to ask by review score."""

from __future__ import annotations

import pandas as pd


def test_complaint_themes_over_unscored_reviews_say_to_ask_by_stars(olist):
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv", dtype=str)
    when = pd.to_datetime(reviews.review_answer_timestamp)
    said = reviews.review_comment_title.notna() | reviews.review_comment_message.notna()
    n = int((said & (when >= "2018-08-01") & (when < "2018-09-01")).sum())
    answer = olist.ask("what were the main complaints in august 2018")["answer"]
    assert f"{n:,} more have no sentiment score: Portuguese".replace(",", ".") in answer, answer
    assert "1 or 2 stars" in answer and "Widen the period" not in answer
