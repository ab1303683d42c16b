"""What owners say when they want each KPI analysis (funnel, drop-offs, paths, KPIs, trend,
compare, movers), and the evidence the parsed slots give (bot/agent/ranking.py adds them up).
The specs that use them are in bot/agent/analytics_tools.py."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.churn_window import DEFINES, churn_window_days
from bot.agent.feedback_cues import FEELING_NAMED
from bot.agent.patterns import lazy, rx
from bot.agent.ranked_order import RANKED_ORDER
from bot.agent.series_words import TREND_CUE as _TREND_CUE
from bot.agent.series_words import series_grain
from bot.agent.word_fragments import DAY_TO_YEAR


def metrics_from(slots: Any) -> list[str]:
    """The KPIs a question names, as the KPI catalogue's codes, without repeats."""
    from tools.analytics.kpi_catalog import METRICS, normalize_metric

    out = []
    for m in getattr(slots, "metrics", []) or []:
        code = normalize_metric(m)
        if code in METRICS and code not in out:
            out.append(code)
    return out


# "more orders last month than the month before", "the last 7 days next to the 7 before",
# "this month alongside last month": the other period named, without the word compare
_OTHER_PERIOD = (r"\bthan (?:in |during |over )?(?:the )?(?:\w+ )?(?:days?|weeks?|fortnights?|months?|quarters?|years?|periods?|time|ones?) (?:before|prior|earlier)\b|"
                 r"\bthan (?:the )?(?:previous|prior|preceding)\b|"
                 r"\b(?:next to|alongside|beside|side by side with|set against|relative to) (?:the |that of )?"
                 r"(?:last|previous|prior|preceding|same|(?:day|week|month|quarter|year|period) before|"
                 r"(?:\d+|[a-z]+) (?:days? |weeks? |months? )?(?:before|prior|previous|earlier))\b")
_COMPARE_CUE = lazy(
    r"\bcompar\w*|\bvs\.?\b|\bversus\b|\bagainst\b|\b(?:week|month|quarter|year|day) on (?:week|month|quarter|year|day)\b|"
    r"\bperiod over period\b|\bbetter or worse\b|\bup or down\b|\bthan (?:last|the previous|it was|before|in)\b|"
    # (lane probe29b) "conversion this week drop or not": a change asked yes or no, against the period before
    r"\b(?:drop|dropped|fall|fell|rise|rose|go up|go down|went up|went down|improve|improved|slip|slipped|dip|dipped) or not\b|"
    r"\b(?:did|has|have|was|were)\b.*\b(?:drop|drops|dropped|fall|fell|rise|rose|gone (?:up|down)|"
    r"went (?:up|down)|improv\w*|increase\w*|decrease\w*|get (?:better|worse)|got (?:better|worse)|"
    r"changed?|better|worse|faster|slower)\b|\bsince last\b|\bchange in\b(?! (?:the |our )?(?:[\w-]+ )?(?:backlog|queue))|"
    r"\b(?:up|down|higher|lower) on (?:last|the previous|the same)\b|\bstack(?:s|ed)? up\b|"
    rf"\bagainst the {DAY_TO_YEAR} before\b|" + _OTHER_PERIOD)
_GROUPS = (r"(?:(?:customer|client|crm|member|first[- ]touch|first|acquisition) )?(?:channels?|sources?|segments?|cit(?:y|ies)|towns?|suburbs?|neighbou?rhoods?|districts?|postcodes?|villages?|"
           r"boroughs?|regions?|areas?|age (?:bands?|groups?|brackets?)|personas?|customer groups?)")  # (lane probe21c) "which customer segment"
