"""When customers come and buy: the `time_pattern` tool (tools/analytics/time_pattern.py) for the
agent and the offline planner.

"What's our busiest day of the week?", "what time do most orders come in?", "are Mondays worth
opening?", "when do people send complaints?", "which month is best for us?". One particular day
("which day last week was busiest?") stays a daily trend (bot/agent/time_peaks.py).
"""

from __future__ import annotations

from typing import Any

from bot.agent.analytics_cues import metrics_from, text_of
from bot.agent.idiom_asks import PATTERN_IDIOM_CUES
from bot.agent.likelier_when import LIKELIER_METRIC
from bot.agent.meaning_notes import NOTE, SEP
from bot.agent.patterns import lazy
from bot.agent.patterns import rx as _rx
from bot.agent.people_turning_up import TERMS as PEOPLE_TURNING_UP
from bot.agent.time_peaks import MAY_MONTH, PATTERN_CUES, pattern_by, time_peak
from bot.agent.tools import ToolContext, ToolSpec
from bot.agent.turnout_words import TURNOUT
from bot.agent.visit_pattern_words import VISIT_FIGURES

_FOLLOW = (r"^(?:(?:and|ok|okay|so|now|what about|how about)[, ]+)*(?:(?:split |broken down )?(?:by|per) |for each )"
           r"(?:the )?(?:hour|weekday|day of (?:the )?week|month|time of day|day)\b",)
# Read before the KPIs named: a word the KPI reader takes for another KPI ("new clients" for the
# new visitors, "baskets" for the orders) when the question counts something else.
_BEFORE_NAMED = (
    # "which weekday sees the most abandoned baskets": the abandonment, never the orders
    (r"\babandon\w* (?:\w+ )?(?:baskets?|carts?|trolleys?|checkouts?)\b|\b(?:baskets?|carts?|trolleys?) (?:\w+ )?(?:get |are |were )?abandon\w*",
     "cart_abandonment"),
    # (lane real19) "which month are trolleys ditched most", "what hour do readers linger longest on
    # the webshop", "which weekday do members click through the most pages", "leave the site most"
    *VISIT_FIGURES,
    # (lane probe22b) "which hour does a web session most often end with someone ordering": the
    # share of visits that end in an order, never the orders counted
    (r"\b(?:web ?|site |online )?(?:sessions?|visits?) (?:[\w']+ ){0,3}?end(?:s|ed|ing)? (?:up )?(?:in|with) (?:an? |someone |somebody |"
     r"people |a customer |the customer )?(?:orders?|ordering|sales?|purchases?|buying|bookings?|booking|checkouts?|paying)\b",
     "session_conversion"),
    # "which day do most new clients book a first appointment": their bookings, the orders
    (r"\b(?:new|first[- ]time) (?:customers|patients|clients|members|guests|people|folks|shoppers) (?:\w+ ){0,2}"
     r"(?:book|buy|order|purchas|pay for)\w*", "orders"),
    # "which day do members turn up most", "what hour is the gym fullest": the people active with us;
    # (lane probe25a) first any trade's people coming ("which weekday do the most sailors show up")
    *PEOPLE_TURNING_UP,
    *TURNOUT,
    # (lane ps28) "which weekday do pottery pupils cancel most", "what hour are the most bookings
    # called off": the cancellations counted, never their share of the orders
    (r"\b(?:cancel(?:s|led|ling)?|call(?:s|ed|ing)? off|pull(?:s|ed|ing)? out) (?:[\w']+ ){0,2}?(?:the )?(?:most|least|fewest)\b|"
     r"\b(?:most|fewest|least) (?:\w+ )?(?:cancellations|cancelled|called[- ]off)\b", "cancelled_orders"),
)
# (lane tune34) the banks' convention: people's buying rate by hour is the purchase conversion; the
# share of visits that bought only when visits or sessions are what is said to convert
_VISITS_CONVERT = lazy(r"\b(?:sessions?|visits?)\b|\b(?:site|web ?shop|website|shop|store) converts?\b|"
                             r"\bconver\w* (?:on|of|for|through) (?:the |our )?(?:site|web ?shop|website)\b")
# "which weekday do lookers turn into buyers best": people turned into buyers, the buying rate
_LOOKERS_TO_BUYERS = (r"\b(?:lookers?|browsers?|visitors?|window[- ]shoppers?|people|folk)\b.{0,30}?\b(?:turn\w*|convert\w*|become\w*) "
                      r"(?:in ?to |to )?(?:buyers?|payers?|customers?|paying \w+)\b", "purchase_conversion")
