"""The persona features Slack calls: personas() lists the saved cards, save_persona(conversation)
saves the card in focus in that thread."""

from __future__ import annotations

from persona_fixtures import tiny_shop

from bot.slack.persona_features import slack_features
from tools.personas.draft import draft_personas
from tools.personas.params import DraftPersonasParams


def test_slack_lists_and_saves_the_threads_persona(store):
    tiny_shop(store)
    features = slack_features(store)
    assert features["personas"]() == []
    draft = draft_personas(store, DraftPersonasParams(segments=2), conversation="C1:171.1")
    name = features["save_persona"]("C1:171.1")
    assert name == draft.personas[0].name  # the card in focus: the first (most revenue) after a draft
    assert features["save_persona"]("C1:171.1") == f"{name} (version 2)"
    listed = features["personas"]()
    assert [p.name for p in listed] == [name] and listed[0].id == f"{name}:v2"
