"""A second opinion from the nearest-phrasing vote when the rules' own reading is uncertain.

The rules pick a tool but say the question could mean more than one analysis (a guess: the best
score is low and no cue fired; or a runner-up within CLEAR_MARGIN, bot/agent/reading.py). On blind
banks at their first score, neither rules nor phrasings having seen them, those readings were
right only about half the time, while the fallback's vote (bot/agent/similar.py) naming another
tool with at least VOTES of its K neighbours and a closest phrasing at least SIMILARITY alike was
right 12 times in 13 and never turned a right answer wrong (blind17-20, tool and arguments;
bench/planner_second_opinion.py, docs/BENCHMARKS.md "Second opinion from the vote, phase W").
A firm rules reading is never second-guessed: there the vote broke as many answers as it fixed.

It is part of the fallback (off with JOURNEYBOT_PLANNER_FALLBACK=off), never reaches a tool that
changes or edits something, says that the question was read by resemblance and keeps the rules'
tool as the first other reading. Only uncertain readings (a few in a hundred) pay for the
encoder, so a clear question still plans without numpy or the model.
"""

from __future__ import annotations

from typing import Any

from bot.agent import similar
from bot.agent.ranking import Candidate
from bot.config import switch

SETTING = "JOURNEYBOT_PLANNER_SECOND_OPINION"
SIMILARITY = 0.6  # least cosine of the vote winner's closest phrasing
VOTES = 4  # least number of the K neighbours that are the winner's


def enabled(config: Any) -> bool:
    """[model] planner_second_opinion (off by default), unless JOURNEYBOT_PLANNER_SECOND_OPINION says
    on or off. Off by default because the vote cannot see a question's structure: on the round tests
    it overruled right readings with near phrasings of another tool ("how long does delivery take in
    each state?" is each region's level, the vote said one number), five times, at cosines 0.75-0.86
    that no threshold separates from its fixes on the blind banks (docs/BENCHMARKS.md)."""
    default = bool(getattr(getattr(config, "model", None), "planner_second_opinion", False))
    return switch(getattr(config, "env", None), SETTING, default)


def uncertain(candidates: tuple[Candidate, ...], slots: Any) -> bool:
    """The rules' reading as bot/agent/reading.py calls it uncertain (a guess, or a close runner-up)."""
    from bot.agent.reading import CLEAR_MARGIN, MIN_PLAUSIBLE, WEAK

    if len(candidates) < 2:
        return False
    best, second = candidates[0], candidates[1]
    close = second.score >= MIN_PLAUSIBLE and best.score - second.score < CLEAR_MARGIN
    guessed = best.score < WEAK and not best.cues and not (slots.metrics or slots.stages)
    return close or guessed


def second_opinion(planner: Any, slots: Any, candidates: tuple[Candidate, ...]) -> dict[str, Any] | None:
    """The planner's Plan fields (spec, score, candidates, notes) when a strong vote names another
    read-only tool than the rules' uncertain one, else None. Called by OfflinePlanner._choose."""
    from bot.agent.analytics_cues import asks_series
    from bot.agent.reading import _DESTRUCTIVE

    if not candidates or similar._BROKEN or not similar.enabled(planner.ctx.config) or not enabled(planner.ctx.config):
        return None
    rule = planner.by_name[candidates[0].tool]
    if rule.changes_state or rule.edits or rule.plan is None or not uncertain(candidates, slots) \
            or _DESTRUCTIVE.search(slots.norm):
        return None
    allowed = {t.name for t in planner.tools if not t.changes_state and not t.edits and t.plan is not None}
    try:
        bank = similar.exemplars_for(planner.ctx)
        vote = bank.vote(slots.text or slots.norm, allowed=allowed) if bank is not None else None
    except Exception as exc:  # a broken model install: the rules' reading stands
        similar.log.warning("the planner's nearest-phrasing fallback is off: %s: %s", type(exc).__name__, exc)
        similar._BROKEN = True
        return None
    if vote is None or vote.tool == rule.name or vote.tool not in allowed \
            or vote.similarity < SIMILARITY or vote.votes < VOTES:
        return None
    spec = planner.by_name[vote.tool]
    if spec.name == "kpis" and "trend" in planner.by_name and asks_series(slots):
        spec = planner.by_name["trend"]  # as the fallback: "each week" asks for the course, not the level
    if spec.name == rule.name:
        return None
    # The rules' tool first among the other readings, at the vote's score so it is always offered.
    ranked = (Candidate(spec.name, round(vote.similarity, 4)),
              Candidate(rule.name, round(vote.similarity, 4), candidates[0].cues))
    rest = tuple(c for c in candidates if c.tool not in (spec.name, rule.name))
    return {"spec": spec, "score": vote.similarity, "candidates": ranked + rest, "notes": (note(vote, rule.name),)}


def note(vote: similar.Vote, rule: str) -> str:
    """Why the reading may be wrong, in the answer's words."""
    quoted = ", ".join(f"“{q}”" for q in vote.like)
    return (f"the words fit more than one analysis ({rule} among them), so I went by resemblance: "
            f"closest to questions like {quoted}")