_METRIC_WORDS = (
    LIKELIER_METRIC,
    _LOOKERS_TO_BUYERS,  # "are weekend visitors more likely to buy": the buying rate, not the visits
    # "what hour do client queries land", "when do enquiries come in": what people ask of the desk
    # (lane ps18) "which month brings the most grumbles", "which weekday do the gripes pile up": complaints said loosely
    (r"\bcomplain\w*|\bgrumbl\w*|\bgripes?\b|\bmoan(?:s|ing)?\b|\bwhing(?:e|es|ing)\b|\btickets?\b|\b(?:queries|enquiries|inquiries)\b|\bsupport (?:requests?|emails?)\b|\bget in touch\b|\bcontact us\b|"
     # "what hour do people email support", "when do customers message the help desk"
     r"\b(?:email|e-mail|message|contact|call|ring|write to)\w* (?:the |our )?(?:support|help ?desk|customer service)\b|"
     # (lane ps7) "when do the fault reports come in", "which day do breakdown calls peak"
     r"\b(?:fault|repair|breakdown|problem|issue|bug|damage) (?:reports?|calls?|logs?)\b", "tickets"),
    # "which day do we get the most new patients": the people coming for the first time
    (r"\bnew (?:customers|patients|clients|visitors|members|guests|faces|people|folks|shoppers|sign-?ups)\b|"
     r"\bnewcomers\b|\bfirst[- ]time (?:visitors|customers|buyers|guests|patients|clients)\b", "new_visitors"),
    # "are customers happier on some weekdays": the satisfaction, not how many answered
    (r"\b(?:happ(?:y|ier|iest)|unhapp(?:y|ier|iest)|grump(?:y|ier|iest)|satisfied|content|pleased)\b", "csat"),
    (r"\breviews?\b|\bsurveys?\b|\bfeedback\b|\bratings?\b|\bquestionnaires?\b|\bfeedback forms?\b", "survey_responses"),
    # "what time do folks actually buy on the site": the orders, not the site's visits;
    # "when does the till ring most": each ring of the till is a sale taken
    (r"\btill\w* (?:ring|rings|ringing|rang|goes|go|busiest)\b|\bring(?:s|ing)? (?:up )?(?:the )?till\b|\b(?:book|books|booking|bookings|booked)\b|"
     r"\b(?:buy|buys|buying|bought|purchas\w*|check(?:s|ing)? out|order|orders|ordering)\b(?! (?:page|form)s?\b)", "orders"),
    # "what day do people bounce off the site most": the share of visits that leave at once
    (r"\bbounc(?:e|es|ed|ing)\b", "bounce_rate"),
    # (lane ps28) "the most people on the kite shop website": the site's visits, the trade's name between
    (r"\bvisit\w*\b|\btraffic\b|\bsessions?\b|\bbrowse\w*\b|\bon the (?:web)?site\b|"
     r"\b(?:on|to|at) (?:the |our |my )?(?:[\w'-]+ ){0,2}?(?:web ?site|web ?shop)\b", "sessions"),
    # "what month do anglers spend most with us": the money spent, not the orders
    (r"\brevenue\b|\bsales\b|\btakings\b|\bturnover\b|\bmoney\b|\bcash\b|\bearn\w*\b|\bmake the most\b|\bspen(?:d|ds|t|ding)\b", "revenue"),
)


def _by(text: str) -> str | None:
    """The unit a question or a follow-up names ("and by hour?")."""
    found = pattern_by(text)
    if found:
        return found
    if _rx.search(r"\bhours?\b|\btimes? of day\b", text):
        return "hour"
    # (lane probe22a) "ok, only look at last month for that": a period named, not the months of the year
    if _rx.search(r"(?<!\blast )(?<!\bthis )(?<!\bpast )(?<!\bprevious )(?<!\bprior )\bmonths?\b(?! (?:before|ago|back|earlier|prior)\b)", text):
        return "month"
    if _rx.search(r"\bweekdays?\b|\bdays?\b", text):
        return "weekday"
    return None


def boost_pattern(slots: Any) -> float:
    from tools.analytics.time_pattern import PATTERN_METRICS

    unit = time_peak(slots)
    if unit in ("weekday", "hour", "month"):
        return 0.8
    # "are people happier on weekends? csat by weekday": a KPI named and set out by weekday or
    # hour is that KPI's pattern, whatever mood words come with it
    named = any(m in PATTERN_METRICS for m in metrics_from(slots))
    return 0.3 if named and pattern_by(text_of(slots)) else 0.0


def _rows(ctx: ToolContext, table: str) -> int:
    try:
        with ctx.store.connect() as con:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except Exception:  # noqa: BLE001 - no such table (or no store): nothing of it
        return 0


def _what_the_data_counts(ctx: ToolContext) -> str:
    """"Which day is busiest?" with nothing named: orders, unless the data is a support desk's
    (tickets and no orders), where busy means tickets."""
    return "tickets" if not _rows(ctx, "orders") and _rows(ctx, "tickets") else "orders"


