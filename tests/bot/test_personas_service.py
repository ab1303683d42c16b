"""The persona back end of the adapters: Slack's personas()/save_persona(conversation) and the
model-backed card writer (JSON in a code fence, or not JSON at all)."""

from __future__ import annotations

from fakes.chat import say, scripted
from persona_fixtures import tiny_shop

from bot.personas_service import persona_writer, slack_features
from tools.personas.draft import DraftPersonasParams, draft_personas


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


def test_writer_reads_fenced_json_and_survives_prose():
    model = scripted(say('```json\n{"name": "The Early Bird", "summary": "Up first."}\n```'),
                     say("Sorry, I cannot help with that."))
    write = persona_writer(model, "Southville Bakery")
    assert write({"size": "3 customers"}, ["Lovely <b>buns</b>"]) == {"name": "The Early Bird", "summary": "Up first."}
    prompt = model.seen[0][-1].content
    assert "Southville Bakery" in prompt and "<customer_text>Lovely <b>buns</b></customer_text>" in prompt
    assert write({"size": "3 customers"}, []) == {}
