"""Right after a persona draft: "draft them again, 5 this time", "redo them with 3", "just four":
the same draft again, with the new number of cards if one is said."""

from __future__ import annotations

from bot.agent.patterns import lazy

_LEAD = r"^(?:(?:ok|okay|right|now|so|hmm|actually|and|but|can you|could you|please|pls|let's|lets),? )*"
_COUNT = r"(?:[2-6]|two|three|four|five|six)"
_THEM = r"(?: (?:them|those|these|it|that|the (?:\w+ )?(?:personas?|cards?|lot|segments|groups|profiles)))?(?: all)?"
# the draft asked for again ("draft them again", "redo them with 3", "same again but 4"), or
# only the new number of cards ("just four this time", "make it 5", "how about 3?")
REDRAFT = (_LEAD + r"(?:(?:re-?do|re-?draft|re-?run|re-?make|re-?build|re-?split|draft|do|run|try|make|build|write|split|"
           r"generate|group|cut)" + _THEM + r" (?:again|over|once more)\b|(?:re-?do|re-?draft|re-?run)\b|same again\b|again\b)|"
           + _LEAD + r"(?:(?:only|just|make it|with|try|how about|what about|go with|maybe|now)\s+)?" + _COUNT
           + r"(?: (?:of them|this time|instead|then|please|personas?|cards?|groups|segments|types))*\s*[?.!]*$")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "redo the personas but only two of them this time", "3 of them", "three types", "draft them
# again, 5 this time", "how about six?": how many cards, said after the ask
# ("no more than 5", "at most four", "a max of 3": the cap is the number drafted)
_CARDS = lazy(r"\b(?:only|just|make it|with|into|but|how about|what about|go with|try|maybe|no more than|not more than|"
                    r"at most|up to|max(?:imum)?(?: of)?|a max(?:imum)? of) (" + _COUNT + r")\b"
                    r"(?! (?:days?|weeks?|months?|years?|stages?|steps?)\b)|"
                    r"\b(" + _COUNT + r") (?:of them|of those|types|kinds|sorts|cards|groups|this time|instead|"
                    # (lane probe28c) "make three velvet cushion persona cards": the trade's words between
                    r"(?:[\w-]+ ){0,3}?(?:profiles|personas|segments|persona cards|customer cards))\b")


def cards_said(text: str) -> int | None:
    """The number of persona cards the question asks for, if it says one."""
    m = _CARDS.search(text)
    if not m:
        return None
    said = m.group(1) or m.group(2)
    return int(said) if said.isdigit() else _NUMBERS[said]
