"""(lane tune28) How people *sound* in what they wrote, and which split of it they ask for.

"how happy do our diners sound in feedback day by day", "how cheerful do riders come across in
their comments each week", "which part of the guest journey sounds grumpiest" ask for the mood of
the texts (feedback_sentiment), not a KPI's trend: happy/grumpy said of how people sound or come
across. "Which part (step, bit) of the journey" is the journey's stages. "The delivery compared
with collecting it themselves" sets two ways of getting the goods side by side: the touchpoints
the feedback was left at (delivery, pickup), not two periods."""

from __future__ import annotations

from typing import Any

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy, rx

_MOODS = (r"(?:happy|happier|happiest|unhappy|content|pleased|satisfied|cheerful|chirpy|upbeat|positive|negative|"
          r"grumpy|grumpier|grumpiest|cross|crosser|angry|angrier|angriest|fed up|annoyed|moany|moanier|moaniest|"
          r"glum|sour|warm|warmest|harsh|harshest|kind|kindest|unhappiest|most (?:positive|negative|upbeat|annoyed)|"
          # (lane probe20a) "which sound more cheesed off", "who comes across most narked": British and
          # Irish moods, and any mood said with "more" or "most"
          r"cheesed off|narked|miffed|peeved|ticked off|hacked off|gutted|chuffed|stoked|made up|"
          r"(?:more|less|most|least|the most|the least) (?:cheesed off|narked|miffed|peeved|ticked off|hacked off|gutted|chuffed|"
          r"stoked|happy|unhappy|content|pleased|satisfied|cheerful|upbeat|grumpy|cross|angry|fed up|annoyed|moany|sour))")
_SOUND = r"(?:sound|sounds|sounded|sounding|come across|comes across|came across|coming across|seem|seems|seemed|read|reads)"
_TEXTS = (r"(?:feedback|comments?|reviews?|messages|remarks|texts|notes|replies|surveys?|tickets|write-?ups|what they (?:write|wrote|say|said)|"
          r"(?:survey |form )?(?:answers|responses))")

# "how happy do the diners sound in feedback", "which part sounds grumpiest in the comments",
# "do clients come across cheerful in their reviews": the feeling of what was written
_SOUNDING = (rf"\b(?:how {_MOODS} (?:do|does|did|have) (?:[\w'-]+ ){{0,3}}{_SOUND}\b|"
             rf"\b{_SOUND} (?:the )?{_MOODS}\b.{{0,40}}\b(?:in|from|across) (?:the |their |our )?{_TEXTS}\b|"
             # (lane probe20a) "survey forms vs support tickets, which sound more cheesed off": two kinds
             # of text, or two groups, weighed by how they sound
             rf"\b(?:which|who)(?: (?:one|ones|lot|side|group|kind))?(?:'s| is| are)? {_SOUND} {_MOODS}\b|"
             rf"\b(?:which|what) (?:part|bit|step|stage|leg|phase)s? of (?:the |our |their )?(?:[\w'-]+ )?(?:journey|trip|stay|visit|"
             rf"process|experience)\b.{{0,20}}\b{_SOUND} {_MOODS}\b)")
# (lane probe18b) "how do customers sound week by week", "how have the reviewers come across lately":
# how people sound, no mood named, is the mood of what they wrote (never "how does that sound",
# "how do the numbers sound", "what do customers sound like on the phone")
_HOW_THEY_SOUND = (rf"\bhow (?:do|does|did|have|has) (?:the |our |my )?(?:[\w'-]+ ){{0,2}}?(?:{PEOPLE}|reviewers|commenters|"
                   rf"passengers|mums|parents|readers) (?:{_SOUND})\b(?! like\b| on the (?:phone|call)\b)"
                   # (lane probe26a) "barge guests: how do they sound month by month": the people named before
                   rf"|\bhow (?:do|did|have) they (?:{_SOUND})\b(?! like\b| on the (?:phone|call)\b)"
                   r"(?=\s*(?:[?.!]|$|(?:by|each|per|over|lately|recently|these days|this|last|since|in|month|week|day)\b))")
