"""Groups, touchpoints and customer groups named in an owner's own words, read by meaning:
"revenue by locality" is revenue by city, "where do we lose people before they pop something in
the basket?" has add_to_cart as its goal, "revenue from our reseller accounts" is the wholesale
segment's.

The planner's readers of these (bot/agent/slots.py, vocab.py, fuzzy.py) are word rules: they
know the sample's names and the phrasings seen so far, and a real shop's next words fall
through, so the answer splits by nothing, aims at the default goal or counts everyone. This
module runs only then, on the stretches of the question that a breakdown, a journey step or a
group of customers stands in ("by <words>", "which <words> ... most", "before <words>", "of
people who <words>, how many <words> then <words>", "<words> customers"), when the rules read
nothing there. Each stretch is embedded with the offline MiniLM model the nearest-phrasing
fallback already loads (bot/agent/similar.py: the same loaded copy; all stretches of a question
in one call) and compared with what the store has:

- a breakdown with each dimension that has at least two values in the data: its names
  (tools/analytics/filters.py's labels and a few plain ones) and its values ("city: Clifton");
- a journey step with the data's touchpoints, as stored ("add_to_cart" as "add to cart");
- a group of customers with the data's segments.

The best target is taken when it is at least its THRESHOLD alike and ahead of the runner-up by
MARGIN (tuned on the probe bench/meaning_probe.yaml and every tuning bank: docs/BENCHMARKS.md).
The question is then read again with the data's own name in place of the words ("revenue by
city"), so every rule downstream (which tool, which arguments) reads it as if it had been asked
that way; the answer says so ("I read “locality” as city, by meaning") and offers the runners-up
as other readings, each the question with that name in place (bot/agent/reading.py).

Never for a tool that changes something: a reading by meaning that ends at one is dropped and the
question is planned from its own words. Without the model, with JOURNEYBOT_PLANNER_FALLBACK=off
or JOURNEYBOT_MEANING_ARGS=off, or when the rules read every stretch, nothing is loaded or
embedded. The data's texts are embedded once per content (a new data version with the same
names costs nothing).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.agent.meaning_notes import ALTERNATIVE, NOTE, SEP, notes, other_questions
from bot.agent.meaning_words import group_words, segment_words, step_words, undated_text
from bot.agent.patterns import rx
from bot.config import switch

# group_words is re-exported: the tests read the stretches through this module, as ever.
__all__ = ["ALTERNATIVE", "NOTE", "group_words", "notes", "other_questions", "read"]

if TYPE_CHECKING:  # numpy loads with the first reading by meaning, not with the planner
    import numpy as np

SETTING = "JOURNEYBOT_MEANING_ARGS"
THRESHOLD = {"group": 0.4, "step": 0.5, "segment": 0.45}  # least cosine of the best target
MARGIN = 0.03  # the best target's lead over the runner-up (a near tie is no reading)
RUNNERS_UP = 2  # other readings offered
log = logging.getLogger(__name__)

# What each breakdown dimension is called, besides its values in the data.
_DIMENSION_NAMES = {
    "channel": ("channel", "first-touch channel", "marketing channel", "how customers found us",
                "where customers came from", "traffic source"),
    "acquisition_channel": ("acquisition channel", "acquisition channel in the crm", "how the customer was acquired"),
    "segment": ("segment", "customer segment", "type of customer", "customer group", "tier"),
    "city": ("city", "town", "where customers live", "city or town"),
    "region": ("region", "county", "state or province"),
    "age_band": ("age band", "age group", "how old customers are"),
    "persona": ("persona", "saved persona"),
}
# The dimension's word the rules read ("revenue by city"), put in place of the owner's words.
_DIMENSION_WORD = {"channel": "channel", "acquisition_channel": "acquisition channel", "segment": "segment",
                   "city": "city", "region": "region", "age_band": "age band", "persona": "persona"}

@dataclass(frozen=True)
class Reading:
    """Some words of the question read as a name the data has."""

    kind: str  # group | step | segment
    words: str  # as said
    target: str  # the dimension, touchpoint or segment
    similarity: float
    others: tuple[str, ...]  # runners-up, best first


def enabled(config: Any) -> bool:
    from bot.agent.similar import enabled as fallback_on

    return switch(getattr(config, "env", None), SETTING, True) and fallback_on(config)


# -- what the data has ----------------------------------------------------------------------------


def targets(known: Any, acquisition: tuple[str, ...] = (), described: dict[str, str] | None = None,
            ) -> dict[str, dict[str, list[str]]]:
    """For each kind, each target and the texts that stand for it, from what the store has:
    a touchpoint is its name and what the touchpoint map says it is ("placed an order online";
    the config's [touchpoints] can describe a shop's own)."""
    described = described or {}
    groups: dict[str, list[str]] = {}
    values = {"channel": known.channels, "segment": known.segments, "city": known.cities, "region": known.regions,
              "age_band": known.age_bands, "persona": known.personas, "acquisition_channel": acquisition}
    for dim, names in _DIMENSION_NAMES.items():
        have = list(values.get(dim) or ())
        # A dimension the data cannot split by stays in, by its names, under its own label
        # (ABSENT): words closest to it are about it, and read as nothing ("customer type"
        # is a segment even where the data has none; never the next best thing it has).
        label = dim if len(have) >= 2 else ABSENT + dim
        groups[label] = list(names) + [f"{_DIMENSION_WORD[dim]}: {str(v).replace('_', ' ')}" for v in have[:30]]
    steps = {tp: [tp.replace("_", " ").lower()] + ([described[tp]] if described.get(tp) else [])
             for tp in known.touchpoints}
    segments = {s: [s.replace("_", " ").lower()] for s in known.segments}
    return {"group": groups, "step": steps, "segment": segments}


class Targets:
    """The texts of one data version, embedded once per content: in this process, and in the
    model cache folder (bot/agent/vector_cache.py) for the next one."""

    def __init__(self, table: dict[str, dict[str, list[str]]], embedder: Any, file: Any = None):
        self.table = table
        self.embedder = embedder
        self.file = file
        self.texts = [t for kind in table.values() for ts in kind.values() for t in ts]
        self.labels = [(k, target) for k, kind in table.items() for target, ts in kind.items() for _ in ts]
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()

    def vectors(self) -> np.ndarray:
        with self._lock:
            if self._vectors is None:
                from bot.agent.vector_cache import load_or_embed

                self._vectors = load_or_embed(self.texts, self.embedder, self.file, "data's name vectors") \
                    if self.texts else None
            return self._vectors

    def rank(self, kind: str, q: np.ndarray) -> list[tuple[str, float]]:
        """Every target of a kind by its closest text, best first."""
        import numpy as np

        vectors = self.vectors()
        if vectors is None:
            return []
        sims = vectors @ q
        best: dict[str, float] = {}
        for (k, target), s in zip(self.labels, np.asarray(sims), strict=True):
            if k == kind and s > best.get(target, -1.0):
                best[target] = float(s)
        return sorted(best.items(), key=lambda kv: -kv[1])


_CACHE: dict[str, Targets] = {}
_CACHE_LOCK = threading.Lock()
_BROKEN = False


def targets_for(planner: Any, known: Any) -> Targets | None:
    from bot.agent.similar import exemplars_for

    bank = exemplars_for(planner.ctx)
    if bank is None:
        return None
    table = canonical(targets(known, _acquisition(planner), _described(planner, known.touchpoints)))
    digest = rows_digest(table, bank.embedder.identity)
    with _CACHE_LOCK:
        if digest not in _CACHE:
            if len(_CACHE) > 8:  # a long-running process sees a few data versions, not hundreds
                _CACHE.clear()
            from bot.agent.vector_cache import cache_file

            _CACHE[digest] = Targets(table, bank.embedder, cache_file(bank.cache_dir, "planner-values", digest, bank.embedder))
        return _CACHE[digest]


def canonical(table: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, list[str]]]:
    """The table with each kind's targets in name order: the store lists touchpoints in no set
    order (SELECT DISTINCT), and the same names must give the same rows, in the same order."""
    return {kind: dict(sorted(by_target.items())) for kind, by_target in table.items()}


def rows_digest(table: dict[str, dict[str, list[str]]], identity: str) -> str:
    """Names the cached vectors of exactly these rows, in this order (row i is the vector of
    text i): a key that ignored the order once let a file written for one order of the same
    names be read for another, each vector under another touchpoint's label."""
    rows = [(kind, target, text) for kind, by_target in table.items() for target, texts in by_target.items()
            for text in texts]
    return hashlib.sha256(repr((rows, identity)).encode()).hexdigest()


