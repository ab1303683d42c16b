"""The persona tools for the agent and the planner: draft, edit, save, list and show.

Drafts belong to the conversation (`ctx.conversation`: a Slack thread, the terminal), so
"merge the last two" or "rename her" act on the cards drafted earlier in the same thread, even
after a restart. With a model configured, the card words are written through prompts/persona.md
(`ctx.services["persona_writer"]`, set by the agent); the numbers always come from the data.
"""

from __future__ import annotations

import re
from typing import Any

from bot.agent.idiom_asks import SAVE_IN_FOCUS, SHOW_IDIOM_CUES
from bot.agent.patterns import rx
from bot.agent.persona_again import REDRAFT, cards_said
from bot.agent.persona_draft_cues import DRAFT_CUES, NTH
from bot.agent.persona_gripes import SHOULD_NOT_LIST, gripe_not_wanted
from bot.agent.persona_kept import (
    KEPT_KINDS_CUES,
    NAME_WANTED,
    NUMBERED_KEPT,
    SAVE_ALL_SAID,
    SAVE_SET_SAID,
    WHOLE_CARD_CUES,
)
from bot.agent.persona_orders import PAIN_GIVEN, SAVED_LIST
from bot.agent.rules_and_cards_said import (
    CARDS_KEPT_CUES,
    DRAFT_CARDS_CUES,
    SAVE_CARD_SAID,
    SHOWN_WHOLE_CUES,
)
from bot.agent.tools import ToolContext, ToolSpec

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1, "final": -1, "previous": -2, "penultimate": -2,
}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

# Words owners use -> the behaviours a card can be narrowed to (tools.personas.params.Focus).
FOCUS_WORDS: list[tuple[str, str]] = [
    (r"\bweekdays?\b|\bworking days?\b|\bmon(?:day)?[- ]to[- ]fri(?:day)?\b", "weekday"),
    (r"\bweekends?\b|\bsaturdays?\b|\bsundays?\b", "weekend"),
    (r"\bmornings?\b|\bbreakfast\b|\bcommut\w*", "morning"),
    (r"\blunch\w*\b", "lunchtime"),
    (r"\bevenings?\b|\bafter work\b|\bnight\b", "evening"),
    (r"\btake ?outs?\b|\btake-?away\b|\bpick ?ups?\b|\bcollect\w*\b|\bclick and collect\b|\border ahead\b", "pickup"),
    (r"\bdeliver\w*\b|\bshipp\w*\b", "delivery"),
    (r"\bin[- ]?store\b|\bin the shop\b|\bwalk[- ]?ins?\b|\bcounter\b|"
     # (lane probe28c) "weekend shoppers who buy in person", "folk paying face to face": at the counter
     # (not "collect in person": the pickup)
     r"\b(?:buy|shop|pay|order|book|purchas)\w* (?:\w+ )?in person\b|\bface[- ]to[- ]face\b",
     "in_store"),
    (r"\bonline (?:[\w-]+ ){0,2}?(?:customers|shoppers|orders|buyers|bookings?|bookers|crowd|lot|folks|people|users|deliver\w*)\b|\b(?:order|book|buy|shop|pay|appl(?:y|ies|ied|ying)|sign(?:s|ed|ing)? up|register|enrol|reserve|enquire)(?:s|ed|ing)? online\b|"
     # (lane probe24c) "who reserve on the web", "folk booking via the app": online, said as where
     r"\b(?:order|book|buy|shop|pay|sign(?:s|ed|ing)? up|register|enrol|reserv|enquir)\w* (?:on|via|through|over) (?:the )?(?:web|internet|web ?site|app)\b",
     "online"),
    (r"\bphone\b|\bcall(?:s|ers)?\b|\b(?:ring|rings|ringing) (?:up|us|in)\b", "phone"),  # (probe25b) "who ring up"
    (r"\bfrequent\b|\bloyal\b|\bregulars?\b|\boften\b", "frequent"),
    (r"\boccasional\b|\bonce in a while\b|\brarely\b|\bone-?off\b", "occasional"),
    (r"\bhigh[- ]value\b|\b(?:big|high|heavy|top)[- ]spen(?:ders?|ding)\b|\bvips?\b|\bbest customers\b|\bspend (?:a lot|most)\b", "high_value"),
    (r"\brecent\b|\bnew customers\b|\bactive\b", "recent"),
    (r"\blapsed\b|\bchurn\w*\b|\bstopped (?:buying|coming)\b|\binactive\b|\blost\b", "lapsed"),
    (r"\bsupport\b|\bcomplain\w*\b|\btickets?\b|\bcontacted us\b", "contacted_support"),
    (r"\bunhappy\b|\bdissatisfied\b|\bdetractors?\b|\bdisappointed\b", "unhappy"),
    (r"\bhappy\b|\bpromoters?\b|\bsatisfied\b|\bfans?\b", "happy"),
    (r"\bnon[- ]buyers?\b|\bnever bought\b|\bprospects?\b|\bbrowsers?\b", "non_buyers"),
    (r"\bbuyers\b|\bpaying customers\b|\bwho bought\b", "buyers"),
]


