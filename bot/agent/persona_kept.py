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

# (lane probe25b) "show me our saved customer types": the kept kinds, the keeping word before them
KEPT_KINDS_CUES = (
    *KEPT_KINDS_CUES,
    (r"\b(?:saved|stored|kept|filed) " + _WHO + r"s? " + _KIND + r"\b", 1.5),
)
_NUMBERED = r"(?:persona |customer )?(?:card|persona) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six)\b"
# (lane probe25b) "bring card 3 of the draft back up, the whole thing", "pull card 4 back up in
# full": one card fetched again, all of it
WHOLE_CARD_CUES = (
    *WHOLE_CARD_CUES,
    (r"\b(?:bring|pull|call|get|fetch|dig) (?:back )?(?:up )?(?:the |our |my )?(?:[\w'-]+ ){0,2}?" + _NUMBERED +
     r"(?: (?:of|from) (?:the |our |my |this )?(?:draft|drafts|list))? (?:back )?up\b", 1.5),
)
# (lane probe25b) "keep every card we've got now, save them all", "save every card": every draft
# card saved (save_persona's order words, which start the question, miss these)
SAVE_ALL_SAID = (r"\b(?:keep|save|store) (?:every|each|all(?: the| our| of the| of our)?) (?:single )?(?:[\w-]+ )?"
                 r"(?:cards?|personas?|drafts?)\b[^.?!]{0,40}\b(?:save|store|keep) (?:them|'em|em)(?: all)?\b|"
                 r"^(?:[\w' &-]{1,30}: )?(?:ok,? |okay,? |right,? |so,? |yes,? |great,? )*(?:save|store) (?:every|each|all(?: the| our| of the)?) "
                 r"(?:single )?(?:[\w-]+ ){0,2}(?:cards?|personas?|drafts?)\b")  # (lane probe27c) "all five capers cards"
# (lane probe25b) "card 3 needs a new name", "persona 2 could do with a better title": a rename
# asked for by what the card lacks
NAME_WANTED = (r"\b" + _NUMBERED + r" (?:really |badly )?(?:needs|wants|could do with|deserves|should (?:get|have)) "
               r"(?:a |some )?(?:new|different|fresh|better|another|proper|catchier) (?:name|title)\b|\b" + _NUMBERED +
               r" (?:needs|wants) renaming\b")
# (lane probe26b) "card 1's the keeper, save it", "card two, keep that one", "card 3 - that's the
# one we keep": a numbered card named first (a trade's word may lead), then kept in words
_LEAD = r"^(?!.*\b(?:except|apart from|other than|but not|besides|excluding|should|shall|whether)\b)(?:[\w'&-]+ ){0,2}?"
_KEPT_ORDER = (r"(?:save|store|keep|bookmark|file|hang on ?to|hold on ?to) (?:it|her|him|that|this)(?: one)?(?: away)?\b"
               r"(?!,? (?:but|(?:and )?(?:just|only))\b)")
NUMBERED_KEPT = (_LEAD + _NUMBERED + r"(?:'s| is)? (?:(?:the|a|our|my|a real|the real) )?keepers?\b|"
                 + _LEAD + _NUMBERED + r"\s*[,:;-]+\s*(?:(?:that'?s|thats|that is|it'?s|its|that one'?s) (?:the one|the card|one) "
                 r"(?:we|i|to) (?:keep|save|store|hang on ?to|hold on ?to)\b|" + _KEPT_ORDER + r"|(?:that'?s |it'?s )?(?:a |the |our )?keeper\b)")
# (lane probe26b) "store the whole set", "file away the whole lot of them": every card, said as a set
SAVE_SET_SAID = (r"^(?:[\w' &-]{1,30}[:,] )?(?:ok,? |okay,? |right,? |so,? |yes,? |great,? |now,? |then,? )*"
                 r"(?:save|store|keep|file(?: away)?|bank|stash(?: away)?) (?:away )?(?:the (?:whole|full|entire|complete) "
                 r"(?:set|lot|bunch|batch|deck)|the lot|all of them|the set)\b")
