""""What should I tell you to watch for if sales dip?", "which alerts would you suggest?",
"what's worth monitoring?": advice asked about what to watch, never an order to watch it. Its
words ("watch for", "keep an eye on", "if sales dip") are an alert rule's, so without this it
reads as a new rule proposed on the owner's behalf. The planner does not choose rules for the
owner: it lists the rules already set (list_alert_rules) and says how to add one."""

from __future__ import annotations

from typing import Any

from bot.agent.meaning_notes import NOTE, SEP

# what is watched, in the owner's words
_WATCH = (r"(?:watch(?:ing)?|monitor(?:ing)?|track(?:ing)?|keep(?:ing)? (?:an eye|a watch|watch|tabs|an eye out|a close eye) "
          r"(?:on|for)|keep(?:ing)? (?:an eye|watch|tabs)|look(?:ing)? out for|alert(?:ed)? (?:me |us )?(?:on|about|for)|"
          r"flag(?:ged)?|warn(?:ed)? (?:me |us )?about|set (?:up )?(?:an? |some )?(?:alerts?|alarms?|rules?)|"
          r"(?:have|get|add|put|create) (?:an? |some )?(?:alerts?|alarms?|rules?))")
_RULES = r"(?:alerts?|alert rules?|alarms?|rules?|warnings?|monitors?|tripwires?|numbers|kpis|metrics|figures|stats)"
_SUGGEST = r"(?:suggest|recommend|advise|propose)"
# asked, not ordered: a what/which question, or "any ... you'd suggest", after a trade's name or a greeting
_LEAD = (r"^(?:[\w' &-]{1,30}: )?(?:(?:ok|okay|so|and|right|hey|hi|quick one|honestly|in your opinion|"
         r"if you were me|if you were in my shoes|be honest),? )*")
ADVICE = (
    _LEAD + r"(?:"
    # "what should i tell you to watch for if sales dip", "what would you keep an eye on"
    r"(?:what|which)\b(?: [\w'-]+){0,3}? (?:should|shall|would|could|ought to|do you think|do you reckon|d'?you reckon|"
    r"would you say|(?:do|would) you " + _SUGGEST + r")\b(?: [\w'-]+){0,4}? " + _WATCH + r"\b|"
    # "what kind of alerts should a bakery have", "which sorts of warnings make sense"
    r"(?:what|which) (?:kinds?|sorts?|types?) of (?:alerts?|alarms?|rules?|warnings?|monitors?)\b|"
    # "should i set up an alert for refunds?", "is it worth having an alarm on cancellations"
    r"(?:should|shall) (?:i|we) (?:set up|set|add|create|have|get|put|make) (?:up )?(?:an? |some |any )?(?:[\w-]+ )?"
    r"(?:alerts?|alarms?|rules?|warnings?)\b|(?:is it|would it be) worth (?:having|setting up|getting|adding|making) "
    r"(?:an? |some )?(?:[\w-]+ )?(?:alerts?|alarms?|rules?|warnings?)\b|"
    r"would it be (?:smart|wise|sensible|a good idea|worth it|good) to " + _WATCH + r"\b|"
    # "which alerts would you suggest", "what numbers do you recommend tracking"
    r"(?:what|which|any) (?:[\w'-]+ )?" + _RULES + r" (?:would|do|could|might|can) (?:you|u) " + _SUGGEST + r"|"
    r"(?:any|some|what|which) (?:[\w'-]+ )?" + _RULES + r" (?:you'?d|you would|u'?d) " + _SUGGEST + r"|"
    # "what's worth monitoring", "anything worth an alert for the bakery"
    r"(?:what|which|anything|is there anything)(?:'s|s)?(?: [\w'-]+){0,3}? (?:(?:is|are) )?worth (?:watching|monitoring|tracking|"
    r"keeping an eye on|keeping tabs on|flagging|alerting on|an alert|setting (?:up )?an? (?:alert|alarm)|having an? (?:alert|alarm))\b|"
    # "can you suggest some alerts", "recommend a few numbers to watch"
    r"(?:can|could|would) (?:you|u) " + _SUGGEST + r" (?:me |us )?(?:some|a few|any|good|useful|the best|which|what) "
    r"(?:[\w'-]+ )?" + _RULES + r"\b|" + _SUGGEST + r" (?:me |us )?(?:some|a few|any|good|useful) (?:[\w'-]+ )?" + _RULES + r"\b)")

_NOTE = ("you asked what to watch: I don't choose alert rules for you, so these are the rules already set; to add one, "
         "say what to watch and when, e.g. “tell me if orders drop 20% week on week”")


def advice_note(slots: Any) -> None:
    """Say, in the answer, that the rules listed are the ones already set and how to add one."""
    note = (NOTE, f"advice{SEP}-{SEP}{_NOTE}")
    unknown = getattr(slots, "unknown", None)
    if unknown is not None and note not in unknown:
        unknown.append(note)