_MOVER_CUE = lazy(r"\bdr[oi]ve\w*|\bdriving\b|(?<!left )(?<!leave )(?<!leaves )\bbehind\b|\bcaus\w*|\bcontribut\w*|\bexplain\w*|"
                        r"\bmovers?\b|\bresponsible\b|\baccount(?:s|ed)? for\b|\b(?:moved|changed|shifted|swung)\b.{0,30}"
                        r"\bmost\b|\b(?:pull|pulled|pulling|dragg?\w*|push\w*|knock\w*|lift\w*|boost\w*|hurt\w*|"
                        r"tank\w*)\b.{0,30}\b(?:down|up)\b|\bto blame\b|\b(?:do|should|can|would) (?:i|we|you) blame\b|"
                        r"\b(?:did|does|has) (?:that|this|it|the (?:change|drop|rise|shift|fall|dip|jump)) come from\b|"
                        r"\bwhere (?:did|does|has) (?:that|this|it|the (?:change|drop|rise|shift|fall|dip|jump)) come from\b|"
                        # "bookings fell, where's that coming from, channel-wise?"
                        r"\bwhere(?:'s| is| was| are) (?:that|this|it|the (?:change|drop|rise|shift|fall|dip|jump|increase|"
                        r"decrease)) (?:all |mostly |mainly )?coming from\b|"
                        # "where did the extra new visitors come from?", "which channel made the bounce
                        # rate jump?": a change, and the group it came from
                        r"\bwhere (?:did|does|has|have) (?:the |that |this |all the |all that )?(?:extra|additional|lost|missing|"
                        r"growth|increase|decrease|boost|spike|uplift) (?:[\w-]+ ){0,3}(?:come|came) from\b|"
                        r"\bwhich (?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|regions?|areas?|age (?:bands?|groups?|brackets?|ranges?)|personas?)\b"
                        r" (?:\w+ ){0,2}(?:made|make|makes|sent|send|sends|pushed|push|caused|cause|causes|led|got) (?:\w+ ){0,4}"
                        r"(?:jump|dip|drop|fall|rise|climb|spike|soar|sink|slump|go up|go down|increase|decrease|shoot up|tank)\b|"
                        r"\b(?:has|have|gets?|got|shows?|had|with) the (?:worst|best|highest|lowest|most|least|biggest|"
                        r"smallest|fastest|slowest|weakest|strongest)\b|"
                        r"\bwhich (?:\d+ |two |three |four |five )?(?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|regions?|"
                        r"age (?:bands?|groups?|brackets?|ranges?)|personas?)\b.*\b(?:most|least|highest|lowest|best|worst|biggest|smallest|top)\b|"
                        # "which region's buyers ordered more this month than last?", "which town saw the
                        # biggest swing in orders, may vs april": a change, group by group
                        r"\bwhich (?:channel|segment|tier|city|town|suburb|region|area|age band|age group|persona)(?:'s|s'|s)?\b"
                        r" (?:[\w']+ ){0,3}\w+(?:ed|ing) (?:more|less|fewer|faster|slower|higher|lower)\b(?:.{0,40}\bthan\b| (?:these days|nowadays))|"
                        r"\bwhich (?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|regions?|areas?|age (?:bands?|groups?|brackets?|ranges?)|personas?)\b"
                        r" (?:\w+ ){0,2}(?:saw|had|has|have|showed|shows) the (?:biggest|largest|smallest|sharpest|most) "
                        r"(?:change|swing|shift|move|movement|drop|rise|fall|jump|increase|decrease|dip|growth)\b|"
                        # "which suburbs have got unhappier lately?": a change, group by group; (lane
                        # speller29) "in which town did the soap customers get unhappier", "which town are
                        # root beer drinkers getting grumpier in": the people named between
                        rf"\bwhich {_GROUPS}(?:'s|s')?\b"
                        r" (?:[\w'-]+ ){0,5}(?:got|gotten|get|gets|become|became|grown|getting|gone|went|turned) (?:a (?:bit|lot|little) |much )?"
                        r"(?:\w+er|worse|better|more \w+|less \w+)\b|"
                        r"\brank\w* (?:the |our |all )?(?:channels|segments|cities|towns|regions|age bands|personas)\b|"
                        # "revenue's down, which channel is it coming from?", "in which neighbourhoods has
                        # csat slipped?": a change, and the groups it happened in
                        rf"\b(?:which|what) {_GROUPS} (?:\w+ ){{0,2}}(?:is|was|are|were|'s) (?:it|that|this|the (?:\w+ )?"
                        r"(?:drop|rise|fall|dip|jump|change|increase|decrease|growth|loss)) (?:all |mostly |mainly )?(?:coming|come) from\b|"
                        # (lane probe28a) "in what town has revenue slipped hardest": "what" as "which" after "in"
                        rf"\b(?:(?:in |for |among |across )?which|(?:in|for|among|across) what) {_GROUPS}\b.{{0,40}}\b(?:has|have|had|did|is|are)\b.{{0,40}}\b"
                        r"(?:slipped|slip|slipping|dipped|dip|dipping|dropped|drop|dropping|fallen|fell|fall|falling|risen|rose|rise|"
                        r"rising|climbed|climb|improved|improve|worsened|worsen|declined|decline|jumped|jump|sunk|sank|sink|slid|"
                        r"slide|sagged|sag|gone (?:up|down)|go (?:up|down)|went (?:up|down)|got (?:worse|better)|get (?:worse|better)|"
                        # (lane ps28) "in which towns has satisfaction gone downhill", "gone south", "gone off a cliff"
                        r"(?:gone|go|went|going) (?:downhill|uphill|south|off a cliff|backwards|to pot|off the boil))\b|"
                        r"\b(?:top|bottom|best|worst|lowest|highest|biggest|smallest) \d+ (?:channels|segments|cities|towns|"
                        r"regions|age bands|personas)\b|"
                        r"\b\d+ (?:top|bottom|best|worst|biggest|smallest) (?:channels|segments|cities|towns|regions|age bands|"
                        r"personas)\b|"
                        r"\bwhy (?:did|has|have|is|are|was|were) .{0,40}\b(?:fall|fell|falling|drop|dropped|dropping|rise|"
                        r"rose|rising|go up|go down|gone (?:up|down)|change|changed|dip|dipped|jump|jumped|spike|spiked|"
                        r"decline|declined|increase|increased|decrease|decreased|slump|slumped)\b|"
                        # "which marketing channel is pulling in the most new visitors": a group named
                        # with a word before it, ranked
                        rf"\bwhich (?:marketing|sales|acquisition|traffic|customer|crm|first[- ]touch|referral) {_GROUPS}\b"
                        r".*\b(?:most|least|highest|lowest|best|worst|biggest|smallest|top)\b|"
                        # "bounce rate's gone funny, which channel is dragging it?": the group behind a change
                        rf"\bwhich {_GROUPS} (?:\w+ ){{0,2}}(?:is |are |was |were )?(?:dragging|pulling|pushing|weighing|holding)\b|"
                        # "which region's delivery time got worse": a group's own KPI, changed
                        rf"\bwhich {_GROUPS}(?:'s|s') (?:[\w-]+ ){{1,3}}(?:got|gotten|has got|have got|has gone|have gone|went|"
                        r"became|has become|grew|has grown) (?:\w+er|worse|better|up|down)\b")

