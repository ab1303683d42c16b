"""A follow-up, read once and in one place (lane unify35; the planner's follow-up path before).

After an answer, the next message may change the last analysis ("and for Instagram only?",
"drop the vip bit", "the month before", "anyone who skipped a step doesnt count"), name another
analysis of the same thing ("how does that compare with last month?"), or be a new question.
`read_follow_up` asks this in one fixed order (`READINGS`, the first that fits) and gives the plan
of a follow-up, or None for a new question. A follow-up keeps the rest of the thread's reading (`merge`).

What a follow-up may change of the last analysis while keeping the rest is one ordered list,
`CHANGES` (each entry was one lane's `if` in the planner): the first that fits is the change read.
Settings said in words no analysis claims (skips, windows, ranks, steps) are asked of the last
analysis's own plan (bot/agent/setting_amends.py: `settings_set` after a lead word, `said` bare).
`planner` is the OfflinePlanner, passed in (it imports this module, never the reverse).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from bot.agent.analytics_cues import BARE_PERIOD, asks_series
from bot.agent.blame_that import BLAMES_THAT, KPI_ANALYSES
from bot.agent.follow_up_args import ADJUSTS_THE_LAST, LEVEL_ONLY, THE_FIGURES_FOR, splits_by
from bot.agent.follow_up_grain import kpi_swapped, regrain
from bot.agent.narrow_last import the_last_named
from bot.agent.patterns import lazy, rx
from bot.agent.plan import Plan
from bot.agent.ranking import Candidate
from bot.agent.refused_asks import COURTESY
from bot.agent.same_again import same_analysis_again
from bot.agent.same_word_kpi import follow_up_kpis
from bot.agent.setting_amends import ranked_anew, sets_a_setting_only, settings_set
from bot.agent.slots import Slots
from bot.agent.step_back import shift_back
from bot.agent.swapped_periods import (
    NAMED_FIRST,
    SWAPPED,
    named_first_swaps,
    sets_two_periods,
    unit_of_the_pair,
)
from bot.agent.thread_cues import ANAPHORA, CORRECTED, SAME_SPAN, THAT, worded_as_a_follow_up
from bot.agent.thread_cues import FOLLOW_UP_END as _FOLLOW_UP_END
from bot.agent.thread_kept import DROPS_A_FILTER
from bot.agent.thread_kpi import carried
from bot.agent.tools import ToolSpec

MIN_SCORE = 0.3  # below this the planner does not pick a tool, it asks back
STRONG = 0.9  # a follow-up that clearly asks for another analysis gets that analysis
DIMENSIONS = ("channel", "acquisition_channel", "segment", "city", "region", "age_band", "persona")
_KPI_TOOLS = ("kpis", "compare", "movers", "trend")


@dataclass
class _Thread:
    """A message after an answer, with what the thread had: the readers below share it."""
    planner: Any
    question: str
    slots: Slots  # the message's own slots
    candidates: tuple[Candidate, ...]
    key: str
    prev_spec: ToolSpec  # the last analysis
    prev_slots: Slots  # and its slots

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def kept(self) -> Slots:
        """The thread's slots with what the message says instead (`merge`)."""
        return merge(self.prev_slots, self.slots, self.planner._as_of())

    def again(self, spec: ToolSpec | None = None, score: float = 1.0) -> Plan:
        """`spec` (the last analysis unless said) on the thread's slots, changed as the message says."""
        return Plan(self.prev_spec if spec is None else spec, {}, self.kept(), score, self.candidates, True, asked=self.slots)


def _rule_amended(t: _Thread) -> Plan | None:
    amend = _amends(t.planner, t.prev_spec, t.slots, t.best)
    return None if amend is None else Plan(amend, {}, t.slots, 1.0, t.candidates, True, asked=t.slots)


def _named_again(t: _Thread) -> Plan | None:
    # "split the pudding funnel per age band": the last analysis, named, another way
    return t.again() if the_last_named(t.prev_spec.name, t.slots.norm) else None


def _kpi_carried(t: _Thread) -> Plan | None:
    # the KPI just shown, drawn, watched or explained (bot/agent/thread_kpi.py)
    thread = carried(t.prev_spec, t.prev_slots, t.slots, t.best)
    if not thread:
        return None
    if thread == "trend":
        return t.again(t.planner.by_name[thread])
    return Plan(t.planner.by_name[thread], {}, t.slots, 1.0, t.candidates, False, asked=None)


