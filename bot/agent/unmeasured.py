"""Asks that no loaded data answers, said plainly instead of answered with another KPI that
shares a word: how long web visits last (sessions are counted, bounced and converted, never
timed) and what people buy most (orders have no line items). The planner gives them no tool
(bot/agent/planner.py) and the answer says what is missing (bot/agent/reading.py)."""

from __future__ import annotations

import re

from bot.agent.product_sales import SELLS_BEST, no_product_sales

_WEB = r"(?:site|website|web ?site|web ?shop|online shop|online store|app|page|pages|store page|shop page)"
_PEOPLE = (r"(?:people|visitors|users|shoppers|customers|clients|browsers|folks?|punters|guests|readers|they|buyers|regulars|"
           r"diners|patients|members|students|owners|locals|"
           r"most people|everyone)")
# "how long do sessions last", "average session length", "time spent on the site", "how long do
# visitors stay on the webshop": a session's duration (never "how long do customers stay with us")
SESSION_LENGTH = re.compile(
    r"\b(?:how long (?:do|does|did|are|is|was|were) (?:the |our |a |an |their |typical |average )*(?:web |website |app |online )?"
    r"(?:sessions?|visits?) (?:usually |normally |typically |actually |generally )?(?:last|lasting|take|go on|run)\b|"
    r"(?:web |website |app |online )?(?:session|visit) (?:length|duration|time|lengths|durations)\b|"
    r"\blength of (?:a |the |our |their )?(?:web |website |app |online )?(?:sessions?|visits?)\b|"
    rf"\btime (?:spent |people spend |visitors spend )?on (?:the |our |my )?{_WEB}\b|"
    rf"\bhow long (?:do|does|did) (?:the |our )?{_PEOPLE} (?:usually |normally |typically |actually |generally )?"
    rf"(?:stay|spend|browse|hang around|linger|last|remain)\b(?: [\w'-]+){{0,2}}? (?:on|in) (?:the |our |my )?{_WEB}\b)")
_BOUGHT = r"(?:buy|order|purchase|pick|choose|get|book)"
# "what did people buy most often", "what gets ordered the most": the things bought, ranked
MOST_BOUGHT = re.compile(
    rf"\bwhat (?:did|do|does|have|has) (?:our |the )?{_PEOPLE} (?:tend to |usually |mostly |actually )?{_BOUGHT}"
    rf"(?:ed)? (?:the )?most(?: often| of all| frequently)?\b|"
    r"\bwhat (?:gets|got|is|was|are|were|has been|have been) (?:bought|ordered|purchased|booked) (?:the )?most\b|"
    r"\bwhat(?:'s| is| are| were| was) (?:our |the )?most (?:popular|bought|ordered|purchased|frequently bought|often bought) "
    r"(?:items?|products?|things?|dish(?:es)?|treatments?|services?|lines?|skus?|flavou?rs?|menu items?)\b")
NOT_IN_DATA = re.compile(f"{SELLS_BEST.pattern}|{SESSION_LENGTH.pattern}|{MOST_BOUGHT.pattern}")


def not_in_data(t: str) -> str | None:
    """What the loaded data cannot answer of this question, said plainly, if it asks that."""
    if SESSION_LENGTH.search(t):
        return ("The loaded data has no session length: journeybot counts web sessions and measures their "
                "bounce rate, conversion, exits and abandoned carts, but not how long a visit lasts, so I can't "
                "say how long sessions take. Try one of these:")
    if MOST_BOUGHT.search(t):
        return no_product_sales("products")
    return None
