"""Google Business Profile reviews as Google Takeout writes them (one reviews.json document per
location) load through `journeybot ingest` as downloaded, the shop's own and a held-back one from
another made-up business, and the ratings an owner asks for agree with pandas/json reading the raw
file here: the star words as 1-5 scores, the comments as text, the written time."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.store import JourneyStore
from tools.data.vendors import documents
from tools.data.vendors.catalogue import read_header, recognitions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"
REVIEWS = [(MAIN / "google_reviews/reviews.json", "America/Los_Angeles"),
           (HELDOUT / "google_reviews/reviews.json", "Europe/London")]
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def reviews(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["reviews"]


@pytest.mark.parametrize("path", [p for p, _ in REVIEWS], ids=["main", "heldout"])
def test_a_takeout_reviews_file_is_recognised_by_its_recipe_alone(path):
    assert [r.recipe.name for r in recognitions(read_header(path)) if r.complete] == ["google_reviews"]


@pytest.mark.parametrize(("path", "zone"), REVIEWS, ids=["main", "heldout"])
def test_google_reviews_star_words_comments_and_times(path, zone, home):
    run("profile", "set", f"timezone={zone}")
    out = run("ingest", "--no-index", str(path)).output
    assert "Recognised reviews.json as a Google Business Profile reviews export" in out
    assert "surveys   <- reviews.json:" in out  # the owner's file, not the rows made from it
    raw = reviews(path)
    stars = pd.Series([STARS[r["starRating"]] for r in raw])
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("surveys") == len(raw)
    assert store.scalar("SELECT avg(csat) FROM surveys") == pytest.approx(stars.mean())
    assert store.scalar("SELECT count(*) FROM surveys WHERE csat <= 2") == (stars <= 2).sum()
    # a rating without words has no comment field: a score with no text
    assert store.scalar("SELECT count(text) FROM surveys") == sum("comment" in r for r in raw) < len(raw)
    times = store.query("SELECT survey_id, epoch(ts) AS t FROM surveys")
    want = {r["name"]: pd.Timestamp(r["createTime"]).timestamp() for r in raw}
    assert dict(zip(times["survey_id"], times["t"], strict=True)) == pytest.approx(want)
    # anonymous: no reviewer name or photo anywhere in what was stored
    assert store.scalar("SELECT count(customer_id) FROM surveys") == 0
    names = {r["reviewer"]["displayName"] for r in raw}
    stored_text = " ".join(store.query("SELECT coalesce(text, '') AS t FROM surveys")["t"])
    assert not any(n in stored_text for n in names if n != "A Google User")
    got = {v.metric: v.value for v in kpis(store, KpiParams(period=Period(name="all"),
                                                            metrics=["csat", "csat_mean"])).values}
    store.close()
    assert got["csat"] == pytest.approx((stars >= 4).mean())
    assert got["csat_mean"] == pytest.approx(stars.mean())
    assert "0 new, 0 updated" in run("ingest", "--no-index", str(path)).output


def test_a_bad_review_is_named_by_the_owners_file_and_its_place_in_the_list(tmp_path, home):
    doc = json.loads((MAIN / "google_reviews/reviews.json").read_text(encoding="utf-8"))
    doc["reviews"][4]["starRating"] = "STAR_RATING_UNSPECIFIED"
    f = tmp_path / "reviews.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    refused = run("ingest", "--no-index", str(f), ok=False)
    assert refused.exit_code != 0
    assert str(f) in refused.output and "row 5" in refused.output and "journeybot-doc-" not in refused.output
    store = JourneyStore(home / "journey.duckdb")
    assert store.is_empty()
    store.close()


def test_json_lines_named_json_are_left_to_the_line_reader(tmp_path):
    """A JSON-lines file saved as .json whose records hold a list of objects is not a document
    of records: only one JSON document (pretty-printed or on one line) is read as rows."""
    lines = tmp_path / "events.json"
    lines.write_text('{"id": 1, "items": [{"sku": "A"}]}\n{"id": 2, "items": [{"sku": "B"}]}\n', encoding="utf-8")
    assert documents.records(lines) is None
    one_line = tmp_path / "reviews.json"
    one_line.write_text(json.dumps({"reviews": [{"starRating": "FIVE", "reviewer": {"displayName": "X"}}]}))
    assert documents.records(one_line) == [{"starRating": "FIVE", "reviewer.displayName": "X"}]
