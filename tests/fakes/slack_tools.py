"""Stand-ins for analyses other engineers are building (funnel, feedback search, personas,
a KPI trend), registered as agent tools so the Slack surfaces that show them can be tested
now. They return results shaped like every journeybot result: frozen dataclass, provenance,
to_text / to_frame / to_dict."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from bot.agent.catalog import all_tools
from bot.agent.tools import ToolContext, ToolSpec
from tools.core.results import Provenance, ResultMixin


@dataclass(frozen=True)
class FrameResult(ResultMixin):
    frame: pd.DataFrame
    text: str
    provenance: Provenance = field(repr=False)

    def to_text(self) -> str:
        return self.text

    def to_frame(self) -> pd.DataFrame:
        return self.frame


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QueryParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(description="what to look for", min_length=1, max_length=200)


FUNNEL = pd.DataFrame({"step": ["awareness", "consideration", "decision", "purchase"],
                       "customers": [1000, 420, 180, 61]})
TREND = pd.DataFrame({"date": [dt.date(2026, 5, d) for d in range(1, 8)], "metric": "nps",
                      "value": [40.0, 42.0, None, 39.0, 41.0, 44.0, 43.0], "n": [30, 31, 2, 28, 30, 33, 35]})


def _funnel(ctx: ToolContext, params: NoParams) -> FrameResult:
    text = ("Of 1,000 customers who noticed you, 61 bought (6.1%). The biggest drop is between "
            "awareness and consideration.\n\n"
            "step             customers   of first\n"
            "awareness            1,000     100.0%\n"
            "consideration          420      42.0%\n"
            "decision               180      18.0%\n"
            "purchase                61       6.1%")
    return FrameResult(FUNNEL, text, Provenance("funnel", "customers reaching each stage in order",
                                                period_label="last 30 days"))


def _trend(ctx: ToolContext, params: NoParams) -> FrameResult:
    return FrameResult(TREND, "NPS rose from 40 to 43 over the week.", Provenance("trend", "NPS per day"))


def _feedback(ctx: ToolContext, params: QueryParams) -> FrameResult:
    frame = pd.DataFrame({"id": ["t-17"], "date": ["2026-05-03"],
                          "quote": ["my order came late, ring me on 020 7946 0018"]})
    return FrameResult(frame, f'1 comment about "{params.query}":\n> "my order came late, ring me on [phone]" (2026-05-03, t-17)',
                       Provenance("feedback_search", "semantic search over surveys and tickets",
                                  params={"query": params.query}))


def _personas(ctx: ToolContext, params: NoParams) -> FrameResult:
    frame = pd.DataFrame({"persona": ["The Regular"], "customers": [312], "share": [0.31]})
    return FrameResult(frame, "*The Regular* (312 customers, 31%): weekly in-store buyer.",
                       Provenance("personas", "clusters of customers by behaviour"))


def extra_tools() -> list[ToolSpec]:
    def spec(name: str, params: type[BaseModel], run: Any, *phrases: str) -> ToolSpec:
        return ToolSpec(name=name, params=params, run=run, description=f"test stand-in for {name}",
                        examples=phrases, phrasings=phrases, keywords=(name,), plan=lambda slots, ctx: {})

    return [
        spec("funnel", NoParams, _funnel, "where do we lose people", "show the funnel"),
        spec("trend", NoParams, _trend, "how is nps trending"),
        spec("feedback_search", QueryParams, _feedback, "what do customers say about delivery"),
        spec("personas", NoParams, _personas, "who are our customer types", "show personas"),
    ]


def tools_with_stand_ins() -> list[ToolSpec]:
    """The real catalog with the stand-ins in place of same-named tools: the Slack tests check
    how surfaces show a result, with fixed numbers, not the analyses themselves."""
    extra = extra_tools()
    names = {t.name for t in extra}
    return [t for t in all_tools() if t.name not in names] + extra
