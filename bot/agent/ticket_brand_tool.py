"""(lane real27a) Support tickets split by brand, where the tickets keep one (twcs: the account
that answered each conversation, as the ticket's subject).

The rules read "which brand's customers wait longest for a reply" or "tickets per company" as a
ticket KPI with a split they do not know ("brand"); over data whose tickets keep a brand handle
each, that reading is turned into tools/analytics/ticket_brands.py's split: the brands ranked by
their median wait for a first reply, or by their tickets. Over any other data (a helpdesk's
subject sentences, no tickets) nothing changes: the KPI answers with the note of
bot/agent/ticket_subjects.py. The offline planner reaches the tool only this way, never ranked on
its own words, so it adds nothing to the phrasings every other question is scored against.

(lane real28b) A configured model reaches it too: the spec is in the catalog (without a `plan`,
so the offline ranker never scores it), and `brand_ranked` puts it in the model's shortlist when
the rules would split by brand, or when the question names a brand, company or account (or one
of the handles itself) of tickets that keep one.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.plan import Plan
from bot.agent.ticket_subjects import subject_not_split
from bot.agent.tools import ToolContext, ToolSpec
from tools.analytics.ticket_brands import TicketBrandParams, tickets_by_brand

# KPIs of tickets a brand split answers: the wait for a reply (ranked by it) or the count
_WAITS = frozenset({"first_response_time", "first_response_time_p90", "resolution_time", "resolution_time_p90"})
_COUNTS = frozenset({"tickets", "open_tickets", "resolved_tickets"})
_SPLIT_BY = ("kpis", "compare", "movers", "trend")
# (lane real28a) the quick end of the wait ranking: "which brand replies fastest", "quickest to answer",
# "the shortest wait", "most responsive" (never "slowest", "longest", which is the default order)
_FASTEST = lazy(r"\b(?:fastest|quickest|speediest|soonest|promptest|most (?:responsive|prompt)|(?:shortest|least|lowest) "
                r"(?:wait|waits|waiting|delay|reply time|response time)|(?:get|gets|got) back (?:the )?(?:fastest|quickest|soonest))\b")
# The words that name who answered a ticket; a handle itself ("AppleSupport") is looked up in the data
_NAMES_BRAND = lazy(r"\b(?:brands?|compan(?:y|ies)|accounts?|handles?|firms?)(?:'s?)?\b")
_TOKENS = lazy(r"[a-z0-9_]{3,}")
# (lane real29b) "which brand gets the most complaints?", "which company has the most unanswered
# tweets?", "brands ranked by tickets": a count of tickets per brand asked in words the rules read as
# themes or movers. A brand word, a ranking word and a word for what customers send, together.
_RANKS = lazy(r"\b(?:most|top|biggest|highest|rank(?:ed|ing|s)?|each|per|every|busiest)\b")
_SENT = lazy(r"\b(?:complain\w*|complaints?|gripes?|tickets?|tweets?|messages?|conversations?|contacts?|questions?|"
             r"unanswered|requests?|cases?|mentions?)\b")
_REPLY = lazy(r"\b(?:repl(?:y|ies|ied)|respon(?:d|ds|se|ses|ded)|answers?|answered|wait\w*|get back)\b")
# "how many tickets did AcmeHelp get": a count of what customers sent, asked of one named brand
_COUNTED = lazy(r"\b(?:how many|number of|count of|count)\b.*\b(?:tickets?|complaints?|tweets?|messages?|"
                r"conversations?|contacts?|requests?|cases?)\b")
# the tools whose reading a brand asked of the desk restates (None: no reading); feedback, trends and
# comparisons keep theirs (a brand's trend is not its total)
_RESTATED = (None, *_SPLIT_BY, "feedback_themes", "feedback_search", "feedback_sentiment", "funnel", "describe_data",
             "product_sales")
_ONE_BRAND = (_WAITS - {"resolution_time", "resolution_time_p90"}) | _COUNTS
_COMPLAINTS = lazy(r"\b(?:complain\w*|gripes?|moans?)\b")


def _run(ctx: ToolContext, p: TicketBrandParams) -> Any:
    return tickets_by_brand(ctx.store, p, ctx.config.kpi_settings())


BRAND_SPEC = ToolSpec(
    name="tickets_by_brand",
    params=TicketBrandParams,
    run=_run,
    description=(TicketBrandParams.__doc__ or "").strip(),
    examples=("which brand's customers wait longest for a reply?", "how many tickets did each company get?"),
    cached=True,
)


def _splits(planner: Any, plan: Plan) -> bool:
    """The rules read a ticket KPI by a brand (company, account) the tickets keep."""
    if plan.spec is None or plan.spec.name not in _SPLIT_BY:
        return False
    words = [w for kind, w in plan.slots.unknown if kind == "group"]
    metrics = set(plan.slots.metrics or [])
    if not words or not metrics or not metrics <= _WAITS | _COUNTS:
        return False
    return subject_not_split(planner.ctx.store, words[0]) is not None


def _names_a_subject(store: Any, tokens: set[str]) -> bool:
    """Whether one of the question's words is a ticket's subject ("applesupport"): one lookup of
    those words, not every subject read back for each question the model is asked."""
    if not tokens:
        return False
    try:
        with store.connect() as con:
            return con.execute("SELECT 1 FROM tickets WHERE lower(trim(subject)) IN (SELECT unnest($w)) LIMIT 1",
                               {"w": sorted(tokens)}).fetchone() is not None
    except Exception:  # noqa: BLE001 - no tickets table: no handle named
        return False


def brand_ranked(planner: Any, question: str, plan: Plan, ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The model's candidates with the brand split in them: first when the rules would split by
    brand, second when the question only names a brand, company or account (or a handle)."""
    if _splits(planner, plan):
        top = max([s for _, s in ranked] + [plan.score, 1.0])
        return [(BRAND_SPEC.name, top)] + [r for r in ranked if r[0] != BRAND_SPEC.name]
    low = question.lower()
    store = planner.ctx.store
    if not (_NAMES_BRAND.search(low) or _names_a_subject(store, set(_TOKENS.findall(low)))):
        return ranked
    if subject_not_split(store, "brand") is None:  # subjects that are sentences, not brand handles
        return ranked
    rest = [r for r in ranked if r[0] != BRAND_SPEC.name]
    best = rest[0][1] if rest else 1.0
    return rest[:1] + [(BRAND_SPEC.name, best)] + rest[1:]


