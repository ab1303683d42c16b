"""Drafting personas in a conversation: the offline planner and a scripted model go through
"draft personas", "merge the last two", "make the second one about weekday takeout customers",
"add a pain point about delivery times", "rename her to Rosie", "save it", "show personas" and
"funnel for Rosie"; the draft lives in the thread and survives a restart."""

from __future__ import annotations

import json

from fakes.chat import call, say, scripted
from persona_fixtures import tiny_shop

from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.data.store import JourneyStore


def _agent(store, tmp_path, model=None) -> JourneyAgent:
    ctx = ToolContext(store=store, config=load_config(env={}))
    return JourneyAgent(ctx, chat_model=model, model_label="fake" if model else "offline planner",
                        memory_path=tmp_path / "memory.sqlite")


def _members(store, name: str) -> int:
    return int(store.scalar("SELECT count(*) FROM persona_members WHERE persona = ?", [name]))


def test_offline_drafting_conversation(tmp_path):
    store = tiny_shop(JourneyStore(tmp_path / "journey.duckdb", timezone="Europe/London"))
    agent = _agent(store, tmp_path)
    thread = "C1:1700000000.000100"

    draft = agent.answer("draft three personas", thread)
    assert draft.tool_calls[0].name == "draft_personas" and draft.tool_calls[0].ok
    cards = draft.tool_calls[0].result.personas
    assert len(cards) == 3 and sum(c.facts["customers"] for c in cards) == 8
    assert "I drafted 3 personas" in draft.text and "Separation" not in draft.text  # statistics behind details
    assert "Separation:" in draft.tool_calls[0].result.to_text(details=True)

    merged = agent.answer("merge the last two", thread).tool_calls[0]
    assert merged.ok and merged.args["which"] == [-2, -1]
    assert merged.result.personas[1].facts["customers"] == cards[1].facts["customers"] + cards[2].facts["customers"]

    # Only P1 of the whole shop mostly collects on weekdays (P2 has one weekday pickup and one
    # Saturday delivery): the second card becomes P1, although P1 was on the first card.
    refocused = agent.answer("make the second one about weekday takeout customers", thread).tool_calls[0]
    assert refocused.ok, refocused.error
    assert refocused.args["action"] == "refocus" and refocused.args["focus"] == ["weekday", "pickup"]
    assert refocused.result.personas[1].facts["customers"] == 1
    assert refocused.result.personas[1].facts["revenue"] == 40.0  # P1's two £20 pickups, recomputed

    # "Narrow" keeps the card's own customers: nobody on the second card mostly buys at weekends.
    narrowed = agent.answer("narrow it to weekend customers only", thread)
    assert narrowed.tool_calls[0].args["action"] == "narrow" and not narrowed.tool_calls[0].ok
    assert "unchanged" in narrowed.text

    pain = agent.answer("add a pain point about delivery times", thread).tool_calls[0]
    assert pain.ok and any(p.added and p.label == "Delivery times" for p in pain.result.personas[1].pain_points)

    unnamed = agent.answer("rename her", thread)
    assert not unnamed.tool_calls[0].ok and "new name" in unnamed.text

    # A restart: a new agent and store on the same files carry on in the same thread.
    agent = _agent(JourneyStore(tmp_path / "journey.duckdb", timezone="Europe/London"), tmp_path)
    renamed = agent.answer("rename her to Rosie", thread).tool_calls[0]
    assert renamed.ok and renamed.result.personas[1].name == "Rosie"

    # Saving changes what is kept: it waits for a yes.
    asked = agent.answer("save it", thread)
    assert asked.pending is not None and asked.pending.tool == "save_persona" and not asked.tool_calls
    assert _members(agent.ctx.store, "Rosie") == 0
    saved = agent.confirm(asked.pending, thread)
    assert saved.tool_calls[0].name == "save_persona" and "Rosie" in saved.text
    assert _members(agent.ctx.store, "Rosie") == 1

    listed = agent.answer("show personas", thread)
    assert listed.tool_calls[0].name == "list_personas" and "Rosie" in listed.text

    funnel = agent.answer("funnel from consideration to purchase for Rosie over all time", thread).tool_calls[0]
    assert funnel.name == "funnel" and funnel.args["filters"]["persona"] == "Rosie"
    assert funnel.ok, funnel.error
    assert funnel.result.steps.customers.tolist()[0] == 1  # P1 only

    # Another thread has no draft to edit.
    other = agent.answer("merge the last two", "C1:other-thread")
    assert not other.tool_calls[0].ok and "draft personas" in other.text


def _has_personas(store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'persona_members'"))


def _words(name: str) -> str:
    return json.dumps({"name": name, "summary": "Shops with us in their own way.",
                       "needs_goals": ["Fresh bread close to home"], "pain_points": [],
                       "next_steps": ["Thank them in person"]})


def test_model_drafting_conversation_with_the_writer(tmp_path):
    store = tiny_shop(JourneyStore(None, timezone="Europe/London"))
    model = scripted(
        call("draft_personas", {"segments": 2}),
        # The writer is the same model, through prompts/persona.md: one reply per card. The
        # second name has a digit, so the template name is kept for that card.
        say(_words("The Morning Regular")), say(_words("The 5pm Collector")),
        say("I drafted two personas."),
        call("edit_persona", {"action": "rename", "which": [2], "text": "Rosie"}, "call_2"),
        say("Renamed."),
        call("save_persona", {}, "call_3"),
        say("Saved Rosie."),
    )
    agent = _agent(store, tmp_path, model)
    thread = "C9:1700000000.000200"

    first = agent.answer("draft personas from our data", thread)
    result = first.tool_calls[0].result
    names = [p.name for p in result.personas]
    assert "The Morning Regular" in names and "The 5pm Collector" not in names
    assert all(p.written_by == "model" for p in result.personas)
    writer_prompts = [m[-1].content for m in model.seen if "persona card" in m[-1].content]
    assert len(writer_prompts) == 2 and "Write no numbers" in writer_prompts[0]
    # Customer quotes reach the writer fenced as data.
    assert any("<customer_text>" in p for p in writer_prompts)

    renamed = agent.answer("call the second one Rosie", thread).tool_calls[0]
    assert renamed.ok and renamed.result.personas[1].name == "Rosie"
    # The model asked to save: held until the person confirms, then saved.
    asked = agent.answer("save it", thread)
    assert asked.pending is not None and asked.pending.tool == "save_persona" and not asked.tool_calls
    assert not _has_personas(store) or _members(store, "Rosie") == 0
    saved = agent.confirm(asked.pending, thread)
    assert saved.tool_calls[0].ok and saved.tool_calls[0].result.saved[0][0] == "Rosie"
    assert _members(store, "Rosie") == renamed.result.personas[1].facts["customers"]
