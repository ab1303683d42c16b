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

from pathlib import Path
from typing import Any

from bot.agent.analytics_cues import asks_series
from bot.agent.domain_terms import build_speller
from bot.agent.empty_period import failed_body
from bot.agent.follow_up_args import keep_unchanged, levels_of_a_split_funnel
from bot.agent.follow_up_reading import MIN_SCORE, read_follow_up
from bot.agent.fuzzy import Speller, words
from bot.agent.occasion_named import named_occasion, occasion_refusal, occasion_said
from bot.agent.patterns import rx
from bot.agent.plan import Plan, stored_slots
from bot.agent.ranking import ToolRanker
from bot.agent.second_opinion import second_opinion
from bot.agent.similar import nearest
from bot.agent.slots import Known, Slots, parse
from bot.agent.thread_cues import COMMAND as _COMMAND
from bot.agent.thread_cues import REMINDER as _REMINDER
from bot.agent.thread_cues import THAT_CUSTOMER as _THAT_CUSTOMER
from bot.agent.tools import ToolContext, ToolSpec, check_change, run_tool
from bot.agent.unmeasured import NOT_IN_DATA
from bot.agent.vocab import CHANNEL_SYNONYMS
from bot.answer import Alternative, Answer, PendingAction
from bot.memory import PlannerMemory

_STAMP_SQL = ("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM events), "
              "(SELECT count(*) FROM orders), (SELECT max(ts) FROM events), (SELECT max(ts) FROM orders)")
# A channel's name is a domain word, but alone ("tiktok") it asks nothing about it.
_CHANNEL_WORDS = {w for pair in CHANNEL_SYNONYMS.items() for w in pair}
_SHOWCASE = ("kpis", "dropoffs", "feedback_themes")  # the kinds of question suggestions() offers


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
        from bot.agent.ticket_brand_tool import brand_ranked

        plan = self._choose(question, key)
        ranked = [(c.tool, c.score) for c in plan.candidates]
        if plan.spec is not None and ranked and ranked[0][0] != plan.spec.name:
            top = max(plan.score, ranked[0][1])
            ranked = [(plan.spec.name, top)] + [r for r in ranked if r[0] != plan.spec.name]
        return brand_ranked(self, question, plan, ranked)  # a tool only the model ranks this way

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
        # (lane real29a) events naming products: what is looked at, by brand, category or product
        from bot.agent.product_interest_tool import looked_at

        seen = looked_at(self, plan)
        if seen is not None:
            return seen
        if plan.spec is None or plan.spec.plan is None:
            if plan.spec is None and not plan.follow_up:  # (lane real29b) "how fast does AmazonHelp reply?"
                from bot.agent.ticket_brand_tool import brand_split
                return brand_split(self, plan)
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
        from bot.agent.ticket_brand_tool import brand_split
        from bot.agent.unrated_feelings import satisfaction_by_place, sentiment_without_csat

        final = Plan(plan.spec, args, plan.slots, plan.score, plan.candidates, plan.follow_up, notes, plan.asked)
        # (lane real29a) where customers come from: all of them
        from bot.agent.where_from import everyone_by_place

        return everyone_by_place(brand_split(self, sentiment_without_csat(
            self, final if plan.follow_up else satisfaction_by_place(self, final))))

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
        # (lane real27b) "black friday week": said by name, and last year's said when this year's is after the data
        occasion, as_of = named_occasion(question, plan.args, self._as_of()), self._as_of()
        refused = occasion and occasion_refusal(occasion, as_of, self.ctx.store)
        if refused:
            self.remember(key, plan)
            line = occasion_said("", line, occasion, as_of)[1]
            return Answer(f"{line}:\n{refused}", "offline", understood=line, alternatives=alts)
        record = run_tool(plan.spec, self.ctx.for_conversation(key), plan.args)
        if record.ok:
            body, line = record.result.to_text(), understood(plan.spec.name, answered_args(plan.args, record.result), plan.slots)
            from bot.agent.wait_mean_asked import mean_beside_median
            mean = mean_beside_median(question, plan.spec.name, plan.args, record.result, self.ctx.store)
            body = f"{body}\n{mean}" if mean else body
        else:
            body, alts = failed_body(self, plan, record, alts)
        self.remember(key, plan)
        if occasion:
            body, line = occasion_said(body, line, occasion, as_of, plan.args)
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
            follow_up = read_follow_up(self, question, slots, candidates, key, prev_spec, prev_slots)
            if follow_up is not None:
                return follow_up
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