def _its_own_follow_ups(t: _Thread) -> Plan | None:
    # the last analysis's own follow-up words ("n ..." is "and ...")
    said = any(rx.search(p, t.question, re.I) or rx.search(p, t.slots.norm, re.I) for p in t.prev_spec.follow_ups)
    return t.again() if said else None


def _blamed_on_groups(t: _Thread) -> Plan | None:
    # "which segment's behind that then": the KPI just shown, group by group (bot/agent/blame_that.py)
    slots, by_name = t.slots, t.planner.by_name
    if t.prev_spec.name in KPI_ANALYSES and slots.breakdown in DIMENSIONS and not slots.metrics \
            and "movers" in by_name and BLAMES_THAT.search(slots.norm):
        return t.again(by_name["movers"])
    return None


def _slot_or_setting_changed(t: _Thread) -> Plan | None:
    # a change of the last analysis (`CHANGES`, `continues`), or a setting said in words no analysis
    # claims ("show me that at stage level rather than touchpoints"): the last analysis itself, never
    # the analysis a stray word is a weak cue of
    continued = continues(t.planner, t.slots, t.best, t.prev_spec)
    if not (continued or _sets_a_setting(t.planner, t.prev_spec, t.prev_slots, t.slots, t.best, t.key)):
        return None
    weak = t.best is None or t.best.score < MIN_SCORE
    return t.again(t.prev_spec if weak and not continued else follow_up_tool(t.planner, t.prev_spec, t.slots, t.best, t.prev_slots))


def _that_analysed_otherwise(t: _Thread) -> Plan | None:
    slots, best = t.slots, t.best
    if slots.refers_back and t.prev_slots.customer_id and not slots.customer_id:
        slots.customer_id = t.prev_slots.customer_id  # "them", "they": after the ranking, as ever
    if THAT.search(slots.norm) and best is not None and best.score >= MIN_SCORE \
            and not t.planner.by_name[best.tool].changes_state and not t.prev_spec.changes_state:
        # "how does that compare with last month?": another analysis of the same thing.
        return t.again(follow_up_tool(t.planner, t.prev_spec, slots, best, t.prev_slots), best.score)
    return None


def _a_setting_said_bare(t: _Thread) -> Plan | None:
    # (lane probe23c) "anyone who skipped a step shouldnt count": a setting of the last analysis, bare
    weak = t.best is None or t.best.score < MIN_SCORE
    return t.again() if weak and sets_a_setting_only(t.prev_spec, t.slots, t.planner.ctx.for_conversation(t.key)) else None


# How a message after an answer is read, in this order (the first that fits): each was one
# lane's `if` in the planner.
READINGS: tuple[tuple[str, Callable[[_Thread], Plan | None]], ...] = (
    ("the alert rule just made, amended", _rule_amended),
    ("the last analysis named again", _named_again),
    ("the KPI just shown, carried on", _kpi_carried),
    ("the last analysis's own follow-up words", _its_own_follow_ups),
    ("the KPI just shown, blamed on groups", _blamed_on_groups),
    ("a slot or setting of the last analysis changed", _slot_or_setting_changed),
    ("that, analysed otherwise", _that_analysed_otherwise),
    ("a setting of the last analysis, said bare", _a_setting_said_bare),
)


def read_follow_up(planner: Any, question: str, slots: Slots, candidates: tuple[Candidate, ...], key: str,
                   prev_spec: ToolSpec, prev_slots: Slots) -> Plan | None:
    """The plan of a message read as a follow-up of the last analysis (`prev_spec` on
    `prev_slots`), or None when it is a question of its own (`READINGS`, in order)."""
    thread = _Thread(planner, question, slots, candidates, key, prev_spec, prev_slots)
    return next((plan for _, reads in READINGS if (plan := reads(thread)) is not None), None)


def _amends(planner: Any, prev: ToolSpec, slots: Slots, best: Candidate | None) -> ToolSpec | None:
    """"Actually make that 15%" right after an alert rule was proposed or changed: a change
    of that rule (which still asks for confirmation), never reached without that context."""
    from bot.agent.alert_again import amended_by

    change = planner.by_name.get("change_alert_rule")
    if change is None or prev.name not in ("create_alert_rule", "change_alert_rule"):
        return None
    if best is not None and best.tool != change.name and planner.by_name[best.tool].changes_state \
            and best.score >= MIN_SCORE:
        return None  # "scrap that alert" is a deletion, asked for in so many words
    return planner.by_name.get(amended_by(prev.name, slots) or "")  # a change, or the same rule for another KPI