def _described(planner: Any, touchpoints: tuple[str, ...]) -> dict[str, str]:
    try:
        tpmap = planner.ctx.config.touchpoint_map()
    except Exception:  # a config without a touchpoint map: the names alone
        return {}
    out = {}
    for tp in touchpoints:
        info = tpmap.lookup(tp)
        if info is not None and info.description:
            out[tp] = rx.sub(r"\s*\([^)]*\)", "", info.description).strip()  # "(web analytics export)"
    return out


_ACQUISITION: dict[Any, tuple[str, ...]] = {}


def _acquisition(planner: Any) -> tuple[str, ...]:
    """The CRM's acquisition channels, read once per data version (the planner's own stamp)."""
    from tools.analytics.filters import known_values

    stamp = (id(planner.ctx.store), planner._known_cache[0] if planner._known_cache else None)
    if stamp not in _ACQUISITION:
        try:
            _ACQUISITION.clear()
            _ACQUISITION[stamp] = tuple(known_values(planner.ctx.store, "acquisition_channel"))
        except Exception:  # an empty or busy store: no such breakdown to read
            return ()
    return _ACQUISITION[stamp]


ABSENT = "absent:"  # a dimension's label when the data has fewer than two of its values


def accept(kind: str, ranking: list[tuple[str, float]]) -> bool:
    if not ranking or ranking[0][1] < THRESHOLD[kind] or ranking[0][0].startswith(ABSENT):
        return False
    return len(ranking) < 2 or ranking[0][1] - ranking[1][1] >= MARGIN


