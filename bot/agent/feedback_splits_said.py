"""(lane probe28c) The feeling of what people wrote, split in words the slots do not read as a split.

"does feedback change with the channel people arrived through", "do the comments differ with the
stage folk are at": the texts' mood set against a grouping (feedback_sentiment by that group),
never a KPI's change. "the comments, touchpoint by touchpoint", "survey answers stage by stage": the
texts named, then the split, are their mood by that group (not the routes customers take, which
"touchpoint by touchpoint" alone asks for in paths). Cues of feedback_sentiment."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_TEXTS = (r"(?:feedback|comments?|remarks|messages|write-?ups|survey (?:answers|comments|responses)|"
          r"mood|tone|sentiment|vibes?|what (?:people|folks?|customers|clients|guests|they) (?:say|said|write|wrote))")
_GROUP = r"(channel|touchpoint|stage|source)s?"
# "does feedback change with the channel people first came in by", "do comments differ by the stage"
# (reviews are left out: split by a group they are the review score's, satisfaction_by)
_CHANGES_WITH = (rf"\b{_TEXTS}\b(?: [\w'-]+){{0,3}}? (?:change|changes|changed|differ|differs|shift|shifts|vary|varies|swing|swings|"
                 rf"move|moves|alter|alters)\b(?: (?:much|at all|a lot|any))? (?:with|by|between|across|from one (?:\w+ )?to another)"
                 rf" (?:the |which |what |each )?(?:first |first-touch )?{_GROUP}\b")
# "tallow balm feedback, touchpoint by touchpoint", "the comments channel by channel"
_TEXTS_THEN_EACH = rf"\b{_TEXTS}\b[,:;]?(?: [\w'-]+){{0,3}}?,? (?:touchpoint by touchpoint|channel by channel|stage by stage|source by source)\b"
SPLIT_SAID_CUES = ((_CHANGES_WITH, 1.0), (_TEXTS_THEN_EACH, 1.2))

_CHANGES = lazy(_CHANGES_WITH)
_EACH = lazy(r"\b(touchpoint|channel|stage|source) by (?:touchpoint|channel|stage|source)\b")


def split_said(text: str, args: dict[str, Any]) -> dict[str, Any]:
    """The group the texts' mood is split by when said as "changes with the channel" or "X by X"."""
    if args.get("by") not in (None, "stage"):
        return {}
    if (m := _CHANGES.search(text)) or (m := _EACH.search(text)):
        return {"by": m.group(m.lastindex or 1)}
    return {}

# "how do cafes sound about the spinach boxes month by month": how people sound about the goods is
# the mood of what they wrote (never the goods' count over those months)
_SOUND_ABOUT = (r"\bhow (?:do|does|did|have|has) (?:the |our |my )?(?:[\w'-]+ ){0,2}?[\w'-]+ (?:sound|sounded|come across|came across|"
                r"seem|seemed) (?:about|on|regarding|re|towards)\b")
SPLIT_SAID_CUES += ((_SOUND_ABOUT, 1.6),)

# "amethyst angry stuff but only what came via support tickets", "the nastiest things written": the
# angriest texts, no topic, a search ranked by tone
# (not "which channel brings the angriest comments", "which segment writes the most negative stuff": a split)
ANGRY_TEXTS_CUES = ((r"^(?!.*\b(?:which|what|each|every|per|by) (?:[\w-]+ )?(?:channel|platform|touchpoint|stage|source|step|site|segment|group|town|city|region|persona|age)s?\b)"
                     r".*?\b(?:angry|angriest|furious|nasty|nastiest|rude|rudest|harshest|livid|fuming|ranty|shouty|most negative) "
                     r"(?:stuff|things|bits|texts|words|notes|messages|comments|rants|emails)\b", 1.0),)
