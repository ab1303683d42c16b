"""(lane real27a) The share of 1-2 star reviews on Olist (low_review_share): over all the data
and over one month, asked through the command line and in plain words. Expected numbers come
from the raw reviews file with pandas, dated by review_answer_timestamp as the recipe loads them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from realdata import extract as x


def reviews(raw: Path) -> pd.DataFrame:
    return pd.read_csv(raw / "olist_order_reviews_dataset.csv", parse_dates=["review_answer_timestamp"])


def low_share(r: pd.DataFrame) -> float:
    return float((r.review_score <= 2).sum() / r.review_score.notna().sum())


def test_the_low_share_over_all_the_data(olist):
    out = olist.cli("kpis", "--metric", "low_review_share", "--period", "all")
    r = reviews(olist.raw)
    assert x.kpi(out, "low_review_share") == pytest.approx(low_share(r))
    assert x.kpi(out, "low_review_share", "n") == r.review_score.notna().sum()
    assert x.kpi(out, "low_review_share", "numerator") == (r.review_score <= 2).sum()


def test_the_low_share_of_one_month(olist):
    out = olist.cli("kpis", "--metric", "low_review_share", "--period", "2018-08-01..2018-08-31")
    r = reviews(olist.raw)
    month = r[(r.review_answer_timestamp >= "2018-08-01") & (r.review_answer_timestamp < "2018-09-01")]
    assert len(month) > 30
    assert x.kpi(out, "low_review_share") == pytest.approx(low_share(month))


@pytest.mark.parametrize("question", [
    "what share of reviews are 1 or 2 stars, over all our data?",
    "how many bad reviews did we get over all our data?",
    # (lane real28b) the reviews said bad as a whole: the 1-2 stars, not the complement of CSAT
    "what share of reviews are negative, over all our data?",
    "how many ratings were poor over all our data?",
    "share of bad reviews over all our data",
])
def test_asked_in_plain_words(olist, question):
    out = olist.ask(question)
    assert x.kpi(out, "low_review_share") == pytest.approx(low_share(reviews(olist.raw)))


def test_not_in_every_headline(olist):
    out = olist.cli("kpis", "--period", "all")
    assert "low_review_share" not in {v["metric"] for v in out["values"]}
