"""A slow change asked about ("has our reply time slipped lately", "have scores sagged since
summer", "has the refund rate crept up"): a drift is only seen against the period before, so
the owner wants the two set side by side, not this period's level alone. (lane probe22c) "did nps dip this
week" is such a drift; "has that been creeping up?" is not: a drift still going on is its course, a
series (analytics_cues.py's trend words)."""

from __future__ import annotations

DRIFT = (r"\b(?:has|have|did|is|are)\b(?:\s+[\w'%-]+){1,8}?\s+"
         r"(?:slipp(?:ed|ing)|slip|slid(?:e|ing)?|sagg(?:ed|ing)|sag|dipp(?:ed|ing)|dip|crept (?:up|down)|(?<!been )creeping (?:up|down)|"
         r"creep (?:up|down)|worsen(?:ed|ing)?|erod(?:ed|ing)|tail(?:ed|ing)? off|drift(?:ed|ing)? (?:up|down)|"
         r"taken a (?:hit|dip|knock)|gone backwards?|went backwards?)\b")
# (lane ps7) "is the average basket up this month so far?", "are first-time bookers down over the
# past 30 days?", "did covers go up last week?", "are we losing more members to churn this month":
# a level said to have moved is that level against the period before (not "signed up", "set up")
_PHRASAL = (r"(?:signed|sign|set|show|shown|turned|turn|picked|pick|followed|follow|backed|back|topped|top|marked|mark|broken|"
            r"break|let|shut|slowed|closed|cut|ramped|geared|kept|held|booked|filled|made|lined|opened|sold|locked|tied|"
            r"written|ended|mixed|messed|fed|used|given|coming|going|trending|heading|built|paid|caught|keeping|"
            r"winding|wound|calmed|cooled|warmed|sped|speeded|hung|checked|logged|looked|knocked|pulled|pushed|creeping|creep|crept|"
            r"edging|inching|ticking|moving|climbing|shooting|stacking|adding|piling|racking|totting|summed|"
            # the -ing forms: "are cakes turning up on the day we promised" asks about arrivals
            r"turning|showing|picking|signing|setting|following|backing|topping|marking|breaking|shutting|slowing|"
            r"closing|ramping|gearing|holding|filling|lining|opening|locking|tying|ending|mixing|messing|feeding|"
            r"giving|catching|checking|logging|looking|knocking|pulling|pushing|hanging|warming|cooling|calming|speeding)")
UP_OR_DOWN = (rf"^(?:(?:so|and|ok|okay|hey|quick one),? )?(?:is|are|was|were) (?:(?!{_PHRASAL}\b)[\w'%-]+ ){{1,8}}?(?:up|down)\b"
              r"(?=\s*(?:this|last|over|in|so far|since|compared|vs|versus|from|on the|against|$|[?.!,]))|"
              r"\b(?:did|has|have|do|does)\b(?:\s+[\w'%-]+){1,8}?\s+(?:go|gone|went) (?:up|down)\b(?! (?:to|by|the)\b)|"
              r"\b(?:are|is|were|was|have|has) (?:we|they|you|the \w+) (?:been )?(?:losing|gaining|winning|getting|seeing|"
              r"taking|selling|doing|pulling in|bringing in) (?:more|fewer|less)\b")
DRIFT_CUES = ((DRIFT, 0.55), (UP_OR_DOWN, 0.55))
