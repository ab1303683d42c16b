"""The model-backed persona card writer (JSON in a code fence, or not JSON at all)."""

from __future__ import annotations

from fakes.chat import say, scripted

from bot.agent.persona_writer import persona_writer


def test_writer_reads_fenced_json_and_survives_prose():
    model = scripted(say('```json\n{"name": "The Early Bird", "summary": "Up first."}\n```'),
                     say("Sorry, I cannot help with that."))
    write = persona_writer(model, "Southville Bakery")
    assert write({"size": "3 customers"}, ["Lovely <b>buns</b>"]) == {"name": "The Early Bird", "summary": "Up first."}
    prompt = model.seen[0][-1].content
    assert "Southville Bakery" in prompt and "<customer_text>Lovely <b>buns</b></customer_text>" in prompt
    assert write({"size": "3 customers"}, []) == {}
