"""satisfaction_by: a satisfaction measure across late/on-time deliveries, channels, stages,
product categories and segments, each number checked against a computation written here."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from kpi_fixtures import load
from satisfaction_fixtures import LATE, ON_TIME, shop_tables
from scipy import stats

from tools.analytics.periods import Period
from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by
from tools.core.errors import NoDataError, ToolInputError


@pytest.fixture
def shop(store, tmp_path):
    load(store, tmp_path / "shop", shop_tables())
    return store


def welch(a: list[float], b: list[float]) -> tuple[float, float, float]:
    """mean(a) - mean(b) and its 95% interval, by scipy's own Welch test."""
    res = stats.ttest_ind(a, b, equal_var=False)
    ci = res.confidence_interval(0.95)
    return float(np.mean(a) - np.mean(b)), float(ci.low), float(ci.high)


def test_late_deliveries_against_on_time_with_sizes_intervals_and_a_plain_verdict(shop):
    r = satisfaction_by(shop, SatisfactionParams(measure="review_score", by="delivery"))
    g = r.groups.set_index("group")
    on_time = ON_TIME + [5]  # SL1: tied to L1's order through the customer's latest order
    assert g.loc["on time", "n"] == len(on_time) and g.loc["late", "n"] == len(LATE)
    assert g.loc["on time", "value"] == pytest.approx(np.mean(on_time))
    assert g.loc["late", "value"] == pytest.approx(np.mean(LATE))
    assert (g.loc["never arrived", "n"], g.loc["never arrived", "value"]) == (2, 1.0)
    half = stats.t.ppf(0.975, len(LATE) - 1) * np.std(LATE, ddof=1) / math.sqrt(len(LATE))
    assert g.loc["late", "low"] == pytest.approx(np.mean(LATE) - half)
    diff, low, high = welch(LATE, on_time)
    assert (g.loc["late", "vs_rest"], g.loc["late", "vs_rest_low"], g.loc["late", "vs_rest_high"]) == \
        (pytest.approx(diff), pytest.approx(low), pytest.approx(high))
    assert r.verdict.startswith("Yes: review score 2.00 of 5 for late (11 answers) against 4.54 of 5")
    assert "not chance" in r.verdict
    assert sorted(r.not_counted) == ["1 answer: its order was not a delivery",
                                     "1 answer: no order in the 30 days before it"]
    text = r.to_text()
    assert "never arrived" in text and "Not compared:" in text and "(too few to judge)" in text


def test_csat_is_the_share_of_4_and_5_with_wilson_intervals(shop):
    r = satisfaction_by(shop, SatisfactionParams(measure="csat", by="delivery"))
    g = r.groups.set_index("group")
    late_top = sum(s >= 4 for s in LATE)
    assert g.loc["late", "value"] == pytest.approx(late_top / len(LATE))
    n, p, z = len(LATE), late_top / len(LATE), 1.959964
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert (g.loc["late", "low"], g.loc["late", "high"]) == (pytest.approx(centre - half), pytest.approx(centre + half))


def test_a_small_group_is_shown_but_not_judged(store, tmp_path):
    data = shop_tables()
    keep = [ln for ln in data["surveys"].splitlines() if not ln.startswith(("S12,", "S13,", "S14,", "S15,",
                                                                             "S16,", "S17,", "S18,", "S19,"))]
    data["surveys"] = "\n".join(keep) + "\n"
    load(store, tmp_path / "few", data)
    r = satisfaction_by(store, SatisfactionParams(measure="review_score", by="delivery"))
    assert r.verdict.startswith("Cannot tell whether late deliveries go with a lower review score: only 3 answers")


def test_segments_compared_with_the_rest_allowing_for_several_groups(shop):
    r = satisfaction_by(shop, SatisfactionParams(measure="review_score", by="segment"))
    g = r.groups.set_index("group")
    raw = pd.read_csv(pd.io.common.StringIO(shop_tables()["surveys"]))
    seg = pd.read_csv(pd.io.common.StringIO(shop_tables()["customers"]))
    both = raw.merge(seg, on="customer_id")
    expected = both.groupby("segment").csat.agg(["mean", "size"])
    for name, row in expected.iterrows():
        assert (g.loc[name, "n"], g.loc[name, "value"]) == (row["size"], pytest.approx(row["mean"]))
    vip = both[both.segment == "vip"].csat.tolist()
    rest = both[both.segment != "vip"].csat.tolist()
    # two groups compared: each interval at 97.5% (Bonferroni), Welch as scipy computes it
    ci = stats.ttest_ind(vip, rest, equal_var=False).confidence_interval(1 - 0.05 / 2)
    assert g.loc["vip", "vs_rest_low"] == pytest.approx(ci.low)
    assert "Lowest review score: regular" in r.verdict


