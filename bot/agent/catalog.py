"""The explicit list of tools the agent and the planner can use.

Add a tool here once its function in tools/ works; the registry test checks that every entry
has a description, examples, described params and a result with provenance.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from bot.agent.analytics_tools import analytics_tools
from bot.agent.feedback_tools import feedback_tools
from bot.agent.journey_map_tool import journey_map_tools
from bot.agent.persona_tools import persona_tools
from bot.agent.predict_tools import predict_tools
from bot.agent.product_interest_tool import SPEC as INTEREST_SPEC
from bot.agent.product_sales_tool import product_sales_tools
from bot.agent.records_held import RECORDS_HELD_CUES
from bot.agent.satisfaction_tool import satisfaction_tools
from bot.agent.time_pattern_tool import time_pattern_tools
from bot.agent.tools import ToolContext, ToolSpec


class DescribeParams(BaseModel):
    """No arguments: describes everything loaded."""

    model_config = ConfigDict(extra="forbid")


DESCRIBE_CUES = (
    # "what sources are hooked up for the orders", "which feeds have we got plugged in": the data connected
    (r"\b(?:what|which) (?:data )?(?:sources|feeds|systems|integrations|connections|apps|exports) (?:are|is|have (?:you|we) got|"
     r"do (?:you|we) have|have been|you(?:'ve| have) got) (?:\w+ )?(?:hooked up|hooked in|connected|plugged in|linked(?: up)?|"
     r"wired (?:in|up)|feeding (?:in|you)|coming in|pulled in|synced)\b", 1.2),
    (r"\b(?:loaded|imported|uploaded|ingested|synced)\b|\bin the (?:system|database)\b|\bwhat'?s in (?:the|our) "
     r"(?:data|database|system)\b|\bhow far back\b|\btime span\b|\bdate range\b|\brows? of\b|\brow counts?\b|\brows? (?:per|in each|for each) table\b|"
     r"\b(?:data|figures|numbers|export|dataset)\b.*\bcover\b|\bdoes (?:the|our) data\b|\bwhat data\b|"
     r"\bdata (?:do we have|have we got|is there)\b|\bdatabase\b|\bdataset\b|\bwhich (?:tables|sources|files)\b|"
     r"\b(?:overview|list|summary|rundown) of (?:the |our |your )?(?:tables|data|files|sources)\b|\btables you\b|"
     r"\b(?:what|which) (?:data|info|information|records) (?:do |have )?(?:you|we) (?:\w+ )?(?:got|have|hold|keep)\b|"
     # "what customer details do you hold?", "remind me what you can actually see about my salon"
     r"\b(?:what|which) (?:customer |client |member |patient )(?:details|fields|info|information|data|records) (?:do |have )?"
     r"(?:you|we) (?:\w+ )?(?:got|have|hold|keep|store)\b|"
     r"\bwhat (?:(?:exactly|else) )?(?:(?:can|do) you|you can) (?:actually |really |even )?see (?:about|of|on|in(?:to)?) "
     r"(?:my|our|the) (?!.*\b(?:last|this|since|yesterday|today)\b)|"
     r"\b(?:files?|exports?|csvs?|uploads?|spreadsheets?) (?:\w+ )?(?:in|there|loaded|imported|uploaded|through) yet\b|"
     r"\bin yet\b|\b(?:date|time) range\b|"
     # "the earliest and latest date you've got", "have my till sales come through?"
     r"\b(?:earliest|latest|oldest|newest|first|last|most recent) (?:and (?:the )?(?:earliest|latest|oldest|newest|first|last|most recent) )?"
     r"(?:date|day|record|entry)s? (?:you(?:'ve| have)? got|you have|you hold|in (?:the|your) data|(?:do )?you (?:have|hold))\b|"
     r"^(?:so |ok |and )?(?:ha(?:ve|s)|did) (?:my |our |the )?(?:[\w']+ ){0,8}(?:come through|came through|gone in|go in|"
     r"got in|synced|load(?:ed)?|upload(?:ed)?|import(?:ed)?|sync|been (?:loaded|imported|synced|uploaded|pulled in))\b|"
     # "is anything missing from the upload?", "gaps in the days": what the data lacks
     r"\b(?:missing|absent|left out) (?:from|in) (?:the |our |my )?(?:upload|import|export|data|files?|sync)\b|"
     r"\b(?:gaps?|holes?) (?:in|between) (?:the |my |our |these |those )?(?:days|dates|data|records|uploads?|history|files?|"
     # (lane probe26a: never "the gap in days from a first look to a first booking", a wait measured)
     r"exports?|spreadsheets?|csvs?|sheets?|numbers|figures|books)\b(?! (?:from|between) (?:a |their |the |someone'?s? )?first\b)|"
     # "what've ye got on the yard", "what have you actually got on us": what is held about the business
     r"\bwhat(?:'ve| have| do) (?:you|ye|ya|u|y'all) (?:actually |really |even |already )?(?:got|have|hold) on (?:the|our|my|us)\b|"
     # "any holes in what you've got, like whole days missing?", "earliest and latest day in what you can see"
     r"\b(?:gaps?|holes?) in what (?:you(?:'ve| have)? got|you (?:have|hold|can see))\b|\b(?:whole|entire|full) days? missing\b|"
     r"\b(?:earliest|first|oldest) and (?:the )?(?:latest|last|newest) (?:date|day)s? in what (?:you(?:'ve| have)? got|you (?:have|hold|can see))\b|"
     # "what do you know about my business from the files we gave you" (not "... about my customers")
     r"\bwhat (?:do|can) you (?:actually |already |even )?know about (?:my|our|the) (?:business|company|shop|firm|store|practice)\b|"
     # "a rundown of the touchpoints and stages you know about": what the data holds
     r"\b(?:touchpoints|stages|channels|segments|sources|tables)\b.{0,40}\b(?:you|we|the system|it|the data|the database|"
     r"journeybot|the bot) (?:know|knows) (?:about|of)\b|"
     # "what does the system know about our channels?"
     r"\b(?:what|which \w+) (?:does|do) (?:the system|journeybot|the bot|the data|the database) (?:know|have|hold) (?:about|on)\b|"
     r"\b(?:touchpoints|stages|channels|segments|sources|tables)\b.{0,40}\b(?:you|we) (?:know (?:about|of)|have (?:got )?"
     r"(?:on file|loaded|in the data)|can see)\b|"
     # "can you see the till side too, or only the online shop?": which sides of the business the data covers
     r"\bcan (?:you|the bot|journeybot|it) (?:even |actually |also |really )?see\b.{0,50}\bor (?:just|only|merely)\b|"
     # "is the support ticket data in there too or only the orders?": whether a kind of data is held
     r"\b(?:data|tickets?|surveys?|orders?|reviews?|feedback|records)\b (?:\w+ )?(?:in there|on file|in the system|loaded|there) "
     r"(?:too|as well|also|yet)\b|\bin there (?:too|as well|also|yet)\b|"
     # "have you got our survey answers in there or only the sales?": which kinds of data are held
     r"\b(?:in there|in the system|on file|loaded),? (?:or|and) (?:only|just)\b|\b(?:ha(?:ve|s)) (?:you|we|it) got (?:our |the |any |my )?"
     r"(?:[\w-]+ ){0,2}(?:data|answers|responses|tickets|surveys?|orders|sales|reviews|records|feedback) (?:\w+ )?"
     r"(?:in there|in the system|on file|loaded)\b|"
     r"^(?:which|what) (?:touchpoints|stages|channels|segments|sources|tables)\b.{0,20}\b(?:do|have) (?:you|we) (?:have|got|hold|"
     r"know)\b", 0.9),
    # "list which channels appear in our records", "what segments show up in the data": the
    # groups the data holds, not a ranking of them
    (r"\b(?:which|what|list|name|show me) (?:the |all )?(?:(?:different|distinct) )?(?:channels|segments|sources|stages|"
     r"touchpoints|towns|cities|regions|age bands|personas) (?:\w+ )?(?:appear|show up|turn up|exist|are there|are listed|"
     r"are recorded|are in|in)\b.{0,10}\b(?:our|the|your|my) (?:records|data|files|system|books|database|exports?)\b", 1.2),
    # "how many months does your data actually hold", "are there days missing in the repair records
    # you hold", "which channels turn up in what you've got": what the data holds, in other words
    (r"\b(?:does|do|did) (?:your|the|our) (?:data|records|system|files|database) (?:actually |really |even )?"
     r"(?:hold|contain|go back|cover|include)\b|"
     r"\b(?:days?|dates?|weeks?|months?) (?:\w+ )?missing (?:in|from) (?:the |your |our |my )?(?:[\w-]+ ){0,4}"
     r"(?:records|data|files|uploads?|history)\b|"
     r"\b(?:touchpoints|stages|channels|segments|sources|tables)\b.{0,30}\b(?:turn up|turns up|show up|shows up|appear|"
     r"exist)\b.{0,8}\b(?:in )?(?:what you(?:'ve| have)? got|the data|your data|our data|what you hold|what you can see)\b",
     0.9),
    (r"\bhow many (?:support |customer |help ?desk |survey |feedback )?(?:customers|orders|rows|records|events|surveys|tickets|cases|"
     r"reviews|people|answers|responses|replies|comments) (?:do we have|are there|have we got|"
     r"are (?:on file|on record|in (?:the )?(?:system|data|database)))\b|\bon file\b|\bon record\b|\bdata-?wise\b",
     0.6),
    # "do you have our survey answers and support tickets in there or not", "does this thing even
    # have the survey results or only the till stuff", "what channels are in there": what is held
    (r"\b(?:do|does|did|have|has) (?:you|it|this(?: thing| bot)?|the (?:bot|system|app)|journeybot) (?:even |actually |also |really )?"
     r"(?:have|hold|see|got|get|know about) (?:[\w'-]+ ){0,8}?(?:data|answers|responses|results|tickets|surveys?|orders|sales|"
     r"reviews|records|feedback|stuff|numbers|figures|history|logs?|exports?|files?)\b.{0,40}\b(?:or not|or (?:only|just))\b|"
     r"\b(?:what|which|wat) (?:channels|touchpoints|stages|segments|sources|tables|data)\b (?:are|r|is) (?:in )?there\b", 0.9),
    # "is there any survey stuff in there or nah", "is there any ticket info loaded": whether a kind
    # of data is held, in the loose words of a text message
    (r"^(?!.*\b(?:about|mention\w*|saying|regarding|complain\w*)\b).*?\b(?:is|are) there (?:any |some )?(?:[\w-]+ ){0,2}(?:stuff|info|information|data|records|details|history)\b "
     r"(?:[\w-]+ )?(?:in there|in the system|loaded|on file|held|uploaded)\b", 0.9),
    # (lane ps7) not "the score over all the data": there the data is the period, every day of it
    (r"^(?!.*\b(?:across|over|for|in|of|from) all (?:of )?(?:the|our|your|my) data\b).*?\bdata\b", 0.2),
    # (lane probe24a: never a cafe's tables counted, "tables served, money taken")
    (r"\b(?:tables|columns)\b(?! (?:booked|free|available|for|served|turned|sat|seated|filled|taken|done|cleared|laid)\b)", 0.4),
    # "which bits of our shop data can you see", "what kinds of data do you hold on us", "the
    # earliest date in what you've got, and the latest": what the data holds, said around the noun
    (r"\b(?:what|which|wat) (?:bits|parts|kinds?|sorts?|types?|sides?) of (?:our |my |the |your )?(?:[\w-]+ )?"
     r"(?:data|records|info|numbers|figures) (?:can|do|have|did) (?:you|u|ye|ya|it|the bot) (?:\w+ )?(?:see|hold|have|got|get)\b|"
     r"\b(?:earliest|first|oldest|latest|newest|last|most recent) (?:date|day|record|entry)s? (?:in|of) what (?:you|u|ye|ya)"
     r"(?:'ve| have)? (?:got|have|hold|can see)\b", 1.2),
)


# Tools the offline planner never ranks (no `plan`): it reaches them by a post-step on another
# tool's reading (bot/agent/planner.py's `plan`); a configured model gets them in its shortlist
# the same way (the planner's `rank`) and may call them like any other tool.
MODEL_ONLY = frozenset({"tickets_by_brand", "product_interest"})


def _describe(ctx: ToolContext, params: DescribeParams):
    from tools.analytics.describe import describe_data

    return describe_data(ctx.store)


def all_tools() -> list[ToolSpec]:
    """Every tool, in the planner's order: a new list of the specs built once per process (they
    are frozen), so the agent and `tool_spec` no longer build the catalog twice per ask."""
    return list(_catalog())


@cache
def _catalog() -> tuple[ToolSpec, ...]:
    from bot.agent.added_cues import with_added_cues
    from bot.agent.alert_tools import alert_tool_specs
    from bot.agent.digest_tool import digest_tool_spec
    from bot.agent.narrow_last import narrowed_by_follow_up
    from bot.agent.rate_follow_up import rated_by_follow_up
    from bot.agent.thread_follow_ups import kept_by_follow_up
    from bot.agent.ticket_brand_tool import BRAND_SPEC

    return tuple(with_added_cues(kept_by_follow_up(rated_by_follow_up(narrowed_by_follow_up([
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
            keywords=("data*", "loaded", "coverage", "tables", "in the system", "database", "do we have any"),
            cues=DESCRIBE_CUES + RECORDS_HELD_CUES,
            plan=lambda slots, ctx: {},
        ),
        *alert_tool_specs(),
        digest_tool_spec(),
        *analytics_tools(),
        BRAND_SPEC,  # no plan: the offline ranker skips it (bot/agent/ticket_brand_tool.py)
        INTEREST_SPEC,  # no plan either: reached over events naming products (bot/agent/product_interest_tool.py)
        *feedback_tools(),
        *predict_tools(),
        *journey_map_tools(),
        *persona_tools(),
        *satisfaction_tools(),
        *product_sales_tools(),
        *time_pattern_tools(),
    ])))))


@cache
def _by_name() -> dict[str, ToolSpec]:
    return {t.name: t for t in _catalog()}


def tool_spec(name: str) -> ToolSpec | None:
    """The catalog's spec of a tool by name (cached), or None."""
    return _by_name().get(name)
