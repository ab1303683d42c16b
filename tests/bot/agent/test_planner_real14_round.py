"""Readings added in phase T (lane g-real14), found on real exports, on phrasings written for this
round in other trades and languages (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "query"), [
    # accented words are searched whole: "entregá" was cut to "entreg" and spelled "entre"
    ('search feedback for "entregá"', "entregá"),
    ("find comments mentioning the crème brûlée", "crème brûlée"),
    ('what did guests write about "habitación"', "habitación"),
    ("any reviews that say não recebi", "não recebi"),
    ("show me feedback about the café terrace", "café terrace"),
    # plain English is read as before
    ("find comments mentioning the parking", "parking"),
])
def test_accented_search_words_are_kept_whole(rules, question, query):
    assert_plans(rules, question, "feedback_search", query=query)
