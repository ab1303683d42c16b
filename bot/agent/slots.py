"""Reading the arguments out of a question: periods, stages, channels, metrics, breakdowns.

The offline planner fills a tool's params from these slots. Parsing is deliberately plain
(word lists and a few patterns) so that what it understands can be read and extended.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from tools.analytics.periods import PERIOD_NAMES
from tools.core.stages import STAGE_ALIASES, STAGES

# Channel words people use -> channel codes as stored (lower case, underscores).
CHANNEL_SYNONYMS: dict[str, str] = {
    "insta": "instagram", "ig": "instagram", "instagram": "instagram",
    "facebook": "facebook", "fb": "facebook", "meta": "facebook",
    "tiktok": "tiktok", "tik tok": "tiktok",
    "google": "search", "search": "search", "seo": "search", "organic": "search",
    "email": "email", "e-mail": "email", "newsletter": "email", "mailing": "email",
    "word of mouth": "word_of_mouth", "word-of-mouth": "word_of_mouth", "referrals": "word_of_mouth",
    "in store": "in_store", "in-store": "in_store", "instore": "in_store", "walk-in": "in_store",
    "shop floor": "in_store",
    "phone": "phone", "telephone": "phone", "calls": "phone",
    "ads": "ads", "paid": "ads", "adverts": "ads",
    "direct": "direct", "web": "web", "website": "web", "online": "web",
}

# Words for metrics -> metric codes (the Metric enum of tools/analytics/kpis.py).
METRIC_SYNONYMS: list[tuple[str, str]] = [
    (r"\bnps\b|net promoter|recommend", "nps"),
    (r"\bcsat\b|satisf", "csat"),
    (r"churn rate|\bchurn\b(?!ing)|lapsed|stopped (buying|coming)", "churn_rate"),
    (r"lifetime value|\bclv\b|\bcltv\b|\bltv\b|worth .*lifetime|over (their|a) lifetime", "clv"),
    (r"average order|\baov\b|basket size|order value|spend per order", "aov"),
    (r"repeat|come back|returning customers|loyal", "repeat_rate"),
    (r"(cart|basket|checkout)s? (get |are |is )?abandon|abandon\w* (carts?|baskets?|checkouts?)|"
     r"left (items )?in (the )?(cart|basket)", "cart_abandonment"),
    (r"bounce", "bounce_rate"),
    (r"exit rate|exits", "exit_rate"),
    (r"first response|response time|reply time|how (fast|quickly) (do )?we (reply|respond)", "first_response_time"),
    (r"resolution time|time to (resolve|fix)|resolv(e|ing) (a |the )?tickets?|fix (a |their )?problem", "resolution_time"),
    (r"time to (first )?purchase|how long (until|before) .*\b(buy|first (purchase|order))", "time_to_first_purchase"),
    (r"\bon[- ]time\b|\blate (?:deliver\w*|parcels?)\b|\bdeliver\w* (?:\w+ )?(?:arrive\w* |were |are |is )?late\b",
     "on_time_delivery"),
    (r"conversion|convert", "conversion_rate"),
    (r"revenue|sales|takings|turnover", "revenue"),
    (r"\b(?:how many|number of|count of)\s+orders\b|\borders (?:per|a|each) (?:day|week|month)", "orders"),
    # Last, so a question naming another metric keeps it first. Plural "new customers" only:
    # "before a new customer makes their first purchase" is time to first purchase.
    (r"\bnew (?:visitors?|customers|people|faces)\b|\bnewcomers?\b|\barrivals?\b|\bfirst[- ]touch(?:es)?\b|"
     r"\btraffic from\b", "new_visitors"),
]

BREAKDOWN_WORDS: dict[str, str] = {
    "channel": "channel", "channels": "channel", "source": "channel", "sources": "channel",
    "segment": "segment", "segments": "segment",
    "city": "city", "cities": "city", "town": "city", "towns": "city", "area": "city",
    "region": "region", "regions": "region",
    "age": "age_band", "age band": "age_band", "age group": "age_band",
    "persona": "persona", "personas": "persona",
    "acquisition": "acquisition_channel",
}

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14, "thirty": 30}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})


@dataclass
class Slots:
    period: str | None = None  # a Period name or "YYYY-MM-DD..YYYY-MM-DD"
    compare: bool = False
    stages: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    breakdown: str | None = None
    persona: str | None = None
    top: int | None = None
    grain: str | None = None  # day | week
    query: str = ""  # the question without filler words (for search)
    text: str = ""  # the question as asked

    def filled(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], False, "")}


def _closest_period(days: int, as_of: dt.date) -> str:
    name = f"last_{days}_days"
    if name in PERIOD_NAMES:
        return name
    start = as_of - dt.timedelta(days=days - 1)
    return f"{start.isoformat()}..{as_of.isoformat()}"


def parse_period(text: str, as_of: dt.date | None) -> str | None:
    t = text.lower()
    as_of = as_of or dt.date.today()
    for word, num in _NUMBER_WORDS.items():
        t = re.sub(rf"\b{word}\b", str(num), t)
    m = re.search(r"\b(?:last|past|previous)\s+(\d+)\s+(day|week|month)s?\b", t)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        return _closest_period(days, as_of)
    m = re.search(r"\bsince\s+(\d{4}-\d{2}-\d{2})\b", t)
    if m:
        return f"{m.group(1)}..{as_of.isoformat()}"
    m = re.search(r"\b(\d{4}-\d{2}-\d{2})\s*(?:to|until|-|\.\.)\s*(\d{4}-\d{2}-\d{2})\b", t)
    if m:
        return f"{m.group(1)}..{m.group(2)}"
    rules = [
        (r"\btoday\b", "today"),
        (r"\byesterday\b", "yesterday"),
        (r"\bthis week\b|\bweek so far\b", "this_week"),
        (r"\blast week\b|\bprevious week\b", "last_week"),
        (r"\bpast week\b|\blast 7 days\b|\bthe week\b", "last_7_days"),
        (r"\bthis month\b|\bmonth so far\b|\bmonth to date\b", "this_month"),
        (r"\blast month\b|\bprevious month\b", "last_month"),
        (r"\bpast month\b|\blast 30 days\b|\brecently\b|\blately\b", "last_30_days"),
        (r"\bthis quarter\b", "this_quarter"),
        (r"\blast quarter\b", "last_quarter"),
        (r"\bthis year\b|\byear to date\b", "this_year"),
        (r"\ball time\b|\bever\b|\boverall\b|\bso far\b|\ball (the )?data\b", "all"),
    ]
    for pattern, name in rules:
        if re.search(pattern, t):
            return name
    m = re.search(r"\b(?:in|during|for|over)\s+(january|february|march|april|may|june|july|august|"
                  r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", t)
    if m:
        # "may" the verb is excluded by requiring "in/during/for/over" before the month.
        month = _MONTHS.get(m.group(1)) or _MONTHS.get(m.group(1)[:3])
        if month:
            year = as_of.year if month <= as_of.month else as_of.year - 1
            last = calendar.monthrange(year, month)[1]
            end = min(dt.date(year, month, last), as_of)
            return f"{dt.date(year, month, 1).isoformat()}..{end.isoformat()}"
    return None


def parse_stages(text: str) -> list[str]:
    t = text.lower().replace("post purchase", "post-purchase").replace("postpurchase", "post-purchase")
    found: list[tuple[int, str]] = []
    for m in re.finditer(r"\bpost-purchase\b", t):
        found.append((m.start(), "post-purchase"))
    # "purchase" inside "post-purchase" is not the purchase stage.
    t = t.replace("post-purchase", "post_stage____")
    for stage in STAGES:
        # A hyphen joins words here: "purchase" inside "post-purchase" is not the purchase stage.
        for m in re.finditer(rf"(?<![\w-]){re.escape(stage)}(?![\w-])", t):
            found.append((m.start(), stage))
    for alias, stage in STAGE_ALIASES.items():
        word = alias.replace("_", " ")
        if word in ("referral", "service", "conversion", "research"):
            continue  # too common in ordinary questions to mean a stage
        for m in re.finditer(rf"\b{re.escape(word)}\b", t):
            found.append((m.start(), stage))
    for m in re.finditer(r"\b(?:checkout|check out|paying|payment)\b", t):
        found.append((m.start(), "decision"))
    for m in re.finditer(r"(?<!post-)\b(?:buy|buying|bought|purchases?|orders?)\b", t):
        found.append((m.start(), "purchase"))
    ordered: list[str] = []
    for _, stage in sorted(found):
        if stage not in ordered:
            ordered.append(stage)
    return ordered


def parse_channels(text: str, known: list[str]) -> list[str]:
    t = " " + text.lower() + " "
    out: list[str] = []
    known_set = set(known)
    for code in known:
        word = code.replace("_", " ")
        if re.search(rf"\b{re.escape(word)}\b", t) and code not in out:
            out.append(code)
    for word, code in CHANNEL_SYNONYMS.items():
        if re.search(rf"\b{re.escape(word)}\b", t) and code not in out and (not known_set or code in known_set):
            out.append(code)
    return out


def parse_metrics(text: str) -> list[str]:
    t = text.lower()
    out: list[str] = []
    for pattern, code in METRIC_SYNONYMS:
        if re.search(pattern, t) and code not in out:
            out.append(code)
    return out


def parse_breakdown(text: str) -> str | None:
    t = text.lower()
    m = re.search(r"\b(?:by|per|for each|across|split by|broken down by|each)\s+([a-z ]+?)(?:\?|$|,|\.| and | over | in | this | last | for )", t + " ")
    if m:
        words = m.group(1).strip()
        for key, dim in BREAKDOWN_WORDS.items():
            if words == key or words.startswith(key + " ") or words.endswith(" " + key):
                return dim
    m = re.search(r"\b(?:which|what)\s+(channels?|segments?|cit(?:y|ies)|towns?|regions?|personas?|age groups?)\b", t)
    if m:
        return BREAKDOWN_WORDS.get(m.group(1)) or BREAKDOWN_WORDS.get(m.group(1).rstrip("s"))
    return None


def parse_top(text: str) -> int | None:
    m = re.search(r"\btop\s+(\d+)\b", text.lower())
    return int(m.group(1)) if m else None


def parse_persona(text: str, saved: list[str]) -> str | None:
    t = text.lower()
    for name in sorted(saved, key=len, reverse=True):
        if name.lower() in t:
            return name
    return None


_COMPARE = re.compile(
    r"\b(?:vs\.?|versus|compared?|comparison|than (?:last|the previous|before)|change[ds]?|"
    r"went (?:up|down)|increase[ds]?|decrease[ds]?|drop(?:ped)?|rise|rose|fell|week on week|"
    r"month on month|better|worse)\b"
)


def parse(text: str, *, as_of: dt.date | None, channels: list[str], personas: list[str]) -> Slots:
    slots = Slots(
        period=parse_period(text, as_of),
        compare=bool(_COMPARE.search(text.lower())),
        stages=parse_stages(text),
        channels=parse_channels(text, channels),
        metrics=parse_metrics(text),
        breakdown=parse_breakdown(text),
        persona=parse_persona(text, personas),
        top=parse_top(text),
        grain="week" if re.search(r"\bweek(ly|s)\b|\bper week\b|\bby week\b", text.lower()) else
        ("day" if re.search(r"\bdaily\b|\bper day\b|\bby day\b|\beach day\b", text.lower()) else None),
    )
    slots.query = _search_query(text)
    slots.text = text
    return slots


_STOP = set("""a an the what which who how why when where do does did are is was were we our us
our customers customer people say saying said about tell me show give find any anything
there their they them this that these those of on in for to from with and or please can
you your i my it its be been being have has had complain complaining complaints unhappy
happy mention mentioning mentions talk talking feedback comments reviews""".split())


def _search_query(text: str) -> str:
    words = re.findall(r"[a-z0-9'-]+", text.lower())
    kept = [w for w in words if w not in _STOP]
    return " ".join(kept) or text.strip()
