"""(lane tune30) Short follow-ups that keep the last analysis and change one of its settings, in
words no analysis claims on its own: "stage level pls" after the drop-offs or the paths (its
`level`, never the funnel a bare "stage" is otherwise a cue of), "stick to the helpdesk tickets
for that" after a feedback analysis (its source), "only the ones who've never bought anything"
after a likely-buyers list (its prospects)."""

from __future__ import annotations

from dataclasses import replace

from bot.agent.tools import ToolSpec

# "stage level pls", "at touchpoint level then", "by stage instead", "ok show it step by step"
LEVEL_ONLY = (r"^(?:(?:and|ok|okay|now|right|so|just|can you|could you|please|pls|show (?:me )?(?:that|it|them|those)?|"
              r"do (?:that|it)|make it|switch(?: it)? to|go to|try|now do)[, ]+)*(?:at |by |on |per )?(?:the )?(?:journey )?"
              r"(?:stage|touchpoint|step)s?(?: level| by (?:stage|touchpoint|step))?(?: instead| rather| then)?"
              r"(?:,? (?:please|pls|plz|thanks|ta|mate|instead|then))*[?.! ]*$")
# "stick to the helpdesk tickets for that", "keep it to survey replies", "just the reviews for that"
# (lane probe24c) "keep it to the survey forms only": the paper the answers came back on
_TEXTS = (r"(?:tickets?|surveys?|survey (?:replies|answers|responses)|(?:survey|feedback|comment) (?:forms?|cards?|sheets?|slips?)|"
          r"reviews?|e-?mails?|chats?|questionnaires?|dms?|messages)")
ONE_SOURCE = (r"^(?:(?:and|ok|okay|now|right|so|but|can you|could you|please|pls)[, ]+)*(?:stick|keep (?:it|that|this)|"
              r"limit (?:it|that|this)|restrict (?:it|that|this)|narrow (?:it|that|this)(?: down)?|only|just) (?:to |with )?"
              rf"(?:the |our )?(?:[\w-]+ )?{_TEXTS}\b(?: (?:for|on) (?:that|this|it))?(?:,? (?:please|pls|only|then))*[?.! ]*$")
# "only the ones who've never bought anything", "just those who have never ordered": the prospects
NEVER_BOUGHT = (r"^(?:(?:and|ok|okay|now|right|so|but|please|pls)[, ]+)*(?:only|just) (?:the ones|those|them|the people|people|folk|"
                r"the folk|the customers|customers)(?: who| that)?(?:'ve| have| has)? (?:never|not yet|yet to) ")
# (lane probe22a) "no need to compare with the month before", "skip the comparison pls": the last
# drop-offs (or feelings, themes) without the period before
NO_COMPARISON = (r"^(?:(?:and|ok|okay|now|right|so|but|please|pls|actually)[, ]+)*(?:there's |theres )?(?:no need (?:to|for)|"
                 r"(?:don'?t|do not|no) (?:bother|need)(?: to| with)?|skip|drop|leave out|lose|without|no) (?:the |a |any )?"
                 r"compar(?:e|ing|isons?)\b")
# (lane probe22a) "only count a basket as dumped if it sits there 48 hours": the last basket figures,
# with the owner's own cut-off (bot/agent/analytics_tools.py reads the hours)
BASKET_CUT_OFF = (r"^(?:(?:and|ok|okay|now|right|so|but|please|pls|actually)[, ]+)*(?:only |just )?(?:count|counting|treat|treating) "
                  r"(?:a |the |their )?(?:basket|cart|trolley|bag)s? as (?:dumped|abandoned|ditched|lost|gone|dead|left)\b")

_BY_TOOL_KIND = (
    (lambda s: "level" in s.params.model_fields, LEVEL_ONLY),
    (lambda s: s.name.startswith("feedback_") and "source" in s.params.model_fields, ONE_SOURCE),
    (lambda s: s.name == "purchase_propensity", NEVER_BOUGHT),
    (lambda s: "compare" in s.params.model_fields and s.params.model_fields["compare"].annotation is bool, NO_COMPARISON),
    (lambda s: "cart_window_hours" in s.params.model_fields, BASKET_CUT_OFF),
)


def kept_by_follow_up(specs: list[ToolSpec]) -> list[ToolSpec]:
    """Each analysis takes the follow-ups of its kind as follow-ups of itself (never a tool that
    changes something)."""
    out = []
    for s in specs:
        extra = tuple(p for fits, p in _BY_TOOL_KIND if s.plan is not None and not s.changes_state and fits(s))
        out.append(replace(s, follow_ups=(*s.follow_ups, *extra)) if extra else s)
    return out
