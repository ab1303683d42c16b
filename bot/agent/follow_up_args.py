"""A follow-up keeps what it does not change.

"NPS by age band, just each band's score" then "and in revenue terms?" asks for the same table
in revenue: each band's level, over the same days. Re-planning the follow-up's words alone
loses what only the first question said (the levels reading, a default period the first plan
chose, a sort order), so the follow-up's arguments are the last analysis's, with only the
arguments the follow-up's own words speak to taken from the new plan. A follow-up that asks
for another analysis starts from that analysis's own reading (the planner decides which).
"""

from __future__ import annotations

from typing import Any, get_args

from bot.agent.metrics_added import metrics_added
from bot.agent.patterns import lazy
from bot.agent.setting_amends import SETTINGS, ranked_anew, said
from bot.agent.slots import Slots
from bot.agent.thread_cues import PARTICLE


def keep_unchanged(spec: Any, previous: dict[str, Any] | None, args: dict[str, Any], asked: Slots | None,
                   ctx: Any) -> dict[str, Any]:
    """The follow-up's arguments: the last analysis's, with what the follow-up says instead."""
    if previous is not None and spec.name == "create_alert_rule":
        # "and the same for revenue": the rule just proposed, for another KPI
        from bot.agent.alert_again import same_rule_for

        return same_rule_for(previous, args)
    if previous is None or asked is None or spec.changes_state or spec.edits:
        return args
    changed = said(spec, asked, ctx)
    if spec.name == "digest" and asked.step and not asked.period:
        from bot.agent.digest_tool import stepped_back

        return {**previous, **{k: v for k, v in args.items() if k in changed}, **stepped_back(previous, asked.step, ctx)}
    # (lane tune33) a setting the last reading did not have at all, read from the merged
    # question ("same but only counting a basket as dumped after 48 hours": the cart window)
    changed |= {k for k in args if k not in previous and k in SETTINGS}
    out = {k: v for k, v in previous.items() if k in spec.params.model_fields and k not in changed}
    out.update({k: v for k, v in args.items() if k in changed})
    # (lane probe24a) "same but only counting ones who bought within 7 days": a stage word that makes
    # no list of steps of its own ("bought") leaves the funnel's steps as they were
    out.update({k: previous[k] for k in ("stages", "touchpoints") if k in changed and k in previous and k not in args
                and spec.name == "funnel"})
    out.update(ranked_anew(spec, (getattr(asked, "norm", "") or "").lower()))  # "now rank them by how much each changed"
    if "filters" in changed:
        out.update(_other_filters_kept(previous.get("filters"), out.get("filters")))
    out.update(_narrowed_split(spec, previous, out, asked, ctx))
    if spec.name == "movers" and (_BARE_SPLIT.search((getattr(asked, "norm", "") or "").lower())
                                  or _SPLIT_AGAIN.search((getattr(asked, "norm", "") or "").lower())):
        out.pop("rank", None)  # (lane tune30) "try it by segment": the last ranking (change or level), split anew
        out.update({"rank": previous["rank"]} if "rank" in previous else {})
    if spec.name == "time_pattern":
        from bot.agent.time_pattern_tool import focus_again

        out = focus_again(previous, out, (getattr(asked, "norm", "") or getattr(asked, "text", "") or "").lower())
    from bot.agent.rate_follow_up import as_rate  # "and as a % of all bookings?": the count's rate

    text = getattr(asked, "norm", "") or getattr(asked, "text", "") or ""
    from bot.agent.against_again import against_said_alone  # "what about against september?"

    out = against_said_alone(spec.name, previous, out, text.lower(), getattr(asked, "against", None))
    out = metrics_added(previous, out, text.lower())  # "add avg order to that too": the KPIs kept, one more
    from bot.agent.thread_kept import (  # "stretch that to 120 days"; "drop the vip bit"
        filter_dropped,
        window_said_again,
    )

    out = filter_dropped(previous, window_said_again(previous, out, text.lower()), text.lower())
    out = _beside_the_last_group(spec.name, previous, out, text.lower())
    if asked.step and out.get("against") is not None and out.get("against") == out.get("period"):
        # (lane probe26b) "and the week before that one?" after last week against the week before:
        # the compare moves back whole, its yardstick the tool's own period before the new one
        out.pop("against")
    return as_rate(previous, {**out, **_said_over_the_last(spec, previous, out, asked, ctx)}, text.lower())


# (lane probe24b) "put it side by side with the newsletter lot" after the loyalty lot's map: the
# group just mapped stays, the group named now is drawn beside it (not instead of it, nor beside
# the month before)
_BESIDE = lazy(r"\b(?:side by side|next to|alongside|beside|against|compared? (?:with|to)|vs\.?|versus)\b")


