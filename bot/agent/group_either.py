"""(lane probe25c) Two of one kind's groups named as the suspects of a change: "is it the vip lot
or the newsletter lot who moved the takings most", "was it the instagram crowd or the word of
mouth crowd pulling bookings down". The two groups are the candidates, not a filter: movers by
their dimension, every group's share of the change (the two named among them). And "is the drop
in orders down to one age group", "is the dip all down to a single town": every group's share of
the change, by the group named.
"""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_MOVED = (r"(?:moved|move|moving|changed|shifted|swung|drove|driving|drives|pulled|pulling|pushed|pushing|dragged|dragging|"
          r"knocked|brought|lost|cost|caused|causing|(?:is|was|are|were) (?:behind|responsible|to blame|driving|pulling|dragging|"
          r"pushing))")
# "is it A or B (who) moved ...": the owner's two suspects, each a few words long
EITHER_GROUP = lazy(rf"\b(?:is|was) it (?:the |our )?(?:[\w'-]+ ){{1,5}}?or (?:the |our )?(?:[\w'-]+ ){{1,5}}?"
                          rf"(?:(?:who|that|which|what)(?:'s| is| was| are| were| has| have)? )?{_MOVED}\b")
_GROUPS = (r"(?:(?:crm |acquisition |first[- ]touch )?(?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|regions?|areas?|"
           r"age (?:bands?|groups?|brackets?|ranges?)|personas?))")
# "is the drop in monocle orders down to one age group", "is the dip all down to a single town"
DOWN_TO_ONE = lazy(rf"\b(?:down to|because of|due to|from) (?:just |only )?(?:one|a single|a particular|one particular|"
                         rf"any one) {_GROUPS}\b")
_DIM_OF = (("acquisition", "acquisition_channel"), ("crm", "segment"), ("first", "channel"), ("channel", "channel"),
           ("segment", "segment"), ("cit", "city"), ("town", "city"), ("suburb", "city"), ("region", "region"),
           ("area", "region"), ("age", "age_band"), ("persona", "persona"))
# the dimensions whose values a question can name as filters (bot/agent/plan_args.common)
_NAMED_DIMS = ("segment", "channel", "acquisition_channel", "city", "region", "age_band")

EITHER_CUES = ((EITHER_GROUP.pattern, 1.0), (DOWN_TO_ONE.pattern, 1.0))


def down_to_one(text: str) -> str | None:
    m = DOWN_TO_ONE.search(text)
    if m is None:
        return None
    said = m.group(0).split()[-2:] if "age" in m.group(0) else m.group(0).split()[-1:]
    group = " ".join(said)
    return next((dim for stem, dim in _DIM_OF if group.startswith(stem)), None)


def suspects_as_groups(text: str, args: dict[str, Any]) -> dict[str, Any]:
    """Movers' arguments with the two suspects named as a filter turned into the breakdown."""
    one = down_to_one(text)
    if one and args.get("by") in (None, "channel") and one != "channel":
        return {**args, "by": one}
    if not EITHER_GROUP.search(text):
        return args
    filters = dict(args.get("filters") or {})
    dim = next((d for d in _NAMED_DIMS if len(filters.get(d) or []) >= 2), None)
    if dim is None:
        return args
    filters.pop(dim)
    out = {**args, "by": dim}
    if filters:
        out["filters"] = filters
    else:
        out.pop("filters", None)
    return out