def test_product_categories_count_an_order_in_each_of_its_categories(shop):
    r = satisfaction_by(shop, SatisfactionParams(measure="review_score", by="product_category"))
    g = r.groups.set_index("group")
    raw = pd.read_csv(pd.io.common.StringIO(shop_tables()["orders"]))
    surveys = pd.read_csv(pd.io.common.StringIO(shop_tables()["surveys"]))
    tied = surveys.dropna(subset=["order_id"]).merge(raw, on="order_id")
    tied = pd.concat([tied, surveys[surveys.survey_id == "SL1"].assign(categories="cakes")])
    exploded = tied.assign(cat=tied.categories.str.split(", ")).explode("cat")
    expected = exploded.groupby("cat").csat.agg(["mean", "size"])
    assert g["n"].to_dict() == expected["size"].to_dict()
    assert g.loc["cakes", "value"] == pytest.approx(expected.loc["cakes", "mean"])


def test_answers_that_cannot_be_grouped_are_said_and_one_group_has_nothing_to_compare(shop):
    with pytest.raises(NoDataError, match="can be tied to a journey stage: 28 answers: no journey stage recorded"):
        satisfaction_by(shop, SatisfactionParams(measure="review_score", by="stage"))
    shop.execute("UPDATE surveys SET stage = 'post-purchase'")
    r = satisfaction_by(shop, SatisfactionParams(measure="review_score", by="stage"))
    assert r.verdict == "All answers fall in one journey stage (post-purchase): there is nothing to compare."


def test_sentiment_comes_from_the_scored_texts_the_caller_passes(shop):
    texts = pd.DataFrame({
        "source": ["survey"] * 23, "record_id": [f"S{i}" for i in range(23)],
        "customer_id": [f"C{i}" for i in range(23)],
        "ts": pd.Timestamp("2026-05-13 10:00", tz="Europe/London"), "stage": "post-purchase",
        "score": [0.6] * 12 + [-0.5] * 11,
    })
    r = satisfaction_by(shop, SatisfactionParams(measure="sentiment", by="delivery"), texts=texts)
    g = r.groups.set_index("group")
    assert (g.loc["on time", "value"], g.loc["late", "value"]) == (pytest.approx(0.6), pytest.approx(-0.5))
    with pytest.raises(ToolInputError, match="feedback index"):
        satisfaction_by(shop, SatisfactionParams(measure="sentiment", by="delivery"))


def test_no_answers_for_the_measure_or_the_period_says_so(shop):
    shop.execute("UPDATE surveys SET csat = NULL")
    with pytest.raises(NoDataError, match="No NPS answers"):
        satisfaction_by(shop, SatisfactionParams(measure="nps", by="delivery"))


def test_an_nps_only_survey_is_answered_in_nps_and_says_so(store, tmp_path):
    """A Typeform that asks only "how likely are you to recommend us?": "how satisfied are our
    segments?" said "No review scores in the surveys" as if nothing could be said. It answers in
    NPS, saying the surveys hold no 1-5 scores."""
    data = shop_tables()
    raw = pd.read_csv(pd.io.common.StringIO(data["surveys"]))
    raw["nps"] = (raw["csat"] * 2).clip(upper=10)  # 1-5 -> 2-10: promoters, passives and detractors
    data["surveys"] = raw.drop(columns="csat").to_csv(index=False)
    load(store, tmp_path / "nps", data)
    r = satisfaction_by(store, SatisfactionParams(measure="review_score", by="segment"))
    assert (r.measure, r.asked) == ("nps", "review_score")
    seg = pd.read_csv(pd.io.common.StringIO(data["customers"]))
    both = raw.merge(seg, on="customer_id")
    nps = both.groupby("segment").nps.agg(lambda x: 100 * ((x >= 9).mean() - (x <= 6).mean()))
    g = r.groups.set_index("group")
    for name, value in nps.items():
        assert g.loc[name, "value"] == pytest.approx(value)
    text = r.to_text()
    assert text.startswith("NPS by segment")
    assert "Answered in NPS: the surveys hold no review scores (1-5), only NPS answers (0-10)" in text
    assert "No review scores" not in text


def test_a_csat_only_survey_asked_for_nps_is_answered_in_csat_and_says_so(shop):
    r = satisfaction_by(shop, SatisfactionParams(measure="nps", by="segment"))
    assert (r.measure, r.asked) == ("csat", "nps")
    raw = pd.read_csv(pd.io.common.StringIO(shop_tables()["surveys"]))
    seg = pd.read_csv(pd.io.common.StringIO(shop_tables()["customers"]))
    share = raw.merge(seg, on="customer_id").groupby("segment").csat.agg(lambda x: (x >= 4).mean())
    g = r.groups.set_index("group")
    assert g.loc["vip", "value"] == pytest.approx(share["vip"])
    assert "Answered in CSAT: the surveys hold no NPS answers (0-10), only CSAT answers (1-5)" in r.to_text()


