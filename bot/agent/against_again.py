"""A follow-up to a comparison that names only the other side: "what about against september?",
"and vs the week before that?", "now next to august". The period compared stays; the one said is
what it is set against (read alone, the one period said would be the period itself). And one
that turns the two round ("the other way round, september first", "swap them over"): the two
periods of the last comparison, swapped."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import rx
from bot.agent.swapped_periods import SWAPPED, named_first_swaps

# the follow-up opens on the comparison word itself, with nothing before it but a follow-up's lead-in
_AGAINST_ONLY = (r"^\W*(?:(?:and|so|ok|okay|right|now|then|but|what about|how about|hbu|wbu|try|do it|same)\W+)*"
                 r"(?:(?:it|that|this|them)\s+)?(?:against|vs\.?|versus|compared (?:to|with)|next to|beside|alongside|"
                 r"side by side with|measured against|set against|stacked (?:up )?against)\s")


def against_said_alone(spec_name: str, previous: dict[str, Any], args: dict[str, Any], text: str,
                       asked_against: object) -> dict[str, Any]:
    """The follow-up's arguments with its one period moved to `against` and the last period kept;
    or, asked the other way round, the last comparison's two periods swapped."""
    if spec_name not in ("compare", "movers") or not previous.get("period"):
        return args
    if previous.get("against") and (SWAPPED.search(text) or named_first_swaps(text, previous["period"], previous["against"])):
        # "same again but the other way round": the two periods swap sides, the rest kept
        return {**args, "period": previous["against"], "against": previous["period"]}
    if asked_against:
        return args
    if "period" not in args or args["period"] == previous["period"] or not rx.search(_AGAINST_ONLY, text):
        return args
    return {**args, "period": previous["period"], "against": args["period"]}
