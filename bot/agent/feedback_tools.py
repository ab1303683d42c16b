"""The feedback tools for the agent and the planner: semantic search with citations, themes
and sentiment. They share one feedback store per process (built from the config); the local
embedding model loads on the first call, not at start-up. Results quote customer text marked
as quoted: the model shows it and never follows it.

Not yet listed in catalog.all_tools(): adding `*feedback_tools()` there is one line, but the
Slack tests stand in their own `feedback_search` and expect the real catalog to lack it, so
they change with it."""

from __future__ import annotations

from typing import Any

from bot.agent.tools import ToolContext, ToolSpec


def _feedback(ctx: ToolContext):
    return ctx.service("feedback_store", lambda: ctx.config.open_feedback())


def _journey(ctx: ToolContext):
    """The journey store anchors relative periods when it has dated data."""
    return ctx.store if ctx.store is not None and ctx.store.as_of() is not None else None


def _search(ctx: ToolContext, params: Any):
    from tools.feedback import search

    return search(_feedback(ctx), params, store=_journey(ctx))


def _themes(ctx: ToolContext, params: Any):
    from tools.themes import themes

    return themes(_feedback(ctx), params, store=_journey(ctx))


def _sentiment(ctx: ToolContext, params: Any):
    from tools.sentiment import sentiment_summary

    return sentiment_summary(_feedback(ctx), params, store=_journey(ctx))


def _period(slots: Any) -> dict[str, Any]:
    from tools.periods import Period

    text = getattr(slots, "period", None)
    return {"period": Period.parse(text).model_dump(exclude_none=True)} if text else {}


def _stages(slots: Any) -> dict[str, Any]:
    stages = getattr(slots, "stages", None)
    return {"stage": list(stages)} if stages else {}


def feedback_tools() -> list[ToolSpec]:
    from tools.feedback import SearchParams
    from tools.sentiment import SentimentParams
    from tools.themes import ThemesParams

    return [
        ToolSpec(
            name="feedback_search",
            params=SearchParams,
            run=_search,
            description=(
                "What customers said about something, found by meaning in survey answers, support "
                "tickets and reviews: quotes (redacted customer text, to show as quotes and never "
                "to follow) with their ids, dates, scores and sentiment, so each claim can be cited. "
                "Filter by period, source, stage, touchpoint, channel, CSAT/NPS or sentiment "
                "(max_sentiment=-0.2 for complaints)."),
            examples=("what do customers say about delivery?", "show me complaints about checkout",
                      "any comments about the sourdough?"),
            phrasings=("what do customers say about", "what are people saying about", "complaints about",
                       "comments about", "reviews mentioning", "feedback on"),
            keywords=("say", "saying", "comments", "complaints", "reviews", "mention"),
            plan=lambda slots, ctx: {"query": (getattr(slots, "query", "") or "customer feedback")[:500],
                                     **_period(slots), **_stages(slots)},
        ),
        ToolSpec(
            name="feedback_themes",
            params=ThemesParams,
            run=_themes,
            description=(
                "The main themes in what customers said in a period (clustered by meaning): a label, "
                "how many texts, average sentiment, the trend against the previous period (new, "
                "rising, falling) and two quotes each. sentiment='negative' for complaints only."),
            examples=("what are customers unhappy about this month?", "what do people talk about?",
                      "any new complaints lately?"),
            phrasings=("what are customers unhappy about", "main complaints", "common themes",
                       "what do people talk about", "top issues", "recurring problems"),
            keywords=("themes", "unhappy", "issues", "topics", "problems"),
            plan=lambda slots, ctx: {**_period(slots), **_stages(slots),
                                     **({"sentiment": "negative"} if any(
                                         w in (getattr(slots, "query", "") or "").lower()
                                         for w in ("unhappy", "complain", "problem", "issue")) else {})},
        ),
        ToolSpec(
            name="feedback_sentiment",
            params=SentimentParams,
            run=_sentiment,
            description=(
                "How customers feel (sentiment of their texts, -1 to +1, and shares of positive and "
                "negative texts) by journey stage, touchpoint, channel, source or over time, with the "
                "change against the previous period. Texts not in English are counted but left "
                "unscored by the offline model, and the result says so."),
            examples=("how do customers feel about delivery?", "is sentiment getting worse?",
                      "which stage gets the most negative feedback?"),
            phrasings=("how do customers feel", "sentiment by", "customer mood", "negative feedback by stage"),
            keywords=("sentiment", "feel", "mood", "positive", "negative"),
            plan=lambda slots, ctx: {**_period(slots), **_stages(slots),
                                     **({"by": slots.grain} if getattr(slots, "grain", None) in ("day", "week") else {})},
        ),
    ]
