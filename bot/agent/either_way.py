"""A change asked as its two directions ("did rentals rise or fall", "grown or shrunk", "more
of them or fewer"): the owner wants this period set against the one before, whichever way it
went, not the level alone."""

from __future__ import annotations

_UP = r"(?:ris(?:e|en|ing)|rose|gr[oe]w(?:n|ing)?|climb(?:ed|ing)?|increas(?:e|ed|ing)|go(?:ne)? up|went up|more|higher|improv(?:e|ed|ing)|better)"
_DOWN = r"(?:fall(?:en|ing)?|fell|shr[iau]nk(?:en|ing)?|drop(?:ped|ping)?|dip(?:ped)?|decreas(?:e|ed|ing)|declin(?:e|ed|ing)|go(?:ne)? down|went down|fewer|less|lower|slip(?:ped)?|worse)"
# either order, the two said within a few words ("rose or fell", "more this month, or fewer")
EITHER_WAY = (rf"\b{_UP}\b[\w\s,']{{0,40}}\bor\b,? (?:did (?:it|they) )?{_DOWN}\b|"
              rf"\b{_DOWN}\b[\w\s,']{{0,40}}\bor\b,? (?:did (?:it|they) )?{_UP}\b")
# "did our repeat rate improve over the past 30 days or not", "has the bounce rate got worse, yes or no":
# one direction asked, yes or no, is the same comparison
ONE_WAY_OR_NOT = (rf"\b(?:did|has|have|is|are|was|were) (?:[\w'-]+ ){{1,5}}?(?:{_UP}|{_DOWN}|got (?:better|worse)|gotten (?:better|worse))\b"
                  r"[\w\s,']{0,40}?,? (?:or not|or no|yes or no)\b")
EITHER_WAY_CUES = ((EITHER_WAY, 0.55), (ONE_WAY_OR_NOT, 0.55))
