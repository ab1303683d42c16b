""""By where folks first found us", "split by how people heard about us": the first-touch
channel, said the way an owner says it, read as the breakdown the analyses know ("by
first-touch channel") before any tool's cues look at the question."""

from __future__ import annotations

import re

from bot.agent.patterns import lazy

_WHO = (r"(?:they|people|folks?|customers|clients|punters|guests|buyers|shoppers|users|members|visitors|everyone|each one|"
        r"he|she|someone|somebody|(?:the |our |my )?[a-z-]+s)")  # (lane ps11) "where couples first found us": any trade's people
_FOUND = (r"(?:(?:first )?(?:found|find|discovered|discover|came across|come across|heard (?:about|of)|hear (?:about|of)) "
          # (lane probe17c) "where they first found the cafe", "how people heard of our studio": the business by name
          r"(?:us|(?:the|our|my) (?:[a-z-]+ )?(?:cafe|café|shop|store|studio|gym|club|school|salon|bar|lounge|kitchen|business|"
          r"firm|company|practice|clinic|place|brand|site|website|showroom|dojo|centre|center|restaurant))|"
          r"(?:first |originally )?(?:came|come|arrived|arrive) (?:to us )?from|(?:first )?(?:came|come) to us)")
_BY_WHERE = lazy(rf"\b(?P<by>(?:(?:split|broken down|broken out|grouped|sorted) )?(?:by|per|according to|for each)) "
                       rf"(?:where|how|which way|the way) {_WHO} (?:first |originally )?{_FOUND}(?= |[?.!,]|$)", re.I)


# (lane tune33) "break it out by the first channel folk came in through", "per the channel people
# first arrived on": the first-touch channel said as the way in
_BY_WAY_IN = lazy(rf"\b(?P<by>(?:(?:split|broken down|broken out|grouped|sorted) )?(?:by|per|according to|for each)) "
                        rf"(?:the |their )?(?:first |original |initial )?(?:channel|route|way) {_WHO} (?:first |originally |initially )?"
                        r"(?:came|come|arrived|arrive|got|get|found us|reached us|walked|wandered|signed)(?: in| up)? "
                        r"(?:through|thru|via|from|on|by|in (?:through|thru|by|on))(?= |[?.!,]|$)", re.I)


# (lane probe28a) "broken out by which channel first brought each person", "split by what channel
# brought them in first": the first-touch channel said as what brought each one to us
_BY_WHICH_BROUGHT = lazy(r"\b(?P<by>(?:(?:split|broken down|broken out|grouped|sorted) )?(?:by|per|according to)) "
                         r"(?:which|what|the) (?:channel|route|platform|source) (?:first |originally )?(?:brought|sent|brings|sends) "
                         r"(?:each (?:person|one|customer|buyer)|them|people|folks?|customers|buyers|everyone)(?: in)?(?: first)?"
                         r"(?= |[?.!,]|$)", re.I)


def found_us_as_channel(t: str) -> str:
    """The question with "by where they first found us" said as "by first-touch channel"."""
    t = _BY_WHICH_BROUGHT.sub(lambda m: m.group("by") + " first-touch channel", t)
    t = _BY_WHERE.sub(lambda m: m.group("by") + " first-touch channel", t)
    return _BY_WAY_IN.sub(lambda m: m.group("by") + " first-touch channel", t)
