"""The question inside a chatty message.

"ok so I've been staring at the spreadsheets all morning and honestly I can't tell, how much
money did we actually take over the last fortnight?": the words before the question weigh on
every cue and similarity, and can pull the reading elsewhere ("I feel like..." reads as
feelings). When a long message ends in a question clause and what comes before it adds nothing
the planner reads (no KPI, period, group, stage or customer the clause does not also name), the
clause alone is the question. Two questions in one message keep both: the first one's words
name something the second does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.agent.churn_window import DEFINES  # "treat anyone away 120 days as lost, ..."
from bot.agent.patterns import lazy

_MIN_WORDS = 14  # shorter messages are read whole
_MIN_PREAMBLE = 8  # "quick one:" is a lead-in, not chit-chat to leave out
# "of the people who viewed a product, how many...": the first clause says who, it is the question
# (so does "shoppers who add a candle to the basket, what proportion go on to buy?")
# (after the trade's name as a heading too: "mattress shop: of people who made it to the cart, ...")
# (and "in the CRM's 'how did you hear about us' field, which source...": where the groups are read)
_SAYS_WHO = lazy(r"(?:\s*[\w'&-]+(?: [\w'&-]+){0,3}:)?(?:\s*(?:of|among|amongst|out of|for|from|if|when|once|treat(?:ing)?|call(?:ing)?|count(?:ing)?)\b|"
                       r"\s*(?:in|from|using|going by) (?:the |our )?(?:crm|customer records|customer list)(?:'s)?\b|"
                       # (lane tune30) "over the whole time they stick with us, what does ... end up spending": the span asked over
                       r"\s*(?:over|across|during|throughout|in) (?:the |their |its )?(?:whole|entire|full|long) (?:time|life|run|haul|relationship)\b|"
                       r"\s*(?:the |our |all (?:the |our )?|any )?(?:[\w-]+ ){0,2}(?:people|folks?|shoppers|customers|clients|"
                       r"visitors|guests|punters|users|browsers|buyers|members|patients|ones|those|anyone|everyone|"
                       # (lane probe26c) "lapsed shop regulars who spent the most, who do we win back": the trade's people
                       r"regulars|diners|patrons|spenders|subscribers|families|students|pupils|couples|owners) (?:who|that)\b)", re.I)
# ((lane tune35) "counting a cart as ditched after 24 hrs, whats the abandon rate": a definition said
# first sets the question's window, so it is the question too)
# Where the question starts: after a comma, full stop, dash or colon, a question opener.
_CLAUSE = lazy(
    r"(?:[,.;:!?]|\s-+|\s–)\s+(?:(?:so|but|anyway|basically|just|well|ok|okay|right)\s*,?\s+)?"
    r"(?=(?:how|what|what's|whats|which|who|where|when|why|can you|could you|would you|will you|pls|please|"
    r"show|give|tell|list|is|are|do|does|did|has|have)\b)", re.I)

# "builders who asked about scaffolding but never hired, which of them look ready to sign": the
# clause points back at the people the words before it named, so those words are the question too
# (lane tune30) so does "where do I start", "how do we go about it": a goal said first, then how to reach it
_POINTS_BACK = lazy(r"\b(?:of|among|amongst) (?:them|those|these)\b|"
                          # (lane tune35) "hampers turning up after the promised date - are they costing us on reviews":
                          # the clause's subject is the words before it
                          r"^(?:so |and |but )?(?:are|is|do|does|did|have|has|were|was) (?:they|those|these|them|it)\b|^(?:so |and |but )?(?:where|how) (?:do|should|shall|would|can) "
                          r"(?:i|we) (?:start|begin|go about (?:it|that|this))\b", re.I)


# (lane probe22c) "btw scrap that alert", "oh n while i think of it, pause the takings alert": an
# aside's opening words say the message changes subject, nothing the planner reads; left in, they
# keep an order's own words from leading the message ("scrap", "pause" are read at its start)
_ASIDE = lazy(r"^\s*(?:(?:oh|ah|and|n|also|ok|okay|right)\s*,?\s+){0,2}(?:btw|by the way|one more thing|one last thing|"
                    r"on another note|on a different note|while i (?:think of it|remember|have you|'m at it|am at it)|"
                    r"while im at it|before i forget)\b\s*[,:;.!-]*\s*", re.I)


def question_part(text: str, read: Callable[[str], Any]) -> str:
    """The message from its first question clause on, when the words before it add nothing the
    planner reads; otherwise the whole message. An aside's opening words are always left out."""
    aside = _ASIDE.match(text)
    if aside and len(text[aside.end():].split()) >= 2:
        text = text[aside.end():]
    if len(text.split()) < _MIN_WORDS:
        return text
    starts = [m.end() for m in _CLAUSE.finditer(text)]
    if not starts:
        return text
    clause, before_words = text[starts[0]:].strip(), text[:starts[0]]
    if len(clause.split()) < 4 or len(before_words.split()) < _MIN_PREAMBLE or _SAYS_WHO.match(before_words) \
            or DEFINES.search(before_words.lower()) or _POINTS_BACK.search(clause):
        return text
    before, after = read(before_words).filled(), read(clause).filled()
    if any(key not in after for key in before):
        return text  # "how many tickets last week, and how fast did we reply?": both halves count
    return clause
