"""How many rows, said on its own after a list: "only 5 please", "just the ten", "8 will do",
"3 is plenty". Such a reply sets nothing but the list's length (top, limit), so the list just
shown keeps its tier, sort and group; parse_top (bot/agent/slot_readers.py) reads the counts
said inside a question ("top 5 ...", "show me 3 ...")."""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.vocab import NUMBER_WORDS

_NUM = r"(\d{1,3}|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + ")"
_POLITE = r"(?:please|pls|plz|thanks|thx|ta|cheers|mate|lah|eh|abeg)"
# a qualifier must come with the number ("just", "only", "will do", "max"): a number alone may
# answer anything
_BARE = lazy(
    rf"^(?:(?:ok|okay|right|now|and|but|so|actually),? )*(?:(?:just|only|max|maximum|at most) (?:the )?(?:top |first )?{_NUM}"
    rf"|{_NUM} (?:will do|is enough|is plenty|max|at most|is fine|only))"
    rf"(?: (?:of (?:them|those)|ones?|rows?|names|people|customers|clients|members|then))?(?:,? {_POLITE})*\s*[.!?]*$")


def bare_count(norm: str) -> int | None:
    """The list length of a reply that says only how many ("only 5 please": 5), else None."""
    m = _BARE.search(norm.strip())
    if not m:
        return None
    word = m.group(1) or m.group(2)
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
