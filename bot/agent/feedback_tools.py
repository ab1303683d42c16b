"""What customers say, for the agent and the planner: semantic search with citations,
sentiment by stage or channel, and themes.

An answer never indexes: embedding thousands of texts takes minutes, so it happens at load
time (`journeybot ingest`, `sources sync`) or on serve's background indexer
(bot/feedback_indexer.py). A question asked before every text is indexed is answered from
what is, and says how much that is; with nothing indexed it says so and how to index."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from bot.agent.analytics_cues import NO_COMPARISON
from bot.agent.analytics_tools import period_from
from bot.agent.tools import ToolContext, ToolSpec, note_for_answer
from tools.core.errors import ToolUnavailable

_COMPLAINT = re.compile(
    r"\b(unhappy|complain\w*|problem\w*|issue\w*|negative|angry|annoy\w*|frustrat\w*|bad|worst|"
    r"wrong|disappoint\w*|upset|hate|poor|late|broken|fail\w*|error\w*)\b", re.I)
_PRAISE = re.compile(r"\b(happy|love\w*|prais\w*|positive|great|best|delight\w*|compliment\w*)\b", re.I)


def feedback_store(ctx: ToolContext):
    """The feedback store, opened once per process. Never indexes (see the module's docstring)."""
    return ctx.service("feedback", lambda: ctx.config.open_feedback())


def indexing_status(ctx: ToolContext):  # -> tools.feedback.status.IndexStatus
    """How many of the journey store's texts are indexed; counted again when the texts or the
    stored chunks changed in number (while indexing runs, every question counts again), and
    after any load: loading the CRM export redacts names in texts already stored, which
    changes them without changing the counts."""
    from tools.feedback.status import index_status

    fb = feedback_store(ctx)
    key = (ctx.store.count("surveys"), ctx.store.count("tickets"),
           str(ctx.store.scalar("SELECT max(loaded_at) FROM ingest_log")), fb.count())
    cached = ctx.services.get("feedback_status")
    if cached is None or cached[0] != key:
        cached = (key, index_status(fb, ctx.store, chunk_words=ctx.config.feedback.chunk_words))
        ctx.services["feedback_status"] = cached
    return cached[1]


def ready_feedback(ctx: ToolContext) -> tuple[Any, str | None]:
    """The feedback store for an answer and the note on how much of the journey store's text
    it holds (None when all of it). Texts missing wake serve's background indexer (when there
    is one); with none indexed the tool says so instead of answering."""
    status = indexing_status(ctx)
    indexer = ctx.services.get("feedback_indexer")
    if status.pending and indexer is not None:
        indexer.request()
    reading = indexer is not None and (status.pending > 0 or indexer.reading)
    if status.texts and status.stored == 0:
        raise ToolUnavailable(status.nothing_indexed(reading, ctx.store.profile.numbers))
    return feedback_store(ctx), status.note(reading, ctx.store.profile.numbers)


def with_coverage(result: Any, note: str | None) -> Any:
    """The result, carrying the coverage note in its provenance (the model reads it) and in
    the answer's notes (shown under the answer even when the model leaves it out)."""
    if not note:
        return result
    note_for_answer(note)
    prov = result.provenance
    return dataclasses.replace(result, provenance=dataclasses.replace(prov, notes=(*prov.notes, note)))


def from_feedback(ctx: ToolContext, compute: Callable[[Any], Any]) -> Any:
    """The shape of every tool that reads what customers wrote: the feedback store made ready
    (or a plain "nothing is indexed yet"), `compute(store)`, and the coverage note carried."""
    fb, note = ready_feedback(ctx)
    return with_coverage(compute(fb), note)


def _search(ctx: ToolContext, params: Any):
    from tools.feedback.search import search

    return from_feedback(ctx, lambda fb: search(fb, params, store=ctx.store))


def _sentiment(ctx: ToolContext, params: Any):
    from tools.feedback.sentiment import sentiment_summary

    return from_feedback(ctx, lambda fb: sentiment_summary(fb, params, store=ctx.store))


def _themes(ctx: ToolContext, params: Any):
    from bot.agent.llm_hooks import theme_labeler
    from tools.feedback.themes import themes

    labeler = ctx.service("theme_labeler", lambda: theme_labeler(ctx.config))
    return from_feedback(ctx, lambda fb: themes(fb, params, store=ctx.store, labeler=labeler))


def _text(slots: Any) -> str:
    return getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()


_QUERY_NOISE = re.compile(
    r"\b(?:or (?:less|lower|under|below|fewer|more|higher|above|over|better|worse)|remind|again|anyone|anybody|someone|somebody|person|left|people|customers?|folks|complained|moaned|moaning|moans?|"
    r"grumbled|whinged|griped|raved|shoppers|buyers|users|clients|find|search|"
    r"show|look|looking|pull|dig|read|list|give|get|see|there|ones?|any|all|some|our|us|we|you|tell|what|which|"
    r"who|whose|how|did|do|does|done|has|have|had|is|are|was|were|be|the|a|an|of|on|in|at|to|for|from|with|about|"
    r"regarding|concerning|mentioning|mentions?|mentioned|say|says|said|saying|wrote|write|written|quotes?|"
    r"comments?|feedback|reviews?|complaints?|complaining|complain|tickets?|surveys?|responses?|answers?|"
    r"messages?|examples?|verbatims?|negative|positive|unhappy|happy|angry|bad|good|their|them|they|that|this|"
    r"those|these|me|my|i|it|its|please|can|could|would|just|only|also|and|or|but|like|out|up|scored|score|"
    r"gave|given|giving|rated|rating|stars?|csat|nps|below|above|under|out|passives?|promoters?|detractors?|last|past|week|month|year|"
    r"days?|today|yesterday|recently|lately|ago|let|praise|praised|compliments?|\d+s?)\b")


def search_query(slots: Any) -> str:
    """What to look for: the question without the words that ask, filter or date it."""
    from bot.agent.when import mask, read_when

    text = _text(slots)
    when = read_when(text, None)
    text = mask(text, when.spans)
    m = re.search(r"\b(?:about|regarding|concerning|mentioning|mention|on the subject of|that mention\w*|on)\s+"
                  r"(?:the\s+|our\s+|their\s+)?(.+?)(?:\s+(?:from|in|during|over|since|last|this)\b.*)?[?.!]*$", text)
    topic = m.group(1) if m else text
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", _QUERY_NOISE.sub(" ", topic)) if len(w) > 1]
    if not words and m:
        words = [w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", _QUERY_NOISE.sub(" ", text)) if len(w) > 1]
    return " ".join(words[:8])


def _score_filters(text: str) -> dict[str, Any]:
    """Survey-score filters: "scored us 5 out of 5", "the passives, the 7s and 8s", "detractors"."""
    out: dict[str, Any] = {}
    # "people who scored us 1 or 2 out of 5": a range on the named scale
    m = re.search(r"\b(?:scored|rated|gave|giving|score of|rating of)\s+(?:us\s+)?(\d{1,2})\s*(?:or|to|-|and)\s*(\d{1,2})\s*"
                  r"(?:out of|/|of)\s*(5|five|10|ten)\b", text)
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        key = "csat" if m.group(3) in ("5", "five") else "nps"
        return {f"min_{key}": lo, f"max_{key}": hi}
    m = re.search(r"\b(?:scored|rated|gave|giving|score of|rating of)\s+(?:us\s+)?(\d{1,2})\s*(?:out of|/|of)\s*(5|five|10|ten)\b",
                  text)
    if m:
        score, scale = int(m.group(1)), m.group(2)
        key = "csat" if scale in ("5", "five") else "nps"
        out[f"min_{key}"] = out[f"max_{key}"] = score
        return out
    # "gave us 6 or less on nps", "an nps of 9 or more", "csat 2 or under": one end of the scale
    m = re.search(r"\b(?:(\d{1,2})\s*(?:or|and)\s*(less|lower|under|below|fewer|more|higher|above|over|better|worse)\s+"
                  r"(?:on|in|for|at|with|as)\s+(?:the |our |their |an? |its )?(csat|nps)|(csat|nps)(?: scores?| ratings?)?"
                  r"(?: of| at)?\s+(\d{1,2})\s*(?:or|and)\s*(less|lower|under|below|fewer|more|higher|above|over|better|worse))\b",
                  text)
    if m:
        scale, n, way = (m.group(3), m.group(1), m.group(2)) if m.group(3) else (m.group(4), m.group(5), m.group(6))
        top = 10 if scale == "nps" else 5
        if int(n) <= top:
            low = way in ("less", "lower", "under", "below", "fewer", "worse")
            return {f"min_{scale}": 0 if low and scale == "nps" else 1 if low else int(n),
                    f"max_{scale}": int(n) if low else top}
    # "a csat of 1 or 2", "nps 0-6", "csat score below 3": the scale is named, the numbers follow
    m = re.search(r"\b(csat|nps)(?: scores?| ratings?)?(?: of| at| between| from)?\s+(\d{1,2})(?:\s*(?:or|to|-|and)\s*(\d{1,2}))?\b",
                  text)
    if m and (m.group(1) == "nps" or int(m.group(3) or m.group(2)) <= 5):
        lo, hi = sorted((int(m.group(2)), int(m.group(3) or m.group(2))))
        return {f"min_{m.group(1)}": lo, f"max_{m.group(1)}": hi}
    m = re.search(r"\b(csat|nps)(?: scores?| ratings?)?(?: was| is| were| of)? (?:below|under|less than|lower than) "
                  r"(\d{1,2})\b", text)
    if m and int(m.group(2)) >= 1 + (m.group(1) == "csat"):
        return {f"max_{m.group(1)}": int(m.group(2)) - 1}
    m = re.search(r"\b([1-5])\s*(?:or|to|-|and)\s*([1-5])\s*stars?\b", text)  # "gave us 1 or 2 stars"
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return {"min_csat": lo, "max_csat": hi}
    # "customers who gave 1 star", "the one-star reviews": searched every score before (Olist's
    # "what do customers who gave 1 star say?" quoted 5-star answers)
    m = re.search(r"\b([1-5]|one|two|three|four|five)[- ]?stars?\b", text)
    if m:
        n = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}.get(m.group(1)) or int(m.group(1))
        return {"min_csat": n, "max_csat": n}
    m = re.search(r"\b(\d{1,2})s?\s+(?:and|or|to|-)\s+(\d{1,2})s\b", text)
    if re.search(r"\bpassives?\b", text) or (m and int(m.group(2)) <= 10):
        lo, hi = (int(m.group(1)), int(m.group(2))) if m else (7, 8)
        out.update(min_nps=lo, max_nps=hi)
    elif re.search(r"\bdetractors?\b", text):
        out.update(min_nps=0, max_nps=6)
    elif re.search(r"\bpromoters?\b", text):
        out.update(min_nps=9, max_nps=10)
    return out


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _plan_search(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = _text(slots)
    query = search_query(slots)
    first = getattr(slots, "query", "") or ""
    if len(query) < 2 and first and not _score_filters(text):  # "who gave 6 or less on nps": the score is the topic
        # "just the ones from tickets" after a search: still the first question's topic (its
        # words are kept in `query` through a follow-up)
        query = search_query(SimpleNamespace(norm=first))
    args: dict[str, Any] = {"query": query if len(query) >= 2 else "feedback"}
    args.update(period_from(slots))
    if getattr(slots, "polarity", None) == "negative" or _COMPLAINT.search(text):
        args["max_sentiment"] = -0.05
    elif getattr(slots, "polarity", None) == "positive" and not re.search(r"\bscored|\brated", text):
        args["min_sentiment"] = 0.05
    stages = getattr(slots, "stages", []) or []
    if len(stages) == 1 and not re.search(r"\bbuy|\bpurchase|\border", query):
        args["stage"] = stages
    elif "post-purchase" in stages and "advocacy" not in stages:
        # "after they'd bought, the post-purchase bit": the buying dates the words, the stage is named
        args["stage"] = ["post-purchase"]
    if getattr(slots, "sources", None):
        args["source"] = list(slots.sources)
    if getattr(slots, "customer_id", None):
        args["customer_id"] = slots.customer_id
        if args["query"] == "feedback" or not query:
            args["query"] = "what the customer said"
    args.update(_score_filters(text))
    channels = getattr(slots, "channels", None) or (getattr(slots, "filters", {}) or {}).get("channel")
    if channels:  # "comments from instagram customers about packaging"
        args["channel"] = list(channels)
    top = getattr(slots, "top", None)
    if not top:  # "find me 3 quotes about the alterations service"
        m = re.search(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:\w+ )?(?:quotes|comments|reviews|examples|"
                      r"messages|replies|responses|remarks|snippets|bits)\b", text)
        top = (int(m.group(1)) if m.group(1).isdigit() else _COUNT_WORDS[m.group(1)]) if m else None
    if top:  # "show me 3 nice things people said"
        args["limit"] = max(1, min(int(top), 50))
    if any(k.endswith(("_csat", "_nps")) for k in args):
        args.pop("max_sentiment", None)
        args.pop("min_sentiment", None)
    return args


def _plan_sentiment(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = period_from(slots)
    by = getattr(slots, "breakdown", None)
    text = _text(slots)
    if re.search(r"\b(?:by|per|across|each) (?:feedback )?sources?\b", text) or len(getattr(slots, "sources", []) or []) >= 2:
        args["by"] = "source"  # survey or ticket: for feedback "source" is where the text came from
    elif by in ("channel", "touchpoint", "stage"):
        args["by"] = by
    elif getattr(slots, "grain", None) in ("day", "week", "month"):
        args["by"] = slots.grain
    elif re.search(r"\bover time|\bmonth by month|\bmonthly|\bmonth (?:on|to|over) month\b", text):
        args["by"] = "month"
    elif re.search(r"\bweek (?:on|to|over) week\b|\bwow\b", text):  # "getting worse week on week?"
        args["by"] = "week"
    stages = getattr(slots, "stages", []) or []
    if stages and args.get("by") != "stage":
        args["stage"] = stages
    if getattr(slots, "sources", None) and args.get("by") != "source":
        args["source"] = list(slots.sources)
    if NO_COMPARISON.search(text):  # "no need for the comparison with before"
        args["compare"] = False
    return args


def _plan_themes(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = period_from(slots)
    text = _text(slots)
    polarity = getattr(slots, "polarity", None)
    if polarity in ("negative", "positive"):
        args["sentiment"] = polarity
    elif _COMPLAINT.search(text):
        args["sentiment"] = "negative"
    elif _PRAISE.search(text):
        args["sentiment"] = "positive"
    stages = getattr(slots, "stages", []) or []
    if len(stages) == 1:
        args["stage"] = stages
    if getattr(slots, "sources", None):
        args["source"] = list(slots.sources)
    top = getattr(slots, "top", None)
    if not top:  # "up to 10 themes", "no more than 5 themes"
        m = re.search(r"\b(?:up to|at most|no more than|max(?:imum)?(?: of)?) (\d{1,2}) (?:\w+ )?themes?\b", text)
        top = int(m.group(1)) if m else None
    if top:  # "top 3 complaint themes"
        args["max_themes"] = max(1, min(int(top), 20))
    m = re.search(r"\b(?:at least|a minimum of|min(?:imum)?|no fewer than|(?:with )?over) (\d{1,3}) (?:comments|texts|mentions|"
                  r"responses|reviews|messages|replies|tickets|people|quotes)\b", text)
    if m and int(m.group(1)) >= 2:  # "themes with at least 5 comments each"
        args["min_size"] = min(int(m.group(1)), 1000)
    if NO_COMPARISON.search(text):
        args["compare"] = False
    return args


# What people say when they want quotes, feelings or themes (bot/agent/ranking.py).
_OPEN_ABOUT = (r"(?:\bwhat (?:are|do|did|were|was|is|have|has) (?:\w+ ){0,3}(?:complain\w*|whing\w*|moan\w*|happy|unhappy|"
               r"rav\w*|love|like|prais\w*|upset|annoyed|frustrated|bothered|grumbl\w*|gripe\w*|angry|"
               r"pleased|talk\w*) (?:about|with|over|on)\b|"
               # "what are customers praising us for?": what the praise is about, the positive themes
               r"\bwhat (?:are|do|did|were|have|has) (?:\w+ ){0,3}(?:prais\w*|thank\w*|compliment\w*|lov\w*|"
               r"rat\w*|recommend\w*|criticis\w*|blam\w*) (?:us|me|the (?:shop|business|store|company)) (?:for|on)\b)")
# "what are customers saying (about us), over all our data?": no topic to look for, so an
# overview of what they say (the themes) rather than a search for the words left over.
_SAYING_AT_ALL = (r"\bwhat (?:(?:are|do|did|have|has|is|were) (?:(?!detractors|promoters|passives)\w+ ){0,3}|"
                  # "sum up what people are saying about us"
                  r"(?:people|folks|customers|clients|guests|everyone|they) (?:are|have been|have) )"
                  r"(?:saying|say|said|writing|written|think|thinking)"
                  r"(?: (?:about|of) (?:us|the (?:shop|business|store|company)|our (?:shop|business|store|company)))?"
                  r"[ ,]*(?:$|\?|(?:over|in|during|since|last|this|across|recently|lately|so far|overall|ever|all|these days|"
                  r"at the moment|right now)\b)")
# "anything about sticky floors?": a topic looked for in what people wrote (a KPI named instead,
# "anything about revenue I should know?", is not: the boost below takes the cue back)
_ANYTHING_ABOUT = (r"^(?:and |so |is there |was there |have we (?:had|got) )?anything (?:(?:said|written|mentioned|at all|new|in the "
                   r"(?:feedback|comments|reviews|tickets|surveys)) )?(?:about|on|regarding|re|mentioning) "
                   r"(?!us\b|it\b|that\b|this\b|them\b)[a-z]")
SEARCH_CUES = (
    # "find praise for our therapists", "dig out complaints about the car park": the texts
    # themselves, about a topic (not the themes of all of them)
    (r"^(?:please |can you |could you |just )?(?:find|dig out|dig up|pull up|pull out|fetch|look up|search for|hunt out|track down) "
     r"(?:me |us )?(?:some |any |the |a few )?(?:praise|compliments|complaints|gripes|moans|grumbles|comments|feedback|reviews|"
     r"quotes|kind words|nice words) (?:for|about|on|of|regarding|mentioning|aimed at)\b", 0.9),
    # not "the ones the crm says came from instagram": what the records say, not customers
    (r"(?<!crm )(?<!data )(?<!system )(?<!records )\b(?:say|says|said|saying|wrote|written|writing|mention\w*|quotes?|quoted|"
     r"verbatims?|remarks?|told|telling)\b|"
     r"\b(?:did|do|does|have|has) (?:\w+ ){0,3}write\b|\bwrite (?:about|in)\b|\btell us\b|"
     r"\bthink (?:of|about)\b|\bopinions? (?:of|on|about)\b|\bviews? (?:on|about)\b|\bmake of\b|\bthoughts on\b",
     0.45),
    (r"\b(?:find|search|look(?:ing)? for|show me|pull up|dig out|dig up|any|examples? of|read me)\b.*"
     r"\b(?:comments?|feedback|reviews?|complaints?|tickets?|quotes?|mentions?|messages|answers|responses)\b", 0.35),
    (r"\b(?:comments?|feedback|reviews?|complaints?|tickets?|quotes?|mentions?|messages) (?:about|on|mentioning|"
     r"regarding|that mention|which mention|from|of|saying)\b", 0.35),
    (r"\b(?:about|regarding|mentioning|concerning) (?!it\b|us\b|that\b|this\b|them\b|each\b|the journey\b)[a-z]", 0.15),
    (_OPEN_ABOUT + r"\s*\??$", -0.7),
    # "has anyone complained about waiting too long?", "anything about sticky floors?": one topic, looked for
    (r"\b(?:has|have|did) (?:anyone|anybody|someone|somebody|any (?:of (?:our|the) )?(?:customers?|clients?|guests?|people|"
     r"members|diners|patients|students|owners)|people|customers|clients|guests) (?:ever |actually |really )?(?:complain\w*|moan\w*|"
     r"whing\w*|grumbl\w*|gripe\w*|mention\w*|rav\w*|prais\w*|commented|talked|written|wrote|raised|brought up|"
     r"said anything|kicked off) (?:\w+ )?(?:about|on|over|regarding)\b", 0.7),
    (_ANYTHING_ABOUT, 0.7),
    # "late delivery complaints, show me them", "any compliments for the new staff?": the texts on one topic
    (r"\b(?:let me see|let me read|show me|i want to see|can i see) (?:them|those|these|the actual ones)\b", 0.7),
    (r"\bany (?:praise|compliments?|complaints?|moans?|grumbles?|kind words) (?:for|about|of|regarding) "
     r"(?!us\b|it\b|that\b|this\b|them\b)[a-z]", 0.6),
    # a price quote is a step of the journey ("a quote request", "asks us for a quote"), not words said
    (r"\bquote (?:requests?|forms?|stage)\b|\b(?:asks?|asked|asking|requests?|requested|wants?|gets?|getting) (?:us |me )?"
     r"(?:for )?(?:a |an )?(?:price )?quotes?\b|\b(?:to|before|from) (?:a |the )?quotes?\b", -0.5),
    (_SAYING_AT_ALL, -0.5),
    (r"\bpassives?\b|\bdetractors?\b|\bpromoters?\b|\bscored us\b|\bout of (?:5|five|10|ten)\b", 0.3),
    # the texts of people with a given score: "feedback with a csat below 3", "nps 0-6 comments"
    (r"\b(?:comments?|feedback|reviews?|quotes?|verbatims?|remarks?|answers|responses)\b.{0,40}\b(?:csat|nps)\b"
     r"(?: scores?| ratings?)?(?: was| is| were)?(?: of| at| between| from| below| under| less than| lower than)?\s+\d|"
     r"\b(?:csat|nps)(?: scores?| ratings?)?(?: of| at| between| from| below| under)?\s+\d{1,2}\b.{0,40}"
     r"\b(?:comments?|feedback|reviews?|quotes?|say|said|wrote|write)\b", 0.6),
)
SENTIMENT_CUES = (
    # "the vibe of customer comments in October, week by week": the feeling of what they wrote,
    # over time (not a KPI's trend: none is named)
    (r"\b(?:vibe\w*|mood|tone|feel(?:ing)?s?|sentiment)\b.{0,30}\b(?:comments|reviews|feedback|texts|messages|replies)\b"
     r".{0,40}\b(?:week by week|day by day|month by month|weekly|daily|monthly|over time|per (?:week|day|month))\b", 0.4),
    (r"\bsentiment\b|\bfeel\b|\bfeels\b|\bfeeling\w*\b|\bmood\b|\bemotion\w*\b|\btone\b|\bhappier\b|"
     r"\bunhappier\b|\bmore (?:positive|negative)\b|\bmost (?:positive|negative)\b|\bvibe\w*\b", 0.75),
    (r"\b(?:most|least) (?:positive|negative|happy|unhappy|angry|upset)\b|"
     r"\b(?:angriest|happiest|unhappiest|saddest|grumpiest|nicest|kindest|harshest|warmest|crossest) "
     r"(?:feedback|comments|reviews|customers|words)\b|\b(?:worst|best|most negative|most positive|harshest|"
     r"kindest|nicest) (?:feedback|comments|mood|sentiment)\b", 0.5),
)
THEME_CUES = (
    (_SAYING_AT_ALL, 0.8),
    (r"\bthemes?\b|\btopics?\b|\brecurring\b|\bcrop(?:s|ping)? up\b|\bcomes? up\b|\bkeeps? (?:coming|cropping)\b|"
     r"\bsummar(?:y|ise|ize|ising|izing)\b|\bmain (?:issues|complaints|problems|things?|gripes)\b|"
     r"\b(?:top|common|biggest|main|most common|recurring|key|usual|frequent) (?:complaints?|issues?|problems?|gripes?|"
     r"praise|compliments?|topics?|themes?|pain points?|niggles?|requests?)\b|\bpain points\b|"
     # "the common thread in negative feedback", "sum up what people are saying"
     r"\bcommon (?:threads?|denominators?|patterns?)\b|\bsum (?:up|it up)\b|\bgist\b|\bin a nutshell\b", 0.6),
    (_OPEN_ABOUT, 0.6),
    # "anything new people are complaining about?", "stuff folks keep moaning about"
    (r"\b(?:(?:anything|things?|stuff) (?:new )?(?:\w+ ){0,2}|what(?:'s|s) (?:\w+ ){0,2})(?:(?:are|is|have been|has been|keep|keeps) )?(?:\w+ )?"
     r"(?:complain\w*|moan\w*|whing\w*|grumbl\w*|gripe\w*|rav\w*|gush\w*|prais\w*) (?:about|over|on)\b", 0.8),
    (r"\bthe main thing\b|\bwhat (?:issues|problems|complaints|topics)\b", 0.3),
    (r"\bwhat(?:'s|s)? (?:\w+ ){0,2}(?:annoys|bothers|frustrates|upsets|irritates|pleases|delights|impresses|disappoints|"
     r"angers|puts? (?:people|customers|them|folk) off|putting (?:\w+ ){0,2}off)\b|"
     r"\b(?:mention|talk about|bring up|say|raise|write about) (?:the )?most\b|\bmost (?:mentioned|talked about|common)\b", 0.6),
    (r"\bwhat do (?:\w+ ){0,3}(?:like|love|enjoy|hate|dislike|value|rate)(?: (?:best|most|least|about us))?\s*\??$", 0.6),
    (r"\b(?:gripes|grumbles|moans|complaints|whinges|niggles|bugbears|praise|compliments)\b", 0.3),
    # "what's all the fuss about?", "what's the buzz on social?": what people are talking about
    (r"\bwhat(?:'s| is|s)? (?:all )?the (?:fuss|buzz|chatter|noise|talk|hoo-?ha)\b", 0.8),
    # "any patterns in the reviews?": what recurs in what people wrote
    (r"\bpatterns?\b.{0,30}\b(?:reviews?|feedback|comments|complaints|tickets|surveys?)\b|"
     r"\b(?:reviews?|feedback|comments|complaints|tickets|surveys?)\b.{0,30}\bpatterns?\b", 0.6),
    # "what's got people riled up?", "anyone up in arms?": what the feeling is about
    (r"\b(?:got|getting|gotten|has|have) (?:\w+ ){0,2}(?:riled|wound|worked|fired|het) up\b|\bup in arms\b", 0.8),
    # "what's everyone banging on about?", "any new gripes popping up?": what comes up, no topic given
    (r"\b(?:banging|going|harping|rabbiting|droning|keep|keeps) on about\b(?! (?:the |our |their |a |an )?(?!in\b|at\b|lately\b|"
     r"recently\b|these\b|this\b|over\b)[a-z]{3,})|"
     r"\b(?:pop(?:s|ping)?|spring(?:s|ing)?) up\b|"
     r"\b(?:new|fresh|emerging|latest) (?:gripes|complaints|issues|problems|niggles|moans|grumbles|themes|topics|praise)\b", 0.55),
)


# "and what about the good stuff?" after the complaints: the same themes, the other side
_THEME_FOLLOW_UPS = (
    r"^(?:and |so |ok,? |okay,? |now )?(?:what about |how about |and )?(?:all )?(?:the )?(?:good|nice|positive|happy|kind|lovely|"
    r"great|bad|negative|unhappy|not so good|less good) (?:stuff|things|bits|side|ones|news|comments|feedback|points|reviews)"
    r"(?: (?:people|they|customers|clients|folks) (?:said|say|wrote|write|mentioned))?(?: then)?\s*[?.!]*$",
)


# Groups the feedback sentiment cannot split by, which satisfaction_by can: late against on-time
# deliveries, CRM segments ("which segment writes the most negative comments?")
_NOT_SENTIMENT_GROUPS = re.compile(r"\blate\b|\bon[- ]time\b|\bdelay(?:ed|s)?\b|\bsegments?\b|\bcrm\b")


def _sentiment_boost(slots: Any) -> float:
    text = _text(slots)
    if getattr(slots, "breakdown", None) in (None, "segment", "delivery") and _NOT_SENTIMENT_GROUPS.search(text):
        return -0.7
    return 0.0


def _search_boost(slots: Any) -> float:
    from bot.agent.analytics_cues import metrics_from

    if metrics_from(slots) and re.search(_ANYTHING_ABOUT, _text(slots)) and not re.search(
            r"\b(?:said|written|mentioned|feedback|comments|reviews|tickets|surveys|complain\w*)\b", _text(slots)):
        return -0.7
    return _one_customer(slots)


def _one_customer(slots: Any) -> float:
    """One customer's words are found by search; themes and sentiment are about many."""
    return 0.9 if getattr(slots, "customer_id", None) else 0.0


def feedback_tools() -> list[ToolSpec]:
    from tools.feedback.search import SearchParams
    from tools.feedback.sentiment import SentimentParams
    from tools.feedback.themes import ThemesParams

    return [
        ToolSpec(
            name="feedback_search",
            params=SearchParams,
            run=_search,
            description=(SearchParams.__doc__ or "").strip(),
            examples=(
                "what do people say about delivery?",
                "show me complaints about checkout",
                "any comments about the sourdough?",
            ),
            phrasings=(
                "find feedback about", "search customer comments", "quotes about pickup",
                "what did customers write about prices", "reviews mentioning gluten free",
                "tickets about payment", "customer comments on staff", "examples of feedback about the app",
                "what are people saying about", "any mentions of late orders",
            ),
            keywords=("say", "said", "saying", "comments", "quotes", "mention", "wrote", "write", "about"),
            cues=SEARCH_CUES,
            boost=_search_boost,
            plan=_plan_search,
        ),
        ToolSpec(
            name="feedback_sentiment",
            params=SentimentParams,
            run=_sentiment,
            description=(SentimentParams.__doc__ or "").strip(),
            examples=(
                "how do customers feel at each stage of the journey?",
                "is sentiment getting worse this month?",
                "which channel gets the most negative feedback?",
            ),
            phrasings=(
                "sentiment by stage", "mood of customers", "how positive is feedback", "emotion by stage",
                "sentiment over time", "are customers happier than last month", "feelings about post-purchase",
                "sentiment per channel", "where is feedback most negative",
            ),
            keywords=("sentiment", "feel", "feeling", "mood", "emotion", "happier", "unhappier", "tone"),
            cues=SENTIMENT_CUES,
            boost=_sentiment_boost,
            plan=_plan_sentiment,
        ),
        ToolSpec(
            name="feedback_themes",
            params=ThemesParams,
            run=_themes,
            description=(ThemesParams.__doc__ or "").strip(),
            examples=(
                "what are customers unhappy about this month?",
                "what do people talk about in their feedback?",
                "any new complaints since last week?",
            ),
            phrasings=(
                "main themes in feedback", "top complaints", "what topics come up", "common issues customers raise",
                "what are the biggest problems customers report", "summarise the feedback",
                "recurring complaints", "what do customers praise", "what are the pain points",
                "what is bothering customers",
            ),
            keywords=("theme", "themes", "topics", "complain", "complaints", "unhappy", "pain point",
                      "issues", "problems", "praise", "summar", "love", "like about"),
            cues=THEME_CUES,
            follow_ups=_THEME_FOLLOW_UPS,
            boost=lambda slots: -_one_customer(slots),
            plan=_plan_themes,
        ),
    ]
