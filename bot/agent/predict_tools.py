"""The predictive tools for the agent and the planner: churn risk, revenue forecast, purchase
propensity, lifetime value and next best actions. They share one model registry per process
(built from the config) and only read the latest trained models: training is the scheduled
retrain's job (after a sync and nightly) or `journeybot predict train`'s, never an answer's
(issue 22). With no model trained on the data yet, an answer says so, when one will be and how
to train it now, and answers what a rule can without a model (the past-rate rule for revenue
and lifetime value, the lapsing rule for customers at risk)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.agent.actions_plan import actions_plan as _actions_plan
from bot.agent.idiom_asks import ACTION_IDIOM_CUES, AT_RISK_IDIOM_CUES, NEWLY_IDIOM_CUES
from bot.agent.lifetime_cues import LIFETIME_CUES
from bot.agent.meaning_notes import NOTE, SEP
from bot.agent.patterns import lazy, rx
from bot.agent.predict_cues import (
    ACTION_CUES,
    AT_RISK_CUES,
    FORECAST_CUES,
    FORECAST_STRETCH,
    HORIZON_FOLLOW_UP,
    LAPSING,
    NEWLY_AGAIN,
    NEWLY_CUES,
    PROPENSITY_CUES,
    WIDER,
)
from bot.agent.predict_risk_now import RISK_NOW_NOT_THEN_CUES, SINCE_LAST_SCORED
from bot.agent.predict_slots import DIMS as _DIMS
from bot.agent.predict_slots import filters_arg as _filters
from bot.agent.predict_slots import limit_arg as _limit
from bot.agent.predict_slots import slot_text as _text
from bot.agent.tools import ToolContext, ToolSpec
from bot.agent.word_fragments import WEEKDAY


def _registry(ctx: ToolContext):
    from tools.predict.registry import ModelRegistry

    return ctx.service("predict_registry", lambda: ModelRegistry(ctx.store, ctx.config.models_dir))


def _settings(ctx: ToolContext):
    return ctx.config.predict.settings()


def _scoring(run: Callable[..., Any], ctx: ToolContext, params: Any, **extra: Any) -> Any:
    """A predict tool on the store with the configured models; a question never trains one."""
    return run(ctx.store, params, registry=_registry(ctx), settings=_settings(ctx), train_if_missing=False, **extra)


def _at_risk(ctx: ToolContext, params: Any):
    from tools.predict.churn import at_risk_customers

    return _scoring(at_risk_customers, ctx, params)


def _newly(ctx: ToolContext, params: Any):
    from tools.predict.churn import newly_at_risk

    return _scoring(newly_at_risk, ctx, params)


def _forecast(ctx: ToolContext, params: Any):
    from tools.predict.forecast import revenue_forecast

    return _scoring(revenue_forecast, ctx, params, currency=ctx.config.business.currency)


def _propensity(ctx: ToolContext, params: Any):
    from tools.predict.propensity import purchase_propensity

    return _scoring(purchase_propensity, ctx, params)


def _actions(ctx: ToolContext, params: Any):
    from tools.predict.actions import next_best_actions

    return _scoring(next_best_actions, ctx, params)


def _lifetime(ctx: ToolContext, params: Any):
    from tools.predict.lifetime import lifetime_value

    return _scoring(lifetime_value, ctx, params)


def _names_next_month(slots: Any, ctx: ToolContext) -> bool:
    """"Expected revenue for December" asked in November: the month name was read as the last
    December that has passed (a period of the data), but a forecast means the one to come."""
    period = getattr(slots, "period", None) or ""
    m = rx.fullmatch(r"(\d{4})-(\d{2})-01\.\.\d{4}-\d{2}-\d{2}", period)
    if m is None:
        return False
    try:
        as_of = ctx.store.as_of()
    except Exception:  # an empty or busy store: the tool's own default horizon
        return False
    if as_of is None:
        return False
    named = int(m.group(2))
    return named == as_of.month % 12 + 1


def _forecast_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    # "and by channel instead?" after "next quarter's revenue": the horizon the conversation named
    text = f"{_text(slots)} {getattr(slots, 'horizon', None) or ''}"
    horizon = "next_90_days"
    # "a 30 day forecast", "the 6-month outlook": the length named before the forecast
    m = rx.search(r"\b(?:next|coming|following)\s+(\d+|thirty|ninety|six|twelve|three)\s+(day|week|month)s?", text) or \
        rx.search(r"\b(\d+|thirty|ninety|six|twelve|three)[- ](day|week|month)s?[- ](?:\w+ ){0,2}(?:forecast|outlook|projection|"
                  r"horizon|view|prediction)\b", text) or rx.search(FORECAST_STRETCH, text)
    if m:
        n = {"thirty": 30, "ninety": 90, "six": 6, "twelve": 12, "three": 3}.get(m.group(1)) or int(m.group(1))
        days = n * {"day": 1, "week": 7, "month": 30}[m.group(2)]
        # the nearest horizon the forecast has (a tie: the longer, which covers the days asked), said when not the one asked
        horizon, near = min(("next_30_days", 30), ("next_90_days", 90), ("next_180_days", 180), ("next_365_days", 365),
                            key=lambda h: (abs(h[1] - days), -h[1]))
        if near != days and hasattr(slots, "unknown"):
            note = (NOTE, f"horizon{SEP}{horizon}{SEP}the forecast has no {m.group(1)}-{m.group(2)} horizon, so this "
                          f"is the next {near} days")
            slots.unknown += [note] if note not in slots.unknown else []
    # "half a year ahead", "the half-year outlook": six months, before the year that the words contain
    elif rx.search(r"\b(?:next|coming) (?:half[- ]year|six months)\b|\bhalf (?:a )?year(?:'s)? (?:ahead|out|forward|on)\b|"
                   r"\bhalf[- ]year(?:ly)? (?:forecast|outlook|projection|view)\b", text):
        horizon = "next_180_days"
    elif rx.search(r"\b(?:next|coming) (?:year|12 months)|\byear ahead\b|\bnext twelve months\b|"
                   r"\b(?:one|1|a|12[- ]month)[- ]year (?:\w+ )?(?:forecast|outlook|projection|view)\b", text):
        horizon = "next_365_days"
    elif "quarter" in text:
        horizon = "next_quarter"
    elif rx.search(r"\bmonth\b|\bmonth's\b", text) or _names_next_month(slots, ctx):
        horizon = "next_month"
    # "top 20 clients by expected revenue": how many customers to list
    out: dict[str, Any] = {"horizon": horizon, **_limit(slots), **_filters(slots)}
    if getattr(slots, "breakdown", None) in _DIMS:
        out["by"] = slots.breakdown
    return out


def _at_risk_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = _text(slots)
    out: dict[str, Any] = {**_limit(slots), **_filters(slots)}
    if rx.search(r"\bmedium\b|\bmoderate\b|\bsome risk\b|\bany risk\b", text):
        out["tier"] = "high_and_medium"
    elif rx.search(r"\blapsing (?:regulars|customers|buyers|shoppers|ones|habitual)\b|\bregulars?\b.*\blapsing\b|\b(?:are|is|who'?s) (?:now )?lapsing\b|"
                   # a regular overdue by their own rhythm: "would normally have ordered again by now"
                   r"\bregulars?\b.{0,40}\b(?:gone quiet|quiet|overdue)\b|"
                   # (lane ps29) "came to loads of classes and have gone quiet": a regular in other words
                   r"\b(?:came|come|been|went|bought|booked|ordered)(?: to| in for| on)? (?:loads|lots|plenty|heaps|tons|a lot|masses|dozens) "
                   r"(?:of )?(?:[\w-]+ )?\w*\b.{0,40}\b(?:gone|went|going|fallen|fell) (?:quiet|silent)\b|\b(?:would|should) (?:normally |usually )?have "
                   r"(?:ordered|bought|come back|been back|returned)\b|\boverdue\b|"
                   r"\b(?:buying|coming|ordering|shopping|visiting) less\b|\bless often than\b|\bslowing down\b|"
                   # "coming in way less than they used to", "halved how often they come"
                   r"\b(?:buying|coming(?: in| round| by| back)?|ordering|shopping|visiting|booking) (?:a lot |way |much |far )?less\b|"
                   r"\bless than they used to\b|\bhalved (?:how often|their (?:visits|orders|bookings|purchases))\b|"
                   + LAPSING, text):  # not "drifting off": at risk, not a slower rhythm (lane tune27)
        out["tier"] = "lapsing"
    sort_by = _risk_order(text)
    if sort_by is None and rx.search(AT_RISK_CUES[0][0], getattr(slots, "query", "") or ""):
        # "only the vips among those" after "our most valuable customers at risk": still by value
        # (`query` keeps the first question's words through a follow-up); not "churn risk" after
        # a revenue question, whose words are about the money, not the list
        sort_by = _risk_order(slots.query)
    if sort_by:
        out["sort_by"] = sort_by
    return out


# "sort them by how much they've spent", "put the big spenders at the top": the last list again,
# in another order (only ever a follow-up of a list of customers)
REORDER = (r"^(?:(?:ok|okay|now|and|right|then|can you|could you|please|pls|actually|just),? )*(?:(?:sort|order|rank|re-?order|"
           r"re-?sort|re-?rank|list|put|show)|(?:sorted|ordered|ranked|listed|arranged))\b.{0,50}\b(?:by|first|at the top|on top|"
           r"to the top|highest first)\b|"
           # "biggest spenders first please", "with the heavy spenders at the top": the order, said by who leads it
           r"^(?:(?:ok|okay|now|and|right|then|but|please|pls|just),? )*(?:with )?(?:the )?(?:big(?:gest)?|top|highest|heav(?:y|iest)|"
           r"largest|most valuable) (?:spenders|customers|clients|ones|accounts) (?:first|at the top|on top|up top)\b")


def _risk_order(text: str) -> str | None:
    if rx.search(r"\bspen[dt]|\bvalu|\bworth\b|\bbig(?:gest)? spenders\b|\bmost money\b|\brevenue\b|\bpa(?:ys|id|ying) (?:us |me )?(?:the )?most\b|"
                 r"\b(?:big|biggest|largest|top|best|key|high[- ]value) (?:customers|clients|accounts|buyers|members|regulars|(?:fee[- ])?payers|payers)\b",
                 text):
        return "value"
    if rx.search(r"\brising\b|\bgoing up\b|\bincreas|\bfastest\b|\bquickest\b|\bgrowing\b|"
                 r"\b(?:risk|chance|odds|likelihood|probability)\b.{0,30}\b(?:shooting up|soaring|rocketing|climbing|spiking|"
                 r"jump\w*|gone up|went up|risen|rose|shot up|grown|grew)\b|"
                 # "whose churn risk has jumped lately", "risk of leaving has gone up"
                 r"\brisk\b.{0,30}\b(?:jump\w*|gone up|went up|risen|rose|climb\w*|spik\w*|shot up|grown|grew|crept up|creeping up|edg\w* up)\b", text):
        return "rising"
    return None


def _newly_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = _text(slots)
    out: dict[str, Any] = {"days": 7, **_limit(slots), **_filters(slots)}
    if rx.search(rf"\b(?:previous|last|latest|most recent|yesterday'?s|this morning'?s|today'?s|{WEEKDAY}'?s) (?:saved |stored )?(?:scoring|score|run|digest|morning report|report|briefing)\b|\bsince last time\b|" + SINCE_LAST_SCORED, text):
        out = {**out, "since": "previous_scoring"}
    period = getattr(slots, "period", None) or ""
    m = rx.match(r"last_(\d+)_days$", period)
    if m:
        out["days"] = min(int(m.group(1)), 180)
    elif period in ("last_month", "this_month"):
        out["days"] = 30
    elif ".." in period:  # "in the past 3 days" reads as the dates themselves: their length
        import datetime as dt

        try:
            first, last = (dt.date.fromisoformat(d) for d in period.split("..", 1))
            out["days"] = max(1, min((last - first).days + 1, 180))
        except ValueError:
            pass
    m = rx.search(r"\b(?:a|one|(\d+|two|three|four|six)) (day|week|fortnight|month)s? (?:ago|before|back|earlier)\b", text)
    if m:
        from bot.agent.vocab import NUMBER_WORDS

        n = int(m.group(1)) if (m.group(1) or "").isdigit() else NUMBER_WORDS.get(m.group(1) or "one", 1)
        out["days"] = min(n * {"day": 1, "week": 7, "fortnight": 14, "month": 30}[m.group(2)], 180)
    if rx.search(r"\bsince (?:yesterday|last night|this morning)\b|\bovernight\b", text):
        out["days"] = 1  # "fresh at-risk names since yesterday": one day's change, not the week's
    return out


def _propensity_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = _text(slots)
    out: dict[str, Any] = {**_limit(slots), **_filters(slots)}
    if rx.search(r"\bprospects?\b|\bnever[- ](?:bought|ordered|purchased)\b|\bnon-?buyers\b|\bnew (?:people|leads)\b|"
                 r"\b(?:haven'?t|have not|hasn'?t|has not|not yet|yet to) (?:\w+ ){0,2}(?:bought|ordered|purchased|booked|buy|order|joined|signed up|enrol+ed|"
                 r"purchase|book|made (?:a |an |their first )?(?:purchase|order|booking))\b|"
                 r"\bfirst (?:order|purchase|booking|class|visit|session|box|subscription)\b|\bleads?\b|"
                 r"\bfor the first time\b|"
                 # "who's looked at booking but never gone through with it": interest, no purchase yet
                 r"\bnever (?:gone|went|got) (?:through|ahead)\b|\bnever (?:actually )?(?:booked|bought|signed up|paid|hired|instructed|commissioned|signed|converted|committed|stayed|enrol+ed|joined)\b|"
                 # "people who've never hired us before", "enquiries close to turning into a booking"
                 r"\bnever (?:\w+ )?(?:hired|used|booked|tried|bought from|ordered from|shopped with|been (?:to|with)|paid|instructed|commissioned|engaged|retained) us\b|"
                 r"\b(?:enquir\w*|inquir\w*|first[- ]timers?|browsers|window[- ]shoppers|tyre[- ]kickers|sign-?ups who)\b|"
                 r"\b(?:turn\w*|convert\w*) into (?:a |an )?(?:booking|sale|order|purchase|paying|customer|client|booked)\b|"
                 r"\b(?:quote requests|quotes)\b", text):  # "include the ones who never booked too": both, prospects added
        out["who"] = "everyone" if rx.search(WIDER, text) else "prospects"
    elif rx.search(r"\bagain\b|\bexisting\b|\breturning\b|\brepeat\b|\bbought before\b|\bregulars\b|"
                   # "current box customers", "who will reorder": they have bought before
                   # (lane probe23c) "current racers ... taking another track slot": a trade's own people, another one taken
                   r"\bcurrent (?:[\w-]+ ){0,2}(?:customers|clients|buyers|guests|members|patients|students|shoppers|accounts|[a-z]{3,}ers)\b|"
                   r"\bre-?(?:order|book|buy|purchas)\w*\b|\b(?:book|buy|order|purchas|want|need|tak|hir)\w* (?:an? )?another\b|"
                   # (lane probe28c) "pupils likely to book more lessons soon": more of what they have had
                   r"\b(?:book|buy|order|purchas|tak|hir)\w* (?:some |any |a few )?more\b(?! than\b)|"
                   # "only past clients", "people who've been before": those who bought already
                   r"\b(?:past|previous|former|old|existing|earlier) (?:[\w-]+ ){0,3}(?:clients|customers|buyers|guests|members|patients|"
                   r"students|purchasers|shoppers)\b|\b(?:been|come|booked|bought|ordered) (?:with us )?before\b|"
                   # "likely to come back and buy", "who'll buy from us again": they bought already
                   r"\bcome back and (?:buy|order|book|shop)\b|"
                   # (lane probe22b) "customers we already have", "odds of another load": bought before
                   r"\b(?:customers|clients|buyers|guests|members|patients|students|shoppers|folks?|people|ones) (?:that |who )?"
                   r"(?:we|i) (?:already )?(?:have|'ve got|have got|got)\b|\b(?:odds|chances?|likelihood|probability) (?:of|for) another\b|"
                   r"\b(?:people|those|ones|folks?|the ones) who(?:'ve| have)? (?:already )?(?:bought|ordered|booked|purchased)\b", text):
        out["who"] = "everyone" if rx.search(WIDER, text) else "customers"  # "and existing customers too": both
    m = rx.search(r"\b(?:at least|over|above|more than|better than|higher than|minimum(?: of)?|min)\s+(?:a\s+|an\s+)?(\d{1,3})\s*"
                  r"(?:%|percent|per cent)", text) or \
        rx.search(r"\b(\d{1,3})\s*(?:%|percent|per cent)\s*(?:(?:chance|probability|odds|likelihood) )?(?:\+|plus\b|or (?:more|higher|above|over|better)\b|and (?:up|above|over)\b|(?=likely\b))",
                  text)  # "an 80%+ chance", "70 percent or more", "anyone 80% likely"
    if m and 0 < int(m.group(1)) <= 100:
        out["min_probability"] = int(m.group(1)) / 100
    return out


# "over the next 2 years", "across three years", "for the next 18 months": the spend horizon
# (lane probe28c) "if we count two more years", "adding three more years": the years counted in
_HORIZON = lazy(r"\b(?:over|across|for|in|within|during|including|incl|covering|counting|count|counted|add|adding|added|into|through|plus) (?:the )?(?:next |coming |following |another )?"
                      r"(\d{1,2}|a|one|two|three|four|five|six|twelve|eighteen|half a) (?:more |further |extra |additional )?(years?|months?|yrs?)\b|"
                      # "counting two years of future spend rather than one"
                      r"\b(\d{1,2}|two|three|four|five|six|twelve|eighteen) (?:more |further |extra )?(years?|months?) (?:of|worth of) (?:future |forward |"
                      r"expected |predicted )?(?:spend\w*|revenue|value|purchases|buying|orders|fees|income|takings|payments)\b|"
                      r"\b(\d{1,2}|one|two|three|four|five)[- ](year|month)s?[- ](?:horizon|view|value|window|lifetime|life ?span|relationship)\b|"  # probe24b: "over a 3 year lifetime"
                      # "if we look 2 years ahead", "three years out"
                      r"\b(\d{1,2}|a|one|two|three|four|five|six|twelve|eighteen) (years?|months?) (?:ahead|out|forward|on)\b")
_HORIZON_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12, "eighteen": 18}


def _lifetime_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    out: dict[str, Any] = {**_limit(slots), **_filters(slots)}
    m = _HORIZON.search(_text(slots))
    if m:
        n, unit = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5, 7) if m.group(i))
        amount = 0.5 if n == "half a" else int(n) if n.isdigit() else _HORIZON_WORDS.get(n, 1)
        days = round(amount * (365 if unit.startswith("y") else 30.4))
        out["horizon_days"] = max(30, min(days, 1825))
    by = getattr(slots, "breakdown", None)
    if by == "acquisition_channel":
        out["by"] = "channel"
    elif by in ("segment", "channel", "persona", "city", "region", "age_band"):
        out["by"] = by  # "by town" was dropped: the overall value, with no word of the split asked for
    return out


def _not_a_forecast(slots: Any) -> float:
    from bot.agent.analytics_cues import denies_future  # "takings last month, not a forecast"

    return -1.5 if denies_future(slots) else 0.0


def predict_tools() -> list[ToolSpec]:
    from tools.predict.actions import NextActionsParams
    from tools.predict.churn import AtRiskParams, NewlyAtRiskParams
    from tools.predict.forecast import RevenueForecastParams
    from tools.predict.lifetime import LifetimeValueParams
    from tools.predict.propensity import PropensityParams

    return [
        ToolSpec(
            name="at_risk_customers",
            params=AtRiskParams,
            run=_at_risk,
            description=(
                "Customers at high risk of not buying again in the coming weeks (the churn model's "
                "window after the last day of data), how many, what they spent in the last 12 months, "
                "and why each is at risk. Says which model scored them and how it tested against a "
                "simple recency rule."),
            examples=("who is at risk this month?", "which valuable customers might we lose?", "who is likely to churn?"),
            phrasings=("customers at risk", "who might leave", "who is about to stop buying",
                       "churn risk", "at-risk customers", "customers we might lose"),
            keywords=("risk*", "lose", "lapsing", "danger", "likely to leave", "stop buying"),
            cues=(*AT_RISK_CUES, *AT_RISK_IDIOM_CUES),
            plan=_at_risk_plan,
            follow_ups=(REORDER,),
        ),
        ToolSpec(
            name="newly_at_risk",
            params=NewlyAtRiskParams,
            run=_newly,
            description=(
                "Customers who became high risk recently (compared with N days ago or the previous "
                "saved scoring), their count and value, and how many are at high risk in all."),
            examples=("who is newly at risk this week?", "has anyone become at risk lately?"),
            phrasings=("newly at risk", "became at risk", "new at-risk customers"),
            keywords=("newly", "became"),
            cues=(*NEWLY_CUES, *RISK_NOW_NOT_THEN_CUES, *NEWLY_IDIOM_CUES),
            plan=_newly_plan,
            follow_ups=(NEWLY_AGAIN,),
        ),
        ToolSpec(
            name="revenue_forecast",
            params=RevenueForecastParams,
            run=_forecast,
            description=(
                "Expected revenue and purchases from existing customers over a coming period, from a "
                "buy-till-you-die model (BG/NBD + Gamma-Gamma), optionally by segment or persona, with "
                "how well the model predicted a held-out recent period."),
            examples=("what is our expected revenue from existing customers next quarter?",
                      "how much will our customers spend next month?", "forecast revenue by segment"),
            phrasings=("expected revenue from existing customers", "revenue forecast", "forecast sales",
                       "what will customers spend", "projected income next year"),
            keywords=("forecast", "expected", "next quarter", "next month", "will spend", "future"),
            cues=FORECAST_CUES,
            boost=_not_a_forecast,
            plan=_forecast_plan,
            follow_ups=(FORECAST_STRETCH,),
        ),
        ToolSpec(
            name="customer_lifetime_value",
            params=LifetimeValueParams,
            run=_lifetime,
            description=(
                "What a customer is worth over their lifetime: spend so far plus the spend the lifetime "
                "value model (BG/NBD + Gamma-Gamma) expects over the coming year, per customer, as mean "
                "and median, and by segment, first-touch channel or persona, with the top customers. "
                "Warns when the model did not beat its naive baseline on the holdout."),
            examples=("what is a customer worth over their lifetime?", "customer lifetime value by segment",
                      "which channel brings the most valuable customers?"),
            phrasings=("lifetime value", "clv", "customer lifetime value", "what are our customers worth",
                       "average lifetime value of a customer", "top customers by lifetime value",
                       "lifetime value by channel", "ltv per persona"),
            keywords=("lifetime", "worth", "clv", "ltv"),
            cues=LIFETIME_CUES,
            plan=_lifetime_plan,
            boost=lambda slots: 0.4 if "clv" in (getattr(slots, "metrics", []) or []) else 0.0,
            follow_ups=(HORIZON_FOLLOW_UP,),
        ),
        ToolSpec(
            name="purchase_propensity",
            params=PropensityParams,
            run=_propensity,
            description=(
                "Who is likely to buy in the next weeks (the purchase model's horizon), customers and "
                "prospects, and how many buyers to expect."),
            examples=("who is likely to buy soon?", "which prospects are close to buying?"),
            phrasings=("likely to buy", "purchase propensity", "ready to buy", "close to a first order"),
            keywords=("likely", "propensity", "prospects"),
            cues=PROPENSITY_CUES,
            plan=_propensity_plan,
        ),
        ToolSpec(
            name="next_best_actions",
            params=NextActionsParams,
            run=_actions,
            description=(
                "What to do next for customers or a group (a persona, segment or one customer): one "
                "action per customer from ordered rules an owner can read (e.g. high value + rising "
                "churn risk + recent complaint -> personal follow-up), each with its reason, "
                "summarised with the headline action for the group."),
            examples=("what should we do for The Regular persona?", "who needs a personal follow-up?",
                      "what is the next best action for our customers?"),
            phrasings=("what should we do for", "next best action", "what to do about customers",
                       "recommended actions", "how do we keep them"),
            keywords=("should we do", "action", "recommend*", "follow-up"),
            cues=(*ACTION_CUES, *ACTION_IDIOM_CUES),
            plan=_actions_plan,
        ),
    ]
