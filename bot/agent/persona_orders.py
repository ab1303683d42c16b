"""(lane ps12) Persona orders said in everyday words: "give her the pain point 'no parking'" (a
pain point added; lane ps17: "take 'parking' off card 2's pain points", one taken away), "pop all three personas into the saved list" (saved). Both change cards, so
they are read only when said so (bot/agent/persona_tools.py's cues and explicit pattern)."""

from __future__ import annotations

# "give her the pain point ...", "hand the second card a pain point about parking"
PAIN_GIVEN = (r"\b(?:give|hand|stick|put|pop|slap|tack|bolt) (?:her|him|them|it|(?:the |this |that )?(?:\w+ )?(?:one|persona|card|draft)|"
              r"(?:persona|card) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six)) (?:a |an |the |another )?(?:new )?"
              r"pain ?point\b|"
              # (lane ps15) "card 4 needs a new pain point: ...", "persona two could do with a pain point about queues"
              r"\b(?:persona|card|draft)(?: (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six))? (?:needs|wants|could (?:use|do with)|"
              r"should (?:get|have)|gets|deserves|is missing|lacks) (?:a |an |another |one more )?(?:new |extra |second |further )?pain ?point\b|"
              # (lane ps17) and one taken away from the card's list: "take 'parking' off card 2's pain points",
              # 'remove "slow wifi" from the second persona's pain points' (the point quoted: the card's 's is no quote)
              r"\b(?:take|remove|drop|delete|strike|cross|scrub|get rid of|knock|cut) [\"“‘'][^\"”’']{2,40}[\"”’'] (?:off|from|out of) "
              r"(?:the |that |this )?(?:(?:\w+ )?(?:one|persona|card|draft)|(?:persona|card|draft) (?:number |no\.? |#)?(?:[1-6]|one|two|"
              r"three|four|five|six))'s (?:list of )?pain ?points\b")
# "pop all three personas into the saved list", "stick both cards in saved", "put the lot in my saved personas"
SAVED_LIST = (r"^(?:please |ok,? |okay,? |now |then |can you |could you |just |right,? |great,? )*"
              r"(?:pop|put|stick|add|move|file|throw|chuck|drop|shove) (?:all|both|every|each|the (?:whole )?lot|them(?: all)?|"
              r"all of them|it|her|him|this|that|(?:this|that|the) (?:\w+ )?(?:one|persona|card|draft))\b(?: (?:of )?(?:the |those |these )?"
              r"(?:[\w-]+ ){0,3}(?:personas?|cards?|drafts?|ones?))? (?:in|into|on|onto|to) (?:the |my |our )?saved\b")
