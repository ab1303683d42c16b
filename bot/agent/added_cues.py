"""Cues some tools take on top of their own (lane probe19b, from its probe's misses), added by
tool name in bot/agent/catalog.py (the modules holding the tools' own cues are full):

- customer_lifetime_value: "what's a flag order worth on average" is one order's worth (the
  average order value, bot/agent/kpi_billing_and_order_worth.py), not a customer's: its "worth"
  counts against the lifetime value.
- describe_data: "which touchpoints are we tracking", "what do we track": what the data holds, not
  the alert rules watching something.
- digest: "the weekly wrap for the week ending ...", "daily wrap pls": the digest, "wrap" said
  without its "-up".
- next_best_actions: "which practices should i give a personal ring", "i want more clients
  rebooking, where do i start": a gesture to make, or a goal and where to begin.
- movers, paths: "which channel brought in the extra bookings": the group behind a change, not the
  channel people first came through.
- list_personas: "the list of parent personas we've kept": the saved cards.
- time_pattern: "do we sell the most maps in december", "do we get the most bookings on
  saturdays": is that month or weekday the peak (its focus), not that one month's count.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.agent.kpi_billing_and_order_worth import ORDER_WORTH
from bot.agent.word_fragments import WEEKDAY

_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|"
           r"aug|sept?|oct|nov|dec)")
_WEEKDAYS = rf"{WEEKDAY}s"
_TRACKED = r"(?:touchpoints|channels|stages|data|events|sources|segments|metrics|kpis|numbers|figures|tables|things)"
_PEOPLE_DO = r"(?:people|folk|folks|customers|clients|patients|punters|families|they|we|you|i)"

_GROUPS = r"(?:channels?|segments?|regions?|towns?|cities|city|suburbs?|areas?|age (?:bands?|groups?|brackets?)|personas?)"
_EXTRA_BROUGHT = (rf"\b(?:which|what) (?:[\w-]+ ){{0,2}}?{_GROUPS} (?:\w+ )?(?:brought|brings|bring|pulled|pulls|drove|drives|"
                  r"delivered|gave us|got us) (?:in |us )?(?:the |all the |those |these |our )?(?:extra|additional|added)\b")

ADDED_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "customer_lifetime_value": ((ORDER_WORTH, -1.0),),
    "describe_data": (
        # "which touchpoints are we tracking", "what data do you track", "what do we track at all"
        (rf"^(?:so |and |ok,? )?(?:what|which|wat) (?:{_TRACKED} )?(?:are|r|do|does) (?:we|you|u|ye|y'all|journeybot|the bot) "
         r"(?:even |actually |currently |already )?(?:tracking|track|recording|record|capturing|capture|logging|log)\b"
         r"(?:(?: at all| so far| here| for (?:us|me|the \w+))?\s*[?.!]*$)", 1.2),
    ),
    "digest": (
        # "the weekly wrap for the week ending sunday 8 november", "daily wrap pls", "today's wrap"
        (r"\b(?:daily|weekly|nightly|morning|evening|day's|week's|today's|yesterday's|the day's|the week's) wrap\b(?![- ]?up\b)|"
         r"^(?:the |my |our )?wrap (?:for|of) (?:the |yesterday|today|last|this|\w+day\b)", 1.2),
    ),
    "next_best_actions": (
        # "which practices should i give a personal ring", "who do we give a quick call to"
        (r"\b(?:should|do|must|need to|ought to|could) (?:i|we) (?:personally )?give (?:\w+ )?(?:a |an )(?:personal |quick |friendly |"
         r"courtesy |wee |little )?(?:ring|call|bell|buzz|phone call|tinkle)\b", 1.0),
        # "i want more clients rebooking, where do i start", "we need more regulars coming back, what do we do"
        (r"\b(?:i|we) (?:want|need|would like|'d like|wanna) (?:to (?:get|see) )?more (?:[\w'-]+ ){0,2}?(?:rebooking|re-?ordering|"
         r"coming back|returning|booking again|ordering again|buying again|renewing|repeat (?:bookings|orders|visits|custom|business))\b"
         r".{0,40}\b(?:where|how|what) (?:do|should|can|would) (?:i|we) (?:start|begin|do|kick off)\b", 1.0),
    ),
    # "which channel brought in the extra bookings", "which region pulled in the additional placements":
    # the group behind a change (movers, ranked by change), not the channel people first came through
    "movers": ((_EXTRA_BROUGHT, 1.2),),
    "paths": ((_EXTRA_BROUGHT, -1.2),),
    # "show me the list of parent personas we've kept": the saved cards, listed
    "list_personas": (
        (r"\blist of (?:(?:our|the|my|all) )?(?:[\w-]+ ){0,2}?personas\b|\bpersonas (?:that )?(?:we|i)(?:'ve| have)? (?:already )?"
         r"(?:kept|stored|filed|got saved|put away)\b", 1.2),
    ),
    "time_pattern": (
        # "do we sell the most maps in december", "do folk book the most on saturdays"
        (rf"^(?:so |and |ok,? )?(?:do|does|did) {_PEOPLE_DO} (?:\w+ )?(?:sell|book|buy|order|take|get|make|shift|see|have|spend) "
         rf"(?:the )?most\b.{{0,40}}?\b(?:in|on|during|over) (?:the )?(?:{_MONTHS}|{_WEEKDAYS})\b", 1.2),
    ),
}


def with_added_cues(specs: list[Any]) -> list[Any]:
    """Every tool with the cues above added to its own."""
    return [replace(s, cues=(*s.cues, *ADDED_CUES[s.name])) if s.name in ADDED_CUES else s for s in specs]
