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
from bot.agent.feedback_cues import (
    AFTER_BUYING,
    ANYTHING_ABOUT,
    SEARCH_CUES,
    SENTIMENT_CUES,
)
from bot.agent.feedback_no_noun import (
    ANYONE_SAID_CUES,
    NEGATIVE_SAID,
    POSITIVE_SAID,
    STEP_MOOD_CUES,
    THEMES_SAID_CUES,
)
from bot.agent.feedback_plain_asks import HAPPIEST_THEMES_CUES, TEXTS_ON_TOPIC_CUES
from bot.agent.feedback_splits_said import ANGRY_TEXTS_CUES, SPLIT_SAID_CUES, split_said
from bot.agent.feeling_pairs import FEELING_PAIR_SENTIMENT_CUES
from bot.agent.feeling_sounds import SOUNDING_CUES, sounding_split
from bot.agent.idiom_asks import (
    BAD_WAY,
    GOOD_WAY,
    SEARCH_IDIOM_CUES,
    SENTIMENT_IDIOM_CUES,
    THEME_IDIOM_CUES,
)
from bot.agent.owner_promise_cues import OWNER_SAID_CUES
from bot.agent.patterns import lazy, rx
from bot.agent.review_site_split import SITE_FEELING_CUE, site_split
from bot.agent.score_givers import score_filters
from bot.agent.theme_cues import BLAMED, BLAMED_VERBS, PRAISED, THEME_CUES, THEME_FOLLOW_UPS
from bot.agent.tools import ToolContext, ToolSpec, note_for_answer
from bot.agent.word_fragments import DAY_WEEK_MONTH
from tools.core.errors import ToolUnavailable

_COMPLAINT = lazy(
    r"\b(unhappy|complain\w*|problem\w*|issue\w*|(?<!positive and )(?<!positive or )negative(?! (?:and|or) positive)|angry|annoy\w*|frustrat\w*|(?<!good and )(?<!good or )(?<!good & )bad(?! (?:and|or|&) good)|worst|"
    r"wrong|disappoint\w*|upset\w*|gripe\w*|griping|beefs?|grievances?|bugbears?|hate|poor|late|broken|fail\w*|error\w*|irritat\w*|irk\w*|riling|niggl\w*|bugging|"
    r"wind(?:s|ing)? (?:\w+ ){0,3}up|furious|irate|livid|fuming|grumpy|dissatisfied|displeased|miffed|peeved|cheesed off|disgruntled)\b", re.I)
# "the nice comments", "the glowing reviews": the praise, by what is said of the comments
_PRAISE = lazy(r"\b(happy|love\w*|prais\w*|positive(?! (?:and|or) negative)|great|best|delight\w*|compliment\w*|"
                     r"(?:nice|kind|glowing|warm|lovely|good) (?:comments|reviews|feedback|words|remarks))\b", re.I)


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