# The future: a forecast, a horizon, a prediction. ("might" is left out: "what might explain
# the drop?" is about the past.)
_FUTURE = lazy(r"\b(?:should|can we expect|do we expect|are we expecting) (?:\w+ ){0,3}(?:spend|bring in|earn|generate)\b|"
                     r"\bforecast(?:s|ed|ing|ers?)?\b|\boutlook\b|\bpredict(?:s|ed|ing|ions?|ive)?\b|\bproject(?:ed|ions?)\b|\bnext (?:week|month|quarter|year|\d+|few|couple)|"
                     r"\bwill\b|\bcoming (?:\d+ )?(?:days?|weeks?|months?|quarter|year)|\blikely to\b|\babout to\b|"
                     r"\bgoing to\b|\bahead\b|\bexpected? (?:revenue|sales|income|spend)", re.I)
# "revenue by channel", "new visitors per segment": one KPI split by a group. The movers tool
# answers it with each group's value (and the period before), where kpis would give one total.
_SPLIT_CUE = lazy(r"\b(?:by|per|for each|each|split (?:by|across|into)|broken down by|across)\s+"
                        r"(?:first[- ]touch\s+|first\s+|acquisition\s+|crm\s+|customer\s+|client\s+|marketing\s+){0,2}"
                        r"(?:channels?|sources?|segments?|cit(?:y|ies)|regions?|states?|provinces?|count(?:y|ies)|districts?|age bands?|age groups?|personas?)\b", re.I)


def month_change_asked(text: str) -> bool:
    from bot.agent.month_change import asks_change

    return asks_change(text)


def split_cue(text: str) -> bool:
    """"By channel", or the groups named in the plural ("how are our regions doing?")."""
    from bot.agent.group_plurals import plural_groups

    return bool(_SPLIT_CUE.search(text) or plural_groups(text))


# A KPI's change named as such: "moved", "behind the change", "orders fell ... which region?".
_CHANGED = lazy(r"\b(?:moved(?! on\b)|shifted|swung|slipped|dipped|slid|sagged|worsened|behind|dr[oi]ve\w*|driving|caus\w*|explain\w*|to blame|(?:i|we|you) blame|"
                      # "who's dragging nps down?": the group behind a fall, not each group's level
                      r"dragg\w*|"
                      r"responsible)\b|\b(?:the )?(?:change|drop|fall|rise|dip|jump|swing|shift) (?:in|by|across|per)\b|"
                      # (lane probe21c) "which customer segment got unhappier this month": a group's change of mood
                      r"\b(?:got|gotten|become|became|grown|getting|gone|went|turned) (?:a (?:bit|lot|little) |much )?"
                      r"(?:unhappier|happier|grumpier|crankier|crosser|less (?:happy|satisfied)|more (?:unhappy|satisfied))\b")
# "orders fell last week - which region was it?": the change first, then which group ("moved on" is a step).
_FELL_WHICH = lazy(r"\b(?:fell|fallen|dropped|dipped|rose|risen|jumped|spiked|slumped|declined|increased|"
                         r"decreased|went (?:up|down)|gone (?:up|down)|(?:crept|creeping|edged|ticked|inched|nudged) (?:up|down)|changed|moved(?! on\b)|tanked|shot up|spike|surge|slump|took a (?:dip|hit|tumble))\b.{0,40}\b(?:which|what)\b")
# Satisfaction levels split by a group satisfaction_by has ("nps by segment"): its question, not
# movers' (which explains a change); movers keeps the groups only it splits by (city, region, age).
SATISFACTION_METRICS = ("csat", "csat_mean", "nps", "review_score", "sentiment")
SATISFACTION_DIMS = ("channel", "segment")
KPI_DIMS = ("channel", "acquisition_channel", "segment", "city", "region", "age_band", "persona")


# Lifetime value as it stands, not the model's outlook: "historic CLV", "worth so far this
# year", "what they've spent with us to date", "not a prediction" (the KPI `clv`).
_HISTORIC = lazy(r"\bhistor\w*|\bso far\b|\bto date\b|\bytd\b|\balready\b|\bactual(?:ly)?\b|"
                       r"\b(?:has|have|had|'ve) (?:\w+ ){0,3}(?:spent|been worth)\b|\bpast spend\b")
