"""(lane real28a) Two first questions of a new owner that were answered wrongly on real exports.

- REES46 (an event log with product, category and brand on every view): "which categories get
  the most views?" was answered with revenue by category (product_sales), a ranking of money read
  as one of attention. The loaded events keep no product, so the answer now says that and calls no
  tool; the raw file does rank views by category (checked here), which is why a silent revenue
  table was wrong. The view -> cart -> purchase funnel it points to is checked against pandas.
- Olist: "show me the 1 star reviews" listed one review (the 1 read as how many to show). It now
  lists the newest 1-star reviews with text, as many as a list shows, each checked against the raw
  reviews file.
- twcs: "which brand replies fastest?" listed the slowest brands first and named the slowest. It
  now lists the quickest first (minutes under an hour), checked against the raw reply threads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from realdata import extract as x
from realdata.questions import cached
from realdata.test_twcs_brands import MIN, by_brand


@cached
def rees46_events(raw: Path) -> pd.DataFrame:
    return pd.read_csv(raw / "2019-Oct-sample.csv")


@cached
def olist_reviews(raw: Path) -> pd.DataFrame:
    return pd.read_csv(raw / "olist_order_reviews_dataset.csv", parse_dates=["review_answer_timestamp"])


@pytest.mark.parametrize("question", [
    "which categories get the most views?",
    "which brands do people look at the most?",
    "what are our most viewed products?",
])
def test_views_by_product_are_not_answered_with_revenue(rees46, question):
    e = rees46_events(rees46.raw)
    views = e[e.event_type == "view"]
    # the export does rank views by category and brand: a revenue table would answer another question.
    # (lane real29a) the events keep the product, category and brand now, so the views are ranked
    # (tests/realdata/test_real29a.py checks the counts); over events without them it is still said missing.
    assert views.category_code.nunique() > 5 and views.brand.nunique() > 5
    out = rees46.ask(question)
    assert x.tools(out) == ["product_interest"], x.tools(out)
    assert out["tool_calls"][0]["args"]["measure"] == "views"
    assert "Revenue by" not in out["answer"]


def test_the_funnel_it_points_to_counts_the_raw_events(rees46):
    out = rees46.ask("funnel from view to cart to purchase")
    e = rees46_events(rees46.raw)
    users = {t: set(e[e.event_type == t].user_id) for t in ("view", "cart", "purchase")}
    assert x.tools(out) == ["funnel"]
    steps = {s["name"]: s for s in x.results(out)[0]["steps"]}
    assert steps["view"]["customers"] == len(users["view"])
    assert steps["purchase"]["customers"] == len(users["purchase"] & users["view"])


@pytest.mark.parametrize("question", ["show me the 1 star reviews", "show me 1-star reviews"])
def test_the_one_star_reviews_are_a_list_not_one(olist, question):
    r = olist_reviews(olist.raw)
    texts = r[(r.review_score == 1) & (r.review_comment_title.notna() | r.review_comment_message.notna())]
    newest = texts.sort_values("review_answer_timestamp", ascending=False)
    out = olist.ask(question)
    assert x.tools(out) == ["feedback_search"]
    quotes = x.results(out)[0]["quotes"]
    assert len(quotes) > 1
    # newest first, as the raw answer times say (two reviews may share a time: compared as times)
    when = dict(zip(newest.review_id + ":" + newest.order_id, newest.review_answer_timestamp, strict=True))
    assert all(q["record_id"] in when for q in quotes)
    assert [when[q["record_id"]] for q in quotes] == list(newest.review_answer_timestamp[:len(quotes)])
    assert f"{len(texts):,}".replace(",", ".") in " ".join(x.notes(out)) or str(len(texts)) in out["answer"].replace(".", "")


@pytest.mark.parametrize("question", ["which brand replies fastest?", "which company is quickest to answer customers?"])
def test_the_fastest_brand_comes_first(twcs, question):
    want = by_brand(twcs.raw)
    ranked = want[want["size"] >= MIN]
    out = twcs.ask(question)
    [call] = [c for c in out["tool_calls"] if c["tool"] == "tickets_by_brand"]
    rows = call["result"]["rows"]
    assert rows[0]["median_hours"] == pytest.approx(ranked["median"].min())
    assert rows[0]["brand"] in set(ranked.index[ranked["median"] == ranked["median"].min()])
    assert [r["median_hours"] for r in rows if not r["small"]] == sorted(r["median_hours"] for r in rows if not r["small"])
    assert f"{rows[0]['brand']}'s customers got the quickest replies" in out["answer"]


def test_the_slowest_brand_still_comes_first_when_asked(twcs):
    want = by_brand(twcs.raw)
    out = twcs.ask("which brand is slowest to reply?")
    [call] = [c for c in out["tool_calls"] if c["tool"] == "tickets_by_brand"]
    assert call["result"]["rows"][0]["brand"] == want[want["size"] >= MIN]["median"].idxmax()


@cached
def olist_done_categories(raw: Path) -> pd.DataFrame:
    """Delivered orders (the recipe's completed) with a product category, at Sao Paulo local time."""
    o = pd.read_csv(raw / "olist_orders_dataset.csv", parse_dates=["order_purchase_timestamp"])
    items = pd.read_csv(raw / "olist_order_items_dataset.csv")
    products = pd.read_csv(raw / "olist_products_dataset.csv")
    listed = items.merge(products, on="product_id").dropna(subset=["product_category_name"]).order_id.unique()
    return o[(o.order_status == "delivered") & o.order_id.isin(listed)]


def test_an_empty_last_30_days_names_the_latest_30_with_category_sales(olist):
    """Olist's last 30 days hold no delivered order: the ranking says which 30 days last had one."""
    done = olist_done_categories(olist.raw)
    last = done.order_purchase_timestamp.max().date()
    out = olist.ask("which product categories sell the most?")
    start = last - pd.Timedelta(days=29)
    assert f"the latest 30 days with them are {start} to {last}" in out["answer"], out["answer"]
