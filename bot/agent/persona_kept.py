""""Remind me what client kinds we've filed", "the whole of card 3": the saved personas asked for
by another name for a persona (a customer type, kind or group kept), and one card asked for whole
(lane ps20)."""

from __future__ import annotations

_WHO = r"(?:customer|client|buyer|shopper|guest|member|patient|student|regular|diner|player|rider)"
_KIND = r"(?:types|kinds|sorts|groups|profiles|cards|personas)"
# Cues of list_personas: the kinds already kept, said with the keeping verb after them
KEPT_KINDS_CUES = (
    (r"\b" + _WHO + r"s? " + _KIND + r" (?:that |which )?(?:we(?:'ve| have)?|i(?:'ve| have)?|you(?:'ve| have)?|(?:have|did) (?:we|i|you)|have been|are|were) "
     r"(?:already |got )?(?:stored|saved|kept|filed|on file|got on file)\b|"
     r"\b(?:remind me|recall|tell me again)\b.*\b(?:what|which) (?:" + _WHO + r" )?" + _KIND + r"\b", 1.5),
)
# Cues of show_persona: one card by its number, all of it ("the whole of card 2", "all of persona 3")
WHOLE_CARD_CUES = (
    (r"\b(?:whole|all|entirety|full text|rest) of (?:the |our |my )?(?:[\w'-]+ ){0,2}(?:persona |customer )?"
     r"(?:card|persona) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six)\b", 1.5),
)