_NOT_FUTURE = lazy(r"\b(?:not|no|without|rather than|instead of) (?:a |an |the |any )?"
                         r"(?:prediction|forecast|projection|estimate|guess|model)s?\b|\b(?:go|went|goes|going|gone) ahead\b")


def asks_series(slots: Any) -> bool:
    """The words ask how a KPI went over time ("more than they used to", "trending")."""
    return bool(_TREND_CUE.search(text_of(slots)))


def denies_future(slots: Any) -> bool:
    """"Revenue last month, not a forecast": the only future word is the one ruled out."""
    text = text_of(slots)
    return bool(_NOT_FUTURE.search(text)) and not _FUTURE.search(_NOT_FUTURE.sub(" ", text))


def has_metric(slots: Any) -> bool:
    """A KPI of the past: one named in a question about the future is a forecast's ("not a
    prediction" is not about the future)."""
    return bool(metrics_from(slots)) and not _FUTURE.search(_NOT_FUTURE.sub(" ", text_of(slots)))


def text_of(slots: Any) -> str:
    return getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()


def historic_clv(slots: Any) -> bool:
    """Lifetime value asked as it stands so far (the KPI), not what the model expects."""
    text = text_of(slots)
    return "clv" in metrics_from(slots) and bool(_HISTORIC.search(text) or _NOT_FUTURE.search(text)) \
        and not _FUTURE.search(_NOT_FUTURE.sub(" ", text))


_TICKET_TIMES = {"first_response_time", "resolution_time", "first_response_time_p90", "resolution_time_p90"}


def boost_kpis(slots: Any) -> float:
    if not has_metric(slots):
        return 0.0
    if reaches_a_step(slots) and set(metrics_from(slots)) <= {"sessions", "active_customers"}:
        return -0.3  # "share of sessions that viewed a product": sessions are who, not what is asked
    if getattr(slots, "against", None) and month_change_asked(text_of(slots).lower()):
        return 0.2  # "how much did bookings drop from august to september?": a change between two periods, compare's
    if historic_clv(slots):
        return 1.6  # over the lifetime-value tool's own words ("clv", "worth")
    if set(metrics_from(slots)) & _TICKET_TIMES and rx.search(r"\b(?:complaints|gripes|moans|grumbles)\b", text_of(slots)):
        return 0.75  # "the resolution time for complaints": the complaints are the tickets timed, not their themes
    if getattr(slots, "breakdown", None) in KPI_DIMS and split_cue(text_of(slots)):
        return 0.35  # "how long does delivery take in each state?": one number would not split it
    if not DEFINES.search(text_of(slots)):
        return 0.45
    # the churn rate under a window the owner sets ("...as lost after 120 days"): a KPI's own
    # setting, whatever "hasn't been back" also says about at-risk customers
    # (lane ps24: "monthly churn, counting 120 days ... as gone" is a series under that window, trend's)
    return 1.0 if "churn_rate" in metrics_from(slots) and churn_window_days(text_of(slots)) \
        and getattr(slots, "grain", None) not in ("day", "week", "month", "quarter") else 0.65


def ranks_conversion(slots: Any) -> bool:
    """"Which traffic type converts best?", "do returning visitors convert better than new
    ones?": conversion compared across the groups of a dimension, which a funnel split by it
    answers with each group's entrants and conversion (movers would answer a change)."""
    from bot.agent.slot_readers import GROUP_CONVERSION

    text = text_of(slots)
    # "...better than last month?" is a change over time: movers or compare, not this; so is
    # "which segment moved conversion most?" (a change explained by group)
    return getattr(slots, "breakdown", None) in KPI_DIMS and bool(GROUP_CONVERSION.search(text)) \
        and not _FUTURE.search(text) and not getattr(slots, "against", None) and not _COMPARE_CUE.search(text) \
        and not _CHANGED.search(text)


# "what share of sessions looked at product pages?", "what percentage of visitors reached the
# checkout?": how far people got, a step's reach (the funnel's), not the count of sessions
_STEP_REACH = lazy(r"\b(?:share|percentage|proportion|fraction|%|per ?cent|how many) of (?:the |our |all )?"
                         r"(?:(?:web|site|website) )?(?:sessions|visits|visitors|customers|people|users|shoppers) "
                         r"(?:that |who |which )?(?:\w+ )?(?:looked at|look at|viewed|view|saw|see|reached|reach|got to|get to|"
                         r"made it to|visited|went to|go to|opened|browsed|added|started|clicked)\b")


def reaches_a_step(slots: Any) -> bool:
    named = (getattr(slots, "touchpoints", []) or []) or (getattr(slots, "stages", []) or [])
    return bool(named) and bool(_STEP_REACH.search(text_of(slots)))


# "what % of people browsing the site end up buying", "share of visitors who wind up ordering"
_SHARE_WHO_BUY = lazy(r"(?<!\w)(?:share|percentage|proportion|fraction|%|per ?cent) of (?:the |our |all )?(?:[\w-]+ )?"
                            r"(?:people|visitors|browsers|shoppers|folks?|customers|users|sessions|visits|punters|lookers)\b")


