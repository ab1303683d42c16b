"""A weekday said with its date (lane tune27): "saturday the 7th of november", "friday 13
november", "on tues, 3rd march". The date names the day; the weekday only describes it, so it
is not read as the last such weekday too (which made a second period and won). Kept out of
bot/agent/when.py, which is full."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy, rx

# (its own set, not word_fragments.WEEKDAY_SHORT: "wednes"/"satur" stems and plurals too)
_WEEKDAY = lazy(r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|(?:this|last|next|on) [a-z]+day")
_BETWEEN = lazy(r"[\s,]*(?:the\s+)?")


def date_over_weekday(text: str, found: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """The periods found, sorted, a weekday followed at once by its date read as that date (one
    period over both, so neither word is read again as anything else)."""
    found = sorted(found)
    joined = {i for i, (s, e, _) in enumerate(found[:-1])
              if _WEEKDAY.fullmatch(text[s:e].strip()) and _BETWEEN.fullmatch(text[e:found[i + 1][0]])
              and rx.match(r"\d", text[found[i + 1][0]:found[i + 1][1]].removeprefix("the ").lstrip())}
    return [(s, found[i + 1][1], found[i + 1][2]) if i in joined else (s, e, p) for i, (s, e, p) in enumerate(found)
            if i - 1 not in joined]