def test_no_answers_in_the_period_says_where_they_are(shop):
    with pytest.raises(NoDataError, match="the answers run from 2026-05-13 to 2026-05-20"):
        satisfaction_by(shop, SatisfactionParams(period=Period(start="2026-01-01", end="2026-01-31")))


def test_the_customers_named_keep_their_filter_and_the_answer_says_whose(store, tmp_path):
    """"Are late deliveries hurting reviews in SP?" answered for every state without a word. Here
    SP's two late parcels are rated 1 and 2 and its on-time ones 4 and 5; RJ's late one 5 and its
    on-time one 3 (promised the 10th; a delivery on the 11th is late)."""
    from tools.analytics.filters import Filters

    load(store, tmp_path / "states", {
        "customers": "customer_id,region\nA,SP\nB,SP\nC,SP\nD,SP\nE,RJ\nF,RJ\n",
        "orders": "order_id,customer_id,ts,amount,status,fulfilment,promised_at,delivered_at\n"
                  "1,A,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-11 09:00\n"
                  "2,B,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-12 09:00\n"
                  "3,C,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-09 09:00\n"
                  "4,D,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-10 21:00\n"
                  "5,E,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-11 09:00\n"
                  "6,F,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-08 09:00\n",
        "surveys": "survey_id,customer_id,ts,csat,order_id\n"
                   "S1,A,2026-05-13 10:00,1,1\nS2,B,2026-05-13 10:00,2,2\nS3,C,2026-05-13 10:00,4,3\n"
                   "S4,D,2026-05-13 10:00,5,4\nS5,E,2026-05-13 10:00,5,5\nS6,F,2026-05-13 10:00,3,6\n",
    })
    sp = satisfaction_by(store, SatisfactionParams(by="delivery", filters=Filters(region=["sp"])))
    g = sp.groups.set_index("group")
    assert (g.loc["late", "n"], g.loc["late", "value"]) == (2, 1.5)
    assert (g.loc["on time", "n"], g.loc["on time", "value"]) == (2, 4.5)
    assert sp.answers == 4 and sp.provenance.filters == {"region": ["SP"]}
    assert "customers with region SP" in sp.to_text().splitlines()[0]
    everyone = satisfaction_by(store, SatisfactionParams(by="delivery")).groups.set_index("group")
    assert (everyone.loc["late", "n"], everyone.loc["late", "value"]) == (3, pytest.approx(8 / 3))
    with pytest.raises(ToolInputError, match="Unknown region 'XX'"):
        satisfaction_by(store, SatisfactionParams(by="delivery", filters=Filters(region=["XX"])))


def test_a_brazilian_shop_reads_its_scores_with_decimal_commas_as_its_kpis(shop):
    # the same number format as the KPIs beside it: "2,00 of 5", never "2.00 of 5" next to "2,33 / 5"
    shop.set_profile({"currency": "BRL", "locale": "pt_BR"}, "test")
    r = satisfaction_by(shop, SatisfactionParams(measure="review_score", by="delivery"))
    on_time = np.mean(ON_TIME + [5])
    on_time_text = f"{on_time:.2f}".replace(".", ",")
    assert r.verdict.startswith(f"Yes: review score 2,00 of 5 for late (11 answers) against {on_time_text} of 5")
    assert "interval -" in r.verdict and "," in r.verdict.split("interval")[1].split(")")[0]
    text = r.to_text()
    late = next(line for line in text.splitlines() if line.strip().startswith("late"))
    assert "2,00 of 5" in late and "." not in late.split("of 5")[1]  # the interval ends too


def test_surveys_of_text_alone_point_to_sentiment(store, tmp_path):
    """UCI's labelled sentences: "which site has the happiest reviewers?" said "No review scores in
    the surveys: load reviews or CSAT answers first", as if nothing could be said; the surveys hold
    3,000 written answers whose sentiment can be compared."""
    load(store, tmp_path / "texts", {"surveys": "survey_id,ts,text,channel\n"
                                               "S1,2015-01-01,Great phone,amazon\nS2,2015-01-01,Awful food,yelp\n"})
    with pytest.raises(NoDataError) as err:
        satisfaction_by(store, SatisfactionParams(measure="review_score", by="channel"))
    assert "The surveys hold 2 written answers without a score" in str(err.value)
    assert "measure sentiment" in str(err.value)