_WHERE_LOST = lazy(r"\bwhere\b.{0,30}\b(?:los(?:e|es|ing|t)|drop(?:s|ped|ping)?|give up|fall (?:away|out|off)|"
                  r"(?:which|what) step)\b|\b(?:which|what|whit) step\b")


def steps_listed(slots: Any) -> bool:
    """(lane probe29b) Three of the data's steps or more listed one after another (with commas, "then",
    "to" or arrows), then where people are lost: the funnel over them, every step kept."""
    text = text_of(slots)
    return len(getattr(slots, "touchpoints", []) or []) >= 3 and bool(_WHERE_LOST.search(text)) and (
        text.count(",") >= 2 or bool(rx.search(r"\bthen\b|->|→|\bto\b.*\bto\b|\btae\b.*\btae\b", text)))


def boost_funnel(slots: Any) -> float:
    if ranks_conversion(slots) or reaches_a_step(slots):
        return 1.0
    touchpoints = len(getattr(slots, "touchpoints", []) or [])
    stages = len(getattr(slots, "stages", []) or [])
    # "from product view to checkout start to order placed", "consideration -> decision ->
    # purchase": a chain of the data's own steps or stages
    chain = rx.search(r"\bfrom\b.*\bto\b|->|→|\bthen\b|\b(?:go|goes|went) on to\b|\bend(?:s|ed)? up\b|\bto\b.*\bto\b",
                      text_of(slots))
    # (lane probe29b) "site visit, trip page, basket, checkout, booked - where are we losing folks": three
    # of the data's steps or more listed one after another (commas too) are the funnel over them, every
    # one kept, not the drop-off points before the last
    if steps_listed(slots):
        return 1.3
    if chain and (touchpoints >= 2 or (stages >= 3 and "->" in text_of(slots))):
        # "product view -> add to cart -> checkout start": three steps in arrows are the funnel asked for
        return 1.1 if touchpoints >= 3 and rx.search(r"->|→", text_of(slots)) else 0.9
    if "purchase_conversion" in metrics_from(slots) and stages <= 2 and not touchpoints and _SHARE_WHO_BUY.search(text_of(slots)) \
            and not rx.search(r"\b(?:funnel|steps?|stages?|each|every)\b", text_of(slots)):
        return -0.5  # (lane tune33) "what % of people browsing the site end up buying": the buying rate, one KPI
    if any(m.startswith("conversion_") for m in metrics_from(slots)) and rx.search(r"\bconver\w*", text_of(slots)) \
            and not rx.search(r"\bfunnel\b", text_of(slots)):
        return -0.5  # "awareness to consideration conversion": the one step's KPI, no funnel asked for
    two = len(getattr(slots, "stages", []) or []) >= 2 or touchpoints >= 2
    return 0.35 if two else 0.0


def boost_trend(slots: Any) -> float:
    text = text_of(slots)
    # A KPI plus a time-series word ("weekly", "trending", "over time") asks for a series.
    series = getattr(slots, "grain", None) in ("day", "week", "month", "quarter") or _TREND_CUE.search(text)
    if has_metric(slots) and series_grain(text):
        return 1.2  # "getting worse over the last 180 days, week on week": each week of it
    return 0.75 if has_metric(slots) and series else 0.0


# "late vs on-time": two groups set against each other, not two periods (satisfaction_by's).
_GROUPS_VS = lazy(r"\blate (?:[\w-]+ ){0,2}(?:vs\.?|versus|or|and|against|compared (?:with|to)) (?:the )?on[- ]time\b|"
                        r"\bon[- ]time (?:[\w-]+ ){0,2}(?:vs\.?|versus|or|and|against|compared (?:with|to)) (?:the )?late\b")
# "friday night or saturday night, which makes us more?", "spend per order on a weekday compared
# with the weekend": days of the week set side by side, a pattern of the week (time_pattern), not
# two periods (as "last weekend against the weekend before" is)
# (its own set, not word_fragments.WEEKDAY: the plurals and weekdays/weekends as well)
_DAY = (r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekdays?|weekends?)"
        r"(?: (?:nights?|mornings?|evenings?|afternoons?|lunch(?:time)?s?))?")
# (ps27: never a weekday said with its date, "friday the 13th vs friday the 6th", two days that are periods)
DAYS_VS = lazy(rf"(?<!last )(?<!this )(?<!past )\b{_DAY}(?! (?:the )?\d) (?:(?:\w+ ){{0,2}}(?:or|vs\.?|versus|against|compared? (?:to|with))|next to) (?:a |an |the |on )?{_DAY}\b(?! before\b)(?! (?:the )?\d)")
# "compared with last month", "vs the week before": a period named as the other side.
_VS_PERIOD = lazy(r"\b(?:compar\w*(?: it)? (?:with|to|against)|vs\.?|versus|against|next to|alongside|beside|"
                        r"side by side with|set against|relative to) (?:the |that of )?"
                        r"(?:last|previous|prior|same|(?:day|week|fortnight|month|quarter|year) before|"
                        r"(?:\d+|[a-z]+) (?:days? |weeks? |months? )?(?:before|prior|previous))\b")
