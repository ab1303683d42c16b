"""The explicit list of tools the agent and the planner can use.

Add a tool here once its function in tools/ works; the registry test checks that every entry
has a description, examples, described params and a result with provenance.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.agent.analytics_tools import analytics_tools
from bot.agent.feedback_tools import feedback_tools
from bot.agent.journey_map_tool import journey_map_tools
from bot.agent.persona_tools import persona_tools
from bot.agent.predict_tools import predict_tools
from bot.agent.satisfaction_tool import satisfaction_tools
from bot.agent.tools import ToolContext, ToolSpec


class DescribeParams(BaseModel):
    """No arguments: describes everything loaded."""

    model_config = ConfigDict(extra="forbid")


def _describe(ctx: ToolContext, params: DescribeParams):
    from tools.analytics.describe import describe_data

    return describe_data(ctx.store)


def all_tools() -> list[ToolSpec]:
    from bot.agent.alert_tools import alert_tool_specs
    from bot.agent.digest_tool import digest_tool_spec

    return [
        ToolSpec(
            name="describe_data",
            params=DescribeParams,
            run=_describe,
            description=(
                "What data is loaded: tables and row counts, the first and last day covered, "
                "journey stages, touchpoints and channels present, and gaps. Call it before "
                "answering when unsure whether the data can answer the question."
            ),
            examples=(
                "what data do you have?",
                "how far back does the data go?",
                "which channels and touchpoints are in the data?",
            ),
            phrasings=("describe the data", "what is loaded", "data coverage", "what tables are there",
                       "how many customers do we have in the data", "what period does the data cover",
                       "do we have any survey data", "is there data on orders", "what exports are in"),
            keywords=("data", "loaded", "coverage", "tables", "in the system", "database", "do we have any"),
            plan=lambda slots, ctx: {},
        ),
        *alert_tool_specs(),
        digest_tool_spec(),
        *analytics_tools(),
        *feedback_tools(),
        *predict_tools(),
        *journey_map_tools(),
        *persona_tools(),
        *satisfaction_tools(),
    ]