def _beside_the_last_group(tool: str, previous: dict[str, Any], out: dict[str, Any], text: str) -> dict[str, Any]:
    before, now = previous.get("filters") or {}, out.get("filters") or {}
    if tool != "journey_map" or not before or now == before or out.get("compare_filters") or not _BESIDE.search(text):
        return out
    kept = {k: v for k, v in out.items() if k != "compare_period"}
    return {**kept, "filters": before, "compare_filters": {k: v for k, v in now.items() if before.get(k) != v}}


def _said_over_the_last(spec: Any, previous: dict[str, Any], args: dict[str, Any], asked: Slots, ctx: Any) -> dict[str, Any]:
    """A split the follow-up's own words set where the merged question still reads the last one:
    "by week instead" after feelings by stage is by week (the merged slots hold both the stage
    split and the weekly grain, and the stage wins there)."""
    if "by" not in args or args.get("by") != previous.get("by") or not (asked.grain or asked.breakdown):
        return {}
    try:
        own = spec.plan(asked, ctx).get("by")
    except Exception:  # noqa: BLE001 - a plan that needs more than the follow-up's words
        return {}
    return {"by": own} if own and own != previous.get("by") else {}


def _narrowed_split(spec: Any, previous: dict[str, Any], args: dict[str, Any], asked: Slots, ctx: Any) -> dict[str, Any]:
    """"just the post-purchase bit" after feelings at each stage: the split kept, narrowed to the
    stage (touchpoint) the follow-up names (the merged question reads the split and drops the
    filter of its own split's group)."""
    split = previous.get("by")
    if split not in ("stage", "touchpoint") or args.get("by") != split or args.get(split) \
            or split not in spec.params.model_fields or not (asked.stages if split == "stage" else asked.touchpoints):
        return {}
    try:
        own = spec.plan(asked, ctx).get(split)
    except Exception:  # noqa: BLE001 - a plan that needs more than the follow-up's words
        return {}
    return {split: own} if own else {}


def levels_of_a_split_funnel(previous: dict[str, Any] | None, args: dict[str, Any], asked: Slots | None) -> dict[str, Any]:
    """A KPI asked after a funnel split by a group ("and in money terms?" after conversion by
    age band) is each group's level of that KPI over the funnel's days, not the groups that
    moved it most."""
    if not previous or not previous.get("by"):
        return args
    out = {**args, "by": previous["by"], "rank": "value"}
    if asked is None or not (asked.period or asked.step):
        out["period"] = previous.get("period") or {"name": "last_30_days"}
    return out


def splits_by(spec: Any, breakdown: str) -> bool:
    """Whether the tool's `by` argument takes this group ("and by first-touch channel instead?"
    after lifetime value by segment keeps lifetime value)."""
    field = spec.params.model_fields.get("by")
    if field is None:
        return False
    kinds = [field.annotation]
    while kinds:  # Literal[...] or Optional[Literal[...]]
        kind = kinds.pop()
        if breakdown in get_args(kind):
            return True
        kinds += [a for a in get_args(kind) if get_args(a)]
    return False


# (lane probe20a) "same again but stage by stage", "and by touchpoint": the last journey analysis at another level
LEVEL_ONLY = lazy(r"\b(?:(?:by|per|at) (?:the )?(?:journey )?(?:stages?|touchpoints?)(?: level)?|(?:stage|touchpoint) by "
                        r"(?:stage|touchpoint)|(?:stage|touchpoint)[- ]level)\b")
# (lane probe20a) "show me the count for the saturday a week before", "the figures for october": the
# last answer's figures asked again for another span (never "the count of orders", which names one)
THE_FIGURES_FOR = lazy(r"^(?:(?:ok|so|and|now|then|pls|please),? )*(?:(?:show|give|tell|get) (?:me|us) |let (?:me|us) (?:see|have) )?"
                             r"(?:the )?(?:same )?(?:count|number|numbers|figure|figures|total|totals|tally|stats) (?:for|on|over|from)\b")