# -- the planner's hook ---------------------------------------------------------------------------


def read(planner: Any, slots: Any) -> Any:
    """The planner's hook (OfflinePlanner._choose), right after the rules read the question:
    when some words stand where a breakdown, a journey step or a group of customers would and
    the rules read none there, the question read again with the data's names in their place,
    the readings noted in `unknown` for the answer. Otherwise `slots`, untouched."""
    global _BROKEN
    if _BROKEN or not enabled(planner.ctx.config):
        return slots
    known = planner._known_cache[1] if planner._known_cache else None
    if known is None:
        return slots
    undated = undated_text(slots)
    groups = group_words(slots, known, undated) if len(known.names()) else []
    steps, chain = step_words(slots, known, undated) if known.touchpoints else ([], False)
    if steps and not chain and (slots.touchpoints or _named_steps(steps, known)):
        steps = []  # the rules read the goal already
    segments = segment_words(slots) if len(known.segments) >= 2 and not slots.filters.get("segment") else []
    if not (groups or steps or segments):
        return slots
    try:
        table = targets_for(planner, known)
        if table is None:
            return slots
        asked = list(dict.fromkeys(groups + steps + [w for w, _ in segments]))
        vectors = table.embedder.embed(asked)  # every stretch of the question in one call
        table.vectors()  # the data's names: embedded (or loaded) here, where a failure is caught
    except Exception as exc:  # a broken model install: the rules' reading stands, as without the model
        log.warning("reading arguments by meaning is off: %s: %s", type(exc).__name__, exc)
        _BROKEN = True
        return slots
    vec = dict(zip(asked, vectors, strict=True))
    readings: list[tuple[Reading, str]] = []  # and the words to replace
    for words in groups:
        ranking = table.rank("group", vec[words])
        if accept("group", ranking):
            readings.append((_reading("group", words, ranking), words))
            break
        if ranking and ranking[0][0].startswith(ABSENT) and ranking[0][1] >= THRESHOLD["group"]:
            # a group the data does not have ("customer type" with no segments): said, not guessed
            slots.unknown = [*slots.unknown, ("who", words)]
            break
    if steps:
        readings += _steps(table, steps, chain, vec, known)
    for words, stretch in segments:
        ranking = table.rank("segment", vec[words])
        if accept("segment", ranking):
            readings.append((_reading("segment", words, ranking), stretch))
            break
    if not readings:
        return slots
    return _reread(planner, slots, readings)


