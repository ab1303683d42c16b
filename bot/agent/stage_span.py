"""A stretch of the journey asked about by its ends (lane tune27): "where do people fall off
between finding the gig listing and buying a seat, step by step", "where are we losing people
between browsing the bikes and paying for a hire". Two stages or more read from the owner's
words (bot/agent/stage_phrases.py), set as the ends of a span, ask how many get through each
step of it: the funnel over those stages, not the drop-off points of the whole journey (the
catalog's own example: "where do we lose people between consideration and purchase?")."""

from __future__ import annotations

from typing import Any

from bot.agent.analytics_cues import text_of
from bot.agent.patterns import lazy
from bot.agent.story_steps import story_over

_SPAN = lazy(r"\bbetween\b.{3,80}\band\b|\bfrom\b.{3,80}\b(?:to|through to|until|till)\b|"
                   r"\bstep[- ]by[- ]step\b|\b(?:each|every) step\b")
# the same ends asked as a time or a KPI ("how long from first hearing of us to buying"), or as the
# whole journey drawn ("the full journey from awareness to advocacy with pain points"), or the
# drop-off named as such
_NOT_A_FUNNEL = lazy(r"\bhow long\b|\b(?:days|weeks|time) (?:from|between|it takes)\b|\bpain ?points?\b|"
                           r"\b(?:full|whole|entire) journey\b|\bjourney map\b|\bmap\b|"
                           # "what's the drop-off between checkout and order placed": the drop-off itself, asked by name
                           r"\bdrop[- ]?offs?\b|\bdropoffs?\b")

# "from quote request to a paid install, how many convert": a head count through the span's steps,
# not the step's rate read as a KPI ("what share of quote requests convert")
_HOW_MANY_THROUGH = lazy(r"^(?!.*\b(?:share|percentage|proportion|fraction|per ?cent|rate)\b)(?=.*\bfrom\b.{3,80}\bto\b)"
                               r".*\bhow many\b")


def stage_span(slots: Any) -> float:
    """How strongly the words ask for the funnel over a stretch of named stages."""
    stages = getattr(slots, "stages", None) or []
    text = text_of(slots)
    if story_over(text, list(getattr(slots, "touchpoints", None) or [])) and not _NOT_A_FUNNEL.search(text):
        return 1.3  # (lane probe21a) a customer's story of three steps or more: the funnel over them
    if getattr(slots, "breakdown", None) and _TURNS_INTO.search(text):
        return 1.4  # (lane tune35) "which first channel turns browsers into payers best": the funnel, group by group
    if len(getattr(slots, "touchpoints", None) or []) >= 4 and _LISTED.search(text) and not _NOT_A_FUNNEL.search(text):
        return 1.3  # (lane tune35) "site visit, then product page, then basket, then checkout, ... - wheres the leak"
    metrics = [m for m in getattr(slots, "metrics", None) or []
               if not (m.startswith("conversion_") and _HOW_MANY_THROUGH.search(text))]
    if len(stages) < 2 or metrics or _NOT_A_FUNNEL.search(text):
        return 0.0
    return 1.2 if _SPAN.search(text) else 0.0


# four web steps or more listed one after another, by commas, arrows or "then": the funnel over them
_LISTED = lazy(r"(?:,|\bthen\b|->|>)(?:[^,>]*?(?:,|\bthen\b|->|>)){2,}")
_CHAIN = lazy(r"\bto\b.*\bto\b|->")


def chain_of_steps(slots: Any) -> None:
    """"basket to checkout to order placed, split by channel": three steps or more one after another
    are the funnel over them; the rate of the last step their words also read is not the question."""
    if len(getattr(slots, "touchpoints", None) or []) >= 3 and _CHAIN.search(slots.norm):
        slots.metrics = [m for m in slots.metrics if not m.startswith("conversion_")]


# "only counting teams who booked within 7 days", "just count people who paid inside a fortnight":
# a funnel's window, said alone (a follow-up of the funnel just shown)
# (lane probe29b) "keep it to folk who went on to book inside 14 days": the same, said as what to keep
_WINDOW_ALONE = lazy(r"^(?:(?:and|but|ok|now|then),? )*(?:(?:only|just)? ?(?:count\w*|includ\w*)|keep (?:it|that|this|them) to)\b.{0,40}?"
                           r"\b(?:within|inside|in under|in less than) (?:a |an |the first )?(?:\d{1,3} ?)?(?:days?|weeks?|fortnight|months?)\b")


def window_alone(slots: Any) -> float:
    """The funnel's pull when only its conversion window is said."""
    return 0.6 if _WINDOW_ALONE.search(text_of(slots)) else 0.0


# (lane tune35) "which first channel turns site browsers into paying clients best", "which segment turns lookers
# into bookers best": people at one stage made people of a later one, group by group, is the funnel between them
_TURNS_INTO = lazy(r"\b(?:turn|convert)(?:s|ed|ing)? (?:the |our |more )?(?:[\w-]+ ){0,3}?(?:browsers|lookers|visitors|"
                         r"window[- ]shoppers|enquirers|enquiries|people having a look) into (?:actual |real )?(?:[\w-]+ )?"
                         r"(?:payers|buyers|bookers|customers|clients|purchasers|members|students|diners|guests)\b")


def turned_into(slots: Any) -> None:
    """"turns browsers into payers": the stages from looking round (consideration) to buying, every one
    between, the group's funnel over them (not the buyers counted, which their words also read)."""
    if getattr(slots, "breakdown", None) and _TURNS_INTO.search(slots.norm):
        slots.stages = ["consideration", "decision", "purchase"]
        slots.metrics = [m for m in slots.metrics if m not in ("buyers", "purchase_conversion")]
