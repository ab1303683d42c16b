"""A pain point taken off a card, said as what the card should not say: "card 1 shouldn't list price
as a pain point, take it off", "the second persona doesn't need parking as a gripe". The words
between the verb and "as a pain point" are the point removed."""

from __future__ import annotations

from bot.agent.patterns import rx

_GRIPE = r"(?:gripes?|complaints?|niggles?|moans?|bugbears?|frustrations?|grumbles?|worr(?:y|ies)|whinges?|pain ?points?)"
SHOULD_NOT_LIST = (r"\b(?:shouldn'?t|should not|doesn'?t need to|does not need to|mustn'?t|needn'?t|can'?t|don'?t want (?:it|her|him) to) "
                   r"(?:list|have|show|include|say|mention|carry|keep) ((?:[\w'-]+ ){1,4}?)as (?:a |an |one of (?:her|his|its|the|their) )?"
                   + _GRIPE + r"\b")


def gripe_not_wanted(text: str) -> str | None:
    """The pain point the card should not list, or None when none is said this way."""
    m = rx.search(SHOULD_NOT_LIST, text.lower())
    return m.group(1).strip() if m else None