# "cut the paths to 4 steps", "trim those routes to three", "limit the chart to weekdays": a setting
# of the analysis just shown, which keeps everything else it was asked for (its group, its period)
ADJUSTS_THE_LAST = lazy(r"^(?:(?:ok|okay|right|now|can you|could you|please|just),? )*(?:cut|trim|limit|cap|shorten|"
                              r"lengthen|extend|stretch|narrow|widen|restrict|keep|make|change|set|reduce|bring) (?:down |back )?"
                              r"(?:(?:the|those|these|that|this) (?:paths?|routes?|journeys?|funnel|drop-?offs|chart|graph|trend|"
                              r"table|list|breakdown|comparison|themes|ranking)\b|"
                              # (lane tune34) "cut it to the biggest 3 themes", "trim them down to five"
                              r"(?<!make )(?<!keep )(?:it|that|them|this) (?:down |back )?to\b)")


# (lane tune30) "try it by segment", "and per town?", "do that by channel instead": only the split
# changes, so the last ranking (by change or by each group's level) is kept
_BARE_SPLIT = lazy(r"^(?:(?:and|an|ok|okay|now|so|right|try (?:it|that|this)|do (?:it|that|this)|same (?:thing|again)|"
                         r"what about|how about|then|"
                         # (lane probe22a) "break it by crm segment instead", "split that by region": the split alone
                         # (lane probe28a) "an cut thistle by the buyers' age brackets": the last analysis named by its trade
                         r"(?:break|split|cut|slice|group|show|do|run) (?:it|that|this|them|those|[a-z-]+)(?: down| up| out)?)[, ]+)*"
                         r"(?:by|per|for each|split by|broken down by|across) (?:the |our )?(?:[a-z-]+(?:'s|s')? )?"
                         r"(?:crm |first[- ]touch )?[a-z-]+(?: [a-z-]+)?(?:,? (?:instead|then|please|pls|this time(?: round)?|"
                         # (lane probe28a) "an by region rather, boet", "an by age band, same thing": the split alone too
                         r"rather|same thing|same again|too|as well))*(?:,? (?:boet|mate|lads|bro|eh|lah|o|sasa|chale|innit|aye))?[?.! ]*$")


# (lane probe27a) "an region by region, same thing", "broccoli crates again but split by town": the
# split alone again, said as a group word doubled or after "again but"; the last ranking stays
_GROUP = r"(?:regions?|towns?|cit(?:y|ies)|segments?|channels?|age bands?|age groups?|age brackets?|personas?|areas?)"
_SPLIT_AGAIN = lazy(rf"^(?:(?:and|an|now|so|ok|okay),? )?(?:the )?{_GROUP} by {_GROUP}(?:,? (?:same thing|same again|again|too|"
                    r"as well|instead|please|pls|this time))?[?.! ]*$|"
                    r"\bagain,? but (?:split |broken down |cut |sliced )?(?:by|per) (?:the )?(?:crm |first[- ]touch )?"
                    r"[a-z-]+(?: [a-z-]+)?(?: instead| then| please| pls| this time)?[?.! ]*$|"
                    # (lane probe28b) "lads, do that one again region by region", "run it again per town, mate"
                    rf"^(?:{PARTICLE},? )?(?:and |now |so |ok,? )?(?:do|run|redo|show) (?:that|it|this)(?: one)?(?: again)?,? (?:but )?"
                    rf"(?:{_GROUP} by {_GROUP}|(?:split |cut )?(?:by|per) (?:the )?(?:crm |first[- ]touch )?{_GROUP})"
                    rf"(?:,? (?:instead|please|pls|this time|{PARTICLE}))*[?.! ]*$|"
                    # (lane probe28b) "an cut thistle by the buyers' age brackets": the last ask, named, cut anew
                    rf"^(?:{PARTICLE},? )?(?:and |an |now |so |ok,? )?(?:cut|split|break|slice)(?: it| that| this)?(?: [\w'-]+){{0,2}}? "
                    rf"(?:up |down )?(?:by|per) (?:the )?(?:[\w']+ )?(?:crm |first[- ]touch )?{_GROUP}"
                    rf"(?:,? (?:instead|please|pls|this time|{PARTICLE}))*[?.! ]*$")


# (lane probe25c) "spend from the newsletter lot aged 35-44" then "and the ones aged 45-54?": the
# follow-up's group replaces the group of its own kind (an age band another age band, a town
# another place) and the groups of other kinds stay, as "just the Clifton diners" adds its town
_FAMILIES = ({"city", "region"}, {"channel", "acquisition_channel"}, {"segment"}, {"age_band"}, {"persona"})


def _other_filters_kept(before: Any, now: Any) -> dict[str, Any]:
    if not isinstance(before, dict) or not isinstance(now, dict) or not before or not now:
        return {}
    said_now = set().union(*(family for family in _FAMILIES if family & set(now)))
    kept = {k: v for k, v in before.items() if k not in said_now and k not in now}
    return {"filters": {**kept, **now}} if kept else {}
