"""`journeybot satisfaction` as a script sees it: the verdict and table, JSON with every group,
exit codes for a wrong option and for a measure the data does not have."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from kpi_fixtures import load
from satisfaction_fixtures import LATE, ON_TIME, shop_tables

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def shop(home: Path, tmp_path: Path):
    from bot.config import load_config

    store = load_config().open_store()
    load(store, tmp_path / "shop", shop_tables())
    return store


def test_late_against_on_time_prints_the_verdict_and_the_table(shop):
    result = run("satisfaction", "--by", "delivery")
    assert result.exit_code == 0, result.output
    assert f"Yes: review score {np.mean(LATE):.2f} of 5 for late ({len(LATE)} answers)" in result.output
    assert "never arrived" in result.output and "Not compared:" in result.output


def test_json_has_every_group_with_its_size(shop):
    result = run("satisfaction", "--measure", "csat", "--by", "delivery", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    groups = {g["group"]: g for g in data["groups"]}
    assert groups["on time"]["n"] == len(ON_TIME) + 1
    assert groups["late"]["value"] == pytest.approx(sum(s >= 4 for s in LATE) / len(LATE))
    assert data["provenance"]["tool"] == "satisfaction_by"


def test_filter_options_keep_only_those_customers_answers(shop):
    # the first 12 customers (all delivered on time) are VIPs; every late one is a regular
    result = run("satisfaction", "--by", "delivery", "--segment", "regular", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    groups = {g["group"]: g for g in data["groups"]}
    assert groups["late"]["n"] == len(LATE)
    assert groups.get("on time", {"n": 0})["n"] < len(ON_TIME)
    assert data["provenance"]["filters"] == {"segment": ["regular"]}
    vip = json.loads(run("satisfaction", "--by", "delivery", "--segment", "vip", "--json").output)
    assert {g["group"]: g["n"] for g in vip["groups"]}.get("late", 0) == 0


def test_a_wrong_option_is_a_usage_error_and_missing_answers_are_bad_input(shop):
    assert run("satisfaction", "--by", "weather").exit_code == 2
    # the surveys hold 1-5 scores only: NPS is answered in CSAT, saying so
    result = CliRunner().invoke(main, ["satisfaction", "--measure", "nps"])
    assert result.exit_code == 0 and "Answered in CSAT: the surveys hold no NPS answers" in result.output
    result = CliRunner().invoke(main, ["satisfaction", "--period", "2020-01-01..2020-01-31"])
    assert result.exit_code == 1 and "No review score answers" in result.output


def _call(question: str) -> dict:
    result = run("ask", "--json", question)
    assert result.exit_code == 0, result.output
    [call] = [c for c in json.loads(result.output)["tool_calls"] if c["tool"] == "satisfaction_by"]
    return call["args"]


def test_a_group_named_in_the_question_filters_unless_it_is_what_is_compared(shop):
    """"Late deliveries ... for our vip customers": the VIPs' answers only, said in the answer;
    "do vip customers rate us lower than the other segments?": VIPs against the rest, unfiltered."""
    args = _call("are late deliveries hurting reviews from our vip customers?")
    assert args["by"] == "delivery" and (args.get("filters") or {}).get("segment") == ["vip"]
    answer = json.loads(run("ask", "--json", "are late deliveries hurting reviews from our vip customers?").output)["answer"]
    assert "customers with segment vip" in answer
    compared = _call("do vip customers give us lower review scores than the other segments?")
    assert compared["by"] == "segment" and not (compared.get("filters") or {}).get("segment")
