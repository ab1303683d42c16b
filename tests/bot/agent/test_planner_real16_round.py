"""Lane real16's planner round: upset people asked for with no topic ("show me angry customers")
are a search with no query, which the tool ranks by tone (tools/feedback/tone_ranked.py), not a
search for the word "feedback"; words for how people feel ("furious", "disgruntled") are never
the topic, and mark the search negative. Phrasings from other trades and words than the miss."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "let me see the furious diners",
    "read me what the irate guests wrote",
    "any disgruntled members lately?",
    "pull up the fuming patients' messages",
    "show the comments from dissatisfied clients",
])
def test_upset_people_with_no_topic_are_ranked_by_tone(rules, question):
    plan = rules.plan(question, "tone-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", (question, plan.spec)
    assert not plan.args.get("query"), (question, plan.args)
    assert (plan.args.get("max_sentiment") or 0) < 0, (question, plan.args)


@pytest.mark.parametrize(("question", "query"), [
    ("what did the livid diners say about the cold chips", "cold chips"),
    ("show me what disgruntled members wrote about the sauna", "sauna"),
])
def test_a_topic_said_by_upset_people_is_still_the_query(rules, question, query):
    assert_plans(rules, question, "feedback_search", query=query)