_QUERY_NOISE = lazy(
    r"\b(?:or (?:less|lower|under|below|fewer|more|higher|above|over|better|worse)|remind|again|anyone|anybody|someone|somebody|person|left|people|customers?|folks|complained|moaned|moaning|moans?|"
    r"grumbled|whinged|griped|raved|shoppers|buyers|users|clients|find|search|"
    r"show|look|looking|pull|dig|read|list|give|get|see|there|ones?|any|all|some|our|us|we|you|tell|what|which|"
    r"who|whose|how|did|do|does|done|has|have|had|is|are|was|were|be|the|a|an|of|on|in|at|to|for|from|with|about|"
    r"regarding|concerning|mentioning|mentions?|mentioned|say|says|said|saying|wrote|write|written|quotes?|"
    r"comments?|feedback|reviews?|complaints?|complaining|complain|tickets?|surveys?|responses?|answers?|"
    r"messages?|examples?|verbatims?|negative|positive|unhappy|happy|angry|bad|good|their|them|they|that|this|"
    r"those|these|me|my|i|it|its|please|can|could|would|just|only|also|and|or|but|like|out|up|scored|score|"
    r"gave|given|giving|rated|rating|stars?|csat|nps|below|above|under|out|passives?|promoters?|detractors?|last|past|week|month|year|"
    r"days?|today|yesterday|recently|lately|ago|let|praise|praised|compliments?|\d+s?|"
    # "narrow those comments down to last month": the order to narrow, not a topic
    r"narrow(?:ed)?(?: down)?|restrict(?:ed)?|ok|okay|now|"
    # how the people feel, not what about: "the annoyed customers", "frustrated members" (lane real16)
    r"annoyed|upset|frustrated|furious|irate|livid|fuming|grumpy|disappointed|dissatisfied|displeased|miffed|peeved|"
    r"cheesed|narked|disgruntled|members|guests|patients|diners|punters|visitors|"
    # Pidgin's and Scots' fillers ("abeg", "wetin dey", "di", "a wee look"): no topic
    r"abeg|wetin|dey|una|dem|di|dis|wee|ken|lah|leh|lor|mek|mi|seh|wah gwaan|"
    # (lane probe21c) the worst texts asked for by their tone ("the crossest words folk left", "the
    # grumpiest support tickets"): how bad, and what they are, not a topic
    r"most|worst|angriest|grumpiest|crankiest|crossest|nastiest|harshest|unhappiest|rudest|bitterest|sourest|"
    r"stroppiest|meanest|critical|scathing|words|things|tings|stuff|texts|notes|remarks|replies|emails|folk|"
    r"support(?= tickets?\b)|region|fortnight|bout|behind(?= (?:that|this|it)\b)|(?:love|hun|mate|pal|bru|chale|sasa)(?=\W*$)(?<!\bthey love)(?<!\bpeople love))\b")


def search_query(slots: Any) -> str:
    """What to look for: the question without the words that ask, filter or date it."""
    from bot.agent.when import mask, read_when

    text = _text(slots)
    when = read_when(text, None)
    text = mask(text, when.spans)
    for place in (*(getattr(slots, "filters", None) or {}).get("city", ()), *(getattr(slots, "filters", None) or {}).get("region", ())):
        text = rx.sub(rf"\b{re.escape(place.lower())}\b", " ", text)  # "customers in São Paulo": the people's place, no topic
    m = rx.search(r"\b(?:about|regarding|concerning|mentioning|mention|on the subject of|that mention\w*|on|bring(?:s|ing)? up|"
                  r"rais(?:e|es|ing)|refer(?:s|ring)? to|touch(?:es|ing)? on)\s+"
                  r"(?:the\s+|our\s+|their\s+)?(.+?)(?:\s+(?:from|in|during|over|since|last|this)\b.*)?[?.!]*$", text)
    topic = m.group(1) if m else text
    words = [w for w in rx.findall(r"[^\W_][\w'-]*", _QUERY_NOISE.sub(" ", topic)) if len(w) > 1]
    if not words and m:
        words = [w for w in rx.findall(r"[^\W_][\w'-]*", _QUERY_NOISE.sub(" ", text)) if len(w) > 1]
    return " ".join(words[:8])


