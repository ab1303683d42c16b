"""The offline planner: answers common questions with no language model.

It reads the question's slots (bot/agent/slots.py: periods, KPIs, who, breakdowns), ranks the
tools on them (bot/agent/ranking.py: cues, slot evidence and similarity to example phrasings),
fills the chosen tool's arguments with its `plan` function, runs the same tool functions the
model would call, and answers from the result's own text, with the same provenance.

Every answer starts with how the question was read (bot/agent/reading.py); when the reading is
uncertain, or a word was not understood, it says so and offers the closest other readings.
A short follow-up ("and for Instagram only?") repeats the last analysis of the conversation
with the change. Tools that change something are never run from a question alone: the answer
asks for confirmation (`Answer.pending`), and `confirm` runs them.

`rank(question, key)` gives every tool's score for a question, best first (a follow-up's tool
first): the shortlist the model path sends to the model.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.agent.analytics_cues import BARE_PERIOD, asks_series
from bot.agent.blame_that import BLAMES_THAT, KPI_ANALYSES
from bot.agent.domain_terms import build_speller
from bot.agent.empty_period import failed_body
from bot.agent.follow_up_args import keep_unchanged, levels_of_a_split_funnel, splits_by
from bot.agent.follow_up_grain import kpi_swapped, regrain
from bot.agent.fuzzy import Speller, words
from bot.agent.narrow_last import the_last_named
from bot.agent.patterns import rx
from bot.agent.plan import Plan, stored_slots
from bot.agent.ranking import Candidate, ToolRanker
from bot.agent.refused_asks import COURTESY
from bot.agent.same_again import same_analysis_again
from bot.agent.same_word_kpi import follow_up_kpis
from bot.agent.second_opinion import second_opinion
from bot.agent.setting_amends import sets_a_setting_only
from bot.agent.similar import nearest
from bot.agent.slots import Known, Slots, parse
from bot.agent.step_back import shift_back
from bot.agent.swapped_periods import SWAPPED, sets_two_periods, unit_of_the_pair
from bot.agent.thread_cues import ANAPHORA as _ANAPHORA
from bot.agent.thread_cues import COMMAND as _COMMAND
from bot.agent.thread_cues import FOLLOW_UP_END as _FOLLOW_UP_END
from bot.agent.thread_cues import REMINDER as _REMINDER
from bot.agent.thread_cues import SAME_SPAN, worded_as_a_follow_up
from bot.agent.thread_cues import THAT as _THAT
from bot.agent.thread_cues import THAT_CUSTOMER as _THAT_CUSTOMER
from bot.agent.thread_kpi import carried
from bot.agent.tools import ToolContext, ToolSpec, check_change, run_tool
from bot.agent.unmeasured import NOT_IN_DATA
from bot.agent.vocab import CHANNEL_SYNONYMS
from bot.answer import Alternative, Answer, PendingAction
from bot.memory import PlannerMemory

_STAMP_SQL = ("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM events), "
              "(SELECT count(*) FROM orders), (SELECT max(ts) FROM events), (SELECT max(ts) FROM orders)")
MIN_SCORE = 0.3  # below this the planner does not pick a tool, it asks back
_STRONG = 0.9  # a follow-up that clearly asks for another analysis gets that analysis
# A channel's name is a domain word, but alone ("tiktok") it asks nothing about it.
_CHANNEL_WORDS = {w for pair in CHANNEL_SYNONYMS.items() for w in pair}
_SHOWCASE = ("kpis", "dropoffs", "feedback_themes")  # the kinds of question suggestions() offers
_DIMENSIONS = ("channel", "acquisition_channel", "segment", "city", "region", "age_band", "persona")


class OfflinePlanner:
    def __init__(self, ctx: ToolContext, tools: list[ToolSpec], memory_path: Path | str | None = None):
        self.ctx = ctx
        self.tools = [t for t in tools if t.plan is not None or not t.params.model_fields]
        self.by_name = {t.name: t for t in self.tools}
        self._state = PlannerMemory(memory_path)
        self._ranker = ToolRanker(self.tools)
        self._known_cache: tuple[Any, Known] | None = None
        self._speller: Speller | None = None

    # -- public ---------------------------------------------------------------------------
    def suggestions(self) -> list[str]:
        """Three example questions of different kinds (numbers, the journey, what customers say),
        so "try one of these" shows the range of what can be asked, not three alert questions."""
        picks = [self.by_name[n].examples[0] for n in _SHOWCASE if n in self.by_name and self.by_name[n].examples]
        if len(picks) == len(_SHOWCASE):
            return picks
        picks = []
        for t in self.tools:
            if t.examples and len(picks) < 3 and t.name != "describe_data" and not t.changes_state:
                picks.append(t.examples[0])
        return picks or ["what data do you have?"]

    def reset(self, key: str) -> None:
        self._state.clear(key)

    def rank(self, question: str, key: str = "default") -> list[tuple[str, float]]:
        """Every tool the planner can route the question to, with its score, most likely first;
        the tool a follow-up would continue (or switch to) comes first. The model's tool
        shortlist starts from this. Tools that change something are listed only when the
        question asks for them in so many words."""
        plan = self._choose(question, key)
        ranked = [(c.tool, c.score) for c in plan.candidates]
        if plan.spec is not None and ranked and ranked[0][0] != plan.spec.name:
            top = max(plan.score, ranked[0][1])
            ranked = [(plan.spec.name, top)] + [r for r in ranked if r[0] != plan.spec.name]
        return ranked

    def read(self, question: str) -> Slots:
        """The slots of a question, as the planner reads them."""
        known = self._known()
        return parse(question, as_of=known.as_of, known=known, speller=self._spell(known))

    def choose(self, question: str, key: str = "default") -> tuple[ToolSpec | None, Slots, float]:
        """The tool and slots the planner would use (exposed for the question-bank test)."""
        plan = self._choose(question, key)
        return plan.spec, plan.slots, plan.score

    def plan(self, question: str, key: str = "default") -> Plan:
        """The tool and arguments the planner would use, without running anything."""
        plan = self._choose(question, key)
        if plan.spec is None or plan.spec.plan is None:
            return plan
        from bot.agent.arg_match import read_metric  # a KPI the rules missed, read by meaning

        notes = plan.notes + read_metric(self, plan.spec, plan.slots)
        ctx = self.ctx.for_conversation(key)
        args = plan.spec.plan(plan.slots, ctx)
        previous = self._state.get(key) if plan.follow_up and plan.asked is not None else None
        if previous is not None and previous["tool"] == plan.spec.name:
            args = keep_unchanged(plan.spec, previous.get("args"), args, plan.asked, ctx)
        elif previous is not None and previous["tool"] == "funnel" and plan.spec.name == "movers":
            args = levels_of_a_split_funnel(previous.get("args"), args, plan.asked)
        from bot.agent.unrated_feelings import satisfaction_by_place, sentiment_without_csat

        final = Plan(plan.spec, args, plan.slots, plan.score, plan.candidates, plan.follow_up, notes, plan.asked)
        return sentiment_without_csat(self, final if plan.follow_up else satisfaction_by_place(self, final))

    def remember(self, key: str, plan: Plan) -> None:
        """Keep the analysis as the conversation's last one (for follow-ups)."""
        if plan.spec is not None:
            self._state.put(key, plan.spec.name, plan.slots, plan.args)

    def answer(self, question: str, key: str = "default", *, context: str | None = None) -> Answer:
        from bot.agent.reading import alternatives, ask_back, reading_lead, reasons
        from bot.agent.understood import answered_args, understood

        plan = self.plan(question, key)
        if plan.spec is None:
            return ask_back(self, plan, question, key)
        alts = alternatives(self, plan, key)
        line = understood(plan.spec.name, plan.args, plan.slots)
        if plan.spec.changes_state:
            from bot.agent.unsaved_rules import unsaved_deletion, unsaved_rule

            unsaved = unsaved_deletion(self, plan, key)
            if unsaved is not None:
                return unsaved
            plan = unsaved_rule(self, plan, key) or plan
            line = understood(plan.spec.name, plan.args, plan.slots) if plan.spec else line
            self.remember(key, plan)
            return self._ask_to_confirm(plan, line, alts, key)
        record = run_tool(plan.spec, self.ctx.for_conversation(key), plan.args)
        if record.ok:
            body, line = record.result.to_text(), understood(plan.spec.name, answered_args(plan.args, record.result), plan.slots)
        else:
            body, alts = failed_body(self, plan, record, alts)
        self.remember(key, plan)
        lead = reading_lead(line, reasons(self, plan), plan.slots.fixes)
        return Answer(f"{lead}\n{body}", "offline", [record], understood=line, alternatives=alts)

    def run_reading(self, tool: str, args: dict[str, Any], key: str, question: str = "") -> Answer:
        """Answer with a reading the person chose (a button, a suggestion): that tool with
        those arguments, remembered for follow-ups like any answer."""
        from bot.agent.understood import answered_args, understood

        spec = self.by_name.get(tool)
        if spec is None:
            return Answer(f"I no longer have the analysis {tool!r}.", "offline")
        slots = self.read(question or tool)
        line = understood(tool, args, slots)
        if spec.changes_state:
            return self._ask_to_confirm(Plan(spec, args, slots, 1.0), line, [], key)
        record = run_tool(spec, self.ctx.for_conversation(key), args)
        body = record.result.to_text() if record.ok else \
            f"I tried {record.signature} but it did not work: {record.error}"
        if record.ok:
            line = understood(tool, answered_args(args, record.result), slots)
        self._state.put(key, tool, slots, args)
        return Answer(f"{line}:\n{body}", "offline", [record], understood=line)

    def confirm(self, pending: PendingAction, key: str) -> Answer:
        """Run a state-changing tool the person confirmed."""
        spec = self.by_name.get(pending.tool)
        if spec is None:
            return Answer(f"I no longer have the action {pending.tool!r}.", "offline")
        record = run_tool(spec, self.ctx.for_conversation(key), pending.args)
        body = record.result.to_text() if record.ok else \
            f"I tried {record.signature} but it did not work: {record.error}"
        return Answer(body, "offline", [record], understood=pending.summary)

    # -- choosing -------------------------------------------------------------------------
    def _choose(self, question: str, key: str) -> Plan:
        from bot.agent import meaning_args  # words the rules missed, read by meaning
        from bot.agent.preamble import question_part  # the question inside a chatty message

        slots = meaning_args.read(self, self.read(question_part(question, self.read)))
        previous = self._state.get(key)
        prev_spec = self.by_name.get(previous["tool"]) if previous else None
        prev_slots = stored_slots(previous["slots"]) if previous else None
        if prev_slots is not None and prev_slots.customer_id and not slots.customer_id and _THAT_CUSTOMER.search(slots.norm):
            # "what feedback has that person left?": the customer of the last answer, before
            # ranking (one customer's words are a search, not the mood of many)
            slots.customer_id = prev_slots.customer_id
        candidates = tuple(self._ranker.rank(slots))
        best = candidates[0] if candidates else None
        if prev_spec is not None and prev_slots is not None:
            amend = self._amends(prev_spec, slots, best)
            if amend is not None:
                return Plan(amend, {}, slots, 1.0, candidates, True, asked=slots)
            if the_last_named(prev_spec.name, slots.norm):  # "split the pudding funnel per age band"
                return Plan(prev_spec, {}, merge(prev_slots, slots, self._as_of()), 1.0, candidates, True, asked=slots)
            thread = carried(prev_spec, prev_slots, slots, best)  # the KPI just shown, drawn, watched or explained
            if thread:
                again = thread == "trend"
                return Plan(self.by_name[thread], {}, merge(prev_slots, slots, self._as_of()) if again else slots, 1.0,
                            candidates, again, asked=slots if again else None)
            if any(rx.search(p, question, re.I) or rx.search(p, slots.norm, re.I) for p in prev_spec.follow_ups):  # "n ..." is "and ..."
                return Plan(prev_spec, {}, merge(prev_slots, slots, self._as_of()), 1.0, candidates, True, asked=slots)
            if prev_spec.name in KPI_ANALYSES and slots.breakdown in _DIMENSIONS and not slots.metrics \
                    and "movers" in self.by_name and BLAMES_THAT.search(slots.norm):
                # "which segment's behind that then": the KPI just shown, group by group (bot/agent/blame_that.py)
                return Plan(self.by_name["movers"], {}, merge(prev_slots, slots, self._as_of()), 1.0, candidates, True,
                            asked=slots)
            continues = self._continues(slots, best, prev_spec)
            if continues or self._sets_a_setting(prev_spec, prev_slots, slots, best, key):
                # a setting said in words no analysis claims ("show me that at stage level rather than
                # touchpoints"): the last analysis itself, never the analysis a stray word is a weak cue of
                weak = best is None or best.score < MIN_SCORE
                spec = prev_spec if weak and not continues else self._follow_up_tool(prev_spec, slots, best, prev_slots)
                return Plan(spec, {}, merge(prev_slots, slots, self._as_of()), 1.0, candidates, True, asked=slots)
            if slots.refers_back and prev_slots.customer_id and not slots.customer_id:
                slots.customer_id = prev_slots.customer_id  # "them", "they": after the ranking, as ever
            if _THAT.search(slots.norm) and best is not None and best.score >= MIN_SCORE \
                    and not self.by_name[best.tool].changes_state and not prev_spec.changes_state:
                # "how does that compare with last month?": another analysis of the same thing.
                tool = self._follow_up_tool(prev_spec, slots, best, prev_slots)
                return Plan(tool, {}, merge(prev_slots, slots, self._as_of()), best.score, candidates, True,
                            asked=slots)
            if (best is None or best.score < MIN_SCORE) and sets_a_setting_only(prev_spec, slots, self.ctx.for_conversation(key)):
                # (lane probe23c) "anyone who skipped a step shouldnt count": a setting of the last analysis, bare
                return Plan(prev_spec, {}, merge(prev_slots, slots, self._as_of()), 1.0, candidates, True, asked=slots)
        if _REMINDER.search(slots.norm) or NOT_IN_DATA.search(slots.norm):
            return Plan(None, {}, slots, 0.0, candidates)  # a diary; or what no loaded data has (bot/agent/unmeasured.py)
        if best is None or best.score < MIN_SCORE or not self._about_the_business(slots):
            # No rule fits: the tool of the nearest labelled phrasings, said as a guess (bot/agent/similar.py).
            near = None if _COMMAND.search(slots.norm) else nearest(self, slots, candidates)
            if near and near["spec"].name == "kpis" and "trend" in self.by_name and asks_series(slots):
                near = {**near, "spec": self.by_name["trend"]}  # "more than they used to": its course, not its level
            return Plan(args={}, slots=slots, **near) if near else \
                Plan(None, {}, slots, best.score if best else 0.0, candidates)
        if _COMMAND.search(slots.norm) and not (self.by_name[best.tool].changes_state or self.by_name[best.tool].edits):
            # "forget about the checkout thing", "wipe it": an order to remove something that no
            # tool was asked for by name. Never answered with whatever analysis resembles it.
            return Plan(None, {}, slots, best.score, candidates)
        if self.by_name[best.tool].edits and not best.cues:
            # "make the first order of the day a coffee" resembles "make the first one about ...":
            # an edit is made only when its own words were said, never on likeness alone
            return Plan(None, {}, slots, best.score, candidates)
        # An uncertain rules reading that a strong vote of near phrasings reads otherwise (bot/agent/second_opinion.py).
        near = second_opinion(self, slots, candidates)
        return Plan(args={}, slots=slots, **near) if near else \
            Plan(self.by_name[best.tool], {}, slots, best.score, candidates)

    def _amends(self, prev: ToolSpec, slots: Slots, best: Candidate | None) -> ToolSpec | None:
        """"Actually make that 15%" right after an alert rule was proposed or changed: a change
        of that rule (which still asks for confirmation), never reached without that context."""
        from bot.agent.alert_again import amended_by

        change = self.by_name.get("change_alert_rule")
        if change is None or prev.name not in ("create_alert_rule", "change_alert_rule"):
            return None
        if best is not None and best.tool != change.name and self.by_name[best.tool].changes_state \
                and best.score >= MIN_SCORE:
            return None  # "scrap that alert" is a deletion, asked for in so many words
        return self.by_name.get(amended_by(prev.name, slots) or "")  # a change, or the same rule for another KPI

    def _continues(self, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
        """A follow-up that only changes a slot of the last analysis ("and for Instagram?",
        "what about last month?", "just revenue")."""
        if prev.changes_state or re.match(COURTESY, slots.norm):  # "thanks": no follow-up of the last answer
            return False
        text = slots.norm
        if best is not None and best.tool == "save_persona" != prev.name and best.score >= _STRONG:
            return False  # "save card 3 too" after an edit: that card kept, not edited again
        if _ANAPHORA.search(text) and not (best is not None and self.by_name[best.tool].changes_state):
            return True
        if SWAPPED.search(text) and (len(text.split()) <= 10 or sets_two_periods(prev)):
            # "flip it round", "same but reversed": the two periods just set side by side, swapped
            # (bot/agent/swapped_periods.py); "swap the weeks round" names their unit, not a grain
            if unit_of_the_pair(text):
                slots.grain = None
            return True
        from bot.agent.follow_up_args import ADJUSTS_THE_LAST, THE_FIGURES_FOR
        from bot.agent.thread_kept import DROPS_A_FILTER
        if SAME_SPAN.search(text) and not slots.period and not (best is not None and self.by_name[best.tool].changes_state):
            if rx.search(r"\bsame (?:weeks|months|days|quarters|years)\b", text):
                slots.grain = None  # "same weeks?": the weeks just compared, not a weekly series
            return True  # (tune32) "what did the vip folk spend over the same period": the thread's span kept
        if DROPS_A_FILTER.search(text):
            return True  # (lane tune34) "drop the vip bit, everyone please": the last analysis, that filter off
        if same_analysis_again(text, best.tool if best else None, prev.name, bool(slots.period)):
            return True  # (lane tune35) "hut funnel again, by first channel": the thread's span and filters kept
        if slots.step and not slots.period and best is not None and best.tool == prev.name:
            return True  # (lane probe23b) "wat were they moaning about the month before": the last span, a step back
        if best is not None and best.tool == prev.name and ADJUSTS_THE_LAST.search(text):
            return True  # "cut the paths to 4 steps": the paths just shown, one setting changed
        short = len(text.split()) <= 6
        leads = worded_as_a_follow_up(text)
        changed = bool(slots.filled())
        # "how was last month?" names only a period: after an analysis, that analysis again
        bare = best is not None and best.cues == (BARE_PERIOD,)
        if best is not None and not bare and best.tool != prev.name and best.score >= _STRONG and \
                self.by_name[best.tool].changes_state is False and not (leads and short):
            return False
        if leads and (changed or short or (best is not None and best.tool == prev.name)):  # "and what about hour by hour"
            return True
        if changed and THE_FIGURES_FOR.search(text):
            return True  # (lane probe20a) "show me the count for the saturday before": the last figures, another span
        if _FOLLOW_UP_END.search(text) and len(text.split()) <= 10:
            return True  # "list the high and medium risk ones too": the same analysis, widened
        return short and changed and (best is None or bare or best.score < _STRONG)

    def _sets_a_setting(self, prev: ToolSpec, old: Slots, new: Slots, best: Candidate | None, key: str) -> bool:
        """"same but anyone who skipped a step doesnt count", "and dont count anyone who jumped a
        step", "give me that by journey stage rather than touchpoint": put as a follow-up (or about
        "that"), in words that set an argument of the last analysis (bot/agent/setting_amends.py,
        the one reading of lanes tune33 and probe22a)."""
        from bot.agent.setting_amends import ranked_anew, settings_set

        # "put them in order of the size of the change" after a ranking: its ranking, asked for alone
        led = worded_as_a_follow_up(new.norm) or _THAT.search(new.norm) or ranked_anew(prev, new.norm)
        if not led or re.match(COURTESY, new.norm):
            return False
        if best is not None and best.tool != prev.name and best.score >= _STRONG and best.cues:
            return False  # another analysis named outright
        return bool(settings_set(prev, old, new, self.ctx.for_conversation(key), lambda o, n: merge(o, n, self._as_of())))

    def _follow_up_tool(self, prev: ToolSpec, new: Slots, best: Candidate | None, old: Slots | None = None) -> ToolSpec:
        """The analysis a follow-up asks for: the last one, unless the new words ask for a
        series ("now by week"), a split ("and by city?"), a comparison ("vs last month?") of the
        same KPIs, or name another analysis outright."""
        kpi_tools = ("kpis", "compare", "movers", "trend")
        if prev.name == "funnel" and new.metrics and not (new.stages or new.touchpoints) \
                and (best is None or not best.cues or best.tool in kpi_tools):
            # "and in money terms?" after conversion by age band: each band's revenue
            return self.by_name.get("movers" if old is not None and old.breakdown in _DIMENSIONS else "kpis", prev)
        if prev.name in kpi_tools:
            if regrain(prev.name, new) or (prev.name in ("kpis", "compare") and not new.breakdown and asks_series(new)):
                # "weekly instead" after a weekly trend; (lane probe22c) "has that been creeping up?" after a level
                return self.by_name.get("trend", prev)
            if new.breakdown in _DIMENSIONS and prev.name in ("kpis", "compare"):
                return self.by_name.get("movers", prev)
            if (new.against or new.compare) and prev.name == "kpis":
                return self.by_name.get("compare", prev)
        if new.breakdown and splits_by(prev, new.breakdown) and (len(new.norm.split()) <= 7 or _THAT.search(new.norm)) \
                and not (new.metrics or new.stages or new.touchpoints):
            # "and by first-touch channel instead?" after lifetime value by segment: the same analysis,
            # split another way (not the analysis a word of the group's name is a cue of)
            return prev
        from bot.agent.follow_up_args import LEVEL_ONLY
        if "level" in prev.params.model_fields and len(new.norm.split()) <= 7 and LEVEL_ONLY.search(new.norm) \
                and not (new.metrics or new.touchpoints):
            return prev  # (lane probe20a) "same again but stage by stage" after drop-offs: those drop-offs, per stage
        if _REDO.match(new.norm) and (new.grain or new.breakdown or new.period or new.step):
            return prev  # (lane tune33) "do that per month for the listener complaints instead": that analysis, re-cut
        if best is not None and best.cues and best.tool != prev.name and not self.by_name[best.tool].changes_state \
                and best.cues != (BARE_PERIOD,) and not kpi_swapped(prev.name, best.tool, new):  # "how was last week?" after a trend
            return self.by_name[best.tool]
        return prev

    def _about_the_business(self, slots: Slots) -> bool:
        """Whether the question is about what journeybot knows at all: a cue of some tool, a
        word of its domain, or a KPI, stage, channel, customer group or customer it names.
        "Tell me a joke" and "what's the capital of France?" are not."""
        from bot.agent.domain_terms import DOMAIN_NOUNS
        from bot.agent.trade_words import TRADE_NAME
        from bot.agent.vocab import FOREIGN_MEASURE, OFF_TOPIC, WORLD_FACT

        entities = [slots.metrics, slots.stages, slots.customer_id, slots.persona, slots.sources, slots.touchpoints]
        if slots.period or rx.search(r"^(?:so |and |ok,? )?how (?:much|many)\b", slots.norm):
            # "how much did the vips in clifton spend last month?": a group over a period is asked about
            entities += [slots.channels, slots.filters, slots.against]  # (lane probe22a) "q3 against q2": two periods
        # "our happiness index": a KPI we lack (and say so); "the vat rate": not the shop's data at all
        measure = any(kind == "metric" and not FOREIGN_MEASURE.search(w) for kind, w in slots.unknown)
        if WORLD_FACT.search(slots.norm):
            return False  # "what year did vinyl sales overtake CDs": history, not the shop's numbers
        if OFF_TOPIC.search(TRADE_NAME.sub(" ", slots.norm)) and not (slots.metrics or slots.stages or slots.customer_id or measure):
            return False  # "the weather in Galway", "tell us a joke": outside the data, whatever else it names
        foreign = any(kind == "metric" and FOREIGN_MEASURE.search(w) for kind, w in slots.unknown)
        if foreign and not (slots.metrics or slots.stages or slots.customer_id):
            return False  # "the VAT rate on cinema tickets": a rate of the world outside, whatever nouns it shares
        # A town, channel or group alone is not a question about the data ("what's on in Galway
        # tonight?"): it needs something asked about it, a cue or a word of the domain.
        # what read() found in the data (no second query per question)
        known = self._known_cache[1] if self._known_cache else Known()
        # the data's own groups and places alone ("the loyalty lot", "knowle") name, not ask
        values = words(" ".join(v.replace("_", " ") for v in (*known.segments, *known.cities, *known.regions)))
        nouns = words(slots.norm) & DOMAIN_NOUNS - _CHANNEL_WORDS
        if len(slots.norm.split()) <= 4:  # alone, not "anyone talking about the loyalty scheme?"
            nouns -= values
        return any(entities) or measure or bool(nouns) or self._ranker.any_cue(slots)

    # -- helpers --------------------------------------------------------------------------
    def _ask_to_confirm(self, plan: Plan, line: str, alts: list[Alternative], key: str = "default") -> Answer:
        from bot.agent.reading import confirmation_text

        assert plan.spec is not None
        problem = check_change(plan.spec, self.ctx.for_conversation(key), plan.args)
        if problem:  # a change that cannot go through is explained, not offered
            return Answer(f"I can't do that: {problem}", "offline", understood=line, alternatives=alts)
        pending = PendingAction(plan.spec.name, dict(plan.args), line)
        return Answer(confirmation_text(plan.spec.name, plan.args, line), "offline",
                      understood=line, alternatives=alts, pending=pending)

    def _as_of(self) -> Any:
        self._known()
        return self._known_cache[1].as_of if self._known_cache else None

    def _known(self) -> Known:
        """What the data has (channels, segments, places, personas...), read again only when the
        data changed: one query per question checks that."""
        from tools.analytics.filters import known_values

        store = self.ctx.store
        try:
            with store.connect() as con:
                stamp = con.execute(_STAMP_SQL).fetchone()
                saved = con.execute("SELECT count(*) FROM information_schema.tables "
                                    "WHERE table_name = 'personas'").fetchone()[0]
                if saved:
                    stamp = (*stamp, *con.execute("SELECT count(*), max(version) FROM personas").fetchone())
        except Exception:  # an empty or busy store still gets an answer attempt
            stamp = None
        if self._known_cache is not None and self._known_cache[0] == stamp and stamp is not None:
            return self._known_cache[1]
        values: dict[str, Any] = {}
        for dim, key in (("channel", "channels"), ("persona", "personas"), ("segment", "segments"),
                         ("city", "cities"), ("region", "regions"), ("age_band", "age_bands")):
            try:
                values[key] = tuple(known_values(store, dim))
            except Exception:  # an empty or busy store still gets an answer attempt
                values[key] = ()
        try:
            values["touchpoints"] = tuple(store.query(
                "SELECT DISTINCT touchpoint FROM events WHERE touchpoint IS NOT NULL ORDER BY 1")["touchpoint"])
        except Exception:
            values["touchpoints"] = ()
        try:
            # a support desk or a review export with no orders or visits still has a last day
            # ("last christmas" of tickets that end in 2017 is christmas 2016, not last year's)
            values["as_of"] = store.as_of() or store.digest_day()
        except Exception:
            values["as_of"] = None
        known = Known(**values)
        self._known_cache = (stamp, known)
        self._speller = None
        return known

    def _spell(self, known: Known) -> Speller:
        if self._speller is None:
            self._speller = build_speller(self.tools, known)
        return self._speller


# (lane tune33) "do that per month ...", "redo it by town", "run the same again weekly": the last analysis itself
_REDO = re.compile(r"^(?:(?:ok|okay|right|now|and|so|then|can you|could you|would you|please|pls|kindly)[, ]+)*"
                   r"(?:do|redo|re-?run|run|repeat) (?:that|it|this|the same)(?: (?:again|one|thing|analysis|chart|table))?\b", re.I)


def merge(old: Slots, new: Slots, as_of: Any = None) -> Slots:
    """The last analysis's slots with what the follow-up says instead; "the week before
    that" steps the last period back."""
    merged = Slots(**asdict(old))
    for key, value in asdict(new).items():
        if key in ("query", "unknown", "fixes", "step"):
            continue
        if value not in (None, [], {}, False, ""):
            setattr(merged, key, value)
    switched = follow_up_kpis(old, new)  # "and the median?" after the p90; "n september, how many cases"
    if switched:
        merged.metrics = new.metrics = switched
    merged.unknown = list(new.unknown)
    if new.step and not new.period:
        merged.period = shift_back(old.period, new.step, as_of) or old.period
    if old.period and old.against and SWAPPED.search(new.norm):
        merged.period, merged.against = old.against, old.period  # "the other way round, september first"
    return merged
