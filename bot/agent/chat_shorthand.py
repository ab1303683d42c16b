"""Chat shorthand the older list (bot/agent/slot_readers.py's, which is full) does not spell out
(lane probe18a): "appts" for appointments, "how bout" for how about, "bkgs" for bookings, "wanna" for want to, "previous to that" for before that. Read
through bot/agent/other_englishes.py's plain_english, so every reader sees the plain words.
"""

from __future__ import annotations

from bot.agent.before_said_bare import before_that
from bot.agent.patterns import lazy

_SPELLED_OUT = (
    (lazy(r"\bappts\b"), "appointments"), (lazy(r"\bappt\b"), "appointment"),
    (lazy(r"\bbkgs\b"), "bookings"), (lazy(r"\bbkg\b"), "booking"),
    # "how bout the week before", "wat bout tiktok": the follow-up's lead, its "a" dropped
    (lazy(r"\b(how|what|wat) ?bout\b"), r"\1 about"),
    # "i wanna get an alert": the plain "want to" every reader knows
    (lazy(r"\bwanna\b"), "want to"),
    # "the week previous to that": the week before it
    (lazy(r"\bprevious to (?=that|this|it|then)\b"), "before "),
    # (lane probe20a) "alerts incl the ones that cleared": "including", shortened
    (lazy(r"\bincl\b\.?"), "including"),
    # (lane probe21b) "which month of the calendar is the fattest", "what day of the calendar week":
    # the month (day) of the year (week) every reader knows
    (lazy(r"\b(month|months) of the calendar\b"), r"\1 of the year"),
    (lazy(r"\b(day|days) of the calendar week\b"), r"\1 of the week"),
    # (lane probe20c) "octobers turnover against septembers": a month's, its apostrophe not typed
    # (never "may": "mays" is no one's typing of it); "are decembers busy", "in novembers" are
    # every year's month, left plural
    (lazy(r"(?<!\bdo )(?<!\bare )(?<!\bin )(?<!\bour )(?<!\ball )(?<!\bmost )(?<!\bwere )"
                r"\b(january|february|april|june|july|august|september|october|november|december)s\b"), r"\1's"),
)


def spelled_out(t: str) -> str:
    """The lower-cased question with the chat shorthand above as plain words."""
    for said, plain in _SPELLED_OUT:
        t = said.sub(plain, t)
    return before_that(t)  # "and the saturday before?": the span before the one just asked
