"""(lane tune34) Follow-ups that keep the thread while changing one thing of it: a window said again
as a bare span ("stretch that to 120 days instead" after churn with a 60 day window), and a filter
dropped by name ("drop the vip bit, everyone please"): the last analysis, everything else kept."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

# "stretch that to 120 days", "make it 90 days", "try 3 months instead": a bare span, no "last"/"past"
_BARE_SPAN = lazy(r"^(?!.*\b(?:last|past|previous|this|next|over the|in the)\s+(?:\d{1,3}\s*)?(?:days?|weeks?|months?)\b).*?"
                        r"\b(?:to|at|make (?:it|that)|use|try|with|of|instead of \d{1,3} ?\w+,?)\s+(\d{1,3})\s*-?\s*(days?|weeks?|months?)\b")
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30}
# "drop the vip bit", "forget the instagram part", "lose the filter": the filter named taken off.
# One list of dropping verbs and of the part's nouns, read by both the cue that a message continues
# the thread (DROPS_A_FILTER) and the reading of which filter goes (_DROPPED).
_DROP_VERBS = r"drop|forget|lose|remove|ditch|scrap|take off|get rid of"
_PARTS = r"bit|part|filter|side|only bit"
_EVERYONE = r"(?:everyone|everybody|all (?:customers|of them|clients|members|folk|people)|the whole lot)"
# The reading also takes "bin"/"without" and a group's nouns ("the vip lot"), which only ever run once
# the message is already a follow-up; as the cue they would claim "bin that alert thing" from the alerts.
_DROPPED = lazy(rf"\b(?:{_DROP_VERBS}|bin|without) (?:the |that )?([\w' -]{{2,30}}?) "
                      rf"(?:{_PARTS}|thing|lot|crowd|group)\b|\b{_EVERYONE}\b(?: (?:please|pls|again|instead))*\s*[?.!]*$")


# the same, as a cue that the message continues the thread at all
DROPS_A_FILTER = lazy(rf"^(?:(?:ok|okay|right|now|and|so|then|please|pls|just),? )*(?:{_DROP_VERBS}) "
                            rf"(?:the |that )?[\w' -]{{2,30}}? (?:{_PARTS})\b|"
                            # (lane tune35) "everyone again", "all customers please": the whole message asks for everyone
                            rf"^(?:(?:ok|okay|right|now|and|so|then|please|pls|just),? )*{_EVERYONE}(?: (?:please|pls|again|instead))*\s*[?.!]*$")


def window_said_again(previous: dict[str, Any], out: dict[str, Any], text: str) -> dict[str, Any]:
    """The churn window of the last reading, set anew by a bare span in the follow-up."""
    if "churn_window_days" not in previous or out.get("churn_window_days") != previous["churn_window_days"]:
        return out
    m = _BARE_SPAN.search(text)
    if m is None:
        return out
    return {**out, "churn_window_days": max(7, min(int(m.group(1)) * _UNIT_DAYS[m.group(2)[0]], 730))}


def filter_dropped(previous: dict[str, Any], out: dict[str, Any], text: str) -> dict[str, Any]:
    """The last reading's filter taken off when the follow-up drops it by name (or asks for everyone)."""
    filters = dict(out.get("filters") or {})
    m = _DROPPED.search(text)
    if not filters or m is None:
        return out
    named = (m.group(1) or "").lower()
    keep = {k: v for k, v in filters.items()
            if named and not any(str(x).lower().replace("_", " ") in named for x in v)}
    rest = {k: v for k, v in out.items() if k != "filters"}
    return {**rest, "filters": keep} if keep else rest
