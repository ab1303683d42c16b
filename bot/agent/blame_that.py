"""Which group moved the figure just shown (lane probe22c): "which segment's behind that then",
"which channel is to blame for that", "who's pulling it up, by age group". Right after a KPI's
level, series or comparison, the words point back at that KPI ("that", "it"), so the answer is
the movers of that KPI over that span, by the group named: never a fresh analysis of a default
KPI, and never the same series again."""

from __future__ import annotations

from bot.agent.patterns import lazy

BLAMES_THAT = lazy(
    r"\b(?:behind|to blame for|responsible for|driving|drove|causing|caused|explains?|explaining) (?:that|this|it)\b|"
    r"\b(?:pull(?:s|ed|ing)?|dragg?(?:s|ed|ing)?|push(?:es|ed|ing)?|hold(?:s|ing)?|held|knock(?:s|ed|ing)?) "
    r"(?:it|that|this) (?:up|down|back)\b|"
    # (lane probe23b) "which first channel is that down to", "what age band's it due to"
    r"\b(?:is|was|'s) (?:that|this|it) (?:down to|due to|owing to)\b|\b(?:that|this|it)(?:'s| is| was) (?:down to|due to|owing to)\b")
KPI_ANALYSES = ("kpis", "compare", "trend", "movers")