def plan_pattern(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    from bot.agent.plan_args import common
    from tools.analytics.time_pattern import PATTERN_METRICS

    text = text_of(slots)
    args = common(slots)
    peak = time_peak(slots)
    by = peak if peak in ("weekday", "hour", "month") else _by(text)
    raw = (getattr(slots, "text", "") or "").lower()
    # (lane probe19b) "do we sell the most maps in december": the month named is weighed against the others
    most_in_month = by is None and _MOST_IN_MONTH.search(raw)
    args["by"] = by or ("month" if most_in_month else "weekday")
    named = metrics_from(slots)
    metric = next((code for rx, code in _BEFORE_NAMED if _rx.search(rx, text)), None)
    metric = metric or next((m for m in named if m in PATTERN_METRICS), None)
    if metric is None and named:
        # "abandon baskets more on certain weekdays": the KPI asked about, never orders in its
        # place; the tool says which KPIs have a moment of their own when this one has none
        metric = named[0]
    if metric is None:
        metric = next((code for rx, code in _METRIC_WORDS if _rx.search(rx, text)), None) or _what_the_data_counts(ctx)
    if metric == "purchase_conversion" and args["by"] == "hour" and _VISITS_CONVERT.search(text):
        metric = "session_conversion"  # by hour, the share of sessions that bought (said in the answer)
        note = (NOTE, f"metric{SEP}{metric}{SEP}purchase conversion counts customers by the day, so by hour this is "
                      "session conversion, the share of visits that ended in an order")
        slots.unknown += [note] if hasattr(slots, "unknown") and note not in slots.unknown else []
    args["metric"] = metric
    names = _WEEKDAYS if args["by"] == "weekday" else _MONTHS if args["by"] == "month" else ()
    # Full names only ("may", "march" and "sat" are words too), and May only where "is may" names it.
    asked = next((n for n in names if (n != "May" or _rx.search(MAY_MONTH, text))
                  and _rx.search(rf"\b{n.lower()}s?\b", raw if most_in_month else text)), None)
    if asked:
        args["focus"] = asked  # "are Mondays worth opening?": where Monday ranks is said
        if args["by"] == "month" and "start" in (args.get("period") or {}):
            # "is August a slow month?": August is the month weighed against the others, not the
            # period (one month alone has no pattern of the year)
            args.pop("period")
        period = args.get("period") or {}
        if args["by"] == "weekday" and period.get("start") and period.get("start") == period.get("end") \
                and _weekday_of(period["start"]) == asked:
            # (lane probe25c) "friday's our big day": the weekday read as last Friday's date is
            # the day weighed against the week's others (one day alone has no pattern of the week)
            args.pop("period")
    return args


def _weekday_of(day: Any) -> str | None:
    import datetime as dt

    try:
        return _WEEKDAYS[dt.date.fromisoformat(str(day)).weekday()]
    except ValueError:
        return None


_MOST_IN_MONTH = lazy(r"\bmost\b.{0,40}?\b(?:in|during|over) (?:the )?(?:january|february|march|april|june|july|august|"
                            r"september|october|november|december)\b")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _run(ctx: ToolContext, params: Any):
    from tools.analytics.time_pattern import time_pattern

    return time_pattern(ctx.store, params, settings=ctx.config.kpi_settings())


def time_pattern_tools() -> list[ToolSpec]:
    from tools.analytics.time_pattern import PatternParams

    return [
        ToolSpec(
            name="time_pattern",
            params=PatternParams,
            run=_run,
            cached=True,
            description=(PatternParams.__doc__ or "").strip(),
            examples=(
                "what's our busiest day of the week?",
                "which hours bring the most orders?",
                "are Mondays worth opening?",
                "which month is best for us?",
            ),
            phrasings=(
                "busiest day of the week", "time of day people buy", "orders by hour",
                "which weekday sells most", "are weekends busier", "which month of the year is best",
                "complaints by time of day", "peak hours", "seasonality",
            ),
            keywords=("day of the week", "time of day", "by hour", "weekday", "peak hours", "seasonal*"),
            cues=(*PATTERN_CUES, *PATTERN_IDIOM_CUES),
            plan=plan_pattern,
            boost=boost_pattern,
            follow_ups=_FOLLOW,
        ),
    ]


def focus_again(previous: dict[str, Any], args: dict[str, Any], text: str) -> dict[str, Any]:
    """(lane tune28) "what about december?" after "is july our biggest month": the month (day)
    weighed against the others changes, the pattern stays; the month named is no period (one
    month alone has no pattern of the year)."""
    by = previous.get("by")
    names = _MONTHS if by == "month" else _WEEKDAYS if by == "weekday" else ()
    if not previous.get("focus") or args.get("by") != by:
        return args
    asked = next((n for n in names if n != "May" and _rx.search(rf"\b{n.lower()}s?\b", text)), None)
    if asked is None:
        return args
    out = {**args, "focus": asked}
    if by == "month" and out.get("period") != previous.get("period"):
        out.pop("period", None)
        if previous.get("period"):
            out["period"] = previous["period"]
    return out