def _named_handles(store: Any, tokens: set[str]) -> list[str]:
    """The ticket subjects (brand handles) among the question's words, as the data spells them."""
    if not tokens:
        return []
    try:
        with store.connect() as con:
            rows = con.execute("SELECT DISTINCT trim(subject) FROM tickets WHERE lower(trim(subject)) IN (SELECT unnest($w)) "
                               "ORDER BY 1", {"w": sorted(tokens)}).fetchall()
    except Exception:  # noqa: BLE001 - no tickets table: no handle named
        return []
    return [str(r[0]) for r in rows]


def _brand_words(planner: Any, plan: Plan) -> Plan | None:
    """(lane real29b) Brands asked of tickets that keep one, in words the KPI split does not see:
    ranked by their tickets ("which brand gets the most complaints?"), or one brand's tickets
    ("how many tickets did AppleSupport handle?", which counted every brand's)."""
    tool = plan.spec.name if plan.spec is not None else None
    if tool not in _RESTATED:
        return None
    norm, store = plan.slots.norm, planner.ctx.store
    metrics = set(plan.slots.metrics or [])
    args: dict[str, Any] = {}
    ticket_kpi = tool == "kpis" and metrics and metrics <= _ONE_BRAND
    if ticket_kpi or (tool in (None, "kpis", "funnel", "movers") and (_REPLY.search(norm) or _COUNTED.search(norm))):
        named = _named_handles(store, set(_TOKENS.findall(norm)))
        if named and subject_not_split(store, "brand") is not None:
            waits = metrics & _WAITS if ticket_kpi else _REPLY.search(norm) and not _COUNTED.search(norm)
            args = {"rank": "wait" if waits else "tickets", "brands": named}
    if not args and _NAMES_BRAND.search(norm) and _RANKS.search(norm) and _SENT.search(norm):
        if subject_not_split(store, "brand") is None:
            return None
        args = {"rank": "tickets"}
        if _COMPLAINTS.search(norm):
            args["complaints"] = True
    if not args:
        return None
    if plan.slots.period and plan.args.get("period"):
        args["period"] = plan.args["period"]
    slots = dataclasses.replace(plan.slots, unknown=[u for u in plan.slots.unknown if u[0] != "group"])
    return dataclasses.replace(plan, spec=BRAND_SPEC, args=args, slots=slots)


def brand_split(planner: Any, plan: Plan) -> Plan:
    """A ticket KPI asked by brand (or company, account) of tickets that keep one: the split."""
    if not _splits(planner, plan):
        return _brand_words(planner, plan) or plan
    metrics = set(plan.slots.metrics or [])
    args: dict[str, Any] = {"rank": "wait" if metrics & _WAITS else "tickets"}
    if args["rank"] == "wait" and _FASTEST.search(plan.slots.norm):
        args["order"] = "fastest"  # (lane real28a) "which brand replies fastest?": the quick end first
    if plan.slots.period and plan.args.get("period"):
        args["period"] = plan.args["period"]  # else all the data: the brands of the whole export
    slots = dataclasses.replace(plan.slots, unknown=[u for u in plan.slots.unknown if u[0] != "group"])
    return dataclasses.replace(plan, spec=BRAND_SPEC, args=args, slots=slots)