def _writer(ctx: ToolContext):
    return ctx.services.get("persona_writer")


def feedback_sentiment(open_feedback: Any) -> Any:
    """Per-customer feedback sentiment for the segmentation, or None when the feedback store
    cannot be had (the offline model not installed, Chroma unreachable): personas are still
    drafted, from behaviour and survey scores, and the result says so."""
    from tools.core.errors import JourneyError
    from tools.feedback.sentiment import customer_sentiment

    try:
        frame = open_feedback().frame()
    except (JourneyError, OSError, ValueError, RuntimeError):
        return None
    return customer_sentiment(frame) if not frame.empty else None


def _draft(ctx: ToolContext, params: Any):
    from bot.agent.feedback_tools import feedback_store
    from tools.personas.draft import draft_personas

    return draft_personas(ctx.store, params, conversation=ctx.conversation, writer=_writer(ctx),
                          sentiment=feedback_sentiment(lambda: feedback_store(ctx)))


def _edit(ctx: ToolContext, params: Any):
    from tools.personas.edit import edit_persona

    return edit_persona(ctx.store, params, conversation=ctx.conversation, writer=_writer(ctx))


def _save(ctx: ToolContext, params: Any):
    from tools.personas.saved import save_persona

    return save_persona(ctx.store, params, conversation=ctx.conversation)


def _list(ctx: ToolContext, params: Any):
    from tools.personas.saved import list_personas

    return list_personas(ctx.store, params, conversation=ctx.conversation)


def _show(ctx: ToolContext, params: Any):
    from tools.personas.saved import show_persona

    return show_persona(ctx.store, params, conversation=ctx.conversation)


# -- reading the offline planner's arguments from the words --------------------------------


def positions(text: str) -> list[int]:
    """'the last two' -> [-2, -1]; 'the first and third' -> [1, 3]; 'persona 2' -> [2]."""
    t = text.lower()
    m = rx.search(r"\b(first|last) (two|three|2|3)\b", t)
    if m:
        n = _NUMBERS.get(m.group(2)) or int(m.group(2))
        return list(range(1, n + 1)) if m.group(1) == "first" else list(range(-n, 0))
    found: list[tuple[int, int]] = []
    for word, pos in ORDINALS.items():
        for hit in rx.finditer(rf"\b{re.escape(word)}\b", t):
            found.append((hit.start(), pos))
    for hit in rx.finditer(r"(?:\b(?:persona|card)\s*(?:#|no\.?)?|\b(?:number|no\.?)|#)\s*(\d|one|two|three|four|five|six)\b", t):
        word = hit.group(1)
        found.append((hit.start(), int(word) if word.isdigit() else _NUMBERS[word]))
    # "merge 4 and 5", "combine 2 & 3": bare card numbers joined by and/&.
    number = r"(one|two|three|four|five|six|[1-6])"
    for hit in rx.finditer(rf"\b{number}\s*(?:and|&|\+|with)\s*{number}\b", t):
        a, b = (int(g) if g.isdigit() else _NUMBERS.get(g, 1) for g in hit.groups())
        found += [(hit.start(1), a), (hit.start(2), b)]
    out: list[int] = []
    for _, pos in sorted(found):
        if pos not in out:
            out.append(pos)
    return out[:2]


def focus_words(text: str) -> list[str]:
    t = text.lower()
    found: list[tuple[int, str]] = []
    for pattern, focus in FOCUS_WORDS:
        m = rx.search(pattern, t)
        if m:
            found.append((m.start(), focus))
    out: list[str] = []
    for _, focus in sorted(found):  # in the order they were said: "lapsed high-value" leads with lapsed
        if focus not in out:
            out.append(focus)
    # "high value frequent buyers": "buyers" is only the noun the behaviours describe
    if "buyers" in out and ("non_buyers" in out or rx.search(
            r"\b(?:frequent|loyal|regular|occasional|high[- ]value|big|recent|lapsed|online|weekend|weekday|happy|"
            r"unhappy|morning|evening|lunchtime) buyers\b", t)):
        out.remove("buyers")
    return out[:4]


