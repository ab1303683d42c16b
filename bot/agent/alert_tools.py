"""The agent's alert tools: rules made, listed, changed and deleted in conversation, and the
open alerts. Registered in bot/agent/catalog.py; the offline planner fills their arguments
from the question (bot/agent/alert_slots.py)."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.alert_advice import ADVICE, advice_note
from bot.agent.alert_asked import ASKED_RULES
from bot.agent.alert_lists import (
    FIRED_VERB_CUES,
    KEPT_RULES_CUES,
    SHOWN_ALERTS_CUES,
    SORTED_TOO,
    STILL_ON_CUES,
    TRIPPED_CUES,
)
from bot.agent.alert_orders import (
    ALERT_SHOULD,
    ALERT_SO_IT,
    CHANGE_EXPLICIT,
    CREATE_ORDER,
    DELETE_EXPLICIT,
    NOTIFY,
)
from bot.agent.alert_plain_words import ALERT_ASKED_ABOUT, ALERT_WHY_FIRED
from bot.agent.alert_rule_said import RULE_CHANGED
from bot.agent.alert_slots import best_rule_id, in_unit, parse_rule_request
from bot.agent.alert_wanted_after import NEW_ALERT_SAID, TOLD_GROUP
from bot.agent.idiom_asks import OPEN_ALERT_IDIOM_CUES
from bot.agent.patterns import lazy, rx
from bot.agent.rules_and_cards_said import CHANGE_HAVE_IT, DELETE_ONE_WATCHING, RULES_WATCHING_CUES
from bot.agent.tools import ToolContext, ToolSpec
from tools.alerts.manage import (
    NO_METRIC_GIVEN,
    ChangeAlertRuleParams,
    CreateAlertRuleParams,
    DeleteAlertRuleParams,
    ListAlertRulesParams,
    OpenAlertsParams,
    change_alert_rule,
    check_rule_change,
    create_alert_rule,
    delete_alert_rule,
    list_alert_rules,
    open_alerts,
)

# "only the rules that are switched on", "just the active alerts": leave the switched-off ones out
# (lane probe24a: hyphenated too, "only the switched-on ones")
_ONLY_ON = lazy(r"\b(?:only|just)\b.{0,40}\b(?:(?:switched|turned)[- ]on|active|enabled|live|in force|running)\b|"
                      r"\b(?:(?:switched|turned)[- ]on|active|enabled|live) (?:ones|rules|alerts) only\b|"
                      # (lane probe25c) "skip the off ones", "leave out the off rules"
                      r"\b(?:leave|leaving|skip|skipping|without|ignore|ignoring) (?:out )?(?:the |any )?(?:disabled|switched[- ]off|turned[- ]off|"
                      r"paused|off (?:ones|rules|alerts))\b"
                      # (lane probe25b) "the rules that are switched on, skip the off ones": on said plainly, off struck out
                      r"|\b(?:rules|alerts|ones) (?:that are|that're|which are) (?:switched|turned)[- ]on\b|"
                      r"\b(?:skip|leave out|ignore|not|without|minus) (?:the |any )?off ones\b")

# (lane ps25) "but not the ones switched off", "except the paused ones", "minus any that are turned
# off": the switched-off ones said and then struck out (checked before "ones turned off" counts them in)
_NOT_OFF = lazy(r"\b(?:but not|not|except(?: for)?|excluding|minus|apart from|bar|no) (?:the |any |all )?"
                      r"(?:ones?|rules?|alerts?)? ?(?:that are |that's |which are |we'?ve |i'?ve )?(?:been )?"
                      r"(?:disabled|switched[- ]off|turned[- ]off|paused|inactive|muted|off)\b|"
                      r"\b(?:but not|not|except(?: for)?|excluding|minus|apart from) (?:the |any )?(?:disabled|switched[- ]off|"
                      r"turned[- ]off|paused|inactive|muted) (?:ones|rules|alerts)\b")

# "every rule I've got, including ones turned off", "all my alerts, even the paused ones": the switched-off ones too
_WITH_OFF = lazy(r"\b(?:including|incl\.?|even|plus|as well as|and|with) (?:the |any |all )?(?:ones? |rules? |alerts? )?"
                       r"(?:that are |that's |i'?ve |we'?ve |i |we |you )?(?:disabled|switched[- ]off|turned[- ]off|paused|inactive|muted|"
                       r"off)\b(?! (?:the|a|an|my|our)\b)|\b(?:disabled|switched[- ]off|turned[- ]off|paused|muted) (?:ones|rules|alerts) "
                       r"(?:too|as well|included)\b")


def _plan_list(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()
    if rx.search(ADVICE, text):
        advice_note(slots)
    if _NOT_OFF.search(text):
        return {"include_disabled": False}
    if _WITH_OFF.search(text):
        return {"include_disabled": True}
    return {"include_disabled": False} if _ONLY_ON.search(text) else {}


def _alerts(ctx: ToolContext) -> Any:
    from bot.alert_wiring import alert_store_for

    return ctx.service("alert_store", lambda: alert_store_for(ctx.config))


def _metrics(ctx: ToolContext) -> list[Any]:
    from bot.alert_wiring import provider_for

    return ctx.service("alert_provider", lambda: provider_for(ctx.config, ctx.store)).metrics()


def _config_rules(ctx: ToolContext) -> list[Any]:
    from bot.alert_wiring import config_rules

    return config_rules(ctx.config)


def _canonical(ctx: ToolContext, metric: str) -> str:
    from bot.alert_wiring import canonical_metric

    return canonical_metric(metric)


def _create(ctx: ToolContext, p: CreateAlertRuleParams):
    p = p.model_copy(update={"metric": _canonical(ctx, p.metric)})
    return create_alert_rule(_alerts(ctx), _config_rules(ctx), _metrics(ctx), p, source="chat", journey=ctx.store)


def _precheck(ctx: ToolContext, p: Any) -> None:
    if isinstance(p, CreateAlertRuleParams):
        if p.metric == NO_METRIC_GIVEN:  # the planner's placeholder is never shown to the owner
            from tools.core.errors import ToolInputError

            raise ToolInputError("I could not tell which figure the alert should watch, so I made none. Say it "
                                 "with the figure, e.g. \"alert me if orders drop 10% week on week\". Alerts "
                                 f"can watch: {', '.join(sorted(m.name for m in _metrics(ctx)))}")
        p = p.model_copy(update={"metric": _canonical(ctx, p.metric)})
        if p.per in ("city", "region"):  # never proposed over customers with no towns
            from tools.alerts.manage import check_places

            check_places(ctx.store, p.per)
    check_rule_change(_alerts(ctx), _config_rules(ctx), _metrics(ctx), p)


def _rule_ids(ctx: ToolContext) -> list[str]:
    made_here = [s.rule.id for s in _alerts(ctx).stored_rules()] if _state_exists(ctx) else []
    return [r.id for r in _config_rules(ctx)] + made_here


def _named_rule(ctx: ToolContext, text: str) -> str:
    """The rule a change or delete request means: among the rules made in conversation first
    (the only ones it can change), then all, so a config rule gets its own refusal."""
    # Planning reads; it does not create a state file where none is yet.
    made_here = [s.rule.id for s in _alerts(ctx).stored_rules()] if _state_exists(ctx) else []
    everyone = _rule_ids(ctx)
    t = text.lower()
    written = [r for r in sorted(everyone, key=len, reverse=True) if rx.search(rf"(?<![\w-]){re.escape(r)}(?![\w-])", t)]
    if written:  # the id written out wins, wherever the rule comes from
        return written[0]
    # An id-like name that no rule has ("delete the cart-abandonment alert rule"): kept as
    # written, so the answer can say there is no such rule and list the ones there are.
    m = rx.search(r"\b(?:rule|alert)s?\s+(?:called|named|id)?\s*([a-z0-9]+(?:-[a-z0-9]+)+)\b|"
                  r"\b(?:called|named)\s+([a-z0-9]+(?:-[a-z0-9]+)+)\b|"
                  r"\bthe\s+([a-z0-9]+(?:-[a-z0-9]+)+)\s+(?:alert|rule)\b", t)
    named = best_rule_id(text, made_here) or best_rule_id(text, everyone) or (next(g for g in m.groups() if g) if m else None)
    if named is None and made_here and rx.search(r"\b(?:that|it|this|that one|this one|the (?:rule|alert))\b", t):
        return made_here[-1]  # "make that 15%": the rule made last in conversation
    return named or "(which rule?)"


def _boost_create(slots: Any) -> float:
    """A request to be told when something happens, with a condition, is a new rule, even
    when it names a KPI and a comparison ("falls by 15% week on week")."""
    text = getattr(slots, "text", "") or ""
    said = NOTIFY.search(text) or rx.search(TOLD_GROUP + "|" + NEW_ALERT_SAID, text.lower())
    return 0.5 if said and parse_rule_request(text).get("condition") else 0.0


# Step conversions are watched as conversion from the stage before: "checkout conversion" is
# conversion_rate from the decision stage.
_STEP_FROM = {"conversion_consideration": "awareness", "conversion_decision": "consideration",
              "conversion_purchase": "decision", "conversion_post_purchase": "purchase",
              "conversion_advocacy": "post-purchase"}


def _plan_create(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    asked = parse_rule_request(slots.text)
    metric = slots.metrics[0] if slots.metrics else _default_metric(asked, slots.text)
    args: dict[str, Any] = {"metric": metric, "condition": asked.get("condition", "unusual"),
                            "request": slots.text[:300]}
    for key in ("value", "window_days", "severity", "direction", "per"):
        if key in asked:
            args[key] = asked[key]
    if "unit" in asked and "value" in args:
        from tools.analytics.kpi_catalog import SPECS

        spec = SPECS.get(metric)
        converted = in_unit(args["value"], asked["unit"], getattr(spec, "unit", ""))
        if converted is not None:
            args["value"] = converted
    if metric in _STEP_FROM:
        args.update(metric="conversion_rate", stage=_STEP_FROM[metric])
    elif metric == "purchase_conversion" and (slots.stages and slots.stages[0] != "purchase" or rx.search(r"\bconver", slots.norm)):
        args["metric"] = "conversion_rate"  # "conversion": the alerts' name for it ("buying rate" keeps the KPI's)
        if slots.stages and slots.stages[0] != "purchase":
            args["stage"] = slots.stages[0]
    # "any channel, like tiktok" watches every channel; one channel named alone is the filter.
    if slots.channels and asked.get("per") != "channel":
        args["channel"] = slots.channels[0]
    segments = (getattr(slots, "filters", None) or {}).get("segment")
    if segments and asked.get("per") != "segment":
        args["segment"] = segments[0]
    return args


def _default_metric(asked: dict[str, Any], text: str = "") -> str:
    """"tell me when a channel takes off" names no metric: a channel taking off brings new
    people; "an unusual pile of support tickets" is the number of tickets (no time or rate of
    them was named, or it would be that KPI). Otherwise unknown goes in as a question, so the
    refusal names the valid metrics."""
    if rx.search(r"\b(?:become|becomes|becoming|became|turn|turns|turning|go|goes|going|tip|tips|slip|slips|move|moves)\b"
                 r".{0,15}\b(?:high[- ]risk|at[- ]risk|a churn risk|risky)\b|\b(?:number|count) of (?:high[- ]risk|at[- ]risk) "
                 r"(?:customers|clients)\b", text, re.I):
        return "high_risk_customers"  # "when more than 10 customers become high risk": the at-risk count
    if rx.search(r"\b(?:support )?tickets\b|\bcomplaints\b|\bsupport (?:requests|emails|queries|cases)\b", text, re.I):
        return "tickets"  # "complaints balloon on any channel": the tickets, per channel
    if asked.get("per") == "channel" and asked.get("direction") == "up":
        return "new_visitors"
    return NO_METRIC_GIVEN


def _plan_change(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    asked = parse_rule_request(slots.text)
    args: dict[str, Any] = {"rule_id": _named_rule(ctx, slots.text)}
    for key in ("value", "condition", "window_days", "severity", "enabled", "direction", "sensitivity"):
        if key in asked:
            args[key] = asked[key]
    return args


def _plan_delete(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    return {"rule_id": _named_rule(ctx, slots.text)}


def _plan_open(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "norm", "") or slots.text.lower()
    resolved = SORTED_TOO.search(text) or rx.search(r"\bresolved\b|\bcleared\b|\bclosed (?:ones|alerts|alarms)\b|\bpast alerts\b|\bincluding old\b|"
                         # "plus the ones closed recently", "and those we closed last week"
                         r"\b(?:ones|those|alerts|alarms) (?:we |that |which )?(?:were |got |have been )?(?:closed|shut|settled)\b", text)
    if rx.search(r"(?:\bnot|n't|\bnever|\bnobody|\bno[- ]one|\byet to be|\bstill to be)(?:'s)?(?: \w+){0,2} (?:resolved|cleared|closed)\b", text):
        resolved = None  # "alerts still not cleared": the open ones only
    # (lane ps29) "...that haven't cleared, the resolved ones as well": the cleared ones asked for besides
    if rx.search(r"\b(?:resolved|cleared|closed|sorted|fixed|finished) ones,? (?:as well|too|also)\b|"
                 r"\b(?:plus|and|also|including|with) (?:the |those |any )?(?:resolved|cleared|closed) (?:ones|alerts|alarms)\b", text):
        resolved = True
    return {"include_resolved": True} if resolved else {}


LIST_CUES = (
    (ASKED_RULES, 2.0),
    (ALERT_ASKED_ABOUT, 2.0),  # (lane probe25b) "what does the takings alert keep an eye on?"
    # "show every rule I've got, including ones turned off": the rules, the switched-off ones too
    (r"\b(?:every|each|all(?: the| our| my)?) (?:[\w-]+ )?(?:rules?|alerts?)\b.{0,40}(?:" + _WITH_OFF.pattern + ")", 1.5),
    (ADVICE, 2.0),  # "which alerts would you suggest": advice, answered with the rules set
    # "every pest-control alert rule": each rule, one by one
    (r"\b(?:every|each|all(?: the| our| my)?) (?:[\w-]+ ){0,2}(?:alert|alarm|warning) rules?\b|"
     r"\balert (?:rules|settings)\b|\b(?:which|what) (?:alerts|alert rules|rules)\b"
     r"(?! (?:are |have |has )?(?:still |currently |now )?(?:open|firing|fired|gone off|went off|triggered|been triggered|going off|active|live|"
     r"unresolved|outstanding|unacknowledged|unhandled|not (?:yet )?(?:resolved|dealt with|sorted|cleared|handled)|"
     r"(?:haven'?t|hasn'?t|have not|has not) (?:yet )?been (?:resolved|dealt with|sorted|cleared|handled)))|"
     r"\b(?:alerted|notified|warned|pinged) (?:about|for)\b|\bgetting (?:alerts|notified|pinged) (?:for|about)\b|"
     r"\blist (?:my |the |all |every |all the |all my )?(?:alerts?|alert rules?|rules)\b|\bwhat (?:am i|are we) (?:watching|monitoring)\b|"
     r"\bshow (?:me )?(?:my |the |all |every |all the |all my )?alert (?:rules?|settings)\b|\bwhat (?:things|metrics) (?:am i|are)\b|"
     # "which of the shop's numbers are you keeping watch on"
     r"\b(?:what|which) (?:\w+ ){0,2}(?:are you|is it|am i|are we|you'?re|you are) (?:watching|monitoring|tracking|"
     r"keeping (?:an eye|a watch|watch|tabs|guard) on)\b|"
     r"\b(?:what|which) of (?:the |my |our )?(?:[\w']+ )?(?:numbers|metrics|kpis|figures|stats) (?:are you|is it) (?:watching|"
     r"monitoring|tracking|keeping (?:an eye|a watch|watch|tabs|guard) on)\b|"
     # "what is the bot watching on the numbers", "what monitors are running at the moment": the rules set
     r"\b(?:what|which) (?:\w+ )?(?:is|are|'s) (?:the bot|journeybot|the assistant|the app|the system) (?:watching|monitoring|"
     r"tracking|keeping (?:an eye|a watch|watch|tabs) on)\b",
     1.0),
    # "what monitors are running on the numbers at the moment": the rules set, however the numbers are named after
    (r"\b(?:what|which|any) (?:monitors?|watches|watchers|tripwires?|checks) (?:are|is|have (?:we|i|you)|do (?:we|i|you) have) "
     r"(?:\w+ )?(?:running|set|on|active|in place|going|live|watching)\b|"
     # "any tripwires set on the takings?" (not "any checks over $100": a bill is a check too)
     r"\b(?:what|which|any) (?:monitors?|watchers|tripwires?) (?:set|running|in place|active|live)\b", 1.5),
    # "remind me which warnings I've got set up": the rules as set, not the ones that went off
    (r"\b(?:alerts?|alarms?|warnings?|notifications?|alert rules?)\b (?:[\w']+ ){0,4}(?:set up|configured|in place|"
     r"switched on|turned on|on the go|(?<=has )running|(?<=have )running|(?<=got )running)\b|\b(?:set up|configured|created|made) (?:any |some |the )?(?:alerts?|alarms?|"
     r"warnings?|notifications?)\b|"
     # "every warning you've got, the paused ones as well": rules can be paused, alerts that fired cannot
     r"\b(?:paused|switched[- ]off|turned[- ]off|disabled|muted|inactive) (?:ones|alerts?|alarms?|warnings?|rules?)\b", 1.3),
)
OPEN_CUES = (
    (ALERT_WHY_FIRED, 2.0),  # (lane probe25b) "why did the cancellations alert go off"
    # "any open alarms", "open warnings plus the closed ones": the alerts by any name
    (r"\bopen (?:alerts?|alarms?|warnings?|alerts? and alarms?)\b|\balerts? (?:firing|open|going off|fired|raised|triggered)\b|\b(?:firing|fired|active|"
     r"triggered|current|live|unresolved|outstanding|unacknowledged|pending) (?:alerts?|alarms?)\b|\bany alerts?\b|\banything (?:broken|wrong|on fire|burning)\b|"
     r"\bis (?:anything|something) broken\b|\b(?:anything|something|any \w+|what'?s|what is) (?:\w+ )?alerting\b|\bwhat(?:'s| is) broken\b|\bred flags?\b|"
     r"\bshould (?:i|we) (?:worry|be worried)\b|\bworry about\b|\bwarnings?\b|\bwhat(?:'s| is) on fire\b|"
     r"\b(?:alerts?|alarms?) (?:that |which )?(?:are |is )?(?:still |currently |now )?(?:open|firing|unresolved|outstanding|unacknowledged|unhandled|"
     r"not (?:yet )?(?:resolved|dealt with|sorted|cleared|handled)|(?:haven'?t|hasn'?t|have not|has not) (?:yet )?been "
     r"(?:resolved|dealt with|sorted|cleared|handled))\b|"
     # "alerts that haven't cleared yet", "alarms which still haven't gone away"
     r"\b(?:alerts?|alarms?) (?:that|which) (?:still |have |has )?(?:not|haven'?t|hasn'?t|have not|has not|never) (?:yet )?"
     r"(?:been )?(?:resolved|dealt with|sorted|cleared|handled|gone away|cleared up|settled)\b|\b(?:tripped|triggered|set off|raised|sounded) (?:an? |any |the )?"
     r"(?:alarms?|alerts?)\b|\balarms? (?:\w+ )?(?:gone off|went off|going off|tripped|sounding|ringing|beeping|blaring)\b|"
     # "any alarms still ringing that nobody has dealt with?"
     r"\b(?:alerts?|alarms?)\b[^.?!]{0,40}\b(?:nobody|no one|no-one) (?:has |have )?(?:yet )?(?:dealt with|handled|sorted|"
     r"looked at|picked up|acknowledged|touched)\b", 1.0),
    # (lane probe20a) "toner alerts including the ones that already cleared": the fired ones, cleared ones too
    (r"\b(?:alerts?|alarms?),? (?:including|plus|and|along with|as well as) (?:the |those |any )?(?:ones? )?(?:that |which )?"
     r"(?:have |has |had )?(?:already |since |now )?(?:been )?(?:cleared|resolved|closed)\b", 1.0),
    # "open generator alerts", "anything still in alarm": the thing alarmed between "open" and "alerts"
    (r"\bopen (?:[\w-]+ ){1,2}(?:alerts|alarms)\b|\b(?:still |currently |now )?in (?:an? )?alarm\b", 0.9),
    (r"\b(?:flagged|raised) as (?:a |an )?(?:problem|issue|concern|warning)\b|\bcurrently flagged\b|"
     r"\bwhat(?:'s| is| has| have)? (?:been |got )?flagged\b|\banything (?:been |got )?flagged\b|"
     # "is anything tripped on the alerts side", "anything lit up on the alarms": what fired, asked of the alerts
     r"\b(?:anything|something|what'?s|what is|what has) (?:been |got |now |currently )?(?:tripped|triggered|showing|lit up|"
     # (lane probe21b) "is anything tripped on the dive shop alerts": the trade's name before the alerts
     r"popped up|come up|going off|flashing|red)(?: red| amber)? (?:on|in|with|among) (?:the |my |our )?(?:[\w'-]+ ){0,2}?"
     r"(?:alerts?|alarms?|warnings?)\b", 0.8),
    (r"\bfiring\b|\btriggered\b|\bfired\b|\b(?:going|gone|went) off\b(?! (?:us|me|our|the (?:shop|business|place|brand)|on|with)\b)|"
     r"\b(?:gone|going|went) wrong\b|\bgone bad\b|\burgent\b|\bemergenc\w*\b|\bresolved alerts?\b|"
     r"\balerts? (?:that )?(?:were |have been |got )?(?:resolved|cleared|closed)\b|"
     r"\b(?:anything|something) (?:broken|wrong|on fire|up|amiss|off)\b|\bis (?:anything|something|everything) (?:wrong|broken|ok|okay|fine)\b|\b(?:anything|problems?|issues?) (?:that )?(?:i|we) (?:need|should|ought) "
     r"to (?:know|worry|look)\b|\bneeds? (?:my )?attention\b", 0.6),
)


def alert_tool_specs() -> list[ToolSpec]:
    return [
        ToolSpec(
            name="create_alert_rule",
            params=CreateAlertRuleParams,
            run=_create,
            description=(
                "Create an alert rule from a request such as 'tell me if checkout conversion drops 10% "
                "week on week'. Conditions: drops_by / rises_by a percentage against the window before, "
                "below / above a value, or unusual for the weekday (direction up for 'spikes', 'surges', "
                "'lots of'; down for 'unusually low', 'dries up'). per channel (or segment) watches each "
                "first-touch channel on its own: 'tell me when any channel suddenly brings lots of new "
                "visitors' -> metric new_visitors, condition unusual, direction up, per channel. The rule "
                "is checked every morning and alerts are posted to the alerts channel."
            ),
            examples=(
                "tell me if checkout conversion drops 10% week on week",
                "alert me when CSAT falls below 80%",
                "warn me about unusual days for orders",
                "tell me when any channel suddenly brings lots of new visitors",
            ),
            phrasings=("let me know if revenue falls below 500", "notify me when NPS drops by 20%",
                       "set up an alert for conversion", "tell me when first response time goes above 12 hours",
                       "alert me if orders drop 15% week on week", "create an alert",
                       "message me whenever deliveries are unusually low",
                       "keep an eye on cart abandonment and tell me if it jumps by 20%",
                       "let me know if session conversion goes down by 20% week on week",
                       "warn me when orders fall by more than a quarter month on month",
                       "alert me if a channel's new visitors spike",
                       "let me know when traffic from any channel jumps",
                       "warn me if new customers from a channel surge",
                       "tell me if any segment's orders are unusually low"),
            keywords=("tell me if", "tell me when", "alert me", "let me know", "notify me", "warn me",
                      "set up an alert", "ping me", "message me", "whenever", "keep an eye"),
            cues=((CREATE_ORDER, 1.5),),
            changes_state=True,
            explicit=CREATE_ORDER,
            precheck=_precheck,
            plan=_plan_create,
            boost=_boost_create,
        ),
        ToolSpec(
            name="list_alert_rules",
            params=ListAlertRulesParams,
            run=lambda ctx, p: list_alert_rules(_alerts(ctx), _config_rules(ctx), _metrics(ctx), p),
            description="List the alert rules in force (from the config file and made in conversation), "
                        "with what each watches and its severity.",
            examples=("which alerts do we have?", "list the alert rules", "what am I being alerted about?"),
            phrasings=("show my alert rules", "what alert rules are set up", "show the alert rules",
                       "what do you alert me about", "which metrics are watched"),
            keywords=("alert rules", "alerts set up", "rules", "alerted about", "alerts for", "watched"),
            cues=(*LIST_CUES, *KEPT_RULES_CUES, *RULES_WATCHING_CUES),
            plan=_plan_list,
        ),
        ToolSpec(
            name="change_alert_rule",
            params=ChangeAlertRuleParams,
            run=lambda ctx, p: change_alert_rule(_alerts(ctx), _config_rules(ctx), _metrics(ctx), p),
            description="Change an alert rule made in conversation: its value, condition, window, "
                        "severity, or switch it off and on. Rules from the config file are changed in the file.",
            examples=("make the checkout conversion alert 15%", "switch off the orders alert",
                      "make the csat alert high severity"),
            phrasings=("change the alert to 20%", "turn off the alert", "make that alert weekly",
                       "change the threshold of the alert"),
            keywords=("change the alert", "switch off", "turn off", "make the", "alert"),
            cues=((CHANGE_EXPLICIT, 1.0), (ALERT_SHOULD, 0.8), (RULE_CHANGED, 0.6), (ALERT_SO_IT, 0.8), (CHANGE_HAVE_IT, 1.6)),
            changes_state=True,
            explicit=CHANGE_EXPLICIT + "|" + CHANGE_HAVE_IT,
            precheck=_precheck,
            plan=_plan_change,
        ),
        ToolSpec(
            name="delete_alert_rule",
            params=DeleteAlertRuleParams,
            run=lambda ctx, p: delete_alert_rule(_alerts(ctx), _config_rules(ctx), _metrics(ctx), p),
            description="Delete an alert rule made in conversation.",
            examples=("delete the checkout conversion alert", "stop alerting me about csat",
                      "remove the orders alert rule"),
            phrasings=("remove that alert", "delete the alert rule", "stop the alert"),
            keywords=("delete", "remove", "stop alerting"),
            cues=((DELETE_EXPLICIT, 1.2), (DELETE_ONE_WATCHING, 1.2)),
            changes_state=True,
            explicit=DELETE_EXPLICIT + "|" + DELETE_ONE_WATCHING,
            precheck=_precheck,
            plan=_plan_delete,
        ),
        ToolSpec(
            name="open_alerts",
            params=OpenAlertsParams,
            run=lambda ctx, p: open_alerts(_alerts(ctx), p),
            description="The alerts that fired and have not cleared yet, with what broke, since when and "
                        "who acknowledged them.",
            examples=("are there any open alerts?", "what is broken right now?", "which alerts fired?"),
            phrasings=("any alerts", "show open alerts", "what alerts are firing"),
            keywords=("open alerts", "firing", "broken"),
            cues=(*OPEN_CUES, *OPEN_ALERT_IDIOM_CUES, *SHOWN_ALERTS_CUES, *STILL_ON_CUES, *TRIPPED_CUES, *FIRED_VERB_CUES),
            plan=_plan_open,
        ),
    ]


def _state_exists(ctx: ToolContext) -> bool:
    # A shared database always exists; a state.sqlite only once something was kept.
    return bool(ctx.config.shared) or ctx.config.state_path.exists()
