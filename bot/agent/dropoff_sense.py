"""(lane tune28) A leaving verb is a drop-off only on a journey.

"customers most likely to drop off the radar" (people who may go: at risk), "cartridges leaking
in the post" (a physical leak: what customers said), "regulars who have tailed off" are not where
people leave a funnel. The drop-off cues (bot/agent/journey_cues.py) read the verb anywhere; this
takes most of that weight back when nothing near it names the journey (a stage, step, page, the
checkout or basket, "where", "before ..."), and the drop-off nouns ("drop-off points", "leaks in
the signups") keep theirs."""

from __future__ import annotations

_LEAVING = (r"\b(?:drop(?:s|ped|ping)? off(?! points?\b)|fall(?:s|ing|en)? off|fell off|leak(?:ed|ing)|"
            r"drift(?:s|ed|ing)? (?:away|off)|tail(?:s|ed|ing)? off|quit(?:s|ting)?)\b")
_JOURNEY = (r"\b(?:where|stages?|steps?|funnel|journey|checkout|check out|basket|cart|trolley|site|website|web ?shop|pages?|"
            r"before|between|process|along the way|form|enquir\w*|quotes?|touch ?points?|point|path|browsing|browsers?|"
            r"visitors?|sign-?ups?|drop-?offs|leaks|leakage|leaky)\b")
DROPOFF_SENSE_CUES = (
    (rf"^(?!.*{_JOURNEY}).*{_LEAVING}", -0.6),
    # "are we losing more clients to churn this month": customers lost for good, the churn KPI
    (r"\b(?:lose|loses|losing|lost)\b.{0,40}\bto (?:churn|churning)\b", -0.8),
)