# How the business is doing in general ("how are we doing", "how's business", "the numbers").
_STATUS = lazy(r"\bhow (?:are|'re|is|'s) (?:we|things|business|trade|everything|the shop) (?:doing|going|looking|"
                     r"performing|shaping up)\b|\bhow(?:'s| is) (?:business|trade)\b|\bhow did we (?:do|perform)\b|"
                     r"\bperformance\b|\b(?:the|our) (?:numbers|figures|kpis)\b|\bkey (?:numbers|figures|metrics)\b|"
                     # "how does the last 30 days look next to the 30 before, across the board"
                     r"\bhow\w* (?:(?:does|do|did|is|are|was) )?(?:\w+ ){0,4}look\b|\beverything\b|\bacross the board\b|"
                     r"\ball (?:the |our )?(?:headline |main |key )?(?:numbers|figures|kpis|metrics|stats)\b|\bheadlines?\b|"
                     # "how are the loyalty card holders doing this month against last": a group's headline numbers
                     r"\bhow(?:'s| is| are| were| was| have| has)(?: the| our)? (?!you\b|u\b)(?:[\w-]+ ){1,4}(?:doing|performing|"
                     r"getting on|faring|shaping up)\b")


# "just the current period, no comparison with before", "no need to compare with the quarter
# before", "don't bother comparing": a comparison turned down, never one asked for
NO_COMPARISON = lazy(r"\b(?:no|without(?: a| the| any)?|don'?t|do not|skip(?: the)?|leave out(?: the)?) "
                           r"(?:comparison|comparing|compare|comparisons|the comparison)\b|\bnot compared\b|"
                           r"\b(?:no need|don'?t need|do not need|needn'?t|no point|don'?t bother|do not bother|not necessary)"
                           r" (?:to |in |for )?(?:a |any |the )?compar\w*|\bcomparisons? (?:isn'?t |is not |not )?(?:needed|necessary)\b|"
                           # (lane ps29) "no need for the vs-before bit", "skip the versus last time": the comparison in short
                           r"\b(?:no need for|don'?t need|skip|leave out|without|drop|no) (?:the |a |any )?(?:vs\.?|versus)[- ]"
                           r"(?:before|previous|prior|last time|last period|the period before|earlier)\b")


_DROPOFFS = lazy(r"\bdrop(?:ping)?[- ]?(?:offs?|outs?)\b|\bdrop(?:s|ped)? off\b|\bwhere (?:do|did) (?:we|people|they) lose\b")


def boost_compare(slots: Any) -> float:
    text = text_of(slots)
    if NO_COMPARISON.search(text):
        return -1.2
    if DAYS_VS.search(text):
        return -0.9  # the days of the week set side by side: time_pattern's
    if not metrics_from(slots) and rx.search(FEELING_NAMED, text):
        return -0.5  # "week on week, are comments getting grumpier?": the feeling compared, sentiment's
    if _GROUPS_VS.search(text) or (has_metric(slots) and series_grain(text)):
        return -0.4
    if not metrics_from(slots) and _DROPOFFS.search(text):
        return -1.0  # "drop-off points this week vs the week before": the drop-offs set the periods side by side themselves
    asked = getattr(slots, "against", None) or _COMPARE_CUE.search(text)
    if has_metric(slots) and asked and getattr(slots, "breakdown", None) in KPI_DIMS and _MOVER_CUE.search(text) \
            and rx.search(r"^\W*(?:which|who)\b", text):
        # (lane ps28) or "who moved most on boat hires this month vs last, by channel"
        return 0.3  # "which region saw the biggest change, october vs september": the change group by group
    if has_metric(slots) and asked:
        # "in october against september": the other period named outright is a comparison
        return 0.75 if getattr(slots, "against", None) else 0.55
    # "how are we doing this month compared with last month?": no KPI named, two periods set
    # side by side; the compare tool answers with the headline KPIs of both.
    if not metrics_from(slots) and getattr(slots, "breakdown", None) is None and _VS_PERIOD.search(text) \
            and _STATUS.search(text) and not _FUTURE.search(text):
        return 0.4
    return 0.0


def boost_movers(slots: Any) -> float:
    text = text_of(slots)
    breakdown = getattr(slots, "breakdown", None)
    by = breakdown in KPI_DIMS
    # A group movers cannot split by (a stage, a product category) is another tool's question.
    cue = (_MOVER_CUE.search(text) or _FELL_WHICH.search(text)) and (by or (breakdown is None and rx.search(r"\b(?:which|what|who|why|how come|where did)\b",
                                                                                text)))
    split = by and split_cue(text) and not _TREND_CUE.search(text)
    if ranks_conversion(slots):
        return 0.0
    if metrics_from(slots) == ["clv"] and not _COMPARE_CUE.search(text):
        return 0.0  # "which segment has the highest CLV?": the lifetime-value tool splits it by group itself
    if (split or (cue and not rx.search(r"\brank", text))) and breakdown in SATISFACTION_DIMS and metrics_from(slots)[:1] \
            and metrics_from(slots)[0] in SATISFACTION_METRICS and not _CHANGED.search(text) and not RANKED_ORDER.search(text) \
            and not (cue and (_COMPARE_CUE.search(text) or _FELL_WHICH.search(text) or getattr(slots, "against", None))):
        # "nps by segment", "which segment is least happy going by csat": each group's level,
        # which satisfaction_by gives (a change by group stays movers')
        return 0.0
    return 0.9 if has_metric(slots) and (cue or split) else 0.0


