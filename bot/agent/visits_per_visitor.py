"""How often each person visits the website (lane tune27): "how many people visited the site more
than twice", "who came to the website 3+ times last month". No KPI counts visits per visitor
(sessions, active customers and first-time visitors are counted in total), so the answer says
so instead of giving the active customers or the repeat buyers, which count something else.
In a shop, "popped in more than 3 times" is a purchase count (the repeat customers); only the
website's visits are meant here."""

from __future__ import annotations

from bot.agent.patterns import lazy

_SITE = r"(?:the |our )?(?:web ?site|site|online shop|web shop|webshop|app)"
_TIMES = r"(?:more than|over|at least|upwards of) (?:once|twice|\d+|[a-z]+) times?|(?:once|twice)\b|\d+\+? times|\d+ or more times|(?:once|twice) or more"
VISITS_PER_VISITOR = lazy(
    rf"\b(?:visit(?:ed|s)?|came to|come to|been (?:on|to)|browsed|landed on|popped (?:on|onto)) {_SITE} (?:[\w']+ ){{0,2}}?"
    rf"(?:{_TIMES})|"
    rf"\b(?:visit(?:ed|s)?|been back|came back|come back|returned|returning) (?:to )?{_SITE}? ?(?:more than|over|at least) "
    r"(?:once|twice|\d+ times)\b(?=.*\b(?:web ?site|site|online)\b)")


def no_visits_per_visitor() -> str:
    return ("The loaded data does not count how many times each person visited the website: journeybot counts "
            "the site's sessions and visitors in total (sessions, first-time visitors, people active with you), "
            "not visits per visitor, so I can't say how many came more than a given number of times. "
            "Try one of these:")
