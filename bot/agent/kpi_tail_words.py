"""A time KPI named only by what is waited for, when a tail of it is asked (lane tune27): "the
slowest 10pc of those replies", "the slowest 1 in 10 kite deliveries, how long are they taking",
"the worst tenth of fixes". bot/agent/slot_readers.py turns the time it reads into its p90 (the
P90 words of bot/agent/vocab.py); without a tail word these nouns count things, not waits, so
nothing here is read. Hooked in bot/agent/kpi_words.py's KPI_PATTERNS.
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.vocab import P90

# a tail word said, and no time named outright ("first response time 90th percentile for tickets"
# is the reply time's, read by vocab.py; "tickets" there is no second KPI)
_TAIL = (rf"^(?=.*(?:{P90.pattern}))(?!.*\b(?:(?:first )?(?:response|reply|resolution|delivery|dispatch|shipping|fix) times?|"
         r"first response|time to (?:first )?(?:reply|respond|resolve|deliver|fix|close))\b)")
_REPLIES = r"\b(?:repl(?:y|ies)|responses?|answers?|(?:get|getting|got) back to)\b"
TAIL_TERMS: list[tuple[str, str]] = [
    (_TAIL + ".*" + _REPLIES, "first_response_time"),
    (_TAIL + r".*\b(?:deliver(?:y|ies)|parcels?|packages?|shipments?|dispatch(?:es)?|drop-?offs|to (?:arrive|land|turn up))\b",
     "delivery_time"),
    (_TAIL + rf"(?!.*{_REPLIES}).*\b(?:tickets?|fix(?:es)?|cases|complaints?|queries|enquiries|issues|(?:get|getting|got) (?:sorted|resolved|closed))\b",
     "resolution_time"),
]
TAIL_PATTERNS = [(lazy(p), code) for p, code in TAIL_TERMS]
