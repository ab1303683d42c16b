"""The digest as an agent tool: "give me the digest", "what would the weekly digest say?"."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from bot.agent.analytics_cues import BARE_STATUS
from bot.agent.digest import build_digest
from bot.agent.patterns import rx
from bot.agent.tools import ToolContext, ToolSpec
from bot.agent.word_fragments import WEEKDAY
from tools.digest.compose import DigestParams


def _run(ctx: ToolContext, params: DigestParams):
    return build_digest(ctx.config, ctx.store, params.cadence, params.date)


def _plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args: dict[str, Any] = {}
    # "the week's roundup", "this week's digest": the weekly one
    # "the week in review, digest style", "the past seven days as a digest": the week as a whole
    # "the digest for last week", "the week-long roundup": a week's period is the weekly one
    if slots.grain == "week" or slots.period in ("last_week", "this_week", "last_7_days") or rx.search(
            r"\bweekly\b|\bweek'?s\b|\bweek[- ]in[- ]review\b|\bweek (?:gone|just gone|that was)\b|\bweek[- ]long\b|"
            # "the digest for the week ending 1 november": a week named by its last day is the weekly one
            r"\bweek (?:ending|ended|up to|to) (?:on )?(?:sunday|the \d|\d)|"
            r"\b(?:past|last) (?:7|seven) days\b|\bwhole week\b|"
            # (lane ps14) "same for the week", "the roundup over the week": the week as a whole
            r"\b(?:for|over|of|across) the (?:whole |full |entire )?week\b|"
            # "a seven-day recap": a digest a week long
            r"\b(?:week|7[- ]day|seven[- ]day)[- ](?:long|length)\b|\b(?:7|seven)[- ]day (?:digest|roundup|round-up|"
            r"summary|recap|wrap-?up|report|rundown|overview)\b|"
            r"\b(?:sum up|summari[sz]e|recap|round up|wrap up|review) (?:the|this|our|my) (?:past )?week\b",
            slots.text.lower()):
        args["cadence"] = "weekly"
    if slots.period and ".." in slots.period:
        start, end = slots.period.split("..", 1)
        # "the weekly summary for the week ending 8 november": the week's digest is dated its last day
        week = args.get("cadence") == "weekly" and start and end and \
            (_dt.date.fromisoformat(end) - _dt.date.fromisoformat(start)).days == 6
        if start == end or week:
            args["date"] = end
        elif start and args.get("cadence") != "weekly" and rx.search(
                r"\b(?:digest|briefing|summary|round-?up|recap|report|update|rundown)s? from (?:(?:mon|tues|wednes|thurs|fri|"
                r"satur|sun)day,? )?(?:the )?\d", slots.text.lower()):
            args["date"] = start  # "the daily digest from tuesday the 10th": that day's, not every day since
    elif slots.period == "last_week":  # dated the last day of that week, as "the week ending 8 November"
        from tools.analytics.periods import resolve

        try:
            args["date"] = str(resolve("last_week", ctx.store.as_of()).last_day)
        except Exception:  # an empty store: the digest says so itself
            pass
    elif slots.period in ("yesterday", "today"):
        # "the daily digest for yesterday": that day, counted from the data's last day
        import datetime as dt

        try:
            last = ctx.store.as_of()
        except Exception:  # an empty store: the digest says so itself
            last = None
        if last is not None:
            args["date"] = str(last - dt.timedelta(days=1 if slots.period == "yesterday" else 0))
    return args


def stepped_back(previous: dict[str, Any], unit: str, ctx: ToolContext) -> dict[str, Any]:
    """(tune32) "and the roundup for the week before that one" after a digest: the same digest,
    dated a week (a day, for a daily one) before the one just shown (the data's last day when it
    had no date)."""
    days = {"week": 7, "fortnight": 14, "day": 1}.get(unit, 7 if previous.get("cadence") == "weekly" else 1)
    try:
        last = _dt.date.fromisoformat(str(previous["date"])) if previous.get("date") else ctx.store.as_of()
    except Exception:  # an empty store: the digest says so itself
        return {}
    return {"date": str(last - _dt.timedelta(days=days))} if last is not None else {}


_STATUS = r"(?:how (?:are|'re) we doing|how(?:'s| is) (?:business|trade|it going|everything)|how are things(?: going| looking)?)"
_OVERVIEW = (r"(?:(?:quick|short|brief|general|overall|usual|high-level) )?(?:overview|rundown|run-down|summary|round-?up|recap|"
             r"snapshot|catch-?up)")
DIGEST_CUES = (
    # (tune32) "the weekly digest please, with the biggest drop-off and who's newly at risk": the digest
    # asked for by name, then what it holds (its sections are not each a question of their own)
    (r"^(?:[\w'-]+ ){0,3}(?:digest|round-?up|briefing|recap|wrap-?up|bulletin|(?:daily|weekly|morning) (?:summary|report|update))"
     r"(?: (?:please|pls|plz|for (?:the |this |last )?(?:week|day|today|yesterday)))?,? (?:with|including|incl\.?|covering|and include)\b", 0.8),
    (r"\bdigest\b|\broundup\b|\bround-up\b|\brundown\b|\bbriefing\b|\brecap\b|\bsummary of (?:yesterday|the day|the week|"
     r"last week|today)\b|\b(?:morning|daily|weekly) (?:summary|update|report|overview)\b|\boverview\b|"
     r"\bwhat should i know\b|\bcatch me up\b|\bweek[- ]in[- ]review\b|\bwhat did i miss\b|\banything (?:unusual|interesting|notable|odd|"
     r"strange|new(?!(?: \w+){0,3} (?:complain|moan|whing|grumbl|gripe|rav|gush|prais|say|said|talk|mention)\w*)|"
     r"important|i should know)\b|\bhow did (?:we|it|things) (?:do|go)\b|\bthis morning\b|"
     r"\bwhat happened (?:yesterday|last week|today)\b|\bst(?:and|ood|ands|anding) out\b|\bout of the ordinary\b|"
     r"\b(?:a |an )?(?:normal|usual|typical|ordinary|average) (?:day|week)\b|\bwrap[- ]?ups?\b|\bround[- ]?ups?\b|"
     r"\b(?:weekly|daily|morning) (?:report|rundown|run-down|bulletin|debrief)\b|"
     # "this week's summary of everything", "a quick overview of it all for today": the whole business at once
     r"\b(?:summary|rundown|run-down|overview|update|report|round-?up|snapshot|picture) (?:of|on|across) (?:absolutely )?"
     r"(?:everything|it all|all of it|the lot|the whole (?:business|shop|place|lot|thing))\b", 0.9),
    # A bare "how are we doing?" (no KPI, period or group named) asks for the overview the digest
    # is; with any of those it is a KPI question (KPI_CUES in bot/agent/analytics_cues.py).
    (BARE_STATUS, 0.9),
    # "give me the quick overview, how are we doing", "how are things? a short rundown please": the
    # overview asked for beside the bare status question (nothing else named)
    (rf"\b{_OVERVIEW}\b[\s,.;:!?-]+(?:so,? |ok,? |and |then )?{_STATUS}\s*[?.!]*$|"
     rf"^(?:so,? |ok,? )?{_STATUS}[\s,.;:!?-]+(?:(?:give me|just|i want|a|the|some) )*{_OVERVIEW}\b", 0.9),
    # "how are we doing overall? the usual morning rundown": the regular report, by its name
    # "how did we go in september? all the main numbers": the digest covers a day or a week, so a
    # whole month, quarter or year named asks for that period's headline KPIs instead
    # (or half of one: "how did we do in the first half of october")
    (r"\b(?:in|for|during|over) (?:the (?:first|second|1st|2nd|front|back|latter|early) half of )?(?:january|february|march|"
     r"april|june|july|august|september|october|november|december)\b|\b(?:this|last|previous) (?:month|quarter|year)\b", -0.6),
    # "fitting jobs in Q3 against Q2, how did we go", "the third quarter vs the second": a quarter
    # named, or two periods set side by side, are those periods' KPIs compared (lane tune27)
    (r"\bq[1-4]\b|\b(?:first|second|third|fourth|1st|2nd|3rd|4th) quarter\b|\bquarter (?:one|two|three|four|[1-4])\b", -0.6),
    # "whats in todays summary", "yesterday's report pls": the day's digest, named by its day
    # (or the week's: "this week's summary report", "last week's update")
    (r"\b(?:today|yesterday|this morning|last night|the day|this week|last week)(?:'?s)? (?:quick |short |daily |morning |weekly )?"
     r"(?:summary|update|report|overview|rundown|run-down|debrief|bulletin|round-?up)\b", 0.9),
    # (lane probe18b) "aviary summary for thursday the 12th", "the rundown for yesterday": one day's
    # digest, the day said after (never a span: "summary for the 1st to the 12th")
    (r"\b(?:summary|update|report|overview|rundown|run-down|debrief|bulletin|round-?up|recap) (?:for|from) "
     rf"(?:{WEEKDAY},? )?(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)|today|yesterday|"
     rf"{WEEKDAY})\b(?!\s*(?:to|-|until|till|through|thru|and)\b)|"
     # (lane ps25) "reindeer farm summary for the day, thursday the 12th": the day's own digest
     r"\b(?:summary|update|report|overview|rundown|run-down|debrief|bulletin|round-?up|recap|wrap-?up) (?:for|of) (?:the|that|one) day\b", 0.9),
    # (lane ps14) "the bakery's day summary for 12 november", "a day report for the 3rd": the day's
    # digest named "day" without "the"
    (r"\b(?:day|day's|one-day|single-day) (?:summary|update|report|overview|rundown|run-down|debrief|bulletin|"
     r"round-?up|recap|digest)\b", 0.9),
    # "the daily round-up of the numbers", "a weekly recap of the figures": the regular report of the KPIs
    (r"\b(?:daily|weekly|morning|nightly) (?:round-?up|recap|wrap[- ]?up|catch-?up|summary|rundown|run-down|update) of (?:the |our |all the |my )?"
     r"(?:numbers|figures|stats|kpis|metrics)\b", 0.9),
    # (lane ps29) "how are we doing overall, quick daily roundup": the regular report named by its rhythm
    # outweighs the status question beside it
    (r"\b(?:daily|weekly|nightly|morning) (?:round-?up|rundown|run-down|recap|wrap[- ]?up|digest|briefing|bulletin)\b", 0.5),
    (r"\b(?:the |our |my )?usual (?:\w+ )?(?:rundown|run-down|digest|round-?up|briefing|summary|update|report|recap|"
     r"overview|wrap[- ]?up|bulletin)\b", 0.6),
)


def digest_tool_spec() -> ToolSpec:
    return ToolSpec(
        name="digest",
        params=DigestParams,
        run=_run,
        description=(
            "The morning digest: KPIs of the last day (or week) against the previous one with "
            "arrows and changes, the funnel's biggest drop-off, sentiment by stage with a quote, "
            "the fastest growing feedback theme, open alerts and customers newly at risk. Use it "
            "for a general 'how are we doing' overview."
        ),
        examples=("give me the digest", "what would the weekly digest say?", "how did we do yesterday?"),
        phrasings=("daily digest", "morning summary", "weekly summary", "the digest for yesterday",
                   "give me an overview of yesterday"),
        keywords=("digest", "overview", "summary", "how did we do"),
        cues=DIGEST_CUES,
        plan=_plan,
    )