# (lane ps14) "how does feedback sound week by week", "how do the reviews come across lately": the
# texts themselves said to sound some way are their mood too; (lane ps22) "how are the survey answers
# sounding": the same, asked as it goes on
_HOW_TEXTS_SOUND = (rf"\bhow (?:do|does|did|have|has|are|is|were|was) (?:the |our |my |their )?(?:[\w'-]+ )?{_TEXTS} (?:{_SOUND})\b"
                    rf"(?! like\b)")
# (lane probe20c) "are the rock shop's customers sounding more sour", "is the crowd seeming
# grumpier": people said to sound some mood, asked yes or no, are the mood of what they wrote
_ARE_THEY_SOUNDING = (rf"\b(?:are|is|were|was) (?:the |our |my )?(?:[\w'-]+ ){{0,3}}?(?:{PEOPLE}|reviewers|commenters|"
                      rf"passengers|mums|parents|readers|crowd) (?:{_SOUND}|getting) (?:any |a bit |a lot )?(?:more |less )?{_MOODS}\b")
SOUNDING_CUES = ((_SOUNDING, 1.0), (_HOW_THEY_SOUND, 1.0), (_HOW_TEXTS_SOUND, 1.0), (_ARE_THEY_SOUNDING, 1.0))

_PART_OF_JOURNEY = lazy(r"\b(?:which|what|each|every) (?:part|bit|step|stage|leg|phase)s? of (?:the |our |their )?"
                              r"(?:[\w'-]+ )?(?:journey|trip|stay|visit|process|experience)\b")
_DELIVERED = r"(?:deliver(?:y|ies|ed|s)?|posted|shipped|sent out|brought to (?:the|their) door|drop-?offs?)"
# (lane tune30) "picking the momos up themselves": what is picked up may be named between
_COLLECTED = (r"(?:collect(?:ing|ed|ion|s)?|click and collect|pick(?:ing|ed|s)? (?:[\w'-]+ ){0,3}?up|pick-?ups?|"
              r"in[- ]store|in person|came (?:in|by) for (?:it|them))")
_AGAINST = r"(?:compared (?:with|to)|vs\.?|versus|against|or|and|than)"
FULFILMENT_PAIR = lazy(rf"\b{_DELIVERED}\b.{{0,25}}\b{_AGAINST}\b.{{0,25}}\b{_COLLECTED}\b|"
                              rf"\b{_COLLECTED}\b.{{0,25}}\b{_AGAINST}\b.{{0,25}}\b{_DELIVERED}\b")
# (lane probe18a) "do survey answers sound happier than emails", "are ticket replies grumpier than
# the reviews": two kinds of text set against each other, each named with its own noun
_KINDS = r"(?:surveys?|questionnaires?|tickets?|e-?mails?|reviews?|chats?|dms?)"
_SOURCE_PAIR = lazy(rf"\b{_KINDS}(?: (?:answers|replies|responses|comments|texts|feedback|ones|messages|forms))?\b.{{0,40}}?"
                          rf"\b(?:than|vs\.?|versus|compared (?:with|to)|against|or) (?:the |our |in |on |from |via )?"
                          rf"(?:support |feedback |customer )?{_KINDS}\b")


_DEPENDING = lazy(r"\b(?:depending on|according to|varies? (?:by|with)|vary (?:by|with)) (?:the |which |what )?"
                        r"(channel|touchpoint|stage|source)s?\b")


def fulfilment_pair(text: str) -> bool:
    """Whether the text sets delivered goods against collected ones (how the goods reached people,
    the touchpoints), not a late delivery against an on-time one (lane tune30)."""
    return bool(FULFILMENT_PAIR.search(text)) and not rx.search(r"\b(?:late|on[- ]time|delay\w*|lateness)\b", text)


def sounding_split(text: str, args: dict[str, Any]) -> dict[str, Any]:
    """The split a feeling question names in words the slots do not read: the parts of the
    journey (stages), delivered against collected goods (touchpoints), or two kinds of text
    (sources)."""
    if args.get("by") in (None, "month") and FULFILMENT_PAIR.search(text):
        return {"by": "touchpoint"}
    if args.get("by") is None and _PART_OF_JOURNEY.search(text):
        return {"by": "stage"}
    if args.get("by") is None and _SOURCE_PAIR.search(text):
        return {"by": "source"}
    # (lane probe20a) "how upbeat do they sound depending on the channel they came in through"
    if args.get("by") is None and (said := _DEPENDING.search(text)):
        return {"by": said.group(1)}
    return {}