# -- what a follow-up may change of the last analysis, in the order read -----------------------
_Change = Callable[[Any, Slots, "Candidate | None", ToolSpec], bool]


def _asks_a_change(planner: Any, best: Candidate | None) -> bool:
    return best is not None and planner.by_name[best.tool].changes_state


def _periods_swapped(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    # "flip it round", "same but reversed": the two periods just set side by side, swapped
    # (bot/agent/swapped_periods.py); "swap the weeks round" names their unit, not a grain
    if (SWAPPED.search(slots.norm) or (NAMED_FIRST.search(slots.norm) and sets_two_periods(prev))) \
            and (len(slots.norm.split()) <= 10 or sets_two_periods(prev)):
        if unit_of_the_pair(slots.norm):
            slots.grain = None
        return True
    return False


def _period_kept(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    # (tune32) "what did the vip folk spend over the same period": the thread's span kept
    if SAME_SPAN.search(slots.norm) and not slots.period and not _asks_a_change(planner, best):
        if rx.search(r"\bsame (?:weeks|months|days|quarters|years)\b", slots.norm):
            slots.grain = None  # "same weeks?": the weeks just compared, not a weekly series
        return True
    return False


def _filter_dropped(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    # (lane tune34) "drop the vip bit, everyone please": the last analysis, that filter off
    return bool(DROPS_A_FILTER.search(slots.norm))


def _same_again(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    # (lane tune35) "hut funnel again, by first channel": the same analysis, the thread's span and filters kept
    return same_analysis_again(slots.norm, best.tool if best else None, prev.name, bool(slots.period))


def _period_stepped_back(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    # (lane probe23b) "wat were they moaning about the month before": the last span, a step back
    if slots.step and not slots.period and not slots.metrics and (best is None or best.score < MIN_SCORE):
        # (lane probe26b) "abacus shipments for the week prior to that one?", "the week just before
        # that, how many tabs": a step back from the thread's span, the trade's own word for what
        # was counted said again, and no other analysis asked for
        return prev.name in _KPI_TOOLS or prev.name == "digest"
    return bool(slots.step and not slots.period and best is not None and best.tool == prev.name)


def _setting_adjusted(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    # "cut the paths to 4 steps": the paths just shown, one setting changed
    return bool(best is not None and best.tool == prev.name and ADJUSTS_THE_LAST.search(slots.norm))


# The first that fits is the change read; the rest of the thread's reading is kept (`merge`).
CHANGES: tuple[tuple[str, _Change], ...] = (
    ("periods swapped", _periods_swapped),
    ("period kept", _period_kept),
    ("filter dropped", _filter_dropped),
    ("the same analysis again", _same_again),
    ("period stepped back", _period_stepped_back),
    ("a setting adjusted", _setting_adjusted),
)


def change_read(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> str | None:
    """Which change of the last analysis (`CHANGES`) a follow-up asks for, or None."""
    return next((name for name, reads in CHANGES if reads(planner, slots, best, prev)), None)


def continues(planner: Any, slots: Slots, best: Candidate | None, prev: ToolSpec) -> bool:
    """A follow-up that only changes a slot of the last analysis ("and for Instagram?",
    "what about last month?", "just revenue")."""
    if prev.changes_state or rx.match(COURTESY, slots.norm):  # "thanks": no follow-up of the last answer
        return False
    text = slots.norm
    if best is not None and best.tool == "save_persona" != prev.name and best.score >= STRONG:
        return False  # "save card 3 too" after an edit: that card kept, not edited again
    if ANAPHORA.search(text) and not _asks_a_change(planner, best):
        return True
    if change_read(planner, slots, best, prev) is not None:
        return True
    short = len(text.split()) <= 6
    leads = worded_as_a_follow_up(text) or bool(CORRECTED.search(slots.text or ""))
    changed = bool(slots.filled())
    # "how was last month?" names only a period: after an analysis, that analysis again
    bare = best is not None and best.cues == (BARE_PERIOD,)
    if best is not None and not bare and best.tool != prev.name and best.score >= STRONG and \
            planner.by_name[best.tool].changes_state is False and not (leads and short):
        return False
    if leads and (changed or short or (best is not None and best.tool == prev.name)):  # "and what about hour by hour"
        return True
    if changed and THE_FIGURES_FOR.search(text):
        return True  # (lane probe20a) "show me the count for the saturday before": the last figures, another span
    if _FOLLOW_UP_END.search(text) and len(text.split()) <= 10:
        return True  # "list the high and medium risk ones too": the same analysis, widened
    return short and changed and (best is None or bare or best.score < STRONG)


def _sets_a_setting(planner: Any, prev: ToolSpec, old: Slots, new: Slots, best: Candidate | None,
                    key: str) -> bool:
    """"same but anyone who skipped a step doesnt count", "and dont count anyone who jumped a
    step", "give me that by journey stage rather than touchpoint": put as a follow-up (or about
    "that"), in words that set an argument of the last analysis (bot/agent/setting_amends.py,
    the one reading of lanes tune33 and probe22a)."""
    # "put them in order of the size of the change" after a ranking: its ranking, asked for alone
    led = worded_as_a_follow_up(new.norm) or THAT.search(new.norm) or ranked_anew(prev, new.norm)
    if not led or rx.match(COURTESY, new.norm):
        return False
    if best is not None and best.tool != prev.name and best.score >= STRONG and best.cues:
        return False  # another analysis named outright
    return bool(settings_set(prev, old, new, planner.ctx.for_conversation(key), lambda o, n: merge(o, n, planner._as_of())))


def follow_up_tool(planner: Any, prev: ToolSpec, new: Slots, best: Candidate | None,
                   old: Slots | None = None) -> ToolSpec:
    """The analysis a follow-up asks for: the last one, unless the new words ask for a
    series ("now by week"), a split ("and by city?"), a comparison ("vs last month?") of the
    same KPIs, or name another analysis outright."""
    by_name = planner.by_name
    if prev.name == "funnel" and new.metrics and not (new.stages or new.touchpoints) \
            and (best is None or not best.cues or best.tool in _KPI_TOOLS):
        # "and in money terms?" after conversion by age band: each band's revenue
        return by_name.get("movers" if old is not None and old.breakdown in DIMENSIONS else "kpis", prev)
    if prev.name in _KPI_TOOLS:
        if regrain(prev.name, new) or (prev.name in ("kpis", "compare") and not new.breakdown and asks_series(new)):
            # "weekly instead" after a weekly trend; (lane probe22c) "has that been creeping up?" after a level
            return by_name.get("trend", prev)
        if new.breakdown in DIMENSIONS and prev.name in ("kpis", "compare"):
            return by_name.get("movers", prev)
        if (new.against or new.compare) and prev.name == "kpis":
            return by_name.get("compare", prev)
    if new.breakdown and splits_by(prev, new.breakdown) and (len(new.norm.split()) <= 7 or THAT.search(new.norm)) \
            and not (new.metrics or new.stages or new.touchpoints):
        # "and by first-touch channel instead?" after lifetime value by segment: the same analysis,
        # split another way (not the analysis a word of the group's name is a cue of)
        return prev
    if "level" in prev.params.model_fields and len(new.norm.split()) <= 7 and LEVEL_ONLY.search(new.norm) \
            and not (new.metrics or new.touchpoints):
        return prev  # (lane probe20a) "same again but stage by stage" after drop-offs: those drop-offs, per stage
    if _REDO.match(new.norm) and (new.grain or new.breakdown or new.period or new.step):
        return prev  # (lane tune33) "do that per month for the listener complaints instead": that analysis, re-cut
    if best is not None and best.cues and best.tool != prev.name and not by_name[best.tool].changes_state \
            and best.cues != (BARE_PERIOD,) and not kpi_swapped(prev.name, best.tool, new):  # "how was last week?" after a trend
        return by_name[best.tool]
    return prev


# (lane tune33) "do that per month ...", "redo it by town", "run the same again weekly": the last analysis itself
_REDO = lazy(r"^(?:(?:ok|okay|right|now|and|so|then|can you|could you|would you|please|pls|kindly)[, ]+)*"
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
    if old.period and old.against and (SWAPPED.search(new.norm) or named_first_swaps(new.norm, old.period, old.against)):
        merged.period, merged.against = old.against, old.period  # "the other way round, september first"
    return merged