def _reading(kind: str, words: str, ranking: list[tuple[str, float]]) -> Reading:
    others = [t for t, _ in ranking[1:] if not t.startswith(ABSENT)]
    return Reading(kind, words, ranking[0][0], ranking[0][1], tuple(others[:RUNNERS_UP]))


def _named_steps(steps: list[str], known: Any) -> list[str]:
    from bot.agent.fuzzy import touchpoints_named

    return [tp for s in steps for tp in touchpoints_named(s, known.touchpoints)]


def _steps(table: Targets, steps: list[str], chain: bool, vec: dict, known: Any) -> list[tuple[Reading, str]]:
    """Each step the rules did not name, read by meaning; a chain only when every step reads."""
    from bot.agent.fuzzy import touchpoints_named

    out = []
    for words in steps:
        if chain and touchpoints_named(words, known.touchpoints):
            continue  # this step the rules name already
        ranking = table.rank("step", vec[words])
        if not accept("step", ranking):
            return [] if chain else out
        out.append((_reading("step", words, ranking), words))
    return out


def _name(reading: Reading, target: str) -> str:
    if reading.kind == "group":
        return _DIMENSION_WORD[target]
    if reading.kind == "segment":
        return f"{target.lower()} customers"
    return target


def _reread(planner: Any, slots: Any, readings: list[tuple[Reading, str]]) -> Any:
    text = slots.norm
    for reading, stretch in readings:
        text = rx.sub(rf"(?<![\w-]){re.escape(stretch)}(?![\w-])", _name(reading, reading.target), text, count=1)
    if text == slots.norm:
        return slots
    from bot.agent.slots import parse

    known = planner._known_cache[1]  # as the question was read just now: no second query to the store
    again = parse(text, as_of=known.as_of, known=known, speller=planner._spell(known))
    after = _best(planner, again)
    before = _best(planner, slots) if {r.kind for r, _ in readings} - {"group"} else None
    if after is not None and planner.by_name[after].changes_state:
        return slots  # never a change reached by meaning: the question is planned from its own words
    kinds = {r.kind for r, _ in readings}
    if "group" in kinds and (after is None or "by" not in planner.by_name[after].params.model_fields):
        return slots  # a breakdown only for a tool that splits by one: else the words stay as said
    sure = _best(planner, slots, STRONG) if "group" in kinds else None
    if sure is not None and sure != after:
        # "which clients might not come back ...?": a question the rules read clearly as another
        # analysis is not turned into a split by group because a word of it resembles one
        return slots
    if "step" in kinds and (after not in _JOURNEY or before not in (None, after)):
        return slots  # a step fills a journey question's arguments; it never makes one
    if "segment" in kinds and before not in (None, after):
        return slots  # a group of customers narrows the question asked, it never changes it
    again.fixes = list(slots.fixes)  # the typos read past in the question as asked
    notes, alternatives = [], []
    for reading, _ in readings:
        kind = {"group": "", "step": "the step ", "segment": "the segment "}[reading.kind]
        shown = _DIMENSION_WORD[reading.target] if reading.kind == "group" else reading.target.replace("_", " ")
        used = f"{reading.kind}{SEP}{reading.target}{SEP}"
        notes.append((NOTE, f"{used}I read “{reading.words}” as {kind}{shown}, by meaning"))
        others = [o for o in reading.others if not rx.search(rf"(?<![\w-]){re.escape(_name(reading, o))}(?![\w-])", text)]
        for other in others[:1 if len(readings) > 1 else RUNNERS_UP]:  # not a step the chain has already
            alternatives.append((ALTERNATIVE, used + text.replace(_name(reading, reading.target), _name(reading, other), 1)))
    again.unknown = [u for u in again.unknown if u[0] != "who" or not any(
        r.kind == "segment" for r, _ in readings)] + notes + alternatives
    return again


_JOURNEY = ("funnel", "dropoffs", "paths")


STRONG = 0.9  # the planner's score of a reading its rules are sure of (bot/agent/follow_up_reading.py STRONG)


def _best(planner: Any, slots: Any, least: float = 0.3) -> str | None:
    """The tool the rules rank first, if they pick one at all (the planner's MIN_SCORE, or
    `least`)."""
    ranked = planner._ranker.rank(slots)
    return ranked[0].tool if ranked and ranked[0].score >= least else None