# What people say when they want each analysis (weights add up in bot/agent/ranking.py); the
# journey's own (funnel, drop-offs, paths) are in bot/agent/journey_cues.py.
# A bare "how are we doing?" (no KPI, period or group named) asks for the overview the digest
# is (bot/agent/digest_tool.py); with any of those ("...this month", "...overall", i.e. over all
# the data) it is a KPI question.
BARE_STATUS = (r"^(?:so,? |ok,? |okay,? |hey,? |hi,? |right,? |well,? )?(?:how (?:are|'re) we doing|how we(?:'re| are) doing|"
               r"how(?:'s| is) (?:business|trade|it going|everything)|how are things(?: going| looking)?|"
               r"how(?:'s| is) the shop doing)(?: generally| in general| at the moment| these days)?\s*[?.!]*$")
# Nothing but a period ("today so far?", "how was last week?"): that period's headline KPIs.
# Not "and/what about last week?": that is a follow-up, and keeps the last analysis (so does
# this one, after another analysis: bot/agent/follow_up_reading.py).
BARE_PERIOD = (r"^(?:so |ok,? )?(?:how(?:'s| is| was| were| did| are)? (?:we |things |it )?)?(?:doing |going )?"
               r"(?:today|yesterday|this (?:week|month|quarter|year)|last (?:week|month|quarter|year))(?: so far| to date)?"
               r"(?: looking| going| doing| go)?\s*[?.!]*$")
