""""Tutors who are high risk now but weren't a week ago": the at-risk list then and now, the
names new to it (newly_at_risk), said as now against then (lane ps20, from blind20's misses)."""

from __future__ import annotations

_RISKY = r"(?:high[- ](?:churn[- ])?risk|at[- ]risk|risky|in danger|a (?:churn |flight )?risk)"
# Cue of newly_at_risk: risky now, not risky then
RISK_NOW_NOT_THEN_CUES = (
    (r"\b" + _RISKY + r" (?:now|today|at the moment|currently|these days)\b,? (?:but|though|yet|and|who|that)? ?"
     r"(?:were ?n[o']?t|was ?n[o']?t|were not|was not|weren'?t|wasn'?t|are new since|not)\b(?: \w+){0,3}? "
     r"(?:ago|before|back|earlier|last (?:week|month|time|run)|yesterday)\b|"
     r"\b(?:were ?n[o']?t|was ?n[o']?t|were not|was not|weren'?t|wasn'?t) " + _RISKY + r" (?:\w+ ){0,3}(?:ago|before|back|earlier|"
     r"last (?:week|month|time)|yesterday)\b.{0,30}\b(?:but )?(?:are|is) (?:now)?\b", 1.5),
)
# (lane ps23) "since the model last scored everyone", "since you last ran the scores": the saved
# scoring before this one, named by the run rather than by the word "scoring"
SINCE_LAST_SCORED = (r"\bsince (?:the (?:model|system|scoring|scorer|bot)|you|it|we|they) (?:last |previously )"
                     r"(?:scored|rated|ranked|ran|run|re-?scored|checked|(?:did|ran|done|updated|refreshed) (?:the|its|their|a) (?:scores|scoring|ratings|rankings|numbers|model))\b")
