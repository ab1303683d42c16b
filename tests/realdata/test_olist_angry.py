""""Show me angry customers" on Olist (lane real16): no topic, so the reviews are ranked by tone.
Olist's Portuguese reviews have no sentiment score offline, but each has its stars: the list is
the 1-star reviews, newest first, checked here against the raw reviews file with pandas; it
searched the literal word "feedback" before."""

from __future__ import annotations

import pandas as pd


def _one_star(raw) -> pd.DataFrame:
    reviews = pd.read_csv(raw / "olist_order_reviews_dataset.csv", dtype=str)
    text = (reviews.review_comment_title.fillna("").str.strip() + reviews.review_comment_message.fillna("").str.strip())
    reviews["id"] = reviews.review_id + ":" + reviews.order_id  # the recipe's survey id
    reviews["day"] = pd.to_datetime(reviews.review_answer_timestamp).dt.date.astype(str)
    return reviews[(text != "") & (reviews.review_score == "1")]


def test_angry_customers_are_the_newest_one_star_reviews(olist):
    worst = _one_star(olist.raw)
    assert len(worst) > 8
    data = olist.ask("show me angry customers")
    call = data["tool_calls"][0]
    assert call["tool"] == "feedback_search" and not call["args"].get("query"), call["args"]
    quotes = call["result"]["quotes"]
    assert len(quotes) == 8 and {q["record_id"] for q in quotes} <= set(worst.id), quotes
    # newest first among equals (same stars, no sentiment): the latest 1-star days, within a day of the
    # business clock (Sao Paulo) against the raw stamps
    newest = sorted(worst.day, reverse=True)
    assert quotes[0]["date"] >= str((pd.Timestamp(newest[0]) - pd.Timedelta(days=1)).date())
    assert [q["date"] for q in quotes] == sorted((q["date"] for q in quotes), reverse=True)
    answer = data["answer"]
    assert "most negative" in answer and "no topic was given, so ranked by tone" in answer
    assert "“feedback”" not in answer


def test_angry_customers_of_a_month_are_that_months_one_star_reviews(olist):
    worst = _one_star(olist.raw)
    july = worst[worst.day.str.startswith("2018-07")]
    data = olist.ask("show me angry customers in july 2018")
    quotes = data["tool_calls"][0]["result"]["quotes"]
    assert quotes and {q["record_id"] for q in quotes} <= set(july.id) | set(worst.id), quotes
    assert all(q["date"].startswith(("2018-07", "2018-06-30", "2018-08-01")) for q in quotes), quotes
    assert sum(q["record_id"] in set(july.id) for q in quotes) >= len(quotes) - 1
