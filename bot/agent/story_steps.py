"""A customer's story told as a chain of steps in the trade's words (lane probe21a): "from first
hearing about us, to a look at the site, to booking a session, to telling their mates", "how many
asked for a quote, then commissioned, then got the painting delivered". Three steps or more, each
naming what people do at one stage, are the funnel's steps as said: the stages those steps name,
in order, with the ones the story skips left out (a span's two ends are read elsewhere, by
bot/agent/stage_phrases.py and bot/agent/journey_plans.py, as every stage between them)."""

from __future__ import annotations

from bot.agent.patterns import lazy
from tools.core.stages import STAGE_INDEX

# what people do at each stage, in the order a step is tried: the later stages first, since
# "paying for it to be delivered" is the delivery and "booking after a look" the booking
_STEP_WORDS: tuple[tuple[str, str], ...] = (
    ("advocacy", r"\breviews?\b|\breviewing\b|\brecommend\w*|\brefer(?:s|red|ring|ral)?\b|\bword of mouth\b|"
                 r"\b(?:tell|tells|telling|told) (?:their |his |her |all their |the )?(?:mates|friends|pals|family|others|people|everyone)\b|"
                 r"\b(?:bring|brings|bringing|brought) (?:a |their |along a )?(?:mate|friend|pal)s?\b|\brat(?:e|es|ing) us\b|\badvocacy\b"),
    ("post-purchase", r"\bpost-purchase\b|\b(?:pick|picks|picking|picked) (?:[\w'-]+ ){0,2}up\b|\bcollect\w*|\bdeliver\w*|"
                      r"\bparcels?\b|\barriv\w*|\baftercare\b|\bafter-?care\b|\bafter care\b|\bafter-?sales?\b|"
                      r"\b(?:receiv|receiv)(?:e|es|ed|ing)\b"),
    ("purchase", r"(?<!post-)\bpurchas\w*|\bbook(?:s|ed|ing)?\b|\bbuy(?:s|ing)?\b|\bbought\b|\border(?:s|ed|ing)?\b|"
                 r"\bpa(?:y|ys|ying|id)\b|\bpayments?\b|\bcommission(?:s|ed|ing)?\b|\bhir(?:e|es|ed|ing)\b|"
                 r"\bsign(?:s|ed|ing)? up\b|\benrol+\w*|\brent(?:s|ed|ing)?\b"),
    ("decision", r"\bbaskets?\b|\bcarts?\b|\btrolleys?\b|\bcheck-?outs?\b|\bcheck(?:s|ing|ed)? out\b(?! (?:the|our|my)\b)|"
                 r"\bquot(?:e|es|ation)\b|\bestimates?\b|\bdecid\w*|\bmak(?:e|es|ing) up (?:their|his|her|my) minds?\b|\bdecision\b"),
    ("awareness", r"\bhear(?:s|d|ing)? (?:about|of)\b|\b(?:spot|spots|spotting|spotted|find|finds|finding|found|notic\w*|discover\w*|"
                  r"see|sees|seeing|saw) (?:us|me|my|our)\b|\b(?:com(?:e|es|ing)|came) (?:across|upon)\b|\bawareness\b"),
    ("consideration", r"\bbrows\w*|\blook(?:s|ed|ing)?\b|\bnosy\b|\bnosey\b|\beye(?:s|d|ing)? (?:\w+ )?up\b|\beyeing\b|"
                      r"\bcheck(?:s|ing|ed)? out (?:the|our|my)\b|\bconsider\w*"),
)
_STEPS = tuple((stage, lazy(words)) for stage, words in _STEP_WORDS)

# a step ends where the story moves on: "to", "then", "on to", an arrow or a comma
_NEXT = lazy(r",?\s*\b(?:and then|then|and on to|on to|through to|thru to|all the way to|to|till|until)\b\s*|"
                   r"\s*(?:->|→)\s*|,\s*")
_FROM = lazy(r"\bfrom\b")
_ON = lazy(r"\b(?:to|then|till|until)\b|->|→")
# "from browsing to paying, and on to after-sales": a span whose far end goes on, every stage between
# (read by bot/agent/journey_plans.py), not a story of its steps
_SPAN_GOES_ON = lazy(r"\band on to\b")


def step_stage(step: str) -> str | None:
    """The stage one step of a story names, if it names one."""
    return next((stage for stage, words in _STEPS if words.search(step)), None)


def story_stages(text: str) -> list[str] | None:
    """The stages of a story of three steps or more, in the order told; None when the text is
    not such a story (fewer steps, or steps that go back on themselves)."""
    start = _FROM.search(text)
    told = text[start.end():] if start else text
    if len(_ON.findall(told)) < 2 or _SPAN_GOES_ON.search(told):
        return None
    stages: list[str] = []
    for step in _NEXT.split(told):
        stage = step_stage(step)
        if stage is None or stages and stages[-1] == stage:
            continue
        if stages and STAGE_INDEX[stage] < STAGE_INDEX[stages[-1]]:
            return None
        stages.append(stage)
    return stages if len(stages) >= 3 else None


def story_over(text: str, touchpoints: list[str]) -> list[str] | None:
    """The story's stages unless the steps it names are the data's own touchpoints ("site visit to
    basket to checkout"): a story that ends at a stage past every touchpoint read ("checkout to
    paid to after-sales") is still told in stages."""
    story = story_stages(text)
    if not story or len(touchpoints) < 2:
        return story
    from tools.core.stages import DEFAULT_TOUCHPOINTS

    reached = {DEFAULT_TOUCHPOINTS[t].stage for t in touchpoints if t in DEFAULT_TOUCHPOINTS}
    return story if reached and all(STAGE_INDEX[s] < STAGE_INDEX[story[-1]] for s in reached) else None