def _after(pattern: str, text: str) -> str | None:
    m = rx.search(pattern, text, re.I)
    if not m:
        return None
    value = m.group(1).strip().strip("\"'“”‘’").rstrip(".!?").strip().strip("\"'“”‘’")
    return value[:60] or None


# A card's pain point in owners' words: "take the parking gripe off that card", "strike the price moan from the second persona" (the words before it are the point)
_GRIPE = r"(?:gripes?|complaints?|niggles?|moans?|bugbears?|frustrations?|grumbles?|worr(?:y|ies)|whinges?|pain ?points?)"
REMOVE_GRIPE = (r"\b(?:take|remove|drop|delete|strike|cross|scrub|get rid of|lose) (?:the |that |this |her |his |its )?((?:[\w'-]+ ){1,3})"
                + _GRIPE + r" (?:off|from|out of|on|in) (?:the |that |this |her |his |its )?(?:\w+ )?(?:card|persona|one|draft)\b")


def plan_edit(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "text", "") or ""
    t = text.lower()
    which = positions(text)
    if rx.search(MERGE, t):
        return {"action": "merge", "which": which if len(which) == 2 else [-2, -1]}
    gripe = rx.search(REMOVE_GRIPE, t)
    if gripe:
        return {"action": "remove_pain_point", "which": which[:1], "text": gripe.group(1).strip()}
    off = rx.search(r"\b(?:remove|take|drop|delete|strike|scrub|cross|get rid of) (?:the )?[\"“‘']?([\w -]{2,40}?)[\"”’']? (?:off|from|out of) "
                    r"(?:(?:persona|card) ?#?\d'?s|(?:the )?(?:first|second|third|fourth|fifth|last) (?:persona|card)'?s) pain ?points?\b", t)
    if off:  # (tune31) "take price off persona 2's pain points": the words before "off" are the point
        return {"action": "remove_pain_point", "which": which[:1], "text": off.group(1).strip()}
    if unwanted := gripe_not_wanted(t):  # "card 1 shouldn't list price as a pain point"
        return {"action": "remove_pain_point", "which": which[:1], "text": unwanted}
    if said := rx.search(r"\b(?:the |that |this )?([\w'-]+(?: [\w'-]+)?) pain ?points?\b.*\b(?:remove|drop|delete|scrap|bin|lose|"
                         r"get rid of) (?:it|that|this)\b", t):  # (probe25b) "the prices pain point on card 2 - remove it"
        return {"action": "remove_pain_point", "which": which[:1], "text": said.group(1)}
    if rx.search(r"\b(?:remove|drop|delete|take out|take away|get rid of|no longer|strike|scrap)\b.*\bpain ?points?\b|"
                 r"\btake\b.*\b(?:pain ?points?\b.*\boff|off\b.*\bpain ?points?)\b", t):
        # 'take the "price sensitive" pain point off the first persona': the quoted words are the point
        quoted = rx.search(r"[\"“‘']([^\"”’']{2,60})[\"”’']", text)
        return {"action": "remove_pain_point", "which": which[:1],
                "text": quoted.group(1).strip() if quoted else
                _after(r"\bpain ?points?\s*(?:(?:about|on|for|called)\b|:)?\s*(?!\s*(?:off|out|please|pls|too|now)\W*$)(.+)$", text)}
    if rx.search(r"\bpain ?points?\b", t):
        return {"action": "add_pain_point", "which": which[:1],
                "text": _after(r"\badd\s+(.+?)\s+as\s+(?:a|an|another)\s+(?:new\s+)?pain ?point\b", text)  # "add no parking as a pain point"
                or _after(r"\bpain ?points?\s*(?:(?:about|on|for|that says)\b|:)?\s*(.+)$", text)}
    if rx.search(r"\b(?:rename|(?:call|name) (?:her|him|them|it|the \w+(?: one| persona| card)?|(?:[\w'-]+ ){0,2}?(?:persona|card)(?: number| no\.?)? ?#?[1-6]))\b|"
                 + RENAME_GIVEN, t):
        name = _after(r"\b(?:rename|call|name)\b(?:\s+(?:her|him|them|it|this|that|(?:[\w'-]+ ){0,2}?(?:persona|card)(?: number| no\.?)? ?#?\d|(?:number|no\.?) ?\d|#\d|"
                      r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|last|\d(?:st|nd|rd|th)?)"
                      r"(?:\s+(?:one|persona|card|draft))?))?(?:\s+(?:to|as))?\s+(.+)$", text)
        if name:  # "call card 3 Sunday Shapers from now on": the name, not the words after it
            name = rx.sub(r"[\s,]+(?:from now on|going forward|instead|please|pls|thanks)\W*$", "", name, flags=re.I) or None
        if name and name.lower() in ("her", "him", "them", "it", "this", "that", "this one", "that one", "persona", "card",
                                     "one", "draft", "persona card"):
            name = None  # "rename her" with no name: the tool asks for one
        if name and rx.search(r"^\s*(?:so |and |ok,? )?(?:what|which name|any ideas?|ideas) (?:should|shall|could|would|can|do|might) "
                              r"(?:i|we|you)\b", t):
            name = None  # "what should we call the second persona?": a name asked for, none given
        if name and rx.fullmatch(r"(?:something|anything)(?: (?:better|else|new|different|catchier|nicer))?|(?:a )?(?:better|new|"
                                 r"different|catchier|nicer) name", name.lower().rstrip("?!. ")):
            name = None  # "rename her something catchier": no name said
        return {"action": "rename", "which": which[:1], **({"text": name} if name else {})}
    # "make the second one about X" re-aims the card at everyone who is X; "narrow it to X" or
    # "only X" keeps the card's own customers who are X.
    refocus = rx.search(r"\b(?:make|turn|change)\b.*\b(?:about|into)\b|\bbe about\b|\brefocus\b", t) \
        and not rx.search(r"\b(?:narrow|only|just)\b", t)
    return {"action": "refocus" if refocus else "narrow", "which": which[:1], "focus": focus_words(text)}


