"""(lane tune30) One stage of the journey map said as what people do there: "zoom in on the bit
where they decide to book", "where guests decide whether to book, why's that one flagged" is the
decision stage; "the part where they pay" the purchase; "the bit after they've booked" the
post-purchase; "where they first hear about us" the awareness. Read only for the map (a stage
named in the map's own words is read by bot/agent/slot_readers.py)."""

from __future__ import annotations

from bot.agent.patterns import rx

_WHO = (r"(?:they|people|guests|customers|folk|folks|clients|shoppers|buyers|members|patients|diners|couples|families|"
        r"visitors|riders|students|parents|owners|punters|players)")
_PLACE = r"\b(?:bit|part|point|stage|step|moment|phase|where|when)\b (?:where |when |that )?"
_STAGE_BITS = (
    (rf"{_PLACE}{_WHO} (?:finally |actually |first )?(?:decide|decides|make up their minds?|choose|chooses|commit|commits|"
     r"weigh up whether)\b", "decision"),
    (rf"{_PLACE}{_WHO} (?:actually |finally )?(?:pay|pays|hand over (?:the |their )?(?:cash|money))\b", "purchase"),
    (rf"{_PLACE}(?:after |once ){_WHO}(?:'ve| have)? (?:bought|booked|paid|ordered|stayed|been)\b", "post-purchase"),
    (rf"{_PLACE}{_WHO} (?:first )?(?:hear|find out|learn|come across|spot|notice) (?:about |of )?us\b", "awareness"),
)


def stage_in_words(text: str) -> str | None:
    """The one stage the text names by what people do in it, or None."""
    found = {stage for pattern, stage in _STAGE_BITS if rx.search(pattern, text.lower())}
    return found.pop() if len(found) == 1 else None
