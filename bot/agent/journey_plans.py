"""The journey analyses' arguments (funnel, drop-offs, paths) from the slots the planner read:
stages or steps, the goal, the level, the window. The specs are in bot/agent/analytics_tools.py."""

from __future__ import annotations

from typing import Any

from bot.agent.analytics_cues import KPI_DIMS, NO_COMPARISON, ranks_conversion, text_of
from bot.agent.patterns import lazy, rx
from bot.agent.plan_args import common
from bot.agent.story_steps import story_over
from bot.agent.tools import ToolContext


def plan_funnel(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = common(slots)
    stages = list(getattr(slots, "stages", []) or [])
    touchpoints = list(getattr(slots, "touchpoints", []) or [])
    # "...book a tasting or ask for a quote: funnel from decision to purchase to post purchase":
    # the stages are the steps asked for; the touchpoints only say who
    stage_chain = len(stages) >= 3 and rx.search(
        r"\b(?:funnel|from) (?:the )?(?:awareness|consideration|decision|purchase|post-purchase|advocacy)\b", text_of(slots))
    if _chain_ends_past_its_steps(stages, touchpoints, text_of(slots)):
        from tools.core.stages import DEFAULT_TOUCHPOINTS

        stages += [DEFAULT_TOUCHPOINTS[t].stage for t in touchpoints if t in DEFAULT_TOUCHPOINTS]
        touchpoints = []
    story = story_over(text_of(slots), touchpoints)
    if story:  # "from hearing of us, to a look, to booking, to telling their mates": the steps told
        args["stages"] = story
    elif len(touchpoints) >= 2 and not stage_chain and not (len(stages) >= 2 and _PAID_AT_THE_END.search(text_of(slots))):
        args["touchpoints"] = touchpoints[:10]
    elif len(stages) >= 2:
        from tools.core.stages import STAGE_INDEX

        first, last = min(stages, key=STAGE_INDEX.get), max(stages, key=STAGE_INDEX.get)
        # "between consideration and purchase" means every stage from one to the other; three or
        # more named one after another ("awareness to consideration to purchase") are the steps asked for;
        # said in the trade's words ("from browsing to paying, and on to after-sales") they are the span's ends
        listed = len(set(stages)) >= 3 and rx.search(r"\bto\b.*\bto\b|->|→|\bthen\b", text_of(slots)) and len(set(rx.findall(
            r"\b(?:awareness|consideration|decision|purchase|post-purchase|advocacy)\b", text_of(slots)))) >= 2
        from tools.core.stages import STAGES

        args["stages"] = sorted(set(stages), key=STAGE_INDEX.get) if listed else \
            list(STAGES[STAGE_INDEX[first]: STAGE_INDEX[last] + 1])
    elif ranks_conversion(slots):
        to_purchase = _stages_to_purchase(ctx)
        if to_purchase:
            args["stages"] = to_purchase
    by = getattr(slots, "breakdown", None)
    if by == "stage":
        # "conversion at each stage, broken down by age band": the stages are the funnel's own, the
        # group is the one named after them
        from bot.agent.slot_readers import parse_breakdown

        by = parse_breakdown(rx.sub(r"\b(?:each|every|per|by) (?:journey )?(?:stage|step)s?\b", " ", text_of(slots)))
    if by in KPI_DIMS:
        args["by"] = by
        if getattr(slots, "top", None):  # "split by town, just the 5 biggest": the groups shown
            args["max_groups"] = max(1, min(int(slots.top), 50))
    text = text_of(slots)
    # "a 7 day conversion window", "within 14 days of entering": how long later steps may take.
    window = rx.search(r"\b(\d{1,3})[- ]?(day|week)s?\b(?=.{0,25}\bwindow\b)|\bwindow of (\d{1,3}) ?(day|week)s?\b|"
                       r"\bwithin (\d{1,3}) ?(day|week)s? of (?:entering|their first|the first|first)\b|"
                       # "only count it if they get through within 7 days"
                       r"\b(?:get|gets|got|make it|go|goes|move|moves|convert\w*|finish\w*|complete\w*|count\w*|"
                       # (lane ps19) "only counting ones who bought inside 7 days", "paid in under a fortnight"
                       # (lane probe23c) "the ones who went on to book within a week"
                       r"bought|booked|paid|ordered|purchased|signed up|enrol+ed|hired|(?:go|went|going) on to (?:book|buy|pay|order|hire))\b"
                       r".{0,30}\b(?:within|inside|in under|in less than) (?:a |an )?(\d{1,3})? ?(day|week|fortnight|month)s?\b", text)
    if window:
        n, unit = next((window.group(i) or "1", window.group(i + 1)) for i in (1, 3, 5, 7) if window.group(i + 1))
        args["window_days"] = max(1, min(int(n) * {"week": 7, "fortnight": 14, "month": 30}.get(unit, 1), 365))
    # "no skipping steps", "every stage has to happen": each step needs its own event.
    if rx.search(r"\bno skipp\w*|\bwithout skipp\w*|\bno (?:step|stage)s? skipped|\bcan(?:no|')?t skip|"
                 r"\b(?:every|each) (?:step|stage) (?:has to|must|needs to|should) (?:\w+ )?(?:happen|be (?:there|seen|done))|"
                 r"\bstrict(?:ly)? (?:in order|step by step|funnel)\b|\bskips? (?:=|as )?stop\b|"
                 # "count a stage only if they actually hit it, no passing through"
                 r"\bonly (?:count\w* )?(?:(?:a|the|each|every) (?:stage|step) )?(?:if|when|once) (?:they|people|customers|clients|it|the \w+) (?:actually |really |truly )?(?:hit|reach|reached|"
                 r"get to|got to|make it to|made it to|land on|touch)\b|\bno (?:passing|skipping) (?:through|past|over)\b|"
                 # (lane ps14) "anyone who skipped a step doesn't count", "only people who went through every step"
                 # (lane probe19c) "buyers who jumped a stage dont count", "anyone who missed out a step isn't in"
                 r"\b(?:skipp?|jump|miss|bypass|leap)(?:ed|t|ing|s|es)?(?: over| out| past)? (?:a |any |one |an? \w+ )?(?:step|stage)s?\b"
                 r".{0,25}\b(?:doesn'?t|don'?t|does not|do not|won'?t|shouldn'?t|isn'?t|aren'?t|not) (?:count|included|in)\b|"
                 # (lane probe20a) "anyone who skips a step is out", "jumped a stage, they're excluded"
                 r"\b(?:skipp?|jump|miss|bypass|leap)(?:ed|t|ing|s|es)?(?: over| out| past)? (?:a |any |one |an? \w+ )?(?:step|stage)s?\b"
                 r".{0,25}\b(?:is|are|'s|'re|gets?|get|they're|they are) (?:out|excluded|dropped|left out|binned|ignored|not counted)\b|"
                 # (lane probe22a) "dont count anyone who jumped a step", "leave out folk that missed a stage": the
                 # exclusion said first, then who skipped
                 r"\b(?:don'?t|do not|never|not|no longer|stop) (?:count|include)(?:ing)? (?:in )?(?:anyone|anybody|people|those|"
                 r"customers|folks?|ones|them|buyers|clients|punters)(?: who| that)? (?:skipp?|jump|miss|bypass|leap)(?:ed|t|ing|s|es)?"
                 r"(?: over| out| past)? (?:a |any |one |an? \w+ )?(?:step|stage)s?\b|"
                 # (lane probe21a) never "how many get through each step", the funnel's own count
                 # (lane probe28b) nor "how many onyx shoppers get thru each step": the people named between
                 r"^(?!.*\bhow many (?:[\w'-]+ ){0,3}?(?:went|go|goes|got|get|made it) through\b).*?"
                 r"\b(?:went|go|goes|gone|been|got|get|made it) through "
                 r"(?:every|each|all(?: the)?(?: four| five)?) (?:single )?(?:step|stage)s?\b|\b(?:leave|leaving|drop|dropping|exclude|"
                 r"excluding|ignore|ignoring|cut|without|throw out|throwing out|chuck out|kick out|strip out|bin) (?:out )?"
                 # (lane probe23a) "throw out any cake customer who jumps over a step": anyone named, any skip verb
                 r"(?:any(?:one|body)?|people|those|customers|them|folk)(?: [\w'-]+){0,2}? (?:who|that) (?:skipp?|jump|miss|bypass|leap)",
                 text):
        args["skips"] = "stop"
    return args


# (lane tune30) "funnel from checkout to paid", "from the quote form to paying": a far end said as
# being paid is the purchase stage, so the way is a span of stages (a step named at that end, "then
# place the order", keeps the touchpoints)
_PAID_AT_THE_END = lazy(r"\bfrom\b.{1,40}?\b(?:to|until|till|->|→|through to|thru to) (?:actually |being |getting )?"
                              r"(?:paid|paying)\b(?! (?:ads?|adverts?|search|social|media|traffic|campaigns?|clicks?)\b)")


# (lane tune34) the checkout page reached (or not) is a stage reached; "started checkout", "began
# checking out" name the step itself (a bare "never reach checkout" stays the step, as older banks read it)
_CHECKOUT_REACHED = lazy(r"\bcheck ?out (?:page|screen|form)s?\b")
_CHECKOUT_STARTED = lazy(r"\b(?:start\w*|began|begin\w*|begun|open\w*|kick\w* off) (?:the |a |their )?check(?:ing)? ?outs?\b|"
                               r"\b(?:start\w*|began|begin\w*) (?:to )?check(?:ing)? out\b|\bcheckout[_ ]start")


def _chain_ends_past_its_steps(stages: list[str], touchpoints: list[str], text: str) -> bool:
    """"from checkout to paid to after-sales": a chain whose far end is a stage no step read
    reaches is a chain of stages (the steps read only cover its start), not a touchpoint funnel
    that drops what came after them (lane probe16b)."""
    from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGE_INDEX

    if len(stages) < 2 or not rx.search(r"\bto\b.*\bto\b|->|→", text):
        return False
    reached = {DEFAULT_TOUCHPOINTS[t].stage for t in touchpoints if t in DEFAULT_TOUCHPOINTS}
    last = max(stages, key=STAGE_INDEX.get)
    return bool(reached) and all(STAGE_INDEX[s] < STAGE_INDEX[last] for s in reached)


def _stages_to_purchase(ctx: ToolContext) -> list[str] | None:
    """The stages the data has, up to purchase: "which channel converts best?" means converts
    to buying, not to a review or referral after it (the funnel's default end)."""
    from tools.analytics.scope import present_stages

    try:
        with ctx.store.connect() as con:
            present = present_stages(con)
    except Exception:  # an empty or busy store: the funnel's own default steps
        return None
    steps = [s for s in present if s != "post-purchase" and s != "advocacy"]
    return steps if len(steps) >= 2 and steps[-1] == "purchase" else None


def plan_dropoffs(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = common(slots)
    text = (getattr(slots, "text", "") or "").lower()
    if _BY_TOUCHPOINT.search(text) and not _by_stage(text):  # "and at touchpoint level?" after stages
        args["level"] = "touchpoint"
    elif _by_stage(text) or getattr(slots, "breakdown", None) == "stage":  # kept by a follow-up ("and instagram?")
        args["level"] = "stage"
    stages = [s for s in (getattr(slots, "stages", []) or []) if s != "awareness"]
    if stages and stages[-1] != "purchase" and not rx.search(_BUYING, text) and not _BEFORE_PAYING.search(text):
        args["goal_stage"] = stages[-1]
    elif goal := _stage_said_before(text):  # "where do folk bail before the aftercare bit on sporran orders"
        args["goal_stage"] = goal
    touchpoints = list(getattr(slots, "touchpoints", []) or [])
    # "drop-offs before order_placed", "who leaves before reaching add to cart": that touchpoint
    # is the goal (the one named last, if several).
    # "the ones who never placed an order", "if they don't start a checkout": the step they missed
    either = _stage_of_either(touchpoints, text, ctx, getattr(slots, "stages", []) or [])
    if either:  # "before they leave a testimonial or refer a mate": either step, so their stage
        args["goal_stage"] = either
    elif touchpoints and rx.search(r"\b(?:before|until|reach\w*|get(?:ting)? to|up to|short of|never|didn'?t|did not|don'?t|"
                                   r"do not|doesn'?t|does not|haven'?t|without)\b|" + _TOWARDS, text):
        args["goal_touchpoint"] = touchpoints[-1]
        args.pop("goal_stage", None)
    if args.get("goal_touchpoint") == "checkout_start" and _CHECKOUT_REACHED.search(text) and not _CHECKOUT_STARTED.search(text):
        # (lane tune34) "before they ever hit the checkout page": getting that far is the decision
        # stage (the banks' convention); the step only when starting checkout is said as a deed
        args["goal_stage"] = "decision"
        args.pop("goal_touchpoint")
    if _INTO_BASKET.search(text) and not args.get("goal_touchpoint"):
        args["goal_touchpoint"] = "add_to_cart"  # (lane ps22) "before getting a tub in the basket": the add to cart
        args.pop("goal_stage", None)
    if _PAID_ONLINE.search(text) and not args.get("goal_touchpoint"):
        args["goal_touchpoint"] = "order_placed"  # (lane probe21a) "before paying for a pot online": the order placed online
        args.pop("goal_stage", None)
    if getattr(slots, "top", None):  # "top 3 drop-off points"
        args["top"] = max(1, min(int(slots.top), 50))
    if NO_COMPARISON.search(text):
        args["compare"] = False
    return args




def plan_paths(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = common(slots)
    text = text_of(slots)
    if _by_stage((getattr(slots, "text", "") or "").lower()):
        args["level"] = "stage"
    elif _BY_TOUCHPOINT.search(text):
        args["level"] = "touchpoint"
    goal = [s for s in (getattr(slots, "stages", []) or []) if s not in ("awareness", "purchase")]
    # (lane probe24a) "routes to the checkout for mohair orders": the checkout said as the end, whatever
    # goods are named for whom the routes are
    if goal and (not rx.search(_BUYING, text) or rx.search(r"\b(?:to|towards|reach\w*|get(?:ting)? to|into) (?:the )?check[- ]?out\b", text)):
        args["goal_stage"] = goal[-1]
    touchpoints = list(getattr(slots, "touchpoints", []) or [])
    # "the typical path to placing an order", "routes to a quote request": that step is the goal
    either = _stage_of_either(touchpoints, text, ctx, getattr(slots, "stages", []) or [])
    if either:
        # "paths that lead people to leave a testimonial or refer someone": two steps of one
        # stage, either will do, so the goal is their stage
        args["goal_stage"] = either
    elif touchpoints and rx.search(r"\b(?:to|towards|before|until|till|into|reach\w*|lead(?:s|ing)? to|end(?:s|ing)? (?:in|with|at))\b|"
                                   + _TOWARDS, text):
        args["goal_touchpoint"] = touchpoints[-1]
        args.pop("goal_stage", None)
    if not args.get("goal_touchpoint") and _ONLINE_GOAL.search(text):
        args["goal_touchpoint"] = "order_placed"  # (lane probe26c) "on the way to a lesson booked online"
        args.pop("goal_stage", None)
    steps = rx.search(r"\b(?:last|final|only|just|up to|at most|max(?:imum)?|no more than|no longer than|not more than|"
                      # "keep them to 4 steps", "cap it at 5 steps"
                      r"under|fewer than|less than|(?:keep|cap|limit|trim|cut|shorten) (?:them|it|(?:those|these|the) (?:paths|routes|journeys)|those|paths|routes|journeys) (?:to|at))"
                      r"(?: the)?(?: last| final)? "
                      r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:steps|touchpoints|touches|stages|"
                      r"events|moves)\b", text) or rx.search(
        # "keep them to 4 steps max", "3 steps at most"
        r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:steps|touchpoints|touches|stages|events|"
        r"moves) (?:max(?:imum)?|at most|or (?:fewer|less)|tops|long at most)\b", text)
    if steps:  # "only the last 4 steps": longer paths keep their last steps
        from bot.agent.vocab import NUMBER_WORDS

        n = steps.group(1)
        args["max_steps"] = max(2, min(int(n) if n.isdigit() else NUMBER_WORDS.get(n, 6), 12))
    if not args.get("goal_touchpoint") and (_PAID_ONLINE.search(text) or _TO_BUYING_ONLINE.search(text)):
        args["goal_touchpoint"] = "order_placed"  # (lane probe26b) "the top 5 routes to booking a class online"
        args.pop("goal_stage", None)
    if getattr(slots, "top", None):
        args["top"] = min(int(slots.top), 50)
    return args


# (lane probe26b) a route's end said as buying online: "routes to booking a dance class online", "the
# usual path to ordering a cake online": the order placed on the site
_TO_BUYING_ONLINE = lazy(r"\b(?:to|towards|into|ending in|end(?:s|ing)? (?:in|with)) (?:\w+ )?(?:book|booking|order|ordering|buy|buying|"
                               r"pay|paying|purchas\w*|reserv(?:e|ing)|hir(?:e|ing)|rent(?:ing)?)\b(?: for)?(?: [\w'-]+){0,4}? online\b")


_BY_TOUCHPOINT = lazy(r"\btouch ?points? (?:level|by touch ?point)\b|\b(?:by|per|at) (?:the |each )?touch ?points?\b(?! (?:do|did|does|is|are|was|were)\b)")
# Buying named as such (not the "purchase" in "post-purchase"): the tools' default end, no goal.
# (lane probe20b) "buyers" and "purchasers" are the people, not the goal: "spots buyers drop off before checkout"
# (lane probe29b) "online orderers" are people, like buyers and purchasers: not the buying they stopped short of
_BUYING = r"(?<![\w-])(?:buy(?!ers?\b)|purchase(?!rs?\b)|order(?!ers?\b))"
# (lane probe21a) "before paying for a pot online", "before they ever book online": buying online is the
# order placed on the site, the step those who left never took
# (lane ps22) "never got as far as ordering online", "before they get round to booking online": the reach said first
_PAID_ONLINE = lazy(r"\b(?:before|until|till|without|never) (?:they |we |people |folk |ever |actually )*"
                          r"(?:(?:got|get|gets|getting|made it|make it|making it) (?:as far as|so far as|round to|around to|to) )?"
                          r"(?:pay|paying|paid|order|"
                          # (lane ps25) "before reserving a pup online", "before hiring a kayak online": the trade's own buying
                          r"ordering|book|booking|buy|buying|purchas\w*|reserv(?:e|es|ed|ing)|hir(?:e|es|ed|ing)|rent(?:s|ed|ing)?|"
                          r"adopt(?:s|ed|ing)?)\b(?: for)?(?: [\w'-]+){0,4}? online\b")

# (lane probe26c) "the usual sequence on the way to a lesson booked online", "routes to ordering a cake
# online": the routes' end is the order placed on the site
_ONLINE_GOAL = lazy(r"\b(?:way to|towards|to|into|leading to|ending (?:in|with)) (?:an? |the |their )?(?:[\w'-]+ ){0,2}?"
                          r"(?:booked|ordered|bought|paid for|placed|purchased|reserved) online\b|\b(?:way to|towards|to) "
                          r"(?:booking|ordering|buying|paying for|reserving)(?: [\w'-]+){0,3}? online\b")

# "before getting a tub in the basket", "never popped a candle into the trolley": the goods put in the cart
_INTO_BASKET = lazy(r"\b(?:before|until|till|without|never) (?:they |we |people |folk |ever |actually )*(?:get|gets|getting|got|"
                          r"put|puts|putting|pop|pops|popping|popped|stick|sticking|stuck|drop|dropping|dropped|add|adding|added) "
                          r"(?:[\w'-]+ ){0,3}?(?:in|into|to) (?:the|a|their|your|my) (?:basket|cart|trolley|bag)\b|"
                          # (lane probe26c) "before a pair of mittens ever lands in the basket": the goods as the
                          # subject, however many words name them
                          r"\b(?:before|until|till|without|never) (?:an? |the |any |some )?(?:[\w'-]+ ){0,4}?(?:ever |even |actually )?"
                          r"(?:lands?|landed|ends? up|ended up|goes|went|makes? it|made it|sits?) in(?:to)? (?:the|a|their|your|my|our) "
                          r"(?:shopping |online |web )?(?:basket|cart|trolley)\b|"
                          # (lane probe29b) "before a neckerchief reaches the basket", "until a rake gets to the cart"
                          r"\b(?:before|until|till|without|never) (?:an? |the |any |some )?(?:[\w'-]+ ){0,4}?(?:ever |even |actually )?"
                          r"(?:reach(?:es|ed)?|gets? (?:in)?to|got (?:in)?to|makes? it (?:in)?to|made it (?:in)?to) (?:the|di|a|their|your|my|our) "
                          r"(?:shopping |online |web )?(?:basket|cart|trolley)\b")

# (lane probe20a) "before the aftercare bit", "until the after-sales stage": the stage the leavers never
# reached, said right after the word, whatever else the question buys or orders
# (lane probe28b) "fail to reach after-sales", "who never write a review": the goal missed, said as a deed
_BEFORE_STAGE = lazy(r"\b(?:before|ahead of|until|till|short of|never (?:reach\w*|get(?:ting)? to|made it to)|"
                     r"fail(?:s|ed|ing)? to (?:reach|get to|make it to)|never (?:ever )?(?:write|leave|post|give)(?: us)?)\b(.{1,40})")


# (lane probe26c) "where do bookers slip away before paying": paying is buying, the drop-offs' own
# goal (the banks' convention), not the checkout stage "paying" names elsewhere
_BEFORE_PAYING = lazy(r"\b(?:before|until|till|without|never) (?:they |we |people |folk |ever |actually |even )*"
                            r"(?:pay|pays|paying|paid)\b(?! (?:stage|page|bit|step|part|phase)\b)(?! (?:for \w+ )?online\b)")


def _stage_said_before(text: str) -> str | None:
    from bot.agent.other_englishes import plain_english
    from bot.agent.slot_readers import parse_stages

    m = _BEFORE_STAGE.search(plain_english(text))
    said = parse_stages(m.group(1)) if m else []
    return said[0] if said and said[0] in ("post-purchase", "advocacy") else None


# "on the way to posting a review", "that lead to a referral", "as far as the basket": the step
# named is where the journey is headed
_TOWARDS = (r"\b(?:on (?:the|their|its|his|her) way to|towards|lead(?:s|ing)? (?:up )?to|led to|as far as|make it to|"
            r"made it to|end(?:s|ed|ing)? (?:in|with|at|up))\b")


def _stage_of_either(touchpoints: list[str], text: str, ctx: ToolContext,
                     stages: list[str] | tuple[str, ...] = ()) -> str | None:
    """The stage two or more goal steps joined by "or" share, if they share one: a step said
    in everyday words ("or refer a mate") counts by the stage it was read as."""
    if not touchpoints or len(touchpoints) + len(stages) < 2 or not rx.search(r"\bor\b", text):
        return None
    try:
        tpmap = ctx.config.touchpoint_map()
        named = {getattr(tpmap.lookup(tp), "stage", None) for tp in touchpoints}
    except Exception:  # a config without a touchpoint map: the steps as named
        return None
    stage = named.pop() if len(named) == 1 else None
    if len(touchpoints) < 2 and stage not in stages:  # one step and another stage: not "either"
        return None
    return stage if isinstance(stage, str) else None


def _by_stage(text: str) -> bool:
    """"At which stage do they leave", "stage by stage rather than touchpoint by touchpoint":
    stages, unless they are what is turned down ("touchpoints, not stages")."""
    # "before they reach the post-purchase stage": that stage is the goal, not the level
    # (lane probe28b) and "before the after-sales stage": the stage named in the owner's words
    text = rx.sub(r"\b(?:awareness|consideration|decision|purchase|post-purchase|advocacy|after-?sales|after ?care|"
                  r"checkout|paying|review) stage\b", " ", text)
    return bool(rx.search(r"\bstage", text)) and not rx.search(
        r"\b(?:rather than|instead of|not|no) (?:by |per |at the |the )?stages?\b", text)


# "if we give people 48 hours to come back and buy", "a 2 day cart window": how long an
# abandoned cart has before it counts as abandoned.
