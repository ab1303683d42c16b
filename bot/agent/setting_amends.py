"""A follow-up that changes one setting of the last analysis and keeps the rest (lanes tune33,
probe22a; one reading since unify34).

"same but anyone who skipped a step doesnt count" after a funnel, "same but only counting a
basket as dumped after 48 hours" after basket abandonment, "now rank them by how much each one
changed" after each region's level: none of these names a tool or a slot the thread reader
knows, yet each sets one argument the last analysis takes (skips, the cart window, the
ranking). Whether the words set something is asked of the last analysis's own plan: its
reading of the thread's question with the follow-up's words against its reading with no words
at all. Any setting a tool's plan reads from words is covered, never a list of sentences.

Two readings see what the other misses, so `settings_set` is their union, asked once by the
planner: the follow-up's words alone against no words (`said`: "and don't count anyone who
skipped a stage", "by journey stage rather than touchpoint"), and the merged question against
the last slots with no words (`settings_amended`: "same but a cart only counts as abandoned after
12 hours" reads no window without the thread's abandonment KPI). Said bare, with no lead word
("anyone who skipped a step shouldnt count" after a funnel; lane probe23c), only settings count
(`sets_a_setting_only`), never a period, filter or KPI, which a new question names as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, get_args

from bot.agent.follow_up_grain import split_said
from bot.agent.patterns import lazy, rx
from bot.agent.slots import Slots
from bot.agent.swapped_periods import PERIOD_ARGS, SWAPPED

# "rank them by how much each one changed", "sort those by the swing", "order it by growth instead",
# "put them in order of the size of the change", "how much each town moved" (lanes tune33 and
# probe22a wrote this twice; one pattern since unify34)
_CHANGED = r"(?:changed?|moved|grew|grown|fell|fallen|shifted|swung|rose|risen|dropped|climbed|slipped|went up or down)"
_BY_CHANGE = lazy(
    # (lane probe25c) "rank the gingerbread segments by ...": the groups named in two or three words
    r"\b(?:re-?)?(?:rank|sort|order|list|arrange|put)(?:ed|ing|ting)? (?:them|it|those|these|that|this|the (?:[\w-]+ ){0,2}\w+)? ?(?:again )?"
    r"(?:by|on|in order of) "
    rf"(?:how (?:much|far|many)(?: (?:each|every|the)(?: one| \w+)?| they| it| those| these)? (?:has |have |had )?{_CHANGED}|"
    # "by how much each", said without the verb (never "by how much they made", a level)
    r"how much (?:each|every|they|it)(?: one)?(?! (?:is|are|was|were|did|had|made|took|sold|spent|brought|earned)\b)(?![\w-])|"
    # (lane probe24c) "sort them by the size of each one's change": whose change said before it
    r"(?:the |their |its |biggest |most )?(?:size of (?:the )?)?(?:(?:each|every) (?:one|[\w-]+)'s |their |its )?"
    r"(?:changes?|movements?|swings?|shifts?|growth|rises?|falls?|"
    r"moves?|movers?|difference)(?![\w-]))|"
    rf"\bhow much (?:each|every) (?:one|[\w-]+) (?:has |had )?{_CHANGED}(?![\w-])|"
    # (lane probe24b) "sort those by who changed the most", "rank them by which moved most": the
    # groups that moved, by who or which
    rf"\b(?:re-?)?(?:rank|sort|order|list|arrange)(?:ed|ing)? (?:them|it|those|these|the \w+s)? ?(?:again )?by (?:who|which(?: one)?s?|what) "
    rf"(?:has |have |had )?{_CHANGED}(?: (?:the )?most)?(?![\w-])", re.I)
# "rank them by size", "sort those by their totals instead": each group's own level again
_BY_LEVEL = lazy(
    r"\b(?:re-?)?(?:rank|sort|order|arrange)(?:ed|ing)? (?:them|it|those|these|that|this|the (?:[\w-]+ ){0,2}\w+s)? ?(?:again )?by "
    r"(?:(?:the|their|its|each one's|each|overall|raw|plain|actual|straight) ){0,2}(?:size|level|totals?|values?|figures?|amounts?|volumes?|"
    # (lane probe25c) "by the plain count", "by what each one brought in": each group's own level
    r"counts?|numbers?|"
    r"how (?:big|much|many) (?:each|they|it)(?: one)? (?:is|are|was|were|did|had|made|took|sold)|"
    r"what (?:each|every|they|it)(?: one)? (?:brought in|brings in|made|makes|took|takes|earned|earns|sold|sells|spent|did))(?![\w-])", re.I)


def ranked_anew(spec: Any, text: str) -> dict[str, str]:
    """The ranking a follow-up asks for in so many words, for a tool that ranks by change or by
    level (movers): {"rank": ...}, or nothing."""
    field = getattr(spec, "params", None) and spec.params.model_fields.get("rank")
    if field is None or not {"change", "value"} <= set(get_args(field.annotation)):
        return {}
    if _BY_CHANGE.search(text):
        return {"rank": "change"}
    if _BY_LEVEL.search(text):
        return {"rank": "value"}
    return {}


# Which arguments a slot of the follow-up's own words speaks to, across the analysis tools
# (each tool has only some of these).
_SLOT_ARGS: dict[str, tuple[str, ...]] = {
    "metrics": ("metrics", "metric", "measure"),
    "period": ("period",),
    "step": ("period",),
    "against": ("against", "compare_period"),
    "compare": ("against", "compare", "compare_period"),
    "channels": ("filters", "channel", "compare_filters"),
    "filters": ("filters", "compare_filters"),
    "persona": ("filters", "compare_filters"),
    "customer_id": ("customer_id", "filters"),
    "breakdown": ("by",),
    "top": ("top", "limit", "max_themes", "max_groups"),
    "count": ("top", "limit", "max_themes", "max_groups", "segments"),
    "grain": ("grain", "by"),
    "stages": ("stages", "stage", "goal_stage"),
    "touchpoints": ("touchpoints", "touchpoint", "goal_touchpoint"),
    "sources": ("source",),
    "polarity": ("sentiment", "min_sentiment", "max_sentiment"),
    "horizon": ("horizon", "horizon_days"),
}


def said(spec: Any, asked: Slots, ctx: Any) -> set[str]:
    """The arguments the follow-up's own words set: those its slots fill, and those the tool's
    plan reads differently from its words than from no words at all ("just each one's
    level", "sorted by spend", "the high and medium ones too")."""
    keys = {arg for slot, args in _SLOT_ARGS.items() if getattr(asked, slot, None) not in (None, [], {}, False, "")
            for arg in args}
    try:
        own = spec.plan(asked, ctx)
        blank = spec.plan(Slots(), ctx)
    except Exception:  # noqa: BLE001 - a plan that needs more than words: the slots' keys only
        return keys
    # A value the follow-up names in so many words is said even when it is also the tool's
    # default: "and by weekday?" after an hour pattern is the weekday pattern.
    text = (getattr(asked, "norm", "") or getattr(asked, "text", "") or "").lower()
    named = {k for k, v in own.items() if isinstance(v, str) and len(v) > 2
             and rx.search(rf"\b{re.escape(v.lower().replace('_', ' '))}s?\b", text)}
    # "the other way round": both periods said again, swapped (bot/agent/swapped_periods.py)
    swapped = set(PERIOD_ARGS) if SWAPPED.search(text) else set()
    # "and which day of the week": the default split, named (bot/agent/follow_up_grain.py)
    return keys | named | swapped | split_said(spec, own, text) | {k for k in own if own.get(k) != blank.get(k)}


def settings_set(spec: Any, old: Any, new: Any, ctx: Any, merge: Callable[[Any, Any], Any]) -> set[str]:
    """The arguments of the last analysis (`spec`, read from `old`) that a follow-up (`new`) sets,
    by either reading: its own words against none, or the merged question against the last slots."""
    if spec is None or spec.plan is None or spec.changes_state or spec.edits or old is None:
        return set()
    own = said(spec, new, ctx) & set(spec.params.model_fields)  # a slot's words that are no setting of this tool
    return own | settings_amended(spec, old, new, ctx, merge)


def settings_amended(spec: Any, old: Any, new: Any, ctx: Any, merge: Callable[[Any, Any], Any]) -> set[str]:
    """The arguments of the last analysis (`spec`, read from `old`) that the follow-up's words
    (`new`) set: those its plan of the merged question reads otherwise than with no words."""
    if spec is None or spec.plan is None or spec.changes_state or spec.edits or old is None:
        return set()
    bare = type(old)(**asdict(old))
    for key in ("text", "norm", "query"):
        if hasattr(bare, key):
            setattr(bare, key, "")
    try:
        said = spec.plan(merge(old, new), ctx)
        unsaid = spec.plan(bare, ctx)
    except Exception:  # noqa: BLE001 - a plan that needs more than words: nothing read
        return set()
    return {k for k, v in said.items() if unsaid.get(k) != v} | (set(ranked_anew(spec, new.norm or "")))


# An analysis's own settings (never a period, filter or KPI): one list, read by both the kept
# settings of a follow-up (follow_up_args) and a bare follow-up's check (sets_a_setting_only).
_OWN_SETTINGS = frozenset({"skips", "window_days", "cart_window_hours", "churn_window_days", "min_orders", "compare",
                           "min_probability", "max_steps", "level"})
# The settings a tool reads from a follow-up's words alone that the first reading may not have
# had at all (a default left out): kept when the merged question reads them.
SETTINGS = _OWN_SETTINGS | {"include_resolved", "include_disabled"}
# What a bare follow-up may set: the analysis's own settings and how many rows, in what order.
# (The include_* switches were never in this list; adding them is a change of reading, not of lists.)
_BARE_SETTINGS = _OWN_SETTINGS | {"top", "tier", "sort_by", "limit", "max_themes", "min_size", "max_groups"}


def sets_a_setting_only(spec: Any, slots: Any, ctx: Any) -> bool:
    """Whether a short question with no lead word sets only settings of `spec` ("last 3 steps
    only" after paths), nothing else."""
    if len((getattr(slots, "norm", "") or "").split()) > 12 or spec.changes_state or spec.edits or spec.plan is None:
        return False
    keys = said(spec, slots, ctx)
    return bool(keys) and keys <= _BARE_SETTINGS
