"""Olist's reviews are Portuguese, which the offline reader gives no sentiment score. "Show me
quotes about late delivery" keeps complaints only (negative sentiment), so it searched the few
English reviews and showed "The end", a 5-star review, without a word about the thousands left
out. The answer now counts them: the texts in scope are the reviews with a title or a comment,
counted here from the raw CSV with pandas."""

from __future__ import annotations

import re

import pandas as pd


def test_a_complaints_only_search_says_how_many_portuguese_reviews_it_cannot_see(olist):
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv", dtype=str)
    written = (reviews.review_comment_title.fillna("").str.strip()
               + reviews.review_comment_message.fillna("").str.strip()) != ""
    texts = int(written.sum())
    data = olist.ask("show me quotes about late delivery")
    assert data["tool_calls"][0]["args"].get("max_sentiment", 0) < 0, data["tool_calls"]
    answer = data["answer"]
    # the shop writes counts the Brazilian way (4.223)
    m = re.search(r"([\d.]+) of the ([\d.]+) texts have no sentiment score \(Portuguese ([\d.]+)", answer)
    assert m, answer
    unscored, total, portuguese = (int(g.replace(".", "")) for g in m.groups())
    assert total == texts
    assert unscored >= 0.95 * texts and portuguese >= 0.9 * texts
    assert "leaves them out" in answer and "1 or 2 stars" in answer
