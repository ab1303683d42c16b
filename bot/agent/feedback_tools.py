"""What customers say, for the agent and the planner: semantic search with citations,
sentiment by stage or channel, and themes. The feedback store is opened once per process and
brought in line with the journey store's surveys and tickets before the first use (and again
whenever their row counts change), so a fresh ingest is searchable without a manual step."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.analytics_tools import period_from
from bot.agent.tools import ToolContext, ToolSpec

_COMPLAINT = re.compile(
    r"\b(unhappy|complain\w*|problem\w*|issue\w*|negative|angry|annoy\w*|frustrat\w*|bad|worst|"
    r"wrong|disappoint\w*|upset|hate|poor|late|broken|fail\w*|error\w*)\b", re.I)
_PRAISE = re.compile(r"\b(happy|love\w*|prais\w*|positive|great|best|delight\w*|compliment\w*)\b", re.I)


def feedback_store(ctx: ToolContext):
    """The feedback store, synced with the journey store's texts when they changed."""
    from tools.feedback.index import index_store

    fb = ctx.service("feedback", lambda: ctx.config.open_feedback())
    # Re-synced when texts were added or removed, and after any load: loading the CRM export
    # redacts names in texts already stored, which changes them without changing the counts.
    counts = (ctx.store.count("surveys"), ctx.store.count("tickets"),
              str(ctx.store.scalar("SELECT max(loaded_at) FROM ingest_log")))
    if ctx.services.get("feedback_synced_counts") != counts:
        from bot.agent.llm_hooks import sentiment_classifier

        classify = ctx.service("sentiment_classifier", lambda: sentiment_classifier(ctx.config))
        index_store(fb, ctx.store, chunk_words=ctx.config.feedback.chunk_words, classify=classify)
        ctx.services["feedback_synced_counts"] = counts
    return fb


def _search(ctx: ToolContext, params: Any):
    from tools.feedback.search import search

    return search(feedback_store(ctx), params, store=ctx.store)


def _sentiment(ctx: ToolContext, params: Any):
    from tools.feedback.sentiment import sentiment_summary

    return sentiment_summary(feedback_store(ctx), params, store=ctx.store)


def _themes(ctx: ToolContext, params: Any):
    from bot.agent.llm_hooks import theme_labeler
    from tools.feedback.themes import themes

    labeler = ctx.service("theme_labeler", lambda: theme_labeler(ctx.config))
    return themes(feedback_store(ctx), params, store=ctx.store, labeler=labeler)


def _plan_search(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    query = (getattr(slots, "query", "") or "").strip()
    text = (getattr(slots, "text", "") or "").lower()
    args: dict[str, Any] = {"query": query if len(query) >= 2 else "feedback"}
    args.update(period_from(slots))
    if _COMPLAINT.search(text):
        args["max_sentiment"] = -0.05
    stages = getattr(slots, "stages", []) or []
    if len(stages) == 1:
        args["stage"] = stages
    return args


def _plan_sentiment(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = period_from(slots)
    by = getattr(slots, "breakdown", None)
    text = (getattr(slots, "text", "") or "").lower()
    if by in ("channel",):
        args["by"] = "channel"
    elif "touchpoint" in text:
        args["by"] = "touchpoint"
    elif getattr(slots, "grain", None) in ("day", "week"):
        args["by"] = slots.grain
    elif re.search(r"\bover time|month by month|monthly", text):
        args["by"] = "month"
    stages = getattr(slots, "stages", []) or []
    if stages:
        args["stage"] = stages
    return args


def _plan_themes(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = period_from(slots)
    text = getattr(slots, "text", "") or ""
    if _COMPLAINT.search(text):
        args["sentiment"] = "negative"
    elif _PRAISE.search(text):
        args["sentiment"] = "positive"
    stages = getattr(slots, "stages", []) or []
    if len(stages) == 1:
        args["stage"] = stages
    return args


def feedback_tools() -> list[ToolSpec]:
    from tools.feedback.search import SearchParams
    from tools.feedback.sentiment import SentimentParams
    from tools.feedback.themes import ThemesParams

    return [
        ToolSpec(
            name="feedback_search",
            params=SearchParams,
            run=_search,
            description=(SearchParams.__doc__ or "").strip(),
            examples=(
                "what do people say about delivery?",
                "show me complaints about checkout",
                "any comments about the sourdough?",
            ),
            phrasings=(
                "find feedback about", "search customer comments", "quotes about pickup",
                "what did customers write about prices", "reviews mentioning gluten free",
                "tickets about payment", "customer comments on staff", "examples of feedback about the app",
                "what are people saying about", "any mentions of late orders",
            ),
            keywords=("say", "said", "saying", "comments", "quotes", "mention", "wrote", "write", "about"),
            plan=_plan_search,
        ),
        ToolSpec(
            name="feedback_sentiment",
            params=SentimentParams,
            run=_sentiment,
            description=(SentimentParams.__doc__ or "").strip(),
            examples=(
                "how do customers feel at each stage of the journey?",
                "is sentiment getting worse this month?",
                "which channel gets the most negative feedback?",
            ),
            phrasings=(
                "sentiment by stage", "mood of customers", "how positive is feedback", "emotion by stage",
                "sentiment over time", "are customers happier than last month", "feelings about post-purchase",
                "sentiment per channel", "where is feedback most negative",
            ),
            keywords=("sentiment", "feel", "feeling", "mood", "emotion", "happier", "unhappier", "tone"),
            plan=_plan_sentiment,
        ),
        ToolSpec(
            name="feedback_themes",
            params=ThemesParams,
            run=_themes,
            description=(ThemesParams.__doc__ or "").strip(),
            examples=(
                "what are customers unhappy about this month?",
                "what do people talk about in their feedback?",
                "any new complaints since last week?",
            ),
            phrasings=(
                "main themes in feedback", "top complaints", "what topics come up", "common issues customers raise",
                "what are the biggest problems customers report", "summarise the feedback",
                "recurring complaints", "what do customers praise", "what are the pain points",
                "what is bothering customers",
            ),
            keywords=("theme", "themes", "topics", "complain", "complaints", "unhappy", "pain point",
                      "issues", "problems", "praise", "summar", "love", "like about"),
            plan=_plan_themes,
        ),
    ]
