"""How long web visits last and how many pages they take, in an owner's words: "time on site",
"how long do people stay on the site", "average visit length", "pages per visit". Read before
bot/agent/vocab.py's "sessions" and "visits" (which would count them), through kpi_words.py.

These were said to be missing until the KPI catalogue had session_length (the sessions table
kept each session's first and last time all along); "how long from first visit to first
booking" stays the time to first purchase (vocab.py), as it names what it ends at.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

_WEB = (r"(?:site|website|web ?site|web ?shop|online shop|online store|app|page|pages|store page|shop page|"
        r"webstore|web store|shop online)")
# Who visits a site, not only who buys (owner_words.PEOPLE): browsers, readers and "they" spend
# time on a page too.
_PEOPLE = (r"(?:people|visitors|users|shoppers|customers|clients|browsers|folks?|punters|guests|readers|they|buyers|"
           r"regulars|diners|patients|members|students|owners|locals|most people|everyone|someone|a visitor|"
           r"the average visitor|a customer)")
_HABIT = r"(?:usually |normally |typically |actually |generally |tend to |on average )?"
_VISITS = r"(?:(?:web |website |site |app |online )?(?:sessions?|visits?))"

SESSION_TERMS: list[tuple[str, str]] = [
    # "pages per session", "how many pages does a visit take": the depth of a visit
    (rf"\b(?:pages?|page ?views?|clicks) (?:per|a|each|every|in an? (?:average |typical )?) ?{_VISITS}\b|"
     rf"\bhow many pages (?:do|does|did) (?:the |our |a |an )?(?:average |typical )?(?:{_VISITS}|{_PEOPLE}) "
     rf"{_HABIT}(?:see|view|look at|visit|take|click through|go through|browse)\b", "pages_per_session"),
    # "how long do sessions last", "average visit length", "time spent on the site", "how long do
    # visitors stay on the webshop", "time on site": a visit's length (never "how long do customers
    # stay with us", which is loyalty, nor "time to first purchase")
    (rf"\bhow long (?:do|does|did|are|is|was|were) (?:the |our |a |an |their |typical |average )*{_VISITS} "
     rf"{_HABIT}(?:last|lasting|take|go on|run)\b|"
     rf"\b{_VISITS} (?:length|duration|time|lengths|durations)\b|"
     rf"\b(?:length|duration) of (?:an? |the |our |their )?(?:average |typical )?{_VISITS}\b|"
     rf"\btime (?:spent |people spend |visitors spend |users spend )?on (?:the |our |my )?{_WEB}\b|"
     rf"\bhow (?:long|much time) (?:do|does|did) (?:the |our )?{_PEOPLE} {_HABIT}"
     rf"(?:stay|spend|browse|hang around|linger|last|remain)\b(?: [\w'-]+){{0,2}}? (?:on|in|at) (?:the |our |my )?{_WEB}\b|"
     # (lane probe15c) "how long do people hang about on the print shop site per visit", "how long
     # do punters stick around on the candle web shop": the trade's name between the and the site
     rf"\bhow (?:long|much time) (?:do|does|did) (?:the |our )?{_PEOPLE} {_HABIT}"
     rf"(?:stay|spend|browse|hang (?:around|about|out)|stick (?:around|about)|linger|remain|last)\b(?: [\w'-]+){{0,2}}? "
     rf"(?:on|in|at) (?:the |our |my )?(?:[\w'-]+ ){{0,3}}?{_WEB}\b",
     "session_length"),
]
SESSION_PATTERNS = [(lazy(p), code) for p, code in SESSION_TERMS]
