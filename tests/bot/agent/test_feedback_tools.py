"""The feedback tools as the agent and the planner will call them: declared for the model,
answers with provenance and quotes, mistakes as messages. (Not in catalog.all_tools() yet: the
Slack tests still stand in their own feedback_search.)"""

from __future__ import annotations

from bot.agent.feedback_tools import feedback_tools
from bot.agent.tools import ToolContext, render_for_model, run_tool
from bot.config import load_config
from tools.data.ingest import folder_loads, ingest_loads
from tools.feedback.index import index_store

NAMES = {"feedback_search", "feedback_themes", "feedback_sentiment"}
SURVEYS = """survey_id,customer_id,ts,csat,text,touchpoint
S1,,2026-05-20 10:00,1,"Checkout failed, my card was declined",checkout_start
S2,,2026-05-21 10:00,5,Lovely sourdough and friendly staff,instore_visit
S3,,2026-05-22 10:00,1,Payment page crashed when I tried to pay,checkout_start
S4,,2026-05-23 10:00,5,The croissants are delicious,instore_visit
S5,,2026-05-24 10:00,2,Could not pay online: the card payment kept failing,checkout_start
"""


def test_every_feedback_tool_is_declared_for_the_model():
    specs = {t.name: t for t in feedback_tools() if t.name in NAMES}
    assert set(specs) == NAMES
    for spec in specs.values():
        assert spec.description and spec.examples and spec.plan is not None
        for name, field in spec.params.model_fields.items():
            assert field.description, f"{spec.name}.{name} has no description"


def test_the_tools_answer_with_quotes_and_provenance(tmp_path, home, minilm):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    config = load_config()
    store = config.open_store()
    ingest_loads(store, folder_loads(tmp_path / "data"))
    index_store(config.open_feedback(), store)
    ctx = ToolContext(store=store, config=config)
    specs = {t.name: t for t in feedback_tools()}
    found = run_tool(specs["feedback_search"], ctx, {"query": "card payment failed", "limit": 2})
    assert found.ok, found.error
    assert found.result.provenance.tool == "feedback_search"
    assert {q.id for q in found.result.quotes} <= {"survey:S1", "survey:S3", "survey:S5"}
    assert all(q.quoted for q in found.result.quotes)
    assert "[how this was computed]" in render_for_model(found)
    mood = run_tool(specs["feedback_sentiment"], ctx, {"by": "touchpoint", "period": {"name": "all"}})
    assert mood.ok, mood.error
    assert mood.result.groups.set_index("group").loc["checkout_start", "mean"] < 0
    groups = run_tool(specs["feedback_themes"], ctx, {"period": {"name": "all"}, "min_size": 2})
    assert groups.ok, groups.error
    wrong = run_tool(specs["feedback_search"], ctx, {"query": "x" * 600})
    assert wrong.error.startswith("Invalid arguments: query")


def test_one_star_is_a_score_filter_and_the_reading_says_it():
    """Olist's "what do customers who gave 1 star say?" searched every answer and quoted 5-star
    ones; a single star count (digits or words) keeps that score only, and the reading names it."""
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.understood import understood

    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())
    for question, score in (("what do customers who gave 1 star say?", 1),
                            ("show me the five-star reviews", 5), ("what do the 2 star reviews say?", 2)):
        plan = planner.plan(question, f"stars-{score}")
        assert plan.spec.name == "feedback_search", question
        assert (plan.args.get("min_csat"), plan.args.get("max_csat")) == (score, score), question
        assert f"with CSAT {score}" in understood(plan.spec.name, plan.args, plan.slots), question
    both = planner.plan("what do people who gave us 1 or 2 stars say?", "stars-range")
    assert (both.args.get("min_csat"), both.args.get("max_csat")) == (1, 2)