KPI_CUES = (
    (BARE_STATUS, -0.6),
    (r"\bheadline\b|\bkey (?:numbers|figures|metrics|stats)\b|\bkpis?\b|\bhow are we doing\b|"
     r"\bhow(?:'s| is) business\b|\bscorecard\b|\bthe numbers\b|\bour numbers\b|"
     r"\bhow (?:are|is|'re|'s) (?:things|business|trade|it|everything|the shop) (?:looking|going|doing|shaping up)\b|"
     r"\bhow(?:'s| is) trade\b|\bperformance\b|\bhow did we perform\b|\bhow we(?:'re| are) performing\b|"
     # "all the main numbers": every headline KPI, for whatever period is named
     r"\ball (?:the |our )?(?:headline |main |key |important )?(?:numbers|figures|kpis|metrics|stats)\b|"
     # "give me the main numbers for october", "quick numbers check": the headline KPIs
     r"\b(?:main|quick|basic|top[- ]line|usual|core) (?:numbers|figures|stats|kpis|metrics)\b|"
     r"\b(?:numbers|figures|stats|kpi) (?:check|run[- ]?down|round[- ]?up|snapshot)\b", 0.6),
    (r"\b(?:kpis?|metrics|key (?:numbers|figures)) (?:summary|overview)\b", 0.9),  # not "a summary" of what customers say
    (r"^(?:what(?:'s| is| are| was| were)|whats|how (?:many|much|long|fast|quickly|often|satisfied|happy))\b", 0.15),
    # "how's instagram doing?", "how are the vips getting on?": a channel or group's headline numbers
    (r"\bhow(?:'?s| is| are| was| were| have| has)(?: the| our)? (?!you\b|u\b|ya\b|things\b|it\b)(?:[\w-]+ ){1,3}(?:doing|"
     r"performing|getting on|faring|shaping up|been doing)\b", 0.3),
    # "how many parties did we book in september?", "how many jobs have we done": the trade's own
    # word for a sale, counted over a period
    (r"\bhow many (?:\w+ ){1,2}(?:did|have|do|has) we (?:book|booked|sell|sold|do|done|get|got|take|taken|serve|served|run|"
     r"host|hosted|ship|shipped|deliver|delivered|fit|fitted|finish|finished|complete|completed|have|had)\b", 0.3),
    # "numbers for today", "yesterday's figures": the headline KPIs of a period
    (r"\b(?:numbers|figures|stats|metrics|kpis)\s+(?:for|from|on|of)\s+(?:today|yesterday|this|last|the (?:day|week|month|"
     r"quarter|year)|january|february|march|april|may|june|july|august|september|october|november|december)\b|"
     r"\b(?:today|yesterday|(?:this|last) (?:week|month|quarter|year))'?s? (?:numbers|figures|stats)\b|"
     r"\b(?:numbers|figures|stats|money|sales|takings)[- ]?wise\b", 0.6),
    (r"\bright now\b|\bcurrent(?:ly)?\b|\bat the moment\b", 0.1),
    # "how many bookings today", "how many covers last week": the trade's word for a sale, counted
    (r"\bhow many (?:\w+ ){0,2}(?:bookings|reservations|appointments|jobs|covers|enrol?ments|lessons|classes|tables)\b", 0.3),
    # "how many complaints were logged this week?": complaints counted as they are logged (the
    # tickets KPI), not read for what they say
    (r"\b(?:complaints|tickets|support requests|cases) (?:were |got |have been |being )?(?:logged|raised|opened|filed|"
     r"submitted|created)\b|\bhow many (?:\w+ ){0,2}(?:complaints|tickets|reviews|survey responses|feedback forms) "
     r"(?:came|come|have come) in\b", 0.5),
    (BARE_PERIOD, 0.6),
    # "how did the studio do in September?", "how'd we get on today?": the headline KPIs of a
    # named period (yesterday and last week are the digest's, which outweighs this)
    (r"\bhow(?: did|'d| have| has) (?:we|the [\w-]+|our [\w-]+) (?:do|done|get on|got on|go|gone|fare|fared)\b"
     r"(?=(?: [\w-]+){0,2} (?:today|tonight|in (?:january|february|march|april|may|june|july|august|september|october|"
     r"november|december|q[1-4]|20\d\d)|(?:this|last) (?:month|quarter|year))\b)", 0.6),
)
# A series needs a KPI: without one these words are weak evidence (the boost below does the rest).
TREND_CUES = (
    (_TREND_CUE.pattern, 0.2),
    # "how has X changed?" with no period to compare with asks how it went, point by point.
    (r"\bhow (?:has|have) .{0,40}\b(?:changed|developed|evolved|moved|gone|done)\b"
     r"(?!.*\b(?:since|than|versus|vs|compared|against|last|previous)\b)", 0.35),
    (r"\bseries\b|(?<!star )(?<!birth )(?<!natal )(?<!seating )(?<!size )\bchart(?:s|ed|ing)?\b(?! readings?\b)|\bplot(?:s|ted|ting)?\b|\bgraph(?:s|ed|ing|ically)?\b|\btrend(?:s|ed|ing|line|lines)?\b|\bover time\b|\bweek by week\b|\bday by day\b", 0.2),
)
COMPARE_CUES = (
    (r"\bcompar\w*|\bvs\.?\b|\bversus\b|\b(?:week|month|quarter|year|day) on (?:week|month|quarter|year|day)\b|"
     r"\bperiod over period\b|\bbetter or worse\b|\bup or down\b|\bthan (?:last|the previous|it was|before)\b|"
     # (lane probe29b) "conversion this week drop or not": did it change, yes or no
     r"\b(?:drop|dropped|fall|fell|rise|rose|go up|go down|went up|went down|improve|improved|slip|slipped|dip|dipped) or not\b",
     0.55),
    (r"\bwhat changed\b|\b(?:against|next to|alongside|set against) (?:last|the previous|the same)\b", 0.35),
    (r"\b(?:up|down) on (?:last|the previous|the same)\b|\bstack(?:s|ed|ing)? up against\b|"
     rf"\b(?:against|with|to) the {DAY_TO_YEAR} before\b|"
     # "last 30 days against the 30 before": the same span just before
     r"\b(?:against|vs\.?|versus|compared (?:to|with)) the (?:\d+|[a-z]+) (?:days? |weeks? )?(?:before|prior)\b", 0.55),
    (_OTHER_PERIOD, 0.55),
    # (lane probe26c) "compare september with october, headline numbers": two named months set side by side
    # are two periods compared, whatever headline words follow
    (r"\bcompar\w* (?:(?:[a-z]+ ){0,2}(?:for|in|of) )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* "
     r"(?:and|with|to|against|vs\.?|versus) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", 0.6),
    (r"\bsince last\b", 0.2),
    # "first-touch vs last-touch channel" sets two ends of a path side by side, not two periods
    (r"\bfirst[- ]touch\w*\b.{0,40}\b(?:vs\.?|versus|against|compared (?:to|with))\b.{0,12}\blast[- ]touch|"
     r"\blast[- ]touch\w*\b.{0,40}\b(?:vs\.?|versus|against|compared (?:to|with))\b.{0,12}\bfirst[- ]touch", -0.9),
    (r"\bseries\b|(?<!star )(?<!birth )(?<!natal )(?<!seating )(?<!size )\bchart(?:s|ed|ing)?\b(?! readings?\b)|\bplot(?:s|ted|ting)?\b|\bgraph(?:s|ed|ing|ically)?\b|\btrend(?:s|ed|ing|line|lines)?\b|\bover time\b|\bweek by week\b|\bday by day\b", -0.3),
)
# Without a KPI these are weak evidence: the boost (a KPI and a group) does the rest.
MOVER_CUES = (
    (_MOVER_CUE.pattern, 0.2),
    (r"\bwhich (?:channels?|segments?|cit(?:y|ies)|towns?|regions?|age (?:bands?|groups?|brackets?|ranges?)|personas?|groups?)\b", 0.15),
)