def place_args(slots: Any) -> dict[str, list[str]]:
    """The towns and regions read in the question ("what do customers in Leeds say?"), as the
    feedback tools' own place filter: a text is in the place its customer lives in."""
    filters = getattr(slots, "filters", None) or {}
    return {k: list(filters[k]) for k in ("city", "region") if filters.get(k)}


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _plan_search(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = _text(slots)
    query = search_query(slots)
    first = getattr(slots, "query", "") or ""
    if len(query) < 2 and first and not score_filters(text):  # "who gave 6 or less on nps": the score is the topic
        # "just the ones from tickets" after a search: still the first question's topic (its
        # words are kept in `query` through a follow-up)
        query = search_query(SimpleNamespace(norm=first))
    # no topic ("show me angry customers"): no query, and the tool ranks the texts by tone
    args: dict[str, Any] = {"query": query} if len(query) >= 2 else {}
    args.update(period_from(slots))
    if getattr(slots, "polarity", None) == "negative" or _COMPLAINT.search(text):
        args["max_sentiment"] = -0.05
    elif getattr(slots, "polarity", None) == "positive" and not rx.search(r"\bscored|\brated", text):
        args["min_sentiment"] = 0.05
    stages = getattr(slots, "stages", []) or []
    if len(stages) == 1 and not rx.search(r"\bbuy|\bpurchase|\border", query):
        args["stage"] = stages
    elif "post-purchase" in stages and "advocacy" not in stages:
        # "after they'd bought, the post-purchase bit": the buying dates the words, the stage is named
        args["stage"] = ["post-purchase"]
    if getattr(slots, "sources", None):
        args["source"] = list(slots.sources)
    if getattr(slots, "customer_id", None):
        args["customer_id"] = slots.customer_id
        if "query" not in args:
            args["query"] = "what the customer said"
    args.update(score_filters(text))
    args.update(place_args(slots))
    channels = getattr(slots, "channels", None) or (getattr(slots, "filters", {}) or {}).get("channel")
    if channels:  # "comments from instagram customers about packaging"
        args["channel"] = list(channels)
    top = getattr(slots, "top", None)
    if not top:  # "find me 3 quotes about the alterations service"
        # (lane real28a) "the 1 star reviews": the stars are a rating, not how many to show
        m = rx.search(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?!stars? )(?:\w+ )?(?:quotes|comments|reviews|examples|"
                      r"messages|replies|responses|remarks|snippets|bits)\b", text)
        top = (int(m.group(1)) if m.group(1).isdigit() else _COUNT_WORDS[m.group(1)]) if m else None
    if top:  # "show me 3 nice things people said"
        args["limit"] = max(1, min(int(top), 50))
    if any(k.endswith(("_csat", "_nps")) for k in args):
        args.pop("max_sentiment", None)
        args.pop("min_sentiment", None)
    return args


# "happier in reviews or in support tickets", "surveys vs tickets": two kinds of text set side by side
_TWO_SOURCES = (r"\b(?:reviews?|surveys?|questionnaires?|tickets?)\b,? (?:or|vs\.?|versus|than|compared (?:to|with)) (?:in |on |from |via )?"
                r"(?:the |our )?(?:support |feedback )?(?:reviews?|surveys?|questionnaires?|tickets?|emails?)\b")


def _plan_sentiment(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = period_from(slots)
    by = getattr(slots, "breakdown", None)
    text = _text(slots)
    if rx.search(r"\b(?:by|per|across|each) (?:feedback )?sources?\b|\bfeedback sources?\b|\bone source to another\b", text) \
            or len(getattr(slots, "sources", []) or []) >= 2 or rx.search(_TWO_SOURCES, text):
        args["by"] = "source"  # survey or ticket: for feedback "source" is where the text came from
    elif by in ("channel", "touchpoint", "stage") and not (
            # "show that mood week by week instead" after sentiment by stage: the weeks are asked now
            getattr(slots, "grain", None) in ("day", "week", "month")
            and rx.search(rf"\b{DAY_WEEK_MONTH} by {DAY_WEEK_MONTH}\b|\b(?:daily|weekly|monthly)\b|\b(?:by|per|each|every) "
                          rf"{DAY_WEEK_MONTH}\b", text) and not rx.search(r"\b(?:by|per|each|every|at each) (?:stage|touchpoint|channel)", text)):
        args["by"] = by
    elif getattr(slots, "grain", None) in ("day", "week", "month"):
        args["by"] = slots.grain
    elif rx.search(r"\bover time|\bmonth by month|\bmonthly|\bmonth (?:on|to|over) month\b", text):
        args["by"] = "month"
    elif rx.search(r"\bweek (?:on|to|over) week\b|\bwow\b", text):  # "getting worse week on week?"
        args["by"] = "week"
    args.update(sounding_split(text, args))
    args.update(split_said(text, args))  # (lane probe28c) "does feedback change with the channel ..."
    args.update(site_split(text, ctx.store, args))  # (lane real25) "which site has the happiest reviewers"
    stages = after_buying(text, getattr(slots, "stages", []) or [])
    if stages and args.get("by") != "stage":
        args["stage"] = stages
    if getattr(slots, "sources", None) and args.get("by") != "source":
        args["source"] = list(slots.sources)
    if NO_COMPARISON.search(text):  # "no need for the comparison with before"
        args["compare"] = False
    n = _fewest(text, r"texts|comments|messages|replies|responses|reviews|tickets|answers|quotes|scored texts")
    if n and n >= 2:  # "skip any group with fewer than 5 texts"
        args["min_texts"] = n
    return {**args, **place_args(slots)}


def after_buying(text: str, stages: list[str]) -> list[str]:
    """The stages of feedback asked for: "complaints after purchase", "once they've bought" is the
    post-purchase stage, not buying itself (the buying word only dates the words)."""
    if not rx.search(AFTER_BUYING, text):
        return stages
    return ["post-purchase", *(s for s in stages if s not in ("purchase", "post-purchase"))]


def _fewest(text: str, nouns: str, *, only: bool = False) -> int | None:
    """The smallest group asked for: "skip groups with fewer than 5 texts" and "at least 5
    comments" are 5, "over 10 comments" 11; with `only`, "even ones only 2 customers mention" 2."""
    count = rf"(\d{{1,3}}|{'|'.join(_COUNT_WORDS)})"
    m = rx.search(rf"\b(fewer than|less than|under|below|at least|a minimum of|minimum(?: of)?|no fewer than|over|more than) "
                  rf"{count} (?:\w+ )?(?:{nouns})\b", text) or \
        rx.search(rf"\b()(?<!top ){count} or more (?:\w+ )?(?:{nouns})\b", text) or only and \
        rx.search(rf"\b(only|just|as few as) {count} (?:\w+ )?(?:{nouns}|customers|people|clients|guests|members|folks|"
                  r"mentions?)\b", text)
    if not m:
        return None
    n = int(m.group(2)) if m.group(2).isdigit() else _COUNT_WORDS[m.group(2)]
    return n + 1 if m.group(1) in ("over", "more than") else n


def _plan_themes(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = period_from(slots)
    text = _text(slots)
    polarity = getattr(slots, "polarity", None)
    if polarity in ("negative", "positive"):
        args["sentiment"] = polarity
    elif rx.search(GOOD_WAY, text):  # (lane probe29c) "what they go on about in a good way", "appreciating most"
        args["sentiment"] = "positive"
    elif rx.search(BAD_WAY, text):  # (lane probe29c) "what's got them giving out lately"
        args["sentiment"] = "negative"
    elif rx.search(NEGATIVE_SAID, text):  # (lane probe27c) "what's getting up people's noses"
        args["sentiment"] = "negative"
    elif rx.search(POSITIVE_SAID, text):  # (lane probe27c) "the stuff people rate us for"
        args["sentiment"] = "positive"
    elif _COMPLAINT.search(text):
        args["sentiment"] = "negative"
    elif _PRAISE.search(text):
        args["sentiment"] = "positive"
    elif rx.search(r"\b(?:" + BLAMED + "|" + BLAMED_VERBS + r")\b", text):  # "what are we getting stick for?"
        args["sentiment"] = "negative"
    elif rx.search(r"\b(?:" + PRAISED + r")\b", text):  # "what do people give us kudos for?"
        args["sentiment"] = "positive"
    if rx.search(r"\b(?:love|like|enjoy|value|rate)s? (?:the )?least\b", text):
        args["sentiment"] = "negative"  # (lane probe21c) "what do guests like least about the cottages": the gripes
    stages = after_buying(text, getattr(slots, "stages", []) or [])
    if len(stages) == 1:
        args["stage"] = stages
    if getattr(slots, "sources", None):
        args["source"] = list(slots.sources)
    small = _fewest(text, r"comments|texts|mentions|responses|reviews|messages|replies|tickets|quotes", only=True)
    top = getattr(slots, "top", None)
    if top and top == small and not rx.search(r"\b(?:top|biggest|main|first|largest) \w+ (?:themes?|topics?)\b", text):
        top = None  # "even ones only 2 customers mention": the size of a theme, not how many themes
    if not top:  # "up to 10 themes", "no more than 5 themes"
        m = rx.search(r"\b(?:up to|at most|no more than|max(?:imum)?(?: of)?) (\d{1,2}) (?:\w+ )?themes?\b", text)
        top = int(m.group(1)) if m else None
    if not top:  # (lane probe26a) "the 3 things people are happiest about": that many themes
        m = rx.search(r"\b(?:the |our )?(?:top |main |biggest )?(\d{1,2}) (?:things|bits|aspects|points) (?:that )?(?:[\w'-]+ ){0,2}?"
                      r"(?:are |is |were )?(?:most |least )?(?:happ|unhapp|pleased|annoyed|upset|chuffed|delighted|grump)", text)
        top = int(m.group(1)) if m else None
    if top:  # "top 3 complaint themes"
        args["max_themes"] = max(1, min(int(top), 20))
    m = rx.search(r"\b(?:at least|a minimum of|min(?:imum)?|no fewer than|(?:with )?over) (\d{1,3}) (?:comments|texts|mentions|"
                  r"responses|reviews|messages|replies|tickets|people|quotes)\b", text)
    if m and int(m.group(1)) >= 2:  # "themes with at least 5 comments each"
        args["min_size"] = min(int(m.group(1)), 1000)
    elif small and small >= 2:  # "even ones only 2 customers mention"
        args["min_size"] = min(small, 1000)
    if NO_COMPARISON.search(text):
        args["compare"] = False
    return {**args, **place_args(slots)}


# Groups the feedback sentiment cannot split by, which satisfaction_by can: late against on-time
# deliveries, CRM segments ("which segment writes the most negative comments?")
_NOT_SENTIMENT_GROUPS = lazy(r"\blate\b|\blateness\b|\bover-?due\b|\bon[- ]time\b|\bdelay(?:ed|s)?\b|\bsegments?\b|\bcrm\b")


_MOOD = lazy(r"\b(?:kind|kinder|harsh\w*|warm\w*|friendl\w*|nice\w*|cross|upbeat|cheerful|mood|tone|feel\w*|sentiment|"
                   r"grump\w*|crank\w*|rude\w*)\b")


def _sentiment_boost(slots: Any) -> float:
    text = _text(slots)
    if getattr(slots, "breakdown", None) in (None, "segment", "delivery") and _NOT_SENTIMENT_GROUPS.search(text):
        return -0.7
    if len(getattr(slots, "sources", []) or []) >= 2 and (getattr(slots, "polarity", None) or _MOOD.search(text)):
        return 0.3  # "are survey comments kinder than tickets?": the two sources' feeling, not a KPI compared
    return 0.0


# "anything about the fitting appointments in October?": the things of one kind, a topic of what
# people wrote (not "anything about orders last month?", the count)
_KIND_OF_THING = lazy(r"\b(?:about|on|regarding|re|mentioning) (?:the|our|those|these|my) (?!total\b|number\b|overall\b|"
                            r"average\b|daily\b|weekly\b|monthly\b)[a-z-]+ (?:appointments?|bookings?|reservations?|"
                            r"orders?|sessions?|classes|lessons|treatments|jobs|visits|deliveries|fittings?|installs?|"
                            r"installations?|parcels|boxes|consultations?|check-?ups?|repairs?)\b")


def _search_boost(slots: Any) -> float:
    from bot.agent.analytics_cues import metrics_from

    if metrics_from(slots) and rx.search(ANYTHING_ABOUT, _text(slots)) and not rx.search(
            r"\b(?:said|written|mentioned|feedback|comments|reviews|tickets|surveys|complain\w*)\b", _text(slots)) \
            and not _KIND_OF_THING.search(_text(slots)):
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
            cues=SEARCH_CUES + SEARCH_IDIOM_CUES + OWNER_SAID_CUES + TEXTS_ON_TOPIC_CUES + ANYONE_SAID_CUES + ANGRY_TEXTS_CUES,
            # "narrow those comments to last month": the same search, over another period or source
            follow_ups=(r"^(?:now |ok,? |and |just |can you |please )?(?:narrow|limit|restrict|filter|trim)(?: down)? "
                        r"(?:those|these|the|them|it|that)\b",),
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
            keywords=("sentiment", "feel", "feeling", "mood", "emotion*", "happier", "unhappier", "tone"),
            cues=(SENTIMENT_CUES + SENTIMENT_IDIOM_CUES + FEELING_PAIR_SENTIMENT_CUES + SOUNDING_CUES + ((SITE_FEELING_CUE, 1.0),) + STEP_MOOD_CUES
                  + SPLIT_SAID_CUES),
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
                      "issues", "problems", "praise", "summar*", "love", "like about"),
            cues=THEME_CUES + HAPPIEST_THEMES_CUES + THEMES_SAID_CUES + THEME_IDIOM_CUES,
            follow_ups=THEME_FOLLOW_UPS,
            boost=lambda slots: -_one_customer(slots),
            plan=_plan_themes,
        ),
    ]