def plan_draft(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    # the number this question says first: a redraft's slots still hold the last draft's
    # (lane probe27c) read plain too: "gie us four o them customer cards" is "give us four of them"
    count = cards_said((getattr(slots, "text", "") or "").lower()) or cards_said(getattr(slots, "norm", "") or "") \
        or getattr(slots, "count", None)
    return {"segments": count} if count and 2 <= count <= 6 else {}


def plan_save(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "text", "") or ""
    t = text.lower()
    if rx.search(SAVE_SET_SAID, t) or rx.search(r"\b(?:all|every|them all|all of them|both|the (?:whole )?lot|everything|each (?:one|of them|of (?:the|those|these) (?:cards|personas|drafts|ones)|(?:[\w-]+ )?(?:cards?|personas?|drafts?))|every one|(?:these|those) (?:cards|personas|drafts|profiles))\b", t):
        return {"all": True}
    which = positions(text)
    name = _after(r"\b(?:as(?! well\b)|called|under the name)\s+(.+)$", text)  # not "keep card 2 as well"
    return {**({"which": which[0]} if which else {}), **({"name": name} if name else {})}


_NAME = r"((?:[A-Z][\w'-]*)(?:\s+(?:[A-Z][\w'-]*|of|the|and|&))*(?<!\bof)(?<!\bthe)(?<!\band))"


def persona_name(text: str) -> str | None:
    """A persona's name written in the question: "the persona Brunch Ben", "version 2 of The
    Regular", "show me Busy Parent's card" (capitalised words, as names are written)."""
    for pattern in (rf"\bpersona(?:\s+(?:called|named|card(?:\s+for)?))?\s+{_NAME}",
                    rf"\bversion\s+\d+\s+of\s+(?:the\s+persona\s+)?{_NAME}",
                    rf"\b(?:show|open|see|display|view|pull up)\s+(?:me\s+|us\s+)?(?:the\s+|our\s+)?{_NAME}(?:'s)?\s+"
                    rf"(?:persona|card)\b"):
        m = rx.search(pattern, text)
        if m:
            return m.group(1).strip()
    return None


def plan_show(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "text", "") or ""
    out: dict[str, Any] = {}
    name = getattr(slots, "persona", None) or persona_name(text)
    m = rx.search(r"\bversion\s+(\d+)\b|\bv(\d+)\b", text, re.I)
    if m:
        out["version"] = int(m.group(1) or m.group(2))
    if name:
        return {**out, "name": name}
    which = positions(text)
    return {**out, "which": which[0]} if which else out


# "merge the last two", "squash the last two cards into one", "lump 2 and 3 together": two cards made one
MERGE = (r"\b(?:merge|combine)\b|"
         # (ps23) "fold"/"join" only said of cards or made one: "how do you fold a paper crane" edits nothing
         r"\b(?:fold|join)\b(?=.{0,40}\b(?:into (?:one|a single)|together|cards?|personas?|drafts?|last two)\b)|"
         # (lane probe20a) "fuse cards 1 and 3", "amalgamate the last two": said of cards (never "fuse boxes sold")
         r"\b(?:fuse|amalgamate|unify|consolidate)\b(?= (?:the |those |these )?(?:last two|cards?|personas?|drafts?|#?\d|first|second|third|fourth|fifth|sixth)\b)|"
         r"\b(?:squash|squish|smoosh|smush|squidge|meld|mash|lump|roll|bundle|blend|collapse)\b"
         r".{0,40}\b(?:into (?:one|a single)|together)\b")
# "give the final card a different name", "give her a new name": a rename asked without the verb
RENAME_GIVEN = (NAME_WANTED + r"|\bgive (?:her|him|it|them|(?:the |that |this )?(?:[\w-]+ ){0,3}(?:persona|card|one)s?(?: ?#?[1-6])?) (?:a |some )?"
                r"(?:new|different|fresh|better|another|proper|catchier) (?:name|title)\b")
EDIT_CUES = (
    # not "call the wholesaler": a card is called something ("call the second one Weekend Walkers")
    (MERGE + "|" + RENAME_GIVEN + r"|\brename\b|(?<!\bwe )(?<!\bi )(?<!\byou )(?<!\bthey )(?<!\bpeople )\bcall (?:her|him|them|it)\b"
     r"(?! (?:as )?(?:gone|lost|churned|lapsed|dead|dormant|inactive|leavers?|a leaver)\b)|"  # (ps21) a churn rule, not a name
     # (lane probe23c) "call brow card 3 Sunday Shapers": the trade's word before the card
     r"\bcall (?:the \w+ (?:one|persona|card|draft)|(?:[\w'-]+ ){0,2}?(?:persona|card)(?: number| no\.?)? ?#?[1-6])\b|"
     r"\b(?:add|remove|take out|take away|drop|delete|get rid of) (?:a |the |that |this |its |her |his |their )?pain ?points?\b|\badd (?:[\w'\"-]+ ){1,6}as (?:a |an |another )?(?:new )?pain ?point\b|"
     r"\b(?:take|strike|cross|knock|scrub) (?:the |that |this )?(?:\S+ ){0,4}pain ?points? off\b|"
     # (tune31) "take price off persona 2's pain points", "drop 'parking' from the pain points of persona 3"
     r"\b(?:remove|take|drop|delete|strike|scrub|cross|get rid of)\b[^.?!]{1,40}?\b(?:off|from|out of) (?:the |her |his |its |their )?"
     r"(?:(?:persona|card) ?#?\d'?s |(?:first|second|third|fourth|fifth|last) (?:persona|card)'?s )?pain ?points?\b|" + REMOVE_GRIPE + "|" + SHOULD_NOT_LIST + "|" + PAIN_GIVEN + "|"
     # not "the pain points for each stage": the journey's, not a card's
     r"\bpain ?points? (?:about|on|for)\b(?! (?:each|every|all|the) (?:\w+ )?(?:stages?|steps?)\b)|\brefocus\b|"
     # not "narrow those hot chocolate comments to last month": a search's results, not a card
     r"\bnarrow\b(?!(?: down)? (?:[\w'-]+ ){0,4}(?:comments?|reviews?|feedback|tickets?|surveys?|responses?|mentions?|complaints?|"
     r"remarks?|messages?|replies|posts?|results?|quotes?|funnels?|charts?|graphs?|trends?|maps?|drop-?offs|paths|forecasts?)\b)|"
     r"\bmake (?:the )?(?:\w+ )?(?:one|persona|card)(?: \d)? (?:about|into|focus)\b|\bmake (?:her|him|it|them) about\b|"
     # "make the first one only the high spenders": that card narrowed to them
     r"^(?:now |then |ok,? |and )?make (?:the )?" + NTH + r" (?:one|persona|card|draft) (?:just|only)\b|"
     r"\bonly (?:\w+ )?customers for this persona\b|"
     # "keep only the evening shoppers in the last one", "turn the third persona into lunchtime customers"
     r"\bkeep (?:only|just) (?:the )?(?:[\w-]+ ){1,6}(?:in|on|of|from) (?:the |this |that |her |him )?(?:\w+ )?(?:one|persona|card|draft)\b|"
     r"\bturn (?:the |this |that )?(?:\w+ )?(?:one|persona|card|draft) into\b|"
     # "card one: keep just the weekend players", "persona 3 - only the big spenders": the card named first
     r"^(?:(?:the )?" + NTH + r" (?:one|persona|card|draft)|(?:persona|card) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|"
     r"five|six))\s*[:,;-]+\s*(?:keep |make it |narrow it to |cut it to )?(?:only|just)\b|"
     # (lane probe24c) "card 2: trim it to weekend pedallers", "persona 3 - whittle her down to the regulars"
     r"^(?:(?:the )?" + NTH + r" (?:one|persona|card|draft)|(?:persona|card) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|"
     r"five|six))\s*[:,;-]+\s*(?:trim|cut|pare|whittle|slim|shrink|thin|narrow|restrict|limit)(?: (?:it|her|him|this|that))?"
     r"(?: down| back)? to\b|"
     # "trim the final card down to people who shop online at weekends", "whittle her down to the regulars"
     r"\b(?:trim|cut|pare|whittle|slim|shrink|thin|scale|boil|restrict|limit)(?: (?:it|this|that))?(?: down| back)? "
     r"(?:(?:the |this |that )?(?:\w+ )?(?:one|persona|card|draft)|(?:persona|card) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|"
     r"five|six)|her|him)(?: (?:down|back))? (?:to|so (?:it|she|he)(?:'s| is)? (?:only|just))\b|"
     # "what should we name the last one", "name the second card Brunch Ben"
     r"\bname (?:her|him|the \w+ (?:one|persona|card|draft))\b|"
     # "turn card three into our weekend crowd", "change persona 2 into the lunchtime lot"
     r"\b(?:turn|change|make) (?:persona|card) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six) into\b", 1.0),
    # the card's new name is the ask, however much of the card it names first
    (RENAME_GIVEN, 0.4),
)
# (not "save everything except the last one": the tool saves one card or all, never all but one)
SAVE_EXPLICIT = (r"^(?!.*\b(?:except|apart from|other than|but not|besides|excluding|bar the)\b)"
                 r"(?:please |kindly |pls |plz |ok,? |okay,? |now |then |can you |could you |would you |can we |could we |"
                 r"i want to |i'?d like to |let'?s |just |and |"
                 r"actually,? |yes,? |yeah,? |yep,? |great,? |fine,? |right,? |go ahead and |in that case,? |"
                 # a change of mind said first: "on second thought, store every card", "you know what, save the lot"
                 r"on second thoughts?,? |on reflection,? |come to think of it,? |(?:you know what|thinking about it|"
                 r"having thought about it|scratch that|after all)[,.]? |"
                 # any one word said first, with a comma: "grand, save them", "lovely, keep the lot"
                 r"[a-z]+, )*"
                 # not "keep that but just the loyalty card holders": the last answer narrowed, nothing saved
                 r"(?:save|store|bookmark|keep (?:(?:(?:card|persona) (?:number |no\.? ?|#)?|(?:number|no\.?|#) ?)(?:one|two|three|four|five|six)\b|(?:card |persona )?(?:number|no\.?|#|card|persona) ?[1-6]\b|this|that|it|her|him|them|the|all|(?:every one|each|both) of (?:them|the|those|these)|(?:those|these) (?:\w+ )?(?:cards?|personas?|drafts?|ones|profiles))\b(?! an eye| to\b)(?!,? (?:but|(?:and )?(?:just|only))\b)|"
                 # "keep every one of those personas", "keep each of the cards": all of them kept
                 r"keep (?:every|each) (?:single )?(?:one )?(?:of )?(?:those |these |the |them\b)(?:[\w-]+ ){0,3}(?:personas?|cards?|drafts?|ones?)?|"
                 # "can we keep just the first card" (not "keep only the evening shoppers in the last one": an edit)
                 r"keep (?:just|only) (?:the )?(?:\w+ )?(?:ones?|cards?|personas?|drafts?)\b|"
                 # "okay, hold on to all of them", "hang onto the first card"
                 r"(?:hold|hang) on ?to (?:just |only )?(?:it|her|him|them|all|both|every|(?:this|that|the|these|those) (?:\w+ )?"
                 r"(?:one|ones|personas?|cards?|drafts?|lot))\b)\b|"
                 # "that paintball card is a keeper, store it": the card named, then the order after a comma
                 r"^(?!.*\b(?:except|apart from|other than|but not|besides|excluding|bar the|should|shall|whether)\b)"
                 r"(?:that|this|the) (?:[\w'-]+ ){0,2}(?:card|persona|one|draft)s?(?: is| are|'s| looks?| seems?| reads?) (?:(?:a |an )?(?:\w+ )?keepers?\b"
                 r"(?:[,;.!-]+ (?:so |just |please |then |go on,? )?(?:save|store|keep|bookmark) (?:it|her|him|them|that|this)\b)?|"
                 # (lane probe16b) "that second persona is spot on, keep it for later": praise, then the order
                 r"(?:[\w'-]+ ){0,3}?[\w'-]+[,;.!-]+ (?:so |just |please |then |go on,? )?(?:save|store|keep|bookmark|hold on ?to|hang on ?to) "
                 r"(?:it|her|him|them|that|this)\b(?! (?:simple|short|shorter|brief|tidy|clean|general|broad|real|up|going|"
                 r"coming|in mind|that way)\b))|" + SAVED_LIST + "|" + SAVE_ALL_SAID + "|" + NUMBERED_KEPT + "|" + SAVE_SET_SAID)
SAVE_EXPLICIT += "|" + SAVE_CARD_SAID  # (lane probe27c) "put card 3 away with the saved ones"
SAVE_EXPLICIT += "|" + SAVE_IN_FOCUS  # (lane probe29c) "that one we're looking at, save it"
SAVE_CUES = ((SAVE_EXPLICIT, 1.0), (SAVED_LIST, 0.5))
LIST_CUES = (
    (r"\b(?:saved|stored|existing|our|list(?: the| our| my| all)?|show(?: me)?(?: the| our| my| all)?|which|what) "
     r"personas\b|\bpersonas (?:do we have|have we (?:got|saved|made)|are (?:saved|stored)|have been saved|on file)\b|"
     r"\bpersonas\b.*\b(?:saved|stored|on file|so far)\b|\bpersona (?:library|collection|catalogue|catalog|list)\b|"
     # "do we have any saved customer personas already", "are there saved customer profiles"
     r"\b(?:saved|stored|existing) (?:customer |buyer |shopper |client )?(?:personas|profiles)\b|"
     r"\b(?:any )?(?:customer |buyer )?personas (?:\w+ )?(?:saved|stored|already|yet)\b", 0.9),
    # "list the dance studio's personas", "what persona cards do we have at the moment": the ones kept
    (r"^(?:please |can you |could you |just )?list (?:the |our |my |all |all the )?(?:[\w']+ ){0,3}(?:personas|persona cards)\b|"
     r"\b(?:what|which) (?:persona |customer |[\w-]+ )?(?:cards|personas) (?:do|have|did) (?:we|i|you) (?:got|have|keep|saved|made|store|stored|save)\b|"
     r"\b(?:personas|persona cards) (?:do|have) (?:we|i|you) (?:got|have|keep)\b|"
     # "what persona cards exist at the moment", "which personas are there now"
     r"\b(?:what|which|any) (?:persona |customer )?(?:cards|personas) (?:\w+ )?(?:exist|are there|are (?:saved|stored|kept|on file))\b|"
     # "show me all our persona cards": every card, not one
     r"\b(?:show|list|see|view)(?: me| us)? all(?: of)?(?: the| our| my)? (?:saved )?(?:personas|persona cards|customer cards)\b|"
     r"\b(?:show|give|see|view|send|get)(?: me| us)? (?:the |a |our |my )?list of (?:(?:the|our|my|all|all the) )?(?:saved )?(?:personas|persona cards|customer cards)\b|"
     # "the bakery's persona cards, list them", "what customer profiles have we got on file": the kept ones
     r"\b(?:personas|persona cards|customer profiles)[,:;]? (?:please )?(?:list|show(?: me| us)?) (?:them|those|'em|the lot)\b|"
     r"\b(?:what|which|any) (?:[\w'-]+ )?(?:profiles|personas|persona cards) (?:have|do|did) (?:we|i|you) "
     r"(?:got |have |keep |kept )?(?:on file|saved|stored|on record)\b|\b(?:what|which|any) (?:customers? |buyers? |clients? |shoppers? )?"
     # "what customer profiles are stored already", "which personas were saved before"
     r"(?:profiles|personas|persona cards) (?:are|were|have been|got) (?:already |currently |now )?(?:on file|saved|stored|kept|on record)\b", 1.2),
)
SHOW_CUES = (
    # not "keep the last persona card for later" (save_persona), nor "roll persona card 1 and 2 into one" (a merge)
    (r"^(?!(?:please |kindly |pls |just |ok,? |can you |could you )?(?:keep|save|store|bookmark|hold on ?to|hang on ?to)\b)(?!.*(?:" + MERGE + r")).*?"
     r"(?:\b(?:show|open|see|display|view|pull up|bring up)\b.*\b(?:persona card|card|the (?:\w+ ){0,3}persona\b|version \d)|"
     r"\bpersona card\b|\bversion \d+ of\b|\bpersona (?:called|named)\b|\bthe persona [a-z]|"
     # "open persona number 2 fully", "expand card #3": one card by its number
     r"\b(?:show|open|see|display|view|pull up|expand|bring up)\b (?:me |us )?(?:up )?(?:the )?(?:persona|card) "
     r"(?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six)\b)", 0.9),
    (r"\b(?:first|second|third|fourth|fifth|sixth|last|\d(?:st|nd|rd|th)?) (?:draft )?(?:persona|card|one)\b", 0.2),
    # "first draft persona, full card please", "the third card in full": one card, all of it
    (r"\b(?:full|whole|complete|entire) (?:persona |customer )?card\b|\b(?:card|persona|one) in full\b|"
     r"\bin full\b.*\b(?:card|persona)\b", 1.2),
)


def persona_tools() -> list[ToolSpec]:
    from tools.personas.params import (
        DraftPersonasParams,
        EditPersonaParams,
        ListPersonasParams,
        SavePersonaParams,
        ShowPersonaParams,
    )

    return [
        ToolSpec(
            name="draft_personas",
            params=DraftPersonasParams,
            run=_draft,
            description=(
                "Draft customer personas from the data: segments customers on behaviour (recency, frequency, "
                "spend, online vs in store, fulfilment, stages reached, support contact, survey scores), "
                "choosing 2-6 segments by silhouette, and writes one card per segment: share of customers and "
                "revenue, demographics where recorded, needs and goals, pain points with two quotes from "
                "their own feedback, online behaviour, key touchpoints, typical journey with its weakest "
                "step, and what to do next. Replaces this conversation's draft. Say how well separated the "
                "segments are."),
            examples=("draft personas", "who are our customers? give me personas",
                      "draft three personas from our data"),
            phrasings=("draft personas", "create personas", "make personas from the data", "build customer personas",
                       "what types of customers do we have", "customer segments", "segment our customers",
                       "persona cards", "draft some personas for us", "split our customers into personas",
                       "group our customers into personas", "divide customers into types"),
            keywords=("segments", "customer types", "draft personas", "personas from", "into", "split"),
            cues=DRAFT_CUES + DRAFT_CARDS_CUES,
            follow_ups=(REDRAFT,),
            plan=plan_draft,
        ),
        ToolSpec(
            name="edit_persona",
            params=EditPersonaParams,
            run=_edit,
            description=(
                "Edit this conversation's draft personas: merge two cards, narrow one to customers showing "
                "behaviours (e.g. weekday + pickup for 'weekday takeout customers'; numbers are recomputed "
                "for the narrower group), add or remove a pain point, or rename one. 'her'/'it' is the card "
                "in focus: the first after a draft, then the one last edited (leave `which` empty)."),
            examples=("merge the last two", "make the second one about weekday takeout customers",
                      "add a pain point about delivery times", "rename her to Rosie"),
            phrasings=("merge the first two personas", "combine these two personas", "make the first one about",
                       "narrow the persona to", "make her about weekend customers", "add a pain point",
                       "remove the pain point about", "rename the persona", "call her", "rename it to",
                       "make the third one about delivery customers", "only weekday customers for this persona"),
            keywords=("merge", "combine", "rename", "pain point", "narrow", "make the", "one about", "call her"),
            cues=EDIT_CUES,
            edits=True,
            plan=plan_edit,
        ),
        ToolSpec(
            name="save_persona",
            params=SavePersonaParams,
            run=_save,
            description=(
                "Save a draft persona (the one in focus, a position, or all) so it can be used as a filter "
                "or breakdown in every analysis ('funnel for The Regular'). Saving a name again stores a "
                "new version."),
            examples=("save it", "save this persona", "save all the personas"),
            phrasings=("save it", "save her", "save this one", "save the persona", "keep this persona",
                       "save them all", "save every persona", "save it as The Regular", "store this persona"),
            keywords=("save", "keep it", "store"),
            cues=SAVE_CUES,
            changes_state=True,
            explicit=SAVE_EXPLICIT,
            plan=plan_save,
        ),
        ToolSpec(
            name="list_personas",
            params=ListPersonasParams,
            run=_list,
            description="The saved personas (latest version, size, summary) and this conversation's draft.",
            examples=("show personas", "which personas have we saved?"),
            phrasings=("show personas", "list personas", "list the saved personas", "our personas",
                       "what personas do we have", "saved personas"),
            keywords=("saved personas", "show personas", "list personas"),
            cues=(*LIST_CUES, *KEPT_KINDS_CUES, *CARDS_KEPT_CUES),
            plan=lambda slots, ctx: {},
        ),
        ToolSpec(
            name="show_persona",
            params=ShowPersonaParams,
            run=_show,
            description="One persona card in full: a saved persona by name (optionally a version) or a draft card.",
            examples=("show me The Regular persona", "show the second persona card"),
            phrasings=("show me the persona card", "show persona", "open the persona", "tell me about the persona",
                       "show the first one", "describe that persona"),
            keywords=("persona card", "show me", "describe"),
            cues=(*SHOW_CUES, *WHOLE_CARD_CUES, *SHOWN_WHOLE_CUES, *SHOW_IDIOM_CUES),
            plan=plan_show,
        ),
    ]
