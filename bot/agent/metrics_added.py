"""A follow-up that adds a KPI to the last ones (lane probe19a): "add avg order to that too",
"throw in the refund rate as well", "plus aov" after orders and revenue asks for all three,
over the same periods. "and aov?" alone is the bank's swap (the new KPI instead), so only an
adding verb keeps the KPIs already shown."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_ADDING = lazy(
    r"^(?:ok,? |okay,? |right,? |and |now |can you |could you |pls |please )*(?:also )?"
    r"(?:add|adding|plus|throw in|chuck in|stick in|put in|tack on|include|including|bring in)\b(?! (?:a |an )?(?:pain|alert|rule|note|persona))|"
    r"\b(?:add|throw|chuck|stick|tack|put) (?:in |on )?(?:the |our )?(?:[\w%'-]+ ){1,4}?(?:in|on|onto|into|to) (?:that|it|this|them|those)\b|"
    # (lane probe23b) "and the refund rate too", "n avg spend as well": a KPI named with "too", kept beside the others
    r"^(?:and |n |plus )(?:the |our )?(?:[\w%'-]+ ){1,4}?(?:too|as well)\s*[?.!]*$")


def metrics_added(previous: dict[str, Any] | None, args: dict[str, Any], text: str) -> dict[str, Any]:
    """The follow-up's arguments, its KPIs after the last analysis's when it adds them."""
    before, now = (previous or {}).get("metrics"), args.get("metrics")
    if not isinstance(before, list) or not isinstance(now, list) or not _ADDING.search(text):
        return args
    return {**args, "metrics": [*before, *(m for m in now if m not in before)]}
